"""Reading Google Contacts CSV exports, in the pre-2023 and the 2023+ layout.

Google renamed the header once already ("Given Name"/"E-mail 1 - Type" became
"First Name"/"E-mail 1 - Label"), numbers its repeating columns ("E-mail 1", "E-mail 2"…)
only as far as the widest contact needs, and leaves out columns nobody uses. So columns
are found by name, never by position, and a layout is accepted as long as it has a name
or an e-mail column.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from carefor.importers.records import ContactRecord, Rejected, SourceError
from carefor.importers.vcard import content_key, parse_partial_date

__all__ = ["parse_google_csv"]

_UTF8_BOM = b"\xef\xbb\xbf"
_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_MULTI_VALUE = re.compile(r"\s*:::\s*")  # Google joins several values in a cell with " ::: "
_NUMBERED = re.compile(r"(E-mail|Phone|Website|Event) (\d+) - (Value|Type|Label)")
# (2023+ column, pre-2023 column) for each part of a name, in display order.
_NAME_PARTS = (
    ("First Name", "Given Name"),
    ("Middle Name", "Additional Name"),
    ("Last Name", "Family Name"),
)


def parse_google_csv(data: bytes, *, source_name: str = "") -> Iterator[ContactRecord | Rejected]:
    """Yield one ContactRecord or Rejected per data row, in file order.

    Raises SourceError when the file is empty or its header is not a Google Contacts one;
    a row that is ragged, not valid CSV or nameless is a Rejected and the rest goes on.
    """
    label = source_name or "the file"
    reader = csv.reader(_text_lines(data))
    header: list[str] | None = None
    while header is None:
        try:
            row = next(reader)
        except StopIteration:
            raise SourceError(f"{label} is empty: it has no header row") from None
        except csv.Error as exc:
            raise SourceError(f"{label}: the header row is not valid CSV ({exc})") from exc
        if any(cell.strip() for cell in row):
            header = row
    layout = _Layout.from_header(header, label)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejected(f"row {start}", f"row is not valid CSV: {exc}")
            continue
        if row:  # csv gives [] for a blank line
            yield _record(row, start, reader.line_num, layout)


def _text_lines(data: bytes) -> Iterator[str]:
    """Decode line by line, UTF-8 first and cp1252 for lines that are not UTF-8, so that
    one row typed in an old Excel cannot garble the rest of an otherwise UTF-8 file.
    Line endings are kept: csv needs them inside quoted multi-line notes."""
    for match in _LINE.finditer(data.removeprefix(_UTF8_BOM)):
        raw = match.group()
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                yield raw.decode("cp1252")
            except UnicodeDecodeError:  # cp1252 leaves five bytes undefined
                yield raw.decode("latin-1")


@dataclass(frozen=True)
class _Layout:
    """Where each field is in this file's header; None when the column is absent.

    Each field is looked up under its 2023+ name first, then its pre-2023 name, which
    also copes with a sheet someone has assembled from both.
    """

    width: int
    full_name: int | None
    name_parts: tuple[int, ...]
    organisation: int | None
    title: int | None
    birthday: int | None
    notes: int | None
    emails: tuple[int, ...]
    phones: tuple[int, ...]
    websites: tuple[int, ...]
    events: tuple[tuple[int | None, int], ...]  # (label or type column, value column)

    @classmethod
    def from_header(cls, header: list[str], label: str) -> _Layout:
        columns: dict[str, int] = {}
        for index, title in enumerate(header):
            columns.setdefault(title.strip(), index)
        numbered: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for title, index in columns.items():
            if match := _NUMBERED.fullmatch(title):
                kind, number, part = match.groups()
                numbered.setdefault((kind, part), []).append((int(number), index))

        def series(kind: str, part: str = "Value") -> dict[int, int]:
            return dict(sorted(numbered.get((kind, part), [])))

        name_parts = tuple(
            columns[new if new in columns else old]
            for new, old in _NAME_PARTS
            if new in columns or old in columns
        )
        emails = tuple(series("E-mail").values())
        if not emails and "E-mail Address" in columns:
            # Outlook's CSV also has "First Name"; reading it as Google's would drop every
            # address without a word.
            raise SourceError(
                f"{label} looks like an Outlook CSV export ('E-mail Address' instead of "
                "'E-mail 1 - Value'); export the contacts as Google CSV instead"
            )
        if not name_parts and "Name" not in columns and not emails:
            wanted = ["First Name", "Last Name", "Name", "Given Name", "Family Name"]
            found = ", ".join(repr(title) for title in header[:8]) or "nothing"
            raise SourceError(
                f"{label} is not a Google Contacts CSV export: its header has none of the "
                f"name columns {', '.join(map(repr, wanted))} and no 'E-mail 1 - Value' "
                f"column (it starts with {found})"
            )
        event_labels = series("Event", "Label") or series("Event", "Type")
        return cls(
            width=len(header),
            full_name=columns.get("Name"),
            name_parts=name_parts,
            organisation=columns.get("Organization Name", columns.get("Organization 1 - Name")),
            title=columns.get("Organization Title", columns.get("Organization 1 - Title")),
            birthday=columns.get("Birthday"),
            notes=columns.get("Notes"),
            emails=emails,
            phones=tuple(series("Phone").values()),
            websites=tuple(series("Website").values()),
            events=tuple(
                (event_labels.get(number), index) for number, index in series("Event").items()
            ),
        )


def _values(cells: Iterable[str]) -> tuple[str, ...]:
    split = (value.strip() for cell in cells for value in _MULTI_VALUE.split(cell))
    return tuple(dict.fromkeys(value for value in split if value))


def _record(row: list[str], start: int, end: int, layout: _Layout) -> ContactRecord | Rejected:
    position = f"row {start}"
    if len(row) != layout.width:
        lines = f" (it runs over lines {start}-{end}: an unclosed quote?)" if end > start else ""
        fields = f"{len(row)} field" + ("" if len(row) == 1 else "s")
        return Rejected(position, f"row has {fields} but the header has {layout.width}{lines}")

    def cell(index: int | None) -> str:
        return row[index].strip() if index is not None else ""

    def first(index: int | None) -> str:
        return next(iter(_values([cell(index)])), "")

    emails = _values(row[index] for index in layout.emails)
    phones = _values(row[index] for index in layout.phones)
    organisation = first(layout.organisation)
    name = (
        cell(layout.full_name)
        or " ".join(part for index in layout.name_parts if (part := cell(index)))
        or organisation
        or next(iter(emails + phones), "")
    )
    if not name:
        return Rejected(position, "row has no name, email or phone")
    anniversary = next(
        (
            parsed
            for label, value in layout.events
            if "anniversary" in cell(label).lower() and (parsed := parse_partial_date(first(value)))
        ),
        None,
    )
    return ContactRecord(
        source_key=content_key(name, emails, phones),
        position=position,
        name=name,
        emails=emails,
        phones=phones,
        urls=_values(row[index] for index in layout.websites),
        organisation=organisation,
        title=first(layout.title),
        note=cell(layout.notes),
        birthday=parse_partial_date(cell(layout.birthday)),
        anniversary=anniversary,
    )
