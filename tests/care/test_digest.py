"""The daily digest, mailed through a real SMTP server (an aiosmtpd sink on loopback)."""

from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.utils import timezone

from carefor.care.services import commitment_add
from carefor.cli import main

pytestmark = pytest.mark.django_db


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
