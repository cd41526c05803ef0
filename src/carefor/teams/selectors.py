"""Reads for accounts and workspaces."""

from __future__ import annotations

from django.db.models import QuerySet

from carefor.teams.models import Membership, User, Workspace


def workspaces_for_user(*, user: User) -> QuerySet[Workspace]:
    return Workspace.objects.filter(memberships__user=user).order_by("is_demo", "name")


def membership_get(*, user: User, workspace_id: int) -> Membership | None:
    return (
        Membership.objects.select_related("workspace")
        .filter(user=user, workspace_id=workspace_id, user__is_active=True)
        .first()
    )
