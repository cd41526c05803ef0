"""The daily digest, mailed through a real SMTP server (an aiosmtpd sink on loopback)."""

import socket
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner
from django.utils import timezone

from carefor.care.services import commitment_add
from carefor.cli import main

pytestmark = pytest.mark.django_db


class Collect:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_sink(settings):
    handler = Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = False
    yield handler
    controller.stop()


def test_digest_lists_overdue_and_due_promises(workspace, user):
    today = timezone.localdate()
    commitment_add(workspace=workspace, user=user, person_id=None, what="Send Ann the deck",
                   due=today - timedelta(days=2))  # fmt: skip
    commitment_add(workspace=workspace, user=user, person_id=None, what="Intro Bo to Priya",
                   due=today + timedelta(days=3))  # fmt: skip
    commitment_add(workspace=workspace, user=user, person_id=None, what="Later thing",
                   due=today + timedelta(days=30))  # fmt: skip
    text = CliRunner().invoke(main, ["digest"]).output
    overdue, _, rest = text.partition("Due this week")
    assert "Overdue" in overdue and "Send Ann the deck" in overdue
    assert "Intro Bo to Priya" in rest
    assert "Later thing" not in text


def test_digest_is_mailed_through_the_configured_server(workspace, user, smtp_sink):
    commitment_add(workspace=workspace, user=user, person_id=None, what="Call Mum",
                   due=timezone.localdate())  # fmt: skip
    result = CliRunner().invoke(main, ["digest", "--send"])
    assert result.exit_code == 0, result.output
    (envelope,) = smtp_sink.messages
    assert envelope.rcpt_tos == [user.email]
    assert b"Call Mum" in envelope.content


def test_digest_without_smtp_says_how_to_configure(workspace, user, settings):
    settings.EMAIL_HOST = ""
    result = CliRunner().invoke(main, ["digest", "--send"])
    assert result.exit_code == 1
    assert "CAREFOR_SMTP_HOST" in result.output
