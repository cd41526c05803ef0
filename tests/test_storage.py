import os
import sqlite3
import stat
from pathlib import Path

import pytest

from carefor.config import storage
from carefor.config.env import ConfigError


def test_data_dir_is_created_private(tmp_path):
    target = tmp_path / "a" / "b"
    storage.ensure_data_dir(target)
    assert target.is_dir()
    assert stat.S_IMODE(target.stat().st_mode) == 0o700


def test_read_only_data_dir_is_refused(tmp_path):
    # root ignores permission bits, but not even root can create files in /proc.
    target = Path("/proc") if os.geteuid() == 0 else tmp_path
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ConfigError, match=f"The data directory {target} is not writable"):
            storage.ensure_data_dir(target)
    finally:
        tmp_path.chmod(0o700)


def test_data_dir_that_is_a_file_is_refused(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ConfigError, match=r"Cannot create the data directory .*CAREFOR_DATA_DIR"):
        storage.ensure_data_dir(blocker / "sub")
    with pytest.raises(ConfigError, match="exists but is not a directory"):
        storage.ensure_data_dir(blocker)


def test_secret_key_is_created_once_with_0600(tmp_path):
    first = storage.load_or_create_secret_key(tmp_path)
    key_file = tmp_path / storage.SECRET_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first) >= 50
    assert storage.load_or_create_secret_key(tmp_path) == first
    assert storage.secret_key_is_private(tmp_path)
    key_file.chmod(0o644)
    assert not storage.secret_key_is_private(tmp_path)


def test_short_secret_key_is_refused(tmp_path):
    (tmp_path / storage.SECRET_KEY_FILE).write_text("short")
    with pytest.raises(ConfigError, match="too short"):
        storage.load_or_create_secret_key(tmp_path)


def test_default_database_is_sqlite_in_the_data_dir(tmp_path):
    config = storage.database_config(None, tmp_path)
    assert config["NAME"] == str(tmp_path / "carefor.sqlite3")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_sqlite_pragmas_give_wal_and_foreign_keys(tmp_path):
    """The init command, run on a real SQLite file, leaves it in WAL mode with FKs on."""
    db = sqlite3.connect(tmp_path / "x.sqlite3")
    db.executescript(storage.SQLITE_INIT_COMMAND)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert (
        db.execute("PRAGMA busy_timeout").fetchone()[0]
        == storage.SQLITE_BUSY_TIMEOUT_SECONDS * 1000
    )


def test_postgres_url_is_parsed(tmp_path):
    config = storage.database_config("postgres://app:pw@db.internal:6543/care", tmp_path)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 6543, "care")
    assert "pw" not in storage.describe_database(config)
    # Statements are prepared (planned once per connection) unless turned off.
    assert config["OPTIONS"]["server_side_binding"] is True
    assert config["OPTIONS"]["prepare_threshold"] == storage.PREPARE_AFTER
    plain = storage.database_config("postgres://app@db/care", tmp_path, prepared=False)
    assert "server_side_binding" not in plain["OPTIONS"]
    assert "prepare_threshold" not in plain["OPTIONS"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", "scheme 'mysql'"),
        ("db.internal/care", r"scheme '\(none\)'"),
        ("postgres://u@h:5432/", "names no database"),
    ],
)
def test_bad_database_urls_are_explained(tmp_path, url, message):
    with pytest.raises(ConfigError, match=message):
        storage.database_config(url, tmp_path)
