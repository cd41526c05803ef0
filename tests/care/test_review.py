"""The weekly review: who I cared for, promises kept, who drifted, what to ask again."""

from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.urls import reverse
from django.utils import timezone

from carefor.care.matters import matter_add
from carefor.care.models import Commitment
from carefor.care.review import review_text, weekly_review
from carefor.cli import main
from carefor.conversations.models import Interaction, Participant
from carefor.conversations.services import interaction_record, note_add
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _week(workspace, user):
    now = timezone.now()
    ann = PersonFactory(workspace=workspace, name="Ann")
    bo = PersonFactory(workspace=workspace, name="Bo")
    quiet = PersonFactory(workspace=workspace, name="Quiet Friend")
    cadence = PersonFactory(workspace=workspace, name="Cadence Person", cadence_days=14)
    only_wrote = PersonFactory(workspace=workspace, name="Only Wrote")
    note_add(
        workspace=workspace,
        person=ann,
        author=user,
        body="Lunch.",
        occurred_at=now - timedelta(days=1),
    )
    interaction_record(
        workspace=workspace,
        kind=Interaction.Kind.CALL,
        occurred_at=now - timedelta(days=2),
        participants=[(ann, Participant.Role.ATTENDEE, "")],
    )
    interaction_record(
        workspace=workspace,
        kind=Interaction.Kind.MESSAGE,
        direction=Interaction.Direction.OUTBOUND,
        occurred_at=now - timedelta(days=3),
        participants=[(bo, Participant.Role.TO, "")],
    )
    # Their mail alone is not my care; and last month is not this week.
    interaction_record(
        workspace=workspace,
        kind=Interaction.Kind.MESSAGE,
        direction=Interaction.Direction.INBOUND,
        occurred_at=now - timedelta(days=1),
        participants=[(only_wrote, Participant.Role.FROM, "")],
    )
    for days in (200, 210, 220):
        interaction_record(
            workspace=workspace,
            kind=Interaction.Kind.MEETING,
            occurred_at=now - timedelta(days=days),
            participants=[(quiet, Participant.Role.ATTENDEE, "")],
        )
    interaction_record(
        workspace=workspace,
        kind=Interaction.Kind.CALL,
        occurred_at=now - timedelta(days=20),
        participants=[(cadence, Participant.Role.ATTENDEE, "")],
    )
    Commitment.objects.create(
        workspace=workspace, owner=user, person=bo, kind="promise", state="kept",
        what="Send Bo the article", closed_at=now - timedelta(days=2),
    )  # fmt: skip
    Commitment.objects.create(
        workspace=workspace, owner=user, person=bo, kind="promise", state="kept",
        what="Old promise", closed_at=now - timedelta(days=20),
    )  # fmt: skip
    matter_add(
        workspace=workspace, person=ann, author=user, kind="goal", what="Learn Portuguese",
        today=timezone.localdate() - timedelta(days=300),
    )  # fmt: skip


def test_weekly_review_sections(workspace, user):
    _week(workspace, user)
    review = weekly_review(workspace=workspace, user=user)
    assert [(c.name, c.what) for c in review.cared_for] == [
        ("Ann", "a call, a note"),
        ("Bo", "a message"),
    ]
    assert [c.what for c in review.kept] == ["Send Bo the article"]
    assert [(d.name, d.reason) for d in review.drifting] == [
        ("Cadence Person", "you wanted every 14 days"),
        ("Quiet Friend", "3 conversations, then quiet"),
    ]
    assert [m.what for m in review.fading] == ["Learn Portuguese"]
    text = review_text(review)
    assert "Ann: a call, a note" in text and "Only Wrote" not in text


def test_review_page_and_mail(signed_in, workspace, user, smtp_sink):
    _week(workspace, user)
    html = signed_in.get(reverse("review")).content.decode()
    assert "Learn Portuguese" in html and "Send Bo the article" in html
    result = CliRunner().invoke(main, ["review", "--send"])
    assert result.exit_code == 0, result.output
    (envelope,) = smtp_sink.messages
    assert envelope.rcpt_tos == [user.email]
    assert b"Who you cared for" in envelope.content and b"Quiet Friend" in envelope.content


def test_an_empty_week_says_so_kindly(workspace, user):
    text = CliRunner().invoke(main, ["review"]).output
    assert "Nobody this week. One note or message is a start." in text
