"""First-run setup, guarded by the one-time token printed by `carefor serve`."""

import pytest
from django.test import Client
from django.urls import reverse

from carefor.teams.models import Membership, SetupToken, User, Workspace
from carefor.teams.services import setup_token_issue

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Sam Okafor",
    "email": "Sam@Example.org",
    "password": "correct horse battery staple",
    "password_again": "correct horse battery staple",
    "workspace_name": "Sam's notebook",
    "start": "empty",
}


def _open_setup(client: Client, token: str):
    response = client.get(reverse("setup") + f"?token={token}")
    assert response.status_code == 302  # token moves from the URL into the session
    return client.get(reverse("setup"))


def _submit(client: Client, **changes):
    data = {**FORM, **changes, "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    return client.post(reverse("setup"), data)


def test_setup_without_token_is_locked():
    setup_token_issue()
    assert Client().get(reverse("setup")).status_code == 403
    assert Client().get(reverse("setup") + "?token=guess").status_code == 403


def test_setup_creates_the_owner_and_burns_the_token():
    client = Client(enforce_csrf_checks=True)
    token = setup_token_issue()
    assert _open_setup(client, token).status_code == 200
    response = _submit(client)
    assert response.status_code == 302
    owner = User.objects.get()
    assert owner.email == "sam@example.org"
    assert owner.password.startswith("argon2") or owner.password.startswith("md5")
    membership = Membership.objects.get(user=owner)
    assert (membership.role, membership.workspace.name) == ("owner", "Sam's notebook")
    assert not SetupToken.objects.exists()
    # Signed in straight away, and setup is closed for good.
    assert client.get(reverse("people:list")).status_code == 200
    assert Client().get(reverse("setup") + f"?token={token}")["Location"] == reverse("login")


def test_setup_reports_mismatched_and_weak_passwords():
    client = Client(enforce_csrf_checks=True)
    _open_setup(client, setup_token_issue())
    response = _submit(client, password_again="something else entirely")
    assert b"The two passwords differ" in response.content
    response = _submit(client, password="password", password_again="password")
    assert b"too common" in response.content or b"too short" in response.content
    assert not User.objects.exists()


def test_setup_with_demo_opens_the_demo_notebook():
    client = Client(enforce_csrf_checks=True)
    _open_setup(client, setup_token_issue())
    _submit(client, start="demo")
    owner = User.objects.get()
    assert Workspace.objects.filter(memberships__user=owner).count() == 2
    response = client.get(reverse("people:list"))
    assert response.context["workspace"].is_demo
    assert response.context["page"].paginator.count >= 38
