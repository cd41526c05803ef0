"""Reads for interactions. Every selector takes the workspace and scopes itself to it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Count, Model, QuerySet, Window

from carefor.conversations.models import Interaction, Participant
from carefor.people.models import Person
from carefor.teams.models import User, Workspace

M = TypeVar("M", bound=Model)


def page_ids_first(rows: QuerySet[M], start: int, stop: int) -> list[M]:
    """rows[start:stop], in the same order, read in two steps: the page's ids alone (an
    index-only scan where an index covers the filter and the order), then just those
    rows with their joins. A busy person's timeline otherwise reads every
    one of their interactions to sort them (docs/benchmarks.md)."""
    ids = list(rows.values_list("pk", flat=True)[start:stop])
    return _in_order(rows, ids)


def page_and_total(rows: QuerySet[M], start: int, stop: int) -> tuple[list[M], int | None]:
    """page_ids_first, and how many rows there are in all, counted by the same query.
    For a timeline (a semi-join and a privacy filter, no index that gives the order) the
    database reads every matching row to sort the page anyway, so a window count costs
    next to nothing where a second COUNT(*) would read them all again. Not for a list an
    index hands over in order: the count would stop LIMIT from ending the scan early.
    The total is None when the page is past the end (no row to carry it)."""
    if rows.query.distinct:
        raise ValueError("A window count counts rows before DISTINCT; count separately.")
    found = list(rows.annotate(_total=Window(Count("*"))).values_list("pk", "_total")[start:stop])
    return _in_order(rows, [pk for pk, _ in found]), (found[0][1] if found else None)


def _in_order(rows: QuerySet[M], ids: list[int]) -> list[M]:
    by_id = {row.pk: row for row in rows.order_by().filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def timeline_for_person(
    *, workspace: Workspace, person: Person, user: User | None = None
) -> QuerySet[Interaction]:
    """Everything that happened with this person, newest first. Notes another member
    keeps to themself (or to the person's carers) are left out. Only TIMELINE_FIELDS are
    read (another field costs a query per row: add it there, or use .only()); who took
    part is added to the page shown, by with_participants."""
    from carefor.care.privacy import interactions_visible_to  # one rule for every read

    return (
        # A semi-join, not a join + DISTINCT: DISTINCT over whole rows (bodies, headers)
        # made a busy person's page slow, and its count slower.
        Interaction.objects.filter(
            workspace=workspace,
            pk__in=Participant.objects.filter(person=person).values("interaction_id"),
        )
        .filter(interactions_visible_to(user))
        .select_related("verdict")
        # Only what a timeline shows: not the raw headers, thread or import keys.
        .only(*TIMELINE_FIELDS)
    )


@dataclass(frozen=True)
class TakingPart:
    """Someone who took part in an interaction, as a timeline shows them."""

    person_id: int
    name: str
    role: str


def with_participants(items: list[Interaction]) -> list[Interaction]:
    """Sets `all_participants` on each item (by role, then name) from one plain query:
    model instances and prefetch machinery cost more than the rows themselves."""
    taking_part: dict[int, list[TakingPart]] = defaultdict(list)
    rows = (
        Participant.objects.filter(interaction_id__in=[item.pk for item in items])
        .order_by("role", "person__name", "person_id")
        .values_list("interaction_id", "person_id", "person__name", "role")
    )
    for interaction_id, person_id, name, role in rows:
        taking_part[interaction_id].append(TakingPart(person_id, name, role))
    for item in items:
        item.all_participants = taking_part[item.pk]  # type: ignore[attr-defined]
    return items


# What a timeline item shows (web/people/_item.html), the verdict's badge included.
TIMELINE_FIELDS = (
    "kind",
    "direction",
    "occurred_at",
    "subject",
    "body",
    "visibility",
    "verdict__verdict",
    "verdict__corrected_verdict",
    "verdict__evidence",
    "verdict__reason",
)
