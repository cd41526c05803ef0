"""Interactions (messages, meetings, calls, notes), the threads messages form, and who took part."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from carefor.people.models import Person, Visibility
from carefor.teams.models import Workspace


class Thread(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="threads")
    subject = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.subject or f"Thread {self.pk}"


class Interaction(models.Model):
    class Kind(models.TextChoices):
        MESSAGE = "message", "Message"
        MEETING = "meeting", "Meeting"
        CALL = "call", "Call"
        NOTE = "note", "Note"

    class Direction(models.TextChoices):
        INBOUND = "inbound", "From them"
        OUTBOUND = "outbound", "From me"
        NONE = "none", "—"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="interactions")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    direction = models.CharField(max_length=16, choices=Direction.choices, default=Direction.NONE)
    occurred_at = models.DateTimeField(default=timezone.now)
    subject = models.CharField(max_length=500, blank=True)
    body = models.TextField(blank=True)
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.SET_NULL, related_name="interactions"
    )
    # Where it came from ("web", "demo", later "mbox", "imap"...) and that source's own key,
    # so re-running an import can recognise what it already stored.
    source = models.CharField(max_length=32, default="web")
    external_id = models.CharField(max_length=500, blank=True)
    # For messages: the Message-ID and In-Reply-To (threading and reply matching), and
    # the headers that tell a person writing from a list, a robot or myself.
    message_id = models.CharField(max_length=500, blank=True, db_index=True)
    in_reply_to = models.CharField(max_length=500, blank=True, db_index=True)
    meta = models.JSONField(default=dict, blank=True)
    # Who besides its author sees a note (care/privacy.py): a note that mentions health or
    # family is as private as what is found in it. A database default too, for the
    # importers' raw multi-row INSERT (importers/fast_insert.py).
    visibility = models.CharField(
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.WORKSPACE,
        db_default=Visibility.WORKSPACE,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["workspace", "-occurred_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "source", "external_id"],
                condition=~models.Q(external_id=""),
                name="interaction_external_id_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.subject or f"{self.get_kind_display()} on {self.occurred_at:%Y-%m-%d}"


class Participant(models.Model):
    class Role(models.TextChoices):
        FROM = "from", "From"
        TO = "to", "To"
        CC = "cc", "Cc"
        ATTENDEE = "attendee", "Attendee"
        ABOUT = "about", "About"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    interaction = models.ForeignKey(
        Interaction, on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(max_length=16, choices=Role.choices)
    # The address used in this interaction, as written (a person may have several).
    address = models.CharField(max_length=320, blank=True)

    class Meta:
        indexes = [models.Index(fields=["person", "interaction"])]
        constraints = [
            models.UniqueConstraint(
                fields=["interaction", "person", "role"], name="participant_once_per_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.role})"


class ReplyTurn(models.Model):
    """A turn of a conversation that expects an answer, and when it got one (if ever).

    side=mine: a person wrote to me (one or more messages in a row); I owe the reply.
    side=theirs: I asked something; a recipient owes the reply. Rebuilt from the stored
    messages by courtesy_refresh, so it always follows the mail as imported.
    """

    class Side(models.TextChoices):
        MINE = "mine", "Awaiting my reply"
        THEIRS = "theirs", "Awaiting their reply"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    side = models.CharField(max_length=8, choices=Side.choices)
    # The latest message of the turn (what the queue shows) and the first (when the wait began).
    interaction = models.ForeignKey(Interaction, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="reply_turns"
    )
    thread_key = models.CharField(max_length=520)
    started_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    # Hours from the first unanswered message to the answer, kept so medians are one query.
    reply_hours = models.FloatField(null=True, blank=True)

    class Meta:
        indexes = [
            # Open turns come out of this index already in queue order.
            models.Index(fields=["workspace", "side", "answered_at", "started_at"]),
            models.Index(fields=["workspace", "side", "reply_hours"]),
            models.Index(fields=["person", "side"]),
        ]

    def __str__(self) -> str:
        return f"{self.side} since {self.started_at:%Y-%m-%d}"


class CourtesyMark(models.Model):
    """'No reply needed' or 'snooze until' on a waiting item, kept by the message's own key
    so it survives re-imports; a new message in the conversation makes it a new item."""

    class State(models.TextChoices):
        DISMISSED = "dismissed", "No reply needed"
        SNOOZED = "snoozed", "Snoozed"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message_key = models.CharField(max_length=540)  # "source:external_id" or "row:<id>"
    state = models.CharField(max_length=16, choices=State.choices)
    until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "user", "message_key"], name="one_mark_per_message"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.message_key}"
