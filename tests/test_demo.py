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
