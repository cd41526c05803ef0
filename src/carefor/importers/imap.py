"""Read mail from an IMAP server, incrementally and without changing anything. No Django.

The caller (the database layer) keeps one FolderState per folder between runs. The
pair (UIDVALIDITY, highest UID fetched) is all IMAP needs for an incremental fetch: while
UIDVALIDITY stays the same, UIDs only grow, so "UID highest+1:*" gives exactly the new
mail. When UIDVALIDITY changes (the folder was recreated or the server rebuilt its index)
the old UIDs mean nothing and the whole folder is fetched again (FolderResult.reset).

Read-only by construction: folders are opened with EXAMINE (select_folder readonly=True)
and bodies fetched with BODY.PEEK[], so \\Seen is never set.

Errors that a person can act on (cannot connect, TLS failure, login refused, folder
missing) are raised as ImapError with a plain message naming the host and port. The
password never appears in a message; imapclient itself redacts LOGIN in its debug log.
"""

from __future__ import annotations

import ast
import contextlib
import re
import socket
import ssl as ssl_lib
from collections.abc import Iterator
from dataclasses import dataclass

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

# IMAP system flags as the one-letter maildir flags the mail parser already uses.
FLAG_LETTERS = {
    b"\\answered": "R",
    b"\\seen": "S",
    b"\\flagged": "F",
    b"\\draft": "D",
    b"\\deleted": "T",
    b"$forwarded": "P",
}

# RFC 6154 special-use attributes (compared lower-case).
_SENT = b"\\sent"
_SKIPPED_USES = frozenset({b"\\trash", b"\\junk", b"\\drafts"})
_SPECIAL_USES = frozenset({b"\\all", b"\\archive", b"\\flagged", _SENT, *_SKIPPED_USES})
_UNSELECTABLE = frozenset({b"\\noselect", b"\\nonexistent"})

# Name heuristics for servers without special-use attributes. A name matches at the top
# level or directly under INBOX / [Gmail] / [Google Mail] ("INBOX.Sent", "[Gmail]/Sent Mail").
_SENT_NAMES = frozenset({"sent", "sent items", "sent mail", "sent messages"})
_SKIPPED_NAMES = frozenset(
    {"trash", "deleted items", "deleted messages", "junk", "junk e-mail", "spam", "drafts"}
)
_NAME_PARENTS = ("", "inbox", "[gmail]", "[google mail]")


class ImapError(Exception):
    """Something a person must fix (host, port, credentials, folder); never has a password."""


@dataclass(frozen=True)
class FolderState:
    """What the caller stores per folder between runs."""

    uidvalidity: int
    highest_uid: int


@dataclass(frozen=True)
class FetchedMessage:
    folder: str
    uid: int
    raw: bytes
    flags: frozenset[str]  # maildir letters: "R" answered, "S" seen, "F" flagged, ...
    sent_folder: bool


@dataclass
class FolderResult:
    """The last item imap_fetch_new yields: the state to store for next time."""

    folder: str
    state: FolderState
    fetched: int
    reset: bool  # True when UIDVALIDITY changed, so everything was fetched again


