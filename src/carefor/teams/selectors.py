"""Reads for accounts and workspaces."""

from __future__ import annotations

from django.db.models import F, QuerySet
from django.utils import timezone

from carefor.teams.models import Invitation, Membership, User, Workspace


def workspaces_for_user(*, user: User) -> QuerySet[Workspace]:
    """The workspaces this account may work in: a deactivated membership gives none."""
    return Workspace.objects.filter(
        memberships__user=user, memberships__deactivated_at__isnull=True
    ).order_by("is_demo", "name")


def membership_get(*, user: User, workspace_id: int) -> Membership | None:
    """The active membership of this account in this workspace, if any."""
    return (
        Membership.objects.active()
        .select_related("workspace")
        .filter(user=user, workspace_id=workspace_id)
        .first()
    )


def members_list(*, workspace: Workspace) -> QuerySet[Membership]:
    """Everyone in the workspace, active first, deactivated ones too (they can come back)."""
    return (
        Membership.objects.filter(workspace=workspace)
        .select_related("user")
        # NULL order differs between SQLite and PostgreSQL: say which comes first.
        .order_by(F("deactivated_at").asc(nulls_first=True), "user__name", "user__email")
    )


def invitations_pending(*, workspace: Workspace) -> QuerySet[Invitation]:
    """Invitations that could still be accepted (not used, revoked or expired)."""
    return Invitation.objects.filter(
        workspace=workspace,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("created_by")
