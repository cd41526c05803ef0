"""Carers and coverage: the individuals nobody is caring for, and who has lost touch."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from carefor.care.coverage import carer_add, carer_remove, coverage, my_people
from carefor.conversations.models import Interaction, Participant
from carefor.conversations.services import interaction_record
from carefor.teams.models import Membership
from tests.factories import PASSWORD, MembershipFactory, PersonFactory, UserFactory
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(workspace):
    return MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user


def _touch(person, kind, days_ago, direction=Interaction.Direction.NONE):
    interaction_record(
        workspace=person.workspace, kind=kind, direction=direction,
        occurred_at=timezone.now() - timedelta(days=days_ago),
        participants=[(person, Participant.Role.ATTENDEE if kind != "message" else
                       Participant.Role.TO, "")],
    )  # fmt: skip


def test_no_carer_out_of_touch_and_load(workspace, user, colleague):
    alone = PersonFactory(workspace=workspace, name="Alone")
    fresh = PersonFactory(workspace=workspace, name="Fresh")
    stale = PersonFactory(workspace=workspace, name="Stale")
    only_their_mail = PersonFactory(workspace=workspace, name="Only Their Mail")
    for p in (fresh, stale, only_their_mail):
        carer_add(workspace=workspace, person=p, user=user)
    carer_add(workspace=workspace, person=stale, user=colleague)
    _touch(fresh, Interaction.Kind.CALL, 3)
    _touch(stale, Interaction.Kind.MEETING, 100)
    interaction_record(
        workspace=workspace, kind="message", direction=Interaction.Direction.INBOUND,
        participants=[(only_their_mail, Participant.Role.FROM, "")],
    )  # their mail alone is not care given  # fmt: skip
    result = coverage(workspace=workspace, days=60)
    assert [p.name for p in result.no_carer] == ["Alone"]
    assert [(o.person.name, sorted(o.carers)) for o in result.out_of_touch] == [
        ("Only Their Mail", [user.name]),
        ("Stale", sorted([user.name, colleague.name])),
    ]
    loads = {entry.user: (entry.cares_for, entry.in_good_touch) for entry in result.load}
    assert loads == {user: (3, 1), colleague: (1, 0)}
    assert set(my_people(workspace=workspace, user=user)) == {fresh, stale, only_their_mail}
    carer_add(workspace=workspace, person=alone, user=colleague)
    assert coverage(workspace=workspace).no_carer == []
    carer_remove(workspace=workspace, person=alone, user=colleague)
    assert [p.name for p in coverage(workspace=workspace).no_carer] == ["Alone"]
    assert alone.pk  # nothing else about the person changed


def test_only_members_can_be_carers(workspace, user):
    ann = PersonFactory(workspace=workspace)
    with pytest.raises(ValueError, match="not an active member"):
        carer_add(workspace=workspace, person=ann, user=UserFactory())
    with pytest.raises(ValueError, match="another workspace"):
        carer_add(workspace=workspace, person=PersonFactory(), user=user)


def test_coverage_page_is_for_owners(workspace, user, colleague, signed_in):
    PersonFactory(workspace=workspace, name="Alone")
    html = signed_in.get(reverse("coverage")).content.decode()
    assert "Nobody caring for them" in html and "Alone" in html
    member = Client()
    assert member.login(email=colleague.email, password=PASSWORD)
    assert member.get(reverse("coverage")).status_code == 403


def test_carers_from_the_person_page_and_my_people(workspace, user, colleague, signed_in):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    PersonFactory(workspace=workspace, name="Bo Chen")
    page = reverse("people:detail", args=[ann.pk])
    post_with_csrf(signed_in, page, reverse("people:carers", args=[ann.pk]),
                   {"user": colleague.pk, "action": "add"})  # fmt: skip
    assert list(ann.carers.values_list("user_id", flat=True)) == [colleague.pk]
    stranger = UserFactory()
    refused = post_with_csrf(signed_in, page, reverse("people:carers", args=[ann.pk]),
                             {"user": stranger.pk, "action": "add"})  # fmt: skip
    assert refused.status_code == 404
    member = Client()
    assert member.login(email=colleague.email, password=PASSWORD)
    mine = member.get(reverse("people:list") + "?mine=1").content.decode()
    assert "Ann Lee" in mine and "Bo Chen" not in mine


def test_a_note_marked_only_me_is_private(workspace, user, colleague, signed_in):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    page = reverse("people:detail", args=[ann.pk])
    post_with_csrf(
        signed_in,
        page,
        reverse("people:note-add", args=[ann.pk]),
        {"body": "She wants to leave her job in spring.", "visibility": "private"},
    )
    note = Interaction.objects.get(kind="note")
    assert note.visibility == "private"
    from carefor.care.models import Matter

    assert all(m.visibility == "private" for m in Matter.objects.filter(source=note))
    member = Client()
    assert member.login(email=colleague.email, password=PASSWORD)
    assert "leave her job" not in member.get(page).content.decode()
    assert "leave her job" in signed_in.get(page).content.decode()
