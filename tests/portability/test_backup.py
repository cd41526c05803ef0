"""`carefor backup` and `carefor restore` on SQLite, as a user runs them: real processes on a
real database file in a throwaway data directory (see tests/test_startup.py)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_startup import clean_env

ROOT = Path(__file__).resolve().parent.parent.parent
PASSWORD = "a long test passphrase"
CARDS = """BEGIN:VCARD
VERSION:3.0
FN:Ada Lovelace
EMAIL:ada@example.net
TEL:+44 20 7946 0958
BDAY:1815-12-10
ORG:Analytical Engines
NOTE:Writes notes longer than the paper.
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Grace Hopper
EMAIL:grace@example.net
EMAIL:amazing.grace@example.org
BDAY:--1209
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Alan Turing
EMAIL:alan@example.net
URL:https://example.org/alan
END:VCARD
"""


def carefor(*args: str, env: dict[str, str], input: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "carefor", *args],
        env=env, input=input, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def fails(result: subprocess.CompletedProcess, message: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def write_notes(env: dict[str, str], count: int) -> None:
    command = [sys.executable, "-m", "tests.portability.writer", str(count)]
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)


def export(env: dict[str, str], path: Path) -> dict:
    ok(carefor("export", "json", str(path), env=env))
    data = json.loads(path.read_text())
    data.pop("exported_at")
    return data


@pytest.fixture
def notebook(tmp_path) -> dict[str, str]:
    """A data directory with one account, three people and a few notes."""
    env = clean_env(tmp_path / "live")
    ok(carefor("user", "create", "ann@example.org", "--name", "Ann", "--password-stdin",
               env=env, input=PASSWORD + "\n"))  # fmt: skip
    cards = tmp_path / "people.vcf"
    cards.write_text(CARDS)
    ok(carefor("import", "vcard", str(cards), env=env))
    write_notes(env, 12)
    return env


def notes_in(db_path: Path) -> tuple[int, int, int]:
    """(notes, notes with exactly one participant, notes with exactly one follow-up)."""
    db = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        return db.execute(
            """SELECT count(*),
                 sum((SELECT count(*) FROM conversations_participant p
                      WHERE p.interaction_id = i.id) = 1),
                 sum((SELECT count(*) FROM care_followup f WHERE f.source_id = i.id) = 1)
               FROM conversations_interaction i WHERE i.kind = 'note'"""
        ).fetchone()
    finally:
        db.close()


def test_backup_then_restore_gives_back_the_same_export(notebook, tmp_path):
    before = export(notebook, tmp_path / "before.json")
    assert len(before["people"]) == 3 and len(before["interactions"]) == 12

    backup = tmp_path / "backups" / "carefor.backup"
    backup.parent.mkdir()
    result = ok(carefor("backup", str(backup), env=notebook))
    assert "integrity: ok" in result.stdout
    assert oct(backup.stat().st_mode & 0o777) == "0o600"  # it holds everything: private
    assert sorted(p.name for p in backup.parent.iterdir()) == ["carefor.backup"]  # no -wal
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    copy.close()

    write_notes(notebook, 5)  # written after the backup: the restore must undo them
    assert len(export(notebook, tmp_path / "changed.json")["interactions"]) == 17

    result = ok(carefor("restore", str(backup), "--yes", env=notebook))
    assert f"Restored {backup}" in result.stdout
    assert export(notebook, tmp_path / "after.json") == before


def wait_for_notes(db: Path, *, more_than: int, writer, timeout: float = 120) -> None:  # type: ignore[no-untyped-def]
    """Poll the live database until it holds more than `more_than` notes."""
    deadline = time.monotonic() + timeout
    while notes_in(db)[0] <= more_than:
        assert writer.poll() is None, "the writer stopped: " + writer.stderr.read()
        assert time.monotonic() < deadline, f"fewer than {more_than} notes after {timeout} s"
        time.sleep(0.05)


def test_restore_drill_backup_under_write_load(notebook, tmp_path):
    """Back up while notes are being written, restore into a fresh data directory: the
    restored notebook is intact and exactly the backup's snapshot, with no torn rows."""
    live_db = Path(notebook["CAREFOR_DATA_DIR"]) / "carefor.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.portability.writer", "0"],
        env=notebook, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
        # Wait for writes to be under way (a condition, not a guess at timing)…
        wait_for_notes(live_db, more_than=notes_in(live_db)[0] + 5, writer=writer)
        backup = tmp_path / "drill.backup"
        ok(carefor("backup", str(backup), env=notebook))
        # …and to go on after the backup, so it was taken mid-write.
        wait_for_notes(live_db, more_than=notes_in(backup)[0] + 5, writer=writer)
    finally:
        writer.terminate()
        writer.wait(timeout=30)
    written, _, _ = notes_in(live_db)

    # The snapshot as the backup file itself holds it (exported from a copy of it).
    snapshot = tmp_path / "snapshot.sqlite3"
    shutil.copy(backup, snapshot)
    snapshot_env = clean_env(tmp_path / "snapshot-dir", DATABASE_URL=f"sqlite:///{snapshot}")
    expected = export(snapshot_env, tmp_path / "snapshot.json")

    fresh = clean_env(tmp_path / "fresh")
    ok(carefor("restore", str(backup), "--yes", env=fresh))
    restored_db = Path(fresh["CAREFOR_DATA_DIR"]) / "carefor.sqlite3"
    db = sqlite3.connect(restored_db)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()

    notes, with_participant, with_follow_up = notes_in(restored_db)
    assert 12 < notes < written, (notes, written)  # taken mid-write, not before or after
    assert notes == with_participant == with_follow_up  # no torn rows
    assert export(fresh, tmp_path / "restored.json") == expected


