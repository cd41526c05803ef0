"""Important dates: the next occurrence across year ends and 29 February, and Today's notice."""

from datetime import date

import pytest

from carefor.care.today import today_queue
from carefor.care.today_actions import today_act
from carefor.people.anniversaries import next_occurrence, years_at
from carefor.people.models import ImportantDate
from tests.factories import PersonFactory


@pytest.mark.parametrize(
    ("month", "day", "today", "expected"),
    [
        (3, 14, date(2026, 3, 1), date(2026, 3, 14)),  # later this year
        (3, 14, date(2026, 3, 14), date(2026, 3, 14)),  # today counts
        (3, 14, date(2026, 3, 15), date(2027, 3, 14)),  # passed: next year
        (1, 2, date(2026, 12, 30), date(2027, 1, 2)),  # across the year end
        (12, 31, date(2026, 12, 31), date(2026, 12, 31)),  # new year's eve, on the day
        (12, 31, date(2027, 1, 1), date(2027, 12, 31)),  # the day after
        (1, 1, date(2026, 12, 31), date(2027, 1, 1)),  # tomorrow is next year
        (2, 29, date(2028, 2, 1), date(2028, 2, 29)),  # a leap year keeps the 29th
        (2, 29, date(2026, 2, 1), date(2026, 2, 28)),  # a common year: the 28th
        (2, 29, date(2026, 3, 1), date(2027, 2, 28)),  # passed in a common year
        (2, 29, date(2027, 3, 1), date(2028, 2, 29)),  # next is a leap year again
        (2, 28, date(2028, 2, 28), date(2028, 2, 28)),  # the 28th is not moved
    ],
)
def test_next_occurrence(month, day, today, expected):
    assert next_occurrence(month, day, today=today) == expected


@pytest.mark.parametrize(
    ("occurrence", "since", "expected"),
    [
        (date(2026, 5, 1), 1980, 46),
        (date(2026, 5, 1), None, None),
        (date(2026, 5, 1), 2026, None),  # a year in the future or this year: no count
        (date(2028, 2, 29), 2000, 28),
    ],
)
def test_years_at(occurrence, since, expected):
    assert years_at(occurrence, since) == expected


def _date(workspace, person, month, day, *, kind="birthday", year=None, notice=7):
    return ImportantDate.objects.create(
        workspace=workspace,
        person=person,
        kind=kind,
        month=month,
        day=day,
        year=year,
        notice_days=notice,
    )


def _dates(workspace, user, today):
    return [
        i
        for i in today_queue(workspace=workspace, user=user, today=today).items
        if i.kind == "date"
    ]


@pytest.mark.django_db
def test_today_gives_notice_across_the_year_end(workspace, user):
    ann = PersonFactory(workspace=workspace, name="Ann")
    bo = PersonFactory(workspace=workspace, name="Bo")
    cy = PersonFactory(workspace=workspace, name="Cy")
    _date(workspace, ann, 1, 3, year=1980)  # 5 days after 29 Dec: within notice
    _date(workspace, bo, 1, 10)  # 12 days: outside the default week
    _date(workspace, cy, 1, 10, kind="anniversary", notice=14)  # but Cy's notice is two weeks
    items = _dates(workspace, user, date(2026, 12, 29))
    assert [(i.person, i.due) for i in items] == [
        ("Ann", date(2027, 1, 3)),
        ("Cy", date(2027, 1, 10)),
    ]
    assert items[0].title == "Ann: Birthday (47)"
    assert items[0].why == "Birthday in 5 days, on Sunday 3 January."


@pytest.mark.django_db
def test_29_february_in_common_and_leap_years(workspace, user):
    leap = PersonFactory(workspace=workspace, name="Leap")
    _date(workspace, leap, 2, 29, year=2000)
    (common,) = _dates(workspace, user, date(2027, 2, 27))
    assert common.due == date(2027, 2, 28) and common.why == "Birthday is tomorrow."
    (leap_year,) = _dates(workspace, user, date(2028, 2, 29))
    assert leap_year.due == date(2028, 2, 29) and leap_year.why == "Birthday is today."
    assert leap_year.title == "Leap: Birthday (28)"
    assert _dates(workspace, user, date(2028, 3, 1)) == []


@pytest.mark.django_db
def test_done_hides_this_year_only(workspace, user):
    ann = PersonFactory(workspace=workspace, name="Ann")
    _date(workspace, ann, 6, 10)
    (item,) = _dates(workspace, user, date(2026, 6, 8))
    today_act(
        workspace=workspace,
        user=user,
        kind="date",
        object_id=item.object_id,
        key=item.key,
        action="done",
    )
    assert _dates(workspace, user, date(2026, 6, 9)) == []
    (next_year,) = _dates(workspace, user, date(2027, 6, 8))
    assert next_year.due == date(2027, 6, 10)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("month", "day", "year", "problem"),
    [
        (2, 29, None, None),  # a leap-day birthday with no year is fine
        (2, 29, 2000, None),
        (2, 29, 2001, "29 February 2001 is not a date"),
        (2, 30, None, "There is no 30 February"),
        (4, 31, None, "There is no 31 April"),
        (13, 1, None, "There is no month 13"),
        (12, 31, 1899, "is not a date"),
    ],
)
def test_setting_a_date_checks_it(workspace, month, day, year, problem):
    from carefor.people.services import important_date_set

    ann = PersonFactory(workspace=workspace)
    if problem is None:
        saved = important_date_set(
            workspace=workspace, person=ann, kind="birthday", month=month, day=day, year=year
        )
        assert (saved.month, saved.day, saved.year) == (month, day, year)
    else:
        with pytest.raises(ValueError, match=problem):
            important_date_set(
                workspace=workspace, person=ann, kind="birthday", month=month, day=day, year=year
            )
        assert not ImportantDate.objects.exists()


@pytest.mark.django_db
def test_dates_from_the_person_page(signed_in, workspace):
    from django.urls import reverse

    from tests.helpers import post_with_csrf

    ann = PersonFactory(workspace=workspace, name="Ann")
    page = reverse("people:detail", args=[ann.pk])
    post_with_csrf(
        signed_in, page, reverse("people:date-add", args=[ann.pk]),
        {"kind": "anniversary", "label": "Wedding", "day": "14", "month": "6", "year": "2010"},
    )  # fmt: skip
    saved = ImportantDate.objects.get(person=ann)
    assert (saved.kind, saved.label, saved.month, saved.day, saved.year) == (
        "anniversary", "Wedding", 6, 14, 2010,
    )  # fmt: skip
    html = signed_in.get(page).content.decode()
    assert "Wedding: 14 June" in html
    bad = post_with_csrf(
        signed_in, page, reverse("people:date-add", args=[ann.pk]),
        {"kind": "birthday", "day": "31", "month": "4"}, follow=True,
    )  # fmt: skip
    assert "There is no 31 April" in bad.content.decode()
    other = PersonFactory()  # another workspace's person
    date_elsewhere = ImportantDate.objects.create(
        workspace=other.workspace, person=other, kind="birthday", month=1, day=1
    )
    refused = post_with_csrf(signed_in, page, reverse("date-delete", args=[date_elsewhere.pk]), {})
    assert (
        refused.status_code == 404 and ImportantDate.objects.filter(pk=date_elsewhere.pk).exists()
    )
    post_with_csrf(signed_in, page, reverse("date-delete", args=[saved.pk]), {})
    assert not ImportantDate.objects.filter(pk=saved.pk).exists()
