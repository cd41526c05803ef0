"""Multi-row INSERTs for the import hot path.

bulk_create spends most of its time preparing each field of each model instance; an
import stores thousands of messages a second, so rows go in as plain tuples through the
same connection, with values adapted by the backend's own operations (datetimes, JSON)
so the stored data is exactly what the ORM would have written. Used only by the loader.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import connection

from carefor.conversations.models import Interaction, Participant

INTERACTION_COLUMNS = (
    "workspace_id", "kind", "direction", "occurred_at", "subject", "body", "thread_id",
    "source", "external_id", "message_id", "in_reply_to", "meta", "author_id", "created_at",
)  # fmt: skip
PARTICIPANT_COLUMNS = ("workspace_id", "interaction_id", "person_id", "role", "address")
ROWS_PER_STATEMENT = 400  # 14 columns x 400 rows stays far below SQLite's variable limit


def adapt_datetime(value: datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


def adapt_json(value: dict[str, Any]) -> Any:
    return connection.ops.adapt_json_value(value, None)


def _insert(
    table: str, columns: Sequence[str], rows: list[tuple[Any, ...]], returning: bool
) -> list[int]:
    ids: list[int] = []
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    one_row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), ROWS_PER_STATEMENT):
            chunk = rows[start : start + ROWS_PER_STATEMENT]
            sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES "  # noqa: S608
            sql += ", ".join([one_row] * len(chunk))
            if returning:
                sql += " RETURNING id"
            cursor.execute(sql, [value for row in chunk for value in row])
            if returning:
                # Rows come back in VALUES order on SQLite and PostgreSQL (bulk_create
                # relies on the same).
                ids.extend(row[0] for row in cursor.fetchall())
    return ids


def insert_interactions(rows: list[tuple[Any, ...]]) -> list[int]:
    """Rows in INTERACTION_COLUMNS order, values already adapted; returns the new ids."""
    return _insert(Interaction._meta.db_table, INTERACTION_COLUMNS, rows, returning=True)


def insert_participants(rows: list[tuple[Any, ...]]) -> None:
    """Rows in PARTICIPANT_COLUMNS order."""
    if rows:
        _insert(Participant._meta.db_table, PARTICIPANT_COLUMNS, rows, returning=False)
