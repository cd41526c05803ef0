"""An iCalendar feed of open promises, requests and waiting-ons, behind a secret URL.

Calendar apps cannot sign in, so the URL carries a random token; only its SHA-256 is
stored. Each item is an all-day event on its due date (undated items are left out).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import icalendar
from django.db.models import Exists, OuterRef
from django.utils import timezone

from carefor.care.models import Commitment, FeedToken
from carefor.care.services import commitments_open
from carefor.teams.models import Membership, User, Workspace


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_token_issue(*, workspace: Workspace, user: User) -> str:
    """A new secret for this member's feed; the previous link stops working."""
    token = secrets.token_urlsafe(32)
    FeedToken.objects.update_or_create(
        workspace=workspace, user=user, defaults={"token_hash": _hash(token)}
    )
    return token


def feed_workspace(token: str) -> Workspace | None:
    """The workspace of a live feed link: its member must still be an active member (a
    deactivated member's calendar stops updating at once, like their sessions)."""
    active = Membership.objects.active().filter(
        workspace=OuterRef("workspace"), user=OuterRef("user")
    )
    found = (
        FeedToken.objects.select_related("workspace")
        .filter(Exists(active), token_hash=_hash(token))
        .first()
    )
    return found.workspace if found else None


def promises_calendar(*, workspace: Workspace) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//carefor//promises//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Promises — {workspace.name}")
    stamp = timezone.now()
    for item in commitments_open(workspace=workspace).filter(due__isnull=False):
        event = icalendar.Event()
        event.add("uid", f"commitment-{item.pk}@carefor")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        prefix = {
            Commitment.Kind.PROMISE: "Promise",
            Commitment.Kind.REQUEST: "Asked of me",
            Commitment.Kind.WAITING_ON: "Waiting on",
        }[item.kind]
        who = f" ({item.person.name})" if item.person else ""
        event.add("summary", f"{prefix}: {item.what[:120]}{who}")
        if item.sentence:
            event.add("description", item.sentence)
        calendar.add_component(event)
    return calendar.to_ical()
