"""LinkedIn export parser: Connections.csv, messages.csv, and the zip/folder it comes in."""

from __future__ import annotations

import csv
import hashlib
import io
import struct
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carefor.importers.linkedin import (
    LinkedInExport,
    infer_my_profile_url,
    normalise_profile_url,
    open_linkedin_export,
    parse_connections,
    parse_messages,
)
from carefor.importers.records import Address, ContactRecord, MessageRecord, Rejected, SourceError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "linkedin"
CONNECTIONS = (FIXTURES / "Connections.csv").read_bytes()
CONNECTIONS_2017 = (FIXTURES / "Connections_2017.csv").read_bytes()
MESSAGES = (FIXTURES / "messages.csv").read_bytes()

ANN = "https://linkedin.com/in/ann-example"
BOB_URL = "https://www.linkedin.com/in/bob-brown-7a1b2c"
CONV_BOB = "2-YmQ0NTYxYjEtYmU1MS00YjZlLWEwMmYtNTkxZDRmNDY1ZTg2XzAxMg=="
CONV_CAROL = "2-Y2Q4ZTA5NzItMmQ2Ni00YTFhLWIyYjUtMDAzYzE3ZWVkZjFmXzAxMw=="


def contacts(data: bytes) -> list[ContactRecord]:
    return [r for r in parse_connections(data) if isinstance(r, ContactRecord)]


def messages(data: bytes, me: str | None = None) -> list[MessageRecord]:
    return [r for r in parse_messages(data, my_profile_url=me) if isinstance(r, MessageRecord)]


def sha(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


# --- Connections.csv ----------------------------------------------------------------------


def test_connections_skip_the_notes_preamble_and_map_every_column():
    bob = contacts(CONNECTIONS)[0]
    assert bob == ContactRecord(
        source_key="https://linkedin.com/in/bob-brown-7a1b2c",
        position="row 5",  # three preamble lines, then the header on line 4
        name="Bob Brown",
        emails=("bob.brown@example.com",),
        urls=("https://www.linkedin.com/in/bob-brown-7a1b2c/",),
        organisation="Brown & Partners",
        title="Director, Operations",
        connected_on=date(2024, 3, 12),
    )


def test_connections_keep_unicode_quotes_and_leap_days():
    zoe = contacts(CONNECTIONS)[2]
    assert zoe.name == "Zoë Ångström-Müller"
    assert zoe.organisation == 'Fabrik "Nord" GmbH'
    assert zoe.connected_on == date(2020, 2, 29)
    assert zoe.emails == ()


def test_connection_url_key_is_lower_case_without_trailing_slash():
    keys = [c.source_key for c in contacts(CONNECTIONS)[:3]]
    assert keys == [
        "https://linkedin.com/in/bob-brown-7a1b2c",
        "https://linkedin.com/in/caroljones",
        "https://linkedin.com/in/zoe-angstrom",
    ]


def test_connection_without_url_is_keyed_by_a_hash_of_name_and_company():
    dana = contacts(CONNECTIONS)[3]
    assert dana.name == "Dana"
    assert dana.urls == ()
    assert dana.source_key == "sha256:" + sha("dana", "freelance")
    assert dana.connected_on is None  # "not a date" is dropped, not fatal


def test_row_without_name_and_url_is_rejected_and_blank_rows_are_skipped():
    items = list(parse_connections(CONNECTIONS))
    rejected = [r for r in items if isinstance(r, Rejected)]
    assert rejected == [Rejected("row 9", "no name and no profile URL")]  # row 8 is ",,,,,,"
    assert len(items) == 5


def test_older_export_with_bom_reordered_columns_and_no_url_column():
    eve, frank = contacts(CONNECTIONS_2017)
    assert eve.position == "row 3"
    assert (eve.name, eve.emails, eve.organisation, eve.title) == (
        "Eve Evans",
        ("eve@example.net",),
        "Evans Consulting",
        "Founder",
    )
    assert eve.connected_on == date(2016, 6, 5)
    assert eve.source_key == "sha256:" + sha("eve evans", "evans consulting")
    assert frank.emails == ()
    assert frank.connected_on == date(2015, 11, 17)


def test_connections_without_a_header_row_raise_source_error_at_once():
    with pytest.raises(SourceError, match="no header row"):
        parse_connections(b"Name,E-mail\nAnn,ann@example.org\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Mar 2024", date(2024, 3, 12)),
        ("1 Sept 2023", date(2023, 9, 1)),
        ("2024-03-12", date(2024, 3, 12)),
        ("31 Feb 2024", None),
        ("", None),
        ("yesterday", None),
    ],
)
def test_connected_on_formats(text, expected):
    row = f"First Name,Last Name,Connected On\nAnn,Example,{text}\n".encode()
    (ann,) = contacts(row)
    assert ann.connected_on == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.linkedin.com/in/Ann-Example/", ANN),
        ("http://linkedin.com/in/ann-example", ANN),
        ("www.linkedin.com/in/ann-example//", ANN),
        (" https://www.linkedin.com/in/ann-example?trk=abc ", ANN),
        ("", ""),
    ],
)
def test_normalise_profile_url(url, expected):
    assert normalise_profile_url(url) == expected


