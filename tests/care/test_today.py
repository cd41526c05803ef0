"""Today: every kind of item, with its reason and one action; the JSON contract; the cost."""

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from carefor.care.follow_ups import follow_up_add
from carefor.care.models import Commitment
from carefor.care.today import today_queue
from carefor.care.today_actions import today_act
from carefor.cli import main
from carefor.conversations.courtesy import courtesy_refresh
from carefor.conversations.models import Interaction, Participant
from carefor.conversations.services import interaction_record
from carefor.importers.services import import_path
from carefor.people.models import ImportantDate, MyIdentity
from tests.factories import IdentityFactory, PersonFactory
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db


def _stamp(days_ago: float) -> str:
    return (timezone.now() - timedelta(days=days_ago)).strftime("%a, %d %b %Y %H:%M:%S +0000")


def _notebook(workspace, user, tmp_path, people: int = 1):
    """One of each kind of Today item (and `people` extra people, each with all of them)."""
    MyIdentity.objects.create(workspace=workspace, user=user, kind="email", value="me@example.org")
    today = timezone.localdate()
    mbox = []
    for n in range(people):
        person = PersonFactory(workspace=workspace, name=f"Person {n:03}", cadence_days=30)
        IdentityFactory(workspace=workspace, person=person, value=f"p{n}@example.org")
        drifted = PersonFactory(workspace=workspace, name=f"Drifted {n:03}", cadence_days=30)
        interaction_record(
            workspace=workspace,
            kind=Interaction.Kind.CALL,
            occurred_at=timezone.now() - timedelta(days=45),
            participants=[(drifted, Participant.Role.ATTENDEE, "")],
        )
        Commitment.objects.create(
            workspace=workspace,
            person=person,
            kind=Commitment.Kind.PROMISE,
            state=Commitment.State.OPEN,
            what=f"Send the deck to {n}",
            due=today - timedelta(days=2),
        )
        Commitment.objects.create(
            workspace=workspace,
            person=person,
            kind=Commitment.Kind.WAITING_ON,
            state=Commitment.State.OPEN,
            what="Send me the draft",
            due=today,
        )
        follow_up_add(
            workspace=workspace,
            person=person,
            owner=user,
            what="Ask how the move went",
            due=today,
        )
        ImportantDate.objects.create(
            workspace=workspace,
            person=person,
            kind="birthday",
            month=(today + timedelta(days=3)).month,
            day=(today + timedelta(days=3)).day,
        )
        mbox.append(
            f"From x Mon Jan  1 00:00:00 2024\nFrom: {person.name} <p{n}@example.org>\n"
            f"To: me@example.org\nSubject: Question {n}\nMessage-ID: <q{n}@x>\n"
            f"Date: {_stamp(2)}\n\nCould you look at this?\n\n"
        )
    path = tmp_path / f"in{people}.mbox"
    path.write_text("".join(mbox))
    import_path(workspace=workspace, user=user, kind="mbox", path=path)
    courtesy_refresh(workspace=workspace)


def test_each_kind_with_its_reason(workspace, user, tmp_path):
    _notebook(workspace, user, tmp_path)
    queue = today_queue(workspace=workspace, user=user)
    by_kind = {i.kind: i for i in queue.items}
    assert list(by_kind) == ["promise", "waiting_on", "follow_up", "reply", "date", "keep_in_touch"]
    assert by_kind["promise"].why == "You promised Person 000; overdue by 2 days."
    assert by_kind["waiting_on"].why.startswith("Person 000 said they would; due today.")
    assert by_kind["follow_up"].title == "Ask how the move went"
    assert by_kind["reply"].title == "Question 0"
    assert "waiting on your answer" in by_kind["reply"].why
    assert by_kind["date"].why.startswith("Birthday in 3 days")
    # Their mail two days ago counts as being in touch: only Drifted is past the cadence.
    assert [i.person for i in queue.items if i.kind == "keep_in_touch"] == ["Drifted 000"]
    assert by_kind["keep_in_touch"].why == "Last in touch 45 days ago; you wanted every 30 days."


