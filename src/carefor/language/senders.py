"""Is this address a person? Pure rules over addresses and a few headers.

carefor creates people only for real correspondents; robots, no-reply senders and
mailing lists are stored as messages but never become people.
"""

from __future__ import annotations

import re

_ROBOT_LOCAL = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer[-_.]?daemon|postmaster|"
    r"bounces?|notifications?|notify|alerts?|automated|auto[-_.]?confirm|newsletters?|"
    r"news|digest|updates|support[-_.]?noreply|calendar[-_.]?notification|"
    r"invitations?|jira|github|gitlab|billing|receipts?|system)([-+_.].*)?$",
    re.IGNORECASE,
)
_ROBOT_ANYWHERE = re.compile(
    r"(no[-_.]?reply|do[-_.]?not[-_.]?reply|bounce[s]?[-+]|[-_.]bot$|^bot[-_.]|robot)", re.I
)
_LIST_LOCAL = re.compile(r"(^|[-_.])(list|lists|l|announce|devel|users|discuss)$", re.I)
_LIST_DOMAINS = ("googlegroups.com", "groups.io", "lists.", "listserv.", "vger.kernel.org")
BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})


def is_automated_address(address: str) -> bool:
    local, _, domain = address.lower().partition("@")
    return bool(_ROBOT_LOCAL.match(local) or _ROBOT_ANYWHERE.search(local)) or domain.startswith(
        ("bounce.", "bounces.", "em.", "mail.notifications.")
    )


def is_list_address(address: str) -> bool:
    local, _, domain = address.lower().partition("@")
    if any(domain == d or domain.startswith(d) or domain.endswith("." + d) for d in _LIST_DOMAINS):
        return True
    return bool(_LIST_LOCAL.search(local))


def is_person_address(address: str) -> bool:
    """Could a human read and answer mail at this address?"""
    return not (is_automated_address(address) or is_list_address(address))


def is_bulk_or_automated(
    *, list_id: str, precedence: str, auto_submitted: str, is_report: bool
) -> bool:
    """Headers of list traffic, auto-replies (RFC 3834) and bounces/receipts."""
    return bool(
        list_id
        or precedence in BULK_PRECEDENCE
        or (auto_submitted and auto_submitted != "no")
        or is_report
    )


_OUT_OF_OFFICE = re.compile(
    r"(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|away from (my )?(desk|email)"
    r"|on (vacation|holiday|leave)|abwesenheit|absence|r[ée]ponse automatique|automatisch)",
    re.IGNORECASE,
)


def not_personal_reason(
    *,
    sender: str,
    to: frozenset[str],
    cc: frozenset[str],
    subject: str,
    my_addresses: frozenset[str],
    list_id: str = "",
    list_post: str = "",
    precedence: str = "",
    auto_submitted: str = "",
    auto_reply_header: bool = False,
    is_report: bool = False,
    return_path_empty: bool = False,
) -> str | None:
    """Why a message is not a person writing to me, or None when it is.

    Order matters only for the reason shown; any one rule is enough to exclude.
    """
    if not sender:
        return "no sender"
    if sender in my_addresses:
        return "from me"
    if is_report or return_path_empty:
        return "bounce or receipt"
    if (auto_submitted and auto_submitted != "no") or auto_reply_header:
        return "auto-reply"
    if _OUT_OF_OFFICE.search(subject):
        return "out-of-office reply"
    if is_automated_address(sender):
        return "automated sender"
    addressed_to_me = bool((to | cc) & my_addresses)
    if (list_id or list_post or precedence in ("list",)) and not addressed_to_me:
        return "mailing list, not addressed to me"
    if precedence in ("bulk", "junk") and not addressed_to_me:
        return "bulk mail"
    if my_addresses and not addressed_to_me:
        return "not addressed to me"
    return None


def stored_message_not_personal(
    meta: dict, *, subject: str, my_addresses: frozenset[str]
) -> str | None:
    """not_personal_reason for a stored message's headers (Interaction.meta, as the
    importers write it), so courtesy and outreach read them the same way."""
    return not_personal_reason(
        sender=meta.get("from", "").lower(),
        to=frozenset(a.lower() for a in meta.get("to", [])),
        cc=frozenset(a.lower() for a in meta.get("cc", [])),
        subject=subject,
        my_addresses=my_addresses,
        list_id=meta.get("list_id", ""),
        list_post=meta.get("list_post", ""),
        precedence=meta.get("precedence", ""),
        auto_submitted=meta.get("auto_submitted", ""),
        auto_reply_header=meta.get("auto_reply_header", False),
        is_report=meta.get("is_report", False),
        return_path_empty=meta.get("return_path_empty", False),
    )
