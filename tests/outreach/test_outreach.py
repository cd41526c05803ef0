"""Outreach: verdicts on imported mail, evidence, corrections, the local retrain, the CLI."""

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.urls import reverse
from django.utils import timezone

from carefor.cli import main
from carefor.importers.services import import_path
from carefor.outreach.models import MessageVerdict
from carefor.outreach.services import (
    local_model_path,
    outreach_retrain,
    verdict_correct,
    verdicts_refresh,
)
from carefor.people.models import MyIdentity
from tests.factories import MembershipFactory
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db

PITCH = (
    "Hi Sam, loved your talk on founder burnout. By the way, we help companies like yours "
    "cut churn by 30% with our platform. Do you have 15 minutes next week for a quick demo? "
    "Grab a slot here: https://calendly.com/jo-sales/15min"
)
GENUINE = (
    "Hi Sam, I'm a second-year student and heard your talk on founder burnout. Could I ask "
    "you two questions about how you chose your first advisory clients? Thank you, Lea"
)
RECIPROCITY = (
    "Sam, I introduced you to Dana last month. I'd expect you to return the favour and "
    "share our launch post with your network this week. Ben"
)


def _stamp(days_ago: float) -> str:
    return (timezone.now() - timedelta(days=days_ago)).strftime("%a, %d %b %Y %H:%M:%S +0000")


def _mail(tmp_path, workspace, user):
    MyIdentity.objects.create(workspace=workspace, user=user, kind="email", value="me@example.org")
    messages = [
        ("Ben Ode <ben@example.org>", "Catching up", "Good to see you at the dinner.", 40),
        ("Jo Sales <jo@vendor.example>", "Your talk", PITCH, 3),
        ("Lea Student <lea@uni.example>", "Two questions", GENUINE, 2),
        ("Ben Ode <ben@example.org>", "Dana", RECIPROCITY, 1),
    ]
    text = "".join(
        f"From x Mon Jan  1 00:00:00 2024\nFrom: {frm}\nTo: me@example.org\nSubject: {subject}\n"
        f"Message-ID: <o{n}@x>\nDate: {_stamp(days)}\n\n{body}\n\n"
        for n, (frm, subject, body, days) in enumerate(messages)
    )
    text += (
        "From x Mon Jan  1 00:00:00 2024\nFrom: news@list.example\nTo: me@example.org\n"
        f"Subject: Weekly digest\nList-Id: <weekly.list.example>\nPrecedence: bulk\n"
        f"Message-ID: <o9@x>\nDate: {_stamp(1)}\n\nThis week's articles.\n"
    )
    path = tmp_path / "outreach.mbox"
    path.write_text(text)
    import_path(workspace=workspace, user=user, kind="mbox", path=path)
    return path


def _by_subject(workspace):
    return {v.interaction.subject: v for v in MessageVerdict.objects.select_related("interaction")}


def test_imported_mail_gets_verdicts_with_evidence(workspace, user, tmp_path):
    path = _mail(tmp_path, workspace, user)
    verdicts = _by_subject(workspace)
    pitch, genuine, strings = verdicts["Your talk"], verdicts["Two questions"], verdicts["Dana"]
    assert (pitch.verdict, pitch.first_contact) == ("pitch", True)
    assert pitch.evidence and all(e["rule"].startswith("pitch") for e in pitch.evidence)
    body = pitch.interaction.body
    assert all(body[e["start"] : e["end"]] == e["text"] for e in pitch.evidence)
    assert (genuine.verdict, genuine.first_contact, genuine.evidence) == ("genuine", True, [])
    assert (strings.verdict, strings.first_contact) == ("reciprocity", False)
    assert any("favour" in e["text"] for e in strings.evidence)
    assert verdicts["Weekly digest"].verdict == "automated"
    assert verdicts["Weekly digest"].reason
    import_path(workspace=workspace, user=user, kind="mbox", path=path)  # again: nothing new
    assert MessageVerdict.objects.count() == len(verdicts)


