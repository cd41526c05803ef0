"""`carefor backup`, `carefor restore` and `carefor export`: your notebook, whole or in part.

Registered on the main group by carefor.cli; the work is in carefor.portability.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from carefor.cli import (
    main,
    needs_database,
    resolve_user,
    resolve_workspace,
    user_option,
    workspace_option,
)


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


@main.command("backup")
@click.argument("path", type=click.Path(path_type=Path))
@needs_database
def backup_command(path: Path) -> None:
    """Copy the whole database to PATH: a consistent snapshot, even while carefor runs.

    SQLite: the online backup API, then an integrity check of the copy. PostgreSQL:
    pg_dump --format=custom (pg_dump must be installed). The file is readable by you only.
    """
    from carefor.portability.backup import BackupError, backup_create

    try:
        report = backup_create(path)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"Backed up to {report.path} ({_size(report.size_bytes)}, {report.engine}, "
        f"{report.migrations} migrations; integrity: {report.integrity})."
    )


@main.command("restore")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (needed in scripts).")
@needs_database
def restore_command(path: Path, yes: bool) -> None:
    """Replace the whole database with the backup at PATH, then migrate it.

    Everything written since that backup is lost. Refuses a file that is not a carefor
    backup, and a backup made by a newer version of carefor.
    """
    from django.db import connection

    from carefor.config.storage import describe_database
    from carefor.portability.backup import BackupError, backup_check, backup_restore

    try:
        backup_check(path)
        if not yes:
            if not sys.stdin.isatty():
                raise click.ClickException(
                    "Restoring replaces the whole database; add --yes to do it without a "
                    "terminal to confirm on."
                )
            where = describe_database(connection.settings_dict)
            click.echo(f"This replaces everything in the {where} with {path}.")
            if not click.confirm("Go ahead?", default=False):
                raise click.ClickException("Nothing restored.")
        report = backup_restore(path)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    line = f"Restored {report.path} ({report.engine}, {report.migrations} migrations)"
    if report.migrations_applied:
        line += f"; then applied {report.migrations_applied} newer migrations"
    click.echo(line + ".")


@main.command("export")
@click.argument("kind", metavar="{json|vcard|csv}", type=click.Choice(["json", "vcard", "csv"]))
@click.argument("path", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@user_option
@workspace_option
@needs_database
def export_command(kind: str, path: Path, user_email: str | None, workspace: str | None) -> None:
    """Write one workspace, as this account may see it, to PATH: json (everything),
    vcard (contacts) or csv (contacts, Google's columns).

    Another member's private notes and matters are never in it, nor any balance of help.
    """
    from carefor.portability.export import EXPORTERS

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    try:
        count = EXPORTERS[kind](space, account, path)
    except OSError as exc:
        raise click.ClickException(f"Cannot write {path}: {exc.strerror or exc}.") from None
    noun = "person" if count == 1 else "people"
    click.echo(f"Exported {count} {noun} from {space.name} to {path} ({kind}).")
