"""`carefor outreach` and `carefor retrain`: inbound first contacts by verdict, and
learning from the user's corrections. Registered on the main group by carefor.cli."""

from __future__ import annotations

import json

import click

from carefor.cli import (
    main,
    needs_database,
    resolve_user,
    resolve_workspace,
    user_option,
    workspace_option,
)

VERDICTS = ("genuine", "pitch", "reciprocity", "unsure", "automated")


@main.command("outreach")
@click.option("--verdict", type=click.Choice(VERDICTS), help="Only this verdict.")
@click.option(
    "--all", "everyone", is_flag=True, help="Everyone who wrote, not only first contacts."
)
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def outreach_command(
    verdict: str | None,
    everyone: bool,
    user_email: str | None,
    workspace: str | None,
    as_json: bool,
) -> None:
    """People writing to you for the first time, read for help with strings attached:
    genuine, pitch, reciprocity (strings attached), unsure (yours to judge) or automated,
    each with its evidence."""
    from carefor.outreach.services import outreach_list, verdicts_refresh

    space = resolve_workspace(resolve_user(user_email), workspace)
    verdicts_refresh(workspace=space)
    rows = list(
        outreach_list(
            workspace=space, verdict=verdict, first_contact_only=not everyone
        ).select_related("interaction")[:500]
    )
    if as_json:
        payload = {
            "messages": [
                {
                    "id": r.pk,
                    "date": r.interaction.occurred_at.date().isoformat(),
                    "from": (r.interaction.meta or {}).get("from", ""),
                    "person": _sender(r),
                    "subject": r.interaction.subject,
                    "verdict": r.shown,
                    "detected": r.verdict,
                    "corrected": bool(r.corrected_verdict),
                    "first_contact": r.first_contact,
                    "evidence": [
                        {"text": e["text"], "rule": e["rule"], "why": e["why"]} for e in r.evidence
                    ],
                    "reason": r.reason,
                }
                for r in rows
            ]
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("Nothing here.")
    for r in rows:
        sender = _sender(r) or (r.interaction.meta or {}).get("from", "") or "someone"
        click.echo(
            f"[{r.shown}] {r.interaction.occurred_at:%Y-%m-%d} {sender}: {r.interaction.subject}"
        )
        for e in r.evidence:
            click.echo(f"    “{e['text']}” — {e['why']}")


def _sender(row: object) -> str:
    for participant in row.interaction.participants.all():  # type: ignore[attr-defined]
        if participant.role == "from":
            return participant.person.name
    return ""


@main.command("retrain")
@user_option
@workspace_option
@needs_database
def retrain_command(user_email: str | None, workspace: str | None) -> None:
    """Learn from your corrections on the Outreach page: retrain the outreach model locally
    (shipped training messages plus your corrections) and read the messages again."""
    from carefor.outreach.services import outreach_retrain

    space = resolve_workspace(resolve_user(user_email), workspace)
    report = outreach_retrain(workspace=space, progress=click.echo)
    if not report.corrections:
        click.echo("No corrections yet: the retrained model is the shipped one, trained again.")
    click.echo(
        f"Retrained on {report.trained_on} messages ({report.corrections} corrections of yours); "
        f"read {report.reclassified} messages again. Model: {report.path}"
    )
