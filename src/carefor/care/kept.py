"""What is kept about one person, section by section, in one cheap query.

A person page has a dozen sections; for most people most of them are empty. Asking the
privacy-filtered question of every section costs a query each (and building those
queries costs more than running them), so the page first asks which tables hold any row
about the person at all, for anyone, and skips the sections that cannot show anything.
The answer says only "there may be something here": every section that is read still
applies its own privacy rule, so nothing a member may not see is shown.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from django.db import connection

from carefor.people.models import Person

SECTIONS = (
    "matters",
    "suggested",
    "follow_ups",
    "life_events",
    "commitments",
    "help",
    "introductions",
    "dates",
    "reply_turns",
    "carers",
)


@functools.cache
def _probes() -> dict[str, tuple[str, int]]:
    """Per section: a condition on the section's table(s) that holds when any row is about
    the person, and how many times it takes the person's id. Table names come from the
    models; the only input, the id, is a parameter."""
    from carefor.care.models import Commitment, FollowUp, Help, Introduction, LifeEvent, Matter
    from carefor.conversations.models import ReplyTurn
    from carefor.people.models import Carer, ImportantDate

    def rows(table: str, where: str = "person_id = %s") -> str:
        return f"SELECT 1 FROM {table} WHERE {where}"  # noqa: S608 (a model table)

    def table(model: type) -> str:
        return model._meta.db_table  # type: ignore[attr-defined]

    help_rows = rows(table(Help), "(giver_id = %s OR receiver_id = %s)")
    suggested = [
        rows(table(m), "person_id = %s AND state = 'suggested'")
        for m in (Matter, LifeEvent, FollowUp, Commitment)
    ]
    suggested.append(f"{help_rows} AND state = 'suggested'")
    probes = {
        "matters": (rows(table(Matter)), 1),
        "suggested": (" UNION ALL ".join(suggested), 6),
        "follow_ups": (rows(table(FollowUp)), 1),
        "life_events": (rows(table(LifeEvent)), 1),
        "commitments": (rows(table(Commitment)), 1),
        "help": (help_rows, 2),
        "introductions": (rows(table(Introduction), "(person_a_id = %s OR person_b_id = %s)"), 2),
        "dates": (rows(table(ImportantDate)), 1),
        "reply_turns": (rows(table(ReplyTurn)), 1),
        "carers": (rows(table(Carer)), 1),
    }
    return {name: (f"EXISTS ({query})", times) for name, (query, times) in probes.items()}


def kept_about(person: Person, sections: Iterable[str] = SECTIONS) -> frozenset[str]:
    """Of `sections` (names from SECTIONS), those that hold anything about this person,
    for anyone; a section left out holds nothing at all."""
    probes = {name: _probes()[name] for name in sections}
    columns = ", ".join(condition for condition, _ in probes.values())
    params: list[object] = []
    for _, times in probes.values():
        params += [person.pk] * times
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}", params)
        row = cursor.fetchone()
    return frozenset(name for name, present in zip(probes, row, strict=True) if present)
