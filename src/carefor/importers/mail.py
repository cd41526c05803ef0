"""Mail parsing: one raw RFC 5322 message (bytes) to a MessageRecord. Pure, no Django.

Speed matters (a mailbox holds tens of thousands of messages and the target is several
times mu's indexing speed), so this module takes fast paths for the common cases and
falls back to the `email` package for everything else:

- Headers: the header block is split and unfolded here, keeping only the fields carefor
  uses; values are decoded with email.header (RFC 2047) and email.utils (dates).
- Addresses: simple `Name <addr>` lists are split with a small tokenizer; anything with
  comments, groups or odd quoting goes to email.utils.getaddresses.
- Bodies: mail I sent is parsed in full by the email package (policy.default, with a
  compat32 fallback where it raises), because promise detection needs the text. Other
  mail keeps a snippet; a single-part text body is decoded directly.
"""

from __future__ import annotations

import base64
import binascii
import email
import email.errors
import email.policy
import hashlib
import quopri
import re
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.utils import getaddresses, parsedate_to_datetime

from carefor.importers.html_text import html_to_text
from carefor.importers.records import Address, MessageRecord, Rejected

SNIPPET_CHARS = 400
MAX_BODY_CHARS = 100_000
# Bytes of a non-mine multipart message parsed to find its snippet; the first text part
# nearly always starts within it, and it bounds the work on large attachments.
SNIPPET_SCAN_BYTES = 48 * 1024
# Bytes of a single-part body decoded for a snippet (enough for SNIPPET_CHARS of text).
SNIPPET_RAW_BYTES = 4096

WANTED_HEADERS = frozenset(
    {
        "from", "to", "cc", "date", "subject", "message-id", "in-reply-to", "references",
        "x-gm-thrid", "thread-index", "x-gmail-labels", "list-id", "precedence",
        "auto-submitted", "content-type", "content-transfer-encoding", "list-post",
        "x-autoreply", "x-autorespond", "return-path",
    }
)  # fmt: skip
_MSGID = re.compile(r"<([^<>\s]+)>")
_WS = re.compile(r"\s+")
# One item of an address list: "Name" <addr>, Name <addr>, a bare addr, or nothing.
_ADDR_ITEM = re.compile(
    r"""\s*(?:
        (?:"(?P<qname>[^"]*)"|(?P<name>[^,"<>]*?))\s*<(?P<addr>[^<>\s]+)>
      | (?P<bare>[^\s<>",:]+@[^\s<>",:]+)
      |
    )\s*(?:,|$)""",
    re.VERBOSE,
)
_CHARSET = re.compile(r'charset\s*=\s*"?([\w.:-]+)"?', re.I)


_WANTED_FIELD = re.compile(
    rb"^(" + b"|".join(re.escape(h.encode()) for h in sorted(WANTED_HEADERS)) + rb")[ \t]*:"
    rb"(.*(?:\r?\n[ \t].*)*)",
    re.IGNORECASE | re.MULTILINE,
)
_FOLD = re.compile(r"\r?\n[ \t]+")


def split_headers(block: bytes) -> dict[str, list[str]]:
    """The wanted fields of a header block, unfolded; raw 8-bit bytes read as UTF-8.

    One regular-expression scan picks out only the fields carefor uses, so the dozens
    of Received/DKIM lines of real mail cost almost nothing.
    """
    fields: dict[str, list[str]] = {}
    for match in _WANTED_FIELD.finditer(block):
        name = match.group(1).decode("ascii").lower()
        value = match.group(2).decode("utf-8", errors="replace")
        if "\n" in value:
            value = _FOLD.sub(" ", value)
        fields.setdefault(name, []).append(value.strip())
    return fields


def decode_text(value: str | None) -> str:
    """An RFC 2047 header (=?utf-8?q?...?=) as plain text; never raises."""
    if not value:
        return ""
    if "=?" not in value:
        return " ".join(value.split())
    try:
        text = str(make_header(decode_header(value)))
    except (UnicodeError, LookupError, ValueError, email.errors.HeaderParseError):
        text = value
    return _WS.sub(" ", text).strip()


def _clean_name(name: str) -> str:
    return decode_text(name).strip("\"' ")


