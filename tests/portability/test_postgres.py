"""`carefor backup`/`restore` on PostgreSQL: pg_dump and pg_restore, when the suite runs there.

Skipped on SQLite. Skipped when pg_dump is not on PATH, unless CAREFOR_REQUIRE_PG_TOOLS=1
(then a missing tool fails the run instead).
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from django.db import connection

from carefor.people.models import Person
from carefor.portability.backup import BackupError, backup_check, backup_create, backup_restore
from carefor.portability.export import export_json
from tests.factories import IdentityFactory, MembershipFactory, PersonFactory


@pytest.fixture
def pg_tools():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (set DATABASE_URL=postgres://… to run it)")
    missing = [tool for tool in ("pg_dump", "pg_restore") if shutil.which(tool) is None]
    if missing:
        message = f"{' and '.join(missing)} not on PATH (apt-get install postgresql-client)"
        if os.environ.get("CAREFOR_REQUIRE_PG_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)


def _export(workspace, user, path):
    export_json(workspace, user, path)
    data = json.loads(path.read_text())
    data.pop("exported_at")
    return data


@pytest.mark.django_db(transaction=True)
def test_pg_dump_then_pg_restore_gives_back_the_same_export(pg_tools, tmp_path):
    membership = MembershipFactory()
    workspace, user = membership.workspace, membership.user
    for name in ("Ada Lovelace", "Grace Hopper"):
        IdentityFactory(person=PersonFactory(workspace=workspace, name=name))
    before = _export(workspace, user, tmp_path / "before.json")

    backup = tmp_path / "carefor.dump"
    report = backup_create(backup)
    assert report.engine == "postgresql" and report.migrations > 10
    assert oct(backup.stat().st_mode & 0o777) == "0o600"
    assert backup.read_bytes()[:5] == b"PGDMP"

    Person.objects.filter(name="Ada Lovelace").delete()
    PersonFactory(workspace=workspace, name="Written after the backup")
    restored = backup_restore(backup)
    assert restored.migrations == report.migrations
    assert _export(workspace, user, tmp_path / "after.json") == before


@pytest.mark.django_db(transaction=True)
def test_pg_restore_refuses_other_files(pg_tools, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(BackupError, match="is not a carefor backup"):
        backup_check(text)


@pytest.mark.django_db
def test_a_missing_pg_dump_is_a_clear_message(monkeypatch, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (set DATABASE_URL=postgres://… to run it)")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match="pg_dump is not installed or not on PATH"):
        backup_create(tmp_path / "carefor.dump")
    assert list(tmp_path.iterdir()) == []  # no half-written file left behind
