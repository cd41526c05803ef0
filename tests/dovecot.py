"""A throwaway Dovecot IMAP server for tests (recipe: TOOLCHAIN.md section 3).

Use it from a test module with ``from tests.dovecot import dovecot  # noqa: F401``.

One server runs per test session (startup is ~0.05 s, but a clean SIGTERM shutdown takes
about a second, too slow to pay per test). Each test gets its own unused user, so every
test starts with an empty mailbox. The users are all written before the server starts:
Dovecot re-reads a changed passwd-file at most once a second, so a user added later may
be unknown for up to a second (and an unknown user costs a 2 s auth failure delay). The
server is stopped with SIGTERM at the end of the session. Without the ``dovecot`` binary
the tests are skipped, unless CAREFOR_REQUIRE_IMAP is set (CI), in which case they fail.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from imapclient import IMAPClient

INSTALL_HINT = "Dovecot is not installed: sudo apt-get install -y dovecot-imapd"
STARTUP_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0
ACCOUNTS_PER_SERVER = 500  # when they run out, a new server starts

CONFIG = """\
instance_name = dovecot-test-{port}
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
first_valid_uid = {mail_uid}
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = {root}/users
}}
userdb {{
  driver = passwd-file
  args = {root}/users
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


def dovecot_binary() -> str | None:
    # /usr/sbin is often not on a normal user's PATH.
    return shutil.which("dovecot") or shutil.which("dovecot", path="/usr/sbin:/usr/local/sbin")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _greets(host: str, port: int) -> bool:
    """True once the server answers a connection with its IMAP greeting."""
    try:
        with socket.create_connection((host, port), timeout=1) as sock:
            return sock.recv(256).startswith(b"* OK")
    except OSError:
        return False


@dataclass
class DovecotAccount:
    """One user's mailbox on the test server."""

    host: str
    port: int
    username: str
    password: str

    @contextlib.contextmanager
    def connect(self) -> Iterator[IMAPClient]:
        """A separate, logged-in client (for setting up and for checking from outside)."""
        client = IMAPClient(self.host, port=self.port, ssl=False, timeout=10)
        try:
            client.login(self.username, self.password)
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.logout()

    def append(self, folder: str, raw: bytes, flags: Iterable[str] = ()) -> int:
        """Append one message (creating the folder if needed); returns its UID."""
        with self.connect() as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            response = client.append(folder, raw, flags=tuple(flags))
        match = re.search(rb"APPENDUID \d+ (\d+)", response)
        assert match, f"no APPENDUID in the APPEND response: {response!r}"
        return int(match.group(1))

    def recreate_folder(self, folder: str) -> int:
        """Delete and create the folder again (empty, with a new UIDVALIDITY); returns it."""
        with self.connect() as client:
            before = client.folder_status(folder, ["UIDVALIDITY"])[b"UIDVALIDITY"]
            client.delete_folder(folder)
            client.create_folder(folder)
            after = client.folder_status(folder, ["UIDVALIDITY"])[b"UIDVALIDITY"]
        assert after != before, f"UIDVALIDITY of {folder} did not change ({before})"
        return int(after)

    def uidvalidity(self, folder: str) -> int:
        with self.connect() as client:
            return int(client.folder_status(folder, ["UIDVALIDITY"])[b"UIDVALIDITY"])

    def flags(self, folder: str) -> dict[int, frozenset[bytes]]:
        """Every message's IMAP flags, read without changing them."""
        with self.connect() as client:
            client.select_folder(folder, readonly=True)
            uids = client.search("ALL")
            response = client.fetch(uids, ["FLAGS"]) if uids else {}
        return {uid: frozenset(data[b"FLAGS"]) for uid, data in response.items()}


class DovecotServer:
    """A `dovecot -F` process in its own temporary directory."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.host = "127.0.0.1"
        # Not under pytest's tmp_path: as root, auth runs as `dovecot` and must be able to
        # read the users file, and pytest-of-root/ is 0700.
        self.root = Path(tempfile.mkdtemp(prefix="carefor-dovecot-"))
        self.root.chmod(0o755)
        (self.root / "mail").mkdir()
        if os.geteuid() == 0:
            # imap-login refuses to run as root, and the mail user must not be uid 0.
            nobody = pwd.getpwnam("nobody")
            self.mail_uid, self.mail_gid = nobody.pw_uid, nobody.pw_gid
            self.ids = {"internal_user": "dovecot", "internal_group": "dovecot"}
            self.ids["login_user"] = "dovenull"
        else:
            me = pwd.getpwuid(os.geteuid())
            self.mail_uid, self.mail_gid = me.pw_uid, me.pw_gid
            group = grp.getgrgid(me.pw_gid).gr_name
            self.ids = {"internal_user": me.pw_name, "internal_group": group}
            self.ids["login_user"] = me.pw_name
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.accounts = [
            (f"user{n}", secrets.token_urlsafe(12)) for n in range(1, ACCOUNTS_PER_SERVER + 1)
        ]
        users_file = self.root / "users"
        users_file.write_text(
            "".join(
                f"{name}:{{PLAIN}}{password}:{self.mail_uid}:{self.mail_gid}::"
                f"{self.root / 'mail' / name}::\n"
                for name, password in self.accounts
            )
        )
        users_file.chmod(0o644)
        self.accounts.reverse()  # pop() hands them out from user1

    @property
    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else "(no log written)"

    def start(self) -> None:
        failures = []
        for _attempt in range(3):  # a free port can be taken by someone else meanwhile
            self.port = free_port()
            config = self.root / "dovecot.conf"
            config.write_text(
                CONFIG.format(root=self.root, port=self.port, mail_uid=self.mail_uid, **self.ids)
            )
            with (self.root / "stderr.log").open("wb") as stderr:
                self.proc = subprocess.Popen(
                    [self.binary, "-F", "-c", str(config)],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=stderr,
                )
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    break
                if _greets(self.host, self.port):
                    return
                time.sleep(0.02)
            failures.append(self._describe_failure())
            self.stop()
            if "Address already in use" not in failures[-1]:
                break
        self.cleanup()
        pytest.fail("Dovecot did not start:\n" + "\n\n".join(failures), pytrace=False)

    def _describe_failure(self) -> str:
        assert self.proc is not None
        code = self.proc.poll()
        state = f"exited with {code}" if code is not None else "still not answering"
        stderr = (self.root / "stderr.log").read_text(errors="replace")
        return (
            f"dovecot on port {self.port} {state} after {STARTUP_TIMEOUT}s.\n"
            f"--- dovecot.log ---\n{self.log}\n--- stderr ---\n{stderr}"
        )

    def take_account(self) -> DovecotAccount:
        """An unused user with an empty mailbox."""
        username, password = self.accounts.pop()
        home = self.root / "mail" / username
        home.mkdir()
        os.chown(home, self.mail_uid, self.mail_gid)  # the mail processes run as this user
        return DovecotAccount(self.host, self.port, username, password)

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


_server: DovecotServer | None = None


def _session_server(config: pytest.Config) -> DovecotServer:
    """Start the session's server on first use; it is stopped when the session ends."""
    global _server
    if _server is not None and (not _server.accounts or _server.proc is None):
        _server.cleanup()
        _server = None
    if _server is not None and _server.proc is not None and _server.proc.poll() is not None:
        log = _server.log
        _server.cleanup()
        _server = None
        pytest.fail(f"The test Dovecot died:\n{log}", pytrace=False)
    if _server is None:
        binary = dovecot_binary()
        if binary is None:
            if os.environ.get("CAREFOR_REQUIRE_IMAP"):
                pytest.fail(INSTALL_HINT + " (CAREFOR_REQUIRE_IMAP is set)", pytrace=False)
            pytest.skip(INSTALL_HINT)
        server = DovecotServer(binary)
        server.start()
        config.add_cleanup(server.cleanup)
        _server = server
    return _server


@pytest.fixture
def dovecot(request: pytest.FixtureRequest) -> DovecotAccount:
    """A fresh, empty IMAP account on a throwaway Dovecot (host, port, username, password)."""
    return _session_server(request.config).take_account()
