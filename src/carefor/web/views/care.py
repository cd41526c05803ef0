"""Today, the brief, the weekly review, matters, follow-ups and quick-capture proposals."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from carefor.care.brief import person_brief
from carefor.care.capture import PROPOSAL_KINDS, proposal_decide
from carefor.care.follow_ups import follow_up_act, follow_up_add
from carefor.care.matters import (
    matter_add,
    matter_confirm,
    matter_set_state,
    matter_set_visibility,
)
from carefor.care.models import Commitment, FollowUp, LifeEvent, Matter
from carefor.care.privacy import commitments_visible_to
from carefor.care.review import weekly_review
from carefor.care.scope import Scope
from carefor.care.today import KINDS, today_queue
from carefor.care.today_actions import DONE_LABELS, today_act
from carefor.people.audit import audit_record
from carefor.people.models import ImportantDate, Visibility
from carefor.people.services import important_date_set
from carefor.teams.roles import READ_ONLY_MESSAGE, Action, can
from carefor.web.decorators import workspace_required
from carefor.web.forms import FollowUpForm, ImportantDateForm, MatterForm
from carefor.web.scoping import request_scope
from carefor.web.views.people import person_or_404

SECTION_LIMIT = 15
SECTION_TITLES = {
    "promise": "Promises due",
    "waiting_on": "They said they would",
    "follow_up": "Follow up",
    "reply": "Waiting on your reply",
    "thank": "Say thank you",
    "introduction": "Introductions",
    "date": "Dates coming up",
    "keep_in_touch": "Keep in touch",
}


def _proposals_count(request: HttpRequest, scope: Scope) -> int:
    """What waits for my confirmation, counted as the Promises page lists it."""
    ws, user = request.workspace, request.user
    return (
        Matter.objects.filter(workspace=ws, author=user, state=Matter.State.SUGGESTED).count()
        + LifeEvent.objects.filter(
            workspace=ws, author=user, state=LifeEvent.State.SUGGESTED
        ).count()
        + FollowUp.objects.filter(
            workspace=ws, owner=user, state=FollowUp.State.SUGGESTED, life_event__isnull=True
        ).count()
        + Commitment.objects.filter(workspace=ws, state=Commitment.State.SUGGESTED)
        .filter(commitments_visible_to(user), scope.mine_or("owner"))
        .count()
    )


@workspace_required
def today_page(request: HttpRequest) -> HttpResponse:
    scope = request_scope(request)
    queue = today_queue(workspace=request.workspace, user=request.user, scope=scope)
    groups = queue.by_kind()
    # A calm page: each section shows its first items and says how many more there are;
    # ?all=KIND opens one section in full (the JSON of `carefor today` always has all).
    show_all = request.GET.get("all", "")
    sections = [
        (
            kind,
            SECTION_TITLES[kind],
            DONE_LABELS[kind],
            groups[kind] if kind == show_all else groups[kind][:SECTION_LIMIT],
            0 if kind == show_all else max(0, len(groups[kind]) - SECTION_LIMIT),
        )
        for kind in KINDS
        if groups[kind]
    ]
    return render(
        request,
        "web/care/today.html",
        {
            "queue": queue,
            "sections": sections,
            "tomorrow": queue.date + timedelta(days=1),
            "next_week": queue.date + timedelta(days=7),
            "to_confirm": _proposals_count(request, scope),
        },
    )


@workspace_required
@require_POST
def today_action(request: HttpRequest) -> HttpResponse:
    post = request.POST
    until = None
    if post.get("action") == "snooze":
        try:
            until = date.fromisoformat(post.get("until", ""))
        except ValueError:
            return HttpResponse("Choose a date to snooze until.", status=400)
    if not post.get("object_id", "").isdigit():
        return HttpResponse("Choose an item.", status=400)
    try:
        today_act(
            workspace=request.workspace,
            user=request.user,
            kind=post.get("kind", ""),
            object_id=int(post["object_id"]),
            key=post.get("key", ""),
            action=post.get("action", ""),
            until=until,
        )
    except LookupError:
        raise Http404("No such item.") from None
    except ValueError as exc:
        return HttpResponse(str(exc) or "Choose an action.", status=400)
    if request.htmx:
        return HttpResponse("")  # the row is removed from the page
    return redirect("today")


@workspace_required
def brief_page(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    audit_record(
        workspace=request.workspace, user=request.user, person=person, action="viewed",
        what="brief",
    )  # fmt: skip
    brief = person_brief(workspace=request.workspace, user=request.user, person=person)
    return render(request, "web/care/brief.html", {"brief": brief, "person": person})


@workspace_required
def review_page(request: HttpRequest) -> HttpResponse:
    review = weekly_review(workspace=request.workspace, user=request.user)
    return render(request, "web/care/review.html", {"review": review})


def _person_care(request: HttpRequest, person_id: int, **extra: object) -> HttpResponse:
    """Re-render the person's care panel (matters, follow-ups) after a change."""
    from carefor.web.views.people import care_panel_context

    person = person_or_404(request, person_id)
    return render(request, "web/people/_care.html", care_panel_context(request, person) | extra)


