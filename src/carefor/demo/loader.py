"""Loading the demo notebook (carefor/demo/data.py) into a workspace of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from carefor.care.help import help_detect_recent
from carefor.care.services import commitments_detect_recent
from carefor.conversations.courtesy import courtesy_refresh
from carefor.conversations.models import Interaction, Participant, Thread
from carefor.conversations.services import interaction_record
from carefor.outreach.services import verdicts_refresh
from carefor.people.models import MyIdentity, Person, Visibility
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
            _claim(existing, owner)
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
    help_detect_recent(workspace=workspace)
    verdicts_refresh(workspace=workspace, days=400)
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
            visibility=Visibility.CARERS if e.sensitive else Visibility.WORKSPACE,
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
    _load_help(workspace, owner, people, now)
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


# The steps that lead to each stage of a demo introduction, a day or two apart.
_STAGE_EVENTS = {
    "proposed": [],
    "asking_a": ["ask_a"],
    "no_answer_a": ["ask_a", "no_answer"],
    "declined": ["ask_a", "a_no"],
    "a_agreed": ["ask_a", "a_yes"],
    "asking_b": ["ask_a", "a_yes", "ask_b"],
    "agreed": ["ask_a", "a_yes", "ask_b", "b_yes"],
    "introduced": ["ask_a", "a_yes", "ask_b", "b_yes", "introduce"],
    "done": ["ask_a", "a_yes", "ask_b", "b_yes", "introduce", "outcome"],
}


def _load_help(workspace: Workspace, owner: User | None, people: dict[str, Person], now) -> None:  # type: ignore[no-untyped-def]
    """Help given and received, and introductions at every stage (care_data.py)."""
    from carefor.care.models import Help
    from carefor.demo import care_data

    by_ref: dict[str, Help] = {}
    for h in sorted(care_data.demo_help(), key=lambda h: bool(h.paid_forward_from)):
        day = timezone.localdate(now - timedelta(days=h.days_ago))
        item = Help.objects.create(
            workspace=workspace,
            created_by=owner,
            giver=people[h.giver] if h.giver else None,
            receiver=people[h.receiver] if h.receiver else None,
            kind=h.kind,
            what=h.what,
            happened_on=day,
            outcome=h.outcome,
            outcome_on=day if h.outcome else None,
            thanked_on=day if h.thanked and h.receiver is None else None,
            paid_forward_from=by_ref.get(h.paid_forward_from),
        )
        if h.ref:
            by_ref[h.ref] = item
    if owner is not None:  # the steps are messages "I" sent; without an account, no "I"
        _load_introductions(workspace, owner, people, now)


def _load_introductions(workspace: Workspace, owner: User, people: dict[str, Person], now) -> None:  # type: ignore[no-untyped-def]
    from carefor.care.introductions import intro_propose, intro_step
    from carefor.care.models import Introduction
    from carefor.demo import care_data

    for d in care_data.demo_introductions():
        proposed = now - timedelta(days=d.days_ago)
        intro = intro_propose(
            workspace=workspace, user=owner, a=people[d.a], b=people[d.b], why_a=d.why_a,
            why_b=d.why_b,
        )  # fmt: skip
        Introduction.objects.filter(pk=intro.pk).update(created_at=proposed)
        for step, event in enumerate(_STAGE_EVENTS[d.stage], start=1):
            at = min(now, proposed + timedelta(days=step * 1.5))
            if event == "no_answer":
                continue  # it stays "asking": Today notices the silence by itself
            intro_step(
                workspace=workspace, user=owner, intro_id=intro.pk, event=event,
                note=d.outcome if event == "outcome" else "", at=at,
                today=timezone.localdate(at),
            )  # fmt: skip


def _claim(workspace: Workspace, owner: User) -> None:
    """A demo loaded before any account existed gets its "me" when the first account is
    made: private matters need an author to be seen at all, notes a writer, and the
    introductions (messages "I" sent) can only be told now."""
    from carefor.care.models import Commitment, FollowUp, Help, Introduction, LifeEvent, Matter
    from carefor.demo import data

    Matter.objects.filter(workspace=workspace, author__isnull=True).update(author=owner)
    LifeEvent.objects.filter(workspace=workspace, author__isnull=True).update(author=owner)
    FollowUp.objects.filter(workspace=workspace, owner__isnull=True).update(owner=owner)
    Commitment.objects.filter(workspace=workspace, owner__isnull=True).update(owner=owner)
    Help.objects.filter(workspace=workspace, created_by__isnull=True).update(created_by=owner)
    Interaction.objects.filter(
        workspace=workspace, kind=Interaction.Kind.NOTE, author__isnull=True
    ).update(author=owner)
    if not MyIdentity.objects.filter(workspace=workspace, user=owner).exists():
        me = identity_parse(data.ME_EMAIL)
        MyIdentity.objects.create(workspace=workspace, user=owner, kind=me.kind, value=me.value)
    if not Introduction.objects.filter(workspace=workspace).exists():
        people = {p.name: p for p in Person.objects.filter(workspace=workspace)}
        keyed = {entry.key: people[entry.name] for entry in data.demo_people()}
        _load_introductions(workspace, owner, keyed, timezone.now())
