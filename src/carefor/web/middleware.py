"""Which workspace a signed-in request works in, and what its member's role lets it do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from carefor.teams.roles import READ_ONLY_MESSAGE, Action, can
from carefor.teams.selectors import membership_get, workspaces_for_user

SESSION_KEY = "workspace_id"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
# The only posts a read-only member (a viewer) may send: they change the viewer's own
# session or membership, or (checking a draft) nothing at all — never the notebook.
VIEWER_MAY_POST = frozenset({"login", "logout", "switch-workspace", "invite", "check"})


class ActiveWorkspaceMiddleware:
    """Sets request.workspace and request.membership from the session, checked against the
    user's active memberships on every request, so a removed or deactivated member loses
    access at once. Refuses every change asked by a viewer, in one place for every view."""

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

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], *args: Any
    ) -> HttpResponse | None:
        # Here rather than in __call__: only now is the URL resolved, to tell the
        # exceptions above and the API (which applies its token's role itself) apart.
        membership = request.membership  # type: ignore[attr-defined]
        if request.method in SAFE_METHODS or membership is None:
            return None
        match = request.resolver_match
        if match is None or "api-v1" in match.namespaces or match.view_name in VIEWER_MAY_POST:
            return None
        if can(membership, Action.WRITE):
            return None
        return render(request, "web/read_only.html", {"message": READ_ONLY_MESSAGE}, status=403)
