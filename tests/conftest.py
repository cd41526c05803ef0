from __future__ import annotations

import os

import pytest
from django.test import Client

from tests.factories import PASSWORD, MembershipFactory

# Sync Playwright runs an event loop in the test thread; Django would otherwise refuse
# ORM calls from it. Must be set before any test touches the database.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def membership(db):
    """A user who owns a workspace."""
    return MembershipFactory()


@pytest.fixture
def workspace(membership):
    return membership.workspace


@pytest.fixture
def user(membership):
    return membership.user


@pytest.fixture
def signed_in(user) -> Client:
    """A CSRF-enforcing client, signed in as the workspace owner."""
    client = Client(enforce_csrf_checks=True)
    assert client.login(email=user.email, password=PASSWORD)
    return client
