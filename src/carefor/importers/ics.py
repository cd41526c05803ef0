"""iCalendar (.ics) parser: VEVENTs in, EventRecords out.

Pure: bytes in, records out; no Django, no database.

Rules the loader relies on:

- Non-recurring events are returned whatever their date (last year's meeting is history worth
  keeping). Only the expansion of recurring series (RRULE/RDATE, with EXDATE and RECURRENCE-ID
  overrides applied) is limited to [window_start, window_end], because a series without an end
  has infinitely many occurrences.
- Every start/end is timezone-aware: all-day (DATE) values become 00:00 UTC, floating (naive)
  values are taken as UTC, TZID values keep their zone. X-WR-TIMEZONE is deliberately ignored.
- source_key is ``UID@<slot in UTC, isoformat>``. The slot is the occurrence's RECURRENCE-ID
  (its original start) when it has one, else its start: a moved occurrence of a series keeps
  its key, so re-importing after the organiser reschedules one meeting updates it instead of
  adding a second one. Events without UID get ``sha256:`` of summary + start.
- One broken VEVENT yields a Rejected and the rest still come through. When icalendar cannot
  parse the file as a whole, the VEVENT blocks are cut out and parsed one by one, each wrapped
  in a minimal VCALENDAR together with the file's VTIMEZONE blocks.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import recurring_ical_events

from carefor.importers.records import Address, EventRecord, Rejected, SourceError

__all__ = ["MAX_OCCURRENCES_PER_SERIES", "parse_ics"]

# A hostile or mistaken RRULE (FREQ=SECONDLY over a ten-year window) would otherwise produce
# hundreds of millions of occurrences; no real person has 5,000 meetings in one series.
MAX_OCCURRENCES_PER_SERIES = 5_000

_MAX_REASON = 300  # reasons end up in an import report; a whole broken line is enough


@dataclass
class _Entry:
    """One VEVENT of the file, in file order (index is 1-based)."""

    index: int
    event: icalendar.Event | None  # None when the block could not be parsed at all
    problem: str = ""
    raw_uid: str = ""  # read off the raw block when it could not be parsed, for the report

    @property
    def uid(self) -> str:
        if self.event is None:
            return self.raw_uid
        return str(self.event.get("UID", "")).strip()

    @property
    def position(self) -> str:
        uid = self.uid
        return f"event {self.index} (UID {uid})" if uid else f"event {self.index}"

    @property
    def is_master(self) -> bool:
        """The defining component of a recurring series (not an override of one occurrence)."""
        ev = self.event
        return ev is not None and "RECURRENCE-ID" not in ev and ("RRULE" in ev or "RDATE" in ev)


def parse_ics(
    data: bytes,
    *,
    window_start: datetime,
    window_end: datetime,
    source_name: str = "",
) -> Iterator[EventRecord | Rejected]:
    """Yield one EventRecord per event (per occurrence for recurring ones) or a Rejected.

    source_name only labels SourceError messages. Naive window bounds are taken as UTC.
    The whole file is parsed before this returns (icalendar has no streaming mode), so
    SourceError is raised by the call itself when the data is not an iCalendar file.
    """
    start = _aware(window_start)
    end = _aware(window_end)
    if end < start:
        raise ValueError("window_end is before window_start")
    entries = _load(data, source_name or "calendar")
    return _records(entries, start, end)


# --- loading ------------------------------------------------------------------------------


def _load(data: bytes, label: str) -> list[_Entry]:
    if not isinstance(data, bytes | bytearray):
        raise SourceError(f"{label}: expected bytes, got {type(data).__name__}")
    if not data.strip():
        raise SourceError(f"{label}: the file is empty")
    try:
        parsed = icalendar.Calendar.from_ical(bytes(data), multiple=True)
    except Exception:  # icalendar raises ValueError, KeyError…; fall back
        return _load_blockwise(data, label)
    calendars = [c for c in parsed if c.name == "VCALENDAR"]
    if not calendars:
        # With multiple=True an unterminated VCALENDAR parses to nothing instead of raising.
        return _load_blockwise(data, label)
    entries: list[_Entry] = []
    for calendar in calendars:
        for event in calendar.walk("VEVENT"):
            entries.append(_Entry(len(entries) + 1, event))
    return entries


def _load_blockwise(data: bytes, label: str) -> list[_Entry]:
    """Cut the file into VEVENT blocks so one malformed block cannot sink the others."""
    text = bytes(data).decode("utf-8-sig", errors="replace")
    lines = text.splitlines()
    if not any(line.strip().upper() == "BEGIN:VCALENDAR" for line in lines):
        raise SourceError(f"{label}: no VCALENDAR found; is this an iCalendar (.ics) file?")

    tz_blocks: list[str] = []
    event_blocks: list[tuple[str, bool]] = []  # (text, terminated)
    current: list[str] | None = None
    kind = ""
    for line in lines:
        marker = line.strip().upper()
        # Folded continuation lines start with white space, so a marker is never one of them.
        if marker in ("BEGIN:VEVENT", "BEGIN:VTIMEZONE", "END:VCALENDAR") and current:
            if kind == "VEVENT":
                event_blocks.append(("\r\n".join(current), False))
            current = None
        if marker in ("BEGIN:VEVENT", "BEGIN:VTIMEZONE"):
            current, kind = [line], marker.split(":", 1)[1]
            continue
        if current is None:
            continue
        current.append(line)
        if marker == f"END:{kind}":
            (tz_blocks if kind == "VTIMEZONE" else event_blocks).append(
                ("\r\n".join(current), True)
            )
            current = None
    if current and kind == "VEVENT":
        event_blocks.append(("\r\n".join(current), False))

    tz_text = "\r\n".join(block[0] for block in tz_blocks)

    entries: list[_Entry] = []
    for index, (block, terminated) in enumerate(event_blocks, start=1):
        uid = next(
            (ln[4:].strip() for ln in block.splitlines() if ln.upper().startswith("UID:")), ""
        )
        if not terminated:
            entries.append(_Entry(index, None, "VEVENT block has no END:VEVENT", uid))
            continue
        try:
            # The VTIMEZONEs go in too: icalendar resolves TZIDs while parsing.
            events = icalendar.Calendar.from_ical(_wrap(tz_text, block)).walk("VEVENT")
        except Exception as exc:  # report it, keep going
            entries.append(_Entry(index, None, f"unparseable VEVENT: {exc}", uid))
            continue
        if len(events) != 1:
            entries.append(_Entry(index, None, "unparseable VEVENT", uid))
            continue
        entries.append(_Entry(index, events[0]))
    return entries


def _wrap(*blocks: str) -> str:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//carefor//fallback//EN"
    return "\r\n".join([head, *(b for b in blocks if b), "END:VCALENDAR"]) + "\r\n"


# --- turning components into records ------------------------------------------------------


def _records(
    entries: list[_Entry],
    window_start: datetime,
    window_end: datetime,
) -> Iterator[EventRecord | Rejected]:
    # Overrides (RECURRENCE-ID) may come before or after their master in the file, so the
    # series are gathered first and expanded when the master is reached.
    series: dict[str, list[_Entry]] = {}
    for entry in entries:
        if entry.uid:
            series.setdefault(entry.uid, []).append(entry)
    recurring = {uid for uid, group in series.items() if any(e.is_master for e in group)}
    expanded: set[str] = set()

    for entry in entries:
        if entry.event is None:
            yield Rejected(entry.position, _clip(entry.problem))
            continue
        uid = entry.uid
        if entry.is_master and not uid:
            # Without a UID nothing can override it: a series of its own.
            yield from _expand(entry, [entry], window_start, window_end)
        elif uid in recurring:
            if uid not in expanded and entry.is_master:
                expanded.add(uid)
                yield from _expand(entry, series[uid], window_start, window_end)
            # Other members of the series are yielded by the expansion.
        else:
            yield _record(entry.event, entry.position)


def _expand(
    master: _Entry,
    group: list[_Entry],
    window_start: datetime,
    window_end: datetime,
) -> Iterator[EventRecord | Rejected]:
    """Occurrences of one series inside the window; a failing series is rejected alone."""
    assert master.event is not None  # only parsed entries can be masters
    # Duplicate masters (an export glitch) would make the library count occurrences twice.
    members = [
        (e, e.event) for e in group if e.event is not None and (e is master or not e.is_master)
    ]
    # A calendar per series: the library's errors then name one series, not the whole file.
    # No VTIMEZONEs needed, icalendar resolved every TZID while parsing.
    calendar = icalendar.Calendar()
    for _, event in members:
        calendar.add_component(event)

    # An occurrence that an override produced is reported at the override's own position.
    overrides = {_slot_key(event): e for e, event in members if e is not master}
    problem = _start_problem(master.event)
    produced: list[EventRecord | Rejected] = []
    if not problem:
        try:
            # after() is lazy and sorted by start; between() would build the whole list first.
            occurrences = recurring_ical_events.of(calendar).after(window_start)
            for count, component in enumerate(occurrences, start=1):
                origin = overrides.get(_slot_key(component), master)
                occurrence = _record(component, origin.position, origin.event)
                if isinstance(occurrence, EventRecord) and occurrence.start > window_end:
                    break
                if count > MAX_OCCURRENCES_PER_SERIES:
                    produced.append(
                        Rejected(
                            master.position,
                            f"more than {MAX_OCCURRENCES_PER_SERIES} occurrences in the "
                            "window; the rest were skipped",
                        )
                    )
                    break
                produced.append(occurrence)
        except Exception as exc:  # bad RRULE, bad RDATE period…
            problem = f"recurrence could not be expanded: {exc}"
    if problem:
        yield Rejected(master.position, _clip(problem))
        # The overrides are real meetings with their own DTSTART; keep them as single events.
        for entry, event in members:
            if entry is not master:
                yield _record(event, entry.position)
        return
    yield from produced


def _start_problem(event: icalendar.Event) -> str:
    """Why this event has no usable DTSTART, or "" when it has one."""
    if "DTSTART" not in event:
        lost = [msg for name, msg in event.errors if name is None]
        return "no DTSTART" + (f" (unparseable line: {lost[0]})" if lost else "")
    try:
        value = event.start
    except Exception as exc:  # icalendar keeps broken values as vBroken
        detail = next((msg for name, msg in event.errors if name == "DTSTART"), str(exc))
        return f"DTSTART unusable: {detail}"
    if not isinstance(value, date):
        return f"DTSTART unusable: {value!r}"
    return ""


def _record(
    event: icalendar.Event, position: str, origin: icalendar.Event | None = None
) -> EventRecord | Rejected:
    """origin: the component an expanded occurrence came from (the library fills in a DTEND
    for every occurrence, so whether the event really had an end is only known there)."""
    problem = _start_problem(event)
    if problem:
        return Rejected(position, _clip(problem))
    start = _aware(event.start)
    end = _end(event, start, origin if origin is not None else event)
    summary = _text(event.get("SUMMARY"))
    uid = str(event.get("UID", "")).strip()
    if uid:
        source_key = f"{uid}@{_slot_key(event) or start.astimezone(UTC).isoformat()}"
    else:
        digest = hashlib.sha256(
            f"{summary}\x1f{start.astimezone(UTC).isoformat()}".encode()
        ).hexdigest()
        source_key = f"sha256:{digest}"
    return EventRecord(
        source_key=source_key,
        position=position,
        start=start,
        end=end,
        summary=summary,
        description=_text(event.get("DESCRIPTION")),
        location=_text(event.get("LOCATION")),
        organizer=_address(event.get("ORGANIZER")),
        attendees=tuple(
            a for a in (_address(p) for p in _as_list(event.get("ATTENDEE"))) if a is not None
        ),
        status=_text(event.get("STATUS")).upper(),
    )


def _slot_key(event: icalendar.Event) -> str:
    """The occurrence's slot in UTC: RECURRENCE-ID (its original start), else DTSTART.

    "" when neither is usable.
    """
    for name in ("RECURRENCE-ID", "DTSTART"):
        prop = event.get(name)
        if prop is None:
            continue
        with contextlib.suppress(Exception):  # vBroken has no usable .dt; try the next one
            return _aware(prop.dt).astimezone(UTC).isoformat()
    return ""


def _end(event: icalendar.Event, start: datetime, origin: icalendar.Event) -> datetime | None:
    if "DTEND" not in origin and "DURATION" not in origin:
        # RFC 5545 3.6.1: an all-day event without an end lasts one day; a timed one has no
        # length, which we report as "unknown" rather than as a zero-length meeting.
        return start + timedelta(days=1) if _is_all_day(event) else None
    try:
        return _aware(event.end)
    except Exception:  # a broken DTEND costs the end, not the event
        return None


def _is_all_day(event: icalendar.Event) -> bool:
    try:
        value = event.start
    except Exception:
        return False
    return isinstance(value, date) and not isinstance(value, datetime)


def _aware(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    raise ValueError(f"not a date or date-time: {value!r}")


def _address(prop: Any) -> Address | None:
    """ORGANIZER / ATTENDEE -> Address; "mailto:" dropped, CN kept as the name."""
    if prop is None:
        return None
    value = str(prop).strip()
    if value[:7].lower() == "mailto:":
        value = value[7:].strip()
    params = getattr(prop, "params", None) or {}
    name = str(params.get("CN", "")).strip()
    if not value and not name:
        return None
    return Address(value=value, name=name)


def _as_list(value: Any) -> list[Any]:
    """A property that may occur several times is None, one value, or a list of values."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # e.g. two SUMMARY lines in a sloppy export
        value = value[0] if value else ""
    return str(value).strip()


def _clip(reason: str) -> str:
    return reason if len(reason) <= _MAX_REASON else reason[: _MAX_REASON - 1] + "…"