def imap_connect(
    *, host: str, port: int, username: str, password: str, ssl: bool, timeout: float = 30
) -> IMAPClient:
    """A logged-in client; ImapError with a readable reason when that is impossible.

    ssl=True means implicit TLS (usually port 993) with certificate verification;
    ssl=False is a plain connection (usually port 143).
    """
    where = f"{host}:{port}"
    try:
        client = IMAPClient(host, port=port, ssl=ssl, timeout=timeout)
    except ssl_lib.SSLCertVerificationError as exc:
        raise ImapError(
            f"The TLS certificate of {where} could not be verified: {exc.verify_message}."
        ) from exc
    except ssl_lib.SSLError as exc:
        hint = " Is this the plain-text port? TLS is usually on port 993." if ssl else ""
        raise ImapError(f"TLS with {where} failed: {exc.reason or exc}.{hint}") from exc
    except socket.gaierror as exc:
        raise ImapError(
            f"Cannot connect to {where}: the host name is unknown ({exc.strerror}). Check the host."
        ) from exc
    except TimeoutError as exc:
        hint = " If this is the TLS port (usually 993), turn TLS on." if not ssl else ""
        raise ImapError(
            f"Cannot connect to {where}: no answer within {timeout:g} seconds. "
            f"Check the host and port.{hint}"
        ) from exc
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise ImapError(f"Cannot connect to {where}: {reason}. Check the host and port.") from exc
    except IMAPClientError as exc:
        raise ImapError(f"{where} did not answer like an IMAP server: {_text(exc)}") from exc

    try:
        client.login(username, password)
    except LoginError as exc:
        _close(client)
        reason = _redact(_text(exc), password).removeprefix("login failed: ")
        # `from None`: the message already says all there is, and nothing more is carried.
        raise ImapError(
            f"The IMAP server at {where} refused the login for {username}: {reason}"
        ) from None
    except (OSError, IMAPClientError) as exc:
        _close(client)
        reason = _redact(_text(exc), password)
        raise ImapError(f"Logging in to {where} as {username} failed: {reason}") from None
    return client


def imap_folders(client: IMAPClient, *, include: list[str] | None) -> list[tuple[str, bool]]:
    """The folders to read, as (name, is_sent): INBOX first, then Sent, then the rest.

    Sent folders are the ones with the special-use \\Sent attribute when the server marks
    any folder that way, else the usual names. By default unselectable folders, trash, junk
    and drafts are left out. With include, exactly those folders (in that order); a name
    that does not exist or cannot be opened raises ImapError.
    """
    try:
        listing = client.list_folders()
    except (OSError, IMAPClientError) as exc:
        raise ImapError(f"Listing the folders on {_where(client)} failed: {_text(exc)}") from exc

    folders: list[tuple[str, frozenset[bytes], str]] = []  # (name, attributes, delimiter)
    for attributes, delimiter, name in listing:
        name_str = name if isinstance(name, str) else name.decode("utf-8", "replace")
        delim = delimiter.decode() if isinstance(delimiter, bytes) else (delimiter or "")
        folders.append((name_str, frozenset(a.lower() for a in attributes), delim))
    server_marks_uses = any(attrs & _SPECIAL_USES for _, attrs, _ in folders)
    server_marks_sent = any(_SENT in attrs for _, attrs, _ in folders)

    def is_sent(name: str, attrs: frozenset[bytes], delim: str) -> bool:
        if server_marks_sent:
            return _SENT in attrs
        return _name_matches(name, delim, _SENT_NAMES)

    def skipped(name: str, attrs: frozenset[bytes], delim: str) -> bool:
        if attrs & _UNSELECTABLE:
            return True
        if attrs & _SKIPPED_USES:
            return True
        # Names only count on servers that mark no folder at all with a special use.
        return not server_marks_uses and _name_matches(name, delim, _SKIPPED_NAMES)

    if include is not None:
        by_name = {_key(name): (name, attrs, delim) for name, attrs, delim in folders}
        chosen = []
        for wanted in include:
            found = by_name.get(_key(wanted))
            if found is None or found[1] & _UNSELECTABLE:
                available = ", ".join(n for n, a, _ in folders if not a & _UNSELECTABLE)
                problem = "does not exist" if found is None else "cannot be opened"
                raise ImapError(
                    f"The folder {wanted!r} {problem} on {_where(client)}. "
                    f"Available folders: {available or '(none)'}."
                )
            chosen.append((found[0], is_sent(*found)))
        return chosen

    inbox, sent, others = [], [], []
    for name, attrs, delim in folders:
        if skipped(name, attrs, delim):
            continue
        if name.upper() == "INBOX":
            inbox.append((name, False))
        elif is_sent(name, attrs, delim):
            sent.append((name, True))
        else:
            others.append((name, False))
    return inbox + sent + others


