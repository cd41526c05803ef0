"""Which workspace a signed-in request works in."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from carefor.teams.selectors import membership_get, workspaces_for_user

SESSION_KEY = "workspace_id"


class ActiveWorkspaceMiddleware:
    """Sets request.workspace and request.membership from the session, checked against the
    user's memberships on every request, so a removed member loses access at once."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.workspace = None  # type: ignore[attr-defined]
        request.membership = None  # type: ignore[attr-defined]
        user = request.user
        if user.is_authenticated:
            membership = None
            wanted = request.session.get(SESSION_KEY)
            if wanted is not None:
                membership = membership_get(user=user, workspace_id=wanted)
            if membership is None:
                first = workspaces_for_user(user=user).first()
                if first is not None:
                    membership = membership_get(user=user, workspace_id=first.pk)
                    request.session[SESSION_KEY] = first.pk
            if membership is not None:
                request.workspace = membership.workspace  # type: ignore[attr-defined]
                request.membership = membership  # type: ignore[attr-defined]
        return self.get_response(request)
