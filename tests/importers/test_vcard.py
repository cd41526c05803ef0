"""parse_vcards against real-looking exports, hostile input, and round-trips."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carefor.importers.records import ContactRecord, PartialDate, Rejected, SourceError
from carefor.importers.vcard import content_key, parse_partial_date, parse_vcards

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vcard"


def parse_fixture(name: str) -> list[ContactRecord | Rejected]:
    return list(parse_vcards((FIXTURES / name).read_bytes(), source_name=name))


def card(*lines: str, version: str = "3.0") -> bytes:
    body = ["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"]
    return ("\r\n".join(body) + "\r\n").encode("utf-8")


def only(data: bytes) -> ContactRecord | Rejected:
    (item,) = list(parse_vcards(data))
    return item


def only_record(data: bytes) -> ContactRecord:
    item = only(data)
    assert isinstance(item, ContactRecord), item
    return item


# --- Real-looking exports -------------------------------------------------------------


def test_ios_export_reads_every_field():
    items = parse_fixture("ios_contacts.vcf")
    assert len(items) == 3
    jane = items[0]

    assert isinstance(jane, ContactRecord)
    assert jane.position == "card 1 (line 1)"
    assert jane.name == "Dr. Jane Marie Appleseed"
    assert jane.emails == ("jane.appleseed@example.com", "jane@research.example.com")
    assert jane.phones == ("(555) 555-0100", "+1 555 555 0199")
    assert jane.urls == (
        "https://jane.example.com",
        "http://www.linkedin.com/in/janeappleseed",
    )
    assert jane.organisation == "Example Corp."
    assert jane.title == "Head of Research"
    # Folded over three lines, with escaped comma, semicolon and newline.
    assert jane.note == (
        "Met at PyCon, Berlin.\nLikes hiking; hates early mornings. "
        "Café Einstein regular \u2013 ask about the marathon."
    )
    assert jane.birthday == PartialDate(month=4, day=12, year=1985)
    # iOS has no ANNIVERSARY: it is an X-ABDATE labelled _$!<Anniversary>!$_.
    assert jane.anniversary == PartialDate(month=6, day=1, year=2010)
    assert jane.source_key == content_key(jane.name, jane.emails, jane.phones)


def test_ios_omitted_year_and_linkedin_given_only_as_x_user():
    sean = parse_fixture("ios_contacts.vcf")[1]

    assert isinstance(sean, ContactRecord)
    assert sean.position == "card 2 (line 25)"
    assert sean.name == "Seán O'Brien"
    assert sean.birthday == PartialDate(month=11, day=3, year=None)
    assert sean.urls == ("https://www.linkedin.com/in/sean-obrien",)
    assert sean.phones == ("+353 87 123 4567",)


def test_ios_company_card_is_named_after_its_organisation():
    acme = parse_fixture("ios_contacts.vcf")[2]

    assert isinstance(acme, ContactRecord)
    assert acme.position == "card 3 (line 34)"
    assert acme.name == "Acme Plumbing"
    assert acme.organisation == "Acme Plumbing"
    assert acme.phones == ("555-0142",)
    assert acme.emails == ()


def test_android_21_quoted_printable_utf8_with_soft_line_breaks():
    items = parse_fixture("android_contacts.vcf")
    assert len(items) == 3
    jose = items[0]

    assert isinstance(jose, ContactRecord)
    assert jose.position == "card 1 (line 1)"
    assert jose.name == "José Müller"
    assert jose.organisation == "Bäckerei Müller GmbH"
    assert jose.title == "Inhaber"
    # The note spans three physical lines joined by "=" soft breaks; =0D=0A is a newline,
    # and 2.1's unescaped comma and semicolon are kept.
    assert jose.note == "Kennengelernt in Köln, 2019.\nMag Kaffee schwarz; keine Milch."
    assert jose.phones == ("+49 170 1234567", "030 1234567")
    assert jose.emails == ("jose.mueller@example.de",)
    assert jose.birthday == PartialDate(month=4, day=12, year=1985)
    assert jose.urls == ()  # the base64 photo is dropped, not mistaken for anything


def test_android_21_iso_8859_1_charset():
    francois = parse_fixture("android_contacts.vcf")[1]

    assert isinstance(francois, ContactRecord)
    assert francois.position == "card 2 (line 19)"
    assert francois.name == "François Dupont"
    assert francois.emails == ("f.dupont@example.fr",)
    assert francois.urls == ("http://www.example.fr/~fdupont",)
    assert francois.birthday == PartialDate(month=2, day=29, year=1972)


def test_21_raw_latin1_bytes_and_name_from_n():
    irene = parse_fixture("android_contacts.vcf")[2]

    assert isinstance(irene, ContactRecord)
    assert irene.position == "card 3 (line 28)"
    assert irene.name == "Irène Lefèvre"  # no FN: given + family from N
    assert irene.note == "Très sympa, vue à Lyon"  # vobject alone would stop at the comma


def test_vcard_4():
    kim, alex = parse_fixture("v4_contacts.vcf")

    assert isinstance(kim, ContactRecord)
    assert kim.source_key == "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"
    assert kim.name == "Kim Nguyễn"
    assert kim.emails == ("kim@work.example", "kim.nguyen@example.org")
    assert kim.phones == ("+1-555-555-0100", "+1-555-555-0111;ext=42")
    assert kim.organisation == "Example, Inc."
    assert kim.title == "Engineer"
    assert kim.urls == ("https://kim.example.org/",)
    assert kim.note == "Prefers Signal, not SMS."
    assert kim.birthday == PartialDate(month=4, day=12)
    assert kim.anniversary == PartialDate(month=6, day=1, year=2010)

    assert isinstance(alex, ContactRecord)
    assert alex.position == "card 2 (line 18)"
    assert alex.birthday == PartialDate(month=4, day=30)
    assert alex.anniversary is None  # VALUE=text "sometime in spring" is not a date
    assert alex.source_key.startswith("sha256:")


# --- Hostile input --------------------------------------------------------------------


def test_hostile_file_rejects_bad_cards_and_keeps_the_rest():
    items = parse_fixture("hostile.vcf")

    summary = [
        (type(item).__name__, item.position, getattr(item, "name", None) or item.reason)
        for item in items
    ]
    assert summary == [
        ("ContactRecord", "card 1 (line 2)", "Good Before"),
        (
            "Rejected",
            "card 2 (line 7)",
            "line 10 is not a vCard property: 'this line has no colon'",
        ),
        ("ContactRecord", "card 3 (line 13)", "René Dupré"),
        ("Rejected", "card 4 (line 19)", "card has no name, email or phone"),
        ("ContactRecord", "card 5 (line 23)", "Anna Smith"),
        (
            "Rejected",
            "card 6 (line 32)",
            "card is truncated: no END:VCARD before the next BEGIN:VCARD on line 35",
        ),
        ("ContactRecord", "card 7 (line 35)", "Good After"),
        (
            "Rejected",
            "card 8 (line 40)",
            "card is truncated: no END:VCARD before the end of the file",
        ),
    ]


def test_hostile_cards_keep_their_fields():
    items = parse_fixture("hostile.vcf")
    rene, anna = items[2], items[4]

    assert isinstance(rene, ContactRecord)
    assert rene.note == "Met at the café, Paris, 2019"
    assert rene.emails == ("rene@example.fr",)
    # Unindented base64 after PHOTO is skipped, and "end:vcard " still ends the card.
    assert isinstance(anna, ContactRecord)
    assert anna.phones == ("+44 20 7946 0958",)


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n", b"FN:Jane Doe\r\nEMAIL:jane@example.com\r\n"])
def test_a_file_without_cards_is_a_source_error(data):
    with pytest.raises(SourceError, match=r"^contacts\.vcf contains no vCards"):
        list(parse_vcards(data, source_name="contacts.vcf"))


def test_parsing_is_lazy():
    items = parse_vcards(b"")  # no error yet: nothing has been read

    assert inspect.isgenerator(items)
    with pytest.raises(SourceError, match="the file contains no vCards"):
        next(items)


def test_vobject_errors_become_rejections():
    data = card("FN:Has A Calendar", "BEGIN:VALARM", "TRIGGER:-PT15M") + card("FN:Next")

    first, second = parse_vcards(data)

    assert isinstance(first, Rejected)
    assert first.position == "card 1 (line 1)"
    assert first.reason.startswith("vobject could not read the card: ")
    assert first.reason == "vobject could not read the card: VALARM component wasn't closed"
    assert isinstance(second, ContactRecord)
    assert second.position == "card 2 (line 7)"


@given(junk=st.binary(max_size=300))
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_bytes_inside_a_card_never_crash(junk):
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\n" + junk + b"\r\nEND:VCARD\r\n" + card("FN:After")

    items = list(parse_vcards(data))

    assert all(isinstance(item, ContactRecord | Rejected) for item in items)
    assert items[-1] == ContactRecord(
        source_key=content_key("After", (), ()),
        position=items[-1].position,
        name="After",
    )


# --- Encodings and line structure -----------------------------------------------------


def test_utf16_export_with_bom():
    data = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Weiß\r\nEND:VCARD\r\n".encode("utf-16")

    assert only_record(data).name == "Zoë Weiß"


def test_utf8_bom_and_cr_only_line_endings():
    data = b"\xef\xbb\xbf" + card("FN:One").replace(b"\r\n", b"\r") + card("FN:Two")

    one, two = parse_vcards(data)

    assert (one.name, one.position) == ("One", "card 1 (line 1)")
    assert (two.name, two.position) == ("Two", "card 2 (line 5)")


def test_fold_in_the_middle_of_a_utf8_sequence():
    name = "Zoë".encode()  # ë is two bytes: C3 AB
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name[:3] + b"\r\n " + name[3:] + b"\r\nEND:VCARD"

    assert only_record(data).name == "Zoë"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    assert only_record(card("FN:A\x81B").replace(b"\xc2\x81", b"\x81")).name == "A\x81B"


def test_declared_charset_is_used_for_bytes_that_are_not_utf8():
    data = card("N;CHARSET=KOI8-R:X;Y", "FN;CHARSET=KOI8-R:NAME").replace(
        b"NAME", "Иван".encode("koi8-r")
    )

    assert only_record(data).name == "Иван"


def test_quoted_printable_soft_break_right_before_end_does_not_eat_end():
    data = card("FN:Soft", "NOTE;ENCODING=QUOTED-PRINTABLE:trailing=", version="2.1")

    record = only_record(data)
    assert (record.name, record.note) == ("Soft", "trailing")


def test_quoted_printable_bare_param_and_folded_continuation():
    data = card(
        "FN;QUOTED-PRINTABLE;CHARSET=UTF-8:Bj=C3=B6rk =",
        "Gu=C3=B0mundsd=C3=B3ttir",
        version="2.1",
    )

    assert only_record(data).name == "Björk Guðmundsdóttir"


# --- Fields ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["FN:  Jane Doe  ", "N:Other;Name;;;"], "Jane Doe"),
        (["FN:", "N:Doe;Jane;Q.;Dr.;"], "Jane Doe"),
        (["N:Doe\\, Jr.;Jane,Mary;;;"], "Jane Mary Doe, Jr."),
        (["N:;;;;", "ORG:Acme\\; Sons;Sales", "EMAIL:info@acme.example"], "Acme; Sons"),
        (["EMAIL:first@example.com", "EMAIL:second@example.com"], "first@example.com"),
        (["TEL:+1 555 0100"], "+1 555 0100"),
    ],
)
def test_name_falls_back_from_fn_to_n_org_email_phone(lines, name):
    assert only_record(card(*lines)).name == name


def test_card_with_nothing_to_go_by_is_rejected():
    item = only(card("N:;;;;", "FN: ", "NOTE:hello", "BDAY:1985-04-12"))

    assert item == Rejected("card 1 (line 1)", "card has no name, email or phone")


def test_multiple_values_are_kept_in_order_without_duplicates():
    record = only_record(
        card(
            "FN:Multi",
            "EMAIL:a@example.com",
            "item1.EMAIL;TYPE=work:b@example.com",
            "EMAIL:a@example.com",
            "TEL;VALUE=uri:tel:+1-555-555-0100",
            "TEL;TYPE=cell:+44 7700 900123",
            "URL:https://a.example/x,y",
            "URL:https://b.example",
            "X-SOCIALPROFILE;TYPE=twitter:x-apple:someone",
            "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/multi",
        )
    )

    assert record.emails == ("a@example.com", "b@example.com")
    assert record.phones == ("+1-555-555-0100", "+44 7700 900123")
    assert record.urls == (
        "https://a.example/x,y",
        "https://b.example",
        "https://www.linkedin.com/in/multi",
    )


def test_photo_that_is_not_base64_does_not_sink_the_card():
    data = card("FN:Pic", "PHOTO;ENCODING=b;TYPE=JPEG:!!!not base64!!!", "EMAIL:pic@example.com")

    assert only_record(data).emails == ("pic@example.com",)


def test_backslashes_vobject_does_not_know_are_kept():
    assert only_record(card("FN:Dir", "NOTE:C:\\path\\to, here")).note == "C:\\path\\to, here"


def test_several_notes_are_joined():
    assert only_record(card("FN:N", "NOTE:one", "NOTE:two")).note == "one\n\ntwo"


@pytest.mark.parametrize(
    ("lines", "birthday"),
    [
        (["BDAY:--0412"], PartialDate(4, 12)),
        (["BDAY:--04-12"], PartialDate(4, 12)),
        (["BDAY:19850412"], PartialDate(4, 12, 1985)),
        (["BDAY;VALUE=date:1985-04-12"], PartialDate(4, 12, 1985)),
        (["BDAY:1985-04-12T00:00:00Z"], PartialDate(4, 12, 1985)),
        (["BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29"], PartialDate(2, 29)),
        (["BDAY:--0231", "BDAY:--0301"], PartialDate(3, 1)),
        (["BDAY:not a date"], None),
    ],
)
def test_birthdays(lines, birthday):
    assert only_record(card("FN:B", *lines)).birthday == birthday


def test_anniversary_spellings():
    assert only_record(card("FN:A", "ANNIVERSARY:--0601")).anniversary == PartialDate(6, 1)
    assert only_record(card("FN:A", "X-ANNIVERSARY:2001-06-01")).anniversary == PartialDate(
        6, 1, 2001
    )
    labelled_birthday = card("FN:A", "item1.X-ABDATE:2001-06-01", "item1.X-ABLabel:_$!<Other>!$_")
    assert only_record(labelled_birthday).anniversary is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("--0412", PartialDate(4, 12)),
        (" --04-12 ", PartialDate(4, 12)),
        ("19850412", PartialDate(4, 12, 1985)),
        ("1985-04-12", PartialDate(4, 12, 1985)),
        ("1985-04-12T10:00:00", PartialDate(4, 12, 1985)),
        ("0000-04-12", PartialDate(4, 12)),
        ("--0229", PartialDate(2, 29)),
        ("1985-02-29", None),
        ("1985-13-01", None),
        ("--04", None),
        ("1985", None),
        ("12/04/1985", None),
        ("", None),
    ],
)
def test_parse_partial_date(text, expected):
    assert parse_partial_date(text) == expected


def test_parse_partial_date_omitted_year():
    assert parse_partial_date("1604-04-12", omitted_year="1604") == PartialDate(4, 12)
    assert parse_partial_date("1985-04-12", omitted_year="1604") == PartialDate(4, 12, 1985)


# --- source_key -----------------------------------------------------------------------


def test_uid_is_the_source_key():
    assert only_record(card("UID: abc-123 ", "FN:U")).source_key == "abc-123"


def test_content_key_is_stable_across_re_exports():
    first = only_record(
        card("FN:Jane  Doe", "EMAIL:Jane@Example.com", "EMAIL:j@x.org", "TEL:+1 (555) 555-0100")
    )
    again = only_record(
        card("FN:jane doe", "TEL:+1 555-555-0100", "EMAIL:j@x.org", "EMAIL:jane@example.com")
    )
    other = only_record(card("FN:Jane Doe", "EMAIL:jane@example.com", "EMAIL:j@x.org"))

    assert first.source_key == again.source_key
    assert first.source_key != other.source_key
    assert len(first.source_key) == len("sha256:") + 64


def test_content_key_separates_fields_unambiguously():
    assert content_key("a", ["b@x.com"], []) != content_key("a b@x.com", [], [])
    assert content_key("a", [], ["123"]) != content_key("a", [], ["12", "3"])


# --- Round trip -----------------------------------------------------------------------

_LETTERS = st.characters(categories=["L"])
_NAME_TEXT = st.text(st.one_of(_LETTERS, st.sampled_from(" ,;\\")), max_size=20)
_NOTE_TEXT = st.text(st.one_of(_LETTERS, st.sampled_from(" ,;:\\\n.")), max_size=40)
_EMAIL = st.from_regex(
    r"[a-z0-9]([a-z0-9._-]{0,8}[a-z0-9])?@[a-z0-9]{1,10}\.(com|org|de)", fullmatch=True
)
_PHONE = st.from_regex(r"\+?[0-9]{1,3}( ?[0-9]{2,4}){1,3}", fullmatch=True)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate | None:
    day = draw(st.one_of(st.none(), st.dates()))
    if day is None:
        return None
    year = draw(st.one_of(st.none(), st.just(day.year)))
    if year is None and (day.month, day.day) == (2, 29):
        return PartialDate(2, 29)
    return PartialDate(day.month, day.day, year)


contacts = st.fixed_dictionaries(
    {
        "fn": _NAME_TEXT,
        "given": _NAME_TEXT,
        "family": _NAME_TEXT,
        "org": _NAME_TEXT,
        "emails": st.lists(_EMAIL, max_size=3, unique=True),
        "phones": st.lists(_PHONE, max_size=3, unique=True),
        "note": _NOTE_TEXT,
        "birthday": partial_dates(),
        "uid": st.one_of(st.none(), st.from_regex(r"[A-Za-z0-9-]{1,36}", fullmatch=True)),
    }
)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _fold(line: bytes) -> bytes:
    """Fold at 75 octets even inside a UTF-8 sequence, as careless writers do."""
    chunks = [line[:75]] + [b" " + line[i : i + 74] for i in range(75, len(line), 74)]
    return b"\r\n".join(chunks)


def _date_text(value: PartialDate) -> str:
    if value.year is None:
        return f"--{value.month:02d}{value.day:02d}"
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def write_vcards(people: list[dict]) -> tuple[bytes, list[int]]:
    """A minimal vCard 3.0 writer; returns the file and each card's BEGIN line."""
    lines: list[bytes] = []
    starts: list[int] = []
    for person in people:
        starts.append(len(lines) + 1)
        props = ["BEGIN:VCARD", "VERSION:3.0", "FN:" + _escape(person["fn"])]
        props.append(f"N:{_escape(person['family'])};{_escape(person['given'])};;;")
        if person["org"]:
            props.append("ORG:" + _escape(person["org"]))
        props += [f"EMAIL;TYPE=INTERNET:{email}" for email in person["emails"]]
        props += [f"TEL;TYPE=CELL:{phone}" for phone in person["phones"]]
        if person["note"]:
            props.append("NOTE:" + _escape(person["note"]))
        if person["birthday"]:
            props.append("BDAY:" + _date_text(person["birthday"]))
        if person["uid"]:
            props.append("UID:" + person["uid"])
        props.append("END:VCARD")
        for prop in props:
            lines.extend(_fold(prop.encode("utf-8")).split(b"\r\n"))
    return b"\r\n".join(lines) + b"\r\n", starts


def expected_name(person: dict) -> str:
    from_n = " ".join(p for p in (person["given"].strip(), person["family"].strip()) if p)
    return (
        person["fn"].strip()
        or from_n
        or person["org"].strip()
        or next(iter(person["emails"] + person["phones"]), "")
    )


@given(people=st.lists(contacts, min_size=1, max_size=8))
@settings(max_examples=150, deadline=None)
def test_vcard_round_trip(people):
    data, starts = write_vcards(people)

    items = list(parse_vcards(data))

    assert len(items) == len(people)
    for number, (item, person, start) in enumerate(zip(items, people, starts, strict=True), 1):
        position = f"card {number} (line {start})"
        name = expected_name(person)
        if not name:
            assert item == Rejected(position, "card has no name, email or phone")
            continue
        assert isinstance(item, ContactRecord), item
        assert item.position == position
        assert item.name == name
        assert item.emails == tuple(person["emails"])
        assert item.phones == tuple(person["phones"])
        assert item.organisation == person["org"].strip()
        assert item.note == person["note"].strip()
        assert item.birthday == person["birthday"]
        assert item.source_key == (
            person["uid"] or content_key(name, person["emails"], person["phones"])
        )
