"""Help given and received: writes and reads.

Remembered so the user can thank, follow up on the outcome and pay it forward. Nothing
here counts help per person or compares what was given with what was received: that
would be the score-keeping carefor exists to avoid (tests/care/test_no_score.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from carefor.care.models import Help
from carefor.care.privacy import help_visible_to
from carefor.conversations.models import Interaction
from carefor.people.models import Person
from carefor.teams.models import User, Workspace

# Help received this long ago and never thanked is not nagged about on Today any more.
THANKS_WINDOW_DAYS = 60


def _check_people(workspace: Workspace, *people: Person | None) -> None:
    for person in people:
        if person is not None and person.workspace_id != workspace.pk:
            raise ValueError("That person belongs to another workspace.")


def help_add(
    *,
    workspace: Workspace,
    user: User | None,
    giver: Person | None,
    receiver: Person | None,
    kind: str,
    what: str,
    happened_on: date | None = None,
    outcome: str = "",
    thanked_on: date | None = None,
    paid_forward_from: Help | None = None,
    state: str = Help.State.CONFIRMED,
    **extra: object,
) -> Help:
    """giver=None: I gave it; receiver=None: I received it; both: between two people."""
    if giver is None and receiver is None:
        raise ValueError("Help needs someone who gave or received it besides you.")
    if giver is not None and giver == receiver:
        raise ValueError("Choose two different people.")
    if kind not in Help.KINDS:
        raise ValueError(f"Unknown kind of help {kind!r}; one of {', '.join(Help.KINDS)}.")
    if not what.strip():
        raise ValueError("Say what the help was.")
    _check_people(workspace, giver, receiver)
    if paid_forward_from is not None:
        _check_forward(workspace, paid_forward_from, giver)
    return Help.objects.create(
        workspace=workspace,
        created_by=user,
        giver=giver,
        receiver=receiver,
        kind=kind,
        what=what.strip(),
        happened_on=happened_on or timezone.localdate(),
        outcome=outcome.strip(),
        outcome_on=timezone.localdate() if outcome.strip() else None,
        thanked_on=thanked_on,
        paid_forward_from=paid_forward_from,
        state=state,
        **extra,
    )


def _check_forward(workspace: Workspace, earlier: Help, giver: Person | None) -> None:
    if earlier.workspace_id != workspace.pk:
        raise ValueError("That help belongs to another workspace.")
    if earlier.receiver_id is not None:
        raise ValueError("Only help you received can be paid forward.")
    if giver is not None:
        raise ValueError("Only help you gave pays something forward.")


def _get(workspace: Workspace, help_id: int, user: User | None) -> Help:
    return Help.objects.filter(help_visible_to(user)).get(workspace=workspace, pk=help_id)


def help_decide(
    *, workspace: Workspace, help_id: int, accept: bool, user: User | None = None
) -> Help:
    """Confirm or dismiss a detected help."""
    item = _get(workspace, help_id, user)
    item.state = Help.State.CONFIRMED if accept else Help.State.DISMISSED
    item.save(update_fields=["state"])
    return item


def help_record_outcome(
    *, workspace: Workspace, help_id: int, outcome: str, user: User | None = None
) -> Help:
    """What came of it ("got the interview"): the part of the story worth remembering."""
    item = _get(workspace, help_id, user)
    item.outcome = outcome.strip()
    item.outcome_on = timezone.localdate() if item.outcome else None
    item.save(update_fields=["outcome", "outcome_on"])
    return item


def help_thank(
    *, workspace: Workspace, help_id: int, on: date | None = None, user: User | None = None
) -> Help:
    """I thanked them for help I received."""
    item = _get(workspace, help_id, user)
    if item.direction != "received":
        raise ValueError("Thanks are for help you received.")
    item.thanked_on = on or timezone.localdate()
    item.save(update_fields=["thanked_on"])
    return item


def help_link_forward(
    *, workspace: Workspace, help_id: int, because_of_id: int | None, user: User | None = None
) -> Help:
    """Link help I gave to the help I received that inspired it (or unlink with None)."""
    item = _get(workspace, help_id, user)
    earlier = _get(workspace, because_of_id, user) if because_of_id is not None else None
    if earlier is not None:
        if item.direction != "given":
            raise ValueError("Only help you gave pays something forward.")
        _check_forward(workspace, earlier, None)
        if earlier.pk == item.pk:
            raise ValueError("Help cannot pay itself forward.")
    item.paid_forward_from = earlier
    item.save(update_fields=["paid_forward_from"])
    return item


def help_log(
    *,
    workspace: Workspace,
    user: User | None,
    person: Person | None = None,
    direction: str | None = None,
    states: Iterable[str] = (Help.State.CONFIRMED,),
) -> QuerySet[Help]:
    """Help, newest first; about one person (either side) and/or one direction."""
    rows = (
        Help.objects.filter(workspace=workspace, state__in=list(states))
        .filter(help_visible_to(user))
        .select_related("giver", "receiver", "introduction", "paid_forward_from")
    )
    if person is not None:
        rows = rows.filter(Q(giver=person) | Q(receiver=person))
    if direction == "given":
        rows = rows.filter(giver__isnull=True)
    elif direction == "received":
        rows = rows.filter(receiver__isnull=True)
    elif direction == "between":
        rows = rows.filter(giver__isnull=False, receiver__isnull=False)
    elif direction is not None:
        raise ValueError(f"Unknown direction {direction!r}.")
    return rows.order_by("-happened_on", "-pk")


def help_unthanked(*, workspace: Workspace, user: User | None, today: date) -> QuerySet[Help]:
    """Help I received recently and have not thanked for: gratitude, on Today. (Help I
    gave never produces a reminder of any kind.)"""
    return (
        Help.objects.filter(
            workspace=workspace,
            state=Help.State.CONFIRMED,
            receiver__isnull=True,
            thanked_on__isnull=True,
            happened_on__gte=today - timedelta(days=THANKS_WINDOW_DAYS),
        )
        .filter(help_visible_to(user))
        .select_related("giver")
        .order_by("happened_on", "pk")
    )


@dataclass(frozen=True)
class ForwardStory:
    """Help I received, and the help I gave afterwards because of it: a story, not a count."""

    help: Help  # at the root, help I received; below it, help I gave because of it
    then: list[ForwardStory]  # help given because of it (each may have inspired more)


def paid_forward_stories(*, workspace: Workspace, user: User | None) -> list[ForwardStory]:
    """Every received help that I linked help to, with what followed, as nested stories."""
    rows = list(
        Help.objects.filter(workspace=workspace, state=Help.State.CONFIRMED)
        .filter(help_visible_to(user))
        .select_related("giver", "receiver")
    )
    children: dict[int, list[Help]] = {}
    for row in rows:
        if row.paid_forward_from_id:
            children.setdefault(row.paid_forward_from_id, []).append(row)

    def story(item: Help, seen: frozenset[int]) -> ForwardStory:
        then = [
            story(child, seen | {child.pk})
            for child in sorted(children.get(item.pk, []), key=lambda h: (h.happened_on, h.pk))
            if child.pk not in seen
        ]
        return ForwardStory(item, then)

    return [
        story(row, frozenset({row.pk}))
        for row in sorted(rows, key=lambda h: (h.happened_on, h.pk))
        if row.direction == "received" and row.pk in children
    ]


def help_as_json(item: Help) -> dict[str, object]:
    """One help for `carefor help-log list --json` (docs/cli.md)."""
    return {
        "id": item.pk,
        "direction": item.direction,
        "kind": item.kind,
        "what": item.what,
        "giver": item.giver.name if item.giver else None,
        "receiver": item.receiver.name if item.receiver else None,
        "happened_on": item.happened_on.isoformat(),
        "outcome": item.outcome,
        "thanked_on": item.thanked_on.isoformat() if item.thanked_on else None,
        "paid_forward_from": item.paid_forward_from_id,
        "introduction": item.introduction_id,
        "state": item.state,
    }


def _person_named(workspace: Workspace, name: str) -> Person | None:
    """A person a note names: a unique full-name match, else a unique first-name match."""
    name = name.strip()
    if not name:
        return None
    exact = list(Person.objects.filter(workspace=workspace, name__iexact=name)[:2])
    if len(exact) == 1:
        return exact[0]
    first = list(Person.objects.filter(workspace=workspace, name__istartswith=name + " ")[:2])
    return first[0] if len(first) == 1 else None


def _whole_sentences(interaction: Interaction) -> str:
    """The text to read: mail from others is stored as its opening lines only (a snippet),
    which is where thanks usually are; a sentence the snippet cuts off is left out."""
    body = interaction.body
    if not interaction.meta.get("snippet"):
        return body
    end = max(body.rfind(". "), body.rfind("! "), body.rfind("? "))
    if body.endswith((".", "!", "?")):
        end = len(body) - 1
    return body[: end + 1] if end > 0 else ""


def help_detect(*, workspace: Workspace, interactions: Iterable[Interaction]) -> int:
    """Propose help found in messages and notes; idempotent (one per source sentence).

    Who helped whom follows from who wrote: "Thank you for the introduction" written to me
    is help I gave; written by me, help I received (already thanked, by that very mail).
    """
    from carefor.care.services import _counterpart
    from carefor.language.help import find_help

    created = 0
    for interaction in interactions:
        if interaction.kind not in (Interaction.Kind.MESSAGE, Interaction.Kind.NOTE):
            continue
        text = _whole_sentences(interaction)
        if not text:
            continue
        found = find_help(text)
        if not found:
            continue
        other_id = _counterpart(interaction)
        other = Person.objects.filter(pk=other_id).first() if other_id else None
        inbound = interaction.direction == Interaction.Direction.INBOUND
        note = interaction.kind == Interaction.Kind.NOTE
        day = timezone.localdate(interaction.occurred_at)
        for f in found:
            giver: Person | None
            receiver: Person | None
            thanked = None
            if f.direction == "third_party":
                # "Marcus introduced me to Dana": the helper helped the writer.
                helper = (
                    _person_named(workspace, f.helper) if f.helper else (other if note else None)
                )
                if helper is None or (inbound and helper == other):
                    continue
                giver, receiver = helper, (other if inbound else None)
            elif f.direction == "to_author":
                if note:
                    continue  # a note has no addressee to thank
                if inbound:  # they thank me: I helped them
                    giver, receiver = None, other
                else:  # I thank them: they helped me, and this mail is my thank-you
                    giver, receiver, thanked = other, None, day
            elif inbound:  # from_author: the writer helped me, or someone they name
                named = _person_named(workspace, f.beneficiary) if f.beneficiary else None
                if named is not None and named == other:
                    continue
                giver, receiver = other, named
            else:  # from_author: I helped them (or the person I name)
                named = _person_named(workspace, f.beneficiary) if f.beneficiary else None
                giver, receiver = None, named or other
            if giver is None and receiver is None:
                continue
            _, new = Help.objects.get_or_create(
                source=interaction,
                sentence=f.sentence,
                defaults={
                    "workspace": workspace,
                    "created_by": interaction.author,
                    "giver": giver,
                    "receiver": receiver,
                    "kind": f.kind,
                    "what": f.what,
                    "happened_on": day,
                    "outcome": f.outcome,
                    "outcome_on": day if f.outcome else None,
                    "thanked_on": thanked,
                    "state": Help.State.SUGGESTED,
                    "rule": f.rule,
                },
            )
            created += new
    return created


def help_detect_recent(*, workspace: Workspace, days: int = 90) -> int:
    since = timezone.now() - timedelta(days=days)
    candidates = (
        Interaction.objects.filter(
            workspace=workspace,
            kind__in=[Interaction.Kind.MESSAGE, Interaction.Kind.NOTE],
            occurred_at__gte=since,
        )
        .exclude(body="")
        .prefetch_related("participants")
    )
    return help_detect(workspace=workspace, interactions=candidates.iterator(chunk_size=500))