# A preamble line never contains both "First Name" and "Last Name" as cells.
PREAMBLE_LINES = [
    "Notes:",
    "",
    '"When exporting your connection data, you may notice that some emails are missing."',
    "Connections exported on 2024-03-12",
]
name_text = st.text(
    alphabet=st.characters(categories=("L", "M", "Nd", "Zs", "P")),
    min_size=1,
    max_size=20,
).map(str.strip)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    preamble=st.lists(st.sampled_from(PREAMBLE_LINES), max_size=6),
    people=st.lists(
        st.tuples(name_text.filter(bool), name_text, name_text, st.booleans(), st.dates()),
        max_size=15,
    ),
)
def test_connections_round_trip(preamble, people):
    out = io.StringIO()
    out.write("".join(line + "\n" for line in preamble))
    writer = csv.writer(out)
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position"])
    for i, (first, last, company, has_email, _) in enumerate(people):
        email = f"person{i}@example.org" if has_email else ""
        url = f"https://www.linkedin.com/in/person-{i}/"
        writer.writerow([first, last, url, email, company, "Engineer"])
    data = out.getvalue().encode()

    parsed = list(parse_connections(data))

    assert len(parsed) == len(people)
    for i, (record, (first, last, company, has_email, _)) in enumerate(
        zip(parsed, people, strict=True)
    ):
        assert isinstance(record, ContactRecord)
        assert record.name == " ".join(p for p in (first, last) if p)
        assert record.organisation == company
        assert record.emails == ((f"person{i}@example.org",) if has_email else ())
        assert record.source_key == f"https://linkedin.com/in/person-{i}"
        assert record.position == f"row {len(preamble) + 2 + i}"


# --- messages.csv -------------------------------------------------------------------------


def test_multi_line_html_content_becomes_plain_text():
    first = messages(MESSAGES)[0]
    assert first.body == (
        "Hi Ann,\n\n"
        "Great to meet you at the Leeds meetup & thanks for the intro to Carol.\n"
        "Shall we grab a coffee next week?\n\n"
        "Cheers,\nBob"
    )
    assert first.body_is_snippet is False


def test_plain_text_content_keeps_its_line_breaks_and_entities_are_decoded():
    found = messages(MESSAGES)
    assert found[1].body == "Hi Bob, yes please!\nTuesday 10:00 works for me."
    assert found[3].body == "Of course — happy to help."


def test_message_fields():
    first = messages(MESSAGES)[0]
    assert first.position == "row 2"
    assert first.occurred_at == datetime(2024, 3, 12, 14, 5, 33, tzinfo=UTC)
    assert first.sender == Address(BOB_URL, "Bob Brown")
    assert first.to == (Address("https://www.linkedin.com/in/ann-example", "Ann Example"),)
    assert first.thread_hint == CONV_BOB
    assert first.folder == "INBOX"
    assert first.subject == ""


def test_positions_count_the_lines_of_multi_line_cells():
    positions = [r.position for r in parse_messages(MESSAGES, my_profile_url=ANN)]
    assert positions == ["row 2", "row 6", "row 8", "row 9", "row 10", "row 11", "row 12"]


def test_subject_falls_back_to_the_conversation_title():
    found = messages(MESSAGES)
    assert [m.subject for m in found[2:5]] == ["Mentoring", "Re: Mentoring", "Leeds meetup crew"]


def test_group_message_pairs_recipient_urls_with_names():
    group = messages(MESSAGES)[4]
    assert group.to == (
        Address(BOB_URL, "Bob Brown"),
        Address("https://www.linkedin.com/in/CarolJones", "Carol Jones"),
    )


def test_recipient_names_are_not_guessed_when_counts_differ():
    data = (
        b"FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\n"
        b'Ann,https://linkedin.com/in/ann,"Smith, Bob, Carol",'
        b'"https://linkedin.com/in/bob https://linkedin.com/in/carol",2024-01-01 10:00:00 UTC,hi\n'
    )
    (msg,) = messages(data, me="https://linkedin.com/in/ann")
    assert msg.to == (
        Address("https://linkedin.com/in/bob", ""),
        Address("https://linkedin.com/in/carol", ""),
    )


