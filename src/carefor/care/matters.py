"""What matters to a person, and why: writes and reads.

A matter is kept in the person's words where possible, with where it was said and when
it was last confirmed. Health and family matters are for the person's carers by default.
"""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from carefor.care.models import Matter
from carefor.care.privacy import visible_to
from carefor.conversations.models import Interaction
from carefor.people.models import Person, Visibility
from carefor.teams.models import User, Workspace

State = Matter.State
SHOWN_STATES = (State.CURRENT, State.PAST)


def matter_kind_clean(kind: str) -> str:
    """Kinds are short lower-case words; a new one extends the list for this workspace."""
    cleaned = " ".join(kind.strip().lower().split())[:40]
    if not cleaned:
        raise ValueError("Give the matter a kind, e.g. goal or worry.")
    return cleaned


def matter_add(
    *,
    workspace: Workspace,
    person: Person,
    author: User | None,
    kind: str,
    what: str,
    why: str = "",
    in_their_words: bool = False,
    visibility: str | None = None,
    source: Interaction | None = None,
    sentence: str = "",
    rule: str = "",
    state: str = State.CURRENT,
    today: date | None = None,
) -> Matter:
    """Add a matter. `visibility=None` means the default for its kind (health, family:
    the person's carers; anything else: everyone in the workspace)."""
    if person.workspace_id != workspace.pk:
        raise ValueError("That person belongs to another workspace.")
    if not what.strip():
        raise ValueError("Say what matters to them.")
    kind = matter_kind_clean(kind)
    return Matter.objects.create(
        workspace=workspace,
        person=person,
        author=author,
        kind=kind,
        what=what.strip(),
        why=why.strip(),
        in_their_words=in_their_words,
        visibility=visibility or default_visibility(kind),
        source=source,
        sentence=sentence,
        rule=rule,
        state=state,
        confirmed_on=None if state == State.SUGGESTED else (today or timezone.localdate()),
    )


def default_visibility(kind: str) -> str:
    return Visibility.CARERS if kind in Matter.PRIVATE_KINDS else Visibility.WORKSPACE


def _get(workspace: Workspace, user: User, matter_id: int) -> Matter:
    return Matter.objects.filter(visible_to(user)).get(workspace=workspace, pk=matter_id)


def matter_confirm(
    *, workspace: Workspace, user: User, matter_id: int, today: date | None = None
) -> Matter:
    """Still true (or newly accepted from a proposal): confirmed today; fading starts over."""
    matter = _get(workspace, user, matter_id)
    matter.state = State.CURRENT
    matter.confirmed_on = today or timezone.localdate()
    matter.author = matter.author or user
    matter.save(update_fields=["state", "confirmed_on", "author"])
    return matter


def matter_set_state(*, workspace: Workspace, user: User, matter_id: int, state: str) -> Matter:
    """No longer true (kept as history), or dismissed (a wrong proposal)."""
    if state not in (State.PAST, State.DISMISSED):
        raise ValueError(f"Unknown state {state!r}.")
    matter = _get(workspace, user, matter_id)
    matter.state = state
    matter.save(update_fields=["state"])
    return matter


def matter_set_visibility(
    *, workspace: Workspace, user: User, matter_id: int, visibility: str
) -> Matter:
    if visibility not in Visibility.values:
        raise ValueError(f"Unknown visibility {visibility!r}.")
    matter = _get(workspace, user, matter_id)
    if matter.author_id not in (None, user.pk):
        raise PermissionError("Only its author can change who sees a matter.")
    matter.visibility = visibility
    matter.author = matter.author or user
    matter.save(update_fields=["visibility", "author"])
    return matter


def matters_for_person(
    *, workspace: Workspace, user: User | None, person: Person, states=SHOWN_STATES
) -> QuerySet[Matter]:
    """The matters this user may see about this person; current first, then by confirmation."""
    return (
        Matter.objects.filter(workspace=workspace, person=person, state__in=states)
        .filter(visible_to(user))
        .select_related("source")
        .order_by("state", "-confirmed_on", "-created_at")
    )


def matter_kinds(*, workspace: Workspace, user: User | None = None) -> list[str]:
    """The built-in kinds, then the ones added in this workspace on matters this user may
    see (a kind can itself say too much: "gambling"), for a form's choices."""
    used = (
        Matter.objects.filter(workspace=workspace)
        .filter(visible_to(user))
        .exclude(kind__in=Matter.BUILTIN_KINDS)
        .order_by()  # the default ordering would make DISTINCT run over dates too
        .values_list("kind", flat=True)
        .distinct()
    )
    return [*Matter.BUILTIN_KINDS, *sorted(set(used))]


def matters_fading(
    *, workspace: Workspace, user: User, today: date, limit: int = 20
) -> QuerySet[Matter]:
    """Current matters not confirmed for a long time: worth asking about again."""
    cutoff = date.fromordinal(today.toordinal() - Matter.FADE_DAYS)
    return (
        Matter.objects.filter(workspace=workspace, state=State.CURRENT, confirmed_on__lt=cutoff)
        .filter(visible_to(user))
        .select_related("person")
        .order_by("confirmed_on")[:limit]
    )
