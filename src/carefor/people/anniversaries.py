"""When a yearly date next comes round. Pure; no Django.

A date on 29 February is kept on 28 February in common years: the day before is the one
most people celebrate, and it keeps the reminder in the right month.
"""

from __future__ import annotations

import calendar
from datetime import date


def occurrence_in(year: int, month: int, day: int) -> date:
    """The date in `year`, moving 29 February to the 28th when the year has none."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def next_occurrence(month: int, day: int, *, today: date) -> date:
    """The first occurrence on or after today (today itself counts)."""
    this_year = occurrence_in(today.year, month, day)
    return this_year if this_year >= today else occurrence_in(today.year + 1, month, day)


def years_at(occurrence: date, since_year: int | None) -> int | None:
    """How many years it will be on that occurrence (an age, years married), if known."""
    if since_year is None or since_year >= occurrence.year:
        return None
    return occurrence.year - since_year
