"""Reading mailboxes (mbox, Maildir) as a stream of MessageRecord | Rejected. Pure, no Django.

Both readers hand each raw message to mail.parse_message and never stop on one bad
message. Progress is reported in the reader's own units (bytes for mbox, files for
Maildir) through an optional callback, so a terminal can show a bar.

Parsing is the larger half of an import's work, so a big mailbox is parsed by a small
pool of worker processes while the caller stores what comes back; results arrive in
mailbox order either way. The workers only parse: they never touch the database.
"""

from __future__ import annotations

import itertools
import mmap
import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from carefor.importers.mail import is_gmail_chat, parse_message
from carefor.importers.records import MessageRecord, ParseStats, Rejected, SourceError

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
# Below this many messages, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 2000
CHUNK = 200  # messages per task sent to a worker
Progress = Callable[[int, int], None]
Item = MessageRecord | Rejected

_MBOXRD_ESCAPE = re.compile(rb"^>(>*From )", re.MULTILINE)
_SENT_NAMES = re.compile(r"(^|[./\\])(sent|sent items|sent mail|sent messages|gesendet)$", re.I)
_GMAIL_CHAT = "Gmail chat entries"


def worker_count() -> int:
    """Parsing workers: one per core beyond the one that stores, at least one, at most four."""
    return max(1, min((os.cpu_count() or 1), 4))


def _unescape_mbox(body: bytes) -> bytes:
    """mboxrd/mboxo escape body lines starting with 'From ' as '>From '; undo one level."""
    if b">From " not in body:
        return body
    return _MBOXRD_ESCAPE.sub(rb"\1", body)


# --- mbox ---------------------------------------------------------------------------

# Per-process state of an mbox parsing worker: the mapped file and whose mail is mine.
_mbox_state: dict[str, object] = {}


def _mbox_worker_init(path: str, my_addresses: frozenset[str]) -> None:
    handle = open(path, "rb")  # noqa: SIM115  (kept open for the worker's lifetime)
    _mbox_state["data"] = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    _mbox_state["mine"] = my_addresses


def _parse_mbox_range(
    data: mmap.mmap | bytes, number: int, start: int, end: int, mine: frozenset[str]
) -> Item | None:
    """One message between two separators; None for a Takeout chat entry (not mail)."""
    position = f"message {number} (byte {start})"
    line_end = data.find(b"\n", start, end)
    if end - start > MAX_MESSAGE_BYTES:
        return Rejected(position, f"message is larger than {MAX_MESSAGE_BYTES} bytes")
    raw = data[line_end + 1 : end] if line_end != -1 else b""
    if is_gmail_chat(raw[:8192]):
        return None
    return parse_message(_unescape_mbox(raw), position=position, my_addresses=mine)


def _for_transfer(item: Item | None) -> Item | None:
    """Addresses as plain (value, name) tuples: a tenth of the cost to send between
    processes. Address is a NamedTuple, so readers that index work on both."""
    if not isinstance(item, MessageRecord):
        return item
    return item._replace(
        sender=tuple(item.sender) if item.sender else None,
        to=tuple(tuple(a) for a in item.to),
        cc=tuple(tuple(a) for a in item.cc),
    )


def _parse_mbox_chunk(ranges: list[tuple[int, int, int]]) -> list[Item | None]:
    data, mine = _mbox_state["data"], _mbox_state["mine"]
    return [_for_transfer(_parse_mbox_range(data, n, s, e, mine)) for n, s, e in ranges]  # type: ignore[arg-type]


def _mbox_ranges(data: mmap.mmap, size: int) -> list[tuple[int, int, int]]:
    """(number, start, end) of every message: a 'From ' line at the start or after a blank line."""
    ranges: list[tuple[int, int, int]] = []
    start = 0
    while start < size:
        separator = data.find(b"\n\nFrom ", start)
        end = size if separator == -1 else separator + 1
        ranges.append((len(ranges) + 1, start, end))
        start = end + 1 if separator != -1 else size
    return ranges


