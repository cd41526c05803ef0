"""Writes for interactions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from carefor.conversations.models import Interaction, Participant, Thread
from carefor.people.models import Person
from carefor.teams.models import User, Workspace

ParticipantSpec = tuple[Person, str, str]  # (person, role, address as written)


def _refresh_last_interaction(people: Iterable[Person]) -> None:
    for person in people:
        latest = Participant.objects.filter(person=person).aggregate(
            latest=Max("interaction__occurred_at")
        )["latest"]
        Person.objects.filter(pk=person.pk).update(last_interaction_at=latest)
        person.last_interaction_at = latest


@transaction.atomic
def interaction_record(
    *,
    workspace: Workspace,
    kind: str,
    direction: str = Interaction.Direction.NONE,
    occurred_at: datetime | None = None,
    subject: str = "",
    body: str = "",
    participants: Iterable[ParticipantSpec] = (),
    thread: Thread | None = None,
    source: str = "web",
    external_id: str = "",
    author: User | None = None,
) -> Interaction:
    specs = list(participants)
    for person, _, _ in specs:
        if person.workspace_id != workspace.pk:
            raise ValueError("A participant belongs to another workspace.")
    interaction = Interaction.objects.create(
        workspace=workspace,
        kind=kind,
        direction=direction,
        occurred_at=occurred_at or timezone.now(),
        subject=subject.strip(),
        body=body.strip(),
        thread=thread,
        source=source,
        external_id=external_id,
        author=author,
    )
    Participant.objects.bulk_create(
        Participant(workspace=workspace, interaction=interaction, person=p, role=role, address=addr)
        for p, role, addr in specs
    )
    _refresh_last_interaction({p.pk: p for p, _, _ in specs}.values())
    return interaction


def note_add(
    *,
    workspace: Workspace,
    person: Person,
    author: User,
    body: str,
    occurred_at: datetime | None = None,
) -> Interaction:
    """A note the user writes about a person, shown on their timeline."""
    if not body.strip():
        raise ValueError("A note needs some text.")
    return interaction_record(
        workspace=workspace,
        kind=Interaction.Kind.NOTE,
        occurred_at=occurred_at,
        body=body,
        participants=[(person, Participant.Role.ABOUT, "")],
        author=author,
    )


def directions_refresh(*, workspace: Workspace) -> int:
    """Mark as mine the stored messages sent from addresses declared as mine since they
    were imported (direction is decided at import time). Returns how many changed."""
    from carefor.people.models import MyIdentity

    changed = 0
    mine = MyIdentity.objects.filter(workspace=workspace, kind="email").values_list(
        "value", flat=True
    )
    for address in mine:
        changed += Interaction.objects.filter(
            workspace=workspace,
            kind=Interaction.Kind.MESSAGE,
            direction=Interaction.Direction.INBOUND,
            meta__from__iexact=address,
        ).update(direction=Interaction.Direction.OUTBOUND)
    return changed
