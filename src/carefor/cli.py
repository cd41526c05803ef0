"""The `carefor` command: a thin click layer over the services.

Each command parses its arguments, calls one service or selector, and prints the
result. User mistakes end in a one-line message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import errno
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from carefor import __version__
from carefor.config.env import ConfigError

F = TypeVar("F", bound=Callable[..., Any])


def needs_database(func: F) -> F:
    """Start Django, reach the database and bring its schema up to date before the command."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            from carefor.config.bootstrap import database_check, django_setup

            django_setup()
            database_check()
        except ConfigError as exc:
            raise click.ClickException(str(exc)) from None
        _migrate_if_needed()
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _migrate_if_needed() -> None:
    """Bring the schema up to date; the common case (nothing to do) costs a millisecond."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def resolve_user(email: str | None) -> Any:
    from carefor.teams.models import User

    if email:
        user = User.objects.filter(email=email.strip().lower(), is_active=True).first()
        if user is None:
            raise click.ClickException(f"There is no active account for {email}.")
        return user
    users = list(User.objects.filter(is_active=True)[:2])
    if not users:
        raise click.ClickException(
            "There is no account yet. Run `carefor serve` and open the setup link it prints, "
            "or create one with `carefor user create EMAIL --name NAME`."
        )
    if len(users) > 1:
        raise click.ClickException("There are several accounts; choose one with --user EMAIL.")
    return users[0]


def resolve_workspace(user: Any, slug: str | None) -> Any:
    from carefor.teams.selectors import workspaces_for_user

    workspaces = workspaces_for_user(user=user)
    if slug:
        workspace = workspaces.filter(slug=slug).first()
        if workspace is None:
            known = ", ".join(w.slug for w in workspaces) or "none"
            raise click.ClickException(
                f"{user.email} is not in a workspace called {slug!r}. Their workspaces: {known}."
            )
        return workspace
    own = [w for w in workspaces if not w.is_demo] or list(workspaces)
    if not own:
        raise click.ClickException(f"{user.email} does not belong to any workspace yet.")
    if len(own) > 1:
        known = ", ".join(w.slug for w in own)
        raise click.ClickException(f"Choose a workspace with --workspace ({known}).")
    return own[0]


user_option = click.option(
    "--user", "user_email", metavar="EMAIL", help="Whose account (when there are several)."
)
workspace_option = click.option(
    "--workspace", metavar="SLUG", help="Which workspace (when there are several)."
)


@click.group(name="carefor", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="carefor")
def main() -> None:
    """carefor: a private relationship notebook for people who would rather care for
    someone than keep score. Your data stays in CAREFOR_DATA_DIR (or DATABASE_URL)."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64))
@needs_database
def serve(host: str, port: int, threads: int) -> None:
    """Run the web app with the waitress WSGI server (migrating the database first)."""
    from waitress import create_server

    from carefor.config.wsgi import application
    from carefor.teams.services import setup_needed, setup_token_issue

    try:
        server = create_server(application, host=host, port=port, threads=threads)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise click.ClickException(
                f"Port {port} on {host} is already in use. Stop the other program or choose "
                f"another port, for example: carefor serve --port {port + 1}"
            ) from None
        raise click.ClickException(f"Cannot listen on {host}:{port}: {exc.strerror}.") from None

    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104
    url = f"http://{shown_host}:{port}/"
    click.echo(f"carefor {__version__} is running at {url}  (Ctrl+C to stop)")
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.secho(
            f"Warning: listening on {host} makes carefor reachable from other machines. "
            "Serve it behind HTTPS (see docs/deploy.md) before you do that with real data.",
            fg="yellow",
            err=True,
        )
    if setup_needed():
        token = setup_token_issue()
        click.echo("\nFirst run: create your account by opening this one-time link:\n")
        click.secho(f"    {url}setup/?token={token}\n", bold=True)
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("\nStopped.")


