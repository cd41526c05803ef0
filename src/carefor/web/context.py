from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from carefor import __version__
from carefor.memo.remember import remembered
from carefor.teams.roles import Action, can, permissions
from carefor.teams.selectors import workspaces_for_user


def workspace(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    workspaces = []
    if user and user.is_authenticated:
        workspaces = remembered(
            ("workspaces", user.pk), lambda: list(workspaces_for_user(user=user))
        )
    space = getattr(request, "workspace", None)
    membership = getattr(request, "membership", None)
    team = None
    if space is not None and membership is not None:
        from carefor.teams.models import Membership

        team = {
            "size": remembered(
                ("team-size", space.pk),
                lambda: Membership.objects.active().filter(workspace=space).count(),
            ),
            "role": membership.role,
            # What the member may do, by action name: {% if team.can.see_coverage %}.
            "can": permissions(membership),
            "can_manage": can(membership, Action.MANAGE_TEAM),
        }
    return {
        "team": team,
        "workspace": space,
        "workspaces": workspaces,
        "carefor_version": __version__,
    }