def test_done_and_snooze_for_every_kind(workspace, user, tmp_path):
    _notebook(workspace, user, tmp_path)
    tomorrow = timezone.localdate() + timedelta(days=1)
    for item in today_queue(workspace=workspace, user=user).items:
        action = "done" if item.kind in ("promise", "reply", "date") else "snooze"
        today_act(
            workspace=workspace,
            user=user,
            kind=item.kind,
            object_id=item.object_id,
            key=item.key,
            action=action,
            until=tomorrow if action == "snooze" else None,
        )
    assert today_queue(workspace=workspace, user=user).items == []
    assert Commitment.objects.get(kind="promise").state == Commitment.State.KEPT
    # Snoozed ones come back on the day; done ones do not.
    back = today_queue(workspace=workspace, user=user, today=tomorrow)
    assert {i.kind for i in back.items} >= {"waiting_on", "follow_up"}
    assert "promise" not in {i.kind for i in back.items}


def test_actions_outside_the_workspace_are_refused(workspace, user, tmp_path):
    from tests.factories import MembershipFactory

    _notebook(workspace, user, tmp_path)
    other = MembershipFactory()
    for item in today_queue(workspace=workspace, user=user).items:
        with pytest.raises(LookupError):
            today_act(
                workspace=other.workspace,
                user=other.user,
                kind=item.kind,
                object_id=item.object_id,
                key=item.key,
                action="snooze",
                until=timezone.localdate() + timedelta(days=1),
            )
    with pytest.raises(ValueError):
        today_act(workspace=workspace, user=user, kind="bogus", object_id=1, key="", action="done")


def test_cli_today_json_contract(workspace, user, tmp_path):
    _notebook(workspace, user, tmp_path)
    result = CliRunner().invoke(main, ["today", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["date"] == timezone.localdate().isoformat()
    assert {"date", "items"} <= set(payload)
    for item in payload["items"]:
        assert {"kind", "person", "title", "why", "due"} <= set(item)
    promise = payload["items"][0]
    assert promise["kind"] == "promise" and promise["person"] == "Person 000"
    assert promise["due"] == (timezone.localdate() - timedelta(days=2)).isoformat()
    text = CliRunner().invoke(main, ["today"])
    assert "Promises due (1)" in text.output and "overdue by 2 days" in text.output


def test_queries_do_not_grow_with_the_notebook(workspace, user, tmp_path):
    _notebook(workspace, user, tmp_path, people=2)
    with CaptureQueriesContext(connection) as small:
        today_queue(workspace=workspace, user=user)
    _notebook_more = _notebook  # same builder, many more people
    workspace.people.all().delete()
    MyIdentity.objects.all().delete()
    _notebook_more(workspace, user, tmp_path, people=30)
    with CaptureQueriesContext(connection) as large:
        queue = today_queue(workspace=workspace, user=user)
    assert len(queue.items) > 60
    assert len(large) == len(small) <= 10


def test_today_page_and_htmx_action(signed_in, workspace, user, tmp_path):
    _notebook(workspace, user, tmp_path)
    page = signed_in.get(reverse("today"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "You promised Person 000; overdue by 2 days." in html
    assert "Send the deck to 0" in html
    promise = Commitment.objects.get(kind="promise")
    response = post_with_csrf(
        signed_in,
        reverse("today"),
        reverse("today-action"),
        {
            "kind": "promise",
            "object_id": promise.pk,
            "key": f"commitment:{promise.pk}",
            "action": "done",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and response.content == b""
    promise.refresh_from_db()
    assert promise.state == Commitment.State.KEPT
    assert "Send the deck to 0" not in signed_in.get(reverse("today")).content.decode()
    bad = post_with_csrf(
        signed_in,
        reverse("today"),
        reverse("today-action"),
        {
            "kind": "promise",
            "object_id": promise.pk,
            "key": "x",
            "action": "snooze",
            "until": "soon",
        },
    )
    assert bad.status_code == 400


def test_an_empty_today_is_calm(signed_in):
    html = signed_in.get(reverse("today")).content.decode()
    assert "Nothing needs you today." in html
    assert CliRunner().invoke(main, ["today"]).output.count("Nothing needs you today.") == 1


def test_a_long_section_shows_its_first_items_and_how_many_more(signed_in, workspace, user):
    from carefor.web.views.care import SECTION_LIMIT

    today = timezone.localdate()
    for n in range(SECTION_LIMIT + 5):
        Commitment.objects.create(
            workspace=workspace, kind="promise", state="open", what=f"Promise number {n:02}",
            due=today - timedelta(days=1),
        )  # fmt: skip
    html = signed_in.get(reverse("today")).content.decode()
    assert html.count("Promise number") == SECTION_LIMIT
    assert f"({SECTION_LIMIT + 5})" in html and "5 more" in html
    full = signed_in.get(reverse("today") + "?all=promise").content.decode()
    assert full.count("Promise number") == SECTION_LIMIT + 5
