"""`carefor help-log` and `carefor intro`: help given and received, and introductions.

Registered on the main group by carefor.cli; thin like the rest of the CLI.
"""

from __future__ import annotations

import json
import smtplib
from datetime import date
from typing import Any

import click

from carefor.care.intro_flow import Event
from carefor.cli import (
    _one_person,
    main,
    needs_database,
    resolve_user,
    resolve_workspace,
    user_option,
    workspace_option,
)

KINDS = ("advice", "introduction", "referral", "mentorship", "promotion", "candidate", "work",
         "time", "other")  # fmt: skip


@main.group("help-log")
def help_log_group() -> None:
    """Help given and received — to thank, follow up and pay forward. Never a balance."""


@help_log_group.command("list")
@click.option("--person", metavar="PERSON", help="Only help with this person (name, email or #id).")
@click.option(
    "--direction", type=click.Choice(["given", "received", "between"]), help="Only one direction."
)
@click.option("--proposed", is_flag=True, help="Detected help waiting for confirmation instead.")
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def help_log_list(
    person: str | None,
    direction: str | None,
    proposed: bool,
    user_email: str | None,
    workspace: str | None,
    as_json: bool,
) -> None:
    """Help, newest first: what, between whom, when, and what came of it."""
    from carefor.care.help import help_as_json, help_log
    from carefor.care.models import Help

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    who = _one_person(space, person) if person else None
    state = Help.State.SUGGESTED if proposed else Help.State.CONFIRMED
    items = list(
        help_log(workspace=space, user=account, person=who, direction=direction, states=[state])
    )
    if as_json:
        click.echo(
            json.dumps({"help": [help_as_json(h) for h in items]}, indent=2, ensure_ascii=False)
        )
        return
    if not items:
        click.echo("No help kept yet." if not proposed else "Nothing detected to confirm.")
    for h in items:
        if h.direction == "given":
            line = f"you → {h.receiver.name}"
        elif h.direction == "received":
            line = f"{h.giver.name} → you"
        else:
            line = f"{h.giver.name} → {h.receiver.name}"
        outcome = f" — came of it: {h.outcome}" if h.outcome else ""
        click.echo(f"#{h.pk} {h.happened_on.isoformat()} [{h.kind}] {line}: {h.what}{outcome}")


@help_log_group.command("add")
@click.argument("direction", type=click.Choice(["given", "received", "between"]))
@click.argument("person")
@click.argument("what")
@click.option("--to", "other", metavar="PERSON", help="For 'between': whom PERSON helped.")
@click.option("--kind", type=click.Choice(KINDS), default="other", show_default=True)
@click.option("--on", "happened_on", type=click.DateTime(formats=["%Y-%m-%d"]), help="YYYY-MM-DD.")
@click.option("--outcome", default="", help="What came of it, if you know.")
@user_option
@workspace_option
@needs_database
def help_log_add(
    direction: str,
    person: str,
    what: str,
    other: str | None,
    kind: str,
    happened_on: Any,
    outcome: str,
    user_email: str | None,
    workspace: str | None,
) -> None:
    """Keep a help: `given` (I helped PERSON), `received` (PERSON helped me) or `between`
    (PERSON helped --to PERSON, and I made it possible)."""
    from carefor.care.help import help_add

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    who = _one_person(space, person)
    if direction == "between" and not other:
        raise click.UsageError("Say whom they helped with --to PERSON.")
    giver, receiver = {
        "given": (None, who),
        "received": (who, None),
        "between": (who, _one_person(space, other) if other else None),
    }[direction]
    try:
        item = help_add(
            workspace=space,
            user=account,
            giver=giver,
            receiver=receiver,
            kind=kind,
            what=what,
            happened_on=happened_on.date() if happened_on else None,
            outcome=outcome,
        )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Kept help #{item.pk}.")


@main.group("intro")
def intro_group() -> None:
    """Double-opt-in introductions: propose, ask each person, introduce, ask how it went."""


def _intro_json(intro: Any) -> dict[str, object]:
    from carefor.care.intro_flow import allowed_events, describe

    return {
        "id": intro.pk,
        "a": intro.person_a.name,
        "b": intro.person_b.name,
        "why_a": intro.why_a,
        "why_b": intro.why_b,
        "state": intro.state,
        "status": describe(intro.state, intro.person_a.name, intro.person_b.name),
        "next": [e.value for e in allowed_events(intro.state)],
        "introduced_on": intro.introduced_at.date().isoformat() if intro.introduced_at else None,
        "outcome_due": intro.outcome_due.isoformat() if intro.outcome_due else None,
        "outcome": intro.outcome,
    }


