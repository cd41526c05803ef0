"""What parsers produce: typed records, and a Rejected item for anything malformed.

Parsers are pure (bytes/text in, these dataclasses out, no Django, no database) and
streaming (they yield one item at a time, so memory stays flat on large sources). A
parser never raises for one bad item: it yields Rejected(position, reason) and goes on.
It raises SourceError only when the source as a whole cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple


class SourceError(Exception):
    """The whole source is unreadable (missing file, not a zip, wrong format)."""


@dataclass(frozen=True)
class Rejected:
    """One input item that could not be used; position says where, reason says why."""

    position: str  # e.g. "card 3 (line 41)", "row 12", "message 208 (byte 1048576)"
    reason: str


class Address(NamedTuple):
    """A name and address as written in a header or a card; value is not normalised.

    A NamedTuple rather than a dataclass: a mailbox holds hundreds of thousands of them,
    and tuples are several times cheaper to create and to pass between processes.
    """

    value: str
    name: str = ""


@dataclass(frozen=True)
class PartialDate:
    """A date whose year may be unknown (vCard --MMDD birthdays)."""

    month: int
    day: int
    year: int | None = None

    def as_date(self, fallback_year: int = 1904) -> date:
        """1904 is a leap year, so 29 February survives when the year is unknown."""
        return date(self.year or fallback_year, self.month, self.day)


@dataclass(frozen=True)
class ContactRecord:
    """A person from an address book, a CSV export or a LinkedIn connection."""

    source_key: str  # stable across re-imports: UID, profile URL, or a content hash
    position: str
    name: str
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    organisation: str = ""
    title: str = ""
    note: str = ""
    birthday: PartialDate | None = None
    anniversary: PartialDate | None = None
    connected_on: date | None = None  # LinkedIn "Connected On"


class MessageRecord(NamedTuple):
    """One message: mail, or a LinkedIn message (a NamedTuple for speed, like Address)."""

    source_key: str  # Message-ID, or a content hash when there is none
    position: str
    occurred_at: datetime | None  # timezone-aware; None when the Date header is unusable
    subject: str
    sender: Address | None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    message_id: str = ""  # without angle brackets
    in_reply_to: str = ""  # the first id, without angle brackets
    references: tuple[str, ...] = ()
    thread_hint: str = ""  # X-GM-THRID, Thread-Index, LinkedIn CONVERSATION ID
    folder: str = ""  # mailbox folder or Gmail labels joined by ","
    sent_by_me_hint: bool = False  # Gmail "Sent" label, Maildir "Sent" folder, IMAP \Sent
    flags: frozenset[str] = frozenset()  # maildir/IMAP flags: "R" replied, "S" seen…
    # Headers that say the message is not from a person writing to me personally.
    list_id: str = ""
    precedence: str = ""
    auto_submitted: str = ""
    is_report: bool = False  # multipart/report (bounces, receipts)
    body: str = ""  # plain text (HTML converted), possibly only a snippet
    body_is_snippet: bool = False
    list_post: str = ""
    auto_reply_header: bool = False  # X-Autoreply / X-Autorespond present
    return_path_empty: bool = False  # Return-Path: <> (bounces and receipts)


@dataclass(frozen=True)
class EventRecord:
    """One meeting (one occurrence of a recurring event)."""

    source_key: str  # UID plus the occurrence's start
    position: str
    start: datetime
    end: datetime | None
    summary: str
    description: str = ""
    location: str = ""
    organizer: Address | None = None
    attendees: tuple[Address, ...] = ()
    status: str = ""  # CONFIRMED / TENTATIVE / CANCELLED


@dataclass
class ParseStats:
    """Counters a parser may fill in for the report (e.g. chat entries skipped on purpose)."""

    skipped_on_purpose: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.skipped_on_purpose[why] = self.skipped_on_purpose.get(why, 0) + 1
