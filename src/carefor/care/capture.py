"""Quick capture: a note after a conversation, and what carefor proposes from it.

The note is stored first (nothing the user wrote is ever lost to a detector); then the
language functions propose matters, life events with their follow-ups, questions to ask,
promises and requests, each waiting for one-click confirmation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from carefor.care.help import help_detect
from carefor.care.models import Commitment, FollowUp, Help, LifeEvent, Matter
from carefor.care.services import commitment_suggest
from carefor.conversations.models import Interaction, Participant
from carefor.conversations.services import note_add
from carefor.language.capture import Capture
from carefor.language.notes import NOT_NAMES, capture_note
from carefor.people.models import Person, Visibility
from carefor.teams.models import User, Workspace


@dataclass
class Proposals:
    note: Interaction | None
    matters: list[Matter] = field(default_factory=list)
    life_events: list[LifeEvent] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    help: list[Help] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(
            map(len, (self.matters, self.life_events, self.follow_ups, self.commitments, self.help))
        )

    def elsewhere(self, page: Person) -> list[tuple[Person, int]]:
        """The other people the note's findings went to, and how many each: they wait
        on those people's pages."""
        counts: dict[int, tuple[Person, int]] = {}
        for item in (*self.matters, *self.life_events, *self.follow_ups, *self.commitments):
            other = item.person
            if other is not None and other.pk != page.pk:
                counts[other.pk] = (other, counts.get(other.pk, (other, 0))[1] + 1)
        return list(counts.values())


_WORD = re.compile(r"[^\W\d_][\w'-]+")


def note_people(*, workspace: Workspace, note: Interaction, page: Person) -> list[Person]:
    """Who else in the notebook a note names: the people it is about, and anyone whose
    first or last name it writes (capitalised, unless the whole note is in lower case)."""
    about = [
        p
        for p in Person.objects.filter(
            workspace=workspace,
            participations__interaction=note,
            participations__role=Participant.Role.ABOUT,
        ).exclude(pk=page.pk)
    ]
    lower = note.body == note.body.lower()
    words = {w for w in _WORD.findall(note.body) if lower or w[:1].isupper()}
    words = {w for w in words if len(w) > 1 and w.lower() not in NOT_NAMES}
    if not words:
        return about
    named = Q()
    for word in list(dict.fromkeys(w for w in _WORD.findall(note.body) if w in words))[:200]:
        named |= (
            Q(name__iexact=word) | Q(name__istartswith=f"{word} ") | Q(name__iendswith=f" {word}")
        )
    others = (
        Person.objects.filter(named, workspace=workspace)
        .exclude(pk__in=[page.pk, *(p.pk for p in about)])
        .order_by("-last_interaction_at", "pk")[:20]
    )
    return [*about, *others]


def note_reading(
    *, workspace: Workspace, note: Interaction, page: Person
) -> tuple[Capture, dict[str, Person]]:
    """What the note proposes (carefor.language.notes), and the people it names by name."""
    people = note_people(workspace=workspace, note=note, page=page)
    by_name: dict[str, Person] = {}
    for candidate in (page, *people):
        by_name.setdefault(candidate.name, candidate)
    found = capture_note(
        note.body,
        written_on=timezone.localdate(note.occurred_at),
        page=page.name,
        people=list(by_name),
    )
    return found, by_name


def note_commitments(
    *, workspace: Workspace, note: Interaction, found: Capture, people: dict[str, Person]
) -> int:
    """Suggest the promises and requests a note reports, each for the person it concerns."""
    created = 0
    # One commitment per sentence (the table says so): a piece that is both a request and
    # my yes to it ("Needs someone to come with her, told her I'd go") is my promise.
    kinds = [(f, Commitment.Kind.PROMISE) for f in found.promises]
    kinds += [(f, Commitment.Kind.REQUEST) for f in found.requests]
    page = next(iter(people.values()), None)
    for finding, kind in kinds:
        person = people.get(finding.person or "", page)
        created += commitment_suggest(
            workspace=workspace, source=note, finding=finding, kind=kind,
            person_id=person.pk if person else None,
        )  # fmt: skip
    return created


