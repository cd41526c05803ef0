"""Writes for people, their organisations and identities, and the user's own identities."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from carefor.people.identities import IdentityError, IdentityKind, NormalisedIdentity, normalise
from carefor.people.models import Identity, ImportantDate, MyIdentity, Organisation, Person
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
    cadence_days: int | None = None  # keep in touch every N days; None: no reminder


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
    person.cadence_days = details.cadence_days or None


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


@transaction.atomic
def person_merge(*, workspace: Workspace, keep: Person, drop: Person) -> Person:
    """Fold `drop` into `keep`: every identity, interaction, date and import link moves over;
    empty details of `keep` are filled from `drop`; nothing the user wrote is lost."""
    from carefor.conversations.models import Participant
    from carefor.people.models import ExternalContact, ImportantDate

    if keep.pk == drop.pk:
        raise ValueError("A person cannot be merged with themselves.")
    if keep.workspace_id != workspace.pk or drop.workspace_id != workspace.pk:
        raise ValueError("Both people must belong to this workspace.")
    Identity.objects.filter(person=drop).update(person=keep)
    ExternalContact.objects.filter(person=drop).update(person=keep)
    kept_roles = set(Participant.objects.filter(person=keep).values_list("interaction_id", "role"))
    for participation in Participant.objects.filter(person=drop):
        if (participation.interaction_id, participation.role) in kept_roles:
            participation.delete()  # both were on the same message in the same role
        else:
            participation.person = keep
            participation.save(update_fields=["person"])
    kept_dates = set(ImportantDate.objects.filter(person=keep).values_list("kind", "label"))
    for important in ImportantDate.objects.filter(person=drop):
        if (important.kind, important.label) not in kept_dates:
            important.person = keep
            important.save(update_fields=["person"])
    _move_care(drop, keep)
    if keep.cadence_days is None:
        keep.cadence_days = drop.cadence_days
    for field in ("title", "location"):
        if not getattr(keep, field) and getattr(drop, field):
            setattr(keep, field, getattr(drop, field))
    if keep.organisation_id is None:
        keep.organisation_id = drop.organisation_id
    for field in ("how_we_met", "about"):
        mine, theirs = getattr(keep, field), getattr(drop, field)
        if theirs and theirs not in mine:
            setattr(keep, field, f"{mine}\n\n{theirs}".strip())
    keep.created_at = min(keep.created_at, drop.created_at)
    latest = [t for t in (keep.last_interaction_at, drop.last_interaction_at) if t]
    keep.last_interaction_at = max(latest) if latest else None
    drop.delete()
    keep.save()
    return keep


def _move_care(drop: Person, keep: Person) -> None:
    """What matters, life events, follow-ups, promises, help and introductions move too."""
    from django.db.models import Q

    from carefor.care.models import Commitment, FollowUp, Help, Introduction, LifeEvent, Matter
    from carefor.conversations.models import ReplyTurn
    from carefor.people.models import AuditEvent, Carer

    for model in (Matter, LifeEvent, FollowUp, Commitment, ReplyTurn, AuditEvent):
        model.objects.filter(person=drop).update(person=keep)
    kept_carers = set(Carer.objects.filter(person=keep).values_list("user_id", flat=True))
    Carer.objects.filter(person=drop, user_id__in=kept_carers).delete()
    Carer.objects.filter(person=drop).update(person=keep)
    Help.objects.filter(giver=drop).update(giver=keep)
    Help.objects.filter(receiver=drop).update(receiver=keep)
    # An introduction of the two halves of one person to each other has no one to introduce.
    Introduction.objects.filter(
        Q(person_a=drop, person_b=keep) | Q(person_a=keep, person_b=drop)
    ).delete()
    Introduction.objects.filter(person_a=drop).update(person_a=keep)
    Introduction.objects.filter(person_b=drop).update(person_b=keep)


def important_date_set(
    *,
    workspace: Workspace,
    person: Person,
    kind: str,
    month: int,
    day: int,
    year: int | None = None,
    label: str = "",
    notice_days: int = 7,
) -> ImportantDate:
    """Add or change a yearly date (one per kind and label). 29 February is allowed: in
    common years it is remembered on the 28th."""
    if person.workspace_id != workspace.pk:
        raise ValueError("That person belongs to another workspace.")
    if kind not in ImportantDate.Kind.values:
        raise ValueError(f"Unknown kind of date {kind!r}.")
    if not 1 <= month <= 12:
        raise ValueError(f"There is no month {month}.")
    longest = 29 if month == 2 else calendar.monthrange(2001, month)[1]
    if not 1 <= day <= longest:
        raise ValueError(f"There is no {day} {calendar.month_name[month]}.")
    if year is not None and (
        year < 1900 or ((month, day) == (2, 29) and not calendar.isleap(year))
    ):
        raise ValueError(f"{day} {calendar.month_name[month]} {year} is not a date.")
    if not 0 <= notice_days <= 60:
        raise ValueError("Give between 0 and 60 days of notice.")
    date_, _ = ImportantDate.objects.update_or_create(
        workspace=workspace,
        person=person,
        kind=kind,
        label=label.strip()[:100],
        defaults={"month": month, "day": day, "year": year, "notice_days": notice_days},
    )
    return date_
