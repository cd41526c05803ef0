"""Double-opt-in introductions: propose, ask each person, introduce, ask how it went.

The steps are the pure state machine in intro_flow.py; this module stores them. Each
message step records an outbound message on the person's timeline (both timelines for
the introduction itself), sent through the user's own mail program (mailto:) or, when
an SMTP server is configured and the user asks, sent from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from carefor.care import intro_drafts
from carefor.care.intro_flow import CLOSED, SENDING, Event, IntroError, State, next_state
from carefor.care.models import Help, Introduction
from carefor.care.scope import WHOLE, Scope
from carefor.conversations.models import Interaction, Participant
from carefor.conversations.services import interaction_record
from carefor.people.models import Person
from carefor.teams.models import User, Workspace

# Ask how an introduction went this long after it was made.
OUTCOME_AFTER_DAYS = 21
# An ask without an answer for this long shows on Today: ask once more, or let it go.
NO_ANSWER_AFTER_DAYS = 7


def intro_propose(
    *,
    workspace: Workspace,
    user: User | None,
    a: Person,
    b: Person,
    why_a: str = "",
    why_b: str = "",
) -> Introduction:
    """Propose introducing A (asked first) and B, with why it matters to each."""
    if a.pk == b.pk:
        raise ValueError("Choose two different people to introduce.")
    for person in (a, b):
        if person.workspace_id != workspace.pk:
            raise ValueError("That person belongs to another workspace.")
    return Introduction.objects.create(
        workspace=workspace,
        created_by=user,
        person_a=a,
        person_b=b,
        why_a=why_a.strip(),
        why_b=why_b.strip(),
    )


def _email(person: Person) -> str:
    first = next((i.value for i in person.identities.all() if i.kind == "email"), "")
    return first


def _about(person: Person) -> str:
    role = " at ".join(
        x for x in (person.title, person.organisation.name if person.organisation else "") if x
    )
    return f"{person.name.split()[0]} is {role}" if role else ""


def intro_draft(*, intro: Introduction, event: Event | str, me: str) -> intro_drafts.Draft:
    """The message the user sends for this step, to edit before sending."""
    event = Event(event)
    a, b = intro.person_a, intro.person_b
    if event is Event.ASK_A:
        return intro_drafts.ask_first(
            me=me, a=a.name, b=b.name, b_about=_about(b), why_a=intro.why_a, a_email=_email(a)
        )
    if event is Event.ASK_B:
        return intro_drafts.ask_second(
            me=me, a=a.name, b=b.name, a_about=_about(a), why_b=intro.why_b, b_email=_email(b)
        )
    if event is Event.INTRODUCE:
        return intro_drafts.introduce(
            me=me,
            a=a.name,
            b=b.name,
            a_about=_about(a),
            b_about=_about(b),
            why_a=intro.why_a,
            why_b=intro.why_b,
            a_email=_email(a),
            b_email=_email(b),
        )
    raise IntroError(f"There is no message to draft for {event.value}.")


@dataclass(frozen=True)
class StepResult:
    intro: Introduction
    sent: bool  # mailed through SMTP from here (otherwise the user sent it themselves)


@transaction.atomic
def intro_step(
    *,
    workspace: Workspace,
    user: User,
    intro_id: int,
    event: Event | str,
    subject: str = "",
    body: str = "",
    send: bool = False,
    note: str = "",
    today: date | None = None,
    at: datetime | None = None,
) -> StepResult:
    """Move an introduction one step on. Message steps record the (edited) message on
    the timelines; `send` mails it through the configured SMTP server first. `at` records
    a step taken earlier (the demo's history)."""
    intro = (
        Introduction.objects.select_for_update()
        .select_related("person_a", "person_b")
        .get(workspace=workspace, pk=intro_id)
    )
    event = Event(event)
    new_state = next_state(intro.state, event)
    now = at or timezone.now()
    today = today or timezone.localdate(now)
    sent = False
    if event in SENDING:
        me = user.name or user.email
        draft = intro_draft(intro=intro, event=event, me=me)
        subject, body = subject.strip() or draft.subject, body.strip() or draft.body
        if send:
            if not settings.EMAIL_HOST:
                raise IntroError("No SMTP server is configured: send it from your mail program.")
            if not draft.to:
                raise IntroError("Nobody to send to: add an email address to the person first.")
            EmailMessage(
                subject=subject, body=body, to=list(draft.to), reply_to=[user.email]
            ).send()
            sent = True
        people = {
            Event.ASK_A: [intro.person_a],
            Event.ASK_B: [intro.person_b],
            Event.INTRODUCE: [intro.person_a, intro.person_b],
        }[event]
        interaction_record(
            workspace=workspace,
            kind=Interaction.Kind.MESSAGE,
            direction=Interaction.Direction.OUTBOUND,
            occurred_at=now,
            subject=subject,
            body=body,
            participants=[(p, Participant.Role.TO, _email(p)) for p in people],
            source="introduction",
            author=user,
        )
    if event is Event.ASK_A:
        intro.asked_a_at = now
    elif event is Event.ASK_B:
        intro.asked_b_at = now
    elif event is Event.INTRODUCE:
        intro.introduced_at = now
        intro.outcome_due = today + timedelta(days=OUTCOME_AFTER_DAYS)
        for receiver, other in ((intro.person_a, intro.person_b), (intro.person_b, intro.person_a)):
            Help.objects.create(
                workspace=workspace,
                created_by=user,
                giver=None,
                receiver=receiver,
                kind="introduction",
                what=f"Introduction to {other.name}",
                happened_on=today,
                introduction=intro,
            )
    elif event is Event.OUTCOME:
        intro.outcome = note.strip()
        intro.help.update(outcome=intro.outcome, outcome_on=today if intro.outcome else None)
    if note.strip() and event is not Event.OUTCOME:
        intro.note = note.strip()
    intro.state = new_state
    intro.closed_at = now if new_state in CLOSED else None
    intro.save()
    return StepResult(intro, sent)


def intros_open(*, workspace: Workspace) -> QuerySet[Introduction]:
    return (
        Introduction.objects.filter(workspace=workspace)
        .exclude(state__in=[s.value for s in CLOSED])
        .select_related("person_a", "person_b")
        .order_by("created_at")
    )


def intros_for_person(*, workspace: Workspace, person: Person) -> QuerySet[Introduction]:
    return (
        Introduction.objects.filter(workspace=workspace)
        .filter(Q(person_a=person) | Q(person_b=person))
        .select_related("person_a", "person_b")
        .order_by("-created_at")
    )


def intros_needing_me(
    *, workspace: Workspace, today: date, scope: Scope = WHOLE
) -> list[tuple[Introduction, str]]:
    """Introductions with something for me to do today, each with why: an answer
    overdue (ask once more, or let it go), or an introduction whose outcome to ask about.
    In a team: the ones I started (or nobody did, about a person I care for)."""
    cutoff = timezone.now() - timedelta(days=NO_ANSWER_AFTER_DAYS)
    rows = (
        intros_open(workspace=workspace)
        .filter(scope.mine_or("created_by", "person_a", "person_b"))
        .filter(
            Q(state=State.ASKING_A, asked_a_at__lt=cutoff)
            | Q(state=State.ASKING_B, asked_b_at__lt=cutoff)
            | Q(state=State.INTRODUCED, outcome_due__lte=today)
            | Q(state__in=[State.A_AGREED, State.AGREED])
        )
    )
    result = []
    for intro in rows:
        a, b = intro.person_a.name, intro.person_b.name
        if intro.state == State.INTRODUCED:
            why = f"You introduced {a} and {b} on {intro.introduced_at:%-d %b}; ask how it went."
        elif intro.state == State.A_AGREED:
            why = f"{a} said yes to meeting {b}; now ask {b}."
        elif intro.state == State.AGREED:
            why = f"{a} and {b} both said yes; introduce them."
        else:
            asked = intro.asked_a_at if intro.state == State.ASKING_A else intro.asked_b_at
            who = a if intro.state == State.ASKING_A else b
            days = (timezone.now() - asked).days
            why = f"No answer from {who} for {days} days: ask once more, or let it go."
        result.append((intro, why))
    return result
