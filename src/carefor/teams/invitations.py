"""Invitations by link: an owner makes one, whoever opens it joins with its role.

The link carries a random token; only its SHA-256 is stored (like API tokens), so the
database alone cannot be used to join. Each invitation works once, for a week, and can
be withdrawn; one that names an email works only for that account.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from carefor.teams.members import TeamError, require, role_check
from carefor.teams.models import Invitation, Membership, User
from carefor.teams.roles import Action
from carefor.teams.services import user_create

INVITATION_DAYS = 7


class InvitationError(TeamError):
    """This invitation cannot be accepted (by this account); the message says why."""


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def invitation_create(*, by: Membership, role: str, email: str = "") -> tuple[Invitation, str]:
    """A new invitation to `by`'s workspace; the raw token is returned once, never stored."""
    require(by, Action.MANAGE_TEAM)
    role_check(role)
    email = email.strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise TeamError(f"{email!r} is not an email address.") from None
    raw, now = secrets.token_urlsafe(32), timezone.now()
    invitation = Invitation.objects.create(
        workspace=by.workspace,
        role=role,
        email=email,
        created_by=by.user,
        token_hash=_hash(raw),
        created_at=now,
        expires_at=now + timedelta(days=INVITATION_DAYS),
    )
    return invitation, raw


def invitation_find(raw: str) -> Invitation | None:
    return Invitation.objects.select_related("workspace").filter(token_hash=_hash(raw)).first()


def invitation_problem(invitation: Invitation | None, user: User | None = None) -> str | None:
    """Why this invitation cannot be accepted (by this account, when given), or None."""
    if invitation is None:
        return "This invitation link is not valid. Ask the person who sent it for a new one."
    if invitation.revoked_at is not None:
        return "This invitation was withdrawn. Ask the person who sent it for a new one."
    if invitation.accepted_at is not None:
        return "This invitation has already been used. Ask the person who sent it for a new one."
    if invitation.expires_at <= timezone.now():
        return (
            f"This invitation expired on {invitation.expires_at:%d %B %Y}. "
            "Ask the person who sent it for a new one."
        )
    if user is None:
        return None
    if invitation.email and user.email != invitation.email:
        return (
            f"This invitation is for {invitation.email}, and you are signed in as "
            f"{user.email}. Sign out and open the link again as {invitation.email}."
        )
    existing = Membership.objects.filter(workspace=invitation.workspace, user=user).first()
    if existing is not None and existing.deactivated_at is not None:
        return (
            f"Your membership of {invitation.workspace.name} was deactivated; "
            "ask an owner to reactivate it."
        )
    if existing is not None:
        return f"You are already a member of {invitation.workspace.name} ({existing.role})."
    return None


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> Membership:
    """Join the invitation's workspace with its role, and use the invitation up."""
    # Locked, so the same link opened twice at once makes one member, not two.
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("workspace")
        .filter(token_hash=_hash(token))
        .first()
    )
    problem = invitation_problem(invitation, user)
    if problem is not None:
        raise InvitationError(problem)
    assert invitation is not None  # invitation_problem said so
    membership = Membership.objects.create(
        workspace=invitation.workspace, user=user, role=invitation.role
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_accept_new_account(
    *, token: str, name: str, email: str, password: str
) -> Membership:
    """Create an account (checked like any other) and accept the invitation with it.
    Raises InvitationError, or ValidationError for the account's details."""
    invitation = invitation_find(token)
    problem = invitation_problem(invitation)
    if problem is not None:
        raise InvitationError(problem)
    assert invitation is not None
    if invitation.email and email.strip().lower() != invitation.email:
        raise InvitationError(f"This invitation is for {invitation.email}; use that address.")
    user = user_create(email=email, name=name, password=password)
    return invitation_accept(token=token, user=user)


def invitation_revoke(*, by: Membership, invitation_id: int) -> Invitation:
    require(by, Action.MANAGE_TEAM)
    invitation = Invitation.objects.filter(workspace=by.workspace, pk=invitation_id).first()
    if invitation is None:
        raise TeamError(f"There is no invitation #{invitation_id} in {by.workspace.name}.")
    if invitation.revoked_at is None and invitation.accepted_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation
