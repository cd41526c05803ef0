"""Who may see a private note, matter, life event or follow-up: its author only.

Every read of these goes through `visible_to`, so no list, search, brief or export can
forget it. Issue 9 widens this to "shared with the person's carers".
"""

from __future__ import annotations

from django.db.models import Q

from carefor.teams.models import User


def commitments_visible_to(user: User | None) -> Q:
    """Promises and requests found in a private note are private like the note."""
    shared = Q(source__isnull=True) | Q(source__private=False)
    return shared | Q(owner=user) if user is not None else shared


def help_visible_to(user: User | None) -> Q:
    """Help found in a private note is private like the note."""
    shared = Q(source__isnull=True) | Q(source__private=False)
    return shared | Q(source__author=user) if user is not None else shared


def visible_to(user: User | None, *, author_field: str = "author") -> Q:
    """Rows that are not private, or private and written by this user."""
    if user is None:
        return Q(private=False)
    return Q(private=False) | Q(**{author_field: user})
