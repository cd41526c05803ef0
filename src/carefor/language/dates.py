"""When is something due? Find a due-date phrase in one sentence and resolve it to a date.

Pure and explainable: one regular expression (compiled once) finds the phrases, and plain
``datetime`` arithmetic resolves them against the day the message was written (``written_on``).
Weeks start on Monday. Matching ignores case and only ever takes whole words.

Which phrase wins: the first phrase in the sentence that resolves to a date; when several
phrases start at the same place, the longest, most specific reading wins ("by Friday, Dec 5"
is the 5th of December, not just "Friday"). A vague phrase ("ASAP") is returned, with
``due=None``, only when nothing in the sentence resolves ("ASAP, by Friday at the latest" is
due Friday).

Any phrase below may start with "by", "on", "before", "until"/"till", "due (on/by)",
"no later than" or "first thing (on)"; the word is kept in ``DuePhrase.text``.

=======================================================  =========================================
Phrase (examples)                                        Resolves to
=======================================================  =========================================
today, tonight, this evening/afternoon/morning,          ``written_on``
later today, end of (the) day, end of today, EOD, EOB,
COB, close of business, by the end of the day
tomorrow, tmrw                                           +1 day
(the) day after tomorrow                                 +2 days
in a couple of days, in two days, within 48 hours        +2 days
in/within (the next) N days (digits, a/one..ten)         +N days; "2-3 days", "a day or two" take
                                                         the later end
in/within N hours                                        +N // 24 days (so "in an hour" is today)
in a week, in one week                                   +7 days
in two weeks, in 2 weeks, in a fortnight                 +14 days
in N weeks                                               +7N days
in a month / in N months / in a year                     same day N months (12) on, clamped to
                                                         the month's last day (Jan 31 -> Feb 28)
N days/weeks/months from now (from today)                as "in N ..."
<weekday>, by/on/before/until <weekday>,                 next such weekday STRICTLY after
this coming <weekday>, first thing <weekday>             written_on (1..7 days on)
this <weekday>                                           that weekday in the current week if it
                                                         is today or later, else the next one
next <weekday>                                           that weekday in NEXT calendar week
Mon/Tue/Wed/Thu/Fri/Sat/Sun (abbreviations)              as the full name, but only after one of
                                                         the words above or this/next, and not
                                                         followed by an unrelated word
                                                         ("on sun loungers" is not a date)
end of (the/this) week, EOW, this week,                  Friday of the current week; written on
later this week, later in the week                       Saturday or Sunday: next Friday
the weekend, this weekend                                Sunday of the current week
next weekend                                             the weekend above + 7 days
next week, any day next week                             Friday of next week (a span: its end)
early next week, start of next week                      Monday of next week
mid next week, middle of next week                       Wednesday of next week
end of next week, late(r) next week                      Friday of next week
the week after next                                      Monday of the week after next
end of (the/this) month, EOM, month end,                 last day of the current month
later this month
next month, late next month                              last day of next month (a span: its end)
early next month, start of next month                    1st of next month
mid next month                                           15th of next month
end of next month                                        last day of next month
end of Q1/Q2/Q3/Q4 (or "first..fourth quarter")          Mar 31/Jun 30/Sep 30/Dec 31 this year;
                                                         next year if already past; an explicit
                                                         year ("end of Q1 2027") is used as given
end of the quarter                                       last day of the current quarter
end of (the/this) year, EOY, year end                    Dec 31 of the current year
Dec 3, December 3rd, Dec. the 3rd, 3 December,           that date this year; next year if already
3rd of December, Friday, Dec 5                           past (today counts); Feb 29 goes to the
                                                         next leap year; an explicit year is used
                                                         as given; impossible dates are no date
12/3, 12/3/2025, 12/3/25                                 US order: month/day. Without a year or a
                                                         leading word, a fraction or score look
                                                         (1/2, 3/4, 7/10: month < day <= 10) is
                                                         not read as a date
2025-12-03, 2025/12/03                                   that date
the 14th, on the 14th, by 14th, Friday the 14th,         the next date with that day number on or
the 14th of the month                                    after written_on (months without it are
                                                         skipped: the 31st on Apr 5 is May 31)
by/before/until <Month>, start of/early <Month>          1st of the month's next occurrence (the
                                                         current month counts, then it is no
                                                         earlier than written_on)
mid(-)<Month>, middle of <Month>                         15th, likewise
in/during <Month>, end of/late <Month>                   last day of the month, likewise
soon, ASAP, as soon as possible, shortly, at some        DuePhrase with ``due=None``
point, when I/you/we can, when you get a chance,
in the coming/next few days/weeks/months, in a few
days/weeks, sometime, eventually, in due course,
at your (earliest) convenience, before long, in a while
=======================================================  =========================================

Not dates: "we", "may", "march", "sun", "sat", "wed" outside a date pattern ("I may call",
"the march of time", "I sat in the sun"); a month name needs a day number or a leading
by/in/until/before/during/end of/early/mid/late; "last/past/every/previous Friday" (not a
deadline); "at the end of the day" (the idiom); "corn on the cob"; "his 14th birthday";
"these 3 may need..." (a bare number, then "may"/"march" and a word like "need", "be", "on"
reads as the verb).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DuePhrase", "find_due"]


@dataclass(frozen=True)
class DuePhrase:
    """A due-date phrase as written in a sentence, and the date it means."""

    text: str  # the exact phrase as written, e.g. "by Friday", "end of the month"
    start: int  # character offsets in the sentence: sentence[start:end] == text
    end: int
    due: date | None  # resolved date, None if the phrase is too vague to resolve


# --- Vocabulary -------------------------------------------------------------------------------

_WD_FULL = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Longer spellings first so the alternation never settles for a prefix ("thu" in "thurs").
_WD_ABBR = r"tues|tue|weds|wed|thurs|thur|thu|mon|fri|sat|sun"
_WD_ANY = rf"(?:{_WD_FULL}|{_WD_ABBR})"
_MONTH = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_WEEKDAY_NUMBER = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_MONTH_NUMBER = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple": 2, "so": 1,
}  # fmt: skip
_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_QUARTER_WORDS |= {"fourth": 4, "4th": 4}

# Words that may lead any phrase; kept in the phrase text because they are part of what was
# written ("by Friday"), and they make abbreviations and bare numbers safe to read as dates.
_LEAD = (
    r"(?:no\s+later\s+than|not\s+later\s+than|first\s+thing(?:\s+on)?"
    r"|due(?:\s+(?:on|by|before))?|by|on|before|until|till|til)"
)
_P = rf"(?:{_LEAD}\s+)?"
# A weekday in front of an explicit date only adds certainty: "Friday, Dec 5", "Fri 5th".
_W = rf"(?:{_WD_ANY}\.?,?\s+(?:the\s+)?)?"
_YEAR = r"(?:19|20|21)\d\d"
_QTY = r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|(?:a\s+)?couple(?:\s+of)?"
_UNIT = r"days?|weeks?|fortnights?|months?|years?|hours?|hrs?"
# An ordinal day followed by one of these is a rank, not a date: "his 14th birthday".
_NOT_A_DAY = (
    r"century|centuries|times?|floor|birthday|anniversary|place|edition|grade|amendment|row"
    r"|round|percentile|attempt|person|people|ones?|item|hole|street|st|avenue|ave|of"
)

# Each alternative is a named group; ``Match.lastgroup`` is then the outer group's name, which
# picks the resolver. Order matters: at one starting point the first alternative that matches
# wins, so longer, more specific readings come first.
_ALTERNATIVES = (
    ("iso", rf"{_P}(?P<iso_y>\d{{4}})(?P<iso_s>[-/])(?P<iso_m>\d{{1,2}})(?P=iso_s)"
            rf"(?P<iso_d>\d{{1,2}})(?![\d/])"),
    ("md", rf"{_P}{_W}(?P<md_mon>{_MONTH})\.?\s+(?:the\s+)?(?P<md_day>\d{{1,2}})"
           rf"(?:st|nd|rd|th)?\b(?!:\d|\s*%)(?:,?\s+(?P<md_year>{_YEAR})\b)?"),
    ("dm", rf"(?P<dm_lead>{_LEAD}\s+)?{_W}(?:the\s+)?(?P<dm_day>\d{{1,2}})"
           rf"(?P<dm_ord>st|nd|rd|th)?(?P<dm_of>\s+of)?\s+(?P<dm_mon>{_MONTH})\b"
           rf"(?:,?\s+(?P<dm_year>{_YEAR})\b)?"),
    ("slash", rf"(?P<sl_lead>{_LEAD}\s+|{_WD_ANY}\.?,?\s+)?(?<![/.\d])(?P<sl_m>\d{{1,2}})/"
              rf"(?P<sl_d>\d{{1,2}})(?:/(?P<sl_y>\d{{4}}|\d{{2}}))?(?![/\d]|\.\d)"),
    ("dom", rf"(?:{_LEAD}\s+(?:{_WD_ANY},?\s+)?(?:the\s+)?|(?:{_WD_ANY},?\s+)?the\s+"
            rf"|(?:{_WD_FULL}),?\s+)(?P<dom_day>\d{{1,2}})(?:st|nd|rd|th)\b"
            rf"(?:\s+of\s+(?:the|this)\s+month\b)?(?!\s+(?:{_NOT_A_DAY})\b)"),
    ("rel", rf"(?:in|within)\s+(?P<rel_next>the\s+next\s+)?(?:(?P<rel_q1>{_QTY})"
            rf"(?:\s*(?:-|\u2013|to|or)\s*(?P<rel_q2>{_QTY}))?\s+)?(?P<rel_unit>{_UNIT})\b"
            rf"(?:\s+or\s+(?P<rel_or>two|2|three|3|so)\b)?"),
    ("from_now", rf"(?P<fn_q>{_QTY})\s+(?P<fn_unit>{_UNIT})\s+from\s+(?:now|today)\b"),
    ("after_tomorrow", rf"{_P}(?:the\s+)?day\s+after\s+tomorrow\b"),
    ("tomorrow", rf"{_P}(?:(?:eod|eob|cob|(?:the\s+)?end\s+of\s+(?:the\s+)?day)\s+)?"
                 r"(?:tomorrow|tmrw)\b"),
    # "At the end of the day" is the idiom for "ultimately", not a deadline.
    ("today", rf"{_P}(?:(?<!\bat\s)(?<!\bat\sthe\s)(?:the\s+)?(?:end|close)[\s-]+of[\s-]+"
              r"(?:the\s+)?(?:business\s+|work(?:ing)?\s+)?day|end\s+of\s+today"
              r"|close\s+of\s+(?:business|play)|end\s+of\s+business|today|tonight"
              r"|this\s+(?:evening|afternoon|morning)|later\s+today|eod|eob"
              r"|(?<!\bthe\s)(?<!\bcorn\s)cob)\b"),
    # "Thursday week": a week after the coming Thursday (British).
    ("weekday_week", rf"{_P}(?P<ww_day>{_WD_FULL})\s+week\b"),
    # Feasts with a fixed rule: Easter (Western), Christmas, New Year.
    ("feast", rf"{_P}(?P<fe_name>easter(?:\s+sunday)?|christmas\s+eve|christmas(?:\s+day)?"
              r"|boxing\s+day|new\s+year'?s\s+eve|new\s+year'?s(?:\s+day)?)\b"),
    # Weekday names: "last Friday" and "every Friday" are not deadlines.
    ("weekday", rf"(?<!\blast\s)(?<!\bpast\s)(?<!\bevery\s)(?<!\bprevious\s){_P}"
                rf"(?:(?P<wd_mod>this\s+coming|this|next|coming)\s+)?(?P<wd_day>{_WD_FULL})\b"),
    # Abbreviations are also English words ("sun", "sat", "wed"), so they need a leading word
    # and must not run into an unrelated word ("on sun loungers").
    ("weekday_abbr", rf"(?=(?:{_LEAD}|this|next|coming)\s)(?<!\blast\s){_P}"
                     rf"(?:(?P<wa_mod>this\s+coming|this|next|coming)\s+)?"
                     rf"(?P<wa_day>{_WD_ABBR})\b(?![-'\u2019])"
                     r"(?!\s+(?!(?:at|or|and|am|pm|morning|afternoon|evening|night|eve|please"
                     r"|latest|the\s+latest|eod|cob|eob|noon)\b)[a-z])"),
    ("end_next_week", rf"{_P}(?:(?:the\s+)?(?:end|close)\s+of\s+next\s+week"
                      r"|later?\s+next\s+week)\b"),
    ("mid_next_week", rf"{_P}(?:mid[\s-]*next\s+week|(?:the\s+)?middle\s+of\s+next\s+week)\b"),
    ("week_after_next", rf"{_P}the\s+week\s+after\s+next\b"),
    ("early_next_week", rf"{_P}(?:early\s+|(?:the\s+)?(?:start|beginning)\s+of\s+)next\s+week\b"),
    ("next_week", rf"{_P}(?:any\s+day\s+)?next\s+week\b"),
    ("end_of_week", rf"{_P}(?:(?:the\s+)?(?:end|close)[\s-]+of[\s-]+(?:the\s+|this\s+)?"
                    r"(?:work\s*)?week|eow|later\s+(?:this|in\s+the)\s+week"
                    r"|(?<!\bearlier\s)this\s+week)\b"),
    ("next_weekend", rf"{_P}next\s+weekend\b"),
    ("weekend", rf"{_P}(?:the|this)\s+weekend\b"),
    ("end_next_month", rf"{_P}(?:the\s+)?(?:end|close)\s+of\s+next\s+month\b"),
    ("mid_next_month", rf"{_P}(?:mid[\s-]*next\s+month|(?:the\s+)?middle\s+of\s+next\s+month)\b"),
    ("early_next_month", rf"{_P}(?:early\s+|(?:the\s+)?(?:start|beginning)\s+of\s+)next\s+month\b"),
    ("next_month", rf"{_P}(?:late\s+)?next\s+month\b"),
    ("end_of_month", rf"{_P}(?:(?:the\s+)?(?:end|close)[\s-]+of[\s-]+(?:the\s+|this\s+)?month"
                     r"|eom|month[\s-]end|later\s+this\s+month)\b"),
    ("quarter", rf"{_P}(?:the\s+)?end\s+of\s+(?:q(?P<q_n>[1-4])|(?:the\s+)?"
                r"(?P<q_word>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\b"
                rf"(?:\s+(?P<q_year>{_YEAR})\b)?"),
    ("this_quarter", rf"{_P}(?:the\s+)?end\s+of\s+(?:the|this)\s+quarter\b"),
    ("end_of_year", rf"{_P}(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year|eoy|year[\s-]end)\b"),
    # A month name alone is only a date with a word that makes it one: "by May", "end of March".
    ("month", r"(?:(?:by|until|till|before|in|during)\s+)?(?:(?:the\s+)?"
              r"(?P<mo_of>end|close|start|beginning|middle)\s+of\s+|(?P<mo_adj>early|mid|late)"
              r"[\s-]*|(?P<mo_lead>by|until|till|before|in|during)\s+)"
              rf"(?P<mo_mon>{_MONTH})\b(?!-)(?:,?\s+(?P<mo_year>{_YEAR})\b)?"),
    ("vague", r"(?:asap|a\.s\.a\.p|as\s+soon\s+as\s+(?:possible|(?:you|i|we)\s+can)"
              r"|(?<!\bas\s)soon|shortly|at\s+some\s+point|when\s+(?:i|you|we)\s+(?:can"
              r"|get\s+(?:a|the)\s+chance)|in\s+the\s+(?:coming|next\s+few)\s+"
              r"(?:days|weeks|months)|in\s+a\s+few\s+(?:days|weeks|months)|sometime"
              r"|eventually|in\s+due\s+course|at\s+your\s+(?:earliest\s+)?convenience"
              r"|before\s+long|in\s+a\s+(?:little\s+)?while)\b"),
)  # fmt: skip

_PHRASE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{body})" for name, body in _ALTERNATIVES) + ")",
    re.IGNORECASE,
)

_WORD = re.compile(r"\w+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Every word a phrase can start with (the first word of each alternative above, lower case).
# Trying the big pattern only at these words, instead of at every word boundary, is what makes
# extraction fast; tests check that the result equals a plain ``_PHRASE.finditer``.
_STARTERS = (
    _words(
        "no not first due by on before until till til"  # _LEAD
        " the day tomorrow tmrw end close today tonight this later eod eob cob next coming"
        " early start beginning middle late eow eom eoy month year weekend in within during"
        " a an one two three four five six seven eight nine ten couple"
        " asap as soon shortly at when sometime eventually"
    )
    | _words(_WD_FULL.replace("|", " "))
    | _words(_WD_ABBR.replace("|", " "))
    | _words(_MONTH.replace("|", " "))
)


def _phrases(sentence: str) -> Iterator[re.Match[str]]:
    """The same matches as ``_PHRASE.finditer(sentence)``, tried only where a phrase can start."""
    resume = 0
    match = _PHRASE.match
    for word in _WORD.finditer(sentence):
        start = word.start()
        if start < resume:
            continue  # inside the previous phrase: matches never overlap, as with finditer
        key = word.group().lower()
        # Digits start dates and counts; "mid" glues onto its word ("midMay", "mid-next").
        if key in _STARTERS or key[0].isdigit() or key.startswith("mid"):
            m = match(sentence, start)
            if m is not None:
                resume = m.end()
                yield m


# --- Date arithmetic --------------------------------------------------------------------------


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _end_of_month(day: date) -> date:
    return _last_day(day.year, day.month)


def _add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _end_of_week(day: date) -> date:
    # On a weekend the working week is over, so "end of the week" means the coming Friday.
    friday = _monday(day) + timedelta(days=4)
    return friday if day.weekday() <= 4 else friday + timedelta(days=7)


def _weekend(day: date) -> date:
    # A span's due date is its last day: the weekend ends on Sunday (docs/labelling.md).
    return _monday(day) + timedelta(days=6)


def _weekday(day: date, weekday: int, modifier: str | None) -> date:
    mod = " ".join(modifier.lower().split()) if modifier else ""
    if mod == "next":
        return _monday(day) + timedelta(days=7 + weekday)
    if mod == "this":
        candidate = _monday(day) + timedelta(days=weekday)
        return candidate if candidate >= day else candidate + timedelta(days=7)
    # Plain, "by", "coming", "this coming": strictly after the day of writing, 1..7 days on.
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def _month_day(day: date, month: int, dom: int, year: str | None) -> date | None:
    """An explicit month and day: this year's unless past, or as given with a year."""
    if year is not None:
        try:
            return date(int(year), month, dom)
        except ValueError:
            return None
    if dom > calendar.monthrange(2000, month)[1]:  # 2000 is a leap year: the longest month
        return None
    # Feb 29 can be up to eight years off (1896 -> 1904 skip a leap year), so look that far.
    for candidate_year in range(day.year, day.year + 9):
        if dom <= calendar.monthrange(candidate_year, month)[1]:
            candidate = date(candidate_year, month, dom)
            if candidate >= day:
                return candidate
    return None


