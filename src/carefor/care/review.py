"""The weekly review: who I cared for this week, promises kept, whom I have drifted from,
and matters worth asking about again. About my own week; never a score of anyone."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.mail import EmailMessage
from django.db.models import Count, Q
from django.utils import timezone

from carefor.care.digest import require_smtp
from carefor.care.matters import matters_fading
from carefor.care.models import Commitment, Matter
from carefor.care.privacy import commitments_visible_to
from carefor.conversations.models import Interaction, Participant
from carefor.people.models import Person
from carefor.teams.models import User, Workspace

# People I used to talk with (at least this many interactions) and not for this long.
DRIFT_MIN_INTERACTIONS = 3
DRIFT_DAYS = 90
LIST_LIMIT = 15


@dataclass(frozen=True)
class CaredFor:
    person_id: int
    name: str
    what: str  # "2 messages, a call"


@dataclass(frozen=True)
class Drifting:
    person_id: int
    name: str
    last: datetime | None
    reason: str


@dataclass
class Review:
    week_start: date
    week_end: date
    cared_for: list[CaredFor]
    kept: list[Commitment]
    drifting: list[Drifting]
    fading: list[Matter]


_NOUNS = {
    Interaction.Kind.MESSAGE: ("a message", "messages"),
    Interaction.Kind.MEETING: ("a meeting", "meetings"),
    Interaction.Kind.CALL: ("a call", "calls"),
    Interaction.Kind.NOTE: ("a note", "notes"),
}


def _describe(kinds: Counter[str]) -> str:
    parts = []
    for kind, (one, many) in _NOUNS.items():
        if kinds[kind]:
            parts.append(one if kinds[kind] == 1 else f"{kinds[kind]} {many}")
    return ", ".join(parts)


def _cared_for(workspace: Workspace, user: User, start: datetime, end: datetime) -> list[CaredFor]:
    """People I wrote to, met, called or wrote a note about (their mail alone is theirs,
    and a colleague's note is the colleague's care)."""
    mine = (
        ~Q(interaction__kind__in=[Interaction.Kind.MESSAGE, Interaction.Kind.NOTE])
        | Q(interaction__kind=Interaction.Kind.MESSAGE, interaction__direction="outbound")
        | Q(interaction__kind=Interaction.Kind.NOTE, interaction__author=user)
    )
    rows = (
        Participant.objects.filter(
            workspace=workspace,
            interaction__occurred_at__gte=start,
            interaction__occurred_at__lt=end,
        )
        .exclude(role=Participant.Role.FROM, interaction__direction=Interaction.Direction.OUTBOUND)
        .filter(mine)
        .values_list("person_id", "person__name", "interaction__kind", "interaction_id")
        .distinct()
    )
    kinds: dict[tuple[int, str], Counter[str]] = {}
    for person_id, name, kind, _ in rows:
        kinds.setdefault((person_id, name), Counter())[kind] += 1
    return sorted(
        (CaredFor(pid, name, _describe(k)) for (pid, name), k in kinds.items()),
        key=lambda c: c.name,
    )


def _drifting(workspace: Workspace, now: datetime) -> list[Drifting]:
    drifting: list[Drifting] = []
    overdue = [
        p
        for p in Person.objects.filter(workspace=workspace, cadence_days__isnull=False).only(
            "name", "cadence_days", "last_interaction_at"
        )
        if p.last_interaction_at is None
        or now - p.last_interaction_at >= timedelta(days=p.cadence_days)
    ]
    for p in overdue[:LIST_LIMIT]:
        drifting.append(
            Drifting(p.pk, p.name, p.last_interaction_at, f"you wanted every {p.cadence_days} days")
        )
    seen = {d.person_id for d in drifting}
    quiet = (
        Person.objects.filter(
            workspace=workspace,
            cadence_days__isnull=True,
            last_interaction_at__lt=now - timedelta(days=DRIFT_DAYS),
        )
        .annotate(together=Count("participations__interaction", distinct=True))
        .filter(together__gte=DRIFT_MIN_INTERACTIONS)
        .order_by("-together", "name")
        .only("name", "last_interaction_at")[: LIST_LIMIT - len(drifting)]
    )
    for p in quiet:
        if p.pk not in seen:
            drifting.append(
                Drifting(
                    p.pk, p.name, p.last_interaction_at, f"{p.together} conversations, then quiet"
                )
            )
    return drifting


def weekly_review(*, workspace: Workspace, user: User, today: date | None = None) -> Review:
    """The seven days up to and including today."""
    today = today or timezone.localdate()
    start_day = today - timedelta(days=6)
    start = timezone.make_aware(datetime.combine(start_day, time.min))
    end = timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))
    kept = list(
        Commitment.objects.filter(
            workspace=workspace,
            kind=Commitment.Kind.PROMISE,
            state=Commitment.State.KEPT,
            closed_at__gte=start,
            closed_at__lt=end,
        )
        .filter(Q(owner=user) | Q(owner__isnull=True))
        .filter(commitments_visible_to(user))
        .select_related("person")
        .order_by("closed_at")
    )
    return Review(
        week_start=start_day,
        week_end=today,
        cared_for=_cared_for(workspace, user, start, end),
        kept=kept,
        drifting=_drifting(workspace, timezone.now()),
        fading=list(matters_fading(workspace=workspace, user=user, today=today, limit=LIST_LIMIT)),
    )


def review_text(review: Review) -> str:
    lines = [f"carefor — your week, {review.week_start:%-d %b} to {review.week_end:%-d %b %Y}", ""]

    def section(title: str, rows: list[str], empty: str) -> None:
        lines.append(title)
        lines.extend([f"  - {row}" for row in rows] or [f"  {empty}"])
        lines.append("")

    section(
        "Who you cared for",
        [f"{c.name}: {c.what}" for c in review.cared_for],
        "Nobody this week. One note or message is a start.",
    )
    section(
        "Promises kept",
        [f"{c.what}" + (f" ({c.person.name})" if c.person else "") for c in review.kept],
        "None closed this week.",
    )
    section(
        "Not in touch for a while",
        [f"{d.name} — {d.reason}" for d in review.drifting],
        "Nobody is past their cadence.",
    )
    section(
        "Worth asking again",
        [
            f"{m.person.name}: {m.what} (confirmed {m.confirmed_on:%-d %b %Y})"
            for m in review.fading
        ],
        "Every matter was confirmed in the last six months.",
    )
    return "\n".join(lines).rstrip() + "\n"


def review_send(*, workspace: Workspace, user: User, today: date, to: str | None = None) -> str:
    """Mail the review through the configured SMTP server; returns the text."""
    require_smtp()
    text = review_text(weekly_review(workspace=workspace, user=user, today=today))
    EmailMessage(
        subject=f"carefor: your week to {today:%-d %B}", body=text, to=[to or user.email]
    ).send()
    return text
