"""Writes for people, their organisations and identities, and the user's own identities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from carefor.people.identities import IdentityError, IdentityKind, NormalisedIdentity, normalise
from carefor.people.models import Identity, MyIdentity, Organisation, Person
from carefor.teams.models import User, Workspace


class IdentityConflict(Exception):
    """The address already belongs to someone else in this workspace."""

    def __init__(self, value: str, owner: str) -> None:
        super().__init__(f"{value} already belongs to {owner}.")
        self.value = value
        self.owner = owner


@dataclass(frozen=True)
class PersonDetails:
    name: str
    organisation: str = ""
    title: str = ""
    location: str = ""
    how_we_met: str = ""
    about: str = ""


def identity_parse(text: str, kind: IdentityKind | str | None = None) -> NormalisedIdentity:
    """Normalise with the workspace's phone region; raises IdentityError."""
    return normalise(text, kind, phone_region=settings.PHONE_DEFAULT_REGION)


def organisation_get_or_create(*, workspace: Workspace, name: str) -> Organisation | None:
    name = " ".join(name.split())
    if not name:
        return None
    existing = Organisation.objects.filter(workspace=workspace, name__iexact=name).first()
    return existing or Organisation.objects.create(workspace=workspace, name=name)


def _apply_details(person: Person, details: PersonDetails) -> None:
    person.name = " ".join(details.name.split())
    person.organisation = organisation_get_or_create(
        workspace=person.workspace, name=details.organisation
    )
    person.title = details.title.strip()
    person.location = details.location.strip()
    person.how_we_met = details.how_we_met.strip()
    person.about = details.about.strip()


def _check_free(
    workspace: Workspace, identities: Iterable[NormalisedIdentity], person: Person | None
) -> None:
    for identity in identities:
        taken = (
            Identity.objects.filter(workspace=workspace, kind=identity.kind, value=identity.value)
            .exclude(person=person)
            .select_related("person")
            .first()
        )
        if taken is not None:
            raise IdentityConflict(identity.value, taken.person.name)


@transaction.atomic
def person_create(
    *, workspace: Workspace, details: PersonDetails, identities: Iterable[NormalisedIdentity] = ()
) -> Person:
    identities = list(dict.fromkeys(identities))
    _check_free(workspace, identities, None)
    person = Person(workspace=workspace)
    _apply_details(person, details)
    person.save()
    Identity.objects.bulk_create(
        Identity(workspace=workspace, person=person, kind=i.kind, value=i.value) for i in identities
    )
    return person


@transaction.atomic
def person_update(
    *, person: Person, details: PersonDetails, identities: Iterable[NormalisedIdentity]
) -> Person:
    """Replace the person's details and set their identities to exactly the given ones."""
    wanted = list(dict.fromkeys(identities))
    _check_free(person.workspace, wanted, person)
    _apply_details(person, details)
    person.save()
    current = {(i.kind, i.value): i for i in person.identities.all()}
    keep = {(i.kind.value, i.value) for i in wanted}
    for key, identity in current.items():
        if key not in keep:
            identity.delete()
    Identity.objects.bulk_create(
        Identity(workspace=person.workspace, person=person, kind=i.kind, value=i.value)
        for i in wanted
        if (i.kind.value, i.value) not in current
    )
    return person


def my_identity_add(*, workspace: Workspace, user: User, text: str) -> tuple[MyIdentity, bool]:
    """Declare an address as one of mine. Returns (identity, created)."""
    parsed = identity_parse(text)
    existing = MyIdentity.objects.filter(
        workspace=workspace, kind=parsed.kind, value=parsed.value
    ).first()
    if existing is not None:
        if existing.user_id != user.pk:
            raise IdentityConflict(parsed.value, "another member of this workspace")
        return existing, False
    identity = MyIdentity.objects.create(
        workspace=workspace, user=user, kind=parsed.kind, value=parsed.value
    )
    return identity, True


__all__ = [
    "IdentityConflict",
    "IdentityError",
    "PersonDetails",
    "identity_parse",
    "my_identity_add",
    "organisation_get_or_create",
    "person_create",
    "person_update",
]