def proposals_for_note(*, workspace: Workspace, person: Person, note: Interaction) -> Proposals:
    """Run the detectors over one note (idempotent: one proposal per sentence and kind).
    Each finding goes to the person it is about, who may be someone else the note names."""
    found, people = note_reading(workspace=workspace, note=note, page=person)

    def whose(finding: object) -> Person:
        return people.get(getattr(finding, "person", None) or "", person)

    def seen_by(finding: object, level: str) -> str:
        """A finding about someone else the note names is seen no more widely than the
        note, and only by me when the note or the finding is narrower than the whole
        workspace: the note's carers are not theirs, and a name can be misread."""
        if whose(finding).pk == person.pk or (
            level == Visibility.WORKSPACE and asked == Visibility.WORKSPACE
        ):
            return level
        return Visibility.PRIVATE

    author = note.author
    result = Proposals(note=note)
    # Nothing found in a note is seen more widely than the note. What is sensitive
    # (health, family) is for the person's carers unless the note is narrower still, and
    # it narrows the note itself: the sentence is in it. Follow-ups go with the note.
    sensitive = any(m.kind in Matter.PRIVATE_KINDS for m in found.matters) or any(
        e.private for e in found.life_events
    )
    asked = note.visibility

    def for_found(is_sensitive: bool) -> str:
        return Visibility.narrowest(asked, Visibility.CARERS) if is_sensitive else asked

    level = for_found(sensitive)
    if level != note.visibility:
        note.visibility = level
        note.save(update_fields=["visibility"])
    for m in found.matters:
        matter, _ = Matter.objects.get_or_create(
            source=note,
            sentence=m.sentence,
            kind=m.kind,
            defaults={
                "workspace": workspace,
                "person": whose(m),
                "author": author,
                "what": m.what,
                "why": m.why,
                "visibility": seen_by(m, for_found(m.kind in Matter.PRIVATE_KINDS)),
                "rule": m.rule,
                "state": Matter.State.SUGGESTED,
            },
        )
        result.matters.append(matter)
    for e in found.life_events:
        event, new = LifeEvent.objects.get_or_create(
            source=note,
            sentence=e.sentence,
            defaults={
                "workspace": workspace,
                "person": whose(e),
                "author": author,
                "what": e.what,
                "occurs_on": e.occurs_on,
                "visibility": seen_by(e, for_found(e.private)),
                "rule": e.rule,
                "state": LifeEvent.State.SUGGESTED,
            },
        )
        if new:
            FollowUp.objects.create(
                workspace=workspace,
                person=event.person,
                owner=author,
                what=e.follow_up,
                due=e.follow_up_on,
                life_event=event,
                visibility=event.visibility,
                state=FollowUp.State.SUGGESTED,
            )
        result.life_events.append(event)
    for f in found.follow_ups:
        item, _ = FollowUp.objects.get_or_create(
            source=note,
            sentence=f.sentence,
            defaults={
                "workspace": workspace,
                "person": whose(f),
                "owner": author,
                "what": f.what,
                "due": f.due,
                "rule": f.rule,
                "visibility": seen_by(f, level),
                "state": FollowUp.State.SUGGESTED,
            },
        )
        result.follow_ups.append(item)
    note_commitments(workspace=workspace, note=note, found=found, people=people)
    result.commitments = list(
        Commitment.objects.filter(source=note, state=Commitment.State.SUGGESTED).order_by("pk")
    )
    help_detect(workspace=workspace, interactions=[note])
    result.help = list(
        Help.objects.filter(source=note, state=Help.State.SUGGESTED)
        .select_related("giver", "receiver")
        .order_by("pk")
    )
    return result


@transaction.atomic
def note_capture(
    *,
    workspace: Workspace,
    person: Person,
    author: User,
    body: str,
    occurred_at: datetime | None = None,
    visibility: str = Visibility.WORKSPACE,
) -> Proposals:
    """Store the note, seen by whom its author chose (people.models.Visibility), then
    propose what it mentions."""
    if visibility not in Visibility.values:
        raise ValueError(f"Unknown visibility {visibility!r}; choose one of {Visibility.values}.")
    note = note_add(
        workspace=workspace, person=person, author=author, body=body, occurred_at=occurred_at
    )
    if visibility != note.visibility:
        note.visibility = visibility
        note.save(update_fields=["visibility"])
    return proposals_for_note(workspace=workspace, person=person, note=note)


