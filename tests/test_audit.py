"""The audit log: who viewed or changed what about a person; owners read it."""

import pytest
from django.test import Client
from django.urls import reverse

from carefor.people.models import AuditEvent
from carefor.teams.models import Membership
from carefor.teams.tokens import api_token_create
from tests.factories import PASSWORD, MembershipFactory, PersonFactory
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db


def test_views_and_changes_are_recorded_and_shown_to_owners(workspace, user, signed_in):
    colleague = MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    member = Client()
    assert member.login(email=colleague.email, password=PASSWORD)
    page = reverse("people:detail", args=[ann.pk])
    member.get(page)
    member.get(page)  # a reload within minutes is not a new entry
    member.get(reverse("people:brief", args=[ann.pk]))
    post_with_csrf(
        member, page, reverse("people:note-add", args=[ann.pk]), {"body": "Met for lunch."}
    )
    _, raw = api_token_create(workspace=workspace, user=colleague, name="t")
    Client().get(f"/api/v1/people/{ann.pk}", HTTP_AUTHORIZATION=f"Bearer {raw}")
    events = [(e.user, e.action, e.what) for e in AuditEvent.objects.order_by("at", "id")]
    assert events == [
        (colleague, "viewed", "page"),  # once: the reload and the note form's page load
        (colleague, "viewed", "brief"),  # fall in the same ten minutes
        (colleague, "changed", "note"),
        (colleague, "viewed", "api"),
    ]
    log = signed_in.get(reverse("people:audit", args=[ann.pk])).content.decode()
    assert colleague.name in log and "viewed the brief" in log and "changed the note" in log
    assert "Met for lunch" not in log  # what, never the content
    assert member.get(reverse("people:audit", args=[ann.pk])).status_code == 403
    other = PersonFactory()
    assert signed_in.get(reverse("people:audit", args=[other.pk])).status_code == 404


def test_merging_keeps_the_log_and_the_carers(workspace, user):
    from carefor.care.coverage import carer_add
    from carefor.people.audit import audit_record
    from carefor.people.services import person_merge

    keep = PersonFactory(workspace=workspace, name="Ann Lee")
    drop = PersonFactory(workspace=workspace, name="Ann  Lee")
    audit_record(workspace=workspace, user=user, person=drop, action="viewed", what="page")
    carer_add(workspace=workspace, person=drop, user=user)
    carer_add(workspace=workspace, person=keep, user=user)  # the same carer on both
    person_merge(workspace=workspace, keep=keep, drop=drop)
    assert keep.audit_events.count() == 1
    assert list(keep.carers.values_list("user_id", flat=True)) == [user.pk]


def test_a_view_is_recorded_once_per_window_then_again(workspace, user):
    """Within ten minutes a member's views of one person make one entry (per kind of
    view); after it, the next view is a new entry."""
    from datetime import timedelta

    from django.utils import timezone

    from carefor.people.audit import VIEW_WINDOW, audit_record
    from carefor.people.models import AuditEvent

    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    colleague = MembershipFactory(workspace=workspace).user

    def view(who, what="page"):
        audit_record(workspace=workspace, user=who, person=ann, action="viewed", what=what)

    view(user)
    view(user)
    view(user, "api")
    view(colleague)
    assert ann.audit_events.count() == 3
    AuditEvent.objects.filter(person=ann).update(
        at=timezone.now() - VIEW_WINDOW - timedelta(seconds=5)
    )
    view(user)
    assert ann.audit_events.filter(user=user, what="page").count() == 2
    assert ann.audit_events.filter(user=user, what="api").count() == 1
