"""The JSON API: token auth only in the header, every list paginated, workspace isolation,
privacy, and the committed OpenAPI schema kept in step with the code."""

import json
from pathlib import Path

import pytest
from django.test import Client

from carefor.api.v1 import api
from carefor.care.matters import matter_add
from carefor.care.models import Commitment
from carefor.conversations.services import note_add
from carefor.teams.models import ApiToken, Membership
from carefor.teams.tokens import api_token_create, api_token_revoke
from tests.factories import IdentityFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db
SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


@pytest.fixture
def token(workspace, user):
    _, raw = api_token_create(workspace=workspace, user=user, name="tests")
    return raw


def get(path, token=None, **params):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return Client().get(f"/api/v1{path}", params, **headers)


def test_tokens_are_stored_hashed_and_shown_once(workspace, user):
    item, raw = api_token_create(workspace=workspace, user=user, name="calendar")
    assert raw.startswith("cf_") and len(raw) > 40
    stored = ApiToken.objects.get(pk=item.pk)
    assert raw not in (stored.token_hash, stored.prefix) and stored.prefix == raw[:10]
    assert get("/people", raw).status_code == 200
    api_token_revoke(workspace=workspace, user=user, token_id=item.pk)
    assert get("/people", raw).status_code == 401


def test_a_token_lives_exactly_while_its_token_member_and_account_do(workspace, user):
    """The token check is one hand-written statement: it must agree with
    Membership.objects.active() and revocation at every step, read the role fresh, and
    note the first use (not every use) of a token."""
    from datetime import timedelta

    from django.utils import timezone

    from carefor.teams.tokens import api_token_authenticate

    token, raw = api_token_create(workspace=workspace, user=user, name="tests")
    other = MembershipFactory(role=Membership.Role.OWNER)  # another workspace, same code
    api_token_create(workspace=other.workspace, user=other.user, name="theirs")
    membership = Membership.objects.get(workspace=workspace, user=user)

    def live() -> bool:
        return Membership.objects.active().filter(pk=membership.pk).exists()

    found = api_token_authenticate(raw)
    assert found is not None and live()
    assert (found.workspace, found.user, found.role) == (workspace, user, membership.role)
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None and timezone.now() - first_use < timedelta(seconds=5)
    assert api_token_authenticate(raw) is not None
    token.refresh_from_db()
    assert token.last_used_at == first_use  # not written again within the minute

    Membership.objects.filter(pk=membership.pk).update(role=Membership.Role.VIEWER)
    assert api_token_authenticate(raw).role == Membership.Role.VIEWER
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    assert api_token_authenticate(raw) is None and not live()
    type(user).objects.filter(pk=user.pk).update(is_active=True)
    Membership.objects.filter(pk=membership.pk).update(deactivated_at=timezone.now())
    assert api_token_authenticate(raw) is None and not live()
    Membership.objects.filter(pk=membership.pk).update(deactivated_at=None)
    assert api_token_authenticate(raw) is not None and live()
    api_token_revoke(workspace=workspace, user=user, token_id=token.pk)
    assert api_token_authenticate(raw) is None
    assert api_token_authenticate("cf_" + "x" * 43) is None
    assert api_token_authenticate(raw[3:]) is None  # no prefix: not even looked up


def test_auth_cannot_be_skipped_or_sent_elsewhere(token, signed_in):
    assert get("/people").status_code == 401
    assert get("/people", "cf_not-a-token").status_code == 401
    assert Client().get("/api/v1/people", {"token": token}).status_code == 401  # not a query
    assert signed_in.get("/api/v1/people").status_code == 401  # a session is not a token
    assert get("/today", token).status_code == 200


def test_a_member_who_leaves_loses_api_access(workspace, user, token):
    Membership.objects.filter(workspace=workspace, user=user).delete()
    assert get("/people", token).status_code == 401


def test_people_paginated_and_searchable(workspace, token):
    for n in range(7):
        PersonFactory(workspace=workspace, name=f"Person {n}")
    page = get("/people", token, limit=3, offset=2).json()
    assert page["count"] == 7 and [p["name"] for p in page["items"]] == [
        "Person 2", "Person 3", "Person 4",
    ]  # fmt: skip
    found = get("/people", token, q="Person 5").json()
    assert [p["name"] for p in found["items"]] == ["Person 5"]


def test_person_detail_create_and_isolation(workspace, token):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    IdentityFactory(workspace=workspace, person=ann, value="ann@example.org")
    detail = get(f"/people/{ann.pk}", token).json()
    assert detail["emails"] == ["ann@example.org"] and detail["name"] == "Ann Lee"
    other = PersonFactory()  # another workspace
    for path in ("", "/interactions", "/matters", "/brief"):
        assert get(f"/people/{other.pk}{path}", token).status_code == 404, path
    created = Client().post(
        "/api/v1/people", json.dumps({"name": "Bo Chen", "emails": ["Bo@Example.org"]}),
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
    )  # fmt: skip
    assert created.status_code == 201 and created.json()["emails"] == ["bo@example.org"]
    clash = Client().post(
        "/api/v1/people", json.dumps({"name": "Bo Two", "emails": ["bo@example.org"]}),
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
    )  # fmt: skip
    assert clash.status_code == 409 and "already belongs" in clash.json()["detail"]


