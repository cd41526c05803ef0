"""Follow-through: promises I made, requests made of me, and what others said they'd do."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from carefor.conversations.models import Interaction
from carefor.people.models import Person, Visibility
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


MATTER_KINDS = ("goal", "challenge", "hope", "worry", "value", "family", "health", "preference")


class Matter(models.Model):
    """Something that matters to a person, and why: in their words where possible, with
    where it was said and when it was last confirmed. Old matters fade (ask again); they
    are never deleted for being old."""

    # A short list the user can extend by typing a kind of their own.
    BUILTIN_KINDS = MATTER_KINDS
    # Sensitive by nature: shared with the person's carers only, unless the author chooses.
    PRIVATE_KINDS = frozenset({"health", "family"})
    # After this long without confirmation a matter shows as "ask again".
    FADE_DAYS = 180

    class State(models.TextChoices):
        SUGGESTED = "suggested", "Proposed, not confirmed"
        CURRENT = "current", "Still true"
        PAST = "past", "No longer true"
        DISMISSED = "dismissed", "Not a matter"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="matters")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=40)
    what = models.TextField()
    why = models.TextField(blank=True)
    # The why is a quote of the person rather than my paraphrase.
    in_their_words = models.BooleanField(default=False)
    visibility = models.CharField(
        max_length=12, choices=Visibility.choices, default=Visibility.WORKSPACE
    )
    state = models.CharField(max_length=16, choices=State.choices, default=State.CURRENT)
    source = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sentence = models.TextField(blank=True)
    rule = models.CharField(max_length=80, blank=True)  # how it was found, if detected
    confirmed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-confirmed_on", "-created_at"]
        indexes = [
            models.Index(fields=["person", "state"]),
            # The kinds menu on every person page lists the workspace's own kinds: few
            # rows, found here instead of by reading every matter (docs/benchmarks.md).
            models.Index(
                fields=["workspace", "kind"],
                condition=~models.Q(kind__in=MATTER_KINDS),
                name="matter_custom_kind",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "sentence", "kind"],
                condition=models.Q(source__isnull=False),
                name="one_matter_per_sentence_and_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.what[:60]}"

    def is_fading(self, today: date) -> bool:
        return self.confirmed_on is not None and (today - self.confirmed_on).days > self.FADE_DAYS


class LifeEvent(models.Model):
    """Something happening in a person's life: a move, a new job, an illness, a wedding."""

    class State(models.TextChoices):
        SUGGESTED = "suggested", "Proposed, not confirmed"
        CONFIRMED = "confirmed", "Confirmed"
        DISMISSED = "dismissed", "Not a life event"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="life_events")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what = models.TextField()
    occurs_on = models.DateField(null=True, blank=True)
    visibility = models.CharField(
        max_length=12, choices=Visibility.choices, default=Visibility.WORKSPACE
    )
    state = models.CharField(max_length=16, choices=State.choices, default=State.CONFIRMED)
    source = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sentence = models.TextField(blank=True)
    rule = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "sentence"],
                condition=models.Q(source__isnull=False),
                name="one_life_event_per_sentence",
            ),
        ]

    def __str__(self) -> str:
        return self.what[:60]


class FollowUp(models.Model):
    """Something to ask or check on later ("ask how the move went"). Without a date it is a
    question for the next time we meet; the brief lists it."""

    class State(models.TextChoices):
        SUGGESTED = "suggested", "Proposed, not confirmed"
        OPEN = "open", "Open"
        DONE = "done", "Done"
        DISMISSED = "dismissed", "Dismissed"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="follow_ups")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what = models.TextField()
    due = models.DateField(null=True, blank=True)
    life_event = models.ForeignKey(
        LifeEvent, null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    visibility = models.CharField(
        max_length=12, choices=Visibility.choices, default=Visibility.WORKSPACE
    )
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    snoozed_until = models.DateField(null=True, blank=True)
    source = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sentence = models.TextField(blank=True)
    rule = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due", "created_at"]
        indexes = [models.Index(fields=["workspace", "state", "due"])]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "sentence"],
                condition=models.Q(source__isnull=False),
                name="one_follow_up_per_sentence",
            ),
        ]

    def __str__(self) -> str:
        return self.what[:60]


class TodayMark(models.Model):
    """Snooze or done on a Today item that has no state of its own (an important date this
    year, a keep-in-touch reminder, a promise put off for a day). Keyed by the item's key."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=120)
    snoozed_until = models.DateField(null=True, blank=True)
    done = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user", "key"], name="one_mark_per_item"),
        ]

    def __str__(self) -> str:
        return self.key


class Introduction(models.Model):
    """A double-opt-in introduction of two people (see intro_flow.py for the steps)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A is asked first; B only once A has said yes.
    person_a = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    why_a = models.TextField(blank=True)  # why meeting B matters to A (what matters to A)
    why_b = models.TextField(blank=True)  # why meeting A matters to B
    state = models.CharField(max_length=16, default="proposed")
    asked_a_at = models.DateTimeField(null=True, blank=True)
    asked_b_at = models.DateTimeField(null=True, blank=True)
    introduced_at = models.DateTimeField(null=True, blank=True)
    outcome_due = models.DateField(null=True, blank=True)  # when to ask how it went
    outcome = models.TextField(blank=True)
    note = models.TextField(blank=True)  # e.g. why it was declined or let go
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["workspace", "state"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(person_a=models.F("person_b")), name="introduce_two_people"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_a} <> {self.person_b}"


class Help(models.Model):
    """An act of help: given (by me), received (by me), or between two people I know.

    Remembered to thank, to follow up on the outcome and to pay it forward. Never summed,
    never balanced: there is deliberately no per-person tally anywhere.
    """

    KINDS = (
        "advice", "introduction", "referral", "mentorship", "promotion", "candidate",
        "work", "time", "other",
    )  # fmt: skip

    class State(models.TextChoices):
        SUGGESTED = "suggested", "Proposed, not confirmed"
        CONFIRMED = "confirmed", "Confirmed"
        DISMISSED = "dismissed", "Not help"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Empty giver: I gave it. Empty receiver: I received it. Both set: between two people.
    giver = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="help_given"
    )
    receiver = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="help_received"
    )
    kind = models.CharField(max_length=16, default="other")
    what = models.TextField()
    happened_on = models.DateField(default=timezone.localdate)
    outcome = models.TextField(blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.CONFIRMED)
    thanked_on = models.DateField(null=True, blank=True)  # for help I received
    source = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sentence = models.TextField(blank=True)
    rule = models.CharField(max_length=80, blank=True)
    introduction = models.ForeignKey(
        Introduction, null=True, blank=True, on_delete=models.SET_NULL, related_name="help"
    )
    # Help I gave because of help I received: the pay-it-forward story, linked by the user.
    paid_forward_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="paid_forward"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-happened_on", "-created_at"]
        indexes = [models.Index(fields=["workspace", "state", "happened_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(giver__isnull=False) | models.Q(receiver__isnull=False),
                name="help_has_a_person",
            ),
            models.UniqueConstraint(
                fields=["source", "sentence"],
                condition=models.Q(source__isnull=False),
                name="one_help_per_sentence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.what[:60]}"

    @property
    def direction(self) -> str:
        if self.giver_id is None:
            return "given"
        if self.receiver_id is None:
            return "received"
        return "between"
