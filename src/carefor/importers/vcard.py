"""Reading vCard 2.1, 3.0 and 4.0 address books into ContactRecords.

vobject parses the property lines, but real exports trip it up: Android's quoted-printable
soft line breaks, bytes in a charset other than UTF-8, folds in the middle of a UTF-8
sequence, unescaped commas (vobject silently drops the text after them) and photos that are
not valid base64. So each card is cut out of the file on its own, cleaned up at the byte
level, and only then handed to vobject: one bad card costs one Rejected, never the file.

content_key and parse_partial_date are shared with the Google CSV parser, so that one
person exported both ways gets the same key and the same birthday.
"""

from __future__ import annotations

import binascii
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import vobject

from carefor.importers.records import ContactRecord, PartialDate, Rejected, SourceError

__all__ = ["content_key", "parse_partial_date", "parse_vcards"]

_UTF8_BOM = b"\xef\xbb\xbf"
_EOL = re.compile(rb"\r\n|\r|\n")
_PROPERTY_NAME = re.compile(rb"(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]+")
_BASE64_TEXT = re.compile(rb"[A-Za-z0-9+/=\s]+")
# Binary properties are never used; dropping them means a broken photo cannot sink a card.
_BINARY_PROPERTIES = {"PHOTO", "LOGO", "SOUND", "KEY"}
_QUOTED_PRINTABLE = {b"QUOTED-PRINTABLE", b"ENCODING=QUOTED-PRINTABLE"}
_BASE64 = {b"BASE64", b"ENCODING=B", b"ENCODING=BASE64"}
_TRANSFER_PARAMS = {b"8BIT", b"7BIT", b"ENCODING=8BIT", b"ENCODING=7BIT"}
# Values whose ';' and ',' are structure, not text: the cleaner must not escape them.
_STRUCTURED = {"N", "ORG", "ADR", "CLIENTPIDMAP", "GENDER"}
_VCARD_ESCAPES = '\\;,nN"'  # what vobject unescapes; any other backslash is literal
_ANNIVERSARY_PROPERTIES = ("anniversary", "x-anniversary", "x-ms-anniversary")
_NO_YEAR_DATE = re.compile(r"--(\d{2})-?(\d{2})")
_FULL_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?")


def parse_vcards(data: bytes, *, source_name: str = "") -> Iterator[ContactRecord | Rejected]:
    """Yield one ContactRecord or Rejected per BEGIN:VCARD, in file order.

    Raises SourceError only when there is not a single card in the data; undecodable
    bytes are read as cp1252/latin-1 rather than refused, because an address book with a
    mangled accent is still worth importing.
    """
    found = False
    for block in _blocks(_as_utf8_bytes(data)):
        found = True
        yield _parse_block(block)
    if not found:
        raise SourceError(f"{source_name or 'the file'} contains no vCards (no BEGIN:VCARD)")


def content_key(name: str, emails: Iterable[str], phones: Iterable[str]) -> str:
    """A source_key for contacts without a UID, stable across re-exports.

    Case, spacing, phone punctuation and the order of addresses change between exports
    of the same contact, so they are normalised away before hashing.
    """
    payload = [
        " ".join(unicodedata.normalize("NFKC", name).casefold().split()),
        sorted({email.strip().lower() for email in emails} - {""}),
        sorted({re.sub(r"[^\d+]", "", phone) for phone in phones} - {""}),
    ]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_partial_date(text: str, *, omitted_year: str | None = None) -> PartialDate | None:
    """Read --MMDD, --MM-DD, YYYYMMDD or YYYY-MM-DD (a time part is ignored).

    None for anything else (text dates, month-only dates, 30 February): a birthday that
    cannot be read is left out rather than costing the whole contact. Year 0000 and
    Apple's X-APPLE-OMIT-YEAR placeholder year both mean "year unknown".
    """
    value = text.strip()
    year: int | None
    if match := _NO_YEAR_DATE.fullmatch(value):
        year, month, day = None, int(match.group(1)), int(match.group(2))
    elif match := _FULL_DATE.fullmatch(value):
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if year == 0 or (omitted_year and match.group(1) == omitted_year.strip()):
            year = None
    else:
        return None
    result = PartialDate(month=month, day=day, year=year)
    try:
        result.as_date()
    except ValueError:
        return None
    return result


