"""parse_google_csv against both Google layouts, hostile rows, and round-trips."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carefor.importers.google_csv import parse_google_csv
from carefor.importers.records import ContactRecord, PartialDate, Rejected, SourceError
from carefor.importers.vcard import content_key, parse_vcards

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "google_csv"


def parse_fixture(name: str) -> list[ContactRecord | Rejected]:
    return list(parse_google_csv((FIXTURES / name).read_bytes(), source_name=name))


def parse_text(text: str, encoding: str = "utf-8") -> list[ContactRecord | Rejected]:
    return list(parse_google_csv(text.encode(encoding)))


def only_record(text: str) -> ContactRecord:
    (item,) = parse_text(text)
    assert isinstance(item, ContactRecord), item
    return item


# --- The pre-2023 layout --------------------------------------------------------------


def test_legacy_layout_full_contact():
    jane = parse_fixture("google_legacy.csv")[0]

    assert isinstance(jane, ContactRecord)
    assert jane.position == "row 2"
    assert jane.name == "Jane Appleseed"
    # " ::: " inside a cell and several "E-mail N" columns, in column then cell order.
    assert jane.emails == ("jane@example.com", "jane.a@example.org", "jane@work.example")
    assert jane.phones == ("+1 555-555-0100", "+1 555-555-0199", "+1 555-555-0198")
    assert jane.urls == ("https://www.linkedin.com/in/janeappleseed",)
    assert jane.organisation == "Example Corp."
    assert jane.title == "Head of Research"
    assert jane.note == 'Met at PyCon, Berlin.\nLikes "proper" coffee.'
    assert jane.birthday == PartialDate(month=4, day=12, year=1985)
    assert jane.anniversary is None
    assert jane.source_key == content_key("Jane Appleseed", jane.emails, jane.phones)


def test_legacy_layout_positions_count_lines_inside_quoted_cells():
    items = parse_fixture("google_legacy.csv")

    summary = [
        (item.position, item.name if isinstance(item, ContactRecord) else item.reason)
        for item in items
    ]
    # Row 2's note and address each hold a newline, so the next row starts on line 5.
    assert summary == [
        ("row 2", "Jane Appleseed"),
        ("row 5", "José Müller"),
        ("row 6", "+44 20 7946 0958"),
        ("row 7", "row has no name, email or phone"),
        ("row 8", "Acme Plumbing"),
    ]


def test_legacy_layout_fallbacks():
    _, jose, phone_only, _, acme = parse_fixture("google_legacy.csv")

    assert isinstance(jose, ContactRecord)
    assert jose.birthday == PartialDate(month=4, day=12, year=None)  # "--04-12"
    assert jose.emails == ("jose.mueller@example.de",)
    assert isinstance(phone_only, ContactRecord)
    assert phone_only.phones == ("+44 20 7946 0958",)
    assert isinstance(acme, ContactRecord)
    assert acme.organisation == "Acme Plumbing"  # the first of "Acme Plumbing ::: Acme Holdings"


# --- The 2023+ layout -----------------------------------------------------------------


def test_2023_layout_with_bom():
    items = parse_fixture("google_2023.csv")

    assert [item.position for item in items] == ["row 2", "row 3", "row 4", "row 5", "row 6"]
    kim, ragged, alex, empty, someone = items
    assert isinstance(kim, ContactRecord)
    assert kim.name == "Kim Nguyễn"  # "First Name" is found even behind the BOM
    assert kim.emails == ("kim@work.example", "kim@home.example", "kim.nguyen@example.org")
    assert kim.phones == ("+1 555-555-0100",)
    assert kim.urls == ("https://kim.example.org",)
    assert kim.organisation == "Example, Inc."
    assert kim.title == "Engineer"
    assert kim.birthday == PartialDate(month=4, day=12)
    assert kim.anniversary == PartialDate(month=6, day=1, year=2010)

    assert ragged == Rejected("row 3", "row has 4 fields but the header has 38")

    assert isinstance(alex, ContactRecord)
    assert alex.name == "Alex J. Rivera"
    assert alex.birthday is None  # 1990-02-29 does not exist

    assert empty == Rejected("row 5", "row has no name, email or phone")

    assert isinstance(someone, ContactRecord)
    assert someone.name == "someone@example.net"


# --- Header problems ------------------------------------------------------------------


def test_unknown_layout_names_the_missing_columns():
    with pytest.raises(SourceError) as raised:
        list(parse_google_csv(b"id,title,when\r\n1,Lunch,today\r\n", source_name="export.csv"))

    message = str(raised.value)
    assert message.startswith("export.csv is not a Google Contacts CSV export")
    for column in ("'First Name'", "'Last Name'", "'Name'", "'Given Name'", "'E-mail 1 - Value'"):
        assert column in message
    assert "'id', 'title', 'when'" in message


def test_outlook_csv_is_refused_rather_than_losing_its_addresses():
    data = b"First Name,Middle Name,Last Name,E-mail Address\r\nJane,,Doe,jane@example.com\r\n"

    with pytest.raises(SourceError, match="looks like an Outlook CSV export"):
        list(parse_google_csv(data))


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n\r\n"])
def test_empty_file_is_a_source_error(data):
    with pytest.raises(SourceError, match=r"^contacts\.csv is empty"):
        list(parse_google_csv(data, source_name="contacts.csv"))


def test_header_only_gives_nothing():
    assert parse_text("First Name,Last Name,E-mail 1 - Value\r\n") == []


def test_name_or_email_column_alone_is_enough():
    assert only_record("E-mail 1 - Value\r\nsolo@example.com\r\n").name == "solo@example.com"
    assert only_record("Name\r\nSolo Person\r\n").name == "Solo Person"


# --- Rows -----------------------------------------------------------------------------


def test_blank_lines_are_skipped_but_counted():
    items = parse_text("Name,E-mail 1 - Value\r\n\r\nAda,ada@example.com\r\n\r\n\r\nBob,\r\n")

    assert [(item.position, item.name) for item in items] == [("row 3", "Ada"), ("row 6", "Bob")]


def test_unclosed_quote_is_reported_with_the_lines_it_swallowed():
    items = parse_text('Name,E-mail 1 - Value\r\n"Ada,ada@example.com\r\nBob,b@example.com\r\n')

    assert items == [
        Rejected(
            "row 2",
            "row has 1 field but the header has 2 (it runs over lines 2-3: an unclosed quote?)",
        )
    ]


def test_invalid_csv_row_is_rejected_and_parsing_goes_on():
    # The csv module's limit is process-wide (another importer may have raised it).
    limit = csv.field_size_limit()
    huge = "x" * (limit + 1)
    items = parse_text(f"Name,Notes\r\nAda,short\r\nBob,{huge}\r\nCy,fine\r\n")

    assert [item.position for item in items] == ["row 2", "row 3", "row 4"]
    assert items[1] == Rejected(
        "row 3", f"row is not valid CSV: field larger than field limit ({limit})"
    )
    assert isinstance(items[2], ContactRecord)
    assert items[2].name == "Cy"


def test_multi_values_with_irregular_spacing_and_duplicates():
    record = only_record(
        "Name,E-mail 1 - Value,E-mail 2 - Value,Phone 1 - Value\r\n"
        "Ada,a@example.com:::b@example.com ::: ,b@example.com,  +1 555 0100 :::+1 555 0101\r\n"
    )

    assert record.emails == ("a@example.com", "b@example.com")
    assert record.phones == ("+1 555 0100", "+1 555 0101")


def test_numbered_columns_are_read_in_numeric_order():
    record = only_record(
        "E-mail 10 - Value,Name,E-mail 2 - Value,Website 3 - Value,Website 1 - Value\r\n"
        "ten@example.com,Ada,two@example.com,https://three.example,https://one.example\r\n"
    )

    assert record.emails == ("two@example.com", "ten@example.com")
    assert record.urls == ("https://one.example", "https://three.example")


def test_name_parts_are_joined_and_full_name_wins():
    legacy = (
        "Name,Given Name,Additional Name,Family Name\r\n,Ada, ,Lovelace\r\nThe Countess,Ada,,L\r\n"
    )
    first, second = parse_text(legacy)

    assert first.name == "Ada Lovelace"
    assert second.name == "The Countess"


def test_legacy_event_type_anniversary():
    record = only_record(
        "Name,Event 1 - Type,Event 1 - Value,Event 2 - Type,Event 2 - Value\r\n"
        "Ada,Birthday-ish,1999-01-01,Anniversary,--06-01\r\n"
    )

    assert record.anniversary == PartialDate(month=6, day=1)


def test_cp1252_file():
    items = parse_text("Name,E-mail 1 - Value\r\nZoë Müller,zoe@example.com\r\n", "cp1252")

    assert items[0].name == "Zoë Müller"


def test_one_cp1252_line_in_a_utf8_file():
    data = (
        "Name,Notes\r\nKim Nguyễn,ok\r\n".encode()
        + "Zoë,€5\r\n".encode("cp1252")
        + "Ana Lucía,ok\r\n".encode()
    )

    assert [item.name for item in parse_google_csv(data)] == ["Kim Nguyễn", "Zoë", "Ana Lucía"]
    assert list(parse_google_csv(data))[1].note == "€5"


def test_bytes_undefined_in_cp1252_do_not_crash():
    (item,) = parse_google_csv(b"Name\r\nA\x81B\r\n")
    assert item.name == "A\x81B"


def test_same_person_gets_the_same_key_in_csv_and_vcard():
    (from_csv,) = parse_google_csv(
        b"Name,E-mail 1 - Value,Phone 1 - Value\r\nJane Doe,b@x.com ::: A@x.com,+1 555-0100\r\n"
    )
    (from_vcard,) = parse_vcards(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nEMAIL:a@x.com\r\nEMAIL:b@x.com\r\n"
        b"TEL:+1 (555) 0100\r\nEND:VCARD\r\n"
    )

    assert from_csv.source_key == from_vcard.source_key


# --- Round trip -----------------------------------------------------------------------

_NAME_TEXT = st.text(st.one_of(st.characters(categories=["L"]), st.sampled_from(" ,\"';")))
_ORG_TEXT = _NAME_TEXT
_NOTE_TEXT = st.text(st.one_of(st.characters(categories=["L"]), st.sampled_from(' ,"\n:')))
_EMAIL = st.from_regex(
    r"[a-z0-9]([a-z0-9._-]{0,8}[a-z0-9])?@[a-z0-9]{1,10}\.(com|org|de)", fullmatch=True
)
_PHONE = st.from_regex(r"\+?[0-9]{1,3}( ?[0-9]{2,4}){1,3}", fullmatch=True)

contacts = st.fixed_dictionaries(
    {
        "first": _NAME_TEXT,
        "last": _NAME_TEXT,
        "org": _ORG_TEXT,
        "emails": st.lists(_EMAIL, max_size=4, unique=True),
        "phones": st.lists(_PHONE, max_size=3, unique=True),
        "note": _NOTE_TEXT,
        "birthday": st.one_of(
            st.none(),
            st.dates().map(lambda d: PartialDate(d.month, d.day, d.year)),
            st.dates().map(lambda d: PartialDate(d.month, d.day)),
        ),
    }
)

_LAYOUTS = {
    "legacy": ("Given Name", "Family Name", "Organization 1 - Name", "E-mail {} - Type"),
    "2023": ("First Name", "Last Name", "Organization Name", "E-mail {} - Label"),
}


def _date_text(value: PartialDate | None) -> str:
    if value is None:
        return ""
    if value.year is None:
        return f"--{value.month:02d}-{value.day:02d}"
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def write_google_csv(people: list[dict], layout: str, pack: bool, bom: bool) -> tuple[bytes, list]:
    """A minimal Google CSV writer; returns the file and each row's first line number.

    pack puts every address into the first column joined by " ::: ", as Google does;
    otherwise each gets its own numbered column.
    """
    first, last, org, email_label = _LAYOUTS[layout]
    width = 1 if pack else max([1, *(len(p["emails"]) for p in people)])
    header = [first, last, org, "Birthday", "Notes", "Phone 1 - Value"]
    for number in range(1, width + 1):
        header += [email_label.format(number), f"E-mail {number} - Value"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    starts = []
    for person in people:
        starts.append(out.getvalue().count("\n") + 1)
        emails = [" ::: ".join(person["emails"])] if pack else person["emails"]
        emails = emails + [""] * (width - len(emails))
        row = [person["first"], person["last"], person["org"], _date_text(person["birthday"])]
        row += [person["note"], " ::: ".join(person["phones"])]
        for email in emails:
            row += ["* Home" if email else "", email]
        writer.writerow(row)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8"), starts


@given(
    people=st.lists(contacts, min_size=1, max_size=8),
    layout=st.sampled_from(sorted(_LAYOUTS)),
    pack=st.booleans(),
    bom=st.booleans(),
)
@settings(max_examples=150, deadline=None)
def test_google_csv_round_trip(people, layout, pack, bom):
    data, starts = write_google_csv(people, layout, pack, bom)

    items = list(parse_google_csv(data))

    assert len(items) == len(people)
    for item, person, start in zip(items, people, starts, strict=True):
        from_parts = " ".join(p for p in (person["first"].strip(), person["last"].strip()) if p)
        name = (
            from_parts
            or person["org"].strip()
            or next(iter(person["emails"] + person["phones"]), "")
        )
        if not name:
            assert item == Rejected(f"row {start}", "row has no name, email or phone")
            continue
        assert isinstance(item, ContactRecord), item
        assert item.position == f"row {start}"
        assert item.name == name
        assert item.emails == tuple(person["emails"])
        assert item.phones == tuple(person["phones"])
        assert item.organisation == person["org"].strip()
        assert item.note == person["note"].strip()
        assert item.birthday == person["birthday"]
        assert item.source_key == content_key(name, person["emails"], person["phones"])
