"""`carefor invite` and `carefor member`: the Team page's rules from the terminal; every
mistake is one line and an exit code, never a traceback."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.test import Client

from carefor.cli import main
from carefor.teams.models import ApiToken, Invitation, Membership
from carefor.teams.tokens import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_owner(team, workspace):
    def run(*args: str, user=None):
        who = (user or team["owner"]).user.email
        return CliRunner().invoke(main, [*args, "--user", who, "--workspace", workspace.slug])

    return run


def _refused(result, code: int, words: str) -> None:
    assert result.exit_code == code, result.output
    assert words in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def test_invite_create_prints_a_working_link(as_owner, workspace):
    result = as_owner("invite", "create", "--role", "viewer", "--email", "Noor@Example.org")
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8000/invite/" in result.output and "noor@example.org" in result.output
    made = json.loads(
        as_owner(
            "invite",
            "create",
            "--role",
            "member",
            "--base-url",
            "https://care.example.org/",
            "--json",
        ).output
    )
    assert set(made) == {"id", "workspace", "role", "email", "link", "expires_at"}
    assert made["link"].startswith("https://care.example.org/invite/") and made["email"] is None
    path = made["link"].removeprefix("https://care.example.org")
    assert f"Join {workspace.name}" in Client().get(path).content.decode()
    assert Invitation.objects.count() == 2


def test_invite_mistakes(as_owner, team):
    _refused(as_owner("invite", "create", "--role", "boss"), 2, "Invalid value for '--role'")
    _refused(as_owner("invite", "create"), 2, "Missing option '--role'")
    _refused(
        as_owner("invite", "create", "--role", "member", user=team["manager"]),
        1,
        "Only the workspace's owners",
    )
    _refused(as_owner("invite", "create", "--role", "member", "--email", "nope"), 1, "not an email")
    assert Invitation.objects.count() == 0


def test_member_list(as_owner, team):
    text = as_owner("member", "list")
    assert text.exit_code == 0 and team["viewer"].user.email in text.output
    data = json.loads(as_owner("member", "list", "--json", user=team["manager"]).output)
    assert {m["email"]: m["role"] for m in data["members"]} == {
        m.user.email: role for role, m in team.items()
    }
    assert set(data["members"][0]) == {
        "email", "name", "role", "active", "joined", "deactivated_at",
    }  # fmt: skip
    _refused(as_owner("member", "list", user=team["member"]), 1, "does not allow")


def test_member_role_deactivate_reactivate(as_owner, team, workspace):
    viewer = team["viewer"]
    promoted = as_owner("member", "role", viewer.user.email, "manager")
    assert promoted.exit_code == 0 and "is now manager" in promoted.output
    api_token_create(workspace=workspace, user=viewer.user, name="t")
    gone = as_owner("member", "deactivate", viewer.user.email)
    assert gone.exit_code == 0 and "Deactivated" in gone.output
    viewer.refresh_from_db()
    assert viewer.role == "manager" and viewer.deactivated_at is not None
    assert ApiToken.objects.get().revoked_at is not None
    listed = json.loads(as_owner("member", "list", "--json").output)["members"]
    assert [m["active"] for m in listed if m["email"] == viewer.user.email] == [False]
    back = as_owner("member", "reactivate", viewer.user.email)
    assert back.exit_code == 0 and Membership.objects.get(pk=viewer.pk).deactivated_at is None


def test_member_mistakes(as_owner, team):
    owner = team["owner"].user.email
    _refused(as_owner("member", "role", owner, "member"), 1, "last owner")
    _refused(as_owner("member", "deactivate", owner), 1, "last owner")
    _refused(as_owner("member", "role", owner, "boss"), 2, "Invalid value for 'ROLE'")
    _refused(as_owner("member", "role", owner), 2, "Missing argument 'ROLE'")
    _refused(as_owner("member", "deactivate", "nobody@example.org"), 1, "is not a member")
    member = team["member"].user.email
    _refused(as_owner("member", "deactivate", member, user=team["manager"]), 1, "owners")
    assert Membership.objects.get(user=team["owner"].user).role == "owner"