def test_sent_by_me_compares_normalised_urls():
    me = "http://www.LinkedIn.com/in/Ann-Example/"
    assert [m.sent_by_me_hint for m in messages(MESSAGES, me)] == [
        False,
        True,  # ".../ann-example/" with a trailing slash
        False,
        True,  # "http://linkedin.com/in/ann-example"
        True,
        False,
    ]


def test_me_is_inferred_as_the_url_in_most_conversations():
    assert infer_my_profile_url(MESSAGES) == ANN
    inferred = [m.sent_by_me_hint for m in messages(MESSAGES, None)]
    assert inferred == [m.sent_by_me_hint for m in messages(MESSAGES, ANN)]
    assert inferred.count(True) == 3


def test_inference_gives_up_on_a_tie():
    data = (
        b"CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\n"
        b"c1,Ann,https://linkedin.com/in/ann,Bob,https://linkedin.com/in/bob,2024-01-01,hi\n"
        b"c1,Bob,https://linkedin.com/in/bob,Ann,https://linkedin.com/in/ann,2024-01-02,hello\n"
    )
    assert infer_my_profile_url(data) is None
    assert [m.sent_by_me_hint for m in messages(data)] == [False, False]


def test_system_row_is_rejected_and_sponsored_inmail_is_kept():
    items = list(parse_messages(MESSAGES, my_profile_url=ANN))
    assert items[-1] == Rejected(
        "row 12", "no sender profile URL and no content (a LinkedIn system notice?)"
    )
    sponsored = items[-2]
    assert isinstance(sponsored, MessageRecord)
    assert sponsored.sender == Address("", "LinkedIn Member")
    assert sponsored.body == "Sponsored: try Premium free for a month."


def test_source_keys_hash_conversation_date_sender_and_content():
    found = messages(MESSAGES)
    assert found[2].source_key == "linkedin:" + sha(
        CONV_CAROL,
        "2024-02-01 09:15:00 UTC",
        "https://linkedin.com/in/caroljones",
        "Would you have 30 minutes for a mentoring chat in March?",
    )
    assert len({m.source_key for m in found}) == len(found)
    assert [m.source_key for m in messages(MESSAGES)] == [m.source_key for m in found]


def test_older_export_lowercase_headers_direction_and_no_urls():
    data = (
        b"From,To,Date,Subject,Content,Direction,Folder\r\n"
        b"Ann Example,Bob Brown,2017-05-02 09:00:00,Hello,Nice to meet you,OUTGOING,SENT\r\n"
        b"Bob Brown,Ann Example,2017-05-03T10:30:00Z,Re: Hello,Likewise,INCOMING,INBOX\r\n"
    )
    out, back = messages(data)
    assert out.sent_by_me_hint is True
    assert back.sent_by_me_hint is False
    assert out.sender == Address("", "Ann Example")
    assert out.to == (Address("", "Bob Brown"),)
    assert out.occurred_at == datetime(2017, 5, 2, 9, 0, tzinfo=UTC)  # naive -> UTC
    assert back.occurred_at == datetime(2017, 5, 3, 10, 30, tzinfo=UTC)
    assert out.thread_hint == ""


def test_unusable_date_keeps_the_message_without_a_time():
    data = b"FROM,SENDER PROFILE URL,DATE,CONTENT\nBob,https://linkedin.com/in/bob,soon,hi\n"
    (msg,) = messages(data, me="")
    assert msg.occurred_at is None


def test_html_scripts_styles_and_nbsp_are_removed():
    content = (
        "<html><head><style>p {color: red}</style></head><body>"
        "<p>Caf&eacute;&nbsp;at   <i>noon</i>?</p><script>alert(1)</script>"
        "<ul><li>one</li><li>two &lt;3</li></ul></body></html>"
    )
    data = b"FROM,SENDER PROFILE URL,DATE,CONTENT\nBob,https://linkedin.com/in/bob,2024-01-01,"
    data += b'"' + content.replace('"', '""').encode() + b'"\n'
    (msg,) = messages(data, me="")
    assert msg.body == "Café at noon?\n\none\n\ntwo <3"


def test_nul_bytes_do_not_break_the_csv():
    data = (
        b"FROM,SENDER PROFILE URL,DATE,CONTENT\nBob,https://linkedin.com/in/bob,2024-01-01,h\x00i\n"
    )
    (msg,) = messages(data, me="")
    assert msg.body == "hi"