def person_proposals(
    *, workspace: Workspace, user: User, person: Person, anything_suggested: bool | None = None
) -> Proposals:
    """Everything proposed about this person and not yet confirmed or dismissed.

    Asked on every person page and nearly always empty: one plain query first asks
    whether anything about them is suggested at all (building the privacy-filtered
    queries costs more than running them), unless the caller knows already (kept.py);
    then one query asks which kinds this member may see, and only those kinds are read
    (docs/benchmarks.md)."""
    from django.db.models import Exists

    from carefor.care.privacy import commitments_visible_to, help_visible_to, visible_to

    if anything_suggested is None:
        from carefor.care.kept import kept_about

        anything_suggested = bool(kept_about(person, sections=("suggested",)))
    if not anything_suggested:
        return Proposals(note=None)
    suggested = {"workspace": workspace, "person": person, "state": "suggested"}
    kinds = {
        "matters": Matter.objects.filter(visible_to(user), **suggested),
        "life_events": LifeEvent.objects.filter(visible_to(user), **suggested).prefetch_related(
            "follow_ups"
        ),
        "follow_ups": FollowUp.objects.filter(
            visible_to(user, author_field="owner"), life_event__isnull=True, **suggested
        ),
        "commitments": Commitment.objects.filter(commitments_visible_to(user), **suggested),
        "help": Help.objects.filter(
            Q(giver=person) | Q(receiver=person), workspace=workspace, state="suggested"
        )
        .filter(help_visible_to(user))
        .select_related("giver", "receiver"),
    }
    present = (
        Person.objects.filter(pk=person.pk)
        .annotate(**{f"has_{name}": Exists(rows) for name, rows in kinds.items()})
        .values(*(f"has_{name}" for name in kinds))
        .first()
    ) or {}
    return Proposals(
        note=None,
        **{
            name: list(rows.order_by("pk")) if present.get(f"has_{name}") else []
            for name, rows in kinds.items()
        },
    )


PROPOSAL_KINDS = ("matter", "life_event", "follow_up", "commitment", "help")


def proposal_decide(
    *, workspace: Workspace, user: User, kind: str, object_id: int, accept: bool
) -> object:
    """Confirm or dismiss one proposal. Raises LookupError if it is not in the workspace
    (or is someone else's private one), ValueError for an unknown kind."""
    from django.core.exceptions import ObjectDoesNotExist

    from carefor.care.follow_ups import follow_up_act, life_event_act
    from carefor.care.help import help_decide
    from carefor.care.matters import matter_confirm, matter_set_state
    from carefor.care.privacy import commitments_visible_to, help_visible_to, visible_to
    from carefor.care.services import commitment_close, commitment_confirm

    pending = {
        "matter": (Matter, visible_to(user)),
        "life_event": (LifeEvent, visible_to(user)),
        "follow_up": (FollowUp, visible_to(user, author_field="owner")),
        "commitment": (Commitment, commitments_visible_to(user)),
        "help": (Help, help_visible_to(user)),
    }
    if kind not in pending:
        raise ValueError(f"Unknown kind {kind!r}.")
    model, visible = pending[kind]
    # Only a proposal still waiting can be decided: a second click on a stale page must not
    # reopen a promise already kept or revive a matter already dismissed.
    if not model.objects.filter(
        visible, workspace=workspace, pk=object_id, state="suggested"
    ).exists():
        raise LookupError(f"No {kind.replace('_', ' ')} waiting for a decision.")
    try:
        if kind == "matter":
            if accept:
                return matter_confirm(workspace=workspace, user=user, matter_id=object_id)
            return matter_set_state(
                workspace=workspace, user=user, matter_id=object_id, state=Matter.State.DISMISSED
            )
        if kind == "life_event":
            return life_event_act(
                workspace=workspace,
                user=user,
                event_id=object_id,
                action="confirm" if accept else "dismiss",
            )
        if kind == "follow_up":
            return follow_up_act(
                workspace=workspace,
                user=user,
                follow_up_id=object_id,
                action="confirm" if accept else "dismiss",
            )
        if kind == "help":
            return help_decide(workspace=workspace, help_id=object_id, accept=accept, user=user)
        if kind == "commitment":
            if accept:
                return commitment_confirm(workspace=workspace, user=user, commitment_id=object_id)
            return commitment_close(
                workspace=workspace,
                user=user,
                commitment_id=object_id,
                state=Commitment.State.DISMISSED,
            )
    except ObjectDoesNotExist as exc:
        raise LookupError(f"No such {kind.replace('_', ' ')}.") from exc
    raise ValueError(f"Unknown kind {kind!r}.")