@workspace_required
@require_POST
def matter_create(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    form = MatterForm(request.POST)
    saved = False
    if form.is_valid():
        try:
            matter_add(
                workspace=request.workspace,
                person=person,
                author=request.user,
                kind=form.cleaned_data["kind"],
                what=form.cleaned_data["what"],
                why=form.cleaned_data["why"],
                in_their_words=form.cleaned_data["in_their_words"],
                visibility=form.visibility_level(),
            )
            saved = True
        except ValueError as exc:
            form.add_error(None, str(exc))
    if request.htmx:
        return _person_care(request, person_id, **({} if saved else {"matter_form": form}))
    return redirect("people:detail", person_id=person.pk)


@workspace_required
@require_POST
def matter_action(request: HttpRequest, matter_id: int) -> HttpResponse:
    action = request.POST.get("action", "")
    args = {"workspace": request.workspace, "user": request.user, "matter_id": matter_id}
    try:
        if action == "confirm":
            matter = matter_confirm(**args)
        elif action in (Matter.State.PAST, Matter.State.DISMISSED):
            matter = matter_set_state(**args, state=action)
        elif action in Visibility.values:
            matter = matter_set_visibility(**args, visibility=action)
        else:
            return HttpResponse("Choose an action.", status=400)
    except Matter.DoesNotExist:
        raise Http404("No such matter.") from None
    except PermissionError as exc:
        return HttpResponse(str(exc), status=403)
    if request.htmx:
        return _person_care(request, matter.person_id)
    return redirect("people:detail", person_id=matter.person_id)


@workspace_required
@require_POST
def follow_up_create(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    form = FollowUpForm(request.POST)
    saved = form.is_valid()
    if saved:
        follow_up_add(
            workspace=request.workspace,
            person=person,
            owner=request.user,
            what=form.cleaned_data["what"],
            due=form.cleaned_data["due"],
        )
    if request.htmx:
        return _person_care(request, person_id, **({} if saved else {"follow_up_form": form}))
    return redirect("people:detail", person_id=person.pk)


@workspace_required
@require_POST
def follow_up_action(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    action = request.POST.get("action", "")
    try:
        item = follow_up_act(
            workspace=request.workspace,
            user=request.user,
            follow_up_id=follow_up_id,
            action=action,
            until=timezone.localdate() + timedelta(days=7) if action == "snooze" else None,
        )
    except FollowUp.DoesNotExist:
        raise Http404("No such follow-up.") from None
    except ValueError as exc:
        return HttpResponse(str(exc), status=400)
    if request.htmx:
        return _person_care(request, item.person_id)
    return redirect("people:detail", person_id=item.person_id)


@workspace_required
@require_POST
def proposal_action(request: HttpRequest, kind: str, object_id: int) -> HttpResponse:
    if kind not in PROPOSAL_KINDS:
        raise Http404("No such kind of proposal.")
    accept = request.POST.get("action") == "confirm"
    try:
        obj = proposal_decide(
            workspace=request.workspace,
            user=request.user,
            kind=kind,
            object_id=object_id,
            accept=accept,
        )
    except LookupError:
        raise Http404("No such proposal.") from None
    person_id = getattr(obj, "person_id", None)
    if person_id is None and request.POST.get("person", "").isdigit():
        person_id = int(request.POST["person"])  # help has two people: the page's one
    if request.htmx and person_id:
        return _person_care(request, person_id)
    return redirect("people:detail", person_id=person_id) if person_id else redirect("today")


@workspace_required
@require_POST
def important_date_create(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    form = ImportantDateForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            important_date_set(
                workspace=request.workspace,
                person=person,
                kind=data["kind"],
                label=data["label"],
                month=data["month"],
                day=data["day"],
                year=data["year"],
            )
            messages.success(request, "Date saved.")
        except ValueError as exc:
            messages.error(request, str(exc))
    else:
        problems = "; ".join(f"{name}: {' '.join(errs)}" for name, errs in form.errors.items())
        messages.error(request, f"The date was not saved ({problems}).")
    return redirect("people:detail", person_id=person.pk)


@workspace_required
@require_POST
def important_date_delete(request: HttpRequest, date_id: int) -> HttpResponse:
    found = ImportantDate.objects.filter(workspace=request.workspace, pk=date_id).first()
    if found is None:
        raise Http404("No such date.")
    found.delete()
    return redirect("people:detail", person_id=found.person_id)


@workspace_required
def coverage_page(request: HttpRequest) -> HttpResponse:
    """For the people who run the team: the individuals nobody is caring for."""
    from carefor.care.coverage import coverage

    if not can(request.membership, Action.SEE_COVERAGE):
        return render(request, "web/care/coverage_denied.html", status=403)
    try:
        days = max(7, min(365, int(request.GET.get("days", "60"))))
    except ValueError:
        days = 60
    return render(
        request,
        "web/care/coverage.html",
        {"coverage": coverage(workspace=request.workspace, days=days)},
    )


@workspace_required
@require_POST
def carer_action(request: HttpRequest, person_id: int) -> HttpResponse:
    from carefor.care.coverage import carer_add, carer_remove
    from carefor.teams.models import User

    person = person_or_404(request, person_id)
    raw = request.POST.get("user", "")
    if not raw.isdigit():
        return HttpResponse("Choose a member.", status=400)
    member = User.objects.filter(pk=int(raw), memberships__workspace=request.workspace).first()
    if member is None:
        raise Http404("No such member.")
    if not can(request.membership, Action.CARE_FOR_SELF):
        return render(request, "web/read_only.html", {"message": READ_ONLY_MESSAGE}, status=403)
    if member != request.user and not can(request.membership, Action.ASSIGN_CARERS):
        message = (
            "Only owners and managers choose carers for others; you can add or remove yourself."
        )
        return render(request, "web/read_only.html", {"message": message}, status=403)
    audit_record(
        workspace=request.workspace, user=request.user, person=person, action="changed",
        what="carers",
    )  # fmt: skip
    try:
        if request.POST.get("action") == "remove":
            carer_remove(workspace=request.workspace, person=person, user=member)
        else:
            carer_add(workspace=request.workspace, person=person, user=member)
    except ValueError as exc:
        messages.error(request, str(exc))
    return redirect("people:detail", person_id=person.pk)
