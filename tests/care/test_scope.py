"""Per-member queues: in a team, Today, Courtesy and Promises are for the people I care
for (and what is mine); working alone nothing is narrowed."""

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from carefor.care.coverage import carer_add
from carefor.care.models import Commitment
from carefor.care.scope import scope_for
from carefor.care.today import today_queue
from carefor.cli import main
from carefor.conversations.courtesy import awaiting, courtesy_refresh
from carefor.importers.services import import_path
from carefor.people.models import ImportantDate, MyIdentity
from carefor.teams.models import Membership
from tests.factories import PASSWORD, IdentityFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _stamp(days_ago: float) -> str:
    return (timezone.now() - timedelta(days=days_ago)).strftime("%a, %d %b %Y %H:%M:%S +0000")


@pytest.fixture
def team(workspace, user, tmp_path):
    """Two members; Mine (cared for by me), Theirs (by the colleague), Nobody's (no carer).
    Each has a birthday soon, an overdue cadence, mail waiting on a reply, and a promise
    nobody owns; the colleague also made a promise to Mine."""
    colleague = MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user
    MyIdentity.objects.create(workspace=workspace, user=user, kind="email", value="me@example.org")
    soon = timezone.localdate() + timedelta(days=2)
    people = {}
    mbox = []
    for n, name in enumerate(("Mine", "Theirs", "Nobody's")):
        person = PersonFactory(workspace=workspace, name=name, cadence_days=1)
        IdentityFactory(workspace=workspace, person=person, value=f"p{n}@example.org")
        ImportantDate.objects.create(
            workspace=workspace, person=person, kind="birthday", month=soon.month, day=soon.day
        )
        Commitment.objects.create(
            workspace=workspace, person=person, kind=Commitment.Kind.PROMISE,
            state=Commitment.State.OPEN, what=f"Send {name} the notes",
            due=timezone.localdate() - timedelta(days=1),
        )  # fmt: skip
        mbox.append(
            f"From x Mon Jan  1 00:00:00 2024\nFrom: {name} <p{n}@example.org>\n"
            f"To: me@example.org\nSubject: Question from {name}\nMessage-ID: <q{n}@x>\n"
            f"Date: {_stamp(2)}\n\nCould you look at this?\n\n"
        )
        people[name] = person
    path = tmp_path / "in.mbox"
    path.write_text("".join(mbox))
    import_path(workspace=workspace, user=user, kind="mbox", path=path)
    courtesy_refresh(workspace=workspace)
    carer_add(workspace=workspace, person=people["Mine"], user=user)
    carer_add(workspace=workspace, person=people["Theirs"], user=colleague)
    Commitment.objects.create(
        workspace=workspace, person=people["Mine"], owner=colleague,
        kind=Commitment.Kind.PROMISE, state=Commitment.State.OPEN,
        what="Colleague's promise to Mine", due=timezone.localdate(),
    )  # fmt: skip
    return colleague, people


def _people_by_kind(queue) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for item in queue.items:
        found.setdefault(item.kind, set()).add(item.person)
    return found


def test_alone_nothing_is_narrowed(workspace, user):
    PersonFactory(workspace=workspace, name="Anyone", cadence_days=7)
    scope = scope_for(workspace=workspace, user=user)
    assert not scope.team and not scope.mine
    queue = today_queue(workspace=workspace, user=user, scope=scope)
    assert [i.person for i in queue.items if i.kind == "keep_in_touch"] == ["Anyone"]


def test_today_is_each_members_own(workspace, user, team):
    colleague, _ = team
    mine = _people_by_kind(
        today_queue(workspace=workspace, user=user, scope=scope_for(workspace=workspace, user=user))
    )
    assert mine == {
        "promise": {"Mine"},  # the unowned promise about Mine; the colleague's stays theirs
        "reply": {"Mine"},
        "date": {"Mine"},
        "keep_in_touch": {"Mine"},
    }
    theirs = today_queue(
        workspace=workspace, user=colleague, scope=scope_for(workspace=workspace, user=colleague)
    )
    assert {i.title for i in theirs.items if i.kind == "promise"} == {
        "Send Theirs the notes",
        "Colleague's promise to Mine",
    }
    assert _people_by_kind(theirs)["date"] == {"Theirs"}
    # Everyone: the whole workspace, Nobody's included.
    everyone = scope_for(workspace=workspace, user=user, everyone=True)
    wide = _people_by_kind(today_queue(workspace=workspace, user=user, scope=everyone))
    assert wide["date"] == {"Mine", "Theirs", "Nobody's"}


def test_courtesy_and_promises_pages_follow_the_scope(workspace, user, team, signed_in):
    html = signed_in.get(reverse("courtesy")).content.decode()
    assert "Question from Mine" in html and "Question from Theirs" not in html
    assert "Showing the 1 person you care for" in html
    wide = signed_in.get(reverse("courtesy") + "?everyone=1").content.decode()
    assert "Question from Theirs" in wide and "Question from Nobody" in wide
    promises = signed_in.get(reverse("promises")).content.decode()
    assert "Send Mine the notes" in promises
    assert "Send Theirs the notes" not in promises
    assert "Colleague&#x27;s promise to Mine" not in promises
    today = signed_in.get(reverse("today")).content.decode()
    assert "Send Mine the notes" in today and "Send Theirs the notes" not in today
    assert "Show everyone in" in today


