"""The audit log: who viewed or changed what about a person. Owners read it.

A view is recorded at most once per member, person and kind of view in a short window, so
reloading a page does not bury the log; every change is recorded.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from carefor.people.models import AuditEvent, Person
from carefor.teams.models import User, Workspace

VIEW_WINDOW = timedelta(minutes=10)


def audit_record(
    *, workspace: Workspace, user: User | None, person: Person, action: str, what: str
) -> AuditEvent | None:
    if action == AuditEvent.Action.VIEWED:
        recent = AuditEvent.objects.filter(
            person=person, user=user, action=action, what=what, at__gte=timezone.now() - VIEW_WINDOW
        )
        if recent.exists():
            return None
    return AuditEvent.objects.create(
        workspace=workspace, user=user, person=person, action=action, what=what[:120]
    )


def audit_for_person(*, workspace: Workspace, person: Person) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(workspace=workspace, person=person).select_related("user")