@main.command()
@user_option
@needs_database
def demo(user_email: str | None) -> None:
    """Load the demo notebook: about 40 made-up people and a year of conversations.

    It is a workspace of its own, kept apart from your real notebook. Running it again
    changes nothing.
    """
    from carefor.demo.loader import demo_load, demo_workspace
    from carefor.teams.models import User

    owner = resolve_user(user_email) if user_email or User.objects.exists() else None
    if demo_workspace() is not None:
        workspace = demo_load(owner=owner)
        click.echo(f"The demo notebook is already loaded ({workspace.name}).")
        return
    with click.progressbar(length=1, label="Loading the demo notebook", file=sys.stderr) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        workspace = demo_load(owner=owner, progress=progress)
    people = workspace.people.count()
    interactions = workspace.interactions.count()
    click.echo(f"Loaded {workspace.name}: {people} people, {interactions} interactions.")
    if owner is None:
        click.echo("Run `carefor serve` and complete setup; the demo notebook will be yours.")
    else:
        click.echo("Open carefor and choose it from the Notebook menu at the top.")


@main.group()
def me() -> None:
    """The addresses that are you: they tell carefor which messages you sent."""


@me.command("add")
@click.argument("address")
@user_option
@workspace_option
@needs_database
def me_add(address: str, user_email: str | None, workspace: str | None) -> None:
    """Declare ADDRESS (an email, phone or profile URL) as one of yours."""
    from carefor.people.identities import IdentityError
    from carefor.people.services import IdentityConflict, my_identity_add

    user = resolve_user(user_email)
    space = resolve_workspace(user, workspace)
    try:
        identity, created = my_identity_add(workspace=space, user=user, text=address)
    except (IdentityError, IdentityConflict) as exc:
        raise click.ClickException(str(exc)) from None
    if created:  # which mail is mine has changed: who waits on whom changes with it
        from carefor.conversations.courtesy import courtesy_refresh
        from carefor.conversations.services import directions_refresh

        directions_refresh(workspace=space)
        courtesy_refresh(workspace=space)
    verb = "Added" if created else "Already known:"
    click.echo(f"{verb} {identity.value} ({identity.kind}) as yours in {space.name}.")


@me.command("list")
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (see docs/cli.md).")
@needs_database
def me_list(user_email: str | None, workspace: str | None, as_json: bool) -> None:
    """List the addresses that are yours."""
    from carefor.people.selectors import my_identities

    user = resolve_user(user_email)
    space = resolve_workspace(user, workspace)
    identities = list(my_identities(workspace=space, user=user))
    if as_json:
        rows = [{"kind": i.kind, "value": i.value} for i in identities]
        click.echo(json.dumps({"workspace": space.slug, "identities": rows}, indent=2))
    elif not identities:
        click.echo(f"No addresses yet in {space.name}. Add one: carefor me add you@example.org")
    else:
        for identity in identities:
            click.echo(f"{identity.kind:<7} {identity.value}")


@main.group()
def user() -> None:
    """Accounts that can sign in."""


