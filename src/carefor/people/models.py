"""People the user cares for, the organisations they belong to, and their addresses."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from carefor.people.identities import IdentityKind
from carefor.teams.models import Workspace

IDENTITY_KIND_CHOICES = [
    (IdentityKind.EMAIL.value, "Email"),
    (IdentityKind.PHONE.value, "Phone"),
    (IdentityKind.URL.value, "Link"),
    (IdentityKind.HANDLE.value, "Handle"),
]


class Visibility(models.TextChoices):
    """Who sees a note, matter, life event or follow-up besides its author (who always
    does). Health and family default to the person's carers (care/matters.py,
    care/capture.py); every read filters through care/privacy.py."""

    PRIVATE = "private", "Only me"
    CARERS = "carers", "Their carers"
    WORKSPACE = "workspace", "Everyone in the workspace"

    @classmethod
    def narrowest(cls, *levels: str) -> str:
        """The most private of several levels: what is found in a note is as private as
        the note, and the note as private as the most sensitive thing found in it."""
        order = [cls.PRIVATE, cls.CARERS, cls.WORKSPACE]
        return min(levels, key=lambda level: order.index(level)) if levels else cls.WORKSPACE


class Organisation(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "name"], name="organisation_name_per_workspace"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    title = models.CharField("role or title", max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    how_we_met = models.TextField(blank=True)
    about = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept current by the interaction services so lists can sort without a join.
    last_interaction_at = models.DateTimeField(null=True, blank=True)
    # Keep in touch: every N days. Any interaction (mail either way, meeting, call, note)
    # resets it, because it is measured from last_interaction_at.
    cadence_days = models.PositiveIntegerField("keep in touch every (days)", null=True, blank=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            # With the id: a page of the people list is picked from the index alone.
            models.Index(fields=["workspace", "name", "id"], name="person_ws_name_id"),
            models.Index(fields=["workspace", "last_interaction_at"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def initials(self) -> str:
        parts = [part for part in self.name.split() if part[:1].isalpha()]
        return "".join(part[0] for part in parts[:2]).upper() or "?"


class Identity(models.Model):
    """An address that belongs to one person; the value is normalised (see identities.py)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identities")
    kind = models.CharField(max_length=16, choices=IDENTITY_KIND_CHOICES)
    value = models.CharField(max_length=320)
    label = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "value"]
        verbose_name_plural = "identities"
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "kind", "value"], name="identity_unique_per_workspace"
            ),
        ]

    def __str__(self) -> str:
        return self.value


class MyIdentity(models.Model):
    """An address that is "me" for one member of a workspace; it decides direction."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=IDENTITY_KIND_CHOICES)
    value = models.CharField(max_length=320)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "value"]
        verbose_name_plural = "my identities"
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "kind", "value"], name="my_identity_unique_per_workspace"
            ),
        ]

    def __str__(self) -> str:
        return self.value


class ImportantDate(models.Model):
    """A date that recurs every year for a person; the year may be unknown."""

    class Kind(models.TextChoices):
        BIRTHDAY = "birthday", "Birthday"
        ANNIVERSARY = "anniversary", "Anniversary"
        WORK_ANNIVERSARY = "work_anniversary", "Work anniversary"
        OTHER = "other", "Other"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="important_dates")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    label = models.CharField(max_length=100, blank=True)
    month = models.PositiveSmallIntegerField()
    day = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    # How many days ahead it shows on Today, so there is time to write or send something.
    notice_days = models.PositiveSmallIntegerField(default=7)

    class Meta:
        ordering = ["month", "day"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "label"], name="one_important_date_per_kind_and_label"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.person}: {self.day}/{self.month}"


class ExternalContact(models.Model):
    """Which person an imported card or connection became, so a re-import finds them."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="external_contacts")
    source = models.CharField(max_length=32)  # "vcard", "google-csv", "linkedin"
    key = models.CharField(max_length=500)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "source", "key"], name="external_contact_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.key}"


class Carer(models.Model):
    """A team member who personally cares for this person: "who, specifically, cares for
    them?" (seed 004). A person may have several; nobody is the answer coverage looks for."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="carers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cared_for"
    )
    since = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "user"], name="carer_once_per_person"),
        ]
        indexes = [models.Index(fields=["workspace", "user"])]

    def __str__(self) -> str:
        return f"{self.user} cares for {self.person}"


class AuditEvent(models.Model):
    """Who looked at or changed what about a person, for the workspace's owners to see.
    Written by the views and the API; never edited; says what, never the content."""

    class Action(models.TextChoices):
        VIEWED = "viewed", "Viewed"
        CHANGED = "changed", "Changed"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="audit_events")
    action = models.CharField(max_length=16, choices=Action.choices)
    what = models.CharField(max_length=120)  # "page", "brief", "api", "note", "details"…
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["person", "-at"]),
            models.Index(fields=["workspace", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.action} {self.what} of {self.person}"
