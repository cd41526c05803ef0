"""Where carefor keeps its data: the data directory, the secret key and the database.

Pure functions with no Django imports, so settings can call them and tests can
exercise them on a temporary directory.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
import platformdirs

from carefor.config.env import ConfigError

SECRET_KEY_FILE = "secret_key"  # noqa: S105  (a file name)
SQLITE_FILE = "carefor.sqlite3"
DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql")
SQLITE_BUSY_TIMEOUT_SECONDS = 20

# Applied on every new SQLite connection. WAL lets the web app read while an import
# writes; journal_mode is persistent, the others are per connection.
SQLITE_INIT_COMMAND = (
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA foreign_keys=ON;"
    f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_SECONDS * 1000};"
)


def default_data_dir() -> Path:
    return platformdirs.user_data_path("carefor", appauthor=False)


def ensure_data_dir(path: Path, *, variable: str = "CAREFOR_DATA_DIR") -> Path:
    """Create the data directory (private to this user) and prove it is writable."""
    if path.exists() and not path.is_dir():
        raise ConfigError(
            f"The data directory {path} exists but is not a directory. Set {variable}."
        )
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"Cannot create the data directory {path} ({exc.strerror}). "
            f"Set {variable} to a directory you can write to."
        ) from None
    if not path.is_dir():
        raise ConfigError(
            f"The data directory {path} exists but is not a directory. Set {variable}."
        )
    probe = path / f".write-test-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ConfigError(
            f"The data directory {path} is not writable ({exc.strerror}). "
            f"Fix its permissions or set {variable} to a directory you can write to."
        ) from None
    return path


def load_or_create_secret_key(data_dir: Path) -> str:
    """Read the secret key file, creating it with a random key (mode 0600) on first start."""
    key_path = data_dir / SECRET_KEY_FILE
    try:
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(64))
    try:
        key = key_path.read_text().strip()
    except OSError as exc:
        raise ConfigError(f"Cannot read the secret key file {key_path} ({exc.strerror}).") from None
    if len(key) < 50:
        raise ConfigError(
            f"The secret key in {key_path} is too short ({len(key)} characters; at least 50). "
            "Delete the file to have carefor create a new one (this signs everyone out)."
        )
    return key


def secret_key_is_private(data_dir: Path) -> bool:
    mode = (data_dir / SECRET_KEY_FILE).stat().st_mode
    return not mode & (stat.S_IRWXG | stat.S_IRWXO)


# A statement asked this many times on one PostgreSQL connection is prepared: planned once
# rather than on every request (docs/benchmarks.md: planning was 45 % of PostgreSQL's time).
PREPARE_AFTER = 2


def database_config(url: str | None, data_dir: Path, *, prepared: bool = True) -> dict[str, Any]:
    """Django's DATABASES['default']: SQLite in the data dir unless DATABASE_URL says otherwise.
    `prepared`: on PostgreSQL, send parameters apart from the statement and prepare the
    statements a connection asks again (off behind a pooler that cannot keep them)."""
    if url is None:
        return sqlite_config(data_dir / SQLITE_FILE)
    scheme = urlsplit(url).scheme.lower()
    if scheme not in DATABASE_SCHEMES:
        shown = scheme or "(none)"
        raise ConfigError(
            f"DATABASE_URL has the scheme {shown!r}; carefor supports "
            "postgres://USER:PASSWORD@HOST:PORT/NAME and sqlite:////absolute/path.sqlite3."
        )
    try:
        parsed = dj_database_url.parse(url)
    except ValueError as exc:
        raise ConfigError(f"DATABASE_URL cannot be read: {exc}.") from None
    if scheme == "sqlite":
        return sqlite_config(Path(parsed["NAME"]))
    if not parsed.get("NAME"):
        raise ConfigError("DATABASE_URL names no database; end it with /DATABASE_NAME.")
    parsed["CONN_MAX_AGE"] = 60
    parsed["CONN_HEALTH_CHECKS"] = True
    options = parsed.setdefault("OPTIONS", {})
    options.setdefault("connect_timeout", 5)
    if prepared:
        options.update(server_side_binding=True, prepare_threshold=PREPARE_AFTER)
    return parsed


def sqlite_config(path: Path) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "init_command": SQLITE_INIT_COMMAND,
            # IMMEDIATE takes the write lock when a transaction starts, so two writers
            # wait on busy_timeout instead of failing with "database is locked".
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
        },
    }


def describe_database(config: dict[str, Any]) -> str:
    """A one-line, password-free description for messages and logs."""
    if config["ENGINE"].endswith("sqlite3"):
        return f"SQLite at {config['NAME']}"
    host = config.get("HOST") or "localhost"
    port = config.get("PORT") or 5432
    name, user = config.get("NAME"), config.get("USER")
    return f"PostgreSQL database {name!r} on {host}:{port} as user {user!r}"
