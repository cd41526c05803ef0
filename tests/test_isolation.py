"""Workspace isolation: a member of one workspace can never see or change another's people."""

import pytest
from django.test import Client
from django.urls import reverse

from carefor.conversations.models import Interaction
from tests.factories import PASSWORD, MembershipFactory, PersonFactory
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice_person():
    """GIVEN Alice's workspace holds a person only she may see."""
    membership = MembershipFactory()
    return PersonFactory(workspace=membership.workspace, name="Zelda Secret")


@pytest.fixture
def bob():
    """AND Bob, signed in to a workspace of his own with one person in it."""
    membership = MembershipFactory()
    PersonFactory(workspace=membership.workspace, name="Bob's Friend")
    client = Client(enforce_csrf_checks=True)
    assert client.login(email=membership.user.email, password=PASSWORD)
    return client


def test_bob_cannot_open_alices_person_by_id(bob, alice_person):
    for name in ("people:detail", "people:edit"):
        assert bob.get(reverse(name, args=[alice_person.pk])).status_code == 404


def test_bob_cannot_list_or_search_alices_people(bob, alice_person):
    listing = bob.get(reverse("people:list"))
    assert b"Bob&#x27;s Friend" in listing.content
    assert b"Zelda" not in listing.content
    search = bob.get(reverse("people:list"), {"q": "Zelda"})
    assert search.context["page"].paginator.count == 0
    assert b"Zelda Secret" not in search.content


def test_bob_cannot_change_alices_person(bob, alice_person):
    list_url = reverse("people:list")
    edit = post_with_csrf(
        bob, list_url, reverse("people:edit", args=[alice_person.pk]), {"name": "Hacked"}
    )
    note = post_with_csrf(
        bob, list_url, reverse("people:note-add", args=[alice_person.pk]), {"body": "x"}
    )
    assert (edit.status_code, note.status_code) == (404, 404)
    alice_person.refresh_from_db()
    assert alice_person.name == "Zelda Secret"
    assert not Interaction.objects.exists()


def test_bob_cannot_switch_into_alices_workspace(bob, alice_person):
    response = post_with_csrf(
        bob,
        reverse("people:list"),
        reverse("switch-workspace"),
        {"workspace": alice_person.workspace_id},
    )
    assert response.status_code == 400
    assert b"Zelda" not in bob.get(reverse("people:list")).content