def iter_mbox(
    path: Path,
    *,
    my_addresses: frozenset[str] = frozenset(),
    stats: ParseStats | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Iterator[Item]:
    """Messages of an mbox file (mboxo, mboxrd, Gmail Takeout), in file order.

    Raises SourceError at once when the file cannot be read or is not an mbox. Gmail
    Takeout chat entries are skipped (counted in stats), not rejected.
    """
    stats = stats if stats is not None else ParseStats()
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise SourceError(f"Cannot read {path}: {exc.strerror}.") from None
    size = os.fstat(handle.fileno()).st_size
    if size == 0:
        handle.close()
        return iter(())
    data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    if data[:5] != b"From ":
        data.close()
        handle.close()
        raise SourceError(f"{path} is not an mbox file: it does not start with a 'From ' line.")
    ranges = _mbox_ranges(data, size)
    workers = worker_count() if workers is None else workers

    def items() -> Iterator[Item]:
        try:
            if workers > 1 and len(ranges) >= PARALLEL_THRESHOLD:
                chunks = [ranges[i : i + CHUNK] for i in range(0, len(ranges), CHUNK)]
                results = _in_pool(
                    chunks, _parse_mbox_chunk, _mbox_worker_init, (str(path), my_addresses), workers
                )
            else:
                results = ([_parse_mbox_range(data, *r, my_addresses)] for r in ranges)
            done_ranges = iter(ranges)
            for batch in results:
                for item in batch:
                    _, _, end = next(done_ranges)
                    if item is None:
                        stats.skip(_GMAIL_CHAT)
                    else:
                        yield item
                    if progress is not None:
                        progress(end, size)
        finally:
            data.close()
            handle.close()

    return items()


def _in_pool(
    chunks: list,  # type: ignore[type-arg]
    function: Callable,  # type: ignore[type-arg]
    initializer: Callable,  # type: ignore[type-arg]
    initargs: tuple,  # type: ignore[type-arg]
    workers: int,
) -> Iterator[list[Item | None]]:
    """Results of function over chunks, in order, from a pool of forked worker processes.

    Only a few chunks are in flight at once: workers parse faster than the database
    stores, and an unbounded queue of parsed messages would grow with the mailbox.
    """
    context = multiprocessing.get_context("fork")
    in_flight: deque = deque()  # type: ignore[type-arg]
    with context.Pool(workers, initializer=initializer, initargs=initargs) as pool:
        pending = iter(chunks)
        for chunk in itertools.islice(pending, workers * 2):
            in_flight.append(pool.apply_async(function, (chunk,)))
        while in_flight:
            result = in_flight.popleft().get()
            next_chunk = next(pending, None)
            if next_chunk is not None:
                in_flight.append(pool.apply_async(function, (next_chunk,)))
            yield result


# --- Maildir ------------------------------------------------------------------------


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


# (folder name, folder path, is the Sent folder, "cur/filename")
MaildirFile = tuple[str, str, bool, str]


def maildir_files(folders: list[MaildirFolder]) -> list[MaildirFile]:
    files: list[MaildirFile] = []
    for folder in folders:
        for sub in ("new", "cur"):
            directory = folder.path / sub
            if directory.is_dir():
                with os.scandir(directory) as entries:
                    names = sorted(e.name for e in entries if not e.name.startswith("."))
                files.extend(
                    (folder.name, str(folder.path), folder.is_sent, f"{sub}/{n}") for n in names
                )
    return files


_maildir_state: dict[str, frozenset[str]] = {}


def _maildir_worker_init(my_addresses: frozenset[str]) -> None:
    _maildir_state["mine"] = my_addresses


def _parse_maildir_file(file: MaildirFile, mine: frozenset[str]) -> Item:
    folder_name, folder_path, is_sent, relative = file
    path = os.path.join(folder_path, relative)
    position = f"{folder_name}/{relative}" if folder_name else relative
    try:
        if os.stat(path).st_size > MAX_MESSAGE_BYTES:
            return Rejected(position, f"message is larger than {MAX_MESSAGE_BYTES} bytes")
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        return Rejected(position, f"cannot read the file ({exc.strerror})")
    return parse_message(
        raw,
        position=position,
        folder=folder_name,
        flags=_flags(relative),
        my_addresses=mine,
        sent_folder=is_sent,
    )


def _parse_maildir_chunk(files: list[MaildirFile]) -> list[Item | None]:
    mine = _maildir_state["mine"]
    return [_for_transfer(_parse_maildir_file(file, mine)) for file in files]


def iter_maildir(
    root: Path,
    *,
    my_addresses: frozenset[str] = frozenset(),
    progress: Progress | None = None,
    workers: int | None = None,
) -> Iterator[Item]:
    """Messages of every folder of a Maildir(++) tree; a folder named like 'Sent' holds mine.

    Raises SourceError at once when the path is not a Maildir.
    """
    files = maildir_files(maildir_folders(root))
    workers = worker_count() if workers is None else workers

    def items() -> Iterator[Item]:
        if workers > 1 and len(files) >= PARALLEL_THRESHOLD:
            chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
            results = _in_pool(
                chunks, _parse_maildir_chunk, _maildir_worker_init, (my_addresses,), workers
            )
        else:
            results = ([_parse_maildir_file(f, my_addresses)] for f in files)
        done = 0
        for batch in results:
            for item in batch:
                done += 1
                if item is not None:
                    yield item
                if progress is not None:
                    progress(done, len(files))

    return items()