def test_a_correction_wins_and_retraining_learns_locally(workspace, user, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    _mail(tmp_path, workspace, user)
    genuine = _by_subject(workspace)["Two questions"]
    verdict_correct(workspace=workspace, user=user, verdict_id=genuine.pk, verdict="pitch")
    genuine.refresh_from_db()
    assert (genuine.shown, genuine.verdict, genuine.corrected_by) == ("pitch", "genuine", user)
    report = outreach_retrain(workspace=workspace)
    assert report.corrections == 1 and report.path == local_model_path(workspace)
    assert report.path.exists() and report.path.is_relative_to(settings.DATA_DIR)
    after = _by_subject(workspace)
    assert after["Two questions"].shown == "pitch"  # the correction is kept
    assert after["Your talk"].found_by == "local model"
    assert after["Weekly digest"].found_by == "headers"
    other = MembershipFactory()
    with pytest.raises(MessageVerdict.DoesNotExist):
        verdict_correct(
            workspace=other.workspace, user=other.user, verdict_id=genuine.pk, verdict="genuine"
        )
    with pytest.raises(ValueError):
        verdict_correct(workspace=workspace, user=user, verdict_id=genuine.pk, verdict="spam")


def test_outreach_page_badges_and_correction(signed_in, workspace, user, tmp_path):
    _mail(tmp_path, workspace, user)
    html = signed_in.get(reverse("outreach") + "?verdict=pitch").content.decode()
    assert "Your talk" in html and "<mark" in html and "Two questions" not in html
    pitch = _by_subject(workspace)["Your talk"]
    person = pitch.interaction.participants.get(role="from").person
    timeline = signed_in.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert 'class="verdict-badge pitch"' in timeline
    response = post_with_csrf(
        signed_in, reverse("outreach"), reverse("verdict-action", args=[pitch.pk]),
        {"verdict": "genuine"}, HTTP_HX_REQUEST="true",
    )  # fmt: skip
    assert response.status_code == 200 and "your correction" in response.content.decode()
    assert "Your talk" in signed_in.get(reverse("outreach") + "?verdict=genuine").content.decode()


def test_cli_outreach_json_contract(workspace, user, tmp_path):
    _mail(tmp_path, workspace, user)
    result = CliRunner().invoke(main, ["outreach", "--all", "--json"])
    assert result.exit_code == 0, result.output
    rows = {m["subject"]: m for m in json.loads(result.output)["messages"]}
    assert set(rows["Your talk"]) == {
        "id", "date", "from", "person", "subject", "verdict", "detected", "corrected",
        "first_contact",
        "evidence", "reason",
    }  # fmt: skip
    assert (
        rows["Your talk"]["verdict"] == "pitch" and rows["Your talk"]["from"] == "jo@vendor.example"
    )
    assert set(rows["Your talk"]["evidence"][0]) == {"text", "rule", "why"}
    firsts = json.loads(CliRunner().invoke(main, ["outreach", "--json"]).output)["messages"]
    assert "Dana" not in {m["subject"] for m in firsts}  # Ben wrote before: not a first contact


def test_refresh_is_cheap_to_repeat(workspace, user, tmp_path):
    _mail(tmp_path, workspace, user)
    assert verdicts_refresh(workspace=workspace) == 0


def test_retrain_keeps_old_verdicts_and_confirmations(workspace, user, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    MyIdentity.objects.create(workspace=workspace, user=user, kind="email", value="me@example.org")
    text = "".join(
        f"From x Mon Jan  1 00:00:00 2024\nFrom: Jo{n} <jo{n}@vendor.example>\n"
        f"To: me@example.org\nSubject: Offer {n}\nMessage-ID: <r{n}@x>\nDate: {_stamp(days)}\n\n"
        f"{PITCH}\n\n"
        for n, days in enumerate((200, 3))
    )
    path = tmp_path / "old.mbox"
    path.write_text(text)
    import_path(workspace=workspace, user=user, kind="mbox", path=path)
    verdicts_refresh(workspace=workspace, days=400)
    old, recent = (_by_subject(workspace)[f"Offer {n}"] for n in (0, 1))
    verdict_correct(workspace=workspace, user=user, verdict_id=recent.pk, verdict=recent.verdict)
    report = outreach_retrain(workspace=workspace)
    after = _by_subject(workspace)
    assert after["Offer 0"].found_by == "local model"  # 200 days old: read again, not lost
    assert after["Offer 1"].pk == recent.pk and after["Offer 1"].corrected_by == user
    assert report.reclassified == 1 and old.pk != after["Offer 0"].pk


def test_next_cannot_leave_the_site_and_badges_show_corrections(
    signed_in, workspace, user, tmp_path
):
    _mail(tmp_path, workspace, user)
    pitch = _by_subject(workspace)["Your talk"]
    response = post_with_csrf(
        signed_in, reverse("outreach"), reverse("verdict-action", args=[pitch.pk]),
        {"verdict": "genuine", "next": "https://evil.example/"},
    )  # fmt: skip
    assert response.status_code == 302 and response["Location"] == reverse("outreach")
    html = signed_in.get(reverse("outreach") + "?verdict=genuine").content.decode()
    assert 'class="verdict-badge genuine">Genuine</span>' in html
