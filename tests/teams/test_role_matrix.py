"""Every change the web app and the API accept, tried by every role: allowed or refused
exactly as carefor.teams.roles says (the table in docs/security.md)."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import URLResolver, reverse

from carefor.api.v1 import api
from carefor.teams.invitations import invitation_create
from carefor.teams.roles import READ_ONLY_MESSAGE, Action, can
from carefor.teams.tokens import api_token_create
from carefor.web import urls as web_urls
from tests.factories import MembershipFactory, PersonFactory, WorkspaceFactory
from tests.teams.conftest import ROLES, sign_in

pytestmark = pytest.mark.django_db

# Every web URL whose POST changes something, with what the change needs. A URL added to
# carefor.web.urls fails test_every_web_url_is_classified until it is put here or below.
WRITES = {
    "people:add": Action.WRITE,
    "people:edit": Action.WRITE,
    "people:merge": Action.WRITE,
    "people:note-add": Action.WRITE,
    "people:matter-add": Action.WRITE,
    "people:follow-up-add": Action.WRITE,
    "people:date-add": Action.WRITE,
    "people:carers": Action.CARE_FOR_SELF,  # others as carers: test_carers_by_role
    "import": Action.WRITE,
    "promise-action": Action.WRITE,
    "promises-feed-link": Action.WRITE,
    "courtesy-action": Action.WRITE,
    "help": Action.WRITE,
    "help-action": Action.WRITE,
    "introductions": Action.WRITE,
    "introduction": Action.WRITE,
    "today-action": Action.WRITE,
    "verdict-action": Action.WRITE,
    "check-silence": Action.WRITE,
    "matter-action": Action.WRITE,
    "date-delete": Action.WRITE,
    "follow-up-action": Action.WRITE,
    "proposal-action": Action.WRITE,
    "team-invite": Action.MANAGE_TEAM,
    "team-invite-revoke": Action.MANAGE_TEAM,
    "team-member": Action.MANAGE_TEAM,
}
# Pages that only read, with what reading them needs.
READS = {
    "home": Action.READ,
    "today": Action.READ,
    "people:list": Action.READ,
    "people:duplicates": Action.READ,
    "people:detail": Action.READ,
    "check": Action.READ,  # posts a draft to read it; stores nothing (test_viewer_checks_a_draft)
    "people:brief": Action.READ,
    "people:ways": Action.READ,
    "people:audit": Action.READ_AUDIT,
    "promises": Action.READ,
    "courtesy": Action.READ,
    "review": Action.READ,
    "outreach": Action.READ,
    "coverage": Action.SEE_COVERAGE,
    "team": Action.SEE_TEAM,
}
# Outside any role: before sign-in, by token, or about the visitor's own session.
OPEN = {"healthz", "setup", "login", "logout", "switch-workspace", "promises-feed", "invite"}
# What a change needs to get past form validation to the permission check.
POST_DATA = {"team-invite": {"role": "member"}, "team-member": {"action": "reactivate"}}


def _web_urls(patterns=web_urls.urlpatterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _web_urls(pattern.url_patterns, pattern.namespace or namespace)
        else:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern


ALL_URLS = dict(_web_urls())


def test_every_web_url_is_classified():
    assert not (WRITES.keys() & READS.keys()) and not (OPEN & (WRITES.keys() | READS.keys()))
    assert set(ALL_URLS) == WRITES.keys() | READS.keys() | OPEN


@pytest.fixture
def world(workspace, team):
    """Something for each kind of URL argument to point at."""
    person = PersonFactory(workspace=workspace, name="Ann Lee")
    invitation, _ = invitation_create(by=team["owner"], role="member")
    return {
        "person_id": person.pk,
        "invitation_id": invitation.pk,
        "membership_id": team["member"].pk,
        "kind": "matter",
        "token": "not-a-token",
    }


def _url(name: str, world: dict) -> str:
    converters = ALL_URLS[name].pattern.converters
    return reverse(name, kwargs={key: world.get(key, 1) for key in converters})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(WRITES))
def test_web_changes_by_role(name, role, team, world):
    response = sign_in(team[role]).post(_url(name, world), POST_DATA.get(name, {}))
    if can(role, WRITES[name]):
        # Past the role check: the view ran (it may still find the input wanting).
        assert response.status_code not in (403, 405), response.status_code
    else:
        assert response.status_code == 403
        if role == "viewer":
            assert READ_ONLY_MESSAGE in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(READS))
def test_web_pages_by_role(name, role, team, world):
    response = sign_in(team[role]).get(_url(name, world))
    if can(role, READS[name]):
        assert response.status_code in (200, 302), response.status_code
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("name", sorted(READS.keys() - {"check"}))
def test_a_viewer_cannot_post_to_a_page_either(name, team, world):
    response = sign_in(team["viewer"]).post(_url(name, world))
    assert response.status_code == 403
    assert READ_ONLY_MESSAGE in response.content.decode()


def test_a_viewer_may_sign_out_and_switch_workspace(team):
    viewer = team["viewer"]
    elsewhere = MembershipFactory(user=viewer.user, workspace=WorkspaceFactory(), role="viewer")
    client = sign_in(viewer)
    switched = client.post(reverse("switch-workspace"), {"workspace": elsewhere.workspace_id})
    assert switched.status_code == 302 and client.session["workspace_id"] == elsewhere.workspace_id
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("role", "others"), [("owner", True), ("manager", True), ("member", False), ("viewer", False)]
)
def test_carers_by_role(role, others, workspace, team):
    person = PersonFactory(workspace=workspace)
    client, me, colleague = sign_in(team[role]), team[role].user, team["member"].user
    if role == "member":
        colleague = team["manager"].user
    url = reverse("people:carers", args=[person.pk])
    add_other = client.post(url, {"user": colleague.pk, "action": "add"})
    assert add_other.status_code == (302 if others else 403)
    add_me = client.post(url, {"user": me.pk, "action": "add"})
    assert add_me.status_code == (403 if role == "viewer" else 302)
    expected = {colleague} if others else set()
    if role != "viewer":
        expected.add(me)
    assert {c.user for c in person.carers.all()} == expected


def test_nav_shows_team_and_coverage_by_role(team):
    for role in ROLES:
        html = sign_in(team[role]).get(reverse("today")).content.decode()
        assert (reverse("team") in html) == can(role, Action.SEE_TEAM), role
        assert (reverse("coverage") in html) == can(role, Action.SEE_COVERAGE), role
        assert ("You are a viewer" in html) == (role == "viewer"), role


def test_a_manager_sees_the_team_but_cannot_change_it(team):
    html = sign_in(team["manager"]).get(reverse("team")).content.decode()
    assert team["viewer"].user.email in html and team["owner"].user.email in html
    assert "Make an invitation link" not in html and "Deactivate" not in html
    owner_html = sign_in(team["owner"]).get(reverse("team")).content.decode()
    assert "Make an invitation link" in owner_html and "Deactivate" in owner_html


# --- the JSON API -------------------------------------------------------------------


def _operations():
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method in operations:
            yield method.upper(), path.removeprefix("/api/v1")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path"), sorted(_operations()))
def test_api_operations_by_role(method, path, role, workspace, team):
    person = PersonFactory(workspace=workspace, name="Ann Lee")
    _, raw = api_token_create(workspace=workspace, user=team[role].user, name="matrix")
    response = Client().generic(
        method,
        "/api/v1" + path.replace("{person_id}", str(person.pk)),
        json.dumps({}) if method != "GET" else "",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    if method == "GET" or can(role, Action.WRITE):
        assert response.status_code not in (401, 403), response.status_code
    else:
        assert response.status_code == 403
        assert response.json() == {"detail": READ_ONLY_MESSAGE}


def test_viewer_checks_a_draft(workspace, team):
    """Checking a draft stores nothing, so a viewer may; silencing a rule stores, so not."""
    from tests.helpers import post_with_csrf

    viewer = sign_in(team["viewer"])
    page = reverse("check")
    checked = post_with_csrf(
        viewer, page, page, {"text": "Happy to help. Now, can you buy our plan?"}
    )
    assert checked.status_code == 200
    refused = post_with_csrf(viewer, page, reverse("check-silence"), {"rule": "x"})
    assert refused.status_code == 403


def test_a_viewer_is_not_offered_forms(workspace, team):
    """The page marks itself read-only for a viewer (the stylesheet then hides the forms
    that would change the notebook); for a member it does not."""
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    page = reverse("people:detail", args=[ann.pk])
    assert 'class="read-only"' in sign_in(team["viewer"]).get(page).content.decode()
    assert 'class="read-only"' not in sign_in(team["member"]).get(page).content.decode()
