"""Matters: kinds, fading, and the privacy of health and family matters in every list."""

from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from carefor.care.brief import brief_as_json, person_brief
from carefor.care.matters import (
    matter_add,
    matter_confirm,
    matter_kinds,
    matter_set_visibility,
    matters_fading,
    matters_for_person,
)
from carefor.care.models import Matter
from carefor.care.review import weekly_review
from carefor.cli import main
from carefor.people.selectors import person_list
from carefor.teams.models import Membership
from tests.factories import PASSWORD, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(workspace):
    return MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user


@pytest.mark.parametrize(
    ("kind", "visibility"),
    [
        ("health", "carers"),
        ("family", "carers"),
        ("goal", "workspace"),
        ("worry", "workspace"),
        (" Craft ", "workspace"),  # a kind of the user's own, cleaned
    ],
)
def test_health_and_family_are_for_carers_by_default(workspace, user, kind, visibility):
    ann = PersonFactory(workspace=workspace)
    m = matter_add(workspace=workspace, person=ann, author=user, kind=kind, what="Something")
    assert m.visibility == visibility
    assert m.kind == kind.strip().lower()


def test_an_explicit_choice_wins_over_the_default(workspace, user):
    ann = PersonFactory(workspace=workspace)
    shared = matter_add(
        workspace=workspace,
        person=ann,
        author=user,
        kind="family",
        what="Twins",
        visibility="workspace",
    )
    hidden = matter_add(
        workspace=workspace,
        person=ann,
        author=user,
        kind="goal",
        what="Quit",
        visibility="private",
    )
    assert (shared.visibility, hidden.visibility) == ("workspace", "private")


def test_private_matters_stay_out_of_search_lists_and_other_briefs(workspace, user, colleague):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    bo = PersonFactory(workspace=workspace, name="Bo Chen")
    matter_add(
        workspace=workspace, person=ann, author=user, kind="health", what="Chemotherapy in spring"
    )
    matter_add(workspace=workspace, person=bo, author=user, kind="goal", what="Chemistry degree")

    # Search: the shared goal is found, the private health matter never is (for anyone).
    assert [p.name for p in person_list(workspace=workspace, query="chem")] == ["Bo Chen"]
    assert list(person_list(workspace=workspace, query="chemotherapy")) == []

    # The author sees it on the person; a colleague does not, in any list.
    assert [m.what for m in matters_for_person(workspace=workspace, user=user, person=ann)] == [
        "Chemotherapy in spring"
    ]
    assert list(matters_for_person(workspace=workspace, user=colleague, person=ann)) == []
    brief = person_brief(workspace=workspace, user=colleague, person=ann)
    assert brief.matters == []
    assert "Chemotherapy" not in str(brief_as_json(brief))

    # Fading list (weekly review) is per viewer too.
    Matter.objects.update(confirmed_on=timezone.localdate() - timedelta(days=400))
    assert [
        m.what for m in matters_fading(workspace=workspace, user=colleague, today=date.today())
    ] == ["Chemistry degree"]
    review = weekly_review(workspace=workspace, user=colleague)
    assert [m.what for m in review.fading] == ["Chemistry degree"]


def test_private_matters_not_in_the_colleagues_pages(workspace, user, colleague):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    matter_add(
        workspace=workspace, person=ann, author=user, kind="family", what="Divorce this year"
    )
    client = Client()
    assert client.login(email=colleague.email, password=PASSWORD)
    for url in (
        reverse("people:detail", args=[ann.pk]),
        reverse("people:brief", args=[ann.pk]),
        reverse("people:list") + "?q=divorce",
        reverse("review"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "Divorce" not in response.content.decode(), url
    owner = Client()
    assert owner.login(email=user.email, password=PASSWORD)
    assert (
        "Divorce this year" in owner.get(reverse("people:detail", args=[ann.pk])).content.decode()
    )
    assert "Divorce this year" in owner.get(reverse("people:brief", args=[ann.pk])).content.decode()
    # Search is a list: not even the author's own search finds a private matter.
    assert "Ann Lee" not in owner.get(reverse("people:list") + "?q=divorce").content.decode()


def test_cli_brief_shows_private_matters_only_to_their_author(workspace, user, colleague):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    matter_add(workspace=workspace, person=ann, author=user, kind="health", what="Knee surgery")
    runner = CliRunner()
    mine = runner.invoke(main, ["brief", "Ann Lee", "--user", user.email])
    theirs = runner.invoke(main, ["brief", "Ann Lee", "--user", colleague.email])
    assert mine.exit_code == 0 and theirs.exit_code == 0, (mine.output, theirs.output)
    assert "Knee surgery" in mine.output
    assert "Knee surgery" not in theirs.output


def test_only_the_author_can_share_a_private_matter(workspace, user, colleague):
    ann = PersonFactory(workspace=workspace)
    m = matter_add(workspace=workspace, person=ann, author=user, kind="health", what="Asthma")
    with pytest.raises(Matter.DoesNotExist):  # a colleague cannot even find it
        matter_set_visibility(
            workspace=workspace, user=colleague, matter_id=m.pk, visibility="workspace"
        )
    matter_set_visibility(workspace=workspace, user=user, matter_id=m.pk, visibility="workspace")
    assert [
        x.what for x in matters_for_person(workspace=workspace, user=colleague, person=ann)
    ] == ["Asthma"]


def test_old_matters_fade_and_confirming_renews_them(workspace, user):
    ann = PersonFactory(workspace=workspace)
    today = date(2026, 11, 30)
    m = matter_add(
        workspace=workspace,
        person=ann,
        author=user,
        kind="goal",
        what="Run a marathon",
        today=today - timedelta(days=Matter.FADE_DAYS + 1),
    )
    assert m.is_fading(today)
    assert not m.is_fading(today - timedelta(days=1))
    assert list(matters_fading(workspace=workspace, user=user, today=today)) == [m]
    matter_confirm(workspace=workspace, user=user, matter_id=m.pk, today=today)
    m.refresh_from_db()
    assert not m.is_fading(today) and m.confirmed_on == today
    assert list(matters_fading(workspace=workspace, user=user, today=today)) == []


def test_kinds_are_user_extendable(workspace, user):
    ann = PersonFactory(workspace=workspace)
    matter_add(workspace=workspace, person=ann, author=user, kind="Craft", what="Woodwork")
    assert matter_kinds(workspace=workspace) == [*Matter.BUILTIN_KINDS, "craft"]
    with pytest.raises(ValueError, match="kind"):
        matter_add(workspace=workspace, person=ann, author=user, kind="  ", what="x")