def _fast_address_pairs(value: str) -> list[tuple[str, str]] | None:
    """(name, address) pairs for plain lists; None sends the value to getaddresses."""
    if "(" in value or ";" in value or "\\" in value:
        return None  # comments, groups or escapes: let the email package handle them
    pairs: list[tuple[str, str]] = []
    position, length = 0, len(value)
    while position < length:
        match = _ADDR_ITEM.match(value, position)
        if match is None or match.end() == position:
            return None
        if match["addr"]:
            pairs.append((match["qname"] or match["name"] or "", match["addr"]))
        elif match["bare"]:
            pairs.append(("", match["bare"]))
        position = match.end()
    return pairs


def parse_addresses(values: list[str]) -> tuple[Address, ...]:
    """Addresses from To/Cc/From values; groups like 'unlisted-recipients:;' give none."""
    result: list[Address] = []
    for value in values:
        pairs = _fast_address_pairs(value)
        if pairs is None:
            pairs = getaddresses([value])
        for name, addr in pairs:
            addr = addr.strip().strip("<>").strip()
            if "@" in addr and " " not in addr:
                result.append(Address(value=addr, name=_clean_name(name)))
    return tuple(result)


_ADDRESS_VALUE = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")


def quick_addresses(values: list[str]) -> tuple[Address, ...]:
    """Just the addresses of a To/Cc list, without names, at regex speed.

    Names matter only when carefor creates someone from the address, which it does for
    the recipients of mail I send (those get parse_addresses); on mail I receive, others
    on To/Cc are only linked when already known, so their names are never read.
    """
    seen: dict[str, None] = {}
    for value in values:
        if "<" in value or "@" in value:
            for address in _ADDRESS_VALUE.findall(value):
                seen.setdefault(address.rstrip("."), None)
    return tuple(Address(value=address) for address in seen)


