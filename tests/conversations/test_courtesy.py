"""Courtesy over a small mailbox holding every case the rules must get right."""

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.utils import timezone

from carefor.cli import main
from carefor.conversations.courtesy import awaiting, courtesy_mark, reply_figures
from carefor.conversations.models import CourtesyMark, ReplyTurn
from carefor.importers.services import import_path
from carefor.people.models import MyIdentity

pytestmark = pytest.mark.django_db
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


def names(items):
    return sorted(item.name for item in items)


def test_awaiting_my_reply_only_real_people_who_wrote_to_me(mailbox, user):
    mine = awaiting(workspace=mailbox, user=user, side="mine")
    assert names(mine) == ["Ann Lee", "Hal", "Ivy", "José Pérez"]
    ivy = next(i for i in mine if i.name == "Ivy")
    assert ivy.subject == "Re: Intro?"  # the latest message is shown…
    assert ivy.since.day == 12  # …but the wait began with the first


def test_awaiting_their_reply_only_what_asked_and_got_no_real_answer(mailbox, user):
    theirs = awaiting(workspace=mailbox, user=user, side="theirs")
    assert [(i.email, i.subject) for i in theirs] == [("cy@example.org", "Report")]


def test_reply_figures_count_answers_and_median(mailbox, user):
    mine = reply_figures(workspace=mailbox, side="mine")
    # Bo, Fay and Gus were answered (after 24 h, 24 h and 48 h); Ann, Hal, José, Ivy not.
    assert (mine.asked, mine.answered, mine.median_hours) == (7, 3, 24.0)


def test_dismiss_and_snooze_are_remembered_across_reimports(mailbox, user, tmp_path):
    items = {i.name: i for i in awaiting(workspace=mailbox, user=user, side="mine")}
    courtesy_mark(workspace=mailbox, user=user, turn_id=items["Hal"].turn_id, state="dismissed")
    courtesy_mark(
        workspace=mailbox, user=user, turn_id=items["Ann Lee"].turn_id, state="snoozed",
        until=timezone.now() + timedelta(days=3),
    )  # fmt: skip
    again = tmp_path / "again.mbox"
    again.write_text(MAILBOX)
    import_path(workspace=mailbox, user=user, kind="mbox", path=again)  # rebuilds the turns
    assert names(awaiting(workspace=mailbox, user=user, side="mine")) == ["Ivy", "José Pérez"]
    later = timezone.now() + timedelta(days=4)
    assert "Ann Lee" in names(awaiting(workspace=mailbox, user=user, side="mine", now=later))
    assert CourtesyMark.objects.count() == 2


def test_cli_awaiting_json_contract(mailbox, user):
    result = CliRunner().invoke(main, ["awaiting", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"mine", "theirs"}
    first = data["mine"][0]
    assert set(first) == {"email", "name", "subject", "since", "days"}
    assert first["email"] == "ann@example.org" and isinstance(first["days"], int)
    only = json.loads(CliRunner().invoke(main, ["awaiting", "--theirs", "--json"]).output)
    assert list(only) == ["theirs"]


def test_awaiting_query_count_does_not_grow(mailbox, user, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        awaiting(workspace=mailbox, user=user, side="mine")
    assert ReplyTurn.objects.filter(workspace=mailbox).count() >= 8
