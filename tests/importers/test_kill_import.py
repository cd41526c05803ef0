"""Killing an import with SIGKILL mid-way leaves a consistent database; a rerun completes it."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.test_startup import clean_env

MESSAGES = 40_000
DEADLINE_SECONDS = 120


def write_mbox(path: Path, count: int) -> None:
    with path.open("wb") as out:
        for n in range(count):
            out.write(
                b"From x@y Mon Jan  1 00:00:00 2024\n"
                b"From: Person %d <p%d@example.org>\nTo: sam@example.org\n"
                b"Subject: Message %d\nMessage-ID: <kill-%d@example.org>\n"
                b"Date: Mon, 1 Jan 2024 10:00:00 +0000\n\nHello number %d.\n\n"
                % (n, n % 500, n, n, n)
            )


def carefor(*args: str, env: dict, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "carefor", *args],
        env=env, input=stdin, capture_output=True, text=True, timeout=DEADLINE_SECONDS, check=False,
    )  # fmt: skip


def interaction_count(db: Path) -> int:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return connection.execute("SELECT count(*) FROM conversations_interaction").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # the schema is not there yet
    finally:
        connection.close()


def test_kill_9_mid_import_then_rerun_reaches_the_exact_total(tmp_path):
    """GIVEN a large mbox and a fresh notebook
    WHEN the import is killed with SIGKILL after some batches are in
    THEN the database passes integrity_check, and a rerun imports exactly the rest."""
    env = clean_env(tmp_path / "data")
    mbox = tmp_path / "big.mbox"
    write_mbox(mbox, MESSAGES)
    created = carefor("user", "create", "k@example.org", "--name", "K", "--password-stdin",
                      env=env, stdin="a long enough passphrase\n")  # fmt: skip
    assert created.returncode == 0, created.stderr
    db = tmp_path / "data" / "carefor.sqlite3"

    process = subprocess.Popen(
        [sys.executable, "-m", "carefor", "import", "mbox", str(mbox)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + DEADLINE_SECONDS
    while interaction_count(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # polling the database for the first committed batch
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the import finished before it could be killed"

    partial = interaction_count(db)
    assert 0 < partial < MESSAGES
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()

    rerun = carefor("import", "mbox", str(mbox), "--json", env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert interaction_count(db) == MESSAGES
    report = __import__("json").loads(rerun.stdout)
    assert report["imported"] == MESSAGES - partial
    assert report["duplicates"] == partial
