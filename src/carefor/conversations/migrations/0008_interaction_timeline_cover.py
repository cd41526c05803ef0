"""A covering index for timelines (PostgreSQL only).

A person's timeline is their interactions, newest first, less what the reader may not see.
For a busy person that is thousands of rows scattered through the table; sorting them
meant reading every one from the heap. With the sort key and the columns the privacy
rule reads kept in the index, the page's ids come from an index-only scan and only the
page's rows are read (docs/benchmarks.md). SQLite has no INCLUDE, and a notebook small
enough for SQLite does not need it.
"""

from django.db import migrations

INDEX = "interaction_timeline_cover"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON conversations_interaction (id) "
            "INCLUDE (workspace_id, occurred_at, visibility, author_id)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("conversations", "0007_interaction_visibility")]

    operations = [migrations.RunPython(create, drop)]
