"""`carefor export`: one member's view of one workspace, as JSON, vCard or CSV.

Only what this member may see goes out: notes, matters, life events and follow-ups
another member kept to themself (or to a person's carers, when this member is not one),
and the promises and help found in such notes, stay behind (the same helpers as every
list: carefor.care.privacy). No per-person balance, score or count
of help is ever written — carefor keeps none.

JSON (`"format": "carefor-export"`, `"version": 1`) has these top-level keys:

- `format`, `version`, `exported_at` (ISO time), `workspace` {`name`, `slug`},
  `exported_for` {`email`, `name`}
- `people`: id, name, organisation, title, location, how_we_met, about, cadence_days,
  created_at, last_interaction_at, `identities` [{kind, value, label}],
  `important_dates` [{kind, label, month, day, year, notice_days}]
- `matters`, `life_events`, `follow_ups`: each with its `person` id
- `interactions`: kind, direction, occurred_at, subject, body, source, visibility, author
  (email), `participants` [{person, role, address}]
- `commitments` (promises, requests, waiting-on), `help`, `introductions`

Ids are the database ids, so references between the lists can be followed.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from django.db.models import Prefetch
from django.utils import timezone

from carefor.care.models import Commitment, FollowUp, Help, Introduction, LifeEvent, Matter
from carefor.care.privacy import (
    commitments_visible_to,
    help_visible_to,
    interactions_visible_to,
    visible_to,
)
from carefor.conversations.models import Interaction, Participant
from carefor.people.models import ImportantDate, Person
from carefor.teams.models import User, Workspace

EXPORT_FORMAT = "carefor-export"
EXPORT_VERSION = 1
CSV_HEADER = (
    "Name",
    "Organization Name",
    "Organization Title",
    "Location",
    "E-mail 1 - Value",
    "Phone 1 - Value",
    "Website 1 - Value",
    "Notes",
)
MULTI_VALUE = " ::: "  # how Google's CSV puts several values in one cell
CHUNK = 1000


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def _people(workspace: Workspace) -> Iterator[Person]:
    return (
        Person.objects.filter(workspace=workspace)
        .select_related("organisation")
        .prefetch_related("identities", "important_dates")
        .order_by("pk")
        .iterator(chunk_size=CHUNK)
    )


def _person(person: Person) -> dict[str, Any]:
    return {
        "id": person.pk,
        "name": person.name,
        "organisation": person.organisation.name if person.organisation else None,
        "title": person.title,
        "location": person.location,
        "how_we_met": person.how_we_met,
        "about": person.about,
        "cadence_days": person.cadence_days,
        "created_at": _iso(person.created_at),
        "last_interaction_at": _iso(person.last_interaction_at),
        "identities": [
            {"kind": i.kind, "value": i.value, "label": i.label}
            for i in sorted(person.identities.all(), key=lambda i: (i.kind, i.value))
        ],
        "important_dates": [
            {
                "kind": d.kind,
                "label": d.label,
                "month": d.month,
                "day": d.day,
                "year": d.year,
                "notice_days": d.notice_days,
            }
            for d in sorted(person.important_dates.all(), key=lambda d: d.pk)
        ],
    }


def _matters(workspace: Workspace, user: User) -> Iterator[dict[str, Any]]:
    rows = Matter.objects.filter(workspace=workspace).filter(visible_to(user)).order_by("pk")
    for m in rows.select_related("author").iterator(chunk_size=CHUNK):
        yield {
            "id": m.pk,
            "person": m.person_id,
            "kind": m.kind,
            "what": m.what,
            "why": m.why,
            "in_their_words": m.in_their_words,
            "visibility": m.visibility,
            "state": m.state,
            "source": m.source_id,
            "sentence": m.sentence,
            "confirmed_on": _iso(m.confirmed_on),
            "created_at": _iso(m.created_at),
            "author": m.author.email if m.author else None,
        }


def _life_events(workspace: Workspace, user: User) -> Iterator[dict[str, Any]]:
    rows = LifeEvent.objects.filter(workspace=workspace).filter(visible_to(user)).order_by("pk")
    for e in rows.select_related("author").iterator(chunk_size=CHUNK):
        yield {
            "id": e.pk,
            "person": e.person_id,
            "what": e.what,
            "occurs_on": _iso(e.occurs_on),
            "visibility": e.visibility,
            "state": e.state,
            "source": e.source_id,
            "sentence": e.sentence,
            "created_at": _iso(e.created_at),
            "author": e.author.email if e.author else None,
        }


def _follow_ups(workspace: Workspace, user: User) -> Iterator[dict[str, Any]]:
    rows = (
        FollowUp.objects.filter(workspace=workspace)
        .filter(visible_to(user, author_field="owner"))
        .order_by("pk")
    )
    for f in rows.select_related("owner").iterator(chunk_size=CHUNK):
        yield {
            "id": f.pk,
            "person": f.person_id,
            "what": f.what,
            "due": _iso(f.due),
            "life_event": f.life_event_id,
            "visibility": f.visibility,
            "state": f.state,
            "snoozed_until": _iso(f.snoozed_until),
            "source": f.source_id,
            "created_at": _iso(f.created_at),
            "done_at": _iso(f.done_at),
            "owner": f.owner.email if f.owner else None,
        }


def _interactions(workspace: Workspace, user: User) -> Iterator[dict[str, Any]]:
    # A note kept to its author (or to the person's carers) goes with them (care/privacy.py).
    rows = (
        Interaction.objects.filter(workspace=workspace)
        .filter(interactions_visible_to(user))
        .select_related("author")
        .prefetch_related(Prefetch("participants", Participant.objects.order_by("pk")))
        .order_by("pk")
    )
    for i in rows.iterator(chunk_size=CHUNK):
        yield {
            "id": i.pk,
            "kind": i.kind,
            "direction": i.direction,
            "occurred_at": _iso(i.occurred_at),
            "subject": i.subject,
            "body": i.body,
            "source": i.source,
            "external_id": i.external_id,
            "message_id": i.message_id,
            "in_reply_to": i.in_reply_to,
            "thread": i.thread_id,
            "visibility": i.visibility,
            "author": i.author.email if i.author else None,
            "participants": [
                {"person": p.person_id, "role": p.role, "address": p.address}
                for p in i.participants.all()
            ],
        }


def _commitments(workspace: Workspace, user: User) -> Iterator[dict[str, Any]]:
    rows = (
        Commitment.objects.filter(workspace=workspace)
        .filter(commitments_visible_to(user))
        .select_related("owner")
        .order_by("pk")
    )
    for c in rows.iterator(chunk_size=CHUNK):
        yield {
            "id": c.pk,
            "kind": c.kind,
            "state": c.state,
            "what": c.what,
            "person": c.person_id,
            "due": _iso(c.due),
            "source": c.source_id,
            "sentence": c.sentence,
            "found_by": c.found_by,
            "note": c.note,
            "created_at": _iso(c.created_at),
            "closed_at": _iso(c.closed_at),
            "owner": c.owner.email if c.owner else None,
        }


def _help(workspace: Workspace, user: User) -> Iterator[dict[str, Any]]:
    # Each act of help on its own: never summed, never balanced per person.
    rows = Help.objects.filter(workspace=workspace).filter(help_visible_to(user)).order_by("pk")
    for h in rows.iterator(chunk_size=CHUNK):
        yield {
            "id": h.pk,
            "direction": h.direction,
            "giver": h.giver_id,
            "receiver": h.receiver_id,
            "kind": h.kind,
            "what": h.what,
            "happened_on": _iso(h.happened_on),
            "outcome": h.outcome,
            "outcome_on": _iso(h.outcome_on),
            "state": h.state,
            "thanked_on": _iso(h.thanked_on),
            "source": h.source_id,
            "introduction": h.introduction_id,
            "paid_forward_from": h.paid_forward_from_id,
        }


def _introductions(workspace: Workspace) -> Iterator[dict[str, Any]]:
    rows = Introduction.objects.filter(workspace=workspace).order_by("pk")
    for n in rows.iterator(chunk_size=CHUNK):
        yield {
            "id": n.pk,
            "person_a": n.person_a_id,
            "person_b": n.person_b_id,
            "why_a": n.why_a,
            "why_b": n.why_b,
            "state": n.state,
            "asked_a_at": _iso(n.asked_a_at),
            "asked_b_at": _iso(n.asked_b_at),
            "introduced_at": _iso(n.introduced_at),
            "outcome_due": _iso(n.outcome_due),
            "outcome": n.outcome,
            "note": n.note,
            "created_at": _iso(n.created_at),
            "closed_at": _iso(n.closed_at),
        }


def _write_list(out: IO[str], key: str, items: Iterable[dict[str, Any]]) -> int:
    """Stream one top-level list, so a notebook with a million interactions never has to
    be held in memory as one document."""
    out.write(f",\n  {json.dumps(key)}: [")
    count = 0
    for item in items:
        out.write("\n    " if count == 0 else ",\n    ")
        out.write(json.dumps(item, ensure_ascii=False, sort_keys=True))
        count += 1
    out.write("\n  ]" if count else "]")
    return count


def export_json(workspace: Workspace, user: User, path: Path) -> int:
    """Write the JSON export (the top-level keys are in this module's docstring); the
    number of people."""
    head = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "workspace": {"name": workspace.name, "slug": workspace.slug},
        "exported_for": {"email": user.email, "name": user.name},
    }
    with Path(path).open("w", encoding="utf-8") as out:
        out.write(
            "{\n" + ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in head.items())
        )
        people = _write_list(out, "people", (_person(p) for p in _people(workspace)))
        _write_list(out, "matters", _matters(workspace, user))
        _write_list(out, "life_events", _life_events(workspace, user))
        _write_list(out, "follow_ups", _follow_ups(workspace, user))
        _write_list(out, "interactions", _interactions(workspace, user))
        _write_list(out, "commitments", _commitments(workspace, user))
        _write_list(out, "help", _help(workspace, user))
        _write_list(out, "introductions", _introductions(workspace))
        out.write("\n}\n")
    return people


def _identities(person: Person, kind: str) -> list[str]:
    return [i.value for i in sorted(person.identities.all(), key=lambda i: i.pk) if i.kind == kind]


def _vcard_date(d: ImportantDate) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}" if d.year else f"--{d.month:02d}{d.day:02d}"


def _vcard(person: Person) -> str:
    import vobject

    card = vobject.vCard()
    card.add("fn").value = person.name
    parts = person.name.rsplit(" ", 1)
    family, given = (parts[1], parts[0]) if len(parts) == 2 else ("", person.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    card.add("uid").value = f"carefor-{person.workspace_id}-{person.pk}"
    for kind, prop in (("email", "email"), ("phone", "tel"), ("url", "url")):
        for value in _identities(person, kind):
            card.add(prop).value = value
    for value in _identities(person, "handle"):
        card.add("x-socialprofile").value = value
    if person.organisation:
        card.add("org").value = [person.organisation.name]
    if person.title:
        card.add("title").value = person.title
    if person.about:
        card.add("note").value = person.about
    if person.location:
        card.add("adr").value = vobject.vcard.Address(city=person.location)
    dates = sorted(person.important_dates.all(), key=lambda d: d.pk)
    if birthday := next((d for d in dates if d.kind == ImportantDate.Kind.BIRTHDAY), None):
        card.add("bday").value = _vcard_date(birthday)
    if anniversary := next((d for d in dates if d.kind == ImportantDate.Kind.ANNIVERSARY), None):
        # ANNIVERSARY is vCard 4.0; in a 3.0 card it is the X- property clients read.
        card.add("x-anniversary").value = _vcard_date(anniversary)
    return card.serialize()


def export_vcard(workspace: Workspace, user: User, path: Path) -> int:
    """Write every person as a vCard 3.0 card (names, addresses, organisation, title, notes,
    birthday and anniversary); the number of cards. `user` is kept for symmetry: people
    and their addresses are shared by the whole workspace."""
    count = 0
    with Path(path).open("w", encoding="utf-8", newline="") as out:
        for person in _people(workspace):
            out.write(_vcard(person))
            count += 1
    return count


def export_csv(workspace: Workspace, user: User, path: Path) -> int:
    """Write one row per person, in columns Google Contacts (and `carefor import
    google-csv`) read; several values in a cell joined with " ::: "; the number of rows."""
    count = 0
    with Path(path).open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        for person in _people(workspace):
            writer.writerow(
                [
                    person.name,
                    person.organisation.name if person.organisation else "",
                    person.title,
                    person.location,
                    MULTI_VALUE.join(_identities(person, "email")),
                    MULTI_VALUE.join(_identities(person, "phone")),
                    MULTI_VALUE.join(_identities(person, "url")),
                    person.about,
                ]
            )
            count += 1
    return count


EXPORTERS = {"json": export_json, "vcard": export_vcard, "csv": export_csv}
