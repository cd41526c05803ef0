"""Triage of inbound messages from people, corrections, and the local retrain.

Every message a person sends me (in the detection window) gets a verdict: automated from
its headers, else genuine / pitch / reciprocity from the language model with the rules'
evidence. A correction is the user's word and always wins; `outreach_retrain` learns
from the corrections into a model file in the data directory, never the package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Min, QuerySet
from django.utils import timezone

from carefor.conversations.models import Interaction, Participant
from carefor.language.senders import stored_message_not_personal
from carefor.outreach.models import LintSilence, MessageVerdict
from carefor.people.models import MyIdentity
from carefor.teams.models import User, Workspace

DETECTION_WINDOW_DAYS = 90
# Each correction counts this many times when retraining: one user's word should move the
# model more than one of the thousand examples it started from.
CORRECTION_WEIGHT = 5


def local_model_path(workspace: Workspace) -> Path:
    return Path(settings.DATA_DIR) / "models" / f"agenda-workspace-{workspace.pk}.joblib"


def _automated_reason(meta: dict, subject: str, mine: frozenset[str]) -> str | None:
    if not meta:
        return None  # typed in, or the demo: a person wrote it
    return stored_message_not_personal(meta, subject=subject, my_addresses=mine)


def verdicts_refresh(
    *,
    workspace: Workspace,
    days: int = DETECTION_WINDOW_DAYS,
    batch: int = 500,
    only: list[int] | None = None,
) -> int:
    """Give a verdict to every inbound message of the window (or exactly the messages in
    `only`) that has none; returns how many. Existing verdicts and corrections are kept."""
    from carefor.language.agenda_model import classify

    mine = frozenset(
        v.lower()
        for v in MyIdentity.objects.filter(workspace=workspace, kind="email").values_list(
            "value", flat=True
        )
    )
    pending = Interaction.objects.filter(
        workspace=workspace,
        kind=Interaction.Kind.MESSAGE,
        direction=Interaction.Direction.INBOUND,
        verdict__isnull=True,
    )
    if only is not None:
        pending = pending.filter(pk__in=only)
    else:
        pending = pending.filter(occurred_at__gte=timezone.now() - timedelta(days=days))
    pending = pending.only("id", "subject", "body", "meta", "occurred_at").order_by(
        "occurred_at", "id"
    )
    senders = dict(
        Participant.objects.filter(
            workspace=workspace, role=Participant.Role.FROM, interaction__in=pending
        ).values_list("interaction_id", "person_id")
    )
    # A first contact: the person's earliest interaction with me is this message.
    first_seen = dict(
        Participant.objects.filter(workspace=workspace, person_id__in=set(senders.values()))
        .values("person_id")
        .annotate(first=Min("interaction__occurred_at"))
        .values_list("person_id", "first")
    )
    local = local_model_path(workspace)
    model_path = local if local.exists() else None
    created = 0
    rows = list(pending)
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        verdicts: list[MessageVerdict] = []
        to_classify = []
        for message in chunk:
            person = senders.get(message.pk)
            first = person is not None and first_seen.get(person) == message.occurred_at
            reason = _automated_reason(message.meta, message.subject, mine)
            if reason:
                verdicts.append(
                    MessageVerdict(
                        workspace=workspace, interaction=message, verdict="automated",
                        first_contact=first, found_by="headers", reason=reason,
                    )
                )  # fmt: skip
            else:
                to_classify.append((message, first))
        triaged = classify(
            [(m.subject, m.body, first) for m, first in to_classify], model_path=model_path
        )
        for (message, first), triage in zip(to_classify, triaged, strict=True):
            verdicts.append(
                MessageVerdict(
                    workspace=workspace,
                    interaction=message,
                    verdict=triage.verdict,
                    evidence=[
                        {
                            "text": e.text,
                            "start": e.start,
                            "end": e.end,
                            "rule": e.rule,
                            "why": e.why,
                        }
                        for e in triage.evidence
                    ],
                    probability=triage.probability,
                    first_contact=first,
                    found_by="local model" if model_path else "model",
                )
            )
        MessageVerdict.objects.bulk_create(verdicts, ignore_conflicts=True)
        created += len(verdicts)
    return created


def verdict_correct(
    *, workspace: Workspace, user: User, verdict_id: int, verdict: str
) -> MessageVerdict:
    """The user's verdict; kept, shown instead of the detector's, and learnt from."""
    if verdict not in MessageVerdict.Verdict.values or verdict == MessageVerdict.Verdict.UNSURE:
        raise ValueError(f"Unknown verdict {verdict!r}.")
    row = MessageVerdict.objects.get(workspace=workspace, pk=verdict_id)
    # Kept even when it agrees with the detector: a confirmation is the user's word too,
    # and retraining must neither forget it nor let the model flip it.
    row.corrected_verdict = verdict
    row.corrected_by, row.corrected_at = user, timezone.now()
    row.save(update_fields=["corrected_verdict", "corrected_by", "corrected_at"])
    return row


@dataclass(frozen=True)
class RetrainReport:
    corrections: int
    trained_on: int
    reclassified: int
    path: Path


def outreach_retrain(
    *, workspace: Workspace, progress: Callable[[str], None] | None = None
) -> RetrainReport:
    """Retrain on the shipped training messages plus this workspace's corrections, save the
    model in the data directory, and re-triage every verdict nobody corrected."""
    from carefor.language.agenda_model import Message, load_examples, train, write_model

    say = progress or (lambda _: None)
    corrected = (
        MessageVerdict.objects.filter(workspace=workspace)
        .exclude(corrected_verdict="")
        .exclude(corrected_verdict="automated")
        .select_related("interaction")
    )
    extra = [
        Message(
            id=f"local-{v.pk}",
            label=v.corrected_verdict,
            first_contact=v.first_contact,
            subject=v.interaction.subject,
            body=v.interaction.body,
        )
        for v in corrected
    ]
    examples = [m for m in load_examples() if m.split == "train"]
    say(f"Training on {len(examples)} messages and {len(extra)} corrections…")
    pipeline = train(examples + extra * CORRECTION_WEIGHT)
    path = local_model_path(workspace)
    write_model(pipeline, path)
    say("Re-reading messages with the retrained model…")
    with transaction.atomic():
        stale = MessageVerdict.objects.filter(
            workspace=workspace, corrected_verdict="", found_by__in=["model", "local model"]
        )
        ids = list(stale.values_list("interaction_id", flat=True))
        stale.delete()
        # Exactly the messages whose verdict was dropped are read again, however old.
        count = verdicts_refresh(workspace=workspace, only=ids)
    return RetrainReport(len(extra), len(examples) + len(extra), count, path)


def outreach_list(
    *, workspace: Workspace, verdict: str | None = None, first_contact_only: bool = True
) -> QuerySet[MessageVerdict]:
    rows = MessageVerdict.objects.filter(workspace=workspace).select_related(
        "interaction", "corrected_by"
    )
    if first_contact_only:
        rows = rows.filter(first_contact=True)
    if verdict:
        rows = rows.filter(verdict=verdict, corrected_verdict="") | rows.filter(
            corrected_verdict=verdict
        )
    return rows.order_by("-interaction__occurred_at")


def lint_silenced(*, workspace: Workspace, user: User) -> frozenset[str]:
    return frozenset(
        LintSilence.objects.filter(workspace=workspace, user=user).values_list("rule", flat=True)
    )


def lint_silence_set(*, workspace: Workspace, user: User, rule: str, silenced: bool) -> None:
    from carefor.language.agenda import LINT_RULES

    if rule not in LINT_RULES:
        raise ValueError(f"Unknown rule {rule!r}.")
    if silenced:
        LintSilence.objects.get_or_create(workspace=workspace, user=user, rule=rule)
    else:
        LintSilence.objects.filter(workspace=workspace, user=user, rule=rule).delete()
