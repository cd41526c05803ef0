"""Who may do what in a workspace: the one place the role rules live.

Views, the context processor, the API and the CLI all ask `can(...)`; none of them
compares role names itself, so the rules below are the whole story (docs/security.md
has them as a table, and a test keeps the two in step).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from carefor.teams.models import Membership

Role = Membership.Role  # owner, manager, member, viewer


class Action(StrEnum):
    READ = "read"  # read the notebook
    WRITE = "write"  # change the notebook: people, notes, matters, promises, help, imports…
    CARE_FOR_SELF = "care_for_self"  # add or remove themself as a person's carer
    ASSIGN_CARERS = "assign_carers"  # add or remove any member as any person's carer
    SEE_COVERAGE = "see_coverage"  # the Coverage page
    SEE_TEAM = "see_team"  # the Team page's member list
    MANAGE_TEAM = "manage_team"  # invite, change roles, deactivate and reactivate
    READ_AUDIT = "read_audit"  # the access log on a person's page


_MEMBER = frozenset({Action.READ, Action.WRITE, Action.CARE_FOR_SELF})
_MANAGER = _MEMBER | {Action.ASSIGN_CARERS, Action.SEE_COVERAGE, Action.SEE_TEAM}

RULES: dict[Role, frozenset[Action]] = {
    Role.OWNER: frozenset(Action),
    Role.MANAGER: _MANAGER,
    Role.MEMBER: _MEMBER,
    Role.VIEWER: frozenset({Action.READ}),
}

READ_ONLY_MESSAGE = (
    "Your role in this workspace is viewer: you can read the notebook but not change it. "
    "Ask an owner if you need to."
)


class HasRole(Protocol):
    """A Membership, or anything else with a role and maybe a deactivation time."""

    role: str


def can(who: HasRole | str | None, action: Action | str) -> bool:
    """Whether this membership (or bare role name) may do this. No membership, an unknown
    role or a deactivated membership may do nothing."""
    if who is None:
        return False
    if not isinstance(who, str):
        if getattr(who, "deactivated_at", None) is not None:
            return False
        who = who.role
    try:
        return Action(action) in RULES[Role(who)]
    except ValueError:
        return False


def permissions(who: HasRole | str | None) -> dict[str, bool]:
    """Every action with yes or no, for templates (`team.can.see_coverage`)."""
    return {action.value: can(who, action) for action in Action}
