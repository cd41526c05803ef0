"""Parsing mail: pure functions over real-looking and hostile messages."""

from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from carefor.importers.mail import parse_addresses, parse_message
from carefor.importers.mailboxes import iter_maildir, iter_mbox
from carefor.importers.records import MessageRecord, Rejected

FIXTURES = Path(__file__).parent.parent / "fixtures" / "mail"


def test_hostile_mbox_keeps_every_good_message_and_says_why_for_the_rest():
    items = list(iter_mbox(FIXTURES / "hostile.mbox"))
    assert len(items) == 5
    first, reply, broken, newsletter, truncated = items
    assert isinstance(first, MessageRecord)
    assert first.subject == "Café on Friday?"
    assert first.sender.value == "Maria@Lumen.example"
    assert first.sender.name == "Chen, Maria"
    assert first.message_id == "m1@lumen.example"
    assert "meet at the café" in first.body
    assert "From the station" in first.body  # mboxrd '>From ' unescaped

    assert isinstance(reply, MessageRecord)
    assert reply.to == ()  # 'unlisted-recipients:;' is a group with nobody in it
    assert reply.in_reply_to == "m1@lumen.example"  # the first id only
    assert reply.references == ("m0@lumen.example", "m1@lumen.example")

    assert isinstance(broken, Rejected)
    assert broken.position.startswith("message 3 (byte ")
    assert "not an email message" in broken.reason

    assert isinstance(newsletter, MessageRecord)
    assert newsletter.occurred_at is None  # unusable Date header, message still kept
    assert newsletter.list_id == "<weekly.news.example.org>"
    assert newsletter.precedence == "bulk"
    assert "Body with bytes" in newsletter.body  # unknown charset and bad bytes survive

    assert isinstance(truncated, Rejected)
    assert truncated.position.startswith("message 5 ")
    assert "truncated" in truncated.reason


def test_mail_i_sent_keeps_its_whole_body_and_others_a_snippet():
    long_text = "I will send you the deck by Friday. " * 40
    raw = (
        "From: Sam <sam@okafor-advisory.example>\nTo: ann@example.org\nSubject: x\n"
        "Message-ID: <a@b>\n\n" + long_text
    ).encode()
    mine = parse_message(raw, position="1", my_addresses=frozenset({"sam@okafor-advisory.example"}))
    theirs = parse_message(raw, position="1")
    assert mine.sent_by_me_hint and not mine.body_is_snippet and len(mine.body) > 1000
    assert theirs.body_is_snippet and len(theirs.body) <= 400


def test_multipart_alternative_prefers_plain_and_html_only_is_converted():
    message = EmailMessage()
    message["From"] = "Ann <ann@example.org>"
    message["Subject"] = "Hello"
    message.set_content("Plain words here.")
    message.add_alternative("<p>HTML <b>words</b></p>", subtype="html")
    record = parse_message(message.as_bytes(), position="1")
    assert record.body == "Plain words here."

    html_only = EmailMessage()
    html_only["From"] = "Ann <ann@example.org>"
    html_only.set_content("<p>Only&nbsp;<b>HTML</b> here</p><script>x()</script>", subtype="html")
    assert parse_message(html_only.as_bytes(), position="1").body == "Only HTML here"


def test_gmail_takeout_labels_thread_id_and_chats(tmp_path):
    mbox = tmp_path / "takeout.mbox"
    mbox.write_bytes(
        b"From 1@xxx Mon Jan 01 00:00:00 +0000 2024\n"
        b"X-GM-THRID: 1790000000000000001\nX-Gmail-Labels: Sent,Important\n"
        b"From: me@example.org\nTo: ann@example.org\nSubject: hi\nMessage-ID: <g1@x>\n\nhello\n\n"
        b"From 2@xxx Mon Jan 01 00:00:00 +0000 2024\n"
        b"X-Gmail-Labels: Chat\nFrom: ann@example.org\nSubject: Chat with Ann\n\nhey\n"
    )
    items = list(iter_mbox(mbox))
    assert len(items) == 1  # the chat entry is skipped on purpose
    assert items[0].sent_by_me_hint
    assert items[0].thread_hint == "1790000000000000001"


def test_maildir_flags_folders_and_sent(tmp_path):
    for folder in ("", ".Sent", ".Archive.2024"):
        for sub in ("cur", "new", "tmp"):
            (tmp_path / folder / sub).mkdir(parents=True, exist_ok=True)
    (tmp_path / "cur" / "1.host:2,RS").write_bytes(
        b"From: ann@example.org\nSubject: replied\nMessage-ID: <r@x>\n\nx"
    )
    (tmp_path / ".Sent" / "cur" / "2.host:2,S").write_bytes(
        b"From: me@example.org\nTo: ann@example.org\nSubject: mine\nMessage-ID: <s@x>\n\ny"
    )
    (tmp_path / ".Archive.2024" / "new" / "3.host").write_bytes(b"")
    items = list(iter_maildir(tmp_path))
    by_subject = {i.subject: i for i in items if isinstance(i, MessageRecord)}
    assert by_subject["replied"].flags == frozenset("RS")
    assert by_subject["mine"].sent_by_me_hint and by_subject["mine"].folder == ".Sent"
    (rejected,) = [i for i in items if isinstance(i, Rejected)]
    assert rejected.position == ".Archive.2024/new/3.host"
    assert rejected.reason == "empty message"


def test_address_lists_in_their_many_spellings():
    found = parse_addresses(
        ['"Chen, Maria" <maria@x.example>, bob@y.example', "Ann (work) <ann@z.example>",
         "=?utf-8?q?Jos=C3=A9?= <jose@x.example>", "undisclosed-recipients:;", "garbage <"]
    )  # fmt: skip
    assert [(a.name, a.value) for a in found] == [
        ("Chen, Maria", "maria@x.example"),
        ("", "bob@y.example"),
        ("Ann (work)", "ann@z.example"),
        ("José", "jose@x.example"),
    ]


names = st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=12)
locals_ = st.from_regex(r"[a-z][a-z0-9.]{0,10}[a-z0-9]", fullmatch=True)
subjects = (
    st.text(
        alphabet=st.characters(categories=["L", "N", "Zs", "P"], exclude_characters="\r\n"),
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(names, names, locals_, subjects), min_size=1, max_size=15))
def test_generated_mailboxes_round_trip_in_count_and_fields(tmp_path_factory, people):
    """Messages written with the email package come back, each with its fields."""
    directory = tmp_path_factory.mktemp("mbox")
    path = directory / "generated.mbox"
    chunks = []
    for n, (first, last, local, subject) in enumerate(people):
        message = EmailMessage()
        message["From"] = f"{first} {last} <{local}@example.org>"
        message["To"] = "sam@example.org"
        message["Subject"] = subject
        message["Message-ID"] = f"<gen{n}@example.org>"
        message["Date"] = format_datetime(__import__("datetime").datetime(2024, 1, 1 + n % 28))
        message.set_content(f"Body {n}\nFrom here on it is text.")
        chunks.append(b"From x@y Mon Jan  1 00:00:00 2024\n" + message.as_bytes() + b"\n")
    path.write_bytes(b"".join(chunks))
    records = list(iter_mbox(path))
    assert len(records) == len(people)
    for n, (record, (first, last, local, subject)) in enumerate(zip(records, people, strict=True)):
        assert isinstance(record, MessageRecord)
        assert record.message_id == f"gen{n}@example.org"
        assert record.sender.value == f"{local}@example.org"
        assert record.sender.name == f"{first} {last}"
        assert record.subject == " ".join(subject.split())
        assert f"Body {n}" in record.body


def test_parallel_parsing_gives_the_same_items_in_the_same_order(tmp_path, monkeypatch):
    from carefor.importers import mailboxes

    monkeypatch.setattr(mailboxes, "PARALLEL_THRESHOLD", 10)
    monkeypatch.setattr(mailboxes, "CHUNK", 7)
    mbox = tmp_path / "m.mbox"
    maildir = tmp_path / "md"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    chunks = []
    for n in range(60):
        raw = (
            f"From: P{n} <p{n}@example.org>\nSubject: s{n}\nMessage-ID: <par{n}@x>\n\nbody {n}\n"
            if n % 13
            else "garbage without headers\n"
        ).encode()
        chunks.append(b"From x@y Mon Jan  1 00:00:00 2024\n" + raw + b"\n")
        (maildir / "cur" / f"{n:03d}.host:2,S").write_bytes(raw)
    mbox.write_bytes(b"".join(chunks))
    for read in (
        lambda w: list(mailboxes.iter_mbox(mbox, workers=w)),
        lambda w: list(mailboxes.iter_maildir(maildir, workers=w)),
    ):
        serial, parallel = read(1), read(2)
        assert parallel == serial
        assert len(serial) == 60
        assert sum(isinstance(i, Rejected) for i in serial) == 5  # n = 0, 13, 26, 39, 52
