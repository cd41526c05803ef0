"""A workspace with one member of each role, and clients signed in as any of them."""

from __future__ import annotations

import pytest
from django.test import Client

from carefor.teams.models import Membership
from tests.factories import PASSWORD, MembershipFactory

ROLES = ["owner", "manager", "member", "viewer"]


@pytest.fixture
def team(workspace, membership) -> dict[str, Membership]:
    """role → membership; the owner is the suite's usual `user`."""
    members = {"owner": membership}
    for role in ROLES[1:]:
        members[role] = MembershipFactory(workspace=workspace, role=role)
    return members


def sign_in(membership: Membership, *, enforce_csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=enforce_csrf)
    assert client.login(email=membership.user.email, password=PASSWORD)
    return client


@pytest.fixture
def client_for():
    return sign_in