@pytest.mark.usefixtures("team")
def test_a_member_caring_for_nobody_is_told_so(workspace, user):
    stranger = MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user
    client = Client()
    assert client.login(email=stranger.email, password=PASSWORD)
    html = client.get(reverse("today")).content.decode()
    assert "You are not a carer of anyone yet" in html
    assert "Send Mine the notes" not in html
    ids = scope_for(workspace=workspace, user=stranger).person_ids
    assert awaiting(workspace=workspace, user=stranger, side="mine", person_ids=ids) == []


def test_cli_and_api_follow_the_scope(workspace, user, team):
    from carefor.teams.tokens import api_token_create

    result = CliRunner().invoke(main, ["today", "--json", "--user", user.email])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["scope"] == "my_people"
    assert {i["person"] for i in payload["items"]} == {"Mine"}
    wide = json.loads(
        CliRunner().invoke(main, ["today", "--json", "--everyone", "--user", user.email]).output
    )
    assert wide["scope"] == "everyone"
    assert {i["person"] for i in wide["items"]} == {"Mine", "Theirs", "Nobody's"}

    _, raw = api_token_create(workspace=workspace, user=user, name="test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    client = Client()
    today = client.get("/api/v1/today", **auth).json()
    assert {i["person"] for i in today["items"]} == {"Mine"}
    waits = client.get("/api/v1/courtesy/awaiting", **auth).json()["items"]
    assert [w["name"] for w in waits] == ["Mine"]
    promises = client.get("/api/v1/promises?everyone=true", **auth).json()["items"]
    assert len(promises) == 4


def test_thanks_go_to_who_received_the_help(workspace, user, team):
    """Help a colleague received from a person I care for is theirs to thank for."""
    from carefor.care.models import Help

    colleague, people = team
    for who, giver in ((colleague, people["Mine"]), (user, people["Nobody's"])):
        Help.objects.create(
            workspace=workspace, created_by=who, giver=giver, receiver=None,
            what=f"Helped {who.name}", state=Help.State.CONFIRMED,
            happened_on=timezone.localdate(),
        )  # fmt: skip
    mine = today_queue(
        workspace=workspace, user=user, scope=scope_for(workspace=workspace, user=user)
    )
    assert [i.title for i in mine.items if i.kind == "thank"] == [f"Helped {user.name}"]
    theirs = today_queue(
        workspace=workspace, user=colleague, scope=scope_for(workspace=workspace, user=colleague)
    )
    assert [i.title for i in theirs.items if i.kind == "thank"] == [f"Helped {colleague.name}"]


def test_a_promise_about_nobody_is_everyones(workspace, user, team):
    """Found in mail from nobody we know: no owner, no person — not lost between queues."""
    colleague, _ = team
    Commitment.objects.create(
        workspace=workspace, kind=Commitment.Kind.PROMISE, state=Commitment.State.OPEN,
        what="Reply to the conference", due=timezone.localdate(),
    )  # fmt: skip
    for member in (user, colleague):
        queue = today_queue(
            workspace=workspace, user=member, scope=scope_for(workspace=workspace, user=member)
        )
        assert "Reply to the conference" in [i.title for i in queue.items], member


def test_a_viewer_sees_the_whole_workspace(workspace, user, team):
    """A viewer cannot be a carer, so narrowing to 'my people' would show them nothing."""
    viewer = MembershipFactory(workspace=workspace, role=Membership.Role.VIEWER).user
    scope = scope_for(workspace=workspace, user=viewer)
    assert scope.team and not scope.mine
    queue = today_queue(workspace=workspace, user=viewer, scope=scope)
    assert {i.person for i in queue.items if i.kind == "date"} == {"Mine", "Theirs", "Nobody's"}


def test_a_promise_in_my_sent_mail_is_mine(workspace, user, team, tmp_path):
    """In a team, mail I imported and sent is mine: its promise to someone nobody cares
    for yet is on my Today (owned by me), not lost between queues."""
    colleague, _ = team
    stranger = PersonFactory(workspace=workspace, name="Stranger")
    IdentityFactory(workspace=workspace, person=stranger, value="stranger@example.org")
    path = tmp_path / "out.mbox"
    path.write_text(
        "From x Mon Jan  1 00:00:00 2024\nFrom: Me <me@example.org>\n"
        f"To: Stranger <stranger@example.org>\nSubject: Slides\nMessage-ID: <s1@x>\n"
        f"Date: {_stamp(1)}\n\nI'll send you the slides tomorrow.\n"
    )
    import_path(workspace=workspace, user=user, kind="mbox", path=path)
    from carefor.care.services import commitments_detect_recent

    commitments_detect_recent(workspace=workspace)
    (promise,) = Commitment.objects.filter(person=stranger)
    assert promise.owner == user
    mine = scope_for(workspace=workspace, user=user)
    theirs = scope_for(workspace=workspace, user=colleague)
    from carefor.care.services import commitments_suggested

    assert list(commitments_suggested(workspace=workspace, user=user, scope=mine)) == [promise]
    assert list(commitments_suggested(workspace=workspace, user=colleague, scope=theirs)) == []
