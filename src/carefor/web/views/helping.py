"""Help given and received, pay-it-forward stories, and double-opt-in introductions."""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from carefor.care.help import (
    help_add,
    help_decide,
    help_link_forward,
    help_log,
    help_record_outcome,
    help_thank,
    paid_forward_stories,
)
from carefor.care.intro_drafts import mailto
from carefor.care.intro_flow import LABELS, SENDING, Event, IntroError, allowed_events, describe
from carefor.care.introductions import intro_draft, intro_propose, intro_step
from carefor.care.models import Help, Introduction
from carefor.people.models import Person
from carefor.people.selectors import person_find
from carefor.web.decorators import safe_next, workspace_required
from carefor.web.forms import HelpForm, IntroductionForm

DIRECTIONS = {"given": "I helped", "received": "Helped me", "between": "Between others"}


def _resolve(request: HttpRequest, form, field: str) -> Person | None:  # type: ignore[no-untyped-def]
    """The one person a form field names, or an error on the field."""
    reference = form.cleaned_data.get(field, "")
    if not reference:
        return None
    found = person_find(workspace=request.workspace, reference=reference)
    if len(found) == 1:
        return found[0]
    if not found:
        form.add_error(field, f"Nobody in this notebook matches “{reference}”.")
    else:
        names = ", ".join(f"{p.name} (#{p.pk})" for p in found[:6])
        form.add_error(field, f"Several people match: {names}. Type the #id.")
    return None


def _names(request: HttpRequest) -> list[str]:
    return list(
        Person.objects.filter(workspace=request.workspace)
        .order_by("name")
        .values_list("name", flat=True)[:2000]
    )


@workspace_required
@require_http_methods(["GET", "POST"])
def help_page(request: HttpRequest) -> HttpResponse:
    direction = request.GET.get("direction") or None
    if direction not in (None, *DIRECTIONS):
        direction = None
    form = HelpForm(request.POST or None, initial={"person": request.GET.get("person", "")})
    if request.method == "POST" and form.is_valid():
        person, other = _resolve(request, form, "person"), _resolve(request, form, "other")
        if person is not None and not form.errors:
            data = form.cleaned_data
            giver, receiver = {
                "given": (None, person),
                "received": (person, None),
                "between": (person, other),
            }[data["direction"]]
            try:
                help_add(
                    workspace=request.workspace,
                    user=request.user,
                    giver=giver,
                    receiver=receiver,
                    kind=data["kind"],
                    what=data["what"],
                    happened_on=data["happened_on"],
                    outcome=data["outcome"],
                )
                messages.success(request, "Kept in your help log.")
                return redirect(safe_next(request, "help"))
            except ValueError as exc:
                form.add_error(None, str(exc))
    me = request.user
    log = help_log(workspace=request.workspace, user=me, direction=direction)
    return render(
        request,
        "web/care/help.html",
        {
            "form": form,
            "log": log[:200],
            "direction": direction,
            "directions": DIRECTIONS,
            "suggested": help_log(
                workspace=request.workspace, user=me, states=[Help.State.SUGGESTED]
            )[:50],
            "stories": paid_forward_stories(workspace=request.workspace, user=me),
            "received": help_log(workspace=request.workspace, user=me, direction="received")[:200],
            "names": _names(request),
        },
    )


@workspace_required
@require_POST
def help_action(request: HttpRequest, help_id: int) -> HttpResponse:
    action = request.POST.get("action", "")
    ws, me = request.workspace, request.user
    try:
        if action in ("confirm", "dismiss"):
            help_decide(workspace=ws, help_id=help_id, accept=action == "confirm", user=me)
        elif action == "thanked":
            help_thank(workspace=ws, help_id=help_id, user=me)
        elif action == "outcome":
            help_record_outcome(
                workspace=ws, help_id=help_id, outcome=request.POST.get("outcome", ""), user=me
            )
        elif action == "forward":
            raw = request.POST.get("because_of", "")
            help_link_forward(
                workspace=ws,
                help_id=help_id,
                because_of_id=int(raw) if raw.isdigit() else None,
                user=me,
            )
        else:
            return HttpResponse("Choose an action.", status=400)
    except Help.DoesNotExist:
        raise Http404("No such help.") from None
    except ValueError as exc:
        messages.error(request, str(exc))
    return redirect(safe_next(request, "help"))


@workspace_required
@require_http_methods(["GET", "POST"])
def introductions_page(request: HttpRequest) -> HttpResponse:
    form = IntroductionForm(
        request.POST or None,
        initial={"a": request.GET.get("a", ""), "b": request.GET.get("b", "")},
    )
    if request.method == "POST" and form.is_valid():
        a, b = _resolve(request, form, "a"), _resolve(request, form, "b")
        if a is not None and b is not None and not form.errors:
            try:
                intro = intro_propose(
                    workspace=request.workspace,
                    user=request.user,
                    a=a,
                    b=b,
                    why_a=form.cleaned_data["why_a"],
                    why_b=form.cleaned_data["why_b"],
                )
                return redirect("introduction", intro_id=intro.pk)
            except ValueError as exc:
                form.add_error(None, str(exc))
    intros = (
        Introduction.objects.filter(workspace=request.workspace)
        .select_related("person_a", "person_b")
        .order_by("closed_at", "-created_at")
    )
    rows = [(i, describe(i.state, i.person_a.name, i.person_b.name)) for i in intros[:200]]
    return render(
        request,
        "web/care/introductions.html",
        {"form": form, "rows": rows, "names": _names(request)},
    )


@workspace_required
@require_http_methods(["GET", "POST"])
def introduction_detail(request: HttpRequest, intro_id: int) -> HttpResponse:
    intro = (
        Introduction.objects.filter(workspace=request.workspace, pk=intro_id)
        .select_related("person_a", "person_b")
        .first()
    )
    if intro is None:
        raise Http404("No such introduction.")
    a, b = intro.person_a.name, intro.person_b.name
    if request.method == "POST":
        try:
            result = intro_step(
                workspace=request.workspace,
                user=request.user,
                intro_id=intro.pk,
                event=request.POST.get("event", ""),
                subject=request.POST.get("subject", ""),
                body=request.POST.get("body", ""),
                send=request.POST.get("how") == "send",
                note=request.POST.get("note", ""),
            )
            if result.sent:
                messages.success(request, "Sent.")
            return redirect("introduction", intro_id=intro.pk)
        except (IntroError, ValueError) as exc:
            messages.error(request, str(exc))
            return redirect("introduction", intro_id=intro.pk)
        except (smtplib.SMTPException, OSError) as exc:
            messages.error(
                request,
                f"The SMTP server refused or could not be reached ({exc}); nothing was sent.",
            )
            return redirect("introduction", intro_id=intro.pk)
    events = allowed_events(intro.state)
    me = request.user.name or request.user.email
    sending = next((e for e in events if e in SENDING), None)
    draft = intro_draft(intro=intro, event=sending, me=me) if sending else None
    return render(
        request,
        "web/care/introduction.html",
        {
            "intro": intro,
            "state_text": describe(intro.state, a, b),
            "draft_event": sending,
            "draft": draft,
            "mailto": mailto(draft) if draft else "",
            "can_send": bool(settings.EMAIL_HOST),
            "answers": [
                (e.value, LABELS[e].format(a=a, b=b))
                for e in events
                if e not in SENDING and e not in (Event.CANCEL, Event.OUTCOME)
            ],
            "draft_label": LABELS[sending].format(a=a, b=b) if sending else "",
            "can_record_outcome": Event.OUTCOME in events,
            "can_cancel": Event.CANCEL in events,
        },
    )
