"""Which version of the notebook an answer was computed from.

Every SQL statement that writes (INSERT, UPDATE, DELETE) goes through Django's cursor,
so one execute wrapper sees them all — services, bulk imports, the CLI, background
tasks — and no write path can forget to say that data changed. After the transaction
commits, the one row of `memo_revision` gets a new random value; answers remembered under
the old value are never read again. A random value (not a counter) cannot repeat, so a
restored database cannot bring back a value that has answers filed under it.

Within one process a counter moves at once, before the commit: a request that reads
right after its own write (or a test inside a transaction that never commits) never sees
what it saw before. Other processes learn of the change from the row, after the commit.
"""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Callable
from itertools import count
from typing import Any

from django.db import DatabaseError, connections, transaction
from django.db.backends.base.base import NO_DB_ALIAS, BaseDatabaseWrapper

TABLE = "memo_revision"
# Writes that change nothing a remembered answer shows: the access log (written by page
# views themselves), sessions, an API token's "last used" time, and this row.
IGNORED_TABLES = frozenset({TABLE, "people_auditevent", "django_session", "teams_apitoken"})
# Fail safe: every statement counts as a write (schema changes, INSERT OR IGNORE, WITH …
# UPDATE) unless it plainly only reads or steers the transaction.
READS = re.compile(
    r"\s*(?:SELECT|PRAGMA|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|SET|SHOW|EXPLAIN)\b",
    re.IGNORECASE,
)
TARGET = re.compile(
    r'\s*(?:(?:INSERT|REPLACE)(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([\w.]+)"?',
    re.IGNORECASE,
)

_local = count(1)
_local_value = 0
# Within one web request the committed value is read once; this request's own writes
# still show at once through the counter above.
_request = threading.local()


def local_generation() -> int:
    """Moves on every write statement in this process, committed or not."""
    return _local_value


def current(using: str = "default") -> str:
    """The notebook's revision as this process may rely on: the committed value (read
    once per web request) and this process's own write counter."""
    committed = getattr(_request, "committed", None)
    if committed is None:
        with connections[using].cursor() as cursor:
            cursor.execute(f"SELECT value FROM {TABLE} WHERE id = 1")  # noqa: S608 (a constant)
            row = cursor.fetchone()
        committed = row[0] if row else "none"
        if getattr(_request, "active", False):
            _request.committed = committed
    return f"{committed}.{_local_value}"


def uncommitted_writes(using: str = "default") -> bool:
    """Whether this connection holds writes not yet committed. What is read now may yet
    be rolled back, and the process counter would not move back with it: such answers
    must not be remembered."""
    connection = connections[using]
    return connection.in_atomic_block and _bump_pending(connection)


def request_started(**_kwargs: Any) -> None:
    _request.active, _request.committed = True, None


def request_finished(**_kwargs: Any) -> None:
    _request.active, _request.committed = False, None


def bump(using: str = "default") -> None:
    """Say that the data changed (for writes made outside Django's cursor: a restore)."""
    global _local_value
    _local_value = next(_local)
    connection = connections[using]
    try:
        with connection.cursor() as cursor:
            # An upsert: a flushed table (or one restored without the row) gets it back.
            cursor.execute(
                f"INSERT INTO {TABLE} (id, value) VALUES (1, %s) "  # noqa: S608 (a constant)
                "ON CONFLICT (id) DO UPDATE SET value = excluded.value",
                [secrets.token_hex(8)],
            )
    except DatabaseError:
        # While the first migrations run, the table does not exist yet: nothing can have
        # been remembered from a database without it. Anything else is a real error.
        if TABLE in connection.introspection.table_names():
            raise


def _changes_data(sql: object) -> bool:
    if not isinstance(sql, str):
        return True  # composed SQL: assume the worst
    if READS.match(sql):
        return False
    target = TARGET.match(sql)
    return not (target and target.group(1).lower() in IGNORED_TABLES)


def _bump_after_commit(using: str) -> Callable[[], None]:
    def after_commit() -> None:
        bump(using)

    after_commit.memo_bump = True  # type: ignore[attr-defined]
    return after_commit


def _bump_pending(connection: BaseDatabaseWrapper) -> bool:
    return any(getattr(entry[1], "memo_bump", False) for entry in connection.run_on_commit)


def watch_writes(sender: Any, connection: BaseDatabaseWrapper, **_kwargs: Any) -> None:
    """connection_created receiver: installs the wrapper once per connection object."""
    if _note_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_note_writes)


def _note_writes(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
) -> Any:
    result = execute(sql, params, many, context)
    connection = context["connection"]
    # The no-database connection creates and drops whole databases (tests, set-up).
    if connection.alias != NO_DB_ALIAS and _changes_data(sql):
        global _local_value
        _local_value = next(_local)
        if not connection.in_atomic_block and not connection.get_autocommit():
            bump(connection.alias)  # a hand-managed transaction: commits with the data
        elif not connection.in_atomic_block or not _bump_pending(connection):
            # Outside a transaction on_commit runs at once; inside, once per transaction
            # (dropped with it if it rolls back). robust: a failed bump must not fail the
            # write that has already committed; the cache's time limit bounds the cost.
            transaction.on_commit(
                _bump_after_commit(connection.alias), using=connection.alias, robust=True
            )
    return result
