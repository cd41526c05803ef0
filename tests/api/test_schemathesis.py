"""schemathesis against the committed OpenAPI schema: every operation, authenticated,
generated inputs — no server errors, no responses that break the schema."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

from carefor.teams.tokens import api_token_create
from tests.factories import PersonFactory

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def keep_test_connection():
    """Django closes the database connection after each request; inside a test that is the
    test's own transaction (its test client disconnects the same hook, as here)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_token(workspace, user, keep_test_connection):
    PersonFactory(workspace=workspace, name="Ann Lee")
    _, raw = api_token_create(workspace=workspace, user=user, name="schemathesis")
    return raw


@pytest.mark.django_db
@schema.parametrize()
# Derandomized: the same inputs on every run, so CI is repeatable; widen or reseed here
# to explore (the two bugs it found — an overflowing offset, a NUL in PostgreSQL text —
# now have plain tests of their own in test_api.py).
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms(case, api_token):
    # All of schemathesis's checks (no server error, documented status codes, content
    # types, response schemas, auth that cannot be skipped…) except the two about input
    # validation being complete: the API ignores unknown query parameters and clamps
    # limits by design, and an address can fit the schema's shape yet not be a real one.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {api_token}"},
        excluded_checks=[negative_data_rejection, positive_data_acceptance],
    )