def _get_intro(space: Any, intro_id: int) -> Any:
    from carefor.care.models import Introduction

    intro = (
        Introduction.objects.filter(workspace=space, pk=intro_id)
        .select_related("person_a", "person_b")
        .first()
    )
    if intro is None:
        raise click.ClickException(f"There is no introduction #{intro_id} in {space.name}.")
    return intro


@intro_group.command("propose")
@click.argument("a")
@click.argument("b")
@click.option("--why-a", default="", help="Why meeting B matters to A (A is asked first).")
@click.option("--why-b", default="", help="Why meeting A matters to B.")
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def intro_propose_command(
    a: str,
    b: str,
    why_a: str,
    why_b: str,
    user_email: str | None,
    workspace: str | None,
    as_json: bool,
) -> None:
    """Propose introducing A and B (names, emails or #ids); A is asked first."""
    from carefor.care.introductions import intro_propose

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    try:
        intro = intro_propose(
            workspace=space,
            user=account,
            a=_one_person(space, a),
            b=_one_person(space, b),
            why_a=why_a,
            why_b=why_b,
        )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(_intro_json(intro), indent=2, ensure_ascii=False))
    else:
        click.echo(
            f"Proposed introduction #{intro.pk}: {intro.person_a.name} ↔ {intro.person_b.name}."
        )
        click.echo(f"Next: carefor intro step {intro.pk} ask_a")


@intro_group.command("list")
@click.option("--all", "show_all", is_flag=True, help="Closed ones too.")
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def intro_list_command(
    show_all: bool, user_email: str | None, workspace: str | None, as_json: bool
) -> None:
    """Introductions in progress (with --all, closed ones too), oldest first."""
    from carefor.care.introductions import intros_open
    from carefor.care.models import Introduction

    space = resolve_workspace(resolve_user(user_email), workspace)
    rows = (
        Introduction.objects.filter(workspace=space)
        .select_related("person_a", "person_b")
        .order_by("created_at")
        if show_all
        else intros_open(workspace=space)
    )
    data = [_intro_json(i) for i in rows]
    if as_json:
        click.echo(json.dumps({"introductions": data}, indent=2, ensure_ascii=False))
        return
    if not data:
        click.echo("No introductions in progress.")
    for d in data:
        click.echo(f"#{d['id']} {d['a']} ↔ {d['b']}: {d['status']}  (next: {', '.join(d['next'])})")


@intro_group.command("show")
@click.argument("intro_id", type=int)
@user_option
@workspace_option
@needs_database
def intro_show_command(intro_id: int, user_email: str | None, workspace: str | None) -> None:
    """Where an introduction stands, and the draft of the next message to send."""
    from carefor.care.intro_flow import SENDING, allowed_events
    from carefor.care.introductions import intro_draft

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    intro = _get_intro(space, intro_id)
    data = _intro_json(intro)
    click.echo(f"#{intro.pk} {data['a']} ↔ {data['b']}: {data['status']}")
    if intro.why_a:
        click.echo(f"Why, for {data['a']}: {intro.why_a}")
    if intro.why_b:
        click.echo(f"Why, for {data['b']}: {intro.why_b}")
    sending = next((e for e in allowed_events(intro.state) if e in SENDING), None)
    if sending:
        draft = intro_draft(intro=intro, event=sending, me=account.name or account.email)
        click.echo(f"\nDraft for `{sending.value}` — to {', '.join(draft.to) or '(no address)'}")
        click.echo(f"Subject: {draft.subject}\n\n{draft.body}")
    click.echo(f"\nNext: {', '.join(data['next']) or 'nothing (closed)'}")


@intro_group.command("step")
@click.argument("intro_id", type=int)
@click.argument("event", type=click.Choice([e.value for e in Event]))
@click.option("--note", default="", help="For outcome: what came of it; otherwise a note.")
@click.option("--send", is_flag=True, help="Mail the drafted message through the SMTP server.")
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def intro_step_command(
    intro_id: int,
    event: str,
    note: str,
    send: bool,
    user_email: str | None,
    workspace: str | None,
    as_json: bool,
) -> None:
    """Move an introduction on. ask_a / ask_b / introduce record the drafted message (as
    sent by you, or with --send from here); the answers record what they said."""
    from carefor.care.intro_flow import IntroError
    from carefor.care.introductions import intro_step

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    intro = _get_intro(space, intro_id)
    try:
        result = intro_step(
            workspace=space, user=account, intro_id=intro.pk, event=event, note=note, send=send,
            today=date.today(),
        )  # fmt: skip
    except IntroError as exc:
        raise click.ClickException(str(exc)) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise click.ClickException(
            f"The SMTP server refused or could not be reached: {exc}"
        ) from None
    data = _intro_json(result.intro)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    sent = " (sent)" if result.sent else ""
    click.echo(f"#{data['id']} {data['a']} ↔ {data['b']}: {data['status']}{sent}")
