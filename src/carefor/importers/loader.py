"""The one loader: stores parsed records, resolves identities, and reports per item.

Parsers yield records or Rejected items; the loader buffers records and writes them in
batches, each batch in its own transaction. A batch is all-or-nothing, so killing an
import mid-way leaves a consistent database, and because every record carries a stable
key that is checked before writing, the next run adds exactly what is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from carefor.care.help import help_detect_recent
from carefor.care.services import commitments_detect_recent
from carefor.conversations.courtesy import courtesy_refresh
from carefor.conversations.models import Interaction, Participant
from carefor.importers.fast_insert import (
    adapt_datetime,
    adapt_json,
    insert_interactions,
    insert_participants,
)
from carefor.importers.models import ImportRun
from carefor.importers.records import (
    Address,
    ContactRecord,
    EventRecord,
    MessageRecord,
    PartialDate,
    Rejected,
)
from carefor.language.senders import is_bulk_or_automated, is_person_address
from carefor.outreach.services import verdicts_refresh
from carefor.people.identities import IdentityError, IdentityKind, normalise
from carefor.people.models import (
    ExternalContact,
    Identity,
    ImportantDate,
    MyIdentity,
    Organisation,
    Person,
)
from carefor.teams.models import User, Workspace

BATCH_SIZE = 1000
INBOUND, OUTBOUND = Interaction.Direction.INBOUND, Interaction.Direction.OUTBOUND
UNKNOWN_DATE = datetime(1970, 1, 1, tzinfo=UTC)
MAX_REPORTED_ERRORS = 1000

Record = MessageRecord | ContactRecord | EventRecord


@dataclass
class ImportReport:
    """What happened to every item: the --json contract of `carefor import`."""

    source: str
    read: int = 0
    imported: int = 0
    duplicates: int = 0
    skipped: int = 0
    errors: list[Rejected] = field(default_factory=list)
    people_created: int = 0
    notes: dict[str, int] = field(default_factory=dict)

    def reject(self, item: Rejected) -> None:
        self.skipped += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(item)

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "read": self.read,
            "imported": self.imported,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "errors": [{"item": e.position, "reason": e.reason} for e in self.errors],
        }

    @property
    def exit_code(self) -> int:
        return 3 if self.skipped else 0


def _name_from_address(address: Address) -> str:
    # Addresses are read by index: parsing workers send plain (value, name) tuples, which
    # cost a tenth as much to pass between processes as Address objects.
    value, name = address[0], address[1].strip()
    if name and "@" not in name:
        return name[:200]
    local = value.split("@", 1)[0]
    words = [w for w in re.split(r"[._\-+]+", local) if w and not w.isdigit()]
    return " ".join(w.capitalize() for w in words)[:200] or value


def _email_key(value: str) -> str | None:
    try:
        return normalise(value, IdentityKind.EMAIL).value
    except IdentityError:
        return None


def _message_meta(record: MessageRecord) -> dict[str, Any]:
    """What later features need from the headers (courtesy, threading), compactly."""
    meta: dict[str, Any] = {
        "from": record.sender[0] if record.sender else "",
        "to": [a[0] for a in record.to],
        "cc": [a[0] for a in record.cc],
        "references": list(record.references[-20:]),
    }
    for key in ("list_id", "list_post", "precedence", "auto_submitted", "thread_hint", "folder"):
        if getattr(record, key):
            meta[key] = getattr(record, key)
    for flag in ("is_report", "auto_reply_header", "return_path_empty"):
        if getattr(record, flag):
            meta[flag] = True
    if record.flags:
        meta["flags"] = "".join(sorted(record.flags))
    if record.body_is_snippet:
        meta["snippet"] = True
    if record.occurred_at is None:
        meta["date_unknown"] = True
    return meta


def my_addresses(*, workspace: Workspace) -> frozenset[str]:
    """The normalised addresses of every member of the workspace."""
    return frozenset(MyIdentity.objects.filter(workspace=workspace).values_list("value", flat=True))


class Loader:
    """Writes records of one import into one workspace, in batches."""

    def __init__(
        self,
        *,
        workspace: Workspace,
        user: User | None,
        source: str,
        also_me: Iterable[str] = (),
    ) -> None:
        self.workspace = workspace
        self.user = user
        self.source = source
        self.report = ImportReport(source=source)
        self._pending: list[Record] = []
        # Every member's addresses are "me": mail between colleagues in a shared workspace
        # is not a person writing to the team.
        mine = MyIdentity.objects.filter(workspace=workspace)
        self.my_addresses = frozenset([*mine.values_list("value", flat=True), *also_me])
        # address value -> person id; loaded once, kept current as people are created.
        self.identities: dict[tuple[str, str], int] = {
            (kind, value): person_id
            for kind, value, person_id in Identity.objects.filter(workspace=workspace).values_list(
                "kind", "value", "person_id"
            )
        }
        # The same few addresses recur on thousands of messages; normalise each once.
        self._normalised: dict[str, tuple[IdentityKind, str]] = {}
        self.touched_people: set[int] = set()

    # -- feeding -------------------------------------------------------------------

    def feed(self, items: Iterable[Record | Rejected]) -> ImportReport:
        for item in items:
            self.add(item)
        return self.finish()

    def add(self, item: Record | Rejected) -> None:
        self.report.read += 1
        if isinstance(item, Rejected):
            self.report.reject(item)
            return
        self._pending.append(item)
        if len(self._pending) >= BATCH_SIZE:
            self.flush()

    def finish(self) -> ImportReport:
        self.flush()
        self._refresh_people()
        return self.report

    def flush(self) -> None:
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        messages = [r for r in batch if isinstance(r, MessageRecord)]
        events = [r for r in batch if isinstance(r, EventRecord)]
        contacts = [r for r in batch if isinstance(r, ContactRecord)]
        with transaction.atomic():
            if messages:
                self._store_messages(messages)
            if events:
                self._store_events(events)
            for contact in contacts:
                self._store_contact(contact)

    # -- people --------------------------------------------------------------------

    def _person_for(self, address: Address, *, create: bool) -> int | None:
        """The person behind an address; a new one only if create and it is a person's."""
        resolved = self._normalised.get(address[0])
        if resolved is None:
            kind = IdentityKind.URL if address[0].startswith("http") else IdentityKind.EMAIL
            try:
                resolved = (kind, normalise(address[0], kind).value)
            except IdentityError:
                resolved = (kind, "")
            self._normalised[address[0]] = resolved
        kind, value = resolved
        if not value or value in self.my_addresses:
            return None
        person_id = self.identities.get((kind.value, value))
        if person_id is None and create and (kind is IdentityKind.URL or is_person_address(value)):
            person = Person.objects.create(
                workspace=self.workspace, name=_name_from_address(address)
            )
            Identity.objects.create(
                workspace=self.workspace, person=person, kind=kind.value, value=value
            )
            self.identities[(kind.value, value)] = person_id = person.pk
            self.report.people_created += 1
        return person_id

    def _refresh_people(self) -> None:
        """Recompute last_interaction_at for everyone this import touched, 500 at a time."""
        latest = (
            Participant.objects.filter(person=OuterRef("pk"))
            .order_by("-interaction__occurred_at")
            .values("interaction__occurred_at")[:1]
        )
        ids = sorted(self.touched_people)
        for start in range(0, len(ids), 500):
            Person.objects.filter(pk__in=ids[start : start + 500]).update(
                last_interaction_at=Subquery(latest)
            )

    # -- messages ------------------------------------------------------------------

    def _existing_keys(self, source: str, keys: list[str]) -> set[str]:
        return set(
            Interaction.objects.filter(
                workspace=self.workspace, source=source, external_id__in=keys
            ).values_list("external_id", flat=True)
        )

    def _is_mine(self, record: MessageRecord) -> bool:
        if record.sent_by_me_hint:
            return True
        key = _email_key(record.sender[0]) if record.sender else None
        return key is not None and key in self.my_addresses

    def _message_source(self, record: MessageRecord) -> str:
        # Mail from any mailbox shares one key space, so the same message read from an
        # mbox, a Maildir and IMAP is one interaction; LinkedIn has its own.
        return "linkedin" if record.source_key.startswith("linkedin:") else "mail"

    def _store_messages(self, records: list[MessageRecord]) -> None:
        by_source: dict[str, list[MessageRecord]] = {}
        for record in records:
            by_source.setdefault(self._message_source(record), []).append(record)
        for source, group in by_source.items():
            existing = self._existing_keys(source, [r.source_key[:500] for r in group])
            fresh: list[MessageRecord] = []
            seen: set[str] = set()
            for record in group:
                key = record.source_key[:500]
                if key in existing or key in seen:
                    self.report.duplicates += 1
                    continue
                seen.add(key)
                fresh.append(record)
            if fresh:
                self._insert_messages(source, fresh)

    def _participants(self, record: MessageRecord, outbound: bool) -> list[tuple[int, str, str]]:
        """(person id, role, address) for everyone who is not me."""
        real_mail = not is_bulk_or_automated(
            list_id=record.list_id,
            precedence=record.precedence,
            auto_submitted=record.auto_submitted,
            is_report=record.is_report,
        )
        result: list[tuple[int, str, str]] = []
        if record.sender is not None:
            # A person who writes to me directly becomes someone in my notebook.
            person = self._person_for(record.sender, create=not outbound and real_mail)
            if person is not None:
                result.append((person, Participant.Role.FROM, record.sender[0]))
        for role, addresses in ((Participant.Role.TO, record.to), (Participant.Role.CC, record.cc)):
            for address in addresses:
                # People I write to are real correspondents; others on the To/Cc of mail
                # I receive are only linked when they are already in the notebook.
                person = self._person_for(address, create=outbound)
                if person is not None:
                    result.append((person, role, address[0]))
        return result

    def _insert_messages(self, source: str, records: list[MessageRecord]) -> None:
        now = adapt_datetime(timezone.now())
        workspace_id = self.workspace.pk
        rows: list[tuple[Any, ...]] = []
        links: list[list[tuple[int, str, str]]] = []
        for record in records:
            outbound = self._is_mine(record)
            rows.append(
                (
                    workspace_id,
                    Interaction.Kind.MESSAGE.value,
                    (OUTBOUND if outbound else INBOUND).value,
                    adapt_datetime(record.occurred_at or UNKNOWN_DATE),
                    record.subject[:500],
                    record.body,
                    None,  # conversations are threaded from the headers (courtesy_refresh)
                    source,
                    record.source_key[:500],
                    record.message_id[:500],
                    record.in_reply_to[:500],
                    adapt_json(_message_meta(record)),
                    # Mail I sent was written by me: in a team, what it promises is mine.
                    self.user.pk if outbound and self.user is not None else None,
                    now,
                )
            )
            links.append(self._participants(record, outbound))
        ids = insert_interactions(rows)
        participants: list[tuple[Any, ...]] = []
        for interaction_id, people in zip(ids, links, strict=True):
            seen: set[tuple[int, str]] = set()
            for person_id, role, address in people:
                if (person_id, role) in seen:
                    continue
                seen.add((person_id, role))
                self.touched_people.add(person_id)
                participants.append((workspace_id, interaction_id, person_id, role, address[:320]))
        insert_participants(participants)
        self.report.imported += len(rows)

    # -- events ----------------------------------------------------------------------

    def _store_events(self, records: list[EventRecord]) -> None:
        existing = self._existing_keys("calendar", [r.source_key[:500] for r in records])
        for record in records:
            key = record.source_key[:500]
            if key in existing:
                self.report.duplicates += 1
                continue
            if record.status.upper() == "CANCELLED":
                self.report.notes["cancelled events"] = (
                    self.report.notes.get("cancelled events", 0) + 1
                )
                self.report.skipped += 1
                continue
            existing.add(key)
            people = [record.organizer] if record.organizer else []
            people += list(record.attendees)
            interaction = Interaction.objects.create(
                workspace=self.workspace,
                kind=Interaction.Kind.MEETING,
                direction=Interaction.Direction.NONE,
                occurred_at=record.start,
                subject=record.summary[:500],
                body="\n\n".join(p for p in (record.location, record.description) if p),
                source="calendar",
                external_id=key,
                meta={"end": record.end.isoformat() if record.end else ""},
            )
            linked: set[int] = set()
            for address in people:
                person_id = self._person_for(address, create=True)
                if person_id is None or person_id in linked:
                    continue
                linked.add(person_id)
                self.touched_people.add(person_id)
                Participant.objects.create(
                    workspace=self.workspace,
                    interaction=interaction,
                    person_id=person_id,
                    role=Participant.Role.ATTENDEE,
                    address=address[0][:320],
                )
            self.report.imported += 1

    # -- contacts --------------------------------------------------------------------

    def _contact_identities(self, record: ContactRecord) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for kind, values in (
            (IdentityKind.EMAIL, record.emails),
            (IdentityKind.PHONE, record.phones),
            (IdentityKind.URL, record.urls),
        ):
            for value in values:
                try:
                    parsed = normalise(value, kind, phone_region=settings.PHONE_DEFAULT_REGION)
                except IdentityError:
                    continue
                if (parsed.kind.value, parsed.value) not in found:
                    found.append((parsed.kind.value, parsed.value))
        return found

    def _store_contact(self, record: ContactRecord) -> None:
        key = record.source_key[:500]
        link = ExternalContact.objects.filter(
            workspace=self.workspace, source=self.source, key=key
        ).first()
        identities = self._contact_identities(record)
        person_id = link.person_id if link else None
        if person_id is None:
            person_id = next((self.identities[i] for i in identities if i in self.identities), None)
        if person_id is None:
            person = Person.objects.create(
                workspace=self.workspace,
                name=record.name[:200],
                organisation=self._organisation(record.organisation),
                title=record.title[:200],
                about=record.note,
            )
            self.report.people_created += 1
            changed = True
        else:
            person = Person.objects.get(pk=person_id)
            changed = self._fill_in(person, record)
        for kind_value in identities:
            if kind_value not in self.identities:
                Identity.objects.create(
                    workspace=self.workspace, person=person, kind=kind_value[0], value=kind_value[1]
                )
                self.identities[kind_value] = person.pk
                changed = True
        for kind, when in (
            (ImportantDate.Kind.BIRTHDAY, record.birthday),
            (ImportantDate.Kind.ANNIVERSARY, record.anniversary),
        ):
            if when is not None:
                changed |= self._remember_date(person, kind, when)
        if link is None:
            ExternalContact.objects.create(
                workspace=self.workspace, person=person, source=self.source, key=key
            )
        if changed or link is None:
            self.report.imported += 1
        else:
            self.report.duplicates += 1

    def _organisation(self, name: str) -> Organisation | None:
        name = " ".join(name.split())[:200]
        if not name:
            return None
        existing = Organisation.objects.filter(workspace=self.workspace, name__iexact=name).first()
        return existing or Organisation.objects.create(workspace=self.workspace, name=name)

    def _fill_in(self, person: Person, record: ContactRecord) -> bool:
        """Add what the card knows and the notebook does not; never overwrite the user's words."""
        changed = False
        if not person.organisation_id and record.organisation:
            person.organisation = self._organisation(record.organisation)
            changed = True
        if not person.title and record.title:
            person.title = record.title[:200]
            changed = True
        if not person.about and record.note:
            person.about = record.note
            changed = True
        if changed:
            person.save()
        return changed

    def _remember_date(self, person: Person, kind: str, when: PartialDate) -> bool:
        _, created = ImportantDate.objects.get_or_create(
            workspace=self.workspace,
            person=person,
            kind=kind,
            label="",
            defaults={"month": when.month, "day": when.day, "year": when.year},
        )
        return created


def import_records(
    *,
    workspace: Workspace,
    user: User | None,
    source: str,
    name: str,
    items: Iterable[Record | Rejected],
    also_me: Iterable[str] = (),
) -> ImportReport:
    """Store every good item of one source and report on every item; keeps a history row."""
    run = ImportRun.objects.create(workspace=workspace, user=user, source=source, name=name[:300])
    loader = Loader(workspace=workspace, user=user, source=source, also_me=also_me)
    return import_finish(run=run, report=loader.feed(items))


def import_finish(*, run: ImportRun, report: ImportReport) -> ImportReport:
    """After new mail: rebuild who waits on whom, look for promises, record the run."""
    if report.imported:
        courtesy_refresh(workspace=run.workspace)
        commitments_detect_recent(workspace=run.workspace)
        help_detect_recent(workspace=run.workspace)
        verdicts_refresh(workspace=run.workspace)
    run.finished_at = timezone.now()
    run.report = {**report.as_json(), "people_created": report.people_created}
    run.save(update_fields=["finished_at", "report"])
    return report
