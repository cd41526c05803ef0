"""The scope of a member's queues, from the request: their people, or ?everyone=1."""

from __future__ import annotations

from django.http import HttpRequest

from carefor.care.scope import Scope, scope_for


def request_scope(request: HttpRequest) -> Scope:
    return scope_for(
        workspace=request.workspace,  # type: ignore[attr-defined]
        user=request.user,  # type: ignore[arg-type]
        everyone=request.GET.get("everyone") == "1",
    )
