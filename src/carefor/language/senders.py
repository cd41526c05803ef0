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
_ROBOT_ANYWHERE = re.compile(r"(no[-_.]?reply|do[-_.]?not[-_.]?reply|bounce[s]?[-+])", re.I)
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
