from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from carefor import __version__
from carefor.teams.selectors import workspaces_for_user


def workspace(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    workspaces = workspaces_for_user(user=user) if user and user.is_authenticated else []
    space = getattr(request, "workspace", None)
    team = None
    if space is not None and user is not None and user.is_authenticated:
        from carefor.teams.models import Membership

        roles = dict(Membership.objects.filter(workspace=space).values_list("user_id", "role"))
        team = {"size": len(roles), "owner": roles.get(user.pk) == Membership.Role.OWNER}
    return {
        "team": team,
        "workspace": space,
        "workspaces": workspaces,
        "carefor_version": __version__,
    }
