"""Follow-through: detecting promises and requests in stored mail and notes, and keeping them.

Outbound mail and my notes yield promises; inbound mail yields requests (and waiting-on,
when the writer commits to something for me). Everything detected is a suggestion until
the user confirms it. Detection is idempotent: one commitment per source sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from carefor.care.models import Commitment
from carefor.care.privacy import commitments_visible_to
from carefor.care.scope import WHOLE, Scope
from carefor.conversations.models import Interaction, Participant
from carefor.language.commitments import Finding, analyse
from carefor.people.models import Person
from carefor.teams.models import User, Workspace

Kind, State = Commitment.Kind, Commitment.State
OPEN_STATES = (State.OPEN, State.RENEGOTIATED)


def _counterpart(interaction: Interaction) -> int | None:
    """The person a commitment concerns: the sender of inbound mail, else the first
    recipient (or the person a note is about)."""
    roles = (
        (Participant.Role.FROM,)
        if interaction.direction == Interaction.Direction.INBOUND
        else (Participant.Role.TO, Participant.Role.ABOUT, Participant.Role.ATTENDEE)
    )
    for participant in interaction.participants.all():
        if participant.role in roles:
            return participant.person_id
    return None


def commitments_detect(*, workspace: Workspace, interactions: Iterable[Interaction]) -> int:
    """Suggest commitments found in these interactions; returns how many are new."""
    created = 0
    for interaction in interactions:
        if interaction.kind not in (Interaction.Kind.MESSAGE, Interaction.Kind.NOTE):
            continue
        if interaction.meta.get("snippet"):
            continue  # only whole texts are read: a snippet may cut a promise in half
        if interaction.kind == Interaction.Kind.NOTE:
            created += _note_commitments(workspace, interaction)
            continue
        inbound = interaction.direction == Interaction.Direction.INBOUND
        result = analyse(interaction.body, written_on=timezone.localdate(interaction.occurred_at))
        found = [(f, Kind.REQUEST if inbound else None) for f in result.requests]
        found += [(f, Kind.WAITING_ON if inbound else Kind.PROMISE) for f in result.promises]
        person = _counterpart(interaction) if found else None
        for finding, kind in found:
            if kind is None:
                continue  # a request I made of someone is courtesy's "awaiting their reply"
            created += commitment_suggest(
                workspace=workspace, source=interaction, finding=finding, kind=kind,
                person_id=person,
            )  # fmt: skip
    return created


def commitment_suggest(
    *, workspace: Workspace, source: Interaction, finding: Finding, kind: str,
    person_id: int | None,
) -> bool:  # fmt: skip
    """A detected promise, request or waiting-on, waiting for the user's yes; one per source
    sentence (the table allows no more), so detecting again adds nothing. True if new."""
    _, new = Commitment.objects.get_or_create(
        source=source,
        sentence=finding.text,
        defaults={
            "workspace": workspace,
            "person_id": person_id,
            "kind": kind,
            "state": State.SUGGESTED,
            "what": finding.text,
            "due": finding.due,
            "found_by": Commitment.FoundBy.DETECTED,
            "evidence": _evidence(finding),
            "owner": source.author,
        },
    )
    return new


def _note_commitments(workspace: Workspace, note: Interaction) -> int:
    """A note is a report, not mail: read as such (carefor.care.capture.note_reading)."""
    from carefor.care.capture import note_commitments, note_reading

    page_id = _counterpart(note)
    page = Person.objects.filter(workspace=workspace, pk=page_id).first() if page_id else None
    if page is None:
        return 0
    found, people = note_reading(workspace=workspace, note=note, page=page)
    return note_commitments(workspace=workspace, note=note, found=found, people=people)


def _evidence(finding: Finding) -> str:
    """The rule ids that fired; when the model alone decided, its probability instead,
    so every detected item still says why it was proposed."""
    parts = list(finding.rules)
    if finding.probability is not None and not any(not r.startswith("not.") for r in parts):
        parts.append(f"model:{finding.probability:.2f}")
    return ",".join(parts)[:300]


DETECTION_WINDOW_DAYS = 90


def commitments_detect_recent(*, workspace: Workspace, days: int = DETECTION_WINDOW_DAYS) -> int:
    """Detect in the last `days` of messages and notes. Older mail is history: a promise
    from two years ago that nobody confirmed would only be noise in today's list."""
    since = timezone.now() - timedelta(days=days)
    candidates = (
        Interaction.objects.filter(
            workspace=workspace,
            kind__in=[Interaction.Kind.MESSAGE, Interaction.Kind.NOTE],
            occurred_at__gte=since,
        )
        .exclude(body="")
        .prefetch_related("participants")
    )
    return commitments_detect(workspace=workspace, interactions=candidates.iterator(chunk_size=500))


