"""Deactivation ends access at once: sessions on every device, API tokens, the
workspace itself; a workspace always keeps an owner; reactivation brings access back."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from carefor.care.coverage import carer_add, coverage
from carefor.teams.members import (
    NotAllowed,
    TeamError,
    membership_deactivate,
    membership_reactivate,
    membership_role_set,
)
from carefor.teams.models import ApiToken, Membership
from carefor.teams.tokens import api_token_create
from tests.factories import MembershipFactory, PersonFactory, WorkspaceFactory
from tests.helpers import post_with_csrf
from tests.teams.conftest import sign_in

pytestmark = pytest.mark.django_db


def _sessions_of(user) -> int:
    return sum(
        1 for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)
    )


def _api(raw: str) -> int:
    return Client().get("/api/v1/people", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code


def test_deactivating_signs_them_out_everywhere_at_once(team, signed_in):
    """
    GIVEN a member signed in on two devices, and the owner signed in
    WHEN the owner deactivates the member on the Team page
    THEN both of the member's sessions are gone, and their next request is sent to sign in;
         the owner stays signed in
    """
    member = team["member"]
    laptop, phone = sign_in(member), sign_in(member)
    assert laptop.get(reverse("today")).status_code == 200
    assert _sessions_of(member.user) == 2
    response = post_with_csrf(
        signed_in, reverse("team"), reverse("team-member", args=[member.pk]),
        {"action": "deactivate"},
    )  # fmt: skip
    assert response.status_code == 302
    assert _sessions_of(member.user) == 0
    for device in (laptop, phone):
        refused = device.get(reverse("today"))
        assert refused.status_code == 302 and refused["Location"].startswith(reverse("login"))
    assert signed_in.get(reverse("today")).status_code == 200
    member.refresh_from_db()
    assert member.deactivated_at is not None
    page = signed_in.get(reverse("team")).content.decode()
    assert "· deactivated" in page and "Reactivate" in page


def test_a_deactivated_membership_is_refused_even_with_a_live_session(team):
    """The middleware, not only the deleted sessions, keeps them out."""
    client = sign_in(team["member"])
    Membership.objects.filter(pk=team["member"].pk).update(deactivated_at=timezone.now())
    response = client.get(reverse("today"))
    assert response.status_code == 403 and "No notebook yet" in response.content.decode()
    assert client.post(reverse("people:add"), {"name": "X"}).status_code == 403


def test_with_another_workspace_they_land_there(team):
    member = team["member"]
    elsewhere = MembershipFactory(user=member.user, workspace=WorkspaceFactory(name="Home"))
    membership_deactivate(by=team["owner"], membership=member)
    client = sign_in(member)  # a new sign-in
    session = client.session
    session["workspace_id"] = member.workspace_id  # asks for the old one
    session.save()
    assert client.get(reverse("today")).context["workspace"] == elsewhere.workspace
    switch = client.post(reverse("switch-workspace"), {"workspace": member.workspace_id})
    assert switch.status_code == 400


def test_their_api_tokens_stop_and_stay_stopped(workspace, team):
    member = team["member"]
    _, raw = api_token_create(workspace=workspace, user=member.user, name="sync")
    assert _api(raw) == 200
    membership_deactivate(by=team["owner"], membership=member)
    assert _api(raw) == 401
    assert ApiToken.objects.get().revoked_at is not None
    membership_reactivate(by=team["owner"], membership=member)
    assert _api(raw) == 401  # reactivation does not bring old tokens back
    _, fresh = api_token_create(workspace=workspace, user=member.user, name="sync again")
    assert _api(fresh) == 200


def test_a_token_of_a_deactivated_member_is_refused_even_unrevoked(workspace, team):
    _, raw = api_token_create(workspace=workspace, user=team["viewer"].user, name="t")
    Membership.objects.filter(pk=team["viewer"].pk).update(deactivated_at=timezone.now())
    assert _api(raw) == 401


def test_reactivation_restores_access_after_a_new_sign_in(team):
    member = team["member"]
    membership_deactivate(by=team["owner"], membership=member)
    assert sign_in(member).get(reverse("today")).status_code == 403  # no workspace left
    membership_reactivate(by=team["owner"], membership=member)
    assert sign_in(member).get(reverse("today")).status_code == 200


def test_the_last_owner_can_be_neither_demoted_nor_deactivated(workspace, team, signed_in):
    owner = team["owner"]
    with pytest.raises(TeamError, match="last owner"):
        membership_role_set(by=owner, membership=owner, role="manager")
    with pytest.raises(TeamError, match="last owner"):
        membership_deactivate(by=owner, membership=owner)
    page = post_with_csrf(
        signed_in, reverse("team"), reverse("team-member", args=[owner.pk]),
        {"action": "deactivate"}, follow=True,
    )  # fmt: skip
    assert "is the last owner" in page.content.decode()
    owner.refresh_from_db()
    assert owner.role == "owner" and owner.deactivated_at is None
    # With a second owner, either may step down; then the other is the last.
    membership_role_set(by=owner, membership=team["manager"], role="owner")
    membership_role_set(by=owner, membership=owner, role="member")
    with pytest.raises(TeamError, match="last owner"):
        membership_deactivate(by=team["manager"], membership=team["manager"])


def test_an_owner_who_deactivates_themself_is_signed_out(team):
    membership_role_set(by=team["owner"], membership=team["manager"], role="owner")
    client = sign_in(team["owner"], enforce_csrf=True)
    response = post_with_csrf(
        client, reverse("team"), reverse("team-member", args=[team["owner"].pk]),
        {"action": "deactivate"},
    )  # fmt: skip
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert client.get(reverse("today")).status_code == 302


def test_only_owners_manage_and_only_in_their_workspace(team):
    for role in ("manager", "member", "viewer"):
        with pytest.raises(NotAllowed):
            membership_deactivate(by=team[role], membership=team["member"])
        with pytest.raises(NotAllowed):
            membership_role_set(by=team[role], membership=team[role], role="owner")
    stranger = MembershipFactory()
    with pytest.raises(TeamError, match="another workspace"):
        membership_deactivate(by=team["owner"], membership=stranger)
    client = sign_in(team["owner"])
    url = reverse("team-member", args=[stranger.pk])
    assert client.post(url, {"action": "deactivate"}).status_code == 404
    bad = client.post(reverse("team-member", args=[team["member"].pk]), {"action": "fly"})
    assert bad.status_code == 400
    wrong_role = client.post(
        reverse("team-member", args=[team["member"].pk]),
        {"action": "role", "role": "boss"}, follow=True,
    )  # fmt: skip
    assert "There is no role" in wrong_role.content.decode()


def test_people_cared_for_only_by_a_deactivated_member_have_nobody(workspace, team):
    person = PersonFactory(workspace=workspace, name="Ann Lee")
    carer_add(workspace=workspace, person=person, user=team["member"].user)
    assert coverage(workspace=workspace).no_carer == []
    membership_deactivate(by=team["owner"], membership=team["member"])
    result = coverage(workspace=workspace)
    assert result.no_carer == [person]
    assert team["member"].user not in {entry.user for entry in result.load}
    with pytest.raises(ValueError, match="not an active member"):
        carer_add(workspace=workspace, person=person, user=team["member"].user)


def test_their_calendar_feed_stops(workspace, team):
    from carefor.care.feed import feed_token_issue

    member = team["member"]
    token = feed_token_issue(workspace=workspace, user=member.user)
    feed = reverse("promises-feed", args=[token])
    assert Client().get(feed).status_code == 200
    membership_deactivate(by=team["owner"], membership=member)
    assert Client().get(feed).status_code == 404
