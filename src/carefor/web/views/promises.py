"""The Promises page: detected items to confirm, and open promises by due date."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from carefor.care.feed import feed_token_issue, feed_workspace, promises_calendar
from carefor.care.models import Commitment
from carefor.care.services import (
    commitment_close,
    commitment_confirm,
    commitments_open,
    commitments_suggested,
    follow_through_record,
)
from carefor.web.decorators import workspace_required
from carefor.web.scoping import request_scope

ACTIONS = {"kept", "released", "renegotiated", "dismissed", "confirm"}


@workspace_required
def promises_page(request: HttpRequest, feed_url: str = "") -> HttpResponse:
    ws, user, scope = request.workspace, request.user, request_scope(request)
    return render(
        request,
        "web/care/promises.html",
        {
            "suggested": commitments_suggested(workspace=ws, user=user, scope=scope)[:100],
            "open": commitments_open(workspace=ws, user=user, scope=scope),
            "scope": scope,
            "today": timezone.localdate(),
            "feed_url": feed_url,
            "record": follow_through_record(workspace=request.workspace, user=request.user),
        },
    )


@workspace_required
@require_POST
def feed_link(request: HttpRequest) -> HttpResponse:
    """Show a new calendar-feed link once; the old one stops working."""
    token = feed_token_issue(workspace=request.workspace, user=request.user)
    url = request.build_absolute_uri(reverse("promises-feed", args=[token]))
    return promises_page(request, feed_url=url)


@login_not_required
@require_GET
def promises_feed(request: HttpRequest, token: str) -> HttpResponse:
    workspace = feed_workspace(token)
    if workspace is None:
        raise Http404("No such feed.")
    return HttpResponse(
        promises_calendar(workspace=workspace), content_type="text/calendar; charset=utf-8"
    )


@workspace_required
@require_POST
def promise_action(request: HttpRequest, commitment_id: int) -> HttpResponse:
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        return HttpResponse("Choose an action.", status=400)
    try:
        if action == "confirm":
            commitment_confirm(
                workspace=request.workspace, user=request.user, commitment_id=commitment_id
            )
        else:
            due = None
            if action == "renegotiated":
                try:
                    due = date.fromisoformat(request.POST.get("due", ""))
                except ValueError:
                    return HttpResponse("Give the new date as YYYY-MM-DD.", status=400)
            commitment_close(
                workspace=request.workspace,
                user=request.user,
                commitment_id=commitment_id,
                state=action,
                note=request.POST.get("note", ""),
                due=due,
            )
    except Commitment.DoesNotExist:
        raise Http404("No such promise.") from None
    if request.htmx:
        return promises_page(request)
    return redirect("promises")
