"""People: the list with search, a person's page and timeline, adding and editing."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from carefor.care.brief import upcoming_dates
from carefor.care.capture import note_capture, person_proposals
from carefor.care.follow_ups import follow_ups_for_person, life_events_for_person
from carefor.care.help import help_log
from carefor.care.intro_flow import describe
from carefor.care.introductions import intros_for_person
from carefor.care.kept import kept_about
from carefor.care.matters import matter_kinds, matters_for_person
from carefor.care.models import Matter
from carefor.care.services import commitments_open
from carefor.care.ways import ways_to_help
from carefor.conversations.courtesy import NO_REPLIES, person_replies
from carefor.conversations.models import Interaction
from carefor.conversations.selectors import (
    page_ids_first,
    timeline_for_person,
    with_participants,
)
from carefor.memo.remember import remembered
from carefor.people.audit import audit_record
from carefor.people.models import Person, Visibility
from carefor.people.selectors import duplicate_candidates, person_get, person_list
from carefor.people.services import IdentityConflict, person_create, person_merge, person_update
from carefor.teams.models import Membership
from carefor.teams.roles import Action, can
from carefor.web.charts import reply_time_chart
from carefor.web.decorators import workspace_required
from carefor.web.forms import (
    FollowUpForm,
    ImportantDateForm,
    MatterForm,
    NoteForm,
    PersonForm,
    blank,
)
from carefor.web.help_picture import ME, Edge, help_picture_svg

PAGE_SIZE = 50
TIMELINE_PAGE_SIZE = 40
MAX_TIMELINE_PAGE = 100_000  # keeps OFFSET inside what every database accepts


def person_or_404(request: HttpRequest, person_id: int) -> Person:
    try:
        return person_get(workspace=request.workspace, person_id=person_id)
    except Person.DoesNotExist:
        raise Http404("No such person in this workspace.") from None


@workspace_required
def people_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    mine = request.GET.get("mine") == "1"
    people = person_list(workspace=request.workspace, query=query).order_by("name", "pk")
    if mine:
        people = people.filter(carers__user=request.user)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "query": query, "mine": mine}
    if request.htmx and request.htmx.target == "people-results":
        return render(request, "web/people/_results.html", context)
    return render(request, "web/people/list.html", context)


def care_panel_context(
    request: HttpRequest, person: Person, kept: frozenset[str] | None = None
) -> dict[str, object]:
    """What matters to them, follow-ups, life events, dates and proposals to confirm.
    Sections that `kept` says hold nothing about the person are not asked for."""
    ws, user, today = request.workspace, request.user, timezone.localdate()
    kept = kept_about(person) if kept is None else kept
    matters = (
        list(matters_for_person(workspace=ws, user=user, person=person))
        if "matters" in kept
        else []
    )
    proposals = person_proposals(
        workspace=ws, user=user, person=person, anything_suggested="suggested" in kept
    )
    return {
        "person": person,
        "today": today,
        "matters": [m for m in matters if m.state == Matter.State.CURRENT],
        "past_matters": [m for m in matters if m.state == Matter.State.PAST],
        "fading": {m.pk for m in matters if m.is_fading(today)},
        "follow_ups": (
            list(follow_ups_for_person(workspace=ws, user=user, person=person))
            if "follow_ups" in kept
            else []
        ),
        "life_events": (
            list(life_events_for_person(workspace=ws, user=user, person=person)[:10])
            if "life_events" in kept
            else []
        ),
        "open_commitments": (
            list(
                commitments_open(workspace=ws, user=user)
                .filter(person=person)
                .order_by("due", "pk")
            )
            if "commitments" in kept
            else []
        ),
        "proposals": proposals,
        "matter_form": blank(MatterForm),
        "follow_up_form": blank(FollowUpForm),
        # The same on every person page until the notebook changes.
        "matter_kinds": remembered(
            ("matter-kinds", ws.pk, user.pk), lambda: matter_kinds(workspace=ws, user=user)
        ),
    }


def help_panel_context(
    request: HttpRequest, person: Person, kept: frozenset[str]
) -> dict[str, object]:
    """Help with this person, its picture, and introductions they are part of."""
    items = (
        list(help_log(workspace=request.workspace, user=request.user, person=person))
        if "help" in kept
        else []
    )
    edges = [
        Edge(
            giver=h.giver.name if h.giver else ME,
            receiver=h.receiver.name if h.receiver else ME,
            what=f"{h.kind}: {h.what}",
        )
        for h in items
    ]
    intros = (
        list(intros_for_person(workspace=request.workspace, person=person)[:10])
        if "introductions" in kept
        else []
    )
    return {
        "help_items": items[:20],
        "help_picture": mark_safe(help_picture_svg(person.name, edges[:24])),  # noqa: S308 (escaped inside)
        "intros": [(i, describe(i.state, i.person_a.name, i.person_b.name)) for i in intros],
    }


@workspace_required
def ways(request: HttpRequest, person_id: int) -> HttpResponse:
    """Who in the notebook could help with what matters to this person (loaded after the
    page, since it reads everyone)."""
    person = person_or_404(request, person_id)
    suggestions = ways_to_help(workspace=request.workspace, person=person)
    has_needs = Matter.objects.filter(
        person=person, state=Matter.State.CURRENT, visibility=Visibility.WORKSPACE
    ).exists()
    return render(
        request,
        "web/people/_ways.html",
        {"person": person, "suggestions": suggestions, "has_needs": has_needs},
    )


def _audit(request: HttpRequest, person: Person, action: str, what: str) -> None:
    audit_record(
        workspace=request.workspace, user=request.user, person=person, action=action, what=what
    )


@dataclass(frozen=True)
class TimelinePage:
    object_list: list[Interaction]
    has_next: bool
    next_page_number: int


def _timeline_page(rows: QuerySet[Interaction], raw_number: str) -> TimelinePage:
    """One page of a timeline and whether there is more: one row past the page tells,
    without counting every interaction of a busy person (the page shows no total)."""
    number = min(int(raw_number), MAX_TIMELINE_PAGE) if raw_number.isdigit() else 1
    start = (max(number, 1) - 1) * TIMELINE_PAGE_SIZE
    items = page_ids_first(rows, start, start + TIMELINE_PAGE_SIZE + 1)
    return TimelinePage(
        object_list=with_participants(items[:TIMELINE_PAGE_SIZE]),
        has_next=len(items) > TIMELINE_PAGE_SIZE,
        next_page_number=max(number, 1) + 1,
    )


@workspace_required
def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    if not request.htmx:
        _audit(request, person, "viewed", "page")
    timeline = _timeline_page(
        timeline_for_person(workspace=request.workspace, person=person, user=request.user),
        request.GET.get("page", ""),
    )
    context = {"person": person, "timeline": timeline, "note_form": blank(NoteForm)}
    if request.htmx and request.htmx.target == "timeline-more":
        return render(request, "web/people/_timeline_page.html", context)
    kept = kept_about(person)
    context |= care_panel_context(request, person, kept)
    context |= help_panel_context(request, person, kept)
    context |= {
        "carers": list(person.carers.select_related("user")) if "carers" in kept else [],
        # The team, for "Add carer": the same on every person page until it changes.
        "members": remembered(
            ("members", request.workspace.pk),
            lambda: list(
                Membership.objects.active()
                .filter(workspace=request.workspace)
                .order_by("user__name")
                .values("user_id", name=F("user__name"), email=F("user__email"))
            ),
        ),
    }
    context |= {
        "dates": upcoming_dates(person, timezone.localdate()) if "dates" in kept else [],
        "date_form": blank(ImportantDateForm),
    }
    replies = (
        person_replies(workspace=request.workspace, person=person)
        if "reply_turns" in kept
        else NO_REPLIES
    )
    context |= {
        "my_figures": replies.mine,
        "their_figures": replies.theirs,
        "chart": mark_safe(reply_time_chart(replies.monthly)),  # noqa: S308 (numbers; text escaped)
    }
    return render(request, "web/people/detail.html", context)


def _save_person(request: HttpRequest, form: PersonForm, person: Person | None) -> Person | None:
    if not form.is_valid():
        return None
    try:
        if person is None:
            return person_create(
                workspace=request.workspace, details=form.details(), identities=form.identities()
            )
        return person_update(person=person, details=form.details(), identities=form.identities())
    except IdentityConflict as exc:
        form.add_error(None, str(exc))
        return None


@workspace_required
@require_http_methods(["GET", "POST"])
def person_add(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST or None, initial={"name": request.GET.get("name", "")})
    if request.method == "POST":
        person = _save_person(request, form, None)
        if person is not None:
            return redirect("people:detail", person_id=person.pk)
    return render(request, "web/people/form.html", {"form": form, "person": None})


@workspace_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    form = PersonForm(request.POST) if request.method == "POST" else PersonForm.for_person(person)
    if request.method == "POST":
        saved = _save_person(request, form, person)
        if saved is not None:
            _audit(request, saved, "changed", "details")
            return redirect("people:detail", person_id=saved.pk)
    return render(request, "web/people/form.html", {"form": form, "person": person})


@workspace_required
@require_POST
def note_create(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            return render(
                request,
                "web/people/_note_form.html",
                {"person": person, "note_form": form},
                status=422,
            )
        return redirect("people:detail", person_id=person.pk)
    _audit(request, person, "changed", "note")
    proposals = note_capture(
        workspace=request.workspace,
        person=person,
        author=request.user,
        body=form.cleaned_data["body"],
        visibility=form.cleaned_data["visibility"],
    )
    if request.htmx:
        return render(
            request,
            "web/people/_note_created.html",
            care_panel_context(request, person)
            | {
                "item": proposals.note,
                "note_form": blank(NoteForm),
                "new_proposals": proposals,
                "elsewhere": proposals.elsewhere(person),
            },
        )
    return redirect("people:detail", person_id=person.pk)


@workspace_required
def audit_page(request: HttpRequest, person_id: int) -> HttpResponse:
    """Who viewed or changed this person's record: for the workspace's owners."""
    from carefor.people.audit import audit_for_person

    person = person_or_404(request, person_id)
    if not can(request.membership, Action.READ_AUDIT):
        return render(request, "web/people/audit_denied.html", {"person": person}, status=403)
    events = audit_for_person(workspace=request.workspace, person=person)[:500]
    return render(request, "web/people/audit.html", {"person": person, "events": events})


@workspace_required
def duplicates(request: HttpRequest) -> HttpResponse:
    groups = duplicate_candidates(workspace=request.workspace)
    return render(request, "web/people/duplicates.html", {"groups": groups})


@workspace_required
@require_POST
def merge(request: HttpRequest) -> HttpResponse:
    try:
        keep = person_or_404(request, int(request.POST.get("keep", "")))
        drop = person_or_404(request, int(request.POST.get("drop", "")))
    except ValueError:
        raise Http404("Choose the two people to merge.") from None
    if keep.pk == drop.pk:
        messages.error(request, "Choose two different people to merge.")
        return redirect("people:duplicates")
    name = drop.name
    person_merge(workspace=request.workspace, keep=keep, drop=drop)
    messages.success(request, f"Merged {name} into {keep.name}; nothing was lost.")
    return redirect("people:detail", person_id=keep.pk)