def imap_fetch_new(
    client: IMAPClient,
    *,
    folder: str,
    is_sent: bool,
    previous: FolderState | None,
    batch_size: int = 200,
) -> Iterator[FetchedMessage | FolderResult]:
    """Yield the folder's messages not fetched before, oldest UID first, then a FolderResult.

    Everything is fetched when there is no previous state or UIDVALIDITY changed
    (reset=True). Messages are fetched batch_size at a time, so memory stays bounded.
    Store the FolderResult's state only after the messages are safely stored.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    where = _where(client)
    try:
        info = client.select_folder(folder, readonly=True)
    except (OSError, IMAPClientError) as exc:
        raise ImapError(f"Cannot open the folder {folder!r} on {where}: {_text(exc)}") from exc
    if b"UIDVALIDITY" not in info:
        raise ImapError(f"The server at {where} gave no UIDVALIDITY for {folder!r}.")
    uidvalidity = int(info[b"UIDVALIDITY"])
    reset = previous is not None and previous.uidvalidity != uidvalidity
    since = previous.highest_uid if previous is not None and not reset else 0

    try:
        if since:
            # "n:*" always includes the last message, even when its UID is below n.
            uids = [uid for uid in client.search(["UID", f"{since + 1}:*"]) if uid > since]
        elif int(info.get(b"EXISTS", 1)) == 0:
            uids = []
        else:
            uids = client.search("ALL")
    except (OSError, IMAPClientError) as exc:
        raise ImapError(f"Searching {folder!r} on {where} failed: {_text(exc)}") from exc
    uids.sort()

    highest = since
    fetched = 0
    for start in range(0, len(uids), batch_size):
        batch = uids[start : start + batch_size]
        try:
            response = client.fetch(batch, ["BODY.PEEK[]", "FLAGS"])
        except (OSError, IMAPClientError) as exc:
            raise ImapError(
                f"Fetching mail from {folder!r} on {where} failed: {_text(exc)}"
            ) from exc
        for uid in batch:  # in UID order; a message expunged meanwhile is simply absent
            data = response.get(uid)
            raw = data.get(b"BODY[]") if data else None
            if not isinstance(raw, bytes):
                continue
            highest = max(highest, uid)
            fetched += 1
            yield FetchedMessage(
                folder=folder,
                uid=uid,
                raw=raw,
                flags=flag_letters(data.get(b"FLAGS", ())),
                sent_folder=is_sent,
            )
        del response
    yield FolderResult(
        folder=folder,
        state=FolderState(uidvalidity=uidvalidity, highest_uid=highest),
        fetched=fetched,
        reset=reset,
    )


def flag_letters(flags: tuple[bytes | str, ...] | list[bytes | str]) -> frozenset[str]:
    """IMAP flags (b"\\Seen", ...) as maildir letters ("S", ...); others are dropped."""
    letters = set()
    for flag in flags:
        key = flag.encode() if isinstance(flag, str) else flag
        letter = FLAG_LETTERS.get(key.lower())
        if letter:
            letters.add(letter)
    return frozenset(letters)


def _name_matches(name: str, delimiter: str, names: frozenset[str]) -> bool:
    parts = name.lower().split(delimiter, 1) if delimiter else [name.lower()]
    if len(parts) == 1:
        return parts[0] in names
    return parts[0] in _NAME_PARENTS and parts[1] in names


def _key(name: str) -> str:
    """INBOX is case-insensitive in IMAP; every other name is matched exactly."""
    return "INBOX" if name.upper() == "INBOX" else name


def _where(client: IMAPClient) -> str:
    return f"{getattr(client, 'host', '?')}:{getattr(client, 'port', '?')}"


def _redact(text: str, secret: str) -> str:
    return text.replace(secret, "***") if secret else text


def _close(client: IMAPClient) -> None:
    with contextlib.suppress(OSError, IMAPClientError):
        client.shutdown()


def _text(exc: BaseException) -> str:
    """An exception's message. imaplib raises server replies as bytes, which LoginError
    turns into "b'[AUTHENTICATIONFAILED] ...'"; that wrapper is removed."""
    text = exc.args[0] if len(exc.args) == 1 else str(exc)
    if isinstance(text, str) and re.fullmatch(r"b'.*'|b\".*\"", text, re.DOTALL):
        with contextlib.suppress(ValueError, SyntaxError):
            text = ast.literal_eval(text)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return str(text) or type(exc).__name__
