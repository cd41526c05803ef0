"""Life events and the follow-ups they call for: "outta sight, then follow through"."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from carefor.care.models import FollowUp, LifeEvent
from carefor.care.privacy import visible_to
from carefor.conversations.models import Interaction
from carefor.people.models import Person, Visibility
from carefor.teams.models import User, Workspace


def follow_up_add(
    *,
    workspace: Workspace,
    person: Person,
    owner: User | None,
    what: str,
    due: date | None = None,
    life_event: LifeEvent | None = None,
    visibility: str = Visibility.WORKSPACE,
    source: Interaction | None = None,
    sentence: str = "",
    rule: str = "",
    state: str = FollowUp.State.OPEN,
) -> FollowUp:
    """A follow-up; without a date it is a question for the next time we meet."""
    if person.workspace_id != workspace.pk:
        raise ValueError("That person belongs to another workspace.")
    if not what.strip():
        raise ValueError("Say what to follow up on.")
    return FollowUp.objects.create(
        workspace=workspace,
        person=person,
        owner=owner,
        what=what.strip(),
        due=due,
        life_event=life_event,
        visibility=visibility,
        source=source,
        sentence=sentence,
        rule=rule,
        state=state,
    )


@transaction.atomic
def life_event_add(
    *,
    workspace: Workspace,
    person: Person,
    author: User | None,
    what: str,
    occurs_on: date | None,
    follow_up: str,
    follow_up_on: date | None,
    visibility: str = Visibility.WORKSPACE,
    source: Interaction | None = None,
    sentence: str = "",
    rule: str = "",
    state: str = LifeEvent.State.CONFIRMED,
) -> LifeEvent:
    """A life event and its follow-up ("ask how the move went"), scheduled together."""
    if not what.strip():
        raise ValueError("Say what is happening.")
    event = LifeEvent.objects.create(
        workspace=workspace,
        person=person,
        author=author,
        what=what.strip(),
        occurs_on=occurs_on,
        visibility=visibility,
        source=source,
        sentence=sentence,
        rule=rule,
        state=state,
    )
    if follow_up.strip():
        follow_up_add(
            workspace=workspace,
            person=person,
            owner=author,
            what=follow_up,
            due=follow_up_on,
            life_event=event,
            visibility=visibility,
            state=FollowUp.State.SUGGESTED
            if state == LifeEvent.State.SUGGESTED
            else FollowUp.State.OPEN,
        )
    return event


def _follow_up(workspace: Workspace, user: User, follow_up_id: int) -> FollowUp:
    return FollowUp.objects.filter(visible_to(user, author_field="owner")).get(
        workspace=workspace, pk=follow_up_id
    )


def follow_up_act(
    *,
    workspace: Workspace,
    user: User,
    follow_up_id: int,
    action: str,
    until: date | None = None,
) -> FollowUp:
    """confirm (a proposal), done, dismiss, or snooze until a date."""
    item = _follow_up(workspace, user, follow_up_id)
    if action == "confirm":
        item.state = FollowUp.State.OPEN
        if item.life_event_id:
            LifeEvent.objects.filter(pk=item.life_event_id).update(state=LifeEvent.State.CONFIRMED)
    elif action == "done":
        item.state, item.done_at = FollowUp.State.DONE, timezone.now()
    elif action == "dismiss":
        item.state = FollowUp.State.DISMISSED
    elif action == "snooze":
        if until is None:
            raise ValueError("Give a date to snooze until.")
        item.snoozed_until = until
    else:
        raise ValueError(f"Unknown action {action!r}.")
    item.owner = item.owner or user
    item.save(update_fields=["state", "done_at", "snoozed_until", "owner"])
    return item


def life_event_act(*, workspace: Workspace, user: User, event_id: int, action: str) -> LifeEvent:
    """confirm or dismiss a proposed life event; its follow-ups go with it."""
    event = LifeEvent.objects.filter(visible_to(user)).get(workspace=workspace, pk=event_id)
    if action == "confirm":
        event.state = LifeEvent.State.CONFIRMED
        event.follow_ups.filter(state=FollowUp.State.SUGGESTED).update(state=FollowUp.State.OPEN)
    elif action == "dismiss":
        event.state = LifeEvent.State.DISMISSED
        event.follow_ups.exclude(state=FollowUp.State.DONE).update(state=FollowUp.State.DISMISSED)
    else:
        raise ValueError(f"Unknown action {action!r}.")
    event.save(update_fields=["state"])
    return event


def follow_ups_due(*, workspace: Workspace, user: User, today: date) -> QuerySet[FollowUp]:
    """Open, dated follow-ups due today or earlier and not snoozed past today."""
    return (
        FollowUp.objects.filter(workspace=workspace, state=FollowUp.State.OPEN, due__lte=today)
        .filter(Q(snoozed_until__isnull=True) | Q(snoozed_until__lte=today))
        # Mine (or nobody's): a colleague's follow-up is theirs to do, not on my Today.
        .filter(Q(owner=user) | Q(owner__isnull=True))
        .filter(visible_to(user, author_field="owner"))
        .select_related("person", "life_event")
        .order_by("due", "pk")
    )


def follow_ups_for_person(
    *, workspace: Workspace, user: User | None, person: Person, states=(FollowUp.State.OPEN,)
) -> QuerySet[FollowUp]:
    """Dated follow-ups first, soonest first, then the questions for next time (undated).
    Explicit about NULLs: SQLite and PostgreSQL sort them at opposite ends."""
    return (
        FollowUp.objects.filter(workspace=workspace, person=person, state__in=states)
        .filter(visible_to(user, author_field="owner"))
        .select_related("life_event")
        .order_by(F("due").asc(nulls_last=True), "pk")
    )


def life_events_for_person(
    *, workspace: Workspace, user: User | None, person: Person, states=(LifeEvent.State.CONFIRMED,)
) -> QuerySet[LifeEvent]:
    return (
        LifeEvent.objects.filter(workspace=workspace, person=person, state__in=states)
        .filter(visible_to(user))
        .order_by("-created_at")
    )