def _get(workspace: Workspace, commitment_id: int, user: User | None) -> Commitment:
    """One promise this member may see (another member's private note's promise is not
    found, so it cannot be confirmed or closed by id either)."""
    rows = Commitment.objects.filter(workspace=workspace)
    if user is not None:
        rows = rows.filter(commitments_visible_to(user))
    return rows.get(pk=commitment_id)


@transaction.atomic
def commitment_confirm(*, workspace: Workspace, user: User, commitment_id: int) -> Commitment:
    """A suggestion becomes real; a request accepted becomes my promise."""
    commitment = _get(workspace, commitment_id, user)
    if commitment.kind == Kind.REQUEST:
        commitment.kind = Kind.PROMISE
    commitment.state = State.OPEN
    commitment.owner = commitment.owner or user
    commitment.save(update_fields=["kind", "state", "owner"])
    return commitment


def commitment_close(
    *,
    workspace: Workspace,
    commitment_id: int,
    state: str,
    note: str = "",
    due: date | None = None,
    user: User | None = None,
) -> Commitment:
    """kept, released (with a note), renegotiated (new date), or dismissed (not a promise)."""
    if state not in (State.KEPT, State.RELEASED, State.RENEGOTIATED, State.DISMISSED):
        raise ValueError(f"Unknown state {state!r}.")
    commitment = _get(workspace, commitment_id, user)
    commitment.state = state
    commitment.note = note.strip() or commitment.note
    if state == State.RENEGOTIATED:
        commitment.due = due
        commitment.closed_at = None
    else:
        commitment.closed_at = timezone.now()
    commitment.save(update_fields=["state", "note", "due", "closed_at"])
    return commitment


def commitment_add(
    *, workspace: Workspace, user: User, person_id: int | None, what: str, due: date | None
) -> Commitment:
    """A promise typed by me."""
    return Commitment.objects.create(
        workspace=workspace,
        owner=user,
        person_id=person_id,
        kind=Kind.PROMISE,
        state=State.OPEN,
        what=what.strip(),
        due=due,
    )


def commitments_open(
    *, workspace: Workspace, user: User | None = None, scope: Scope = WHOLE
) -> QuerySet[Commitment]:
    """Open promises and waiting-ons, overdue first, then by due date, undated last.
    Without a user, only those that may leave the machine (none from a private note).
    In a team scope: mine, or about the people I care for (care/scope.py)."""
    return (
        Commitment.objects.filter(workspace=workspace, state__in=OPEN_STATES)
        .filter(commitments_visible_to(user), scope.mine_or("owner"))
        .select_related("person")
        .order_by(F("due").asc(nulls_last=True), "created_at")
    )


def commitments_suggested(
    *, workspace: Workspace, user: User | None = None, scope: Scope = WHOLE
) -> QuerySet[Commitment]:
    return (
        Commitment.objects.filter(workspace=workspace, state=State.SUGGESTED)
        .filter(commitments_visible_to(user), scope.mine_or("owner"))
        .select_related("person", "source")
        .order_by("-source__occurred_at", "-created_at")
    )


def follow_through_record(*, workspace: Workspace, user: User, days: int = 365) -> dict[str, int]:
    """My own record, for my eyes: promises I closed in the window, kept on time or late,
    and released. It is about me, never a score of the other person."""
    since = timezone.now() - timedelta(days=days)
    closed = Commitment.objects.filter(
        workspace=workspace,
        kind=Kind.PROMISE,
        state__in=(State.KEPT, State.RELEASED),
        closed_at__gte=since,
    ).filter(Q(owner=user) | Q(owner__isnull=True), commitments_visible_to(user))
    record = {"kept_on_time": 0, "kept_late": 0, "kept_undated": 0, "released": 0}
    for state, due, closed_at in closed.values_list("state", "due", "closed_at"):
        if state == State.RELEASED:
            record["released"] += 1
        elif due is None:
            record["kept_undated"] += 1
        elif timezone.localdate(closed_at) <= due:
            record["kept_on_time"] += 1
        else:
            record["kept_late"] += 1
    return record
