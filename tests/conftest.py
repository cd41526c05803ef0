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


# --- Real browser (Playwright driving Debian's Chromium; no browser download) ---------

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    configured = os.environ.get("CAREFOR_CHROMIUM")
    candidates = (configured,) if configured else CHROMIUM_CANDIDATES
    return next((path for path in candidates if path and os.path.exists(path)), None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    if path is None:
        message = (
            "Chromium not found. Install Debian's chromium (sudo apt-get install chromium) "
            "or set CAREFOR_CHROMIUM to its path."
        )
        # CI must run the browser tests, never skip them.
        if os.environ.get("CAREFOR_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}
