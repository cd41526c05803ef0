"""Whose queue: in a team, Today, Courtesy and Promises show each member the people they
personally care for (seed 004: "who, specifically, cares for the customer?").

Working alone there is nothing to narrow: every person is mine. In a workspace with
more than one member, a member's queue holds the people they are a carer of, plus
anything explicitly theirs (a promise they made, a follow-up they set, an introduction
they started). "Everyone" widens it to the whole workspace, for the times a member
covers for a colleague. People nobody cares for are not silently spread over every
member's queue: the Coverage page is where they are found and given a carer.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from carefor.people.models import Carer
from carefor.teams.models import Membership, User, Workspace


@dataclass(frozen=True)
class Scope:
    user: User | None
    # Ids of the people in view (a subquery), or None when nothing is narrowed.
    person_ids: QuerySet[Carer] | None
    team: bool  # more than one member: "My people" and "Everyone" both make sense
    cares_for: int | None = None  # how many people I care for, when narrowed

    @property
    def mine(self) -> bool:
        return self.person_ids is not None

    def people(self, field: str = "person") -> Q:
        """Rows about the people in view."""
        if self.person_ids is None:
            return Q()
        return Q(**{f"{field}__in": self.person_ids})

    def mine_or(self, owner_field: str, *fields: str) -> Q:
        """This member's own rows, and rows nobody owns about the people in view. (A
        colleague's promise to a person I care for stays theirs to keep.) A row that has
        neither an owner nor a person — a promise found in mail from nobody we know — is
        everyone's, so it is not lost between queues."""
        if self.person_ids is None:
            return Q()
        fields = fields or ("person",)
        about = Q()
        for field in fields:
            about |= Q(**{f"{field}__in": self.person_ids})
        nobody = Q(**{f"{field}__isnull": True for field in fields})
        return Q(**{owner_field: self.user}) | (
            Q(**{f"{owner_field}__isnull": True}) & (about | nobody)
        )


def scope_for(*, workspace: Workspace, user: User, everyone: bool = False) -> Scope:
    """The scope a member's queues use: their people in a team, else the whole workspace.
    A viewer cares for nobody (they cannot be a carer), so theirs is the whole workspace."""
    roles = dict(
        Membership.objects.active().filter(workspace=workspace).values_list("user_id", "role")
    )
    team = len(roles) > 1
    if not team or everyone or roles.get(user.pk) == Membership.Role.VIEWER:
        return Scope(user=user, person_ids=None, team=team)
    ids = Carer.objects.filter(workspace=workspace, user=user).values("person_id")
    return Scope(user=user, person_ids=ids, team=True, cares_for=ids.count())


WHOLE = Scope(user=None, person_ids=None, team=False)
