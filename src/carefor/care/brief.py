"""The brief: one page to read before meeting someone.

Who they are, what matters to them and why, the last conversations, open promises both
ways, life events and dates, and the questions I noted to ask. A person with little data
gets a short, honest brief: empty sections are left out and the brief says what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Prefetch
from django.utils import timezone

from carefor.care.follow_ups import follow_ups_for_person, life_events_for_person
from carefor.care.matters import matters_for_person
from carefor.care.models import Commitment, FollowUp, LifeEvent, Matter
from carefor.care.privacy import commitments_visible_to, interactions_visible_to
from carefor.care.services import OPEN_STATES
from carefor.conversations.courtesy import ReplyFigures, reply_figures
from carefor.conversations.models import Interaction, Participant
from carefor.people.anniversaries import next_occurrence, years_at
from carefor.people.models import Person
from carefor.teams.models import User, Workspace

LAST_CONVERSATIONS = 5
LIFE_EVENTS = 5


@dataclass(frozen=True)
class UpcomingDate:
    pk: int
    label: str
    on: date
    years: int | None


@dataclass
class Brief:
    person: Person
    today: date
    matters: list[Matter]
    fading: set[int]  # ids of matters not confirmed for a long time: ask again
    past_matters: list[Matter]
    conversations: list[Interaction]
    interaction_count: int
    my_promises: list[Commitment]  # what I promised them, still open
    their_promises: list[Commitment]  # what they said they would do for me (a reminder)
    their_requests: list[Commitment]  # what they asked of me, not yet answered
    life_events: list[LifeEvent]
    dates: list[UpcomingDate]
    questions: list[FollowUp]  # open follow-ups: things to ask
    my_replies: ReplyFigures | None = None
    missing: list[str] = field(default_factory=list)

    @property
    def last_in_touch(self) -> datetime | None:
        return self.person.last_interaction_at


def _conversations(workspace: Workspace, person: Person, user: User | None) -> list[Interaction]:
    people = Participant.objects.select_related("person").order_by("role", "person__name")
    return list(
        Interaction.objects.filter(
            workspace=workspace,
            pk__in=Participant.objects.filter(person=person).values("interaction_id"),
        )
        .filter(interactions_visible_to(user))
        .prefetch_related(Prefetch("participants", queryset=people, to_attr="all_participants"))
        .order_by("-occurred_at", "-id")[:LAST_CONVERSATIONS]
    )


def upcoming_dates(person: Person, today: date) -> list[UpcomingDate]:
    upcoming = []
    for d in person.important_dates.all():
        try:
            on = next_occurrence(d.month, d.day, today=today)
        except ValueError:
            continue
        upcoming.append(
            UpcomingDate(d.pk, d.label or d.get_kind_display(), on, years_at(on, d.year))
        )
    return sorted(upcoming, key=lambda u: u.on)


def person_brief(
    *, workspace: Workspace, user: User | None, person: Person, today: date | None = None
) -> Brief:
    """Everything the brief shows, in a fixed number of queries."""
    today = today or timezone.localdate()
    all_matters = list(matters_for_person(workspace=workspace, user=user, person=person))
    current = [m for m in all_matters if m.state == Matter.State.CURRENT]
    commitments = list(
        Commitment.objects.filter(
            workspace=workspace, person=person, state__in=(*OPEN_STATES, Commitment.State.SUGGESTED)
        )
        .filter(commitments_visible_to(user))
        .order_by("due", "created_at")
    )

    def pick(kind: str, states: tuple[str, ...]) -> list[Commitment]:
        return [c for c in commitments if c.kind == kind and c.state in states]

    brief = Brief(
        person=person,
        today=today,
        matters=current,
        fading={m.pk for m in current if m.is_fading(today)},
        past_matters=[m for m in all_matters if m.state == Matter.State.PAST],
        conversations=_conversations(workspace, person, user),
        # Only what this reader may see: a count that included hidden notes would say
        # that there are some.
        interaction_count=Interaction.objects.filter(
            pk__in=Participant.objects.filter(person=person).values("interaction_id")
        )
        .filter(interactions_visible_to(user))
        .count(),
        my_promises=pick(Commitment.Kind.PROMISE, OPEN_STATES),
        their_promises=pick(Commitment.Kind.WAITING_ON, OPEN_STATES),
        their_requests=pick(Commitment.Kind.REQUEST, (Commitment.State.SUGGESTED,)),
        life_events=list(
            life_events_for_person(workspace=workspace, user=user, person=person)[:LIFE_EVENTS]
        ),
        dates=upcoming_dates(person, today),
        questions=list(follow_ups_for_person(workspace=workspace, user=user, person=person)),
    )
    if brief.interaction_count:
        brief.my_replies = reply_figures(workspace=workspace, side="mine", person=person)
    if not brief.matters:
        brief.missing.append(
            "You have not noted what matters to them yet: ask what they are working on, "
            "and why it matters to them."
        )
    if not brief.conversations:
        brief.missing.append("No conversations recorded yet.")
    return brief


def _when(day: date | None) -> str:
    return f"{day:%-d %b %Y}" if day else "no date"


def brief_as_json(brief: Brief) -> dict[str, object]:
    """The `carefor brief --format json` contract (docs/cli.md)."""
    p = brief.person
    return {
        "date": brief.today.isoformat(),
        "person": {
            "id": p.pk,
            "name": p.name,
            "title": p.title,
            "organisation": p.organisation.name if p.organisation else "",
            "location": p.location,
            "how_we_met": p.how_we_met,
            "about": p.about,
            "emails": [i.value for i in p.identities.all() if i.kind == "email"],
            "last_in_touch": p.last_interaction_at.isoformat() if p.last_interaction_at else None,
            "keep_in_touch_days": p.cadence_days,
        },
        "matters": [
            {
                "kind": m.kind,
                "what": m.what,
                "why": m.why,
                "in_their_words": m.in_their_words,
                "visibility": m.visibility,
                "confirmed_on": m.confirmed_on.isoformat() if m.confirmed_on else None,
                "ask_again": m.pk in brief.fading,
            }
            for m in brief.matters
        ],
        "conversations": [
            {
                "kind": i.kind,
                "direction": i.direction,
                "date": i.occurred_at.date().isoformat(),
                "subject": i.subject,
                "summary": " ".join(i.body.split())[:200],
            }
            for i in brief.conversations
        ],
        "promises": {
            "mine": [
                {"what": c.what, "due": c.due.isoformat() if c.due else None}
                for c in brief.my_promises
            ],
            "theirs": [
                {"what": c.what, "due": c.due.isoformat() if c.due else None}
                for c in brief.their_promises
            ],
            "asked_of_me": [
                {"what": c.what, "due": c.due.isoformat() if c.due else None}
                for c in brief.their_requests
            ],
        },
        "life_events": [
            {"what": e.what, "on": e.occurs_on.isoformat() if e.occurs_on else None}
            for e in brief.life_events
        ],
        "dates": [
            {"label": d.label, "next": d.on.isoformat(), "years": d.years} for d in brief.dates
        ],
        "questions": [
            {"what": q.what, "due": q.due.isoformat() if q.due else None} for q in brief.questions
        ],
        "missing": brief.missing,
    }


def brief_as_markdown(brief: Brief) -> str:
    p = brief.person
    lines = [f"# {p.name}"]
    role = " at ".join(x for x in (p.title, p.organisation.name if p.organisation else "") if x)
    facts = [x for x in (role, p.location) if x]
    if facts:
        lines.append(" · ".join(facts))
    if p.last_interaction_at:
        lines.append(f"Last in touch: {_when(timezone.localdate(p.last_interaction_at))}")
    if p.how_we_met:
        lines.append(f"How we met: {p.how_we_met}")
    if p.about:
        lines.append("")
        lines.append(p.about)

    def section(title: str, rows: list[str]) -> None:
        if rows:
            lines.extend(["", f"## {title}", *[f"- {row}" for row in rows]])

    def matter_line(m: Matter) -> str:
        why = f" — why: {m.why}" if m.why and not m.in_their_words else ""
        quote = f" — in their words: “{m.why}”" if m.why and m.in_their_words else ""
        again = " (ask again: last confirmed " + _when(m.confirmed_on) + ")"
        return f"**{m.kind}**: {m.what}{why}{quote}{again if m.pk in brief.fading else ''}"

    section("What matters to them", [matter_line(m) for m in brief.matters])
    section(
        "Questions to ask",
        [q.what + (f" (by {_when(q.due)})" if q.due else "") for q in brief.questions],
    )
    section(
        "Life events",
        [
            f"{e.what}" + (f" ({_when(e.occurs_on)})" if e.occurs_on else "")
            for e in brief.life_events
        ],
    )
    section("I promised", [f"{c.what} (due {_when(c.due)})" for c in brief.my_promises])
    section(
        "They said they would", [f"{c.what} (due {_when(c.due)})" for c in brief.their_promises]
    )
    section("They asked me", [c.what for c in brief.their_requests])
    section(
        "Dates",
        [f"{d.label}: {d.on:%-d %B}" + (f" ({d.years})" if d.years else "") for d in brief.dates],
    )
    section(
        "Last conversations",
        [
            f"{i.occurred_at:%-d %b %Y} · {i.get_kind_display().lower()}"
            f"{' · ' + i.subject if i.subject else ''}"
            + (f" — {' '.join(i.body.split())[:140]}" if i.body else "")
            for i in brief.conversations
        ],
    )
    section("Still to learn", brief.missing)
    return "\n".join(lines) + "\n"
