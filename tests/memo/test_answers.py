"""Remembered answers: a member's queues are served again from memory, never to anyone
else, never after a change, never past a lost access."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from carefor.care.coverage import carer_add
from carefor.teams.members import membership_deactivate
from carefor.teams.models import Membership
from carefor.teams.tokens import api_token_create, api_token_revoke
from tests.factories import PASSWORD, MembershipFactory, PersonFactory

# Committed for real: answers are only remembered outside uncommitted writes.
pytestmark = pytest.mark.django_db(transaction=True)


def queries(client: Client, url: str, **headers: str):
    with CaptureQueriesContext(connection) as seen:
        response = client.get(url, **headers)
    return response, len(seen)


def signed_in(membership) -> Client:
    client = Client(enforce_csrf_checks=True)
    assert client.login(email=membership.user.email, password=PASSWORD)
    client.get("/today/")  # a browser's first page: the CSRF cookie arrives with it
    return client


@pytest.fixture
def team(workspace, membership):
    """Two members; Ada is mine (keep in touch every week, never in touch), Bea theirs."""
    colleague = MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER)
    ada = PersonFactory(workspace=workspace, name="Ada Lovelace", cadence_days=7)
    bea = PersonFactory(workspace=workspace, name="Bea Colleague", cadence_days=7)
    carer_add(workspace=workspace, person=ada, user=membership.user)
    carer_add(workspace=workspace, person=bea, user=colleague.user)
    return colleague


def test_a_second_look_is_served_from_memory(team, membership):
    client = signed_in(membership)
    first, computed = queries(client, "/today/")
    again, remembered = queries(client, "/today/")
    assert first.status_code == again.status_code == 200
    assert "Ada Lovelace" in again.content.decode()
    assert again.content == first.content
    assert remembered < computed / 2


def test_each_member_gets_their_own(team, membership):
    mine, theirs = signed_in(membership), signed_in(team)
    for _ in range(2):
        mine_page = mine.get("/today/").content.decode()
        their_page = theirs.get("/today/").content.decode()
        assert "Ada Lovelace" in mine_page and "Bea Colleague" not in mine_page
        assert "Bea Colleague" in their_page and "Ada Lovelace" not in their_page


def test_a_change_is_seen_at_once(team, workspace, membership):
    client = signed_in(membership)
    assert "Cy Newcomer" not in client.get("/today/").content.decode()
    cy = PersonFactory(workspace=workspace, name="Cy Newcomer", cadence_days=3)
    carer_add(workspace=workspace, person=cy, user=membership.user)
    assert "Cy Newcomer" in client.get("/today/").content.decode()


def test_the_form_token_in_a_remembered_page_still_works(team, membership):
    client = signed_in(membership)
    client.get("/today/")
    page = client.get("/today/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    fields = dict(re.findall(r'type="hidden" name="(kind|object_id|key)" value="([^"]*)"', page))
    done = client.post("/today/act/", fields | {"csrfmiddlewaretoken": token, "action": "done"})
    assert done.status_code == 302
    assert "Ada Lovelace" not in client.get("/today/").content.decode()


def test_a_deactivated_member_is_not_served_what_was_remembered(team, workspace, membership):
    client = signed_in(team)
    assert client.get("/today/").status_code == 200
    membership_deactivate(by=membership, membership=team)
    assert "Bea Colleague" not in client.get("/today/").content.decode()


def test_api_answers_are_per_token_member_and_revocation_wins(team, workspace, membership):
    item, mine = api_token_create(workspace=workspace, user=membership.user, name="t")
    _, theirs = api_token_create(workspace=workspace, user=team.user, name="t")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {mine}"}
    client = Client()
    first, computed = queries(client, "/api/v1/today", **auth)
    again, remembered = queries(client, "/api/v1/today", **auth)
    assert again.json() == first.json() and remembered < computed
    assert [i["person"] for i in again.json()["items"]] == ["Ada Lovelace"]
    other = client.get("/api/v1/today", HTTP_AUTHORIZATION=f"Bearer {theirs}").json()
    assert [i["person"] for i in other["items"]] == ["Bea Colleague"]
    api_token_revoke(workspace=workspace, user=membership.user, token_id=item.pk)
    assert client.get("/api/v1/today", **auth).status_code == 401


def test_turned_off_everything_is_computed(team, membership, settings):
    settings.CAREFOR_ANSWER_CACHE_SECONDS = 0
    client = signed_in(membership)
    _, first = queries(client, "/today/")
    _, again = queries(client, "/today/")
    assert again == first


def test_answers_expire_spread_out_within_the_configured_time(settings):
    """Answers made together must not all expire in the same second: each is kept for the
    configured time less up to a quarter, at random."""
    from carefor.memo.remember import lifetime

    settings.CAREFOR_ANSWER_CACHE_SECONDS = 400
    lives = [lifetime() for _ in range(200)]
    assert all(300 <= life <= 400 for life in lives)
    assert max(lives) - min(lives) > 50  # spread, not one value
