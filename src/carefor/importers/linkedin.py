"""LinkedIn "Get a copy of your data" export: Connections.csv and messages.csv.

Pure: bytes in, records out; no Django, no database.

The export arrives as a zip (or a folder the user extracted). It is the user's file but it is
still untrusted input, so the zip is never extracted: every member is checked first (no
absolute or ``..`` names, bounded member count, bounded sizes, bytes actually read capped so a
lying header cannot inflate), and only the two CSVs we need are read into memory. Anything
hostile is reported in ``LinkedInExport.warnings`` rather than dropped silently.

Profile URLs are compared through ``normalise_profile_url`` (lower case, https, no "www.", no
trailing slash, no query): the loader should use the same function when it matches message
senders to connections.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import stat
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from carefor.importers.html_text import plain_or_html_to_text
from carefor.importers.records import (
    Address,
    ContactRecord,
    MessageRecord,
    Rejected,
    SourceError,
)

__all__ = [
    "MAX_MEMBERS",
    "MAX_MEMBER_BYTES",
    "MAX_TOTAL_BYTES",
    "LinkedInExport",
    "infer_my_profile_url",
    "normalise_profile_url",
    "open_linkedin_export",
    "parse_connections",
    "parse_messages",
]

# Real exports hold a few dozen files of a few MB; these bounds are far above that and far
# below what would hurt the server.
MAX_MEMBERS = 10_000
MAX_TOTAL_BYTES = 500 * 1024 * 1024  # declared uncompressed size of the whole archive
MAX_MEMBER_BYTES = 200 * 1024 * 1024  # one CSV; also the cap on bytes actually read

_WANTED = ("connections.csv", "messages.csv")
_HEADER_SCAN_ROWS = 200  # the preamble is a handful of lines; give up well after that
_CHUNK = 1024 * 1024

# One message body can be a long HTML document; the csv module's default limit (128 KiB per
# field) would make such a row an error. The limit is process-wide, so it is only ever raised.
_FIELD_LIMIT = 64 * 1024 * 1024
if csv.field_size_limit() < _FIELD_LIMIT:
    csv.field_size_limit(_FIELD_LIMIT)


# --- opening the export -------------------------------------------------------------------


@dataclass
class LinkedInExport:
    """The CSVs we use from one export, already in memory, and what was refused on the way."""

    source: str
    connections_csv: bytes | None = None
    messages_csv: bytes | None = None
    warnings: list[Rejected] = field(default_factory=list)

    def connections(self) -> Iterator[ContactRecord | Rejected]:
        if not self.connections_csv:
            return iter(())
        return _named("Connections.csv", parse_connections(self.connections_csv))

    def messages(self, *, my_profile_url: str | None = None) -> Iterator[MessageRecord | Rejected]:
        if not self.messages_csv:
            return iter(())
        return _named(
            "messages.csv", parse_messages(self.messages_csv, my_profile_url=my_profile_url)
        )


def _named(
    file_name: str, items: Iterator[ContactRecord | MessageRecord | Rejected]
) -> Iterator[Any]:
    """Rejected positions name the file too: one export holds several CSVs."""
    for item in items:
        if isinstance(item, Rejected):
            yield Rejected(f"{file_name} {item.position}", item.reason)
        else:
            yield item


def open_linkedin_export(
    path: Path,
    *,
    max_members: int = MAX_MEMBERS,
    max_total_bytes: int = MAX_TOTAL_BYTES,
    max_member_bytes: int = MAX_MEMBER_BYTES,
) -> LinkedInExport:
    """Read Connections.csv and messages.csv (any case, any subfolder) from a zip or a folder.

    Raises SourceError when the path is neither a zip nor a folder, when the archive as a whole
    breaks a limit, or when neither CSV could be read.
    """
    path = Path(path)
    if path.is_dir():
        export = _open_folder(path, max_members, max_member_bytes)
    elif path.is_file():
        export = _open_zip(path, max_members, max_total_bytes, max_member_bytes)
    else:
        raise SourceError(f"{path}: no such file or folder")
    if export.connections_csv is None and export.messages_csv is None:
        refused = "; ".join(f"{w.position}: {w.reason}" for w in export.warnings[:5])
        raise SourceError(
            f"{path}: neither Connections.csv nor messages.csv found in the LinkedIn export"
            + (f" (refused: {refused})" if refused else "")
        )
    return export


def _open_zip(
    path: Path, max_members: int, max_total_bytes: int, max_member_bytes: int
) -> LinkedInExport:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceError(f"{path}: not a zip file and not a folder ({exc})") from exc
    with archive:
        members = archive.infolist()
        # Whole-archive limits come first: past them nothing in the file can be trusted.
        if len(members) > max_members:
            raise SourceError(f"{path}: {len(members)} files in the zip (limit {max_members})")
        declared = sum(info.file_size for info in members)
        if declared > max_total_bytes:
            raise SourceError(
                f"{path}: the zip unpacks to {declared} bytes (limit {max_total_bytes})"
            )
        export = LinkedInExport(source=str(path))
        safe: list[zipfile.ZipInfo] = []
        for info in members:
            problem = _member_problem(info, max_member_bytes)
            if problem:
                export.warnings.append(Rejected(f"zip member {info.filename!r}", problem))
            elif not info.is_dir():
                safe.append(info)
        for wanted, info in _pick(safe, lambda i: i.filename, export):
            data = _read_member(archive, info, max_member_bytes, export)
            _store(export, wanted, data)
    return export


def _member_problem(info: zipfile.ZipInfo, max_member_bytes: int) -> str:
    """Why this member must not be touched, or "" when it is fine."""
    name = info.filename.replace("\\", "/")  # zips made on Windows may use backslashes
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "absolute path in the archive (refused)"
    if ".." in PurePosixPath(name).parts:
        return "path leaves the archive with '..' (refused)"
    if "\x00" in name:
        return "NUL byte in the file name (refused)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "symbolic link (refused)"
    if info.file_size > max_member_bytes:
        return f"{info.file_size} bytes uncompressed (limit {max_member_bytes})"
    return ""


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, export: LinkedInExport
) -> bytes | None:
    position = f"zip member {info.filename!r}"
    limit = min(cap, info.file_size)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            # Never trust file_size: read at most one byte past it and refuse if it is there.
            while size <= limit:
                chunk = member.read(min(_CHUNK, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
    except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, EOFError) as exc:
        # BadZipFile covers a CRC mismatch, which is what a member larger than its header
        # claims produces; RuntimeError is an encrypted member.
        export.warnings.append(Rejected(position, f"unreadable: {exc}"))
        return None
    except OSError as exc:
        export.warnings.append(Rejected(position, f"unreadable: {exc}"))
        return None
    if size > limit:
        export.warnings.append(
            Rejected(position, f"holds more than the {limit} bytes its header declares (refused)")
        )
        return None
    return b"".join(chunks)


def _open_folder(path: Path, max_members: int, max_member_bytes: int) -> LinkedInExport:
    export = LinkedInExport(source=str(path))
    files: list[Path] = []
    # A user may point at their home folder by mistake: stop counting long before walking it.
    for root, dirs, names in os.walk(path, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            files.append(Path(root) / name)
            if len(files) > max_members:
                raise SourceError(f"{path}: more than {max_members} files in the folder")
    for wanted, file in _pick(files, lambda p: p.relative_to(path).as_posix(), export):
        position = f"file {file.relative_to(path).as_posix()!r}"
        if file.is_symlink():
            export.warnings.append(Rejected(position, "symbolic link (not followed)"))
            continue
        try:
            with file.open("rb") as fh:
                data = fh.read(max_member_bytes + 1)
        except OSError as exc:
            export.warnings.append(Rejected(position, f"unreadable: {exc}"))
            continue
        if len(data) > max_member_bytes:
            export.warnings.append(
                Rejected(position, f"larger than {max_member_bytes} bytes (refused)")
            )
            continue
        _store(export, wanted, data)
    return export


_T = TypeVar("_T")


def _pick(
    items: list[_T], name_of: Callable[[_T], str], export: LinkedInExport
) -> list[tuple[str, _T]]:
    """For each wanted CSV the shallowest matching item; further copies become warnings."""
    chosen: list[tuple[str, _T]] = []
    for wanted in _WANTED:
        matches = [i for i in items if name_of(i).rsplit("/", 1)[-1].lower() == wanted]
        matches.sort(key=lambda i: (name_of(i).count("/"), name_of(i)))
        if matches:
            chosen.append((wanted, matches[0]))
            for extra in matches[1:]:
                export.warnings.append(
                    Rejected(name_of(extra), f"another {wanted} was used: {name_of(matches[0])}")
                )
    return chosen


def _store(export: LinkedInExport, wanted: str, data: bytes | None) -> None:
    if data is None:
        return
    if wanted == "connections.csv":
        export.connections_csv = data
    else:
        export.messages_csv = data


# --- CSV plumbing -------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    # LinkedIn writes UTF-8, sometimes with a BOM. A stray bad byte must not lose the file,
    # and NUL makes the csv module raise on every following row.
    return bytes(data).decode("utf-8-sig", errors="replace").replace("\x00", "")


def _rows(data: bytes) -> Iterator[tuple[int, list[str] | None, str]]:
    """(first line number of the record, cells or None, csv error) for every record."""
    reader = csv.reader(io.StringIO(_decode(data), newline=""))
    last_line = 0
    while True:
        try:
            row: list[str] | None = next(reader)
            error = ""
        except StopIteration:
            return
        except csv.Error as exc:
            row, error = None, str(exc)
        yield last_line + 1, row, error
        last_line = reader.line_num


def _norm_header(cell: str) -> str:
    return " ".join(cell.strip().lower().split())


def _find_header(
    rows: Iterator[tuple[int, list[str] | None, str]], required: tuple[str, ...], what: str
) -> dict[str, int]:
    """Consume rows up to and including the header; return column name -> index."""
    for scanned, (_, row, _) in enumerate(rows):
        if scanned >= _HEADER_SCAN_ROWS:
            break
        if not row:
            continue
        names = [_norm_header(c) for c in row]
        if all(r in names for r in required):
            # The first occurrence wins if a column name repeats.
            columns: dict[str, int] = {}
            for index, name in enumerate(names):
                columns.setdefault(name, index)
            return columns
    raise SourceError(
        f"{what}: no header row with {', '.join(required)} found; is this a LinkedIn export?"
    )


def _cell(row: list[str], columns: dict[str, int], *names: str) -> str:
    """The first present column among names (older exports spell some differently)."""
    for name in names:
        index = columns.get(name)
        if index is not None and index < len(row):
            return row[index].strip()
    return ""


def _sha256(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def normalise_profile_url(url: str) -> str:
    """Canonical form of a LinkedIn profile URL, for keys and comparisons ("" stays "")."""
    value = url.strip().lower()
    if not value:
        return ""
    value = value.split("#", 1)[0].split("?", 1)[0]
    if value.startswith("http://"):
        value = "https://" + value[len("http://") :]
    elif not value.startswith("https://"):
        value = "https://" + value
    if value.startswith("https://www."):
        value = "https://" + value[len("https://www.") :]
    return value.rstrip("/")


# --- Connections.csv ----------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}


def _connected_on(value: str) -> date | None:
    """ "12 Mar 2024" (current exports) or ISO "2024-03-12"; None when neither.

    Month names are looked up by hand because strptime's %b follows the process locale.
    """
    parts = value.replace(",", " ").split()
    try:
        if len(parts) == 3 and parts[1][:3].lower() in _MONTHS:
            return date(int(parts[2]), _MONTHS[parts[1][:3].lower()], int(parts[0]))
        if len(parts) == 1:
            return date.fromisoformat(parts[0])
    except ValueError:
        return None
    return None


def parse_connections(data: bytes) -> Iterator[ContactRecord | Rejected]:
    """ContactRecords from Connections.csv, preamble skipped; SourceError without a header."""
    rows = _rows(data)
    columns = _find_header(rows, ("first name", "last name"), "Connections.csv")
    return _connections(rows, columns)


def _connections(
    rows: Iterator[tuple[int, list[str] | None, str]], columns: dict[str, int]
) -> Iterator[ContactRecord | Rejected]:
    for line, row, error in rows:
        position = f"row {line}"
        if row is None:
            yield Rejected(position, f"unreadable CSV: {error}")
            continue
        if not any(cell.strip() for cell in row):
            continue  # blank line, not a record
        first = _cell(row, columns, "first name")
        last = _cell(row, columns, "last name")
        name = " ".join(p for p in (first, last) if p)
        url = _cell(row, columns, "url", "profile url")
        if not name and not url:
            yield Rejected(position, "no name and no profile URL")
            continue
        company = _cell(row, columns, "company")
        email = _cell(row, columns, "email address", "email")
        if url:
            source_key = normalise_profile_url(url)
        else:
            source_key = "sha256:" + _sha256(name.casefold(), company.casefold())
        yield ContactRecord(
            source_key=source_key,
            position=position,
            name=name,
            emails=(email,) if email else (),
            urls=(url,) if url else (),
            organisation=company,
            title=_cell(row, columns, "position"),
            connected_on=_connected_on(_cell(row, columns, "connected on")),
        )


# --- messages.csv -------------------------------------------------------------------------

_MESSAGE_HEADER = ("from", "date", "content")


def _split_urls(value: str) -> list[str]:
    return [u for u in re.split(r"[\s,;]+", value) if u]


def _message_date(value: str) -> datetime | None:
    """ "2024-03-12 14:05:33 UTC" (and ISO variants) -> aware datetime; None if unusable."""
    text = value.strip()
    if text.upper().endswith(" UTC"):
        text = text[:-4].strip()
    elif text.upper().endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def infer_my_profile_url(data: bytes) -> str | None:
    """The (normalised) profile URL present in the most conversations, as sender or recipient.

    The export owner is in every conversation; anyone else is usually in one or a few. None
    when there is no clear winner (a tie, e.g. a single conversation between two people).
    """
    rows = _rows(data)
    columns = _find_header(rows, _MESSAGE_HEADER, "messages.csv")
    seen: dict[str, set[str]] = {}
    for _, row, _ in rows:
        if not row:
            continue
        urls = [_cell(row, columns, "sender profile url")]
        urls += _split_urls(_cell(row, columns, "recipient profile urls"))
        participants = {normalise_profile_url(u) for u in urls} - {""}
        # Older exports have no conversation id: the set of participants stands in for it.
        conversation = _cell(row, columns, "conversation id") or "|".join(sorted(participants))
        for url in participants:
            seen.setdefault(url, set()).add(conversation)
    ranking = Counter({url: len(convs) for url, convs in seen.items()}).most_common(2)
    if not ranking or (len(ranking) == 2 and ranking[0][1] == ranking[1][1]):
        return None
    return ranking[0][0]


def parse_messages(
    data: bytes, *, my_profile_url: str | None
) -> Iterator[MessageRecord | Rejected]:
    """MessageRecords from messages.csv; SourceError when there is no header row.

    With my_profile_url None, "me" is inferred with infer_my_profile_url (None: nobody is me).
    """
    rows = _rows(data)
    columns = _find_header(rows, _MESSAGE_HEADER, "messages.csv")
    if my_profile_url is None:
        my_profile_url = infer_my_profile_url(data)
    me = normalise_profile_url(my_profile_url or "")
    return _messages(rows, columns, me)


def _messages(
    rows: Iterator[tuple[int, list[str] | None, str]], columns: dict[str, int], me: str
) -> Iterator[MessageRecord | Rejected]:
    for line, row, error in rows:
        position = f"row {line}"
        if row is None:
            yield Rejected(position, f"unreadable CSV: {error}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        sender_url = _cell(row, columns, "sender profile url")
        sender_name = _cell(row, columns, "from")
        content = _cell(row, columns, "content")
        if not sender_url and not content:
            yield Rejected(
                position, "no sender profile URL and no content (a LinkedIn system notice?)"
            )
            continue
        conversation = _cell(row, columns, "conversation id")
        raw_date = _cell(row, columns, "date")
        sender_key = normalise_profile_url(sender_url)
        sent_by_me = bool(me) and sender_key == me
        if not me and _cell(row, columns, "direction").upper() == "OUTGOING":
            sent_by_me = True  # pre-2020 exports say so outright
        yield MessageRecord(
            source_key="linkedin:" + _sha256(conversation, raw_date, sender_key, content),
            position=position,
            occurred_at=_message_date(raw_date),
            subject=_cell(row, columns, "subject") or _cell(row, columns, "conversation title"),
            sender=Address(sender_url, sender_name) if sender_url or sender_name else None,
            to=_recipients(row, columns),
            thread_hint=conversation,
            folder=_cell(row, columns, "folder"),
            sent_by_me_hint=sent_by_me,
            body=plain_or_html_to_text(content),
        )


def _recipients(row: list[str], columns: dict[str, int]) -> tuple[Address, ...]:
    urls = _split_urls(_cell(row, columns, "recipient profile urls"))
    to = _cell(row, columns, "to")
    if not urls:
        # Older exports name recipients without URLs; the loader can still match by name.
        return tuple(Address("", n.strip()) for n in to.split(",") if n.strip())
    if len(urls) == 1:
        return (Address(urls[0], to),)
    names = [n.strip() for n in to.split(",")]
    if len(names) != len(urls):
        # A name with a comma in it ("Smith, Ann") makes the pairing a guess; don't guess.
        names = [""] * len(urls)
    return tuple(Address(u, n) for u, n in zip(urls, names, strict=True))