def _count(text: str | None) -> int:
    if text is None:
        return 1
    word = text.lower().split()[-1] if not text.isdigit() else text
    if word == "of":  # "a couple of"
        return 2
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


def _shift(day: date, amount: int, unit: str) -> date:
    unit = unit.lower()
    if unit.startswith("day"):
        return day + timedelta(days=amount)
    if unit.startswith("week"):
        return day + timedelta(days=7 * amount)
    if unit.startswith("fortnight"):
        return day + timedelta(days=14 * amount)
    if unit.startswith("month"):
        return _add_months(day, amount)
    if unit.startswith("year"):
        return _add_months(day, 12 * amount)
    # Hours: a deadline in hours lands on the day those hours run out, counted in whole days.
    return day + timedelta(days=amount // 24)


# --- Resolvers: one per alternative; None means "matched, but not a date after all" ---------

_Resolver = Callable[[re.Match[str], date], date | None]


def _iso(m: re.Match[str], day: date) -> date | None:
    try:
        return date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
    except ValueError:
        return None


def _md(m: re.Match[str], day: date) -> date | None:
    return _month_day(day, _MONTH_NUMBER[m["md_mon"][:3].lower()], int(m["md_day"]), m["md_year"])


_NEXT_WORD = re.compile(r"\s+(\w+)")
# Words that follow the verbs "may" and "march" but never a date: "these 3 may need help".
_AFTER_THE_VERB = _words(
    "be been not have need want also still take get go come help use only well never just"
    " already like find see know feel seem look make try call ask change vary apply affect"
    " include require cause prove on in into through to across off out forward back down up"
    " along together"
)


def _dm(m: re.Match[str], day: date) -> date | None:
    month_word = m["dm_mon"].lower()
    plain = not (m["dm_lead"] or m["dm_ord"] or m["dm_of"] or m["dm_year"])
    # "These 3 may need..." / "we 2 march on": with nothing else marking a date, "may" and
    # "march" followed by another word are the verbs.
    if plain and month_word in {"may", "march", "mar"}:
        following = _NEXT_WORD.match(m.string, m.end())
        if following is not None and following[1].lower() in _AFTER_THE_VERB:
            return None
    return _month_day(day, _MONTH_NUMBER[month_word[:3]], int(m["dm_day"]), m["dm_year"])


def _slash(m: re.Match[str], day: date) -> date | None:
    month, dom, year = int(m["sl_m"]), int(m["sl_d"]), m["sl_y"]
    if not 1 <= month <= 12:
        return None
    if year is None and m["sl_lead"] is None and month < dom <= 10:
        return None  # 1/2, 3/4, 7/10: a fraction or a score, not a date
    if year is not None and len(year) == 2:
        year = f"20{year}"
    return _month_day(day, month, dom, year)


def _dom(m: re.Match[str], day: date) -> date | None:
    dom = int(m["dom_day"])
    if not 1 <= dom <= 31:
        return None
    year, month = day.year, day.month
    if dom < day.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    # Skip months that lack the day (the 31st in April) rather than clamping: the writer named
    # a day, and the next month that has it is the one they can mean.
    while dom > calendar.monthrange(year, month)[1]:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return date(year, month, dom)


def _rel(m: re.Match[str], day: date) -> date | None:
    if m["rel_q1"] is None and m["rel_next"] is None:
        return None  # "in weeks" / "in days": a duration, not a deadline
    amount = _count(m["rel_q1"])
    if m["rel_q2"] is not None:
        amount = max(amount, _count(m["rel_q2"]))
    if m["rel_or"] is not None and m["rel_or"].lower() != "so":
        amount = max(amount, _count(m["rel_or"]))
    return _shift(day, amount, m["rel_unit"])


def _from_now(m: re.Match[str], day: date) -> date | None:
    return _shift(day, _count(m["fn_q"]), m["fn_unit"])


def _quarter(m: re.Match[str], day: date) -> date | None:
    quarter = int(m["q_n"]) if m["q_n"] else _QUARTER_WORDS[m["q_word"].lower()]
    if m["q_year"] is not None:
        return _last_day(int(m["q_year"]), quarter * 3)
    end = _last_day(day.year, quarter * 3)
    return end if end >= day else _last_day(day.year + 1, quarter * 3)


def _month(m: re.Match[str], day: date) -> date | None:
    month = _MONTH_NUMBER[m["mo_mon"][:3].lower()]
    explicit = m["mo_year"]
    year = int(explicit) if explicit else day.year if month >= day.month else day.year + 1
    word = (m["mo_of"] or m["mo_adj"] or m["mo_lead"]).lower()
    if word in {"middle", "mid"}:
        resolved = date(year, month, 15)
    elif word in {"end", "close", "late", "in", "during"}:
        resolved = _last_day(year, month)
    else:  # by, until, till, before, start, beginning, early
        resolved = date(year, month, 1)
    # The current month counts as the month meant, but never as a date already gone.
    return resolved if explicit or resolved >= day else day


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _feast(m: re.Match[str], day: date) -> date:
    """The next such feast on or after the day of writing."""
    name = m["fe_name"].lower()

    def on(year: int) -> date:
        if name.startswith("easter"):
            return _easter(year)
        if name.startswith("christmas eve"):
            return date(year, 12, 24)
        if name.startswith("christmas"):
            return date(year, 12, 25)
        if name.startswith("boxing"):
            return date(year, 12, 26)
        if "eve" in name:
            return date(year, 12, 31)
        return date(year + 1, 1, 1) if date(year, 1, 1) < day else date(year, 1, 1)

    found = on(day.year)
    return found if found >= day else on(day.year + 1)


def _fixed(compute: Callable[[date], date]) -> _Resolver:
    return lambda m, day: compute(day)


_RESOLVERS: dict[str, _Resolver] = {
    "iso": _iso,
    "md": _md,
    "dm": _dm,
    "slash": _slash,
    "dom": _dom,
    "rel": _rel,
    "from_now": _from_now,
    "after_tomorrow": _fixed(lambda d: d + timedelta(days=2)),
    "tomorrow": _fixed(lambda d: d + timedelta(days=1)),
    "today": _fixed(lambda d: d),
    "weekday_week": lambda m, d: (
        _weekday(d, _WEEKDAY_NUMBER[m["ww_day"][:3].lower()], None) + timedelta(days=7)
    ),
    "feast": _feast,
    "weekday": lambda m, d: _weekday(d, _WEEKDAY_NUMBER[m["wd_day"][:3].lower()], m["wd_mod"]),
    "weekday_abbr": lambda m, d: _weekday(d, _WEEKDAY_NUMBER[m["wa_day"][:3].lower()], m["wa_mod"]),
    "end_next_week": _fixed(lambda d: _monday(d) + timedelta(days=11)),
    "mid_next_week": _fixed(lambda d: _monday(d) + timedelta(days=9)),
    "week_after_next": _fixed(lambda d: _monday(d) + timedelta(days=14)),
    "early_next_week": _fixed(lambda d: _monday(d) + timedelta(days=7)),
    "next_week": _fixed(lambda d: _monday(d) + timedelta(days=11)),
    "end_of_week": _fixed(_end_of_week),
    "next_weekend": _fixed(lambda d: _weekend(d) + timedelta(days=7)),
    "weekend": _fixed(_weekend),
    "end_next_month": _fixed(lambda d: _end_of_month(_add_months(d.replace(day=1), 1))),
    "mid_next_month": _fixed(lambda d: _add_months(d.replace(day=15), 1)),
    "early_next_month": _fixed(lambda d: _add_months(d.replace(day=1), 1)),
    "next_month": _fixed(lambda d: _end_of_month(_add_months(d.replace(day=1), 1))),
    "end_of_month": _fixed(_end_of_month),
    "quarter": _quarter,
    "this_quarter": _fixed(lambda d: _last_day(d.year, (d.month - 1) // 3 * 3 + 3)),
    "end_of_year": _fixed(lambda d: date(d.year, 12, 31)),
    "month": _month,
}


def find_due(sentence: str, written_on: date) -> DuePhrase | None:
    """The first/most specific due-date phrase in the sentence, resolved against the message date.

    The first phrase that resolves to a date wins; a vague phrase (``due=None``) is returned
    only when no phrase in the sentence resolves. None when there is no due-date phrase at all.
    """
    vague: DuePhrase | None = None
    for m in _phrases(sentence):
        kind = m.lastgroup
        if kind == "vague":
            if vague is None:
                vague = DuePhrase(m.group(), m.start(), m.end(), None)
            continue
        assert kind is not None  # every alternative is a named group
        due = _RESOLVERS[kind](m, written_on)
        if due is not None:
            return DuePhrase(m.group(), m.start(), m.end(), due)
    return vague
