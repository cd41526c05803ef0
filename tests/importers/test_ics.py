"""iCalendar parser: occurrences, time zones, attendees, and broken input."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carefor.importers import ics
from carefor.importers.ics import parse_ics
from carefor.importers.records import Address, EventRecord, Rejected, SourceError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ics"
GOOGLE = (FIXTURES / "google.ics").read_bytes()
OUTLOOK_TRUNCATED = (FIXTURES / "outlook_truncated.ics").read_bytes()

MARCH = {"window_start": datetime(2024, 3, 1, tzinfo=UTC), "window_end": datetime(2024, 4, 30)}
LONDON = ZoneInfo("Europe/London")
WEEKLY = "7kq2m1on1bob@google.com"
ANN = Address("ann@example.org", "Ann Example")
BOB = Address("bob.brown@example.com", "Bob Brown")


def parse(data: bytes, **window) -> list[EventRecord | Rejected]:
    return list(parse_ics(data, **(window or MARCH)))


def events(data: bytes, **window) -> list[EventRecord]:
    return [r for r in parse(data, **window) if isinstance(r, EventRecord)]


def calendar(*vevents: str) -> bytes:
    body = "".join(vevents)
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{body}END:VCALENDAR\r\n".encode()
    )


def vevent(*lines: str) -> str:
    return "BEGIN:VEVENT\r\n" + "".join(line + "\r\n" for line in lines) + "END:VEVENT\r\n"


# --- the Google Calendar export -----------------------------------------------------------


def test_google_export_yields_everything_in_file_order():
    items = parse(GOOGLE)
    assert [getattr(r, "source_key", r.position) for r in items] == [
        f"{WEEKLY}@2024-03-04T10:00:00+00:00",
        f"{WEEKLY}@2024-03-11T10:00:00+00:00",  # moved to the 12th, keyed by its slot
        f"{WEEKLY}@2024-03-25T10:00:00+00:00",
        f"{WEEKLY}@2024-04-01T09:00:00+00:00",  # British Summer Time from 31 March
        f"{WEEKLY}@2024-04-08T09:00:00+00:00",
        "lunch-carol-2023@google.com@2023-06-15T11:30:00+00:00",
        "event 4 (UID broken-dtstart@google.com)",
        "dana-birthday-2024@google.com@2024-04-06T00:00:00+00:00",
        "coffee-eve@google.com@2024-03-20T08:30:00+00:00",
    ]


def test_weekly_series_honours_exdate():
    starts = [e.start for e in events(GOOGLE) if e.source_key.startswith(WEEKLY)]
    assert datetime(2024, 3, 18, 10, tzinfo=LONDON) not in starts
    assert starts[0] == datetime(2024, 3, 4, 10, tzinfo=LONDON)
    assert len(starts) == 5  # COUNT=6 minus the EXDATE


def test_recurrence_id_override_replaces_its_occurrence():
    moved = events(GOOGLE)[1]
    assert moved.summary == "1:1 Ann / Bob (moved)"
    assert moved.start == datetime(2024, 3, 12, 15, tzinfo=LONDON)
    assert moved.end == datetime(2024, 3, 12, 15, 30, tzinfo=LONDON)
    assert moved.description == "Moved because of the offsite."
    assert moved.position == f"event 2 (UID {WEEKLY})"
    assert all(e.start.date() != date(2024, 3, 11) for e in events(GOOGLE))


def test_tzid_times_are_aware_and_follow_daylight_saving():
    series = [e for e in events(GOOGLE) if e.source_key.startswith(WEEKLY)]
    assert series[2].start.utcoffset() == timedelta(0)  # 25 March, GMT
    assert series[3].start.utcoffset() == timedelta(hours=1)  # 1 April, BST
    assert series[3].start.astimezone(UTC) == datetime(2024, 4, 1, 9, tzinfo=UTC)


def test_occurrence_fields():
    first = events(GOOGLE)[0]
    assert first == EventRecord(
        source_key=f"{WEEKLY}@2024-03-04T10:00:00+00:00",
        position=f"event 1 (UID {WEEKLY})",
        start=datetime(2024, 3, 4, 10, tzinfo=LONDON),
        end=datetime(2024, 3, 4, 10, 30, tzinfo=LONDON),
        summary="1:1 Ann / Bob",
        description="Weekly catch-up.\nAgenda in the shared doc.",
        location="Room 4, Level 2",
        organizer=ANN,
        attendees=(ANN, BOB),
        status="CONFIRMED",
    )


def test_single_attendee_with_upper_case_mailto():
    lunch = events(GOOGLE)[5]
    assert lunch.attendees == (Address("carol@example.com", "Carol Jones"),)
    assert lunch.location == "The Green Café"


def test_events_outside_the_window_are_still_returned():
    lunch = events(GOOGLE)[5]
    assert lunch.start == datetime(2023, 6, 15, 11, 30, tzinfo=UTC)
    assert lunch.start < MARCH["window_start"]


def test_all_day_event_is_midnight_utc():
    party = events(GOOGLE)[6]
    assert party.summary == "Dana's birthday party"
    assert party.start == datetime(2024, 4, 6, tzinfo=UTC)
    assert party.start.tzinfo is not None
    assert party.end == datetime(2024, 4, 7, tzinfo=UTC)
    assert party.attendees == ()
    assert party.organizer is None


def test_broken_vevent_between_good_ones_is_rejected_alone():
    items = parse(GOOGLE)
    rejected = [r for r in items if isinstance(r, Rejected)]
    assert rejected == [
        Rejected(
            "event 4 (UID broken-dtstart@google.com)",
            "DTSTART unusable: Expected datetime, date, or time. Got: '2024-13-45 at lunchtime'",
        )
    ]
    assert isinstance(items[items.index(rejected[0]) - 1], EventRecord)
    assert isinstance(items[items.index(rejected[0]) + 1], EventRecord)


def test_cancelled_event_is_yielded_with_its_status():
    coffee = events(GOOGLE)[-1]
    assert coffee.summary == "Coffee with Eve"
    assert coffee.status == "CANCELLED"
    assert coffee.organizer == Address("eve@example.net", "Eve Evans")


def test_only_recurrence_is_limited_by_the_window():
    late_march = {
        "window_start": datetime(2024, 3, 20, tzinfo=UTC),
        "window_end": datetime(2024, 3, 31, tzinfo=UTC),
    }
    keys = [e.source_key for e in events(GOOGLE, **late_march)]
    assert [k for k in keys if k.startswith(WEEKLY)] == [f"{WEEKLY}@2024-03-25T10:00:00+00:00"]
    assert len(keys) == 4  # that occurrence, plus lunch (2023), party and coffee: all singles


def test_crlf_and_lf_files_give_the_same_records():
    assert parse(GOOGLE.replace(b"\n", b"\r\n")) == parse(GOOGLE)


def test_same_file_twice_gives_the_same_keys():
    assert [e.source_key for e in events(GOOGLE)] == [e.source_key for e in events(GOOGLE)]


# --- smaller, hand-written calendars ------------------------------------------------------


def test_floating_time_is_taken_as_utc():
    (e,) = events(calendar(vevent("UID:f", "DTSTART:20240304T100000", "SUMMARY:Float")))
    assert e.start == datetime(2024, 3, 4, 10, tzinfo=UTC)
    assert e.start.utcoffset() == timedelta(0)


def test_event_without_uid_is_keyed_by_summary_and_start():
    (e,) = events(calendar(vevent("DTSTART:20240304T100000Z", "SUMMARY:Standup")))
    digest = hashlib.sha256(b"Standup\x1f2024-03-04T10:00:00+00:00").hexdigest()
    assert e.source_key == f"sha256:{digest}"
    assert e.position == "event 1"


def test_missing_dtstart_is_rejected():
    data = calendar(
        vevent("UID:ok-1", "DTSTART:20240304T100000Z"),
        vevent("UID:no-start", "SUMMARY:When?"),
        vevent("UID:ok-2", "DTSTART:20240305T100000Z"),
    )
    items = parse(data)
    assert items[1] == Rejected("event 2 (UID no-start)", "no DTSTART")
    assert [type(i) for i in items] == [EventRecord, Rejected, EventRecord]


def test_ends_from_dtend_duration_or_nothing():
    data = calendar(
        vevent("UID:a", "DTSTART:20240304T100000Z", "DURATION:PT45M"),
        vevent("UID:b", "DTSTART:20240304T100000Z"),
        vevent("UID:c", "DTSTART;VALUE=DATE:20240304"),
    )
    a, b, c = events(data)
    assert a.end == datetime(2024, 3, 4, 10, 45, tzinfo=UTC)
    assert b.end is None  # a timed event without an end: unknown, not zero minutes
    assert c.end == datetime(2024, 3, 5, tzinfo=UTC)  # RFC 5545: all-day lasts one day


def test_attendee_without_cn_and_mailto_in_any_case():
    data = calendar(
        vevent(
            "UID:a",
            "DTSTART:20240304T100000Z",
            "ORGANIZER:MailTo:boss@example.org",
            "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:x@example.org",
            'ATTENDEE;CN="Smith, Jo":mailto:jo@example.org',
        )
    )
    (e,) = events(data)
    assert e.organizer == Address("boss@example.org", "")
    assert e.attendees == (Address("x@example.org", ""), Address("jo@example.org", "Smith, Jo"))


def test_rdate_adds_occurrences():
    data = calendar(
        vevent("UID:r", "DTSTART:20240304T100000Z", "RDATE:20240310T100000Z,20240320T120000Z")
    )
    assert [e.start.day for e in events(data)] == [4, 10, 20]


def test_override_before_its_master_in_the_file():
    data = calendar(
        vevent("UID:o", "RECURRENCE-ID:20240305T100000Z", "DTSTART:20240305T160000Z", "SUMMARY:m"),
        vevent("UID:o", "DTSTART:20240304T100000Z", "RRULE:FREQ=DAILY;COUNT=3", "SUMMARY:d"),
    )
    found = events(data)
    assert [(e.summary, e.start.hour, e.position) for e in found] == [
        ("d", 10, "event 2 (UID o)"),
        ("m", 16, "event 1 (UID o)"),
        ("d", 10, "event 2 (UID o)"),
    ]
    assert found[1].end is None  # the library adds a DTEND; we do not invent one


def test_override_without_its_series_is_a_single_event_keyed_by_its_slot():
    data = calendar(vevent("UID:inv", "RECURRENCE-ID:20240305T100000Z", "DTSTART:20240305T160000Z"))
    (e,) = events(data)
    assert e.source_key == "inv@2024-03-05T10:00:00+00:00"
    assert e.start == datetime(2024, 3, 5, 16, tzinfo=UTC)


def test_bad_rrule_rejects_that_series_only():
    data = calendar(
        vevent("UID:bad", "DTSTART:20240304T100000Z", "RRULE:FREQ=SOMETIMES"),
        vevent("UID:good", "DTSTART:20240304T100000Z"),
    )
    bad, good = parse(data)
    assert isinstance(bad, Rejected)
    assert bad.position == "event 1 (UID bad)"
    assert bad.reason.startswith("recurrence could not be expanded")
    assert isinstance(good, EventRecord)


def test_runaway_series_is_capped(monkeypatch):
    monkeypatch.setattr(ics, "MAX_OCCURRENCES_PER_SERIES", 3)
    data = calendar(vevent("UID:m", "DTSTART:20240304T100000Z", "RRULE:FREQ=MINUTELY"))
    items = parse(data)
    assert [type(i) for i in items] == [EventRecord, EventRecord, EventRecord, Rejected]
    assert items[-1].reason == "more than 3 occurrences in the window; the rest were skipped"


def test_two_calendars_in_one_file():
    one = calendar(vevent("UID:1", "DTSTART:20240304T100000Z"))
    two = calendar(vevent("UID:2", "DTSTART:20240305T100000Z"))
    assert [e.position for e in events(one + two)] == ["event 1 (UID 1)", "event 2 (UID 2)"]


def test_naive_window_bounds_are_utc():
    data = calendar(vevent("UID:d", "DTSTART:20240304T100000Z", "RRULE:FREQ=DAILY"))
    found = events(data, window_start=datetime(2024, 3, 5), window_end=datetime(2024, 3, 7, 10))
    assert [e.start.day for e in found] == [5, 6, 7]  # the end bound is inclusive


# --- falling back to block-by-block parsing -----------------------------------------------


def test_structurally_broken_file_falls_back_to_vevent_blocks():
    assert icalendar.Calendar.from_ical(OUTLOOK_TRUNCATED, multiple=True) == []  # as shipped
    review, half, grace = parse(OUTLOOK_TRUNCATED)
    assert isinstance(review, EventRecord)
    assert review.summary == "Quarterly review"
    # The custom VTIMEZONE was carried into the wrapper, so the time is aware and right.
    assert review.start.utcoffset() == timedelta(hours=2)
    assert review.start.astimezone(UTC) == datetime(2024, 4, 15, 7, 30, tzinfo=UTC)
    assert review.organizer == Address("frank.fischer@example.de", "Frank Fischer")
    assert review.attendees == (ANN,)
    assert half == Rejected("event 2 (UID half-synced-1)", "VEVENT block has no END:VEVENT")
    assert isinstance(grace, EventRecord)
    assert grace.attendees == (Address("grace@example.com", "Grace Green"),)
    assert grace.source_key == "call-grace-1@2024-04-17T11:00:00+00:00"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \r\n",
        b"hello, this is not a calendar",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n",
        b"\xff\xfe\x00\x00garbage",
    ],
)
def test_not_a_calendar_is_a_source_error(data):
    with pytest.raises(SourceError):
        parse_ics(data, **MARCH)


def test_source_error_names_the_source():
    with pytest.raises(SourceError, match=r"^work\.ics: no VCALENDAR"):
        parse_ics(b"BEGIN:VCARD\r\nEND:VCARD\r\n", source_name="work.ics", **MARCH)


def test_window_end_before_start_is_a_caller_bug():
    with pytest.raises(ValueError, match="window_end"):
        parse_ics(GOOGLE, window_start=datetime(2024, 5, 1), window_end=datetime(2024, 4, 1))


# --- property: what icalendar writes, we read back ----------------------------------------

plain_text = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "Zs"), exclude_characters="\\"),
    max_size=30,
).map(str.strip)
cn_text = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.-'", max_size=20)
starts = st.one_of(
    st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
    ).map(lambda d: d.replace(microsecond=0)),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)),
)
people = st.lists(st.tuples(st.from_regex(r"[a-z]{1,8}", fullmatch=True), cn_text), max_size=4)


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(plain_text, starts, people), max_size=12))
def test_events_round_trip(specs):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//carefor tests//EN")
    cal.add("version", "2.0")
    for i, (summary, start, attendees) in enumerate(specs):
        event = icalendar.Event()
        event.add("uid", f"event-{i}@example.org")
        event.add("dtstart", start)
        event.add("summary", summary)
        for local, cn in attendees:
            address = icalendar.vCalAddress(f"mailto:{local}@example.org")
            if cn.strip():
                address.params["CN"] = cn.strip()
            event.add("attendee", address, encode=False)
        cal.add_component(event)

    parsed = list(parse_ics(cal.to_ical(), **MARCH))

    assert len(parsed) == len(specs)
    for i, (record, (summary, start, attendees)) in enumerate(zip(parsed, specs, strict=True)):
        assert isinstance(record, EventRecord)
        expected_start = (
            start if isinstance(start, datetime) else datetime(*start.timetuple()[:3], tzinfo=UTC)
        )
        assert record.start == expected_start
        assert record.summary == summary
        assert record.source_key == f"event-{i}@example.org@{expected_start.isoformat()}"
        assert record.attendees == tuple(
            Address(f"{local}@example.org", cn.strip()) for local, cn in attendees
        )
