"""Managing a team: changing roles, deactivating and reactivating members.

Each service takes `by`, the acting member's membership, and checks the role rules
itself (carefor.teams.roles), so the Team page and the CLI cannot disagree.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY as AUTH_USER_KEY
from django.db import transaction
from django.utils import timezone

from carefor.teams.models import ApiToken, Membership, User
from carefor.teams.roles import Action, Role, can


class TeamError(Exception):
    """A team change cannot go ahead; the message says why."""


class NotAllowed(TeamError):
    """The acting member's role does not allow this."""


def require(by: Membership | None, action: Action) -> None:
    if not can(by, action):
        if action == Action.MANAGE_TEAM:
            raise NotAllowed("Only the workspace's owners can invite, change roles or deactivate.")
        raise NotAllowed("Your role in this workspace does not allow that.")


def role_check(role: str) -> str:
    if role not in Role.values:
        raise TeamError(f"There is no role {role!r}; choose one of {', '.join(Role.values)}.")
    return role


def _same_workspace(by: Membership, membership: Membership) -> None:
    if membership.workspace_id != by.workspace_id:
        raise TeamError("That member belongs to another workspace.")


def _keep_an_owner(membership: Membership, doing: str) -> None:
    """Refuse to leave the workspace without an active owner: nobody could manage it."""
    if membership.role != Role.OWNER or membership.deactivated_at is not None:
        return
    # Lock the owners' rows so two owners demoting each other at once cannot both succeed.
    owners = list(
        Membership.objects.active()
        .select_for_update(of=("self",))
        .filter(workspace_id=membership.workspace_id, role=Role.OWNER)
        .values_list("pk", flat=True)
    )
    if owners == [membership.pk]:
        raise TeamError(
            f"{membership.user.email} is the last owner of {membership.workspace.name}; "
            f"make someone else an owner before you {doing} them."
        )


@transaction.atomic
def membership_role_set(*, by: Membership, membership: Membership, role: str) -> Membership:
    require(by, Action.MANAGE_TEAM)
    _same_workspace(by, membership)
    role_check(role)
    if role != Role.OWNER:
        _keep_an_owner(membership, "demote")
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_deactivate(*, by: Membership, membership: Membership) -> Membership:
    """Take away this member's access to the workspace at once: their sessions end (on
    every device) and their API tokens for the workspace are revoked. What they wrote
    stays, with their name on it."""
    require(by, Action.MANAGE_TEAM)
    _same_workspace(by, membership)
    if membership.deactivated_at is not None:
        return membership
    _keep_an_owner(membership, "deactivate")
    now = timezone.now()
    membership.deactivated_at = now
    membership.save(update_fields=["deactivated_at"])
    ApiToken.objects.filter(
        workspace_id=membership.workspace_id, user_id=membership.user_id, revoked_at__isnull=True
    ).update(revoked_at=now)
    sessions_end(user=membership.user)
    return membership


@transaction.atomic
def membership_reactivate(*, by: Membership, membership: Membership) -> Membership:
    """Give access back. They sign in again and make new API tokens if they need them."""
    require(by, Action.MANAGE_TEAM)
    _same_workspace(by, membership)
    if membership.deactivated_at is not None:
        membership.deactivated_at = None
        membership.save(update_fields=["deactivated_at"])
    return membership


def sessions_end(*, user: User) -> int:
    """Sign this account out everywhere; returns how many sessions ended.

    Sessions live in the database with the account's id only inside their encoded data,
    so each unexpired one is decoded and checked. A team has a few dozen live sessions:
    reading them on the rare deactivation is cheaper and simpler than keeping a
    session-to-account index in step with every sign-in, sign-out and expiry. (With a
    session backend that keeps no rows there is nothing to delete; the middleware
    refuses the deactivated membership on the next request anyway.)
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        return 0
    model = store.get_model_class()
    wanted = str(user.pk)
    keys = [
        session.session_key
        for session in model.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(AUTH_USER_KEY) == wanted
    ]
    for key in keys:
        store(session_key=key).delete()  # through the store: clears a cache in front of it too
    return len(keys)