def test_restore_refuses_what_is_not_a_carefor_backup(notebook, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n")
    fails(carefor("restore", str(text), "--yes", env=notebook),
          f"{text} is not a carefor backup (it is not a SQLite database).")  # fmt: skip

    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    fails(carefor("restore", str(other), "--yes", env=notebook),
          f"{other} is a SQLite database but not a carefor backup")  # fmt: skip

    fails(carefor("restore", str(tmp_path / "missing"), "--yes", env=notebook),
          f"{tmp_path / 'missing'} does not exist.")  # fmt: skip
    assert len(export(notebook, tmp_path / "still.json")["interactions"]) == 12


def test_restore_refuses_a_backup_from_a_newer_carefor(notebook, tmp_path):
    backup = tmp_path / "future.backup"
    ok(carefor("backup", str(backup), env=notebook))
    db = sqlite3.connect(backup)
    db.execute("INSERT INTO django_migrations (app, name, applied) "
               "VALUES ('people', '9999_from_the_future', '2099-01-01')")  # fmt: skip
    db.commit()
    db.close()
    fails(carefor("restore", str(backup), "--yes", env=notebook),
          f"{backup} was made by a newer version of carefor")  # fmt: skip
    result = carefor("restore", str(backup), "--yes", env=notebook)
    assert "people.9999_from_the_future" in result.stderr


def test_restore_asks_first_and_refuses_without_a_terminal(notebook, tmp_path):
    backup = tmp_path / "b.backup"
    ok(carefor("backup", str(backup), env=notebook))
    write_notes(notebook, 1)
    fails(carefor("restore", str(backup), env=notebook), "add --yes")
    assert len(export(notebook, tmp_path / "kept.json")["interactions"]) == 13


def test_backup_and_export_errors_are_one_line(notebook, tmp_path):
    fails(carefor("backup", str(tmp_path), env=notebook), "is a folder")
    fails(carefor("backup", str(tmp_path / "no" / "such" / "b"), env=notebook), "does not exist")
    fails(carefor("backup", "/proc/carefor.backup", env=notebook), "Cannot write the backup")
    fails(carefor("export", "json", str(tmp_path / "no" / "x.json"), env=notebook),
          "Cannot write")  # fmt: skip
