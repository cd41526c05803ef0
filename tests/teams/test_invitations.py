"""Invitations by link: made by owners, shown once, used once, within a week, by the
right account; every way one cannot be used gets a plain message."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from carefor.teams.invitations import (
    InvitationError,
    invitation_accept,
    invitation_create,
    invitation_revoke,
)
from carefor.teams.members import NotAllowed, TeamError
from carefor.teams.models import Invitation, Membership, User
from tests.factories import PASSWORD, MembershipFactory, UserFactory
from tests.helpers import post_with_csrf
from tests.teams.conftest import sign_in

pytestmark = pytest.mark.django_db

NEW_ACCOUNT = {
    "name": "Noor Haddad",
    "email": "noor@example.org",
    "password": PASSWORD,
    "password_again": PASSWORD,
}


@pytest.fixture
def invite(membership):
    """An invitation to the owner's workspace; returns (invitation, its link's path)."""

    def make(role: str = "member", email: str = "") -> tuple[Invitation, str]:
        invitation, raw = invitation_create(by=membership, role=role, email=email)
        return invitation, reverse("invite", args=[raw])

    return make


def _post(client: Client, url: str, data: dict | None = None):
    """Open the invitation page, then post its form with the page's CSRF token."""
    return post_with_csrf(client, url, url, data or {})


def test_an_owner_makes_a_link_on_the_team_page_and_sees_it_once(workspace, signed_in):
    response = post_with_csrf(
        signed_in, reverse("team"), reverse("team-invite"), {"role": "viewer", "email": ""}
    )
    html = response.content.decode()
    link = re.search(r"http://testserver(/invite/[\w-]+/)", html).group(1)
    invitation = Invitation.objects.get()
    assert (invitation.workspace, invitation.role, invitation.email) == (workspace, "viewer", "")
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    raw = link.split("/")[2]
    assert raw not in invitation.token_hash and len(invitation.token_hash) == 64
    again = signed_in.get(reverse("team")).content.decode()
    assert raw not in again and "As viewer" in again  # listed as waiting, never its link


def test_accept_with_a_new_account(workspace, invite):
    invitation, url = invite("member")
    client = Client(enforce_csrf_checks=True)
    page = client.get(url).content.decode()
    assert f"Join {workspace.name}" in page and "sign in" in page
    response = _post(client, url, NEW_ACCOUNT)
    assert response.status_code == 302 and response["Location"] == reverse("today")
    noor = User.objects.get(email="noor@example.org")
    assert Membership.objects.get(user=noor).role == "member"
    invitation.refresh_from_db()
    assert invitation.accepted_by == noor and invitation.accepted_at is not None
    today = client.get(reverse("today"))  # signed in, in the new workspace
    assert today.status_code == 200 and today.context["workspace"] == workspace


def test_accept_signed_in_joins_and_switches_workspace(workspace, invite):
    other = MembershipFactory()  # someone with a workspace of their own
    _, url = invite("manager")
    client = sign_in(other, enforce_csrf=True)
    page = client.get(url).content.decode()
    assert f"Join {workspace.name} as manager" in page
    assert _post(client, url).status_code == 302
    assert Membership.objects.get(workspace=workspace, user=other.user).role == "manager"
    assert client.get(reverse("today")).context["workspace"] == workspace


def test_a_viewer_elsewhere_may_still_accept(workspace, invite):
    viewer = MembershipFactory(role="viewer")
    _, url = invite("member")
    assert _post(sign_in(viewer, enforce_csrf=True), url).status_code == 302
    assert Membership.objects.filter(workspace=workspace, user=viewer.user).exists()


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda i: setattr(i, "expires_at", timezone.now() - timedelta(minutes=1)), "expired"),
        (lambda i: setattr(i, "revoked_at", timezone.now()), "was withdrawn"),
    ],
    ids=["expired", "revoked"],
)
def test_expired_or_withdrawn_links_say_so(invite, spoil, message):
    invitation, url = invite()
    spoil(invitation)
    invitation.save()
    client = Client()
    for response in (client.get(url), client.post(url, NEW_ACCOUNT)):
        assert response.status_code == 400 and message in response.content.decode()
    assert not User.objects.filter(email=NEW_ACCOUNT["email"]).exists()


def test_a_link_works_once(workspace, invite):
    _, url = invite()
    first, second = MembershipFactory(), MembershipFactory()
    assert sign_in(first).post(url).status_code == 302
    response = sign_in(second).post(url)
    assert response.status_code == 400 and "already been used" in response.content.decode()
    assert not Membership.objects.filter(workspace=workspace, user=second.user).exists()


def test_an_unknown_link_is_not_found():
    response = Client().get(reverse("invite", args=["made-up"]))
    assert response.status_code == 404 and "not valid" in response.content.decode()


def test_only_the_named_email_may_accept(workspace, invite):
    _, url = invite(email="Noor@Example.org")
    stranger = MembershipFactory()
    refused = sign_in(stranger).post(url)
    assert refused.status_code == 400
    assert "This invitation is for noor@example.org" in refused.content.decode()
    wrong = Client().post(url, {**NEW_ACCOUNT, "email": "someone@example.org"})
    assert wrong.status_code == 400 and "use that address" in wrong.content.decode()
    assert not User.objects.filter(email="someone@example.org").exists()
    assert Client().post(url, NEW_ACCOUNT).status_code == 302  # the right one can


def test_already_a_member(workspace, invite, team):
    _, url = invite("owner")
    response = sign_in(team["viewer"]).post(url)
    assert response.status_code == 400 and "already a member" in response.content.decode()
    team["viewer"].refresh_from_db()
    assert team["viewer"].role == "viewer"  # an invitation is not a way to promote oneself


def test_a_deactivated_member_is_told_to_ask_for_reactivation(invite, team):
    _, url = invite()
    team["member"].deactivated_at = timezone.now()
    team["member"].save()
    client = Client()
    assert client.login(email=team["member"].user.email, password=PASSWORD)
    response = client.post(url)
    assert response.status_code == 400 and "reactivate" in response.content.decode()


def test_a_new_account_is_checked_like_any_other(invite, user):
    _, url = invite()
    taken = Client().post(url, {**NEW_ACCOUNT, "email": user.email})
    assert taken.status_code == 200 and "There is already an account" in taken.content.decode()
    weak = Client().post(url, {**NEW_ACCOUNT, "password": "x", "password_again": "x"})
    assert weak.status_code == 200 and "too short" in weak.content.decode()
    assert Membership.objects.count() == 1 and Invitation.objects.get().accepted_at is None


def test_only_owners_make_or_withdraw_invitations(team):
    for role in ("manager", "member", "viewer"):
        with pytest.raises(NotAllowed):
            invitation_create(by=team[role], role="member")
    invitation, _ = invitation_create(by=team["owner"], role="member")
    with pytest.raises(NotAllowed):
        invitation_revoke(by=team["manager"], invitation_id=invitation.pk)
    with pytest.raises(TeamError, match="no role"):
        invitation_create(by=team["owner"], role="boss")
    with pytest.raises(TeamError, match="not an email"):
        invitation_create(by=team["owner"], role="member", email="nope")


def test_withdrawing_on_the_team_page_kills_the_link(membership, signed_in, invite):
    invitation, url = invite()
    post_with_csrf(
        signed_in, reverse("team"), reverse("team-invite-revoke", args=[invitation.pk]), {}
    )
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    with pytest.raises(InvitationError, match="withdrawn"):
        invitation_accept(token=url.split("/")[2], user=UserFactory())
