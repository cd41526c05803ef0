"""carefor as a user starts it: a real process, real settings, a real WSGI server.

These run `python -m carefor` in a fresh data directory, so they exercise the same
start-up path as a new user's first run.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

STARTUP_DEADLINE_SECONDS = 60


def clean_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CAREFOR_"))}
    env.pop("DATABASE_URL", None)
    env.update({"CAREFOR_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1", **extra})
    return env


def carefor(*args: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "carefor", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        (
            {"CAREFOR_MODE": "prod"},
            "CAREFOR_MODE='prod' is not recognised. Accepted values: local, production",
        ),
        ({"CAREFOR_DEBUG": "maybe"}, "CAREFOR_DEBUG='maybe' is not a yes/no value"),
        ({"CAREFOR_MODE": "production"}, "CAREFOR_ALLOWED_HOSTS is empty"),
        ({"DATABASE_URL": "mysql://u@h/db"}, "DATABASE_URL has the scheme 'mysql'"),
        (
            {"DATABASE_URL": "postgres://nobody@127.0.0.1:1/nowhere"},
            "Cannot open the PostgreSQL database 'nowhere' on 127.0.0.1:1 as user 'nobody'",
        ),
        ({"CAREFOR_DATA_DIR": "/proc/carefor"}, "Cannot create the data directory /proc/carefor"),
        ({"CAREFOR_DATA_DIR": "relative"}, "CAREFOR_DATA_DIR='relative' must be an absolute path"),
    ],
)
def test_bad_configuration_stops_with_a_message_not_a_traceback(tmp_path, variables, message):
    result = carefor("me", "list", env=clean_env(tmp_path, **variables))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_first_start_creates_data_dir_wal_database_and_private_key(tmp_path):
    data_dir = tmp_path / "fresh" / "carefor"
    result = carefor("me", "list", env=clean_env(data_dir))
    assert "There is no account yet" in result.stderr
    assert oct((data_dir / "secret_key").stat().st_mode & 0o777) == "0o600"
    import sqlite3

    db = sqlite3.connect(data_dir / "carefor.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT count(*) FROM django_migrations").fetchone()[0] > 10


def test_production_settings_pass_check_deploy(tmp_path):
    env = clean_env(tmp_path, CAREFOR_MODE="production", CAREFOR_ALLOWED_HOSTS="care.example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _wait_for_setup_link(process: subprocess.Popen) -> str:
    deadline = time.monotonic() + STARTUP_DEADLINE_SECONDS
    seen = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                break
            continue
        seen.append(line)
        match = re.search(r"(http://\S+/setup/\?token=\S+)", line)
        if match:
            return match.group(1)
    pytest.fail("carefor serve printed no setup link:\n" + "".join(seen) + process.stderr.read())


def test_serve_runs_a_real_server_with_health_login_and_setup(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "carefor", "serve", "--port", str(port)],
        env=clean_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        link = _wait_for_setup_link(process)
        base = f"http://127.0.0.1:{port}"
        assert link.startswith(base + "/setup/?token=")
        with urllib.request.urlopen(base + "/healthz", timeout=10) as response:
            assert (response.status, response.read()) == (200, b"ok")
        with urllib.request.urlopen(base + "/login/", timeout=10) as response:
            assert b"carefor serve" in response.read()
        # Like a browser: keep the session cookie across the redirect that hides the token.
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with browser.open(link, timeout=10) as response:
            assert b"Set up your notebook" in response.read()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + "/setup/?token=wrong", timeout=10)
        assert refused.value.code == 403
        with urllib.request.urlopen(base + "/static/carefor/carefor.css", timeout=10) as response:
            assert response.status == 200
    finally:
        process.terminate()
        process.wait(timeout=15)
        process.stdout.close()
        process.stderr.close()


def test_serve_on_a_busy_port_says_so(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = carefor("serve", "--port", str(port), env=clean_env(tmp_path))
    assert result.returncode == 1
    assert f"Port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "Traceback" not in result.stderr
