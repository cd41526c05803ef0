"""`carefor token`: a token is printed once, listed without its secret, and revoked."""

import json

import pytest
from click.testing import CliRunner
from django.test import Client

from carefor.cli import main

pytestmark = pytest.mark.django_db


def test_create_list_revoke(workspace, user):
    runner = CliRunner()
    made = json.loads(runner.invoke(main, ["token", "create", "calendar sync", "--json"]).output)
    raw = made["token"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert Client().get("/api/v1/people", **auth).status_code == 200
    listed = runner.invoke(main, ["token", "list", "--json"]).output
    assert raw not in listed
    (row,) = json.loads(listed)["tokens"]
    assert (row["name"], row["revoked"], row["prefix"]) == ("calendar sync", False, raw[:10])
    assert row["last_used_at"] is not None
    revoked = runner.invoke(main, ["token", "revoke", str(made["id"])])
    assert revoked.exit_code == 0 and "Revoked token" in revoked.output
    assert Client().get("/api/v1/people", **auth).status_code == 401
    missing = runner.invoke(main, ["token", "revoke", "999"])
    assert missing.exit_code == 1 and "no token #999" in missing.output
    unnamed = runner.invoke(main, ["token", "create", "  "])
    assert unnamed.exit_code == 1 and "Name the token" in unnamed.output
