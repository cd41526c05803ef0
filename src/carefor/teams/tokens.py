"""API tokens: made and shown once, stored hashed, revoked for good."""

from __future__ import annotations

import hashlib
import secrets

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from carefor.teams.models import ApiToken, Membership, User, Workspace

TOKEN_PREFIX = "cf_"  # noqa: S105 (a visible marker, not a secret)
# Writing "last used" on every request would turn every read into a write; once a minute
# is enough to tell a live token from a forgotten one.
TOUCH_EVERY_SECONDS = 60


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_create(*, workspace: Workspace, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for this member; the raw token is returned once and never stored."""
    if not Membership.objects.active().filter(workspace=workspace, user=user).exists():
        raise PermissionError(f"{user.email} is not a member of {workspace.name}.")
    if not name.strip():
        raise ValueError("Name the token after what will use it, e.g. 'calendar sync'.")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        workspace=workspace,
        user=user,
        name=name.strip()[:100],
        token_hash=_hash(raw),
        prefix=raw[:10],
    )
    return token, raw


def api_token_authenticate(raw: str) -> ApiToken | None:
    """The live token for this raw value, or None (revoked, unknown, member gone or
    deactivated). It carries `member_role`, its member's role: a token acts with it."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    role = Membership.objects.active().filter(
        workspace=OuterRef("workspace"), user=OuterRef("user")
    )
    token = (
        ApiToken.objects.select_related("workspace", "user")
        .annotate(member_role=Subquery(role.values("role")[:1]))
        .filter(token_hash=_hash(raw), revoked_at__isnull=True, member_role__isnull=False)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if (
        token.last_used_at is None
        or (now - token.last_used_at).total_seconds() > TOUCH_EVERY_SECONDS
    ):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def api_tokens(*, workspace: Workspace, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(workspace=workspace, user=user)


def api_token_revoke(*, workspace: Workspace, user: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.get(workspace=workspace, user=user, pk=token_id)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
