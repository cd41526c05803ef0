"""The audit log: who viewed or changed what about a person. Owners read it.

A view is recorded at most once per member, person and kind of view in a short window, so
reloading a page does not bury the log; every change is recorded.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from carefor.people.models import AuditEvent, Person
from carefor.teams.models import User, Workspace

VIEW_WINDOW = timedelta(minutes=10)


def audit_record(
    *, workspace: Workspace, user: User | None, person: Person, action: str, what: str
) -> None:
    what = what[:120]
    if action == AuditEvent.Action.VIEWED and user is not None and connection.vendor != "sqlite":
        _record_view(workspace=workspace, user=user, person=person, what=what)
        return
    if action == AuditEvent.Action.VIEWED:
        recent = AuditEvent.objects.filter(
            person=person, user=user, action=action, what=what, at__gte=timezone.now() - VIEW_WINDOW
        )
        if recent.exists():
            return
    AuditEvent.objects.create(
        workspace=workspace, user=user, person=person, action=action, what=what
    )


def _record_view(*, workspace: Workspace, user: User, person: Person, what: str) -> None:
    """One statement for "record this view unless it is already in the window": a view
    is recorded on every person page and API read, so the check and the insert travel
    together instead of as two queries. Not on SQLite, where an INSERT takes the write
    lock even when it inserts nothing: a reload would wait behind an import, while a
    plain read (the check alone) never does."""
    now = timezone.now()
    at, since = (connection.ops.adapt_datetimefield_value(t) for t in (now, now - VIEW_WINDOW))
    table, viewed = AuditEvent._meta.db_table, str(AuditEvent.Action.VIEWED)
    new_row = (workspace.pk, user.pk, person.pk, viewed, what, at)
    same_view = (person.pk, user.pk, viewed, what, since)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (workspace_id, user_id, person_id, action, what, at) "  # noqa: S608 (a model table)
            "SELECT %s, %s, %s, %s, %s, %s WHERE NOT EXISTS ("
            f"SELECT 1 FROM {table} WHERE person_id = %s AND user_id = %s AND action = %s "
            "AND what = %s AND at >= %s)",
            [*new_row, *same_view],
        )


def audit_for_person(*, workspace: Workspace, person: Person) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(workspace=workspace, person=person).select_related("user")