# --- Cutting the file into cards -----------------------------------------------------


@dataclass
class _Block:
    number: int  # 1-based card number
    line: int  # line of its BEGIN:VCARD
    lines: list[tuple[int, bytes]]
    complete: bool
    cut_by: int | None = None  # line of the BEGIN:VCARD that interrupted it

    @property
    def position(self) -> str:
        return f"card {self.number} (line {self.line})"


def _as_utf8_bytes(data: bytes) -> bytes:
    """Outlook writes UTF-16; every later step works on ASCII-compatible bytes."""
    encoding = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif data.startswith(b"B\x00E\x00"):
        encoding = "utf-16-le"
    elif data.startswith(b"\x00B\x00E"):
        encoding = "utf-16-be"
    if encoding:
        data = data.decode(encoding, errors="replace").encode("utf-8")
    return data.removeprefix(_UTF8_BOM)


def _physical_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """CR, LF and CRLF all end a line: exports from old Macs, Windows and Unix all occur."""
    start = 0
    number = 0
    for number, match in enumerate(_EOL.finditer(data), start=1):
        yield number, data[start : match.start()]
        start = match.end()
    if start < len(data):
        yield number + 1, data[start:]


def _marker(raw: bytes) -> str | None:
    if raw[:1] in (b" ", b"\t"):  # a folded continuation, whatever it says
        return None
    text = raw.removeprefix(_UTF8_BOM).strip().upper()
    if text == b"BEGIN:VCARD":
        return "begin"
    if text == b"END:VCARD":
        return "end"
    return None


def _blocks(data: bytes) -> Iterator[_Block]:
    """Cards one at a time, so memory stays flat and a broken card stays contained.

    A BEGIN:VCARD inside a card means the previous card was cut short (a truncated
    export or a concatenation gone wrong); it is reported, not merged into the next.
    """
    current: _Block | None = None
    count = 0
    for number, raw in _physical_lines(data):
        marker = _marker(raw)
        if marker == "begin":
            if current is not None:
                current.cut_by = number
                yield current
            count += 1
            current = _Block(count, number, [(number, raw)], complete=False)
        elif current is not None:
            current.lines.append((number, raw))
            if marker == "end":
                current.complete = True
                yield current
                current = None
    if current is not None:
        yield current


# --- Cleaning one card before vobject sees it ----------------------------------------


class _BadLine(Exception):
    """A line in a card that is not a property; the whole card is rejected."""


@dataclass
class _Head:
    name: str  # upper case, without group
    params: list[bytes]  # as written, minus the ones the cleaner has dealt with
    raw_name: bytes
    quoted_printable: bool
    base64: bool
    charset: str | None


def _split_outside_quotes(raw: bytes, separator: int, limit: int = -1) -> list[bytes]:
    parts: list[bytes] = []
    start = 0
    quoted = False
    for index, byte in enumerate(raw):
        if byte == 0x22:  # '"'
            quoted = not quoted
        elif byte == separator and not quoted:
            parts.append(raw[start:index])
            start = index + 1
            if len(parts) == limit:
                break
    parts.append(raw[start:])
    return parts


def _split_line(raw: bytes) -> tuple[_Head, bytes] | None:
    parts = _split_outside_quotes(raw, ord(":"), limit=1)
    if len(parts) < 2:
        return None
    head_parts = _split_outside_quotes(parts[0], ord(";"))
    raw_name = head_parts[0].strip()
    if not _PROPERTY_NAME.fullmatch(raw_name):
        return None
    name = raw_name.rsplit(b".", 1)[-1].decode("ascii").upper()
    head = _Head(name, [], raw_name, quoted_printable=False, base64=False, charset=None)
    for param in head_parts[1:]:
        upper = param.strip().upper()
        if upper in _QUOTED_PRINTABLE:
            head.quoted_printable = True
        elif upper in _BASE64:
            head.base64 = True
            head.params.append(param)
        elif upper.startswith(b"CHARSET="):
            head.charset = param.strip()[8:].strip(b'"').decode("ascii", errors="replace")
        elif upper not in _TRANSFER_PARAMS:
            head.params.append(param)
    return head, parts[1]


