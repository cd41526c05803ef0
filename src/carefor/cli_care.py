"""`carefor today`, `brief`, `note` and `review`: the daily care commands.

Registered on the main group by carefor.cli; thin like the rest of the CLI.
"""

from __future__ import annotations

import json
import smtplib
from datetime import date
from typing import Any

import click

from carefor.cli import (
    _one_person,
    main,
    needs_database,
    resolve_user,
    resolve_workspace,
    user_option,
    workspace_option,
)

KIND_TITLES = {
    "promise": "Promises due",
    "waiting_on": "They said they would",
    "follow_up": "Follow-ups",
    "reply": "Waiting on your reply",
    "thank": "Say thank you",
    "introduction": "Introductions",
    "date": "Dates coming up",
    "keep_in_touch": "Keep in touch",
}


@main.command("today")
@user_option
@workspace_option
@click.option(
    "--everyone", is_flag=True, help="In a team: everyone's people, not only the ones I care for."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def today_command(
    user_email: str | None, workspace: str | None, everyone: bool, as_json: bool
) -> None:
    """The daily care queue: promises due, follow-ups, who waits on my reply, dates this
    week and people past their keep-in-touch cadence. Each item says why it is there.
    In a team it is for the people I care for (and my own promises), unless --everyone."""
    from carefor.care.scope import scope_for
    from carefor.care.today import today_queue

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    scope = scope_for(workspace=space, user=account, everyone=everyone)
    queue = today_queue(workspace=space, user=account, scope=scope)
    if as_json:
        payload = {
            "date": queue.date.isoformat(),
            "items": [item.as_json() for item in queue.items],
            "more_replies": queue.more_replies,
            "scope": "my_people" if scope.mine else "everyone",
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    click.echo(f"Today, {queue.date:%A %-d %B %Y}")
    if scope.mine:
        click.echo(
            f"For the {scope.cares_for} people you care for, and your own promises"
            " (--everyone for the whole workspace)."
        )
    if not queue.items:
        click.echo("\nNothing needs you today. A calm day is a good day to write to someone.")
    for kind, items in queue.by_kind().items():
        if not items:
            continue
        click.echo(f"\n{KIND_TITLES[kind]} ({len(items)})")
        for item in items:
            # Dates and keep-in-touch items already name the person in their title.
            named = item.kind in ("date", "keep_in_touch") or not item.person
            click.echo(f"  - {'' if named else item.person + ': '}{item.title}")
            click.echo(f"    {item.why}")
    if queue.more_replies:
        click.echo(f"\n{queue.more_replies} more wait on your reply: carefor awaiting --mine")


@main.command("brief")
@click.argument("person")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="Markdown to read or print, or JSON (docs/cli.md).",
)
@user_option
@workspace_option
@needs_database
def brief_command(person: str, fmt: str, user_email: str | None, workspace: str | None) -> None:
    """Before you meet PERSON (a name, an email address or #id): who they are, what
    matters to them and why, recent conversations, open promises, dates, questions to ask."""
    from carefor.care.brief import brief_as_json, brief_as_markdown, person_brief

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    who = _one_person(space, person)
    brief = person_brief(workspace=space, user=account, person=who)
    if fmt == "json":
        click.echo(json.dumps(brief_as_json(brief), indent=2, ensure_ascii=False))
    else:
        click.echo(brief_as_markdown(brief), nl=False)


def _describe_proposal(kind: str, obj: Any) -> str:
    if kind == "matter":
        why = f" — why: {obj.why}" if obj.why else ""
        seen_by = "" if obj.visibility == "workspace" else f" [{obj.get_visibility_display()}]"
        return f"Matters ({obj.kind}){seen_by}: {obj.what}{why}"
    if kind == "life_event":
        follow = obj.follow_ups.first()
        then = f" — then: {follow.what} on {follow.due:%-d %b %Y}" if follow and follow.due else ""
        return f"Life event: {obj.what}{then}"
    if kind == "follow_up":
        when = f" (on {obj.due:%-d %b %Y})" if obj.due else " (next time you meet)"
        return f"Follow-up: {obj.what}{when}"
    if kind == "help":
        who = {
            "given": f"you helped {obj.receiver.name if obj.receiver else ''}",
            "received": f"{obj.giver.name if obj.giver else ''} helped you",
            "between": f"{obj.giver.name if obj.giver else ''} helped "
            f"{obj.receiver.name if obj.receiver else ''}",
        }[obj.direction]
        return f"Help ({obj.kind}, {who}): {obj.what}"
    due = f" (due {obj.due:%-d %b %Y})" if obj.due else ""
    return f"{obj.get_kind_display()}: {obj.what}{due}"


@main.command("note")
@click.argument("person")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--yes", is_flag=True, help="Confirm everything carefor proposes.")
@click.option(
    "--seen-by",
    type=click.Choice(["private", "carers", "workspace"]),
    default="workspace",
    show_default=True,
    help="Who besides me sees the note: only me, the person's carers, or everyone.",
)
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def note_command(
    person: str,
    source: Any,
    yes: bool,
    seen_by: str,
    user_email: str | None,
    workspace: str | None,
    as_json: bool,
) -> None:
    """Quick capture: save a note about PERSON from FILE (or - for standard input), then
    propose the matters, promises, life events and follow-ups it mentions.

    Proposals wait for confirmation: answer each when asked (from a terminal), confirm
    them all with --yes, or later on the person's page."""
    import sys

    from carefor.care.capture import note_capture, proposal_decide

    text = source.read()
    if not text.strip():
        raise click.ClickException("The note is empty; write what you talked about.")
    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    who = _one_person(space, person)
    proposals = note_capture(
        workspace=space, person=who, author=account, body=text, visibility=seen_by
    )
    items = [
        *(("matter", m) for m in proposals.matters),
        *(("life_event", e) for e in proposals.life_events),
        *(("follow_up", f) for f in proposals.follow_ups),
        *(("commitment", c) for c in proposals.commitments),
        *(("help", h) for h in proposals.help),
    ]
    interactive = not yes and not as_json and source is not sys.stdin and sys.stdin.isatty()
    decided: dict[tuple[str, int], str] = {}
    if not as_json:
        click.echo(f"Saved a note about {who.name}.")
        if items:
            click.echo(f"carefor found {len(items)} thing(s) to keep:")
    for kind, obj in items:
        line = _describe_proposal(kind, obj)
        about = getattr(obj, "person", None)
        if about is not None and about.pk != who.pk:
            line = f"[{about.name}] {line}"  # a note may name someone else
        accept: bool | None = True if yes else None
        if interactive:
            accept = click.confirm(f"  {line}\n    Keep it?", default=True)
        if accept is not None:
            proposal_decide(
                workspace=space, user=account, kind=kind, object_id=obj.pk, accept=accept
            )
        decided[(kind, obj.pk)] = {True: "confirmed", False: "dismissed", None: "proposed"}[accept]
        if not as_json and not interactive:
            click.echo(f"  - {line}" + (" ✓" if accept else ""))
    if as_json:
        payload = {
            "note": {"id": proposals.note.pk, "person": who.name},
            "proposals": [
                {
                    "kind": kind,
                    "id": obj.pk,
                    "text": _describe_proposal(kind, obj),
                    "person": getattr(getattr(obj, "person", None), "name", who.name),
                    "state": decided[(kind, obj.pk)],
                }
                for kind, obj in items
            ],
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    elif items and not yes and not interactive:
        click.echo("Confirm them on the person's page, or run again with --yes.")


@main.command("review")
@click.option("--send", is_flag=True, help="Mail it through the configured SMTP server.")
@click.option("--to", metavar="EMAIL", help="Send to this address instead of your own.")
@user_option
@workspace_option
@needs_database
def review_command(
    send: bool, to: str | None, user_email: str | None, workspace: str | None
) -> None:
    """The weekly review: who you cared for this week, promises kept, whom you have not
    been in touch with, matters worth asking about again. --send mails it (for cron)."""
    from carefor.care.digest import DigestNotConfigured
    from carefor.care.review import review_send, review_text, weekly_review

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    if not send:
        click.echo(review_text(weekly_review(workspace=space, user=account)), nl=False)
        return
    try:
        review_send(workspace=space, user=account, today=date.today(), to=to)
    except DigestNotConfigured as exc:
        raise click.ClickException(str(exc)) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise click.ClickException(
            f"The SMTP server refused or could not be reached: {exc}"
        ) from None
    click.echo(f"Sent to {to or account.email}.")
