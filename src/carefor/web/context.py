from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from carefor import __version__
from carefor.teams.selectors import workspaces_for_user


def workspace(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    workspaces = workspaces_for_user(user=user) if user and user.is_authenticated else []
    return {
        "workspace": getattr(request, "workspace", None),
        "workspaces": workspaces,
        "carefor_version": __version__,
    }
