"""Who may see a note, matter, life event or follow-up.

Three levels (people.models.Visibility): only its author; the person's carers (and its
author); everyone in the workspace. Health and family default to carers. "Only me" means
only me: not in another member's lists, search, briefs, exports or the API, an owner's
included. Every read goes through these functions, so no page can forget them.

Without a user (the calendar feed, the mailed digest: what leaves the machine) only what
everyone in the workspace may see.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from carefor.people.models import Carer, Visibility
from carefor.teams.models import User

WORKSPACE, CARERS = Visibility.WORKSPACE, Visibility.CARERS


def cared_for_by(user: User) -> QuerySet[Carer]:
    """The ids of the people this member is a carer of (a subquery)."""
    return Carer.objects.filter(user=user).values("person_id")


def visible_to(
    user: User | None, *, author_field: str = "author", person_field: str = "person"
) -> Q:
    """Matters, life events and follow-ups this user may see."""
    if user is None:
        return Q(visibility=WORKSPACE)
    return (
        Q(visibility=WORKSPACE)
        | Q(**{author_field: user})
        | Q(visibility=CARERS, **{f"{person_field}__in": cared_for_by(user)})
    )


def interactions_visible_to(user: User | None, prefix: str = "") -> Q:
    """Interactions (notes) this user may see; `prefix` reaches them through a relation,
    e.g. "source__" from what was found in a note."""
    if user is None:
        return Q(**{f"{prefix}visibility": WORKSPACE})
    from carefor.conversations.models import Participant  # conversations sits below care

    about_my_people = Participant.objects.filter(
        interaction=OuterRef(prefix.removesuffix("__") or "pk"), person__in=cared_for_by(user)
    )
    return (
        Q(**{f"{prefix}visibility": WORKSPACE})
        | Q(**{f"{prefix}author": user})
        | (Q(**{f"{prefix}visibility": CARERS}) & Exists(about_my_people))
    )


def commitments_visible_to(user: User | None) -> Q:
    """Promises and requests found in a note are as private as the note; my own are mine."""
    shared = Q(source__isnull=True) | interactions_visible_to(user, "source__")
    return shared | Q(owner=user) if user is not None else shared


def help_visible_to(user: User | None) -> Q:
    """Help found in a note is as private as the note."""
    return Q(source__isnull=True) | interactions_visible_to(user, "source__")
