"""Courtesy: who is waiting on my reply, whom I am waiting on, and how quickly we answer.

courtesy_refresh rebuilds the ReplyTurn table from the stored messages (threading them
JWZ-style on the way); the selectors then read that table, so the Courtesy page and
`carefor awaiting` stay fast however much mail there is.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from carefor.conversations.models import CourtesyMark, Interaction, Participant, ReplyTurn
from carefor.conversations.threading import ThreadInput, assign_threads
from carefor.language.asks import asks_for_reply
from carefor.language.senders import stored_message_not_personal
from carefor.people.models import MyIdentity, Person
from carefor.teams.models import User, Workspace

INBOUND, OUTBOUND = Interaction.Direction.INBOUND, Interaction.Direction.OUTBOUND


@dataclass(slots=True)
class _Message:
    id: int
    occurred_at: datetime
    outbound: bool
    personal: bool  # a person writing to me (for inbound), or asks something (for outbound)
    sender_person: int | None
    recipient_people: list[int]
    sender: str
    recipients: frozenset[str]


def message_key(source: str, external_id: str, pk: int) -> str:
    return f"{source}:{external_id}" if external_id else f"row:{pk}"


def _load(workspace: Workspace, mine: frozenset[str]) -> tuple[list[_Message], dict[int, str]]:
    messages_qs = Interaction.objects.filter(workspace=workspace, kind=Interaction.Kind.MESSAGE)
    # Bodies are read only for mail I sent (does it ask something?), in a second pass,
    # so memory stays small on a large mailbox.
    asking: set[int] = set()
    outbound = messages_qs.filter(direction=OUTBOUND).values_list("id", "subject", "body", "meta")
    for pk, subject, body, meta in outbound.iterator(chunk_size=2000):
        to_others = {a.lower() for a in (meta or {}).get("to", []) + (meta or {}).get("cc", [])}
        # A note to self asks nobody; mail to others that asks something expects a reply.
        if (not to_others or to_others - mine) and asks_for_reply(body, subject):
            asking.add(pk)
    rows = messages_qs.values_list(
        "id", "message_id", "in_reply_to", "meta", "direction", "occurred_at", "subject",
        "thread_id",
    ).iterator(chunk_size=2000)  # fmt: skip
    people: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    participants = Participant.objects.filter(
        workspace=workspace, interaction__kind=Interaction.Kind.MESSAGE
    ).values_list("interaction_id", "person_id", "role")
    for interaction_id, person_id, role in participants.iterator(chunk_size=5000):
        people[interaction_id][role].append(person_id)

    messages: list[_Message] = []
    inputs: list[ThreadInput] = []
    for pk, mid, irt, meta, direction, when, subject, thread_id in rows:
        meta = meta or {}
        sender = meta.get("from", "").lower()
        to = frozenset(a.lower() for a in meta.get("to", []))
        cc = frozenset(a.lower() for a in meta.get("cc", []))
        everyone = to | cc  # one set shared by both records: memory matters at 100k messages
        outbound = direction == OUTBOUND or (bool(sender) and sender in mine)
        if outbound:
            personal = pk in asking
        elif not meta:  # typed in or demo data: a person wrote it
            personal = direction == INBOUND
        else:
            personal = stored_message_not_personal(meta, subject=subject, my_addresses=mine) is None
        linked = people.get(pk, {})
        messages.append(
            _Message(
                id=pk,
                occurred_at=when,
                outbound=outbound,
                personal=personal,
                sender_person=(linked.get("from") or [None])[0],
                recipient_people=linked.get("to", []) + linked.get("cc", []),
                sender=sender,
                recipients=everyone,
            )
        )
        inputs.append(
            ThreadInput(
                id=pk,
                message_id=mid,
                in_reply_to=irt,
                references=tuple(meta.get("references", [])),
                thread_hint=meta.get("thread_hint", "") or (f"t{thread_id}" if thread_id else ""),
                subject=subject,
                sender=sender,
                recipients=everyone,
                occurred_at=when,
            )
        )
    return messages, assign_threads(inputs)


def _turns(workspace: Workspace, key: str, thread: list[_Message]) -> Iterable[ReplyTurn]:
    """Walk one conversation in time order and cut it into turns."""
    waiting_mine: list[_Message] = []  # people's messages since my last one
    waiting_theirs: list[_Message] = []  # my asking messages since their last answer
    for message in thread:
        if message.outbound:
            if waiting_mine:
                yield _turn(workspace, key, ReplyTurn.Side.MINE, waiting_mine, message)
                waiting_mine = []
            if message.personal:  # it asks something
                waiting_theirs.append(message)
        elif message.personal:
            if waiting_theirs and _answers(message, waiting_theirs):
                yield _turn(workspace, key, ReplyTurn.Side.THEIRS, waiting_theirs, message)
                waiting_theirs = []
            waiting_mine.append(message)
    if waiting_mine:
        yield _turn(workspace, key, ReplyTurn.Side.MINE, waiting_mine, None)
    if waiting_theirs:
        yield _turn(workspace, key, ReplyTurn.Side.THEIRS, waiting_theirs, None)


def _answers(message: _Message, asked: list[_Message]) -> bool:
    """Is this message from someone I asked? (Without addresses, e.g. typed in: yes.)"""
    if not message.sender:
        return True
    return any(message.sender in m.recipients or not m.recipients for m in asked)


def _turn(
    workspace: Workspace, key: str, side: str, waiting: list[_Message], answer: _Message | None
) -> ReplyTurn:
    latest = waiting[-1]
    person = (
        latest.sender_person
        if side == ReplyTurn.Side.MINE
        else (latest.recipient_people or [None])[0]
    )
    return ReplyTurn(
        workspace=workspace,
        side=side,
        interaction_id=latest.id,
        person_id=person,
        thread_key=key[:520],
        started_at=waiting[0].occurred_at,
        answered_at=answer.occurred_at if answer else None,
        reply_hours=(
            (answer.occurred_at - waiting[0].occurred_at).total_seconds() / 3600 if answer else None
        ),
    )


@transaction.atomic
def courtesy_refresh(*, workspace: Workspace) -> int:
    """Rebuild every reply turn of the workspace from its messages; returns how many."""
    mine = frozenset(MyIdentity.objects.filter(workspace=workspace).values_list("value", flat=True))
    messages, threads = _load(workspace, mine)
    by_thread: dict[str, list[_Message]] = defaultdict(list)
    for message in messages:
        by_thread[threads[message.id]].append(message)
    turns: list[ReplyTurn] = []
    for key, thread in by_thread.items():
        thread.sort(key=lambda m: (m.occurred_at, m.id))
        turns.extend(_turns(workspace, key, thread))
    ReplyTurn.objects.filter(workspace=workspace).delete()
    ReplyTurn.objects.bulk_create(turns, batch_size=2000)
    return len(turns)


# --- reading ------------------------------------------------------------------------


@dataclass(frozen=True)
class Awaiting:
    turn_id: int
    side: str
    person_id: int | None
    name: str
    email: str
    subject: str
    snippet: str
    since: datetime
    days: int
    message_key: str


def _active_marks(workspace: Workspace, user: User, now: datetime) -> set[str]:
    marks = CourtesyMark.objects.filter(workspace=workspace, user=user).filter(
        Q(state=CourtesyMark.State.DISMISSED) | Q(until__gt=now)
    )
    return set(marks.values_list("message_key", flat=True))


def _open_turns(workspace: Workspace, side: str) -> QuerySet[ReplyTurn]:
    return (
        ReplyTurn.objects.filter(workspace=workspace, side=side, answered_at__isnull=True)
        .select_related("interaction", "person")
        .only(
            "started_at", "person__name", "interaction__subject", "interaction__body",
            "interaction__meta", "interaction__source", "interaction__external_id",
        )
        .order_by("started_at", "pk")
    )  # fmt: skip


def awaiting_count(*, workspace: Workspace, side: str) -> int:
    """Open turns on one side, before dismissals (for 'and N more')."""
    return ReplyTurn.objects.filter(
        workspace=workspace, side=side, answered_at__isnull=True
    ).count()


def awaiting(
    *,
    workspace: Workspace,
    user: User,
    side: str,
    now: datetime | None = None,
    limit: int = 200,
    since: datetime | None = None,
    person_ids: QuerySet[Any] | None = None,
) -> list[Awaiting]:
    """Open turns on one side, oldest wait first, without dismissed or snoozed ones.

    At most `limit` items: the database sorts and cuts, so the cost does not grow with
    the size of the mailbox. `since` leaves out waits that began earlier; `person_ids`
    keeps only turns with those people (a team member's own people, care/scope.py).
    """
    now = now or timezone.now()
    hidden = _active_marks(workspace, user, now)
    turns = _open_turns(workspace, side)
    if person_ids is not None:
        turns = turns.filter(person__in=person_ids)
    if since is not None:
        turns = turns.filter(started_at__gte=since)
    items: list[Awaiting] = []
    for turn in turns[: limit + len(hidden)]:
        message = turn.interaction
        key = message_key(message.source, message.external_id, message.pk)
        if key in hidden:
            continue
        meta = message.meta or {}
        if side == ReplyTurn.Side.MINE:
            email = meta.get("from", "")
        else:
            email = (meta.get("to") or meta.get("cc") or [""])[0]
        items.append(
            Awaiting(
                turn_id=turn.pk,
                side=side,
                person_id=turn.person_id,
                name=turn.person.name if turn.person else email,
                email=email,
                subject=message.subject,
                snippet=" ".join(message.body[:400].split())[:160],
                since=turn.started_at,
                days=max(0, (now - turn.started_at).days),
                message_key=key,
            )
        )
        if len(items) >= limit:
            break
    return items


def courtesy_mark(
    *, workspace: Workspace, user: User, turn_id: int, state: str, until: datetime | None = None
) -> CourtesyMark:
    """Dismiss (no reply needed) or snooze one waiting item; ReplyTurn.DoesNotExist outside
    the workspace."""
    turn = ReplyTurn.objects.select_related("interaction").get(workspace=workspace, pk=turn_id)
    message = turn.interaction
    mark, _ = CourtesyMark.objects.update_or_create(
        workspace=workspace,
        user=user,
        message_key=message_key(message.source, message.external_id, message.pk),
        defaults={"state": state, "until": until},
    )
    return mark


@dataclass(frozen=True)
class ReplyFigures:
    """Reply rate and median reply time, for one side, over a window."""

    asked: int
    answered: int
    median_hours: float | None

    @property
    def rate(self) -> float | None:
        return self.answered / self.asked if self.asked else None


def reply_figures(
    *,
    workspace: Workspace,
    side: str,
    person: Person | None = None,
    since: datetime | None = None,
) -> ReplyFigures:
    """side=mine: how often and how fast I answered people; side=theirs: they answered me."""
    turns = ReplyTurn.objects.filter(workspace=workspace, side=side)
    if person is not None:
        turns = turns.filter(person=person)
    if since is not None:
        turns = turns.filter(started_at__gte=since)
    asked = turns.count()
    answered_turns = turns.filter(reply_hours__isnull=False)
    answered = answered_turns.count()
    median = None
    if answered:
        ordered = answered_turns.order_by("reply_hours").values_list("reply_hours", flat=True)
        middle = list(ordered[(answered - 1) // 2 : answered // 2 + 1])
        median = statistics.fmean(middle)
    return ReplyFigures(asked=asked, answered=answered, median_hours=median)


def monthly_reply_hours(
    *, workspace: Workspace, person: Person | None = None, months: int = 12
) -> list[dict[str, Any]]:
    """Median reply time per month for each side, over the last `months` months that have
    answers (for the small chart; old mail still draws a picture)."""
    turns = ReplyTurn.objects.filter(workspace=workspace, answered_at__isnull=False)
    if person is not None:
        turns = turns.filter(person=person)
    latest = turns.order_by("-started_at").values_list("started_at", flat=True).first()
    if latest is None:
        return []
    turns = turns.filter(started_at__gte=_chart_start(latest, months))
    return _monthly_medians(turns.values_list("side", "started_at", "reply_hours"))


def _chart_start(latest: datetime, months: int) -> datetime:
    return (latest - timedelta(days=31 * months)).replace(day=1)


def _monthly_medians(rows: Iterable[tuple[str, datetime, float]]) -> list[dict[str, Any]]:
    buckets: dict[tuple[str, str], list[float]] = defaultdict(list)
    for side, started, hours in rows:
        buckets[(side, started.strftime("%Y-%m"))].append(hours)
    return [
        {"side": side, "month": month, "median_hours": statistics.median(values), "n": len(values)}
        for (side, month), values in sorted(buckets.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    ]


@dataclass(frozen=True)
class PersonReplies:
    mine: ReplyFigures
    theirs: ReplyFigures
    monthly: list[dict[str, Any]]


NO_REPLIES = PersonReplies(ReplyFigures(0, 0, None), ReplyFigures(0, 0, None), [])


def person_replies(*, workspace: Workspace, person: Person, months: int = 12) -> PersonReplies:
    """What reply_figures (both sides) and monthly_reply_hours say about one person, from
    one read of their turns rather than eight queries (a person has at most thousands)."""
    rows = list(
        ReplyTurn.objects.filter(workspace=workspace, person=person).values_list(
            "side", "started_at", "reply_hours", "answered_at"
        )
    )

    def figures(side: str) -> ReplyFigures:
        hours = [h for s, _, h, _ in rows if s == side and h is not None]
        asked = sum(1 for s, *_ in rows if s == side)
        return ReplyFigures(asked, len(hours), statistics.median(hours) if hours else None)

    answered = [(s, started, h) for s, started, h, at in rows if at is not None]
    monthly: list[dict[str, Any]] = []
    if answered:
        start = _chart_start(max(started for _, started, _ in answered), months)
        monthly = _monthly_medians(row for row in answered if row[1] >= start)
    return PersonReplies(mine=figures("mine"), theirs=figures("theirs"), monthly=monthly)
