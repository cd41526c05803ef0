"""Reads for people. Every selector takes the workspace and scopes itself to it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from carefor.people.models import Identity, MyIdentity, Person, Visibility
from carefor.teams.models import User, Workspace


def person_list(*, workspace: Workspace, query: str = "") -> QuerySet[Person]:
    """People in the workspace; every word of the query must match a name, organisation,
    role, place, note about them, one of their addresses, or what matters to them.

    Only matters everyone in the workspace may see are searched, for anyone: a search
    result is a list, and a list of "people with a sick parent" is what privacy is meant
    to prevent. Their author and carers still see the others on the person's page and
    brief.
    """
    from carefor.care.models import Matter  # care builds on people, not the other way

    people = Person.objects.filter(workspace=workspace).select_related("organisation")
    # A NUL character cannot be in any stored text (PostgreSQL refuses it in a query).
    for term in query.replace("\x00", "").split()[:8]:
        matching_identity = Identity.objects.filter(
            person=OuterRef("pk"), workspace=workspace, value__icontains=term
        )
        matching_matter = Matter.objects.filter(
            person=OuterRef("pk"),
            workspace=workspace,
            visibility=Visibility.WORKSPACE,
            state__in=(Matter.State.CURRENT, Matter.State.PAST),
        ).filter(Q(what__icontains=term) | Q(why__icontains=term))
        people = people.filter(
            Q(name__icontains=term)
            | Q(organisation__name__icontains=term)
            | Q(title__icontains=term)
            | Q(location__icontains=term)
            | Q(about__icontains=term)
            | Exists(matching_identity)
            | Exists(matching_matter)
        )
    return people


def person_get(*, workspace: Workspace, person_id: int, identities: bool = True) -> Person:
    """Raises Person.DoesNotExist for anyone outside the workspace. `identities=False`
    for a caller that shows none of them (one query less)."""
    people = Person.objects.select_related("organisation")
    if identities:
        people = people.prefetch_related("identities")
    return people.get(workspace=workspace, pk=person_id)


def my_identities(*, workspace: Workspace, user: User) -> QuerySet[MyIdentity]:
    return MyIdentity.objects.filter(workspace=workspace, user=user)


@dataclass(frozen=True)
class DuplicateGroup:
    """People who are probably one person: the same name written the same way."""

    key: str
    people: list[Person]


def _name_key(name: str) -> str:
    """'Chen, Maria' and 'maria  chen' and 'María Chen' give the same key."""
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first} {last}"
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", plain.casefold())
    return " ".join(sorted(words))


def duplicate_candidates(*, workspace: Workspace) -> list[DuplicateGroup]:
    """Groups of people with the same name (however written); suggestions, never merged
    automatically, since two people may share a name."""
    groups: dict[str, list[Person]] = {}
    people = Person.objects.filter(workspace=workspace).select_related("organisation")
    for person in people.prefetch_related("identities").order_by("created_at", "pk"):
        key = _name_key(person.name)
        if key:
            groups.setdefault(key, []).append(person)
    return [DuplicateGroup(key, group) for key, group in sorted(groups.items()) if len(group) > 1]


def person_find(*, workspace: Workspace, reference: str) -> list[Person]:
    """People a person typed: an id (42 or #42), an address, or a name (exact, then
    containing)."""
    reference = reference.strip()
    people = Person.objects.filter(workspace=workspace)
    number = reference.removeprefix("#")
    if number.isdigit():
        return list(people.filter(pk=int(number)))
    by_identity = list(people.filter(identities__value__iexact=reference).distinct())
    if by_identity:
        return by_identity
    exact = list(people.filter(name__iexact=reference))
    return exact or list(people.filter(name__icontains=reference)[:10])
