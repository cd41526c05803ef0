"""The one action (and the snooze) behind each Today item."""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from carefor.care.follow_ups import follow_up_act
from carefor.care.help import help_thank
from carefor.care.models import Commitment, Help, Introduction
from carefor.care.services import commitment_close
from carefor.care.today import KINDS, today_mark
from carefor.conversations.courtesy import courtesy_mark
from carefor.conversations.models import CourtesyMark, Interaction, Participant
from carefor.conversations.services import interaction_record
from carefor.people.models import ImportantDate, Person
from carefor.teams.models import User, Workspace

# What "done" means, per kind, in the words the page shows on the button.
DONE_LABELS = {
    "promise": "Kept",
    "waiting_on": "Done",
    "follow_up": "Done",
    "reply": "No reply needed",
    "thank": "Thanked",
    "introduction": "Next step",
    "date": "Done",
    "keep_in_touch": "We were in touch",
}


def touch_log(*, workspace: Workspace, user: User, person: Person, how: str = "") -> Interaction:
    """Record that I was in touch (from Today's keep-in-touch item); it resets the cadence
    like any other interaction."""
    return interaction_record(
        workspace=workspace,
        kind=Interaction.Kind.NOTE,
        body=how.strip() or "Got in touch.",
        participants=[(person, Participant.Role.ABOUT, "")],
        author=user,
    )


def today_act(
    *,
    workspace: Workspace,
    user: User,
    kind: str,
    object_id: int,
    key: str,
    action: str,
    until: date | None = None,
) -> None:
    """action is "done" or "snooze" (with `until`). Raises LookupError for an object
    outside the workspace and ValueError for a bad request."""
    if kind not in KINDS or action not in ("done", "snooze"):
        raise ValueError("Unknown item or action.")
    if action == "snooze" and (until is None or until <= timezone.localdate()):
        raise ValueError("Snooze until a later date.")
    try:
        _act(workspace, user, kind, object_id, key, action, until)
    except ObjectDoesNotExist as exc:
        raise LookupError(f"No such {kind} item.") from exc


def _act(
    workspace: Workspace,
    user: User,
    kind: str,
    object_id: int,
    key: str,
    action: str,
    until: date | None,
) -> None:
    if kind == "follow_up":
        follow_up_act(
            workspace=workspace, user=user, follow_up_id=object_id, action=action, until=until
        )
    elif kind == "reply":
        snoozed = action == "snooze"
        courtesy_mark(
            workspace=workspace,
            user=user,
            turn_id=object_id,
            state=CourtesyMark.State.SNOOZED if snoozed else CourtesyMark.State.DISMISSED,
            until=timezone.make_aware(datetime.combine(until, time(6))) if snoozed else None,
        )
    elif action == "snooze":
        _owned(workspace, kind, object_id)
        today_mark(workspace=workspace, user=user, key=key, until=until)
    elif kind == "thank":
        help_thank(workspace=workspace, help_id=object_id, user=user)
    elif kind == "introduction":
        raise ValueError("An introduction moves on from its own page.")
    elif kind in ("promise", "waiting_on"):
        commitment_close(
            workspace=workspace, user=user, commitment_id=object_id, state=Commitment.State.KEPT
        )
    elif kind == "keep_in_touch":
        person = Person.objects.get(workspace=workspace, pk=object_id)
        touch_log(workspace=workspace, user=user, person=person)
    else:  # a date: done for this year's occurrence
        _owned(workspace, kind, object_id)
        today_mark(workspace=workspace, user=user, key=key, done=True)


def _owned(workspace: Workspace, kind: str, object_id: int) -> None:
    """A mark may only name an object of this workspace."""
    model = {
        "promise": Commitment,
        "waiting_on": Commitment,
        "date": ImportantDate,
        "keep_in_touch": Person,
        "thank": Help,
        "introduction": Introduction,
    }[kind]
    if not model.objects.filter(workspace=workspace, pk=object_id).exists():
        raise model.DoesNotExist(f"No such {kind} item.")
