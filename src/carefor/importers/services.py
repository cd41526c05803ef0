"""Importing a file or folder: pick the parser for the kind of source, feed the loader.

The CLI and the web Import page both call import_path; neither knows about parsers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from carefor.importers import google_csv, ics, linkedin, vcard
from carefor.importers.kinds import SOURCE_KINDS
from carefor.importers.loader import ImportReport, Record, import_records, my_addresses
from carefor.importers.mailboxes import iter_maildir, iter_mbox
from carefor.importers.records import ParseStats, Rejected, SourceError
from carefor.people.models import MyIdentity
from carefor.teams.models import User, Workspace

MAX_FILE_BYTES = 200 * 1024 * 1024  # address books and calendars are read into memory
CALENDAR_PAST = timedelta(days=3 * 365)  # how far back recurring meetings are expanded
CALENDAR_FUTURE = timedelta(days=90)

Progress = Callable[[int, int], None]
Items = Iterator[Record | Rejected]


def _read_small(path: Path) -> bytes:
    if path.is_dir():
        raise SourceError(f"{path} is a folder; give the file itself.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(
                f"{path} is {size // (1024 * 1024)} MB; the limit for this kind of file is "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB."
            )
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"Cannot read {path}: {exc.strerror}.") from None


def linkedin_me_url(*, workspace: Workspace) -> str | None:
    """A LinkedIn profile declared with `carefor me add`, if any."""
    return (
        MyIdentity.objects.filter(workspace=workspace, value__contains="linkedin.com/in/")
        .values_list("value", flat=True)
        .first()
    )


def _counted(items: Iterator[Record | Rejected], progress: Progress | None) -> Items:
    """Progress by item for parsers that hold the whole (small) file in memory."""
    collected = list(items)
    for done, item in enumerate(collected, start=1):
        if progress is not None:
            progress(done, len(collected))
        yield item


def open_source(
    kind: str, path: Path, *, workspace: Workspace, progress: Progress | None = None
) -> tuple[Items, list[str]]:
    """The items of a source, and addresses that are 'me' for this source only.

    Raises SourceError when the source as a whole cannot be read.
    """
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder.")
    mine = my_addresses(workspace=workspace)
    if kind == "mbox":
        if path.is_dir():
            raise SourceError(f"{path} is a folder; for a Maildir use `carefor import maildir`.")
        return iter_mbox(path, my_addresses=mine, stats=ParseStats(), progress=progress), []
    if kind == "maildir":
        return iter_maildir(path, my_addresses=mine, progress=progress), []
    if kind == "vcard":
        return _counted(vcard.parse_vcards(_read_small(path), source_name=path.name), progress), []
    if kind == "google-csv":
        items = google_csv.parse_google_csv(_read_small(path), source_name=path.name)
        return _counted(items, progress), []
    if kind == "ics":
        now = timezone.now()
        items = ics.parse_ics(
            _read_small(path),
            window_start=now - CALENDAR_PAST,
            window_end=now + CALENDAR_FUTURE,
            source_name=path.name,
        )
        return _counted(items, progress), []
    if kind == "linkedin":
        export = linkedin.open_linkedin_export(path)
        me = linkedin_me_url(workspace=workspace) or (
            linkedin.infer_my_profile_url(export.messages_csv) if export.messages_csv else None
        )

        def items() -> Items:
            yield from export.warnings
            yield from export.connections()
            yield from export.messages(my_profile_url=me)

        return _counted(items(), progress), [linkedin.normalise_profile_url(me)] if me else []
    raise SourceError(f"Unknown kind of source {kind!r}; choose one of {', '.join(SOURCE_KINDS)}.")


def import_path(
    *,
    workspace: Workspace,
    user: User | None,
    kind: str,
    path: Path,
    name: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import one file or folder; SourceError if it cannot be read at all."""
    items, also_me = open_source(kind, path, workspace=workspace, progress=progress)
    return import_records(
        workspace=workspace,
        user=user,
        source=kind,
        name=name or str(path),
        items=items,
        also_me=also_me,
    )
