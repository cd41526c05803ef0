"""Follow-through: promises detected in mail and notes, confirmed, kept."""

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.urls import reverse
from django.utils import timezone

from carefor.care.models import Commitment
from carefor.care.services import commitment_close, commitment_confirm
from carefor.cli import main
from carefor.demo.loader import demo_load
from carefor.importers.services import import_path
from carefor.people.models import MyIdentity
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db


def _mail(tmp_path, workspace, user):
    MyIdentity.objects.create(workspace=workspace, user=user, kind="email", value="me@example.org")
    day = timezone.now() - timedelta(days=3)
    stamp = day.strftime("%a, %d %b %Y 10:00:00 +0000")
    path = tmp_path / "m.mbox"
    path.write_text(
        f"From x Mon Jan  1 00:00:00 2024\nFrom: Me <me@example.org>\n"
        f"To: Ann Lee <ann@example.org>\nSubject: Intro\nMessage-ID: <p1@x>\nDate: {stamp}\n\n"
        f"Great to meet you. "
        f"I'll send you the deck tomorrow. I'll try to join on Friday.\n\n"
        f"From x Mon Jan  1 00:00:00 2024\nFrom: Me <me@example.org>\nTo: Bo <bo@example.org>\n"
        f"Subject: Old\nMessage-ID: <p2@x>\nDate: Mon, 1 Jan 2018 10:00:00 +0000\n\n"
        f"I'll send you the old deck.\n"
    )
    import_path(workspace=workspace, user=user, kind="mbox", path=path)
    return day.date()


def test_sent_mail_yields_a_suggested_promise_with_its_due_date(workspace, user, tmp_path):
    written = _mail(tmp_path, workspace, user)
    (promise,) = Commitment.objects.filter(workspace=workspace)  # the hedge and 2018 are not
    assert (promise.kind, promise.state, promise.found_by) == ("promise", "suggested", "detected")
    assert promise.sentence == "I'll send you the deck tomorrow."
    assert promise.due == written + timedelta(days=1)
    assert promise.person.name == "Ann Lee"
    assert "promise.i-will" in promise.evidence
    # Importing again adds nothing.
    import_path(workspace=workspace, user=user, kind="mbox", path=tmp_path / "m.mbox")
    assert Commitment.objects.filter(workspace=workspace).count() == 1


def test_confirm_keep_release_and_renegotiate(workspace, user, tmp_path):
    _mail(tmp_path, workspace, user)
    promise = Commitment.objects.get(workspace=workspace)
    commitment_confirm(workspace=workspace, user=user, commitment_id=promise.pk)
    new_date = timezone.localdate() + timedelta(days=10)
    changed = commitment_close(
        workspace=workspace, commitment_id=promise.pk, state="renegotiated", due=new_date
    )
    assert (changed.state, changed.due, changed.closed_at) == ("renegotiated", new_date, None)
    kept = commitment_close(workspace=workspace, commitment_id=promise.pk, state="kept")
    assert kept.state == "kept" and kept.closed_at is not None


def test_demo_notebook_has_promises_to_confirm(user):
    workspace = demo_load(owner=user)
    suggested = Commitment.objects.filter(workspace=workspace, state="suggested")
    assert suggested.filter(kind="promise").exists()
    assert suggested.filter(kind="request").exists()


def test_promises_page_and_cli(signed_in, workspace, user, tmp_path):
    _mail(tmp_path, workspace, user)
    promise = Commitment.objects.get(workspace=workspace)
    page = signed_in.get(reverse("promises"))
    assert b"I&#x27;ll send you the deck tomorrow." in page.content
    post_with_csrf(
        signed_in, reverse("promises"), reverse("promise-action", args=[promise.pk]),
        {"action": "confirm"},
    )  # fmt: skip
    data = json.loads(CliRunner().invoke(main, ["promises", "--open", "--json"]).output)
    assert [p["what"] for p in data["promises"]] == ["I'll send you the deck tomorrow."]
    assert data["promises"][0]["state"] == "open"
    bad = post_with_csrf(
        signed_in, reverse("promises"), reverse("promise-action", args=[promise.pk]),
        {"action": "explode"},
    )  # fmt: skip
    assert bad.status_code == 400


def test_calendar_feed_validates_and_its_link_can_be_replaced(signed_in, workspace, user, tmp_path):
    import icalendar
    from django.test import Client

    _mail(tmp_path, workspace, user)
    promise = Commitment.objects.get(workspace=workspace)
    commitment_confirm(workspace=workspace, user=user, commitment_id=promise.pk)
    page = post_with_csrf(signed_in, reverse("promises"), reverse("promises-feed-link"), {})
    url = page.context["feed_url"]
    assert url.startswith("http://testserver/feeds/promises/")
    response = Client().get(url.removeprefix("http://testserver"))  # no sign-in: calendar apps
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]).startswith("Promise: I'll send you the deck tomorrow.")
    assert event.decoded("dtstart") == promise.due
    # A new link revokes the old one.
    post_with_csrf(signed_in, reverse("promises"), reverse("promises-feed-link"), {})
    assert Client().get(url.removeprefix("http://testserver")).status_code == 404
    assert Client().get("/feeds/promises/guess.ics").status_code == 404


def test_follow_through_record_counts_my_kept_promises(workspace, user):
    from carefor.care.services import commitment_add, follow_through_record

    today = timezone.localdate()
    on_time = commitment_add(workspace=workspace, user=user, person_id=None, what="a", due=today)
    late = commitment_add(
        workspace=workspace, user=user, person_id=None, what="b", due=today - timedelta(days=3)
    )
    let_go = commitment_add(workspace=workspace, user=user, person_id=None, what="c", due=None)
    for item, state in ((on_time, "kept"), (late, "kept"), (let_go, "released")):
        commitment_close(workspace=workspace, commitment_id=item.pk, state=state, note="n")
    assert follow_through_record(workspace=workspace, user=user) == {
        "kept_on_time": 1, "kept_late": 1, "kept_undated": 0, "released": 1,
    }  # fmt: skip
