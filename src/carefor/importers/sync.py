"""Incremental IMAP sync: fetch what is new in each folder, store it, remember how far we got.

The password is used for this connection only: it is never stored, logged or reported.
A folder's position (UIDVALIDITY, highest UID) is saved only after its messages are
stored, so an interrupted sync fetches those messages again and the loader drops the
copies it already has.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from django.utils import timezone

from carefor.importers.imap import (
    FetchedMessage,
    FolderResult,
    FolderState,
    imap_connect,
    imap_fetch_new,
    imap_folders,
)
from carefor.importers.loader import ImportReport, Loader, import_finish
from carefor.importers.mail import parse_message
from carefor.importers.models import ImapFolderState, ImportRun
from carefor.teams.models import User, Workspace

Progress = Callable[[str, int], None]  # (folder, messages fetched so far)


def imap_account_label(*, username: str, host: str, port: int) -> str:
    return f"{username}@{host}:{port}"


def imap_sync(
    *,
    workspace: Workspace,
    user: User | None,
    host: str,
    port: int,
    username: str,
    password: str,
    ssl: bool,
    folders: list[str] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Fetch new mail from every chosen folder; ImapError if the server cannot be used."""
    account = imap_account_label(username=username, host=host, port=port)
    run = ImportRun.objects.create(workspace=workspace, user=user, source="imap", name=account)
    loader = Loader(workspace=workspace, user=user, source="imap")
    client = imap_connect(host=host, port=port, username=username, password=password, ssl=ssl)
    try:
        for folder, is_sent in imap_folders(client, include=folders):
            stored = ImapFolderState.objects.filter(
                workspace=workspace, account=account, folder=folder
            ).first()
            previous = FolderState(stored.uidvalidity, stored.highest_uid) if stored else None
            for item in imap_fetch_new(client, folder=folder, is_sent=is_sent, previous=previous):
                if isinstance(item, FetchedMessage):
                    loader.add(
                        parse_message(
                            item.raw,
                            position=f"{item.folder} UID {item.uid}",
                            folder=item.folder,
                            flags=item.flags,
                            my_addresses=loader.my_addresses,
                            sent_folder=item.sent_folder,
                        )
                    )
                    if progress is not None:
                        progress(folder, loader.report.read)
                elif isinstance(item, FolderResult):
                    loader.flush()
                    _save_state(workspace, account, item)
    finally:
        # The server may already have closed the connection; nothing is lost either way.
        with contextlib.suppress(Exception):
            client.logout()
    return import_finish(run=run, report=loader.finish())


def _save_state(workspace: Workspace, account: str, result: FolderResult) -> None:
    ImapFolderState.objects.update_or_create(
        workspace=workspace,
        account=account,
        folder=result.folder,
        defaults={
            "uidvalidity": result.state.uidvalidity,
            "highest_uid": result.state.highest_uid,
            "synced_at": timezone.now(),
        },
    )
