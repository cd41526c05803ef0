"""carefor sync imap against a real Dovecot: first sync, incremental, UIDVALIDITY change."""

import json

import pytest
from click.testing import CliRunner

from carefor.cli import main
from carefor.conversations.models import Interaction
from carefor.importers.models import ImapFolderState, ImportRun
from carefor.importers.sync import imap_sync
from carefor.people.models import MyIdentity
from tests.dovecot import dovecot  # noqa: F401  (pytest fixture)

pytestmark = pytest.mark.django_db


def mail(n: int, sender: str = "Ann Lee <ann@example.org>", to: str = "sam@example.org") -> bytes:
    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: Message {n}\r\n"
        f"Message-ID: <imap-{n}@example.org>\r\nDate: Tue, 4 Mar 2025 09:0{n % 10}:00 +0000\r\n"
        f"\r\nHello {n}, could you look at this?\r\n"
    ).encode()


def sync(workspace, account, **extra):
    return imap_sync(
        workspace=workspace, user=None, host=account.host, port=account.port,
        username=account.username, password=account.password, ssl=False, **extra,
    )  # fmt: skip


def test_first_incremental_and_uidvalidity_change(workspace, user, dovecot):  # noqa: F811
    MyIdentity.objects.create(workspace=workspace, user=user, kind="email", value="sam@example.org")
    for n in range(3):
        dovecot.append("INBOX", mail(n))
    dovecot.append("Sent", mail(9, sender="Sam <sam@example.org>", to="Bo <bo@example.net>"))

    first = sync(workspace, dovecot)
    assert (first.read, first.imported) == (4, 4)
    assert Interaction.objects.get(message_id="imap-9@example.org").direction == "outbound"
    inbox = ImapFolderState.objects.get(folder="INBOX")
    assert (inbox.uidvalidity, inbox.highest_uid) == (dovecot.uidvalidity("INBOX"), 3)

    dovecot.append("INBOX", mail(3))
    dovecot.append("INBOX", mail(4))
    second = sync(workspace, dovecot)
    assert (second.read, second.imported, second.duplicates) == (2, 2, 0)
    assert ImapFolderState.objects.get(folder="INBOX").highest_uid == 5

    # A folder rebuilt with the same mail has a new UIDVALIDITY: everything is fetched
    # again and nothing is stored twice. (INBOX cannot be deleted, so use another folder.)
    for n in range(10, 13):
        dovecot.append("Projects", mail(n))
    assert sync(workspace, dovecot).imported == 3
    new_validity = dovecot.recreate_folder("Projects")
    for n in range(10, 14):
        dovecot.append("Projects", mail(n))
    third = sync(workspace, dovecot)
    assert (third.read, third.imported, third.duplicates) == (4, 1, 3)
    assert ImapFolderState.objects.get(folder="Projects").uidvalidity == new_validity
    assert Interaction.objects.count() == 10
    # Read-only: fetching never marks mail as seen.
    assert all(b"\\Seen" not in flags for flags in dovecot.flags("INBOX").values())


def test_cli_sync_reads_the_password_from_the_environment(workspace, dovecot, monkeypatch):  # noqa: F811
    dovecot.append("INBOX", mail(1))
    monkeypatch.setenv("CAREFOR_IMAP_PASSWORD", dovecot.password)
    result = CliRunner().invoke(
        main,
        ["sync", "imap", "--host", dovecot.host, "--port", str(dovecot.port), "--no-ssl",
         "--login", dovecot.username, "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["imported"] == 1
    run = ImportRun.objects.get(source="imap")
    assert dovecot.password not in json.dumps(run.report) + run.name


def test_cli_sync_with_a_wrong_password_says_so(workspace, dovecot, monkeypatch):  # noqa: F811
    monkeypatch.setenv("CAREFOR_IMAP_PASSWORD", "definitely-wrong")
    result = CliRunner().invoke(
        main,
        ["sync", "imap", "--host", dovecot.host, "--port", str(dovecot.port), "--no-ssl",
         "--login", dovecot.username],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "refused the login" in result.output
    assert "definitely-wrong" not in result.output