@user.command("create")
@click.argument("email")
@click.option("--name", required=True, help="The person's name, as shown in carefor.")
@click.option("--workspace", metavar="SLUG", help="Join this workspace instead of creating one.")
@click.option(
    "--role",
    type=click.Choice(["owner", "manager", "member", "viewer"]),
    default="owner",
    show_default=True,
    help="Role in the workspace.",
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@needs_database
def user_create_command(
    email: str, name: str, workspace: str | None, role: str, password_stdin: bool
) -> None:
    """Create an account that signs in with EMAIL.

    Without --workspace the account gets a new workspace of its own, as its owner.
    """
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from carefor.teams.models import Workspace
    from carefor.teams.services import membership_add, user_create, workspace_create

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    target = None
    if workspace:
        target = Workspace.objects.filter(slug=workspace).first()
        if target is None:
            raise click.ClickException(f"There is no workspace called {workspace!r}.")
    try:
        with transaction.atomic():
            account = user_create(email=email, name=name, password=password)
            if target is None:
                target, role = workspace_create(name=f"{name}'s notebook", owner=account), "owner"
            else:
                membership_add(workspace=target, user=account, role=role)
    except ValidationError as exc:
        raise click.ClickException(" ".join(exc.messages)) from None
    click.echo(f"Created {account.email}, {role} of {target.name} ({target.slug}).")


# --- import -------------------------------------------------------------------------


@main.group("import")
def import_group() -> None:
    """Bring people and conversations in from files. Re-running an import adds nothing twice.

    Exit codes: 0 every item was fine, 3 some items were rejected (listed), 1 the source
    could not be read at all.
    """


def _progress_reporter(label: str) -> tuple[Any, Callable[[int, int], None]]:
    """A rich progress bar on standard error when it is a terminal; silent otherwise."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(stderr=True)
    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not console.is_terminal,
        transient=True,
    )
    task = bar.add_task(label, total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total or None)

    return bar, update


def _print_report(report: Any, as_json: bool) -> None:
    data = report.as_json()
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    line = (
        f"{data['source']}: read {data['read']}, imported {data['imported']}, "
        f"already there {data['duplicates']}, skipped {data['skipped']}"
    )
    if report.people_created:
        line += f"; {report.people_created} new people"
    click.echo(line + ".")
    for error in data["errors"][:50]:
        click.echo(f"  skipped {error['item']}: {error['reason']}", err=True)
    if len(data["errors"]) > 50:
        click.echo(f"  … and {len(data['errors']) - 50} more (use --json for all).", err=True)


def _make_import_command(kind: str, label: str, folder_ok: bool) -> click.Command:
    @click.argument(
        "path",
        type=click.Path(exists=True, file_okay=True, dir_okay=folder_ok, path_type=Path),
    )
    @user_option
    @workspace_option
    @click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (docs/cli.md).")
    @needs_database
    def command(path: Path, user_email: str | None, workspace: str | None, as_json: bool) -> None:
        from carefor.importers.records import SourceError
        from carefor.importers.services import import_path

        account = resolve_user(user_email)
        space = resolve_workspace(account, workspace)
        bar, update = _progress_reporter(f"Importing {path.name}")
        try:
            with bar:
                report = import_path(
                    workspace=space, user=account, kind=kind, path=path, progress=update
                )
        except SourceError as exc:
            raise click.ClickException(str(exc)) from None
        _print_report(report, as_json)
        sys.exit(report.exit_code)

    command.__doc__ = f"Import a {label}."
    return click.command(kind)(command)


def _register_import_commands() -> None:
    from carefor.importers.kinds import SOURCE_KINDS

    for kind in SOURCE_KINDS.values():
        import_group.add_command(_make_import_command(kind.name, kind.label, kind.folder_ok))


_register_import_commands()


# --- sync ---------------------------------------------------------------------------


@main.group("sync")
def sync_group() -> None:
    """Fetch new mail from a server, incrementally and read-only."""


@sync_group.command("imap")
@click.option("--host", required=True, help="IMAP server, e.g. imap.example.org.")
@click.option("--port", type=click.IntRange(1, 65535), help="Default 993 (TLS) or 143 (--no-ssl).")
@click.option("--login", "username", required=True, help="The account's user name.")
@click.option("--ssl/--no-ssl", default=True, show_default=True, help="Implicit TLS.")
@click.option("--folder", "folders", multiple=True, help="Only these folders (repeatable).")
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (docs/cli.md).")
@needs_database
def sync_imap(
    host: str,
    port: int | None,
    username: str,
    ssl: bool,
    folders: tuple[str, ...],
    user_email: str | None,
    workspace: str | None,
    as_json: bool,
) -> None:
    """Fetch new mail from an IMAP account (INBOX, Sent and other folders).

    The password comes from CAREFOR_IMAP_PASSWORD or is asked for; it is never stored.
    Each run fetches only what arrived since the last one.
    """
    import os

    from carefor.importers.imap import ImapError
    from carefor.importers.sync import imap_sync

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    password = os.environ.get("CAREFOR_IMAP_PASSWORD") or click.prompt(
        f"Password for {username} at {host}", hide_input=True
    )
    bar, update = _progress_reporter(f"Syncing {host}")
    try:
        with bar:
            report = imap_sync(
                workspace=space,
                user=account,
                host=host,
                port=port or (993 if ssl else 143),
                username=username,
                password=password,
                ssl=ssl,
                folders=list(folders) or None,
                progress=lambda folder, done: update(done, 0),
            )
    except ImapError as exc:
        raise click.ClickException(str(exc)) from None
    _print_report(report, as_json)
    sys.exit(report.exit_code)


# --- people -------------------------------------------------------------------------


@main.group("people")
def people_group() -> None:
    """Find and merge people who are really one person."""


@people_group.command("duplicates")
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def people_duplicates(user_email: str | None, workspace: str | None, as_json: bool) -> None:
    """List people who are probably the same person (same name, different addresses)."""
    from carefor.people.selectors import duplicate_candidates

    space = resolve_workspace(resolve_user(user_email), workspace)
    groups = duplicate_candidates(workspace=space)
    if as_json:
        rows = [
            [
                {"id": p.pk, "name": p.name, "identities": [i.value for i in p.identities.all()]}
                for p in group.people
            ]
            for group in groups
        ]
        click.echo(json.dumps({"groups": rows}, indent=2, ensure_ascii=False))
        return
    if not groups:
        click.echo("No likely duplicates.")
    for group in groups:
        click.echo(" / ".join(f"#{p.pk} {p.name} <{_addresses(p)}>" for p in group.people))


def _addresses(person: Any) -> str:
    return ", ".join(i.value for i in person.identities.all()) or "no address"


def _one_person(space: Any, reference: str) -> Any:
    from carefor.people.selectors import person_find

    found = person_find(workspace=space, reference=reference)
    if not found:
        raise click.ClickException(f"Nobody in {space.name} matches {reference!r}.")
    if len(found) > 1:
        choices = "; ".join(f"#{p.pk} {p.name}" for p in found[:10])
        raise click.ClickException(
            f"{reference!r} matches several people ({choices}); use the #id."
        )
    return found[0]


@people_group.command("merge")
@click.argument("keep")
@click.argument("drop")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@user_option
@workspace_option
@needs_database
def people_merge(
    keep: str, drop: str, yes: bool, user_email: str | None, workspace: str | None
) -> None:
    """Merge DROP into KEEP (each an id, an address or a name), keeping every interaction,
    address and date of both."""
    from carefor.people.services import person_merge

    space = resolve_workspace(resolve_user(user_email), workspace)
    kept, dropped = _one_person(space, keep), _one_person(space, drop)
    if kept.pk == dropped.pk:
        raise click.ClickException("Those are the same person.")
    click.echo(f"Keep   #{kept.pk} {kept.name} <{_addresses(kept)}>")
    click.echo(f"Merge  #{dropped.pk} {dropped.name} <{_addresses(dropped)}> into it")
    if not yes and not click.confirm("Go ahead?", default=False):
        raise click.ClickException("Nothing merged.")
    merged = person_merge(workspace=space, keep=kept, drop=dropped)
    click.echo(f"Merged. #{merged.pk} {merged.name} now has {merged.identities.count()} addresses.")


# --- courtesy -------------------------------------------------------------------------


@main.command("awaiting")
@click.option("--mine", "only", flag_value="mine", help="Only people waiting on my reply.")
@click.option("--theirs", "only", flag_value="theirs", help="Only people I am waiting on.")
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def awaiting_command(
    only: str | None, user_email: str | None, workspace: str | None, as_json: bool
) -> None:
    """Who is waiting on my reply, and whom I am waiting on (oldest first).

    Dismissed and snoozed items are left out; mailing lists, robots, auto-replies and
    bounces never appear.
    """
    from carefor.conversations.courtesy import awaiting

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    sides = [only] if only else ["mine", "theirs"]
    result = {side: awaiting(workspace=space, user=account, side=side) for side in sides}
    if as_json:
        payload = {
            side: [
                {
                    "email": item.email,
                    "name": item.name,
                    "subject": item.subject,
                    "since": item.since.isoformat(),
                    "days": item.days,
                }
                for item in items
            ]
            for side, items in result.items()
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    titles = {"mine": "Waiting on my reply", "theirs": "I am waiting on"}
    for side, items in result.items():
        click.echo(f"{titles[side]} ({len(items)})")
        for item in items:
            click.echo(f"  {item.days:>4}d  {item.name[:28]:<28}  {item.subject[:60]}")
        if not items:
            click.echo("  nobody")


# --- language -----------------------------------------------------------------------


@main.command("check-text")
@click.argument("source", type=click.File("r", encoding="utf-8", errors="replace"), default="-")
@click.option(
    "--date", "written_on", type=click.DateTime(formats=["%Y-%m-%d"]),
    help="When the text was written (YYYY-MM-DD); due dates resolve against it. Default: today.",
)  # fmt: skip
@click.option(
    "--silence", "silenced", multiple=True, metavar="RULE",
    help="Do not flag this strings-attached rule (repeatable; rule ids in docs/cli.md).",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
def check_text(source: Any, written_on: Any, silenced: tuple[str, ...], as_json: bool) -> None:
    """Find the promises and requests in one text (FILE, or - for standard input), as
    written by its author, and any strings attached (a condition on help, an expectation,
    a pitch in a thank-you), each with a gentler wording. Runs locally; nothing is stored."""
    from datetime import date

    from carefor.language.agenda import LINT_RULES
    from carefor.language.agenda_model import check_draft
    from carefor.language.commitments import analyse

    unknown = sorted(set(silenced) - set(LINT_RULES))
    if unknown:
        raise click.BadParameter(
            f"unknown rule {', '.join(unknown)}; rules: {', '.join(LINT_RULES)}",
            param_hint="--silence",
        )
    text = source.read()
    day = written_on.date() if written_on else date.today()
    result = analyse(text, written_on=day)
    checked = check_draft(text, silenced=frozenset(silenced))
    flags = checked.flags
    if as_json:
        payload = {
            "promises": [{"text": f.text, "due": _iso(f.due)} for f in result.promises],
            "requests": [{"text": f.text, "due": _iso(f.due)} for f in result.requests],
            "strings_attached": {
                "verdict": checked.verdict,
                "evidence": [{"text": f.text, "rule": f.rule, "why": f.why} for f in flags],
            },
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    for title, findings in (("Promises", result.promises), ("Requests", result.requests)):
        click.echo(f"{title} ({len(findings)})")
        for finding in findings:
            due = f"  [due {finding.due.isoformat()}]" if finding.due else ""
            click.echo(f"  - {finding.text}{due}")
        if not findings:
            click.echo("  none")
    heading = {"unsure": "Might read as a pitch (not sure — yours to judge)",
               "pitch": "Reads as a pitch"}.get(checked.verdict, "Strings attached")  # fmt: skip
    click.echo(f"{heading} ({len(flags)})")
    for flag in flags:
        click.echo(f"  - “{flag.text}” [{flag.rule}]: {flag.why}")
        click.echo(f"    Perhaps: “{flag.suggestion}”")
    if not flags:
        click.echo("  none")


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


# --- follow-through -------------------------------------------------------------------


@main.command("promises")
@click.option("--open", "only_open", is_flag=True, help="Only open (confirmed, not kept) ones.")
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def promises_command(
    only_open: bool, user_email: str | None, workspace: str | None, as_json: bool
) -> None:
    """Promises I made, requests made of me and what others said they would do:
    detected ones waiting for confirmation, open ones by due date (overdue first)."""
    from carefor.care.models import Commitment
    from carefor.care.privacy import commitments_visible_to
    from carefor.care.services import commitments_open

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    if only_open:
        items = list(commitments_open(workspace=space, user=account))
    else:
        items = list(
            Commitment.objects.filter(workspace=space)
            .filter(commitments_visible_to(account))
            .select_related("person")
            .order_by("state", "due", "created_at")
        )
    if as_json:
        rows = [
            {
                "id": c.pk,
                "kind": c.kind,
                "state": c.state,
                "what": c.what,
                "person": c.person.name if c.person else None,
                "due": _iso(c.due),
                "found_by": c.found_by,
            }
            for c in items
        ]
        click.echo(json.dumps({"promises": rows}, indent=2, ensure_ascii=False))
        return
    if not items:
        click.echo("No promises yet.")
    for c in items:
        due = c.due.isoformat() if c.due else "no date"
        who = f" — {c.person.name}" if c.person else ""
        click.echo(f"[{c.state}] {due:<10} {c.get_kind_display()}: {c.what[:70]}{who}")


@main.command("digest")
@click.option("--send", is_flag=True, help="Mail it through the configured SMTP server.")
@click.option("--to", metavar="EMAIL", help="Send to this address instead of my own.")
@user_option
@workspace_option
@needs_database
def digest_command(
    send: bool, to: str | None, user_email: str | None, workspace: str | None
) -> None:
    """Today's follow-through: overdue and due promises, who waits on my reply.

    Printed by default; --send mails it (for a daily cron job) through CAREFOR_SMTP_HOST.
    """
    import smtplib
    from datetime import date

    from carefor.care.digest import DigestNotConfigured, digest_send, digest_text

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    if not send:
        click.echo(digest_text(workspace=space, user=account, today=date.today()), nl=False)
        return
    try:
        digest_send(workspace=space, user=account, today=date.today(), to=to)
    except DigestNotConfigured as exc:
        raise click.ClickException(str(exc)) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise click.ClickException(
            f"The SMTP server refused or could not be reached: {exc}"
        ) from None
    click.echo(f"Sent to {to or account.email}.")


# The care and help commands live in their own modules; importing them registers them.
from carefor import cli_care, cli_data, cli_help, cli_outreach, cli_team, cli_tokens  # noqa: E402, F401
