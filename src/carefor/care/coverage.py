"""Who cares for each person, and who has nobody: carers and the coverage a manager sees.

Coverage lists individuals — the person with no carer, the person whose carers have not
been in touch for a while — so that nobody is left uncared for. It does not score the
members: carer load is shown as a fact to share the work, never ranked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Exists, Max, OuterRef, QuerySet
from django.utils import timezone

from carefor.conversations.models import Interaction, Participant
from carefor.people.models import Carer, Person
from carefor.teams.models import Membership, User, Workspace

# Without a personal interaction (a note, call, meeting or my message) for this long, a
# person's carers have lost touch with them.
OUT_OF_TOUCH_DAYS = 60
# A carer's own touch: mail they sent, or a note, call or meeting; mail they received
# alone is not care given.
PERSONAL = (Interaction.Kind.NOTE, Interaction.Kind.CALL, Interaction.Kind.MEETING)


def carer_add(*, workspace: Workspace, person: Person, user: User) -> Carer:
    if person.workspace_id != workspace.pk:
        raise ValueError("That person belongs to another workspace.")
    if not Membership.objects.active().filter(workspace=workspace, user=user).exists():
        raise ValueError(f"{user} is not an active member of {workspace.name}.")
    carer, _ = Carer.objects.get_or_create(workspace=workspace, person=person, user=user)
    return carer


def carer_remove(*, workspace: Workspace, person: Person, user: User) -> None:
    Carer.objects.filter(workspace=workspace, person=person, user=user).delete()


def my_people(*, workspace: Workspace, user: User) -> QuerySet[Person]:
    """The people this member cares for."""
    return Person.objects.filter(workspace=workspace, carers__user=user).distinct()


@dataclass(frozen=True)
class OutOfTouch:
    person: Person
    carers: list[str]
    last_personal: datetime | None


@dataclass(frozen=True)
class Load:
    user: User
    cares_for: int
    in_good_touch: int


@dataclass
class Coverage:
    no_carer: list[Person]
    out_of_touch: list[OutOfTouch]
    load: list[Load]
    days: int


def _last_personal(workspace: Workspace) -> dict[int, datetime]:
    """Per person, the latest interaction that was personal care (any member's)."""
    rows = (
        Participant.objects.filter(workspace=workspace)
        .filter(
            interaction__kind__in=PERSONAL,
        )
        .values("person_id")
        .annotate(latest=Max("interaction__occurred_at"))
    )
    outbound = (
        Participant.objects.filter(
            workspace=workspace,
            interaction__kind=Interaction.Kind.MESSAGE,
            interaction__direction=Interaction.Direction.OUTBOUND,
        )
        .values("person_id")
        .annotate(latest=Max("interaction__occurred_at"))
    )
    latest: dict[int, datetime] = {}
    for row in [*rows, *outbound]:
        if row["latest"] and (
            row["person_id"] not in latest or row["latest"] > latest[row["person_id"]]
        ):
            latest[row["person_id"]] = row["latest"]
    return latest


def coverage(*, workspace: Workspace, days: int = OUT_OF_TOUCH_DAYS, limit: int = 200) -> Coverage:
    """People with no carer, people whose carers are out of touch, and each member's load."""
    now = timezone.now()
    cutoff = now - timedelta(days=days)
    # A deactivated member cares for nobody any more: their people count as uncared for.
    active = Membership.objects.active().filter(workspace=workspace).values("user_id")
    has_carer = Carer.objects.filter(person=OuterRef("pk"), user_id__in=active)
    no_carer = list(
        Person.objects.filter(workspace=workspace)
        .exclude(Exists(has_carer))
        .order_by("name", "pk")[:limit]
    )
    latest = _last_personal(workspace)
    cared = (
        Carer.objects.filter(workspace=workspace, user_id__in=active)
        .select_related("person", "user")
        .order_by("person__name", "person_id")
    )
    by_person: dict[int, tuple[Person, list[str]]] = {}
    per_user: dict[int, list[int]] = {}
    users: dict[int, User] = {}
    for carer in cared:
        by_person.setdefault(carer.person_id, (carer.person, []))[1].append(
            carer.user.name or carer.user.email
        )
        per_user.setdefault(carer.user_id, []).append(carer.person_id)
        users[carer.user_id] = carer.user
    out_of_touch = [
        OutOfTouch(person, names, latest.get(pid))
        for pid, (person, names) in by_person.items()
        if latest.get(pid) is None or latest[pid] < cutoff
    ][:limit]
    load = [
        Load(
            users[uid],
            len(pids),
            sum(1 for pid in pids if latest.get(pid) and latest[pid] >= cutoff),
        )
        for uid, pids in per_user.items()
    ]
    members = Membership.objects.active().filter(workspace=workspace).select_related("user")
    load += [Load(m.user, 0, 0) for m in members if m.user_id not in per_user]
    load.sort(key=lambda entry: (entry.user.name or entry.user.email).lower())
    return Coverage(no_carer, out_of_touch, load, days)
