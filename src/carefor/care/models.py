"""Follow-through: promises I made, requests made of me, and what others said they'd do."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from carefor.conversations.models import Interaction
from carefor.people.models import Person
from carefor.teams.models import Workspace


class Commitment(models.Model):
    """One promise, request or waiting-on. Detected ones wait for the user's confirmation;
    nothing detected is trusted silently. No tally is ever kept of who did more."""

    class Kind(models.TextChoices):
        PROMISE = "promise", "Promise"  # I said I would do something for them
        REQUEST = "request", "Request"  # they asked me to do something
        WAITING_ON = "waiting_on", "Waiting on"  # they said they would do something for me

    class State(models.TextChoices):
        SUGGESTED = "suggested", "Detected, not confirmed"
        OPEN = "open", "Open"
        KEPT = "kept", "Kept"
        RENEGOTIATED = "renegotiated", "Renegotiated"
        RELEASED = "released", "Released"
        DISMISSED = "dismissed", "Not a promise"

    class FoundBy(models.TextChoices):
        TYPED = "typed", "Typed by me"
        DETECTED = "detected", "Detected"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    what = models.TextField()
    due = models.DateField(null=True, blank=True)
    source = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sentence = models.TextField(blank=True)  # the exact sentence it came from
    found_by = models.CharField(max_length=16, choices=FoundBy.choices, default=FoundBy.TYPED)
    evidence = models.CharField(max_length=300, blank=True)  # rule ids that fired
    note = models.TextField(blank=True)  # why it was released or renegotiated
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due", "created_at"]
        indexes = [models.Index(fields=["workspace", "state", "due"])]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "sentence"],
                condition=models.Q(source__isnull=False),
                name="one_commitment_per_sentence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.what[:60]}"


class FeedToken(models.Model):
    """The secret in a calendar-feed URL. Only its hash is stored; a new one replaces the
    old, so a leaked link can be revoked by making another."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="one_feed_per_member"),
        ]

    def __str__(self) -> str:
        return f"feed of {self.user} in {self.workspace}"
