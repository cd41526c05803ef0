"""Reads for people. Every selector takes the workspace and scopes itself to it."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from carefor.people.models import Identity, MyIdentity, Person
from carefor.teams.models import User, Workspace


def person_list(*, workspace: Workspace, query: str = "") -> QuerySet[Person]:
    """People in the workspace; every word of the query must match a name, organisation,
    role, place, note about them, or one of their addresses."""
    people = Person.objects.filter(workspace=workspace).select_related("organisation")
    for term in query.split()[:8]:
        matching_identity = Identity.objects.filter(
            person=OuterRef("pk"), workspace=workspace, value__icontains=term
        )
        people = people.filter(
            Q(name__icontains=term)
            | Q(organisation__name__icontains=term)
            | Q(title__icontains=term)
            | Q(location__icontains=term)
            | Q(about__icontains=term)
            | Exists(matching_identity)
        )
    return people.annotate(interaction_count=Count("participations__interaction", distinct=True))


def person_get(*, workspace: Workspace, person_id: int) -> Person:
    """Raises Person.DoesNotExist for anyone outside the workspace."""
    return (
        Person.objects.select_related("organisation")
        .prefetch_related("identities")
        .get(workspace=workspace, pk=person_id)
    )


def my_identities(*, workspace: Workspace, user: User) -> QuerySet[MyIdentity]:
    return MyIdentity.objects.filter(workspace=workspace, user=user)
