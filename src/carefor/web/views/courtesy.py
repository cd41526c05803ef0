"""The Courtesy page: who waits on my reply, whom I wait on; dismiss and snooze in place."""

from __future__ import annotations

from datetime import timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from carefor.conversations.courtesy import (
    awaiting,
    courtesy_mark,
    monthly_reply_hours,
    reply_figures,
)
from carefor.conversations.models import CourtesyMark, ReplyTurn
from carefor.people.models import Person
from carefor.teams.models import Workspace
from carefor.web.charts import reply_time_chart
from carefor.web.decorators import workspace_required
from carefor.web.scoping import request_scope

WINDOWS = {"90": 90, "365": 365, "all": None}
SNOOZE_DAYS = (3, 7, 30)


def reply_chart(workspace: Workspace, person: Person | None = None) -> str:
    points = monthly_reply_hours(workspace=workspace, person=person)
    return mark_safe(reply_time_chart(points))  # noqa: S308  (numbers, with every text escaped)


@workspace_required
def courtesy_page(request: HttpRequest) -> HttpResponse:
    window = request.GET.get("window", "365")
    days = WINDOWS.get(window, 365)
    since = timezone.now() - timedelta(days=days) if days else None
    scope = request_scope(request)
    ws, user, ids = request.workspace, request.user, scope.person_ids
    context = {
        "mine": awaiting(workspace=ws, user=user, side="mine", person_ids=ids),
        "theirs": awaiting(workspace=ws, user=user, side="theirs", person_ids=ids),
        "scope": scope,
        "my_figures": reply_figures(workspace=request.workspace, side="mine", since=since),
        "their_figures": reply_figures(workspace=request.workspace, side="theirs", since=since),
        "chart": reply_chart(request.workspace),
        "window": window,
        "snooze_days": SNOOZE_DAYS,
    }
    return render(request, "web/courtesy.html", context)


@workspace_required
@require_POST
def courtesy_action(request: HttpRequest, turn_id: int) -> HttpResponse:
    action = request.POST.get("action", "")
    until = None
    if action == "dismiss":
        state = CourtesyMark.State.DISMISSED
    elif action.startswith("snooze-") and action[7:].isdigit():
        state = CourtesyMark.State.SNOOZED
        until = timezone.now() + timedelta(days=min(int(action[7:]), 365))
    else:
        return HttpResponse("Choose dismiss or snooze.", status=400)
    try:
        courtesy_mark(
            workspace=request.workspace,
            user=request.user,
            turn_id=turn_id,
            state=state,
            until=until,
        )
    except ReplyTurn.DoesNotExist:
        raise Http404("No such item.") from None
    if request.htmx:
        return HttpResponse("")  # the row disappears in place
    return redirect("courtesy")
