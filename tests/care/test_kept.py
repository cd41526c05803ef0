"""The person page asks first which sections hold anything about a person (kept.py) and
skips the rest: each section is found when, and only when, something is kept in it, and
skipping never changes what the page shows."""

import re
from datetime import date, timedelta

import pytest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from carefor.care.capture import note_capture
from carefor.care.coverage import carer_add
from carefor.care.follow_ups import follow_up_add, life_event_add
from carefor.care.help import help_add
from carefor.care.introductions import intro_propose
from carefor.care.kept import SECTIONS, kept_about
from carefor.care.matters import matter_add
from carefor.care.services import commitment_add
from carefor.conversations.models import ReplyTurn
from carefor.people.services import important_date_set
from carefor.web.views import people as people_views
from tests.factories import InteractionFactory, PersonFactory

SOON = date.today() + timedelta(days=5)


def _keep(section, workspace, user, person, other):
    """Keep one thing about `person` that belongs to `section` and to no other."""
    if section == "matters":
        matter_add(workspace=workspace, person=person, author=user, kind="goal", what="a boat")
    elif section == "suggested":
        matter_add(
            workspace=workspace, person=person, author=user, kind="goal", what="a boat",
            state="suggested",
        )  # fmt: skip
    elif section == "follow_ups":
        follow_up_add(workspace=workspace, person=person, owner=user, what="ask", due=SOON)
    elif section == "life_events":
        life_event_add(
            workspace=workspace, person=person, author=user, what="moved house",
            occurs_on=None, follow_up="", follow_up_on=None,
        )  # fmt: skip
    elif section == "commitments":
        commitment_add(workspace=workspace, user=user, person_id=person.pk, what="send", due=SOON)
    elif section == "help":
        help_add(
            workspace=workspace, user=user, giver=other, receiver=person, kind="advice", what="cv"
        )
    elif section == "introductions":
        intro_propose(workspace=workspace, user=user, a=other, b=person)
    elif section == "dates":
        important_date_set(workspace=workspace, person=person, kind="birthday", month=3, day=4)
    elif section == "reply_turns":
        turn = InteractionFactory(workspace=workspace)
        ReplyTurn.objects.create(
            workspace=workspace, side="mine", interaction=turn, person=person,
            thread_key="t", started_at=timezone.now(),
        )  # fmt: skip
    elif section == "carers":
        carer_add(workspace=workspace, person=person, user=user)
    else:  # pragma: no cover - a new section needs a line here
        raise AssertionError(section)


def test_a_person_with_nothing_kept_has_no_sections(workspace):
    assert kept_about(PersonFactory(workspace=workspace)) == frozenset()


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_is_found_alone(workspace, user, section):
    person, other = PersonFactory(workspace=workspace), PersonFactory(workspace=workspace)
    _keep(section, workspace, user, person, other)
    found = kept_about(person)
    # a suggested matter is a matter too; nothing else brings another section along
    assert found == {section} | ({"matters"} if section == "suggested" else set())
    assert kept_about(person, sections=(section,)) == {section}  # asked alone, too
    assert kept_about(other) <= {"help", "introductions"}  # the other side of help or an intro


def _page(client, person) -> str:
    html = client.get(reverse("people:detail", args=[person.pk])).content.decode()
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "(form token)", html)  # a new one on every page


def test_skipping_empty_sections_shows_the_same_page(workspace, user, signed_in, monkeypatch):
    """Every person, page with the probe and page with every section asked for, side by side."""
    people = []
    for i, section in enumerate(SECTIONS):
        person, other = PersonFactory(workspace=workspace), PersonFactory(workspace=workspace)
        _keep(section, workspace, user, person, other)
        if i % 2:  # and some with a second section
            _keep(SECTIONS[(i + 3) % len(SECTIONS)], workspace, user, person, other)
        people += [person, other]
    note_capture(
        workspace=workspace, person=people[0], author=user, visibility="workspace",
        body="She is training for the Berlin marathon in April.",
    )  # fmt: skip
    people.append(PersonFactory(workspace=workspace))  # nothing at all
    probed = [_page(signed_in, p) for p in people]
    monkeypatch.setattr(people_views, "kept_about", lambda person: frozenset(SECTIONS))
    assert [_page(signed_in, p) for p in people] == probed


def test_a_person_with_nothing_kept_costs_fewer_queries(workspace, signed_in, monkeypatch):
    person = PersonFactory(workspace=workspace)
    url = reverse("people:detail", args=[person.pk])
    signed_in.get(url)  # the first view is recorded; later ones fall in its window
    from django.db import connection

    with CaptureQueriesContext(connection) as probed:
        signed_in.get(url)
    monkeypatch.setattr(people_views, "kept_about", lambda person: frozenset(SECTIONS))
    with CaptureQueriesContext(connection) as everything:
        signed_in.get(url)
    assert len(probed) + 6 <= len(everything)
