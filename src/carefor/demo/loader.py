"""Loading the demo notebook (carefor/demo/data.py) into a workspace of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from carefor.care.services import commitments_detect_recent
from carefor.conversations.courtesy import courtesy_refresh
from carefor.conversations.models import Interaction, Participant, Thread
from carefor.conversations.services import interaction_record
from carefor.people.models import MyIdentity, Person
from carefor.people.services import PersonDetails, identity_parse, person_create
from carefor.teams.models import Membership, User, Workspace
from carefor.teams.services import workspace_create

Progress = Callable[[int, int], None]


def demo_workspace() -> Workspace | None:
    return Workspace.objects.filter(is_demo=True).first()


def _roles(item: Any, index: int) -> str:
    if item.kind == Interaction.Kind.MESSAGE:
        if item.direction == Interaction.Direction.INBOUND:
            return Participant.Role.FROM if index == 0 else Participant.Role.CC
        return Participant.Role.TO
    if item.kind == Interaction.Kind.NOTE:
        return Participant.Role.ABOUT
    return Participant.Role.ATTENDEE


@transaction.atomic
def demo_load(*, owner: User | None, progress: Progress | None = None) -> Workspace:
    """Create the demo workspace, or return it if it is already there.

    The owner (if any) becomes its owner and gets the demo "me" address, so direction
    reads right. Times are relative to now, so the demo always looks current.
    """
    # Imported here: the demo content is large and only needed when loading it.
    from carefor.demo import data

    existing = demo_workspace()
    if existing is not None:
        if owner is not None:
            Membership.objects.get_or_create(
                workspace=existing, user=owner, defaults={"role": Membership.Role.OWNER}
            )
        return existing

    workspace = workspace_create(
        name=f"Demo — {data.ME_NAME}'s notebook", owner=owner, is_demo=True
    )
    if owner is not None:
        me = identity_parse(data.ME_EMAIL)
        MyIdentity.objects.create(workspace=workspace, user=owner, kind=me.kind, value=me.value)

    people: dict[str, Person] = {}
    for entry in data.demo_people():
        addresses = [*entry.emails, *entry.phones, *entry.urls]
        people[entry.key] = person_create(
            workspace=workspace,
            details=PersonDetails(
                name=entry.name,
                organisation=entry.organisation,
                title=entry.title,
                location=entry.location,
                how_we_met=entry.how_we_met,
                about=entry.about,
            ),
            identities=[identity_parse(address) for address in addresses],
        )

    now = timezone.now()
    threads: dict[str, Thread] = {}
    items = data.demo_interactions()
    for done, item in enumerate(items, start=1):
        thread = None
        if item.thread:
            thread = threads.get(item.thread)
            if thread is None:
                thread = Thread.objects.create(workspace=workspace, subject=item.subject)
                threads[item.thread] = thread
        interaction_record(
            workspace=workspace,
            kind=item.kind,
            direction=item.direction,
            occurred_at=now - timedelta(days=item.days_ago),
            subject=item.subject,
            body=item.body,
            participants=[(people[key], _roles(item, i), "") for i, key in enumerate(item.people)],
            thread=thread,
            source="demo",
            author=owner if item.kind == Interaction.Kind.NOTE else None,
        )
        if progress is not None:
            progress(done, len(items))
    courtesy_refresh(workspace=workspace)
    commitments_detect_recent(workspace=workspace)
    _load_care(workspace, owner, people)
    # People whose first interaction predates their creation would look odd.
    for person in people.values():
        first = person.participations.order_by("interaction__occurred_at").first()
        if first is not None:
            Person.objects.filter(pk=person.pk).update(created_at=first.interaction.occurred_at)
    return workspace


def _load_care(workspace: Workspace, owner: User | None, people: dict[str, Person]) -> None:
    """Matters, life events, follow-ups, dates, cadences and typed promises (care_data.py),
    with dates relative to today so Today always has something to show."""
    from carefor.care.follow_ups import follow_up_add, life_event_add
    from carefor.care.matters import matter_add
    from carefor.care.models import Commitment
    from carefor.demo import care_data
    from carefor.people.models import ImportantDate

    now = timezone.now()
    today = timezone.localdate(now)

    def day(offset: int | None) -> date | None:
        return None if offset is None else today + timedelta(days=offset)

    for m in care_data.demo_matters():
        matter_add(
            workspace=workspace,
            person=people[m.person],
            author=owner,
            kind=m.kind,
            what=m.what,
            why=m.why,
            in_their_words=m.in_their_words,
            today=day(-m.confirmed_days_ago),
        )
    for e in care_data.demo_life_events():
        life_event_add(
            workspace=workspace,
            person=people[e.person],
            author=owner,
            what=e.what,
            occurs_on=day(e.occurs_in_days),
            follow_up=e.follow_up,
            follow_up_on=day(e.follow_up_in_days),
            private=e.private,
        )
    for f in care_data.demo_follow_ups():
        follow_up_add(
            workspace=workspace,
            person=people[f.person],
            owner=owner,
            what=f.what,
            due=day(f.due_in_days),
        )
    for d in care_data.demo_dates():
        on = today + timedelta(days=d.in_days)
        month, dom = d.on or (on.month, on.day)
        ImportantDate.objects.get_or_create(
            workspace=workspace,
            person=people[d.person],
            kind=d.kind,
            label=d.label,
            defaults={
                "month": month,
                "day": dom,
                "year": on.year - d.since_years if d.since_years and not d.on else None,
            },
        )
    for key, days in care_data.demo_cadences().items():
        Person.objects.filter(pk=people[key].pk).update(cadence_days=days)
    for p in care_data.demo_promises():
        Commitment.objects.create(
            workspace=workspace,
            owner=owner,
            person=people[p.person],
            kind=p.kind,
            state=Commitment.State.OPEN if p.kept_days_ago is None else Commitment.State.KEPT,
            what=p.what,
            due=day(p.due_in_days),
            closed_at=None if p.kept_days_ago is None else now - timedelta(days=p.kept_days_ago),
        )
