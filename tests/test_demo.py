"""The demo notebook looks like a real person's: varied, current, and sensibly shaped."""

import pytest
from django.db.models import Count

from carefor.conversations.models import Interaction
from carefor.demo.loader import demo_load
from carefor.people.models import MyIdentity

pytestmark = pytest.mark.django_db


def test_demo_is_varied_and_every_person_has_a_history(user):
    workspace = demo_load(owner=user)
    kinds = dict(
        Interaction.objects.filter(workspace=workspace).values_list("kind").annotate(n=Count("id"))
    )
    assert set(kinds) == {"message", "meeting", "call", "note"}
    assert kinds["message"] > kinds["note"] > 0
    assert not workspace.people.filter(participations__isnull=True).exists()
    assert (
        workspace.people.filter(last_interaction_at__isnull=False).count()
        == workspace.people.count()
    )
    assert MyIdentity.objects.filter(workspace=workspace, user=user).exists()


def test_demo_without_an_account_is_claimed_at_setup(db):
    from carefor.teams.services import setup_complete, setup_token_issue

    demo = demo_load(owner=None)
    assert not demo.memberships.exists()
    owner, _ = setup_complete(
        token=setup_token_issue(),
        email="o@example.org",
        name="O",
        password="a long enough passphrase",
        workspace_name="Mine",
    )
    assert demo.memberships.get().user == owner


def test_demo_shows_a_full_today_and_rich_briefs(user):
    from carefor.care.brief import brief_as_json, person_brief
    from carefor.care.today import KINDS, today_queue

    workspace = demo_load(owner=user)
    queue = today_queue(workspace=workspace, user=user)
    kinds = {item.kind for item in queue.items}
    assert kinds == set(KINDS), kinds
    assert all(item.why for item in queue.items)
    maria = workspace.people.get(name="Maria Chen")
    brief = brief_as_json(person_brief(workspace=workspace, user=user, person=maria))
    assert len(brief["matters"]) >= 2 and brief["conversations"] and brief["dates"]
    assert any(m["ask_again"] for m in brief["matters"])
    assert brief["missing"] == []
    # Someone in the demo we know little about gets a short, honest brief.
    sparse = [p for p in workspace.people.all() if not p.matters.exists()]
    short = brief_as_json(person_brief(workspace=workspace, user=user, person=sparse[0]))
    assert short["matters"] == [] and short["missing"]


def test_a_demo_loaded_before_setup_shows_its_private_matters_to_the_owner(db):
    from carefor.care.matters import matters_for_person
    from carefor.care.models import Introduction, Matter
    from tests.factories import UserFactory

    demo = demo_load(owner=None)
    private = Matter.objects.filter(workspace=demo).exclude(visibility="workspace")
    assert private.exists() and not private.filter(author__isnull=False).exists()
    owner = UserFactory()
    demo_load(owner=owner)
    matter = private.first()
    assert matter in matters_for_person(workspace=demo, user=owner, person=matter.person)
    assert Introduction.objects.filter(workspace=demo).exists()
    assert MyIdentity.objects.filter(workspace=demo, user=owner).exists()
