"""Due-date phrases: found in a sentence and resolved against the day it was written (pure)."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carefor.language.dates import _PHRASE, DuePhrase, _phrases, find_due

# Days of writing, chosen to cover each weekday rule and the awkward ends of months and years.
WED = date(2025, 11, 12)  # Wednesday, mid-month
FRI = date(2025, 11, 14)
SAT = date(2025, 11, 15)
SUN = date(2025, 11, 16)
MON = date(2025, 11, 17)
NYE = date(2025, 12, 31)  # Wednesday: everything rolls into 2026
LEAP = date(2028, 2, 29)  # Tuesday, leap day
JAN31 = date(2025, 1, 31)  # Friday: one month on has to clamp to Feb 28


def check(sentence: str, written_on: date, text: str, due: date | None) -> None:
    found = find_due(sentence, written_on)
    assert found is not None, sentence
    assert (found.text, found.due) == (text, due)
    assert sentence[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("sentence", "written_on", "text", "due"),
    [
        ("Can you send it today?", WED, "today", WED),
        ("I'll finish it tonight.", FRI, "tonight", FRI),
        ("Let's talk this evening", SAT, "this evening", SAT),
        ("Need this by end of day", WED, "by end of day", WED),
        ("Need this EOD please", NYE, "EOD", NYE),
        ("Send it over by COB", MON, "by COB", MON),
        ("before close of business", LEAP, "before close of business", LEAP),
        ("Could you do it by the end of the day?", SUN, "by the end of the day", SUN),
        ("end-of-day is fine", WED, "end-of-day", WED),
    ],
)
def test_today_words_are_the_day_of_writing(sentence, written_on, text, due):
    check(sentence, written_on, text, due)


@pytest.mark.parametrize(
    ("sentence", "written_on", "text", "due"),
    [
        ("I'll call you tomorrow", NYE, "tomorrow", date(2026, 1, 1)),
        ("first thing tomorrow", LEAP, "first thing tomorrow", date(2028, 3, 1)),
        ("by the day after tomorrow", NYE, "by the day after tomorrow", date(2026, 1, 2)),
        ("day after tomorrow works", WED, "day after tomorrow", date(2025, 11, 14)),
        ("in a couple of days", WED, "in a couple of days", date(2025, 11, 14)),
        ("in two days", NYE, "in two days", date(2026, 1, 2)),
        ("within 48 hours", LEAP, "within 48 hours", date(2028, 3, 2)),
        ("within 24 hours", WED, "within 24 hours", date(2025, 11, 13)),
        ("in 3 days", WED, "in 3 days", date(2025, 11, 15)),
        ("In five days", NYE, "In five days", date(2026, 1, 5)),
        ("in ten days", WED, "in ten days", date(2025, 11, 22)),
        ("in a day or two", WED, "in a day or two", date(2025, 11, 14)),
        ("in 2-3 days", WED, "in 2-3 days", date(2025, 11, 15)),
        ("in a week", WED, "in a week", date(2025, 11, 19)),
        ("in one week", NYE, "in one week", date(2026, 1, 7)),
        ("in two weeks", WED, "in two weeks", date(2025, 11, 26)),
        ("in 2 weeks", NYE, "in 2 weeks", date(2026, 1, 14)),
        ("in a fortnight", LEAP, "in a fortnight", date(2028, 3, 14)),
        ("in 3 weeks", WED, "in 3 weeks", date(2025, 12, 3)),
        ("in four weeks", NYE, "in four weeks", date(2026, 1, 28)),
        ("in a month", JAN31, "in a month", date(2025, 2, 28)),
        ("in a month", LEAP, "in a month", date(2028, 3, 29)),
        ("in one month", NYE, "in one month", date(2026, 1, 31)),
        ("in a year", LEAP, "in a year", date(2029, 2, 28)),
        ("two weeks from now", WED, "two weeks from now", date(2025, 11, 26)),
    ],
)
def test_relative_days_weeks_and_months(sentence, written_on, text, due):
    check(sentence, written_on, text, due)


@pytest.mark.parametrize(
    ("sentence", "written_on", "text", "due"),
    [
        ("Can you send it by Friday?", WED, "by Friday", date(2025, 11, 14)),
        ("See you on Monday", WED, "on Monday", date(2025, 11, 17)),
        ("Tuesday works", WED, "Tuesday", date(2025, 11, 18)),  # already past this week
        ("before Wednesday", WED, "before Wednesday", date(2025, 11, 19)),  # same day: a week
        ("until Thursday", WED, "until Thursday", date(2025, 11, 13)),
        ("first thing Monday", FRI, "first thing Monday", date(2025, 11, 17)),
        ("by Sunday", SAT, "by Sunday", date(2025, 11, 16)),
        ("by Saturday", SUN, "by Saturday", date(2025, 11, 22)),
        ("by Friday", NYE, "by Friday", date(2026, 1, 2)),
        ("by Wednesday", LEAP, "by Wednesday", date(2028, 3, 1)),
        ("BY FRIDAY", WED, "BY FRIDAY", date(2025, 11, 14)),
        ("this Friday", WED, "this Friday", date(2025, 11, 14)),
        ("this Monday", WED, "this Monday", date(2025, 11, 17)),  # past this week: the next one
        ("this Wednesday", WED, "this Wednesday", WED),  # today is not past
        ("by this Friday", FRI, "by this Friday", FRI),
        ("this coming Friday", FRI, "this coming Friday", date(2025, 11, 21)),
        ("next Friday", WED, "next Friday", date(2025, 11, 21)),
        ("next Monday", WED, "next Monday", date(2025, 11, 17)),
        ("next Wednesday", WED, "next Wednesday", date(2025, 11, 19)),
        ("next Monday", SUN, "next Monday", date(2025, 11, 17)),  # next calendar week
        ("next Sunday", MON, "next Sunday", date(2025, 11, 30)),
        ("next Friday", NYE, "next Friday", date(2026, 1, 9)),
        ("Reply by Fri.", WED, "by Fri", date(2025, 11, 14)),
        ("on Tues at 3", WED, "on Tues", date(2025, 11, 18)),
        ("next Wed", WED, "next Wed", date(2025, 11, 19)),
        ("by Sat please", LEAP, "by Sat", date(2028, 3, 4)),
    ],
)
def test_weekdays(sentence, written_on, text, due):
    check(sentence, written_on, text, due)


@pytest.mark.parametrize(
    ("sentence", "written_on", "text", "due"),
    [
        ("by the end of the week", WED, "by the end of the week", date(2025, 11, 14)),
        ("end of week", FRI, "end of week", FRI),
        ("EOW", SAT, "EOW", date(2025, 11, 21)),  # weekend: the coming Friday
        ("end of this week", SUN, "end of this week", date(2025, 11, 21)),
        ("end of the week", NYE, "end of the week", date(2026, 1, 2)),
        ("this weekend", WED, "this weekend", date(2025, 11, 16)),  # a span ends on Sunday
        ("by the weekend", SAT, "by the weekend", SUN),
        ("over the weekend", SUN, "the weekend", SUN),
        ("next weekend", WED, "next weekend", date(2025, 11, 23)),
        ("next week", WED, "next week", date(2025, 11, 21)),  # its Friday
        ("next week", SUN, "next week", date(2025, 11, 21)),
        ("by next week", NYE, "by next week", date(2026, 1, 9)),
        ("early next week", FRI, "early next week", date(2025, 11, 17)),
        ("later this week", MON, "later this week", date(2025, 11, 21)),
        ("later this week", WED, "later this week", date(2025, 11, 14)),
        ("end of next week", WED, "end of next week", date(2025, 11, 21)),
        ("by the end of next week", NYE, "by the end of next week", date(2026, 1, 9)),
        ("mid next week", WED, "mid next week", date(2025, 11, 19)),
        ("mid-next week", NYE, "mid-next week", date(2026, 1, 7)),
        ("the week after next", WED, "the week after next", date(2025, 11, 24)),
    ],
)
def test_weeks_and_weekends(sentence, written_on, text, due):
    check(sentence, written_on, text, due)


@pytest.mark.parametrize(
    ("sentence", "written_on", "text", "due"),
    [
        ("end of the month", WED, "end of the month", date(2025, 11, 30)),
        ("EOM", LEAP, "EOM", LEAP),
        ("end of month", NYE, "end of month", NYE),
        ("by the end of this month", JAN31, "by the end of this month", JAN31),
        ("end of next month", WED, "end of next month", date(2025, 12, 31)),
        ("end of next month", NYE, "end of next month", date(2026, 1, 31)),
        ("end of next month", JAN31, "end of next month", date(2025, 2, 28)),
        ("end of next month", date(2028, 1, 15), "end of next month", LEAP),
        ("end of next month", date(2025, 2, 28), "end of next month", date(2025, 3, 31)),
        ("next month", WED, "next month", date(2025, 12, 31)),  # its last day
        ("next month", NYE, "next month", date(2026, 1, 31)),
        ("early next month", JAN31, "early next month", date(2025, 2, 1)),
        ("end of Q1", WED, "end of Q1", date(2026, 3, 31)),  # past: next year's
        ("end of Q4", WED, "end of Q4", date(2025, 12, 31)),
        ("end of Q4", NYE, "end of Q4", NYE),
        ("by the end of Q3", date(2025, 9, 30), "by the end of Q3", date(2025, 9, 30)),
        ("end of Q2", LEAP, "end of Q2", date(2028, 6, 30)),
        ("end of Q1 2027", WED, "end of Q1 2027", date(2027, 3, 31)),
        ("end of the second quarter", WED, "end of the second quarter", date(2026, 6, 30)),
        ("end of the quarter", WED, "end of the quarter", date(2025, 12, 31)),
        ("by the end of the year", WED, "by the end of the year", date(2025, 12, 31)),
    ],
)
def test_months_and_quarters(sentence, written_on, text, due):
    check(sentence, written_on, text, due)


@pytest.mark.parametrize(
    ("sentence", "written_on", "text", "due"),
    [
        ("by Dec 3", WED, "by Dec 3", date(2025, 12, 3)),
        ("December 3rd", WED, "December 3rd", date(2025, 12, 3)),
        ("Dec. 3", WED, "Dec. 3", date(2025, 12, 3)),
        ("3 December", WED, "3 December", date(2025, 12, 3)),
        ("on the 3rd of December", WED, "on the 3rd of December", date(2025, 12, 3)),
        ("Dec 3", NYE, "Dec 3", date(2026, 12, 3)),  # past this year: next year
        ("Nov 12", WED, "Nov 12", WED),  # today is not past
        ("until Nov 11", WED, "until Nov 11", date(2026, 11, 11)),
        ("Jan 1", NYE, "Jan 1", date(2026, 1, 1)),
        ("Feb 29", WED, "Feb 29", LEAP),  # the next leap year
        ("by Feb 29", LEAP, "by Feb 29", LEAP),
        ("Dec 3, 2027", WED, "Dec 3, 2027", date(2027, 12, 3)),
        ("3 December 2024", WED, "3 December 2024", date(2024, 12, 3)),  # a year is as given
        ("3 May works for me", WED, "3 May", date(2026, 5, 3)),
        ("by Friday, Dec 5", WED, "by Friday, Dec 5", date(2025, 12, 5)),
        ("12/3", WED, "12/3", date(2025, 12, 3)),  # US order: month/day
        ("by 1/2", NYE, "by 1/2", date(2026, 1, 2)),
        ("12/3/2024", WED, "12/3/2024", date(2024, 12, 3)),
        ("12/3/25", WED, "12/3/25", date(2025, 12, 3)),
        ("2025-12-03", WED, "2025-12-03", date(2025, 12, 3)),
        ("before 2026-01-15", NYE, "before 2026-01-15", date(2026, 1, 15)),
        ("due on the 14th", WED, "due on the 14th", date(2025, 11, 14)),
        ("the 12th", WED, "the 12th", WED),  # on or after the day of writing
        ("by the 10th", WED, "by the 10th", date(2025, 12, 10)),
        ("the 5th", NYE, "the 5th", date(2026, 1, 5)),
        ("on the 31st", date(2025, 4, 5), "on the 31st", date(2025, 5, 31)),  # April has none
        ("the 30th", LEAP, "the 30th", date(2028, 3, 30)),
        ("the 29th", LEAP, "the 29th", LEAP),
        ("Friday the 14th", WED, "Friday the 14th", date(2025, 11, 14)),
        ("by May", WED, "by May", date(2026, 5, 1)),
        ("until May", LEAP, "until May", date(2028, 5, 1)),
        ("in March", WED, "in March", date(2026, 3, 31)),
        ("by the end of March", NYE, "by the end of March", date(2026, 3, 31)),
        ("end of May", date(2025, 5, 20), "end of May", date(2025, 5, 31)),
        ("by November", WED, "by November", WED),  # the current month, never a past day
        ("mid-May", WED, "mid-May", date(2026, 5, 15)),
        ("early June", WED, "early June", date(2026, 6, 1)),
    ],
)
def test_explicit_dates(sentence, written_on, text, due):
    check(sentence, written_on, text, due)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("I'll get to it soon", "soon"),
        ("Please reply ASAP.", "ASAP"),
        ("as soon as possible", "as soon as possible"),
        ("I'll write shortly", "shortly"),
        ("at some point", "at some point"),
        ("I'll do it when I can", "when I can"),
        ("in the coming weeks", "in the coming weeks"),
        ("in a few days", "in a few days"),
    ],
)
def test_vague_phrases_have_no_date(sentence, text):
    check(sentence, WED, text, None)


@pytest.mark.parametrize(
    ("sentence", "written_on", "text", "due"),
    [
        ("ASAP, by Friday at the latest", WED, "by Friday", date(2025, 11, 14)),  # resolvable wins
        ("sometime next week", WED, "next week", date(2025, 11, 21)),
        ("Today I said Friday", WED, "Today", WED),  # the first one
        ("We may go to the beach this weekend", WED, "this weekend", date(2025, 11, 16)),
        ("we march on the 3rd", WED, "on the 3rd", date(2025, 12, 3)),
    ],
)
def test_which_phrase_wins(sentence, written_on, text, due):
    check(sentence, written_on, text, due)


@pytest.mark.parametrize(
    "sentence",
    [
        "we will talk",
        "I may call",
        "May I call you?",
        "the march of time",
        "we march on",
        "These 3 may need help",
        "I sat in the sun",
        "we lay on sun loungers",
        "we wed in a small chapel",
        "Mondays are hard",
        "last Friday was fun",
        "every Monday we swim",
        "At the end of the day, it's your call.",
        "corn on the cob",
        "his 14th birthday",
        "the 21st century",
        "add 1/2 cup of sugar",
        "I'd rate it 7/10",
        "I haven't seen her in weeks",
        "Feb 30",
        "Thanks so much for dinner, it was lovely.",
        "",
    ],
)
def test_not_due_dates(sentence):
    assert find_due(sentence, WED) is None


def test_phrase_is_a_frozen_value():
    found = find_due("by Friday", WED)
    assert found == DuePhrase("by Friday", 0, 9, date(2025, 11, 14))
    with pytest.raises(AttributeError):
        found.due = WED  # type: ignore[misc]


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@given(
    written_on=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    weekday=st.integers(min_value=0, max_value=6),
    spelling=st.sampled_from([str, str.lower, str.upper, lambda name: name[:3]]),
)
def test_by_weekday_is_one_to_seven_days_later(written_on, weekday, spelling):
    name = spelling(WEEKDAYS[weekday])
    found = find_due(f"Please send it by {name}.", written_on)
    assert found is not None
    assert found.text == f"by {name}"
    assert 1 <= (found.due - written_on).days <= 7
    assert found.due.weekday() == weekday
    assert found.due - written_on == timedelta(days=(weekday - written_on.weekday() - 1) % 7 + 1)


VOCABULARY = (
    "by on the of in a an this next end week weekend month day today tomorrow Friday fri sat "
    "sun may March Dec 3 14th 12/3 1/2 2025-12-03 two weeks days hours 48 soon ASAP at last "
    "every mid early later close business EOD cob Q1 quarter year from now we will call "
    "Mon Tues weds thu within couple of first thing due until middle beginning during eow eom "
    "eoy tonight tmrw a.s.a.p sometime shortly when I can fortnight or so 5 2-3 Sept. 2027 "
    "21st century mid-May birthday this coming"
)
WORDS = VOCABULARY.split()


@settings(max_examples=500)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.sampled_from([" ", ", ", "-", ". "]))
def test_fast_scan_matches_a_plain_regex_scan(words, separator):
    # find_due only tries the big pattern at known first words; it must miss nothing.
    sentence = separator.join(words)
    expected = [(m.span(), m.lastgroup) for m in _PHRASE.finditer(sentence)]
    assert [(m.span(), m.lastgroup) for m in _phrases(sentence)] == expected
    found = find_due(sentence, WED)
    if found is not None:
        assert sentence[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("sentence", "written_on", "text", "due"),
    [
        ("I'll meet him Thursday week.", WED, "Thursday week", date(2025, 11, 20)),
        ("Collect tins before Easter.", WED, "before Easter", date(2026, 4, 5)),
        ("Cards by Christmas Eve.", WED, "by Christmas Eve", date(2025, 12, 24)),
        ("Finish it by Christmas.", NYE, "by Christmas", date(2026, 12, 25)),
        ("Send it by EOD tmrw.", WED, "by EOD tmrw", date(2025, 11, 13)),
    ],
)
def test_british_weeks_feasts_and_end_of_tomorrow(sentence, written_on, text, due):
    check(sentence, written_on, text, due)
