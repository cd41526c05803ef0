"""Writes for accounts and workspaces: creating users, workspaces and the first-run setup."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify

from carefor.teams.models import Membership, SetupToken, User, Workspace


class SetupError(Exception):
    """First-run setup cannot go ahead; the message says why."""


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def user_create(*, email: str, name: str, password: str) -> User:
    """Create an account after checking the email and password; raises ValidationError."""
    email = email.strip().lower()
    validate_email(email)
    if User.objects.filter(email=email).exists():
        raise ValidationError({"email": f"There is already an account for {email}."})
    candidate = User(email=email, name=name.strip())
    validate_password(password, user=candidate)
    return User.objects.create_user(email=email, password=password, name=name.strip())


def _unique_slug(name: str) -> str:
    base = slugify(name)[:50] or "workspace"
    slug, n = base, 2
    while Workspace.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def workspace_create(*, name: str, owner: User | None, is_demo: bool = False) -> Workspace:
    workspace = Workspace.objects.create(
        name=name.strip(), slug=_unique_slug(name), is_demo=is_demo
    )
    if owner is not None:
        Membership.objects.create(workspace=workspace, user=owner, role=Membership.Role.OWNER)
    return workspace


def membership_add(
    *, workspace: Workspace, user: User, role: str = Membership.Role.MEMBER
) -> Membership:
    membership, _ = Membership.objects.get_or_create(
        workspace=workspace, user=user, defaults={"role": role}
    )
    return membership


def setup_needed() -> bool:
    """True until the first account exists."""
    return not User.objects.exists()


def setup_token_issue() -> str:
    """A fresh one-time setup token; earlier ones stop working. Only its hash is kept."""
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        SetupToken.objects.all().delete()
        SetupToken.objects.create(token_hash=_hash_token(token))
    return token


def setup_token_valid(token: str | None) -> bool:
    if not token:
        return False
    digest = _hash_token(token)
    return any(
        hmac.compare_digest(digest, stored)
        for stored in SetupToken.objects.values_list("token_hash", flat=True)
    )


@transaction.atomic
def setup_complete(
    *, token: str, email: str, name: str, password: str, workspace_name: str
) -> tuple[User, Workspace]:
    """Create the owner and their workspace, then burn the token.

    Workspaces nobody belongs to yet (a demo loaded before setup) are given to the owner.
    """
    if not setup_needed():
        raise SetupError("carefor is already set up; sign in instead.")
    if not setup_token_valid(token):
        raise SetupError("This setup link is not valid. Use the link `carefor serve` printed.")
    owner = user_create(email=email, name=name, password=password)
    owner.is_staff = owner.is_superuser = True
    owner.save(update_fields=["is_staff", "is_superuser"])
    workspace = workspace_create(name=workspace_name, owner=owner)
    for orphan in Workspace.objects.filter(memberships__isnull=True):
        Membership.objects.create(workspace=orphan, user=owner, role=Membership.Role.OWNER)
    SetupToken.objects.all().delete()
    return owner, workspace
