"""Importing mail into the notebook: identity resolution, idempotence, reports, exit codes."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from carefor.cli import main
from carefor.conversations.models import Interaction
from carefor.importers.services import import_path
from carefor.people.models import Identity, MyIdentity, Person

FIXTURES = Path(__file__).parent.parent / "fixtures" / "mail"
pytestmark = pytest.mark.django_db


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def me(workspace, user):
    MyIdentity.objects.create(
        workspace=workspace, user=user, kind="email", value="sam@okafor-advisory.example"
    )


def test_import_reports_each_rejected_item_and_exits_3(workspace, me):
    result = run("import", "mbox", str(FIXTURES / "hostile.mbox"), "--json")
    assert result.exit_code == 3, result.output
    report = json.loads(result.output)
    assert (report["read"], report["imported"], report["duplicates"], report["skipped"]) == (
        5, 3, 0, 2,
    )  # fmt: skip
    assert [e["item"].split(" (")[0] for e in report["errors"]] == ["message 3", "message 5"]
    assert "truncated" in report["errors"][1]["reason"]


def test_rerunning_an_import_adds_nothing(workspace, me):
    first = import_path(workspace=workspace, user=None, kind="mbox", path=FIXTURES / "hostile.mbox")
    counts = (Interaction.objects.count(), Person.objects.count(), Identity.objects.count())
    second = import_path(
        workspace=workspace, user=None, kind="mbox", path=FIXTURES / "hostile.mbox"
    )
    assert (first.imported, second.imported, second.duplicates) == (3, 0, 3)
    assert (Interaction.objects.count(), Person.objects.count(), Identity.objects.count()) == counts


def test_people_are_created_only_for_real_correspondents(workspace, me):
    import_path(workspace=workspace, user=None, kind="mbox", path=FIXTURES / "hostile.mbox")
    maria = Person.objects.get(workspace=workspace)  # the newsletter's sender is not a person
    assert maria.name == "Chen, Maria"
    assert maria.identities.get().value == "maria@lumen.example"
    reply = Interaction.objects.get(message_id="s1@okafor-advisory.example")
    assert reply.direction == "outbound"
    assert reply.in_reply_to == "m1@lumen.example"
    inbound = Interaction.objects.get(message_id="m1@lumen.example")
    assert inbound.direction == "inbound"
    assert inbound.participants.get().person == maria
    maria.refresh_from_db()
    assert maria.last_interaction_at == inbound.occurred_at
    newsletter = Interaction.objects.get(subject="This week")
    assert newsletter.meta["list_id"] == "<weekly.news.example.org>"
    assert newsletter.meta["date_unknown"] is True


def test_same_message_in_inbox_and_sent_is_one_interaction(workspace, me, tmp_path):
    raw = (
        b"From: Sam <sam@okafor-advisory.example>\nTo: Ann Lee <ann@example.org>\n"
        b"Subject: Intro\nMessage-ID: <same@x>\nDate: Tue, 4 Mar 2025 09:00:00 +0000\n\n"
        b"Let me introduce you to Priya.\n"
    )
    for folder in ("", ".Sent"):
        for sub in ("cur", "new", "tmp"):
            (tmp_path / folder / sub).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "cur" / "1.host:2,S").write_bytes(raw)
    report = import_path(workspace=workspace, user=None, kind="maildir", path=tmp_path)
    assert (report.imported, report.duplicates) == (1, 1)
    message = Interaction.objects.get()
    assert message.direction == "outbound"
    assert message.body == "Let me introduce you to Priya."  # mine: the whole body
    assert Person.objects.get().name == "Ann Lee"  # someone I wrote to is a correspondent


def test_mbox_and_maildir_of_the_same_mail_do_not_double(workspace, me, tmp_path):
    import_path(workspace=workspace, user=None, kind="mbox", path=FIXTURES / "hostile.mbox")
    maildir = tmp_path / "md"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    shutil.copy(FIXTURES / "hostile.mbox", tmp_path / "copy.mbox")
    import mailbox

    good = [
        m for m in mailbox.mbox(tmp_path / "copy.mbox") if m["Subject"] not in (None, "Truncated")
    ]
    for n, message in enumerate(good):
        (maildir / "cur" / f"{n}.host:2,S").write_bytes(message.as_bytes())
    report = import_path(workspace=workspace, user=None, kind="maildir", path=maildir)
    assert (report.imported, report.duplicates) == (0, 3)  # the hash-keyed one matches too
    assert Interaction.objects.count() == 3


def test_unreadable_source_exits_1_with_a_message(workspace, tmp_path):
    not_mbox = tmp_path / "notes.txt"
    not_mbox.write_text("hello\n")
    result = run("import", "mbox", str(not_mbox))
    assert result.exit_code == 1
    assert "is not an mbox file" in result.output
    missing = run("import", "vcard", str(tmp_path / "nope.vcf"))
    assert missing.exit_code == 2
    assert "does not exist" in missing.output


def test_parallel_parsing_path_stores_the_same_as_serial(workspace, me, tmp_path, monkeypatch):
    """Big mailboxes go through worker processes; what they store must not differ."""
    from carefor.importers import mailboxes

    for sub in ("cur", "new", "tmp"):
        (tmp_path / sub).mkdir()
    for n in range(40):
        (tmp_path / "cur" / f"{n:03d}.host:2,S").write_bytes(
            f"From: Person {n % 7} <p{n % 7}@example.org>\nTo: sam@okafor-advisory.example\n"
            f"Subject: s{n}\nMessage-ID: <par{n}@x>\n"
            f"Date: Mon, 3 Mar 2025 10:00:00 +0000\n\nHi\n".encode()
        )
    monkeypatch.setattr(mailboxes, "PARALLEL_THRESHOLD", 10)
    monkeypatch.setattr(mailboxes, "CHUNK", 6)
    report = import_path(workspace=workspace, user=None, kind="maildir", path=tmp_path)
    assert (report.imported, report.people_created) == (40, 7)
    assert Person.objects.get(identities__value="p3@example.org").name == "Person 3"
    assert Interaction.objects.filter(participants__role="from").count() == 40


def test_declaring_an_address_after_importing_turns_its_mail_into_mine(workspace, user):
    from click.testing import CliRunner

    from carefor.cli import main

    import_path(workspace=workspace, user=None, kind="mbox", path=FIXTURES / "hostile.mbox")
    reply = Interaction.objects.get(message_id="s1@okafor-advisory.example")
    assert reply.direction == "inbound"  # nobody was "me" yet
    result = CliRunner().invoke(main, ["me", "add", "Sam@Okafor-Advisory.example"])
    assert result.exit_code == 0, result.output
    reply.refresh_from_db()
    assert reply.direction == "outbound"
    assert Interaction.objects.get(message_id="m1@lumen.example").direction == "inbound"
