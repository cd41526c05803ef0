"""A small mailbox that holds every case the courtesy rules must get right."""

import pytest

from carefor.importers.services import import_path
from carefor.people.models import MyIdentity

ME = "sam@example.org"


def message(sender, to, subject, mid, day, body="Hello.", extra=""):
    return (
        f"From {ME} Mon Jan  1 00:00:00 2024\nFrom: {sender}\nTo: {to}\nSubject: {subject}\n"
        f"Message-ID: <{mid}>\nDate: Mon, {day} Mar 2025 10:00:00 +0000\n{extra}\n{body}\n\n"
    )


MAILBOX = "".join(
    [
        # Ann asks; nobody answers.
        message("Ann Lee <ann@example.org>", ME, "Lunch next week?", "ann1@x", 3, "Tuesday?"),
        # Bo writes, I answer, then Bo's auto-reply to my answer: not Bo writing to me again.
        message("Bo <bo@example.org>", ME, "Contract", "bo1@x", 3),
        message(f"Sam <{ME}>", "bo@example.org", "Re: Contract", "bo2@x", 4, "Signed.",
                "In-Reply-To: <bo1@x>\n"),
        message("Bo <bo@example.org>", ME, "Automatic reply: Re: Contract", "bo3@x", 4,
                "I am away.", "In-Reply-To: <bo2@x>\nAuto-Submitted: auto-replied\n"),
        # I ask Cy; only an out-of-office comes back, which is not an answer.
        message(f"Sam <{ME}>", "cy@example.org", "Report", "cy1@x", 5, "Could you send it?"),
        message("Cy <cy@example.org>", ME, "Out of Office: Report", "cy2@x", 5, "Back Monday.",
                "In-Reply-To: <cy1@x>\nX-Autoreply: yes\n"),
        # A thank-you that asks for nothing.
        message(f"Sam <{ME}>", "dee@example.org", "Thanks", "dee1@x", 6,
                "Thank you for the intro, no need to reply."),
        # List mail not addressed to me.
        message("Eve <eve@example.org>", "dev@lists.example.org", "[dev] Release?", "eve1@x", 6,
                "Ship it?", "List-Id: <dev.lists.example.org>\nPrecedence: list\n"),
        # Fay asks; I answer from a client that dropped In-Reply-To (subject fallback).
        message("Fay <fay@example.org>", ME, "Question?", "fay1@x", 7, "Which one?"),
        message(f"Sam <{ME}>", "fay@example.org", "RE: Question?", "fay2@x", 8, "The blue one."),
        # Gus writes; my answer carries only References.
        message("Gus <gus@example.org>", ME, "Plan", "gus1@x", 7),
        message(f"Sam <{ME}>", "gus@example.org", "RE: Plan", "gus2@x", 9, "Agreed.",
                "References: <gus1@x>\n"),
        # The same message twice (duplicate Message-ID).
        message("Hal <hal@example.org>", ME, "Twice", "hal1@x", 10),
        message("Hal <hal@example.org>", ME, "Twice", "hal1@x", 10),
        # An encoded name.
        message("=?utf-8?q?Jos=C3=A9_P=C3=A9rez?= <jose@example.org>", ME, "Hola", "jose1@x", 11),
        # A bounce.
        message("Mail Delivery <MAILER-DAEMON@mx.example.org>", ME, "Undelivered", "bounce@x",
                11, "", "Content-Type: multipart/report; report-type=delivery-status\n"),
        # A note to myself.
        message(f"Sam <{ME}>", ME, "Remember", "self@x", 12, "Call Mum on Sunday?"),
        # Ivy follows up her own mail: one wait, since the first.
        message("Ivy <ivy@example.org>", ME, "Intro?", "ivy1@x", 12, "Could you introduce me?"),
        message("Ivy <ivy@example.org>", ME, "Re: Intro?", "ivy2@x", 14, "Just checking.",
                "In-Reply-To: <ivy1@x>\n"),
    ]
)  # fmt: skip


@pytest.fixture
def mailbox(workspace, user, tmp_path):
    MyIdentity.objects.create(workspace=workspace, user=user, kind="email", value=ME)
    path = tmp_path / "courtesy.mbox"
    path.write_text(MAILBOX)
    report = import_path(workspace=workspace, user=user, kind="mbox", path=path)
    assert report.skipped == 0
    return workspace