def message_ids(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(_MSGID.findall(value))


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if not 1970 <= parsed.year <= 2200:
        return None
    return parsed


def content_key(fields: dict[str, list[str]]) -> str:
    """A stable key for a message without a Message-ID: its identifying headers hashed."""
    parts = [" ".join(fields.get(h, [])) for h in ("date", "from", "to", "subject")]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
    return f"sha256:{digest}"


def _decode_transfer(payload: bytes, encoding: str) -> bytes:
    if encoding == "base64":
        try:
            usable = len(payload) - len(payload) % 4
            return base64.b64decode(re.sub(rb"[^A-Za-z0-9+/=]", b"", payload)[:usable])
        except (binascii.Error, ValueError):
            return b""
    if encoding == "quoted-printable":
        return quopri.decodestring(payload)
    return payload


def _to_text(payload: bytes, charset: str | None, is_html: bool) -> str:
    try:
        text = payload.decode(charset or "utf-8", errors="replace")
    except LookupError:
        text = payload.decode("utf-8", errors="replace")
    return html_to_text(text) if is_html else text


def _first_text_part(message: Message) -> str:
    """The first text/plain part, else the first text/html converted; no attachments."""
    html_part = None
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain" or (kind == "text/html" and html_part is None):
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            text = _to_text(payload, part.get_content_charset(), kind == "text/html")
            if kind == "text/plain":
                return text
            html_part = text
    return html_part or ""


def full_body(raw: bytes) -> str:
    """The whole text of a message, via the email package; compat32 where policy.default raises."""
    try:
        message: Message = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        body = message.get_body(preferencelist=("plain", "html"))
        if body is None:
            return ""
        text = body.get_content()
        return html_to_text(text) if body.get_content_type() == "text/html" else text
    except Exception:
        try:
            return _first_text_part(email.message_from_bytes(raw, policy=email.policy.compat32))
        except Exception:
            return ""


def snippet_body(raw: bytes, body_start: int, fields: dict[str, list[str]]) -> str:
    """A short plain-text start of the message, cheaply."""
    content_type = (fields.get("content-type") or ["text/plain"])[0].lower()
    if content_type.startswith(("text/plain", "text/html")) or not content_type:
        encoding = (fields.get("content-transfer-encoding") or [""])[0].strip().lower()
        chunk = raw[body_start : body_start + SNIPPET_RAW_BYTES]
        charset_match = _CHARSET.search(content_type)
        return _to_text(
            _decode_transfer(chunk, encoding),
            charset_match.group(1) if charset_match else None,
            content_type.startswith("text/html"),
        )
    try:
        message = email.message_from_bytes(raw[:SNIPPET_SCAN_BYTES], policy=email.policy.compat32)
        return _first_text_part(message)
    except Exception:
        return ""


def _header_end(raw: bytes) -> tuple[int, int]:
    """(end of headers, start of body), or (-1, -1) if the headers never end."""
    lf = raw.find(b"\n\n")
    crlf = raw.find(b"\r\n\r\n")
    if crlf != -1 and (lf == -1 or crlf < lf):
        return crlf, crlf + 4
    if lf != -1:
        return lf, lf + 2
    return -1, -1


def parse_message(
    raw: bytes,
    *,
    position: str,
    folder: str = "",
    flags: frozenset[str] = frozenset(),
    my_addresses: frozenset[str] = frozenset(),
    sent_folder: bool = False,
) -> MessageRecord | Rejected:
    """One raw message to a record, or Rejected with the reason it cannot be used."""
    if not raw.strip():
        return Rejected(position, "empty message")
    header_end, body_start = _header_end(raw)
    if header_end == -1:
        # A header-only message is legal; one that stops in the middle of a header line
        # was cut off (a truncated mbox or a partial download).
        if not raw.endswith((b"\n", b"\r\n")):
            return Rejected(position, "truncated message: it ends inside the headers")
        header_end = body_start = len(raw)
    fields = split_headers(raw[:header_end])
    if not fields.keys() & {"from", "message-id", "date", "subject"}:
        return Rejected(position, "not an email message: no From, Date, Subject or Message-ID")

    first = {name: values[0] for name, values in fields.items()}
    senders = parse_addresses(fields.get("from", []))
    sender = senders[0] if senders else None
    ids = message_ids(first.get("message-id"))
    message_id = ids[0] if ids else ""
    labels = decode_text(first.get("x-gmail-labels"))
    label_set = {label.strip().lower() for label in labels.split(",")} if labels else set()
    sent_by_me = (
        sent_folder
        or "sent" in label_set
        or (sender is not None and sender.value.lower() in my_addresses)
    )
    recipients = parse_addresses if sent_by_me else quick_addresses
    if sent_by_me:
        text = full_body(raw).replace("\r\n", "\n").strip()
        body, is_snippet = text[:MAX_BODY_CHARS], len(text) > MAX_BODY_CHARS
    else:
        snippet = snippet_body(raw, body_start, fields) if body_start < len(raw) else ""
        # Collapse white space only as far as the snippet reaches (quoted patches are long).
        body, is_snippet = " ".join(snippet[: SNIPPET_CHARS * 4].split())[:SNIPPET_CHARS], True
    return MessageRecord(
        source_key=message_id or content_key(fields),
        position=position,
        occurred_at=parse_date(first.get("date")),
        subject=decode_text(first.get("subject")),
        sender=sender,
        to=recipients(fields.get("to", [])),
        cc=recipients(fields.get("cc", [])),
        message_id=message_id,
        in_reply_to=next(iter(message_ids(first.get("in-reply-to"))), ""),
        references=message_ids(first.get("references")),
        thread_hint=(first.get("x-gm-thrid") or first.get("thread-index") or "").strip(),
        folder=labels or folder,
        sent_by_me_hint=sent_by_me,
        flags=flags,
        list_id=decode_text(first.get("list-id")),
        precedence=(first.get("precedence") or "").strip().lower(),
        auto_submitted=(first.get("auto-submitted") or "").strip().lower(),
        is_report=(first.get("content-type") or "").lower().startswith("multipart/report"),
        body=body,
        body_is_snippet=is_snippet,
        list_post=(first.get("list-post") or "").strip(),
        auto_reply_header="x-autoreply" in fields or "x-autorespond" in fields,
        return_path_empty=(first.get("return-path") or "").strip() == "<>",
    )


def is_gmail_chat(raw_start: bytes) -> bool:
    """Gmail Takeout puts chats in the mbox with the label 'Chat'; they are not mail."""
    if b"X-Gmail-Labels" not in raw_start:  # Takeout writes it in this case; a cheap test first
        return False
    match = re.search(rb"^X-Gmail-Labels:([^\n]*)", raw_start, re.MULTILINE)
    return bool(match and b"chat" in {p.strip().lower() for p in match.group(1).split(b",")})
