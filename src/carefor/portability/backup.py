"""`carefor backup` and `carefor restore`: a whole-database copy, and putting one back.

SQLite: SQLite's online backup API copies the live database page by page inside one read
transaction, so the copy is a consistent snapshot even while the app writes (WAL lets the
writers go on). The copy is a single self-contained file (rollback journal, no -wal beside
it), checked with `PRAGMA integrity_check` and private to its owner (mode 0600). Restore
runs the same API the other way round, into the live file, then migrates.

PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --no-owner`, with
the password passed in PGPASSWORD, never on a command line.

A backup made by a newer carefor (its django_migrations names migrations this code does
not have) is refused: restoring it would leave a schema the code does not understand.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"
KNOWN_TABLE = "people_person"  # every carefor database has it; other SQLite files do not
BUSY_TIMEOUT_SECONDS = 30
PG_TOOL_TIMEOUT_SECONDS = 3600


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is one line, for the user."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    engine: str  # "sqlite" or "postgresql"
    size_bytes: int
    migrations: int  # rows of django_migrations in the copy
    integrity: str  # "ok" (SQLite integrity_check) or "pg_restore can read it"


@dataclass(frozen=True)
class RestoreReport:
    path: Path
    engine: str
    migrations: int  # rows of django_migrations in the backup
    migrations_applied: int  # migrations run after the restore (an older backup)


def _connection() -> Any:
    from django.db import connection

    return connection


def backup_create(path: Path) -> BackupReport:
    """Copy the configured database to PATH (replacing a file already there)."""
    path = Path(path).expanduser().absolute()
    _check_target(path)
    connection = _connection()
    if connection.vendor == "sqlite":
        return _sqlite_backup(Path(connection.settings_dict["NAME"]), path)
    if connection.vendor == "postgresql":
        return _pg_backup(connection.settings_dict, path)
    raise BackupError(f"carefor cannot back up a {connection.vendor} database.")


def backup_check(path: Path) -> int:
    """Check that PATH is a carefor backup this version can restore; the number of its
    migrations. Raises BackupError (naming the file) when it is not."""
    path = Path(path).expanduser().absolute()
    vendor = _connection().vendor
    applied = _sqlite_inspect(path) if vendor == "sqlite" else _pg_inspect(path)
    _refuse_newer(path, applied)
    return len(applied)


def backup_restore(path: Path) -> RestoreReport:
    """Replace the configured database with the backup at PATH, then migrate it."""
    path = Path(path).expanduser().absolute()
    migrations = backup_check(path)
    connection = _connection()
    if connection.vendor == "sqlite":
        _sqlite_restore(path, Path(connection.settings_dict["NAME"]))
    else:
        _pg_restore(path, connection)
    from carefor.memo.revision import bump

    applied = _migrate()
    bump()  # the data changed outside Django: nothing remembered may be served again
    return RestoreReport(
        path=path, engine=connection.vendor, migrations=migrations, migrations_applied=applied
    )


# --- shared ---------------------------------------------------------------------------


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise BackupError(
            f"{path} is a folder; give the backup a file name, e.g. {path / 'carefor.backup'}."
        )
    if not path.parent.is_dir():
        raise BackupError(f"Cannot write the backup to {path}: {path.parent} does not exist.")
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise BackupError(f"Cannot write the backup to {path}: permission denied.")


def _partial(path: Path) -> Path:
    """A private, empty file beside PATH to write into; renamed over PATH when complete, so
    a failed backup never leaves a half-written file under the real name."""
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise BackupError(f"Cannot write the backup to {path}: {exc.strerror}.") from None
    return partial


def _refuse_newer(path: Path, applied: set[tuple[str, str]]) -> None:
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(f"{app}.{name}" for app, name in applied - known)
    if unknown:
        more = f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
        raise BackupError(
            f"{path} was made by a newer version of carefor (its database has migrations "
            f"this version does not know: {', '.join(unknown[:3])}{more}). "
            "Upgrade carefor, then restore it."
        )


def _migrate() -> int:
    from django.core.management import call_command
    from django.db.migrations.executor import MigrationExecutor

    connection = _connection()
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", interactive=False, verbosity=0)
    return len(plan)


def _magic(path: Path) -> bytes:
    if not path.exists():
        raise BackupError(f"{path} does not exist.")
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    try:
        with path.open("rb") as handle:
            return handle.read(16)
    except OSError as exc:
        raise BackupError(f"Cannot read {path}: {exc.strerror}.") from None


# --- SQLite ---------------------------------------------------------------------------


def _is_memory(name: str) -> bool:
    return name == ":memory:" or "mode=memory" in name


def _sqlite_backup(live: Path, path: Path) -> BackupReport:
    if _is_memory(str(live)):
        raise BackupError("The database is in memory; there is no file to back up.")
    if not live.is_file():
        raise BackupError(f"There is no database at {live} to back up.")
    if live.resolve() == path.resolve():
        raise BackupError(f"{path} is the live database itself; choose another file.")
    partial = _partial(path)
    try:
        source = sqlite3.connect(live, timeout=BUSY_TIMEOUT_SECONDS)
        target = sqlite3.connect(partial)
        try:
            # pages=-1: the whole database in one step, in one read transaction: a snapshot.
            source.backup(target, pages=-1)
            target.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
            integrity = _integrity(target)
            migrations = target.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
        finally:
            target.close()
            source.close()
        if integrity != "ok":
            raise BackupError(f"The copy at {path} failed its integrity check: {integrity}.")
        os.replace(partial, path)
    except sqlite3.Error as exc:
        raise BackupError(f"Cannot back up {live} to {path}: {exc}.") from None
    except OSError as exc:
        raise BackupError(f"Cannot write the backup to {path}: {exc.strerror}.") from None
    finally:
        partial.unlink(missing_ok=True)
    return BackupReport(path, "sqlite", path.stat().st_size, migrations, integrity)


def _integrity(db: sqlite3.Connection) -> str:
    rows = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    return "ok" if rows == ["ok"] else "; ".join(rows[:3])


def _open_read_only(path: Path) -> sqlite3.Connection:
    # immutable: no -wal/-shm beside the backup, and it works in a read-only folder.
    return sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)


def _sqlite_inspect(path: Path) -> set[tuple[str, str]]:
    magic = _magic(path)
    if magic.startswith(PG_CUSTOM_MAGIC):
        raise BackupError(
            f"{path} is a PostgreSQL backup (pg_dump) but carefor is using SQLite; "
            "set DATABASE_URL to the PostgreSQL database to restore it there."
        )
    if magic != SQLITE_MAGIC:
        raise BackupError(f"{path} is not a carefor backup (it is not a SQLite database).")
    try:
        db = _open_read_only(path)
        try:
            integrity = _integrity(db)
            if integrity != "ok":
                raise BackupError(f"{path} is damaged (integrity check: {integrity}).")
            tables = {
                row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if KNOWN_TABLE not in tables or "django_migrations" not in tables:
                raise BackupError(
                    f"{path} is a SQLite database but not a carefor backup "
                    f"(it has no {KNOWN_TABLE} table)."
                )
            return set(db.execute("SELECT app, name FROM django_migrations").fetchall())
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{path} is not a carefor backup ({exc}).") from None


def _sqlite_restore(path: Path, live: Path) -> None:
    if _is_memory(str(live)):
        raise BackupError("The database is in memory; there is no file to restore into.")
    if live.resolve() == path.resolve():
        raise BackupError(f"{path} is the live database itself.")
    _connection().close()  # Django reconnects, to the restored database, when next used
    try:
        source = _open_read_only(path)
        target = sqlite3.connect(live, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            source.backup(target, pages=-1)
            target.execute("PRAGMA journal_mode=WAL")
            integrity = _integrity(target)
        finally:
            target.close()
            source.close()
    except sqlite3.Error as exc:
        raise BackupError(f"Cannot restore {path} into {live}: {exc}.") from None
    if integrity != "ok":
        raise BackupError(f"The restored database {live} failed its integrity check: {integrity}.")


# --- PostgreSQL -----------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not installed or not on PATH; carefor needs it for a PostgreSQL "
            "database (Debian/Ubuntu: apt-get install postgresql-client, of the server's "
            "major version or newer)."
        )
    return found


def _pg_env(settings_dict: dict[str, Any]) -> dict[str, str]:
    """libpq's environment for the configured database; the password never reaches argv."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSSLMODE": options.get("sslmode"),
        "PGCONNECT_TIMEOUT": options.get("connect_timeout"),
    }
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def _pg_run(args: list[str], settings_dict: dict[str, Any], what: str) -> str:
    try:
        result = subprocess.run(  # noqa: S603 (a fixed tool, arguments from settings)
            args,
            env=_pg_env(settings_dict),
            capture_output=True,
            text=True,
            timeout=PG_TOOL_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BackupError(f"{what}: {exc}.") from None
    if result.returncode != 0:
        lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
        reason = lines[-1] if lines else f"exit status {result.returncode}"
        raise BackupError(f"{what}: {reason.removeprefix(Path(args[0]).name + ': ')}")
    return result.stdout


def _pg_backup(settings_dict: dict[str, Any], path: Path) -> BackupReport:
    pg_dump = _pg_tool("pg_dump")
    partial = _partial(path)
    try:
        _pg_run(
            [pg_dump, "--format=custom", f"--file={partial}"],
            settings_dict,
            f"pg_dump could not back up the database {settings_dict.get('NAME')!r}",
        )
        migrations = len(_pg_inspect(partial, shown=path))
        os.replace(partial, path)
    except OSError as exc:
        raise BackupError(f"Cannot write the backup to {path}: {exc.strerror}.") from None
    finally:
        partial.unlink(missing_ok=True)
    return BackupReport(
        path, "postgresql", path.stat().st_size, migrations, "pg_restore can read it"
    )


_COPY = re.compile(r"^COPY \S*django_migrations \(([^)]*)\) FROM stdin;$")


def _pg_toc(path: Path, shown: Path) -> str:
    magic = _magic(path)
    if magic == SQLITE_MAGIC:
        raise BackupError(
            f"{path} is a SQLite backup but carefor is using PostgreSQL; "
            "unset DATABASE_URL to restore it into the SQLite database."
        )
    if not magic.startswith(PG_CUSTOM_MAGIC):
        raise BackupError(f"{shown} is not a carefor backup (not a pg_dump custom archive).")
    return _pg_run(
        [_pg_tool("pg_restore"), "--list", str(path)], {}, f"{shown} is not a readable backup"
    )


def _pg_inspect(path: Path, shown: Path | None = None) -> set[tuple[str, str]]:
    shown = shown or path
    toc = _pg_toc(path, shown)
    if not re.search(rf"\bTABLE \S+ {KNOWN_TABLE}\b", toc):
        raise BackupError(f"{shown} is not a carefor backup (it has no {KNOWN_TABLE} table).")
    dump = _pg_run(
        [
            _pg_tool("pg_restore"),
            "--data-only",
            "--table=django_migrations",
            "--file=-",
            str(path),
        ],
        {},
        f"{shown} is not a readable backup",
    )
    applied: set[tuple[str, str]] = set()
    columns: list[str] | None = None
    for line in dump.splitlines():
        if columns is None:
            if match := _COPY.match(line):
                columns = [c.strip().strip('"') for c in match.group(1).split(",")]
            continue
        if line == "\\.":
            break
        row = dict(zip(columns, line.split("\t"), strict=False))
        applied.add((row["app"], row["name"]))
    if columns is None:
        raise BackupError(f"{shown} is not a carefor backup (it has no django_migrations data).")
    return applied


def _pg_restore(path: Path, connection: Any) -> None:
    pg_restore = _pg_tool("pg_restore")
    toc = _pg_toc(path, path)
    in_backup = set(re.findall(r"\bTABLE \S+ (\S+) ", toc))
    # --clean drops what the backup has; a table only the live database has (made by a
    # later migration) would survive and clash with the backup's django_migrations.
    with connection.cursor() as cursor:
        extra = [t for t in connection.introspection.table_names(cursor) if t not in in_backup]
        for table in extra:
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
    settings_dict = connection.settings_dict
    connection.close()
    _pg_run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={settings_dict['NAME']}",
            str(path),
        ],
        settings_dict,
        f"pg_restore could not restore {path}",
    )
    with contextlib.suppress(Exception):
        connection.close()