def test_messages_without_a_header_row_raise_source_error():
    with pytest.raises(SourceError, match=r"messages\.csv"):
        parse_messages(b"just,some,csv\n1,2,3\n", my_profile_url=None)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(
    bodies=st.lists(
        st.text(
            alphabet=st.characters(categories=("L", "N", "P", "Zs"), exclude_characters="<&"),
            min_size=1,
            max_size=40,
        )
        .map(str.strip)
        .filter(bool),
        min_size=1,
        max_size=12,
    )
)
def test_messages_round_trip(bodies):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "DATE", "CONTENT"])
    for i, body in enumerate(bodies):
        sender = "https://linkedin.com/in/me" if i % 2 else f"https://linkedin.com/in/p{i}"
        writer.writerow([f"conv-{i}", f"Person {i}", sender, f"2024-01-01 10:{i:02d}:00 UTC", body])

    parsed = list(parse_messages(out.getvalue().encode(), my_profile_url="linkedin.com/in/me"))

    assert len(parsed) == len(bodies)
    for i, (record, body) in enumerate(zip(parsed, bodies, strict=True)):
        assert isinstance(record, MessageRecord)
        assert record.body == body
        assert record.thread_hint == f"conv-{i}"
        assert record.occurred_at == datetime(2024, 1, 1, 10, i, tzinfo=UTC)
        assert record.sent_by_me_hint is bool(i % 2)


# --- the export: zip or folder ------------------------------------------------------------

EXPORT_DIR = "Basic_LinkedInDataExport_03-12-2024"


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data)
    return path


def good_members() -> dict[str, bytes]:
    return {
        f"{EXPORT_DIR}/Profile.csv": b"First Name,Last Name\nAnn,Example\n",
        f"{EXPORT_DIR}/Connections.csv": CONNECTIONS,
        f"{EXPORT_DIR}/messages.csv": MESSAGES,
        f"{EXPORT_DIR}/Rich_Media.csv": b"Date/Time,Media Link\n",
    }


def test_zip_with_files_in_a_subfolder(tmp_path):
    export = open_linkedin_export(make_zip(tmp_path / "export.zip", good_members()))
    assert export.connections_csv == CONNECTIONS
    assert export.messages_csv == MESSAGES
    assert export.warnings == []
    assert [c.name for c in export.connections() if isinstance(c, ContactRecord)][:2] == [
        "Bob Brown",
        "Carol Jones",
    ]
    assert sum(isinstance(m, MessageRecord) for m in export.messages()) == 6


def test_member_names_match_case_insensitively(tmp_path):
    path = make_zip(
        tmp_path / "e.zip", {"CONNECTIONS.CSV": CONNECTIONS, "x/Messages.Csv": MESSAGES}
    )
    export = open_linkedin_export(path)
    assert (export.connections_csv, export.messages_csv) == (CONNECTIONS, MESSAGES)


def test_zip_with_only_connections_gives_no_messages(tmp_path):
    export = open_linkedin_export(make_zip(tmp_path / "e.zip", {"Connections.csv": CONNECTIONS}))
    assert export.messages_csv is None
    assert list(export.messages()) == []


def test_path_traversal_member_is_reported_and_never_read(tmp_path):
    members = good_members() | {"../evil.csv": b"pwned", f"{EXPORT_DIR}/../../messages.csv": b"x"}
    export = open_linkedin_export(make_zip(tmp_path / "e.zip", members))
    assert export.warnings == [
        Rejected("zip member '../evil.csv'", "path leaves the archive with '..' (refused)"),
        Rejected(
            f"zip member '{EXPORT_DIR}/../../messages.csv'",
            "path leaves the archive with '..' (refused)",
        ),
    ]
    assert export.messages_csv == MESSAGES  # the honest copy, not the traversal one
    assert not (tmp_path.parent / "evil.csv").exists()


@pytest.mark.parametrize("name", ["/etc/Connections.csv", "C:\\Users\\x\\Connections.csv"])
def test_absolute_member_is_reported(tmp_path, name):
    members = {name: b"First Name,Last Name\nMallory,Evil\n", "messages.csv": MESSAGES}
    export = open_linkedin_export(make_zip(tmp_path / "e.zip", members))
    assert export.warnings == [
        Rejected(f"zip member {name!r}", "absolute path in the archive (refused)")
    ]
    assert export.connections_csv is None


def test_export_whose_only_csv_is_hostile_is_a_source_error(tmp_path):
    path = make_zip(tmp_path / "e.zip", {"../Connections.csv": CONNECTIONS})
    with pytest.raises(SourceError, match=r"neither Connections\.csv.*'\.\.'"):
        open_linkedin_export(path)


