"""Today: the daily care queue, one calm list. Each item says why it is there and has one
action (and a snooze).

Kinds, in the order they are shown:
  promise        a promise of mine due today or overdue
  waiting_on     something a person said they would do for me, now due (a reminder, no tally)
  follow_up      a follow-up I scheduled ("ask how the move went"), due
  reply          a person waiting on my reply (recent waits; the full list is Courtesy)
  thank          help I received recently and have not thanked for (help I gave never
                 produces a reminder: nothing is asked back)
  introduction   an introduction waiting on its next step, or on "how did it go?"
  date           a birthday or anniversary within its notice period
  keep_in_touch  a person past the cadence I chose for them

The queue is built from a fixed number of queries, whatever the size of the notebook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import F, Q
from django.utils import timezone

from carefor.care.follow_ups import follow_ups_due
from carefor.care.models import Commitment, TodayMark
from carefor.care.privacy import commitments_visible_to
from carefor.care.scope import WHOLE, Scope
from carefor.care.services import OPEN_STATES
from carefor.conversations.courtesy import awaiting
from carefor.conversations.models import ReplyTurn
from carefor.people.anniversaries import next_occurrence, years_at
from carefor.people.models import ImportantDate, Person
from carefor.teams.models import User, Workspace

KINDS = (
    "promise", "waiting_on", "follow_up", "reply", "thank", "introduction", "date",
    "keep_in_touch",
)  # fmt: skip
# Waits older than this are history, not today's work; the Courtesy page keeps them all.
REPLY_WINDOW_DAYS = 60
REPLY_LIMIT = 10
MAX_RECENT_REPLIES = 2_000
MAX_NOTICE_DAYS = 60


@dataclass(frozen=True)
class TodayItem:
    kind: str
    key: str  # what snooze/done marks are kept under
    person_id: int | None
    person: str
    title: str
    why: str
    due: date | None
    object_id: int

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["due"] = self.due.isoformat() if self.due else None
        return data


@dataclass(frozen=True)
class Today:
    date: date
    items: list[TodayItem]
    more_replies: int  # waiting on my reply beyond what Today shows
    scope: Scope = WHOLE

    def by_kind(self) -> dict[str, list[TodayItem]]:
        groups: dict[str, list[TodayItem]] = {kind: [] for kind in KINDS}
        for item in self.items:
            groups[item.kind].append(item)
        return groups


def _marks(workspace: Workspace, user: User, today: date) -> set[str]:
    """Keys hidden today: done, or snoozed past today."""
    marks = TodayMark.objects.filter(workspace=workspace, user=user).filter(
        Q(done=True) | Q(snoozed_until__gt=today)
    )
    return set(marks.values_list("key", flat=True))


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def _commitment_items(
    workspace: Workspace, user: User, today: date, hidden: set[str], scope: Scope
) -> list[TodayItem]:
    rows = (
        Commitment.objects.filter(
            workspace=workspace,
            state__in=OPEN_STATES,
            kind__in=(Commitment.Kind.PROMISE, Commitment.Kind.WAITING_ON),
            due__lte=today,
        )
        .filter(commitments_visible_to(user), scope.mine_or("owner"))
        .select_related("person")
        .order_by("due", "pk")
    )
    items = []
    for c in rows:
        key = f"commitment:{c.pk}"
        if key in hidden:
            continue
        late = (today - c.due).days
        when = "due today" if late == 0 else f"overdue by {_days(late)}"
        if c.kind == Commitment.Kind.PROMISE:
            why = f"You promised{' ' + c.person.name if c.person else ''}; {when}."
        else:
            who = c.person.name if c.person else "They"
            why = f"{who} said they would; {when}. A gentle check-in, not a chase."
        items.append(
            TodayItem(
                kind=c.kind,
                key=key,
                person_id=c.person_id,
                person=c.person.name if c.person else "",
                title=c.what,
                why=why,
                due=c.due,
                object_id=c.pk,
            )
        )
    return items


def _follow_up_items(
    workspace: Workspace, user: User, today: date, scope: Scope
) -> list[TodayItem]:
    items = []
    due = follow_ups_due(workspace=workspace, user=user, today=today)
    for f in due.filter(scope.mine_or("owner")):
        if f.life_event_id:
            why = f"You noted: “{f.life_event.what}”."
        elif f.sentence:
            why = f"You noted: “{f.sentence}”."
        else:
            why = "A follow-up you set."
        items.append(
            TodayItem(
                kind="follow_up",
                key=f"follow_up:{f.pk}",
                person_id=f.person_id,
                person=f.person.name,
                title=f.what,
                why=why,
                due=f.due,
                object_id=f.pk,
            )
        )
    return items


def _reply_items(
    workspace: Workspace, user: User, now: datetime, limit: int, scope: Scope
) -> tuple[list[TodayItem], int]:
    since = now - timedelta(days=REPLY_WINDOW_DAYS)
    # The same window and the same dismissals for the list and for "N more".
    recent = awaiting(
        workspace=workspace, user=user, side=ReplyTurn.Side.MINE, now=now, since=since,
        limit=MAX_RECENT_REPLIES, person_ids=scope.person_ids,
    )  # fmt: skip
    waiting, total = recent[:limit], len(recent)
    items = [
        TodayItem(
            kind="reply",
            key=f"reply:{w.message_key}",
            person_id=w.person_id,
            person=w.name,
            title=w.subject or "(no subject)",
            why=(
                f"{w.name} wrote {'today' if w.days == 0 else _days(w.days) + ' ago'}"
                " and is waiting on your answer."
            ),
            due=None,
            object_id=w.turn_id,
        )
        for w in waiting
    ]
    return items, max(0, total - len(items))


def _thank_items(
    workspace: Workspace, user: User, today: date, hidden: set[str], scope: Scope
) -> list[TodayItem]:
    from carefor.care.help import help_unthanked

    items = []
    unthanked = help_unthanked(workspace=workspace, user=user, today=today)
    for h in unthanked.filter(scope.mine_or("created_by", "giver")):
        key = f"thank:{h.pk}"
        if key in hidden:
            continue
        items.append(
            TodayItem(
                kind="thank",
                key=key,
                person_id=h.giver_id,
                person=h.giver.name,
                title=h.what,
                why=f"{h.giver.name} helped you on {h.happened_on:%-d %b}; say thank you.",
                due=None,
                object_id=h.pk,
            )
        )
    return items


def _introduction_items(
    workspace: Workspace, today: date, hidden: set[str], scope: Scope
) -> list[TodayItem]:
    from carefor.care.introductions import intros_needing_me

    items = []
    for intro, why in intros_needing_me(workspace=workspace, today=today, scope=scope):
        key = f"introduction:{intro.pk}:{intro.state}"
        if key in hidden:
            continue
        items.append(
            TodayItem(
                kind="introduction",
                key=key,
                person_id=intro.person_a_id,
                person=intro.person_a.name,
                title=f"Introduction: {intro.person_a.name} and {intro.person_b.name}",
                why=why,
                due=intro.outcome_due if intro.state == "introduced" else None,
                object_id=intro.pk,
            )
        )
    return items


def _date_items(
    workspace: Workspace, today: date, hidden: set[str], scope: Scope
) -> list[TodayItem]:
    window_end = today + timedelta(days=MAX_NOTICE_DAYS)
    months = {(today + timedelta(days=d)).month for d in range(0, MAX_NOTICE_DAYS + 1, 7)}
    months |= {today.month, window_end.month}
    rows = (
        ImportantDate.objects.filter(scope.people(), workspace=workspace, month__in=months)
        .select_related("person")
        .only("kind", "label", "month", "day", "year", "notice_days", "person__name")
    )
    items = []
    for d in rows:
        try:
            when = next_occurrence(d.month, d.day, today=today)
        except ValueError:
            continue  # an impossible date typed long ago (31 April): nothing to remind
        ahead = (when - today).days
        key = f"date:{d.pk}:{when.isoformat()}"
        if ahead > d.notice_days or key in hidden:
            continue
        label = d.label or d.get_kind_display()
        years = years_at(when, d.year)
        what = f"{label}{f' ({years})' if years else ''}"
        if ahead == 0:
            why = f"{label} is today."
        elif ahead == 1:
            why = f"{label} is tomorrow."
        else:
            why = f"{label} in {_days(ahead)}, on {when:%A %-d %B}."
        items.append(
            TodayItem(
                kind="date",
                key=key,
                person_id=d.person_id,
                person=d.person.name,
                title=f"{d.person.name}: {what}",
                why=why,
                due=when,
                object_id=d.pk,
            )
        )
    return sorted(items, key=lambda i: (i.due, i.person))


def _cadence_items(
    workspace: Workspace, now: datetime, hidden: set[str], scope: Scope
) -> list[TodayItem]:
    people = (
        Person.objects.filter(scope.people("pk"), workspace=workspace, cadence_days__isnull=False)
        .filter(
            Q(last_interaction_at__isnull=True)
            | Q(last_interaction_at__lt=now - timedelta(days=1))  # cheap pre-filter
        )
        .only("name", "cadence_days", "last_interaction_at")
        .order_by(F("last_interaction_at").asc(nulls_first=True), "name")
    )
    items = []
    for p in people:
        key = f"keep_in_touch:{p.pk}"
        if key in hidden:
            continue
        last = p.last_interaction_at
        if last is not None and now - last < timedelta(days=p.cadence_days):
            continue
        if last is None:
            why = f"You wanted to be in touch every {_days(p.cadence_days)}; nothing yet."
            due = timezone.localdate(now)
        else:
            since = (now - last).days
            why = f"Last in touch {_days(since)} ago; you wanted every {_days(p.cadence_days)}."
            due = timezone.localdate(last + timedelta(days=p.cadence_days))
        items.append(
            TodayItem(
                kind="keep_in_touch",
                key=key,
                person_id=p.pk,
                person=p.name,
                title=f"Get in touch with {p.name}",
                why=why,
                due=due,
                object_id=p.pk,
            )
        )
    return items


def today_queue(
    *,
    workspace: Workspace,
    user: User,
    today: date | None = None,
    reply_limit: int = REPLY_LIMIT,
    scope: Scope = WHOLE,
) -> Today:
    """Everything that needs care today, for this member (in a team: for the people they
    care for, unless the scope is everyone; see care/scope.py)."""
    today = today or timezone.localdate()
    now = timezone.now()
    if today != timezone.localdate(now):
        now = timezone.make_aware(datetime.combine(today, time(12)))
    hidden = _marks(workspace, user, today)
    replies, more = _reply_items(workspace, user, now, reply_limit, scope)
    items = [
        *_commitment_items(workspace, user, today, hidden, scope),
        *_follow_up_items(workspace, user, today, scope),
        *[r for r in replies if r.key not in hidden],
        *_thank_items(workspace, user, today, hidden, scope),
        *_introduction_items(workspace, today, hidden, scope),
        *_date_items(workspace, today, hidden, scope),
        *_cadence_items(workspace, now, hidden, scope),
    ]
    order = {kind: n for n, kind in enumerate(KINDS)}
    items.sort(key=lambda i: order[i.kind])  # stable: keeps each kind's own order
    return Today(date=today, items=items, more_replies=more, scope=scope)


def today_mark(
    *, workspace: Workspace, user: User, key: str, done: bool = False, until: date | None = None
) -> TodayMark:
    """Done (for this occurrence) or snoozed until a date; only for items without a state."""
    if not done and until is None:
        raise ValueError("Mark an item done, or give a date to snooze until.")
    mark, _ = TodayMark.objects.update_or_create(
        workspace=workspace,
        user=user,
        key=key[:120],
        defaults={"done": done, "snoozed_until": until},
    )
    return mark
