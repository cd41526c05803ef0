"""Verdicts on inbound messages (genuine, pitch, reciprocity, automated) and the user's
corrections, which retrain a local copy of the model; draft-linter rules a user silenced."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from carefor.conversations.models import Interaction
from carefor.teams.models import Workspace


class MessageVerdict(models.Model):
    class Verdict(models.TextChoices):
        GENUINE = "genuine", "Genuine"
        PITCH = "pitch", "Pitch"
        RECIPROCITY = "reciprocity", "Strings attached"
        AUTOMATED = "automated", "Automated"
        # Some evidence, but not enough to accuse anyone: the reader decides.
        UNSURE = "unsure", "Not sure"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    interaction = models.OneToOneField(
        Interaction, on_delete=models.CASCADE, related_name="verdict"
    )
    verdict = models.CharField(max_length=16, choices=Verdict.choices)
    # [{"text", "start", "end", "rule", "why"}]: spans of the analysed text, shown highlighted.
    evidence = models.JSONField(default=list, blank=True)
    probability = models.FloatField(null=True, blank=True)
    first_contact = models.BooleanField(default=False)
    found_by = models.CharField(max_length=32, default="model")  # model | local model | headers
    reason = models.CharField(max_length=200, blank=True)  # for automated: which header
    corrected_verdict = models.CharField(max_length=16, choices=Verdict.choices, blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    corrected_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["workspace", "first_contact", "verdict"])]

    def __str__(self) -> str:
        return f"{self.shown} ({self.interaction_id})"

    @property
    def shown(self) -> str:
        """The user's correction wins over the detector."""
        return self.corrected_verdict or self.verdict


class LintSilence(models.Model):
    """A draft-linter rule this member does not want to hear from."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rule = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user", "rule"], name="silence_once"),
        ]

    def __str__(self) -> str:
        return self.rule