def test_member_over_the_size_cap_is_reported(tmp_path):
    big = MESSAGES + b"x" * 5000
    path = make_zip(tmp_path / "e.zip", {"Connections.csv": CONNECTIONS, "messages.csv": big})
    export = open_linkedin_export(path, max_member_bytes=4096)
    assert export.warnings == [
        Rejected("zip member 'messages.csv'", f"{len(big)} bytes uncompressed (limit 4096)")
    ]
    assert export.messages_csv is None
    assert export.connections_csv == CONNECTIONS


def _lie_about_size(path: Path, name: str, claimed: int) -> None:
    """Rewrite the uncompressed size of one member in both its local and central headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        offset = archive.getinfo(name).header_offset
    struct.pack_into("<I", data, offset + 22, claimed)  # local file header
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_len] == name.encode():
            struct.pack_into("<I", data, central + 24, claimed)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_member_larger_than_its_header_claims_is_refused(tmp_path):
    bomb = b"FROM,DATE,CONTENT\n" + b"A" * 2_000_000  # compresses to a few KB
    path = make_zip(tmp_path / "e.zip", {"Connections.csv": CONNECTIONS, "messages.csv": bomb})
    _lie_about_size(path, "messages.csv", 100)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("messages.csv").file_size == 100  # the lie took

    export = open_linkedin_export(path)

    assert export.messages_csv is None
    (warning,) = export.warnings
    assert warning.position == "zip member 'messages.csv'"
    assert warning.reason.startswith("unreadable: Bad CRC-32")


def test_too_many_members_is_a_source_error(tmp_path):
    members = {f"f{i}.txt": b"" for i in range(6)} | {"Connections.csv": CONNECTIONS}
    with pytest.raises(SourceError, match=r"7 files in the zip \(limit 5\)"):
        open_linkedin_export(make_zip(tmp_path / "e.zip", members), max_members=5)


def test_total_declared_size_over_the_cap_is_a_source_error(tmp_path):
    members = {"Connections.csv": CONNECTIONS, "video.mp4": b"\0" * 10_000}
    with pytest.raises(SourceError, match="unpacks to"):
        open_linkedin_export(make_zip(tmp_path / "e.zip", members), max_total_bytes=5_000)


def test_not_a_zip_and_not_a_folder(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(SourceError, match="not a zip file and not a folder"):
        open_linkedin_export(text)
    with pytest.raises(SourceError, match="no such file"):
        open_linkedin_export(tmp_path / "missing.zip")


def test_zip_without_the_csvs_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match=r"neither Connections\.csv nor messages\.csv"):
        open_linkedin_export(make_zip(tmp_path / "e.zip", {"Profile.csv": b"a,b\n"}))


def test_extracted_folder(tmp_path):
    root = tmp_path / "export"
    (root / EXPORT_DIR).mkdir(parents=True)
    (root / EXPORT_DIR / "connections.csv").write_bytes(CONNECTIONS_2017)
    (root / EXPORT_DIR / "messages.csv").write_bytes(MESSAGES)
    export = open_linkedin_export(root)
    assert isinstance(export, LinkedInExport)
    assert (export.connections_csv, export.messages_csv) == (CONNECTIONS_2017, MESSAGES)
    assert export.warnings == []


def test_folder_prefers_the_shallowest_copy_and_reports_the_other(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "Connections.csv").write_bytes(CONNECTIONS)
    (tmp_path / "old" / "Connections.csv").write_bytes(CONNECTIONS_2017)
    export = open_linkedin_export(tmp_path)
    assert export.connections_csv == CONNECTIONS
    assert export.warnings == [
        Rejected("old/Connections.csv", "another connections.csv was used: Connections.csv")
    ]


def test_folder_symlink_is_not_followed(tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_bytes(CONNECTIONS)
    root = tmp_path / "export"
    root.mkdir()
    (root / "Connections.csv").symlink_to(outside)
    (root / "messages.csv").write_bytes(MESSAGES)
    export = open_linkedin_export(root)
    assert export.connections_csv is None
    assert export.warnings == [Rejected("file 'Connections.csv'", "symbolic link (not followed)")]


def test_folder_file_over_the_cap_is_reported(tmp_path):
    (tmp_path / "Connections.csv").write_bytes(CONNECTIONS)
    (tmp_path / "messages.csv").write_bytes(MESSAGES)
    export = open_linkedin_export(tmp_path, max_member_bytes=len(CONNECTIONS))
    assert export.connections_csv == CONNECTIONS
    assert export.messages_csv is None
    assert export.warnings == [
        Rejected("file 'messages.csv'", f"larger than {len(CONNECTIONS)} bytes (refused)")
    ]
