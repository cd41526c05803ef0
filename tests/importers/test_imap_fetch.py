"""carefor.importers.imap against a real, throwaway Dovecot (see tests/dovecot.py)."""

from __future__ import annotations

import logging
import socket
import traceback
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import SMTP

import pytest
from imapclient import IMAPClient

from carefor.importers.imap import (
    FetchedMessage,
    FolderResult,
    FolderState,
    ImapError,
    imap_connect,
    imap_fetch_new,
    imap_folders,
)
from carefor.importers.mail import parse_message
from carefor.importers.records import MessageRecord
from tests.dovecot import DovecotAccount, dovecot, free_port  # noqa: F401


def make_mail(
    subject: str, *, sender: str = "bob@example.org", to: str = "me@example.org"
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0100"
    message["Message-ID"] = f"<{subject.replace(' ', '-')}@example.org>"
    message.set_content(f"Body of {subject}.\n")
    return message.as_bytes(policy=SMTP)


@pytest.fixture
def client(dovecot: DovecotAccount) -> Iterator[IMAPClient]:  # noqa: F811
    client = imap_connect(
        host=dovecot.host,
        port=dovecot.port,
        username=dovecot.username,
        password=dovecot.password,
        ssl=False,
        timeout=10,
    )
    yield client
    client.logout()


def fetch(
    client: IMAPClient, folder: str, previous: FolderState | None, *, is_sent: bool = False
) -> tuple[list[FetchedMessage], FolderResult]:
    """All the items of one fetch, checking that exactly one FolderResult comes last."""
    items = list(imap_fetch_new(client, folder=folder, is_sent=is_sent, previous=previous))
    assert items, "imap_fetch_new yielded nothing"
    *messages, result = items
    assert isinstance(result, FolderResult)
    assert all(isinstance(m, FetchedMessage) for m in messages)
    return messages, result  # type: ignore[return-value]


def subjects(messages: list[FetchedMessage]) -> list[str]:
    records = [
        parse_message(m.raw, position=f"uid {m.uid}", folder=m.folder, sent_folder=m.sent_folder)
        for m in messages
    ]
    assert all(isinstance(r, MessageRecord) for r in records), records
    return [r.subject for r in records]  # type: ignore[union-attr]


def test_first_fetch_gets_every_folder_and_its_state(dovecot: DovecotAccount, client):  # noqa: F811
    inbox_uids = [dovecot.append("INBOX", make_mail(f"inbox {n}")) for n in (1, 2, 3)]
    dovecot.append("Sent", make_mail("sent 1", sender="me@example.org"), flags=[r"\Seen"])
    dovecot.append("Sent", make_mail("sent 2", sender="me@example.org"))

    folders = imap_folders(client, include=None)
    assert folders == [("INBOX", False), ("Sent", True)]
    fetched = {name: fetch(client, name, None, is_sent=sent) for name, sent in folders}

    inbox, inbox_result = fetched["INBOX"]
    assert [m.uid for m in inbox] == inbox_uids == [1, 2, 3]
    assert subjects(inbox) == ["inbox 1", "inbox 2", "inbox 3"]
    assert {(m.folder, m.sent_folder) for m in inbox} == {("INBOX", False)}
    assert inbox_result.state == FolderState(dovecot.uidvalidity("INBOX"), 3)
    assert (inbox_result.folder, inbox_result.fetched, inbox_result.reset) == ("INBOX", 3, False)

    sent, sent_result = fetched["Sent"]
    assert subjects(sent) == ["sent 1", "sent 2"]
    assert all(m.sent_folder for m in sent)
    record = parse_message(sent[0].raw, position="x", sent_folder=True)
    assert isinstance(record, MessageRecord)
    assert record.sent_by_me_hint and record.body == "Body of sent 1."
    assert sent_result.state == FolderState(dovecot.uidvalidity("Sent"), 2)
    assert sent_result.fetched == 2


def test_incremental_fetch_returns_only_new_mail(dovecot: DovecotAccount, client):  # noqa: F811
    for n in (1, 2, 3):
        dovecot.append("INBOX", make_mail(f"old {n}"))
    _, first = fetch(client, "INBOX", None)

    new_uids = [dovecot.append("INBOX", make_mail(f"new {n}")) for n in (1, 2)]
    messages, second = fetch(client, "INBOX", first.state)
    assert [m.uid for m in messages] == new_uids == [4, 5]
    assert subjects(messages) == ["new 1", "new 2"]
    assert second.state == FolderState(first.state.uidvalidity, 5)
    assert (second.fetched, second.reset) == (2, False)

    # Nothing new: "UID 6:*" still matches the last message; it must not come back.
    messages, third = fetch(client, "INBOX", second.state)
    assert messages == []
    assert third.state == second.state
    assert (third.fetched, third.reset) == (0, False)


def test_fetches_in_batches_in_uid_order(dovecot: DovecotAccount, client, monkeypatch):  # noqa: F811
    for n in range(5):
        dovecot.append("INBOX", make_mail(f"m{n}"))
    batches: list[list[int]] = []
    real_fetch = client.fetch

    def spy(uids, data, *args, **kwargs):
        batches.append(list(uids))
        return real_fetch(uids, data, *args, **kwargs)

    monkeypatch.setattr(client, "fetch", spy)
    items = list(imap_fetch_new(client, folder="INBOX", is_sent=False, previous=None, batch_size=2))
    assert batches == [[1, 2], [3, 4], [5]]
    assert [item.uid for item in items[:-1]] == [1, 2, 3, 4, 5]  # type: ignore[union-attr]
    assert items[-1].state.highest_uid == 5  # type: ignore[union-attr]


def test_uidvalidity_change_fetches_everything_again(dovecot: DovecotAccount, client):  # noqa: F811
    for n in (1, 2, 3):
        dovecot.append("Sent", make_mail(f"before {n}"))
    _, first = fetch(client, "Sent", None, is_sent=True)
    assert first.state.highest_uid == 3

    new_uidvalidity = dovecot.recreate_folder("Sent")
    assert new_uidvalidity != first.state.uidvalidity
    messages, emptied = fetch(client, "Sent", first.state, is_sent=True)
    assert messages == []
    assert emptied.reset is True
    # The old highest UID means nothing under the new UIDVALIDITY.
    assert emptied.state == FolderState(new_uidvalidity, 0)

    dovecot.append("Sent", make_mail("after 1"))
    dovecot.append("Sent", make_mail("after 2"))
    messages, result = fetch(client, "Sent", first.state, is_sent=True)
    assert subjects(messages) == ["after 1", "after 2"]
    assert [m.uid for m in messages] == [1, 2]
    assert result.reset is True
    assert result.state == FolderState(new_uidvalidity, 2)
    assert result.fetched == 2


def test_fetching_never_marks_mail_seen(dovecot: DovecotAccount, client):  # noqa: F811
    dovecot.append("INBOX", make_mail("unread"))
    dovecot.append("INBOX", make_mail("answered"), flags=[r"\Seen", r"\Answered", r"\Flagged"])
    assert b"\\Seen" not in dovecot.flags("INBOX")[1]

    messages, _ = fetch(client, "INBOX", None)
    assert [m.flags for m in messages] == [frozenset(), frozenset({"S", "R", "F"})]

    after = dovecot.flags("INBOX")  # through a separate connection
    assert b"\\Seen" not in after[1], after
    assert {b"\\Seen", b"\\Answered", b"\\Flagged"} <= after[2]


def test_folder_selection_skips_trash_junk_drafts(dovecot: DovecotAccount, client):  # noqa: F811
    for folder in ("Projects", "Trash", "Junk", "Drafts", "Sent Items", "Archive.2025"):
        dovecot.append(folder, make_mail(folder))
    dovecot.append("INBOX", make_mail("hello"))

    folders = imap_folders(client, include=None)
    assert folders[:2] == [("INBOX", False), ("Sent Items", True)]
    # "Archive" exists only as the parent of "Archive.2025": \NonExistent, cannot be opened.
    assert sorted(folders[2:]) == [("Archive.2025", False), ("Projects", False)]
    assert "Archive" in {name for _, _, name in client.list_folders()}

    chosen = imap_folders(client, include=["Trash", "inbox", "Sent Items"])
    assert chosen == [("Trash", False), ("INBOX", False), ("Sent Items", True)]
    with pytest.raises(ImapError, match=r"'Nope' does not exist.*Available folders: .*Projects"):
        imap_folders(client, include=["Nope"])


def test_missing_folder_is_a_readable_error(dovecot: DovecotAccount, client):  # noqa: F811
    with pytest.raises(
        ImapError, match=rf"Cannot open the folder 'Gone' on 127.0.0.1:{dovecot.port}"
    ):
        list(imap_fetch_new(client, folder="Gone", is_sent=False, previous=None))


def test_wrong_password_names_user_and_host_but_not_the_password(
    dovecot: DovecotAccount,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
):
    caplog.set_level(logging.DEBUG)
    wrong = "Wr0ng-" + dovecot.password
    with pytest.raises(ImapError) as info:
        imap_connect(
            host=dovecot.host,
            port=dovecot.port,
            username=dovecot.username,
            password=wrong,
            ssl=False,
            timeout=10,
        )
    message = str(info.value)
    assert f"{dovecot.host}:{dovecot.port}" in message
    assert f"refused the login for {dovecot.username}" in message
    assert "AUTHENTICATIONFAILED" in message
    everything = "".join(traceback.format_exception(info.value)) + caplog.text
    assert wrong not in everything
    assert "LOGIN" in caplog.text  # imapclient did log the command, redacted


def test_nothing_listening_is_cannot_connect():
    port = free_port()  # bound and released: nothing listens there now
    with pytest.raises(ImapError) as info:
        imap_connect(host="127.0.0.1", port=port, username="alice", password="pw", ssl=False)
    assert str(info.value).startswith(f"Cannot connect to 127.0.0.1:{port}: Connection refused.")


def test_silent_server_times_out():
    with socket.socket() as listener:  # accepts connections (backlog) but never greets
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        with pytest.raises(ImapError, match=rf"127.0.0.1:{port}: no answer within 0.3 seconds"):
            imap_connect(
                host="127.0.0.1", port=port, username="a", password="pw", ssl=False, timeout=0.3
            )


def test_tls_to_a_plain_port_is_a_tls_error(dovecot: DovecotAccount):  # noqa: F811
    with pytest.raises(ImapError, match=rf"TLS with 127.0.0.1:{dovecot.port} failed"):
        imap_connect(
            host=dovecot.host,
            port=dovecot.port,
            username=dovecot.username,
            password=dovecot.password,
            ssl=True,
            timeout=10,
        )


class ListingOnly:
    """Just enough of IMAPClient for imap_folders: a canned LIST answer."""

    host, port = "imap.example.org", 993

    def __init__(self, listing: list[tuple[tuple[bytes, ...], bytes, str]]) -> None:
        self.listing = listing

    def list_folders(self) -> list[tuple[tuple[bytes, ...], bytes, str]]:
        return self.listing


def test_special_use_attributes_win_over_names():
    gmail = ListingOnly(
        [
            ((b"\\HasNoChildren",), b"/", "INBOX"),
            ((b"\\HasChildren", b"\\Noselect"), b"/", "[Gmail]"),
            ((b"\\All", b"\\HasNoChildren"), b"/", "[Gmail]/All Mail"),
            ((b"\\Drafts", b"\\HasNoChildren"), b"/", "[Gmail]/Drafts"),
            ((b"\\HasNoChildren", b"\\Sent"), b"/", "[Gmail]/Gesendet"),
            ((b"\\HasNoChildren", b"\\Junk"), b"/", "[Gmail]/Spam"),
            ((b"\\HasNoChildren", b"\\Trash"), b"/", "[Gmail]/Bin"),
            ((b"\\HasNoChildren",), b"/", "Sent"),  # an ordinary label named Sent
        ]
    )
    assert imap_folders(gmail, include=None) == [  # type: ignore[arg-type]
        ("INBOX", False),
        ("[Gmail]/Gesendet", True),
        ("[Gmail]/All Mail", False),
        ("Sent", False),
    ]


def test_sent_names_without_special_use():
    courier = ListingOnly(
        [
            ((b"\\HasChildren",), b".", "INBOX"),
            ((b"\\HasNoChildren",), b".", "INBOX.Sent"),
            ((b"\\HasNoChildren",), b".", "INBOX.Trash"),
            ((b"\\HasNoChildren",), b".", "INBOX.Clients.Sent"),
        ]
    )
    assert imap_folders(courier, include=None) == [  # type: ignore[arg-type]
        ("INBOX", False),
        ("INBOX.Sent", True),
        ("INBOX.Clients.Sent", False),
    ]
