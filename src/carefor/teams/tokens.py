"""API tokens: made and shown once, stored hashed, revoked for good."""

from __future__ import annotations

import functools
import hashlib
import secrets
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
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


@dataclass
class TokenAccess:
    """A live token: whose it is, in which workspace, and its member's role right now (a
    token acts with it). The member and workspace objects are read only when asked for:
    the API's views need them, a remembered answer needs just the ids and the role."""

    token_id: int
    workspace_id: int
    user_id: int
    role: str

    @functools.cached_property
    def workspace(self) -> Workspace:
        return self._owner[1]

    @functools.cached_property
    def user(self) -> User:
        return self._owner[0]

    @functools.cached_property
    def _owner(self) -> tuple[User, Workspace]:
        # Names and settings only: whether the token, the membership and the account are
        # live was checked fresh by the lookup itself.
        from carefor.memo.remember import remembered

        return remembered(
            ("token-owner", self.user_id, self.workspace_id),
            lambda: (
                User.objects.get(pk=self.user_id),
                Workspace.objects.get(pk=self.workspace_id),
            ),
        )


@functools.cache
def _live_token_sql() -> str:
    """One constant statement, on every API request: the token, not revoked, of a member
    not deactivated, whose account is active (Membership.objects.active()). Built by the
    ORM it cost about 1.2 ms of Python a request; this about 0.2 (docs/benchmarks.md)."""
    return (
        "SELECT t.id, t.workspace_id, t.user_id, m.role, t.last_used_at"  # noqa: S608 (model tables)
        f" FROM {ApiToken._meta.db_table} t"
        f" JOIN {Membership._meta.db_table} m"
        " ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id"
        f" JOIN {User._meta.db_table} u ON u.id = t.user_id"
        " WHERE t.token_hash = %s AND t.revoked_at IS NULL"
        " AND m.deactivated_at IS NULL AND u.is_active = %s"
    )


def api_token_authenticate(raw: str) -> TokenAccess | None:
    """The live token for this raw value, or None (revoked, unknown, member gone or
    deactivated, account deactivated)."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    with connection.cursor() as cursor:
        cursor.execute(_live_token_sql(), [_hash(raw), True])
        row = cursor.fetchone()
    if row is None:
        return None
    token_id, workspace_id, user_id, role, last_used_at = row
    now = timezone.now()
    if last_used_at is not None and timezone.is_naive(last_used_at):
        # SQLite hands back the stored time without its zone (the connection's, UTC).
        last_used_at = timezone.make_aware(last_used_at, connection.timezone)
    if last_used_at is None or (now - last_used_at).total_seconds() > TOUCH_EVERY_SECONDS:
        ApiToken.objects.filter(pk=token_id).update(last_used_at=now)
    return TokenAccess(token_id, workspace_id, user_id, role)


def api_tokens(*, workspace: Workspace, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(workspace=workspace, user=user)


def api_token_revoke(*, workspace: Workspace, user: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.get(workspace=workspace, user=user, pk=token_id)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
