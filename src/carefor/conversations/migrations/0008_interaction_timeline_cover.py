"""A covering index for timelines (PostgreSQL only).

A person's timeline is their interactions, newest first, less what the reader may not see.
For a busy person that is thousands of rows scattered through the table; sorting them
meant reading every one from the table. With the sort key and the columns the privacy
rule reads kept in the index, the page's ids come from an index-only scan (still sorted,
but without a table read per row) and only the page's rows are read
(docs/benchmarks.md). SQLite has no INCLUDE, and a notebook small
enough for SQLite does not need it.
"""

from django.db import migrations

INDEX = "interaction_timeline_cover"


def create(apps, schema_editor):
    # CONCURRENTLY: a notebook of a million interactions keeps taking writes (mail
    # syncs) while the index builds.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON conversations_interaction "
            "(id) INCLUDE (workspace_id, occurred_at, visibility, author_id)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run inside a transaction

    dependencies = [("conversations", "0007_interaction_visibility")]

    operations = [migrations.RunPython(create, drop)]
