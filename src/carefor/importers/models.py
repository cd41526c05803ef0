"""What imports remember between runs: a history of runs and each IMAP folder's position."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from carefor.teams.models import Workspace


class ImportRun(models.Model):
    """One run of an importer and its report, for the Import page's history."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=32)
    name = models.CharField(max_length=300, blank=True)  # file name or account, never a password
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    report = models.JSONField(default=dict)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.source} {self.name} at {self.started_at:%Y-%m-%d %H:%M}"


class ImapFolderState(models.Model):
    """How far an incremental IMAP sync has read one folder (RFC 3501 UIDVALIDITY + UID)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    account = models.CharField(max_length=300)  # "user@host:port", never a password
    folder = models.CharField(max_length=300)
    uidvalidity = models.BigIntegerField()
    highest_uid = models.BigIntegerField()
    synced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "account", "folder"], name="imap_state_per_folder"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.account} {self.folder}: {self.uidvalidity}/{self.highest_uid}"
