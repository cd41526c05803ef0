"""Reading mailboxes (mbox, Maildir) as a stream of MessageRecord | Rejected. Pure, no Django.

Both readers hand each raw message to mail.parse_message and never stop on one bad
message. Progress is reported in the reader's own units (bytes for mbox, files for
Maildir) through an optional callback, so a terminal can show a bar.
"""

from __future__ import annotations

import mmap
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from carefor.importers.mail import is_gmail_chat, parse_message
from carefor.importers.records import MessageRecord, ParseStats, Rejected, SourceError

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
Progress = Callable[[int, int], None]

_MBOXRD_ESCAPE = re.compile(rb"^>(>*From )", re.MULTILINE)
_SENT_NAMES = re.compile(r"(^|[./\\])(sent|sent items|sent mail|sent messages|gesendet)$", re.I)


def _unescape_mbox(body: bytes) -> bytes:
    """mboxrd/mboxo escape body lines starting with 'From ' as '>From '; undo one level."""
    if b">From " not in body:
        return body
    return _MBOXRD_ESCAPE.sub(rb"\1", body)


def iter_mbox(
    path: Path,
    *,
    my_addresses: frozenset[str] = frozenset(),
    stats: ParseStats | None = None,
    progress: Progress | None = None,
) -> Iterator[MessageRecord | Rejected]:
    """Messages of an mbox file (mboxo, mboxrd, Gmail Takeout), in file order.

    A message starts at a 'From ' line at the start of the file or after a blank line.
    Gmail Takeout chat entries are skipped (counted in stats), not rejected.
    """
    stats = stats if stats is not None else ParseStats()
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise SourceError(f"Cannot read {path}: {exc.strerror}.") from None
    with handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            if not data[:5] == b"From ":
                raise SourceError(
                    f"{path} is not an mbox file: it does not start with a 'From ' line."
                )
            number = 0
            start = 0
            while start < size:
                next_sep = data.find(b"\n\nFrom ", start)
                end = size if next_sep == -1 else next_sep + 1
                number += 1
                position = f"message {number} (byte {start})"
                line_end = data.find(b"\n", start, end)
                raw = data[line_end + 1 : end] if line_end != -1 else b""
                if len(raw) > MAX_MESSAGE_BYTES:
                    yield Rejected(position, f"message is larger than {MAX_MESSAGE_BYTES} bytes")
                elif is_gmail_chat(raw[:8192]):
                    stats.skip("Gmail chat entries")
                else:
                    yield parse_message(
                        _unescape_mbox(raw), position=position, my_addresses=my_addresses
                    )
                start = end + 1 if next_sep != -1 else size
                if progress is not None:
                    progress(min(start, size), size)


@dataclass(frozen=True)
class MaildirFolder:
    name: str  # "" for the top level, ".Sent" or "Sent" for subfolders
    path: Path
    is_sent: bool


def _is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() or (path / "new").is_dir()


def maildir_folders(root: Path) -> list[MaildirFolder]:
    """The folders of a Maildir or Maildir++ tree, top level first."""
    if not root.is_dir():
        raise SourceError(f"{root} is not a directory.")
    folders: list[MaildirFolder] = []
    for dirpath, dirnames, _ in os.walk(root):
        current = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if d not in ("cur", "new", "tmp"))
        if _is_maildir(current):
            name = "" if current == root else str(current.relative_to(root))
            folders.append(MaildirFolder(name, current, bool(_SENT_NAMES.search(name))))
    if not folders:
        raise SourceError(f"{root} is not a Maildir: it has no cur/ or new/ folder.")
    return folders


def _flags(filename: str) -> frozenset[str]:
    _, sep, info = filename.rpartition(":2,")
    return frozenset(info) if sep else frozenset()


def maildir_files(folders: list[MaildirFolder]) -> list[tuple[MaildirFolder, str]]:
    files: list[tuple[MaildirFolder, str]] = []
    for folder in folders:
        for sub in ("new", "cur"):
            directory = folder.path / sub
            if directory.is_dir():
                with os.scandir(directory) as entries:
                    names = sorted(e.name for e in entries if not e.name.startswith("."))
                files.extend((folder, f"{sub}/{name}") for name in names)
    return files


def iter_maildir(
    root: Path,
    *,
    my_addresses: frozenset[str] = frozenset(),
    progress: Progress | None = None,
) -> Iterator[MessageRecord | Rejected]:
    """Messages of every folder of a Maildir(++) tree; a folder named like 'Sent' holds mine."""
    files = maildir_files(maildir_folders(root))
    total = len(files)
    for done, (folder, relative) in enumerate(files, start=1):
        path = folder.path / relative
        position = f"{folder.name + '/' if folder.name else ''}{relative}"
        try:
            if path.stat().st_size > MAX_MESSAGE_BYTES:
                yield Rejected(position, f"message is larger than {MAX_MESSAGE_BYTES} bytes")
                continue
            raw = path.read_bytes()
        except OSError as exc:
            yield Rejected(position, f"cannot read the file ({exc.strerror})")
            continue
        yield parse_message(
            raw,
            position=position,
            folder=folder.name,
            flags=_flags(relative),
            my_addresses=my_addresses,
            sent_folder=folder.is_sent,
        )
        if progress is not None:
            progress(done, total)