def _decode(raw: bytes, charset: str | None = None) -> str:
    """UTF-8 first even when a charset is declared: exporters often declare ISO-8859-1 and
    write UTF-8, while Latin-1 text that happens to be valid UTF-8 is vanishingly rare."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if charset:
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _escape_for_vobject(text: str, *, structured: bool) -> str:
    """Make a value mean to vobject exactly what it meant in the file.

    vobject keeps only the text before the first unescaped comma of a text value and
    logs an error for a backslash it does not know; 2.1 files and many 3.0 writers
    escape neither, so both are escaped here. Structured values keep their separators.
    """
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            following = text[index + 1 : index + 2]
            if following and following in _VCARD_ESCAPES:
                out.append(char + following)
                index += 2
                continue
            out.append("\\\\")
        elif char == "," and not structured:
            out.append("\\,")
        elif char == "\n":
            out.append("\\n")
        else:
            out.append(char)
        index += 1
    return "".join(out)


@dataclass
class _Logical:
    number: int  # line of its first physical line
    parts: list[bytes]  # joined once at the end: a folded photo has thousands of parts
    quoted_printable: bool | None = None  # None until the head has been seen whole

    def is_quoted_printable(self) -> bool:
        if self.quoted_printable is None:
            split = _split_line(b"".join(self.parts))
            if split is None:
                return False
            self.quoted_printable = split[0].quoted_printable
        return self.quoted_printable


def _logical_lines(lines: list[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
    """Unfold at the byte level, since writers fold in the middle of UTF-8 sequences,
    and join quoted-printable soft line breaks, which vobject cannot read."""
    current: _Logical | None = None
    for number, raw in lines:
        if current is not None:
            last = current.parts[-1]
            soft_break = last.endswith(b"=") and current.is_quoted_printable()
            if soft_break and _marker(raw) != "end":
                current.parts[-1] = last[:-1]
                current.parts.append(raw)
                continue
            if raw[:1] in (b" ", b"\t"):
                current.parts.append(raw[1:])
                continue
        if raw.strip():
            if current is not None:
                yield current.number, b"".join(current.parts)
            current = _Logical(number, [raw])
    if current is not None:
        yield current.number, b"".join(current.parts)


def _clean_card(lines: list[tuple[int, bytes]]) -> str:
    out: list[str] = []
    in_binary = False
    for number, raw in _logical_lines(lines):
        marker = _marker(raw)
        if marker:  # canonical, so that "end:vcard " still closes the card for vobject
            out.append("BEGIN:VCARD" if marker == "begin" else "END:VCARD")
            in_binary = False
            continue
        split = _split_line(raw)
        if split is None:
            # vCard 2.1 base64 data may continue on unindented lines until a blank line.
            if in_binary and _BASE64_TEXT.fullmatch(raw):
                continue
            snippet = _decode(raw.strip())[:60]
            raise _BadLine(f"line {number} is not a vCard property: {snippet!r}")
        head, value = split
        in_binary = head.base64 or head.name in _BINARY_PROPERTIES
        if in_binary:
            continue
        if head.quoted_printable:
            text = _decode(binascii.a2b_qp(value), head.charset)
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        else:
            text = _decode(value, head.charset)
        name_and_params = b";".join([head.raw_name, *head.params])
        escaped = _escape_for_vobject(text, structured=head.name in _STRUCTURED)
        out.append(f"{_decode(name_and_params)}:{escaped}")
    return "\r\n".join(out) + "\r\n"


# --- From vobject's lines to a ContactRecord -----------------------------------------


def _parse_block(block: _Block) -> ContactRecord | Rejected:
    if not block.complete:
        where = (
            f"before the next BEGIN:VCARD on line {block.cut_by}"
            if block.cut_by
            else "before the end of the file"
        )
        return Rejected(block.position, f"card is truncated: no END:VCARD {where}")
    try:
        text = _clean_card(block.lines)
    except _BadLine as exc:
        return Rejected(block.position, str(exc))
    try:
        card = next(vobject.readComponents(text, transform=False), None)
    except Exception as exc:  # vobject raises ParseError, and also whatever its behaviours do
        # Its line numbers count the cleaned card, not the file, so they would mislead.
        message = re.sub(r"^At line \d+: ", "", str(exc))
        return Rejected(block.position, f"vobject could not read the card: {message}")
    if card is None:
        return Rejected(block.position, "vobject found no card")
    return _record(card, block.position)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text, flags=re.S)


def _split_unescaped(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def _unescaped_by_vobject(line: vobject.base.ContentLine) -> bool:
    """vobject unescapes text values itself but leaves N, ORG and ADR as written."""
    behaviour = getattr(line, "behavior", None)
    text_behaviours = (vobject.vcard.VCardTextBehavior, vobject.icalendar.TextBehavior)
    return isinstance(behaviour, type) and issubclass(behaviour, text_behaviours)


def _text(line: vobject.base.ContentLine) -> str:
    value = line.value
    if isinstance(value, bytes):
        value = _decode(value)
    elif not isinstance(value, str):
        value = str(value)
    return value if _unescaped_by_vobject(line) else _unescape(value)


def _components(line: vobject.base.ContentLine) -> list[str]:
    """N and ORG: ';' separates components; within N, ',' separates several names."""
    if _unescaped_by_vobject(line):
        return [_text(line)]
    components = _split_unescaped(str(line.value), ";")
    if line.name.upper() == "N":
        return [
            " ".join(_unescape(name).strip() for name in _split_unescaped(component, ","))
            for component in components
        ]
    return [_unescape(component) for component in components]


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v.strip()))


def _param(line: vobject.base.ContentLine, name: str) -> str:
    values = line.params.get(name.upper()) or [""]
    return str(values[0])


def _social_url(line: vobject.base.ContentLine) -> str:
    """iOS writes LinkedIn as a URL, or only as x-user=slug with an x-apple: value."""
    value = _text(line).strip()
    if value.lower().startswith(("http://", "https://", "www.")):
        return value
    types = ",".join(line.params.get("TYPE", [])).lower()
    user = _param(line, "X-USER") or value.removeprefix("x-apple:")
    if "linkedin" in types and user and ":" not in user:
        return f"https://www.linkedin.com/in/{user}"
    return ""


def _date(lines: Iterable[vobject.base.ContentLine]) -> PartialDate | None:
    for line in lines:
        parsed = parse_partial_date(_text(line), omitted_year=_param(line, "X-APPLE-OMIT-YEAR"))
        if parsed:
            return parsed
    return None


def _record(card: vobject.base.Component, position: str) -> ContactRecord | Rejected:
    def lines(*names: str) -> list[vobject.base.ContentLine]:
        return [line for name in names for line in card.contents.get(name, [])]

    emails = _unique(_text(line) for line in lines("email"))
    phones = _unique(re.sub(r"(?i)^tel:", "", _text(line).strip()) for line in lines("tel"))
    urls = _unique(
        [_text(line) for line in lines("url")]
        + [_social_url(line) for line in lines("x-socialprofile")]
    )
    organisation = next((c for line in lines("org") if (c := _components(line)[0].strip())), "")

    name = next((n for line in lines("fn") if (n := _text(line).strip())), "")
    for line in lines("n"):
        if name:
            break
        family, given = ([*_components(line), "", ""])[:2]
        name = " ".join(part for part in (given.strip(), family.strip()) if part)
    name = name or organisation or next(iter(emails + phones), "")
    if not name:
        return Rejected(position, "card has no name, email or phone")

    labels = {line.group.lower(): _text(line).lower() for line in lines("x-ablabel") if line.group}
    labelled_anniversaries = [
        line
        for line in lines("x-abdate")
        if line.group and "anniversary" in labels.get(line.group.lower(), "")
    ]
    uid = next((u for line in lines("uid") if (u := _text(line).strip())), "")
    return ContactRecord(
        source_key=uid or content_key(name, emails, phones),
        position=position,
        name=name,
        emails=emails,
        phones=phones,
        urls=urls,
        organisation=organisation,
        title=next((t for line in lines("title") if (t := _text(line).strip())), ""),
        note="\n\n".join(n for line in lines("note") if (n := _text(line).strip())),
        birthday=_date(lines("bday")),
        anniversary=_date(lines(*_ANNIVERSARY_PROPERTIES) + labelled_anniversaries),
    )