def test_private_things_stay_private_through_the_api(workspace, user):
    colleague = MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user
    _, theirs = api_token_create(workspace=workspace, user=colleague, name="theirs")
    _, mine = api_token_create(workspace=workspace, user=user, name="mine")
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    matter_add(workspace=workspace, person=ann, author=user, kind="health", what="Knee surgery")
    note = note_add(
        workspace=workspace, person=ann, author=user, body="Her knee surgery went well."
    )
    note.visibility = "private"
    note.save()
    for token, visible in ((mine, True), (theirs, False)):
        texts = json.dumps(
            [
                get(f"/people/{ann.pk}{p}", token).json()
                for p in ("/matters", "/interactions", "/brief")
            ]
        )
        assert ("Knee surgery" in texts or "knee surgery" in texts) is visible


def test_timeline_pages_and_total_count_only_what_the_reader_may_see(workspace, user):
    """The total comes from the page's own query (a window count): it must be the same
    number on every page, past the end too, and leave out a colleague's private note."""
    from datetime import timedelta

    from django.utils import timezone

    colleague = MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user
    _, theirs = api_token_create(workspace=workspace, user=colleague, name="theirs")
    _, mine = api_token_create(workspace=workspace, user=user, name="mine")
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    start = timezone.now() - timedelta(days=30)
    notes = [
        note_add(
            workspace=workspace, person=ann, author=user, body=f"Note {n}",
            occurred_at=start + timedelta(days=n),
        )
        for n in range(7)
    ]  # fmt: skip
    notes[3].visibility = "private"
    notes[3].save()
    for token, total in ((mine, 7), (theirs, 6)):
        seen = []
        for offset in (0, 3, 6, 50):
            page = get(f"/people/{ann.pk}/interactions", token, limit=3, offset=offset).json()
            assert page["count"] == total, (offset, page)
            seen += [item["body"] for item in page["items"]]
        expected = [f"Note {n}" for n in reversed(range(7)) if total == 7 or n != 3]
        assert seen == expected


def test_a_window_count_refuses_a_distinct_list():
    """COUNT(*) OVER () counts rows before DISTINCT: such a total would be too big."""
    from carefor.conversations.models import Interaction
    from carefor.conversations.selectors import page_and_total

    with pytest.raises(ValueError, match="DISTINCT"):
        page_and_total(Interaction.objects.distinct(), 0, 10)


def test_notes_capture_and_lists(workspace, user, token):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    response = Client().post(
        f"/api/v1/people/{ann.pk}/notes",
        json.dumps({"body": "She wants to learn Portuguese. I'll send her a course tomorrow."}),
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
    )  # fmt: skip
    assert response.status_code == 201
    kinds = {p["kind"] for p in response.json()["proposals"]}
    assert {"matter", "commitment"} <= kinds
    promises = get("/promises", token, state="suggested").json()
    assert promises["count"] == Commitment.objects.count() == 1
    assert get("/help", token).json() == {"items": [], "count": 0}
    assert get("/help", token, direction="sideways").status_code == 422
    assert get("/courtesy/awaiting", token, side="mine").json()["count"] == 0
    today = get("/today", token, limit=5).json()
    assert set(today) == {"date", "count", "more_replies", "items"}


def test_the_committed_schema_matches_the_code():
    current = api.get_openapi_schema()
    committed = json.loads(SCHEMA.read_text())
    assert committed == json.loads(json.dumps(current)), (
        "docs/openapi.json is out of date: run .venv/bin/python -m carefor.api.schema"
    )
    for path, operations in current["paths"].items():
        for method, operation in operations.items():
            assert operation.get("security"), f"{method} {path} has no auth"
            if (
                method == "get"
                and "{" not in path.rsplit("/", 1)[-1]
                and path.endswith(
                    ("people", "interactions", "matters", "promises", "help", "awaiting")
                )
            ):
                names = {p["name"] for p in operation.get("parameters", [])}
                assert {"limit", "offset"} <= names, f"{path} is not paginated"


def test_nul_characters_are_refused_or_ignored(workspace, token):
    """PostgreSQL cannot hold NUL: a search ignores it, a body with one is a 422."""
    PersonFactory(workspace=workspace, name="Ann Lee")
    assert get("/people", token, q="Ann\x00").json()["count"] == 1
    response = Client().post(
        "/api/v1/people", json.dumps({"name": "Bo\x00Chen"}),
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
    )  # fmt: skip
    assert response.status_code == 422


def test_page_ceilings_are_422_not_overflow(token):
    assert get("/people", token, limit=501).status_code == 422
    assert get("/people", token, offset=539210953214717394944).status_code == 422
    assert get("/people", token, limit=500, offset=10_000_000).status_code == 200


def test_token_requests_work_with_csrf_enforced(token):
    """A token in the header is not ambient authority, so the API needs no CSRF token —
    and a browser's cookies alone never open it (see test_auth_cannot_be_skipped…)."""
    response = Client(enforce_csrf_checks=True).post(
        "/api/v1/people", json.dumps({"name": "Zed"}),
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
    )  # fmt: skip
    assert response.status_code == 201
