"""Quick capture: a note is kept, and what it mentions is proposed, scheduled, confirmed."""

import json
from datetime import date, datetime, timedelta

import pytest
from click.testing import CliRunner
from django.utils import timezone

from carefor.care.capture import note_capture, person_proposals, proposal_decide
from carefor.care.models import Commitment, FollowUp, LifeEvent, Matter
from carefor.care.today import today_queue
from carefor.cli import main
from carefor.conversations.models import Interaction
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

NOTE = (
    "Coffee with Priya. She wants to move into product management because she misses "
    "talking to customers. Her father is in hospital after a fall. They are moving to Denver "
    "in March. I will send her the PM reading list by Friday. Next time ask how her marathon "
    "training is going."
)
MONDAY = timezone.make_aware(datetime(2026, 11, 23, 18, 0))


def _capture(workspace, user, person, body=NOTE, when=MONDAY):
    return note_capture(
        workspace=workspace, person=person, author=user, body=body, occurred_at=when
    )


def test_a_note_proposes_matters_events_follow_ups_and_promises(workspace, user):
    priya = PersonFactory(workspace=workspace, name="Priya Raman")
    found = _capture(workspace, user, priya)
    assert found.note.kind == Interaction.Kind.NOTE and found.note.body == NOTE
    goal = next(m for m in found.matters if m.kind == "goal")
    assert (goal.what, goal.why, goal.state, goal.visibility) == (
        "Move into product management",
        "she misses talking to customers",
        Matter.State.SUGGESTED,
        "workspace",
    )
    assert goal.source == found.note and goal.sentence.startswith("She wants to")
    health = next(m for m in found.matters if m.kind == "health")
    assert health.visibility == "carers"  # health: the person's carers by default

    events = {e.what: e for e in found.life_events}
    move = events["Moving to Denver"]
    (move_follow_up,) = move.follow_ups.all()
    assert move_follow_up.what == "Ask how the move to Denver went"
    assert move_follow_up.due > date(2027, 3, 1)  # after the move, not before
    assert move_follow_up.state == FollowUp.State.SUGGESTED
    hospital = events["Her father in hospital"]
    assert hospital.visibility == "carers"
    (ask_father,) = hospital.follow_ups.all()
    assert ask_father.visibility == "carers"
    assert date(2026, 11, 24) <= ask_father.due <= date(2026, 11, 30)  # days, not months

    (question,) = found.follow_ups
    assert (question.what, question.due) == ("Ask how her marathon training is going", None)

    (promise,) = found.commitments
    assert (promise.kind, promise.due) == (Commitment.Kind.PROMISE, date(2026, 11, 27))


def test_capturing_is_idempotent_per_note(workspace, user):
    priya = PersonFactory(workspace=workspace)
    found = _capture(workspace, user, priya)
    from carefor.care.capture import proposals_for_note

    again = proposals_for_note(workspace=workspace, person=priya, note=found.note)
    assert again.count == found.count
    assert Matter.objects.count() == len(found.matters)
    assert FollowUp.objects.count() == len(found.follow_ups) + len(found.life_events)


def test_proposals_wait_for_confirmation_then_show_on_today(workspace, user):
    priya = PersonFactory(workspace=workspace, name="Priya Raman")
    found = _capture(workspace, user, priya)
    hospital = next(e for e in found.life_events if "hospital" in e.what)
    due = hospital.follow_ups.get().due
    # Not confirmed: Today stays quiet about it, even when due.
    assert not [
        i
        for i in today_queue(workspace=workspace, user=user, today=due).items
        if i.kind == "follow_up"
    ]
    proposal_decide(
        workspace=workspace, user=user, kind="life_event", object_id=hospital.pk, accept=True
    )
    (item,) = [
        i
        for i in today_queue(workspace=workspace, user=user, today=due).items
        if i.kind == "follow_up"
    ]
    assert item.title == "Ask how her father is doing"
    assert "Her father in hospital" in item.why
    # The day before it is due, it is not on Today yet.
    earlier = today_queue(workspace=workspace, user=user, today=due - timedelta(days=1))
    assert not [i for i in earlier.items if i.kind == "follow_up"]


def test_dismissed_proposals_leave_the_list_and_decisions_are_scoped(workspace, user):
    priya = PersonFactory(workspace=workspace)
    found = _capture(workspace, user, priya)
    goal = found.matters[0]
    proposal_decide(workspace=workspace, user=user, kind="matter", object_id=goal.pk, accept=False)
    goal.refresh_from_db()
    assert goal.state == Matter.State.DISMISSED
    left = person_proposals(workspace=workspace, user=user, person=priya)
    assert goal.pk not in [m.pk for m in left.matters]
    from tests.factories import MembershipFactory

    other = MembershipFactory()
    with pytest.raises(LookupError):
        proposal_decide(
            workspace=other.workspace,
            user=other.user,
            kind="matter",
            object_id=goal.pk,
            accept=True,
        )
    with pytest.raises(ValueError):
        proposal_decide(workspace=workspace, user=user, kind="bogus", object_id=1, accept=True)


def test_dismissing_a_life_event_drops_its_follow_up(workspace, user):
    priya = PersonFactory(workspace=workspace)
    found = _capture(workspace, user, priya)
    move = next(e for e in found.life_events if "Denver" in e.what)
    proposal_decide(
        workspace=workspace, user=user, kind="life_event", object_id=move.pk, accept=False
    )
    move.refresh_from_db()
    assert move.state == LifeEvent.State.DISMISSED
    assert set(move.follow_ups.values_list("state", flat=True)) == {FollowUp.State.DISMISSED}


def test_cli_note_from_stdin_proposes_and_json_contract(workspace, user):
    PersonFactory(workspace=workspace, name="Priya Raman")
    result = CliRunner().invoke(main, ["note", "Priya", "-", "--json"], input=NOTE)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["note"]["person"] == "Priya Raman"
    kinds = [p["kind"] for p in payload["proposals"]]
    assert kinds.count("matter") == 2 and "commitment" in kinds and "follow_up" in kinds
    assert {p["state"] for p in payload["proposals"]} == {"proposed"}
    assert set(payload["proposals"][0]) == {"kind", "id", "text", "person", "state"}


def test_cli_note_yes_confirms_everything(workspace, user, tmp_path):
    PersonFactory(workspace=workspace, name="Priya Raman")
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    result = CliRunner().invoke(main, ["note", "Priya Raman", str(path), "--yes"])
    assert result.exit_code == 0, result.output
    assert "Saved a note about Priya Raman." in result.output
    assert not Matter.objects.filter(state=Matter.State.SUGGESTED).exists()
    assert Matter.objects.filter(state=Matter.State.CURRENT).count() == 2
    assert Commitment.objects.get().state == Commitment.State.OPEN


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["note", "Nobody Here", "-"], "Hello", "Nobody in"),
        (["note", "Priya", "-"], "   \n", "The note is empty"),
        (["note", "Priya", "/no/such/file.txt"], "", "No such file or directory"),
    ],
)
def test_cli_note_mistakes_get_a_clear_message(workspace, user, args, stdin, message):
    PersonFactory(workspace=workspace, name="Priya Raman")
    result = CliRunner().invoke(main, args, input=stdin)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


ANA_NOTE = (
    "Had coffee with Ana. Her daughter starts university in Lisbon in September, she is "
    "anxious about it. I promised to send her the intro to Marco by Friday."
)


def test_the_ana_note_is_read_as_a_report(workspace, user):
    ana = PersonFactory(workspace=workspace, name="Ana Costa")
    PersonFactory(workspace=workspace, name="Marco Rossi")
    found = _capture(workspace, user, ana, body=ANA_NOTE)
    [promise] = found.commitments
    assert (promise.kind, promise.person, promise.due) == (
        Commitment.Kind.PROMISE,
        ana,
        date(2026, 11, 27),  # the Friday after that Monday
    )
    worry = next(m for m in found.matters if m.kind == "worry")
    assert worry.person == ana and "anxious" in worry.sentence
    [event] = found.life_events
    [follow_up] = event.follow_ups.all()
    assert event.person == ana and date(2027, 9, 1) <= follow_up.due <= date(2027, 10, 31)


def test_a_note_naming_two_people_gives_each_their_own(workspace, user):
    mariam = PersonFactory(workspace=workspace, name="Mariam Yusuf")
    luis = PersonFactory(workspace=workspace, name="Luis Herrera")
    note = (
        "Mutual aid call\n"
        "- Mariam: eviction hearing on Dec 11. She asked me to come with her.\n"
        "- Luis: kid's surgery went fine. I said I'd draft the fundraiser update by Friday."
    )
    found = _capture(workspace, user, mariam, body=note)
    whose = {c.what: (c.kind, c.person) for c in found.commitments}
    assert whose["She asked me to come with her."] == (Commitment.Kind.REQUEST, mariam)
    drafted = next(c for c in found.commitments if "fundraiser" in c.what)
    assert (drafted.kind, drafted.person, drafted.due) == (
        Commitment.Kind.PROMISE,
        luis,
        date(2026, 11, 27),
    )
    assert [other for other, _ in found.elsewhere(mariam)] == [luis]
    # Luis's page shows what is his; Mariam's shows hers.
    assert person_proposals(workspace=workspace, person=luis, user=user).commitments == [drafted]


def test_a_request_and_my_yes_in_one_sentence_is_one_promise(workspace, user):
    mariam = PersonFactory(workspace=workspace, name="Mariam Yusuf")
    found = _capture(
        workspace, user, mariam, body="Needs someone to come with her, told her I'd go."
    )
    [only] = found.commitments
    assert only.kind == Commitment.Kind.PROMISE


def test_a_misread_name_cannot_show_a_private_sentence_to_someone_elses_carers(workspace, user):
    from carefor.people.models import Visibility

    ana = PersonFactory(workspace=workspace, name="Ana Silva")
    grace = PersonFactory(workspace=workspace, name="Grace Long")
    found = note_capture(
        workspace=workspace,
        person=ana,
        author=user,
        body="Long chat with Ana. Her chemo starts on 4/5. I'll drive her.",
        occurred_at=MONDAY,
        visibility=Visibility.CARERS,
    )
    assert not Matter.objects.filter(person=grace).exists()
    assert not LifeEvent.objects.filter(person=grace).exists()
    assert all(m.person == ana for m in found.matters + found.life_events)


def test_a_finding_about_someone_else_from_a_narrow_note_is_only_mine(workspace, user):
    from carefor.people.models import Visibility

    mariam = PersonFactory(workspace=workspace, name="Mariam Yusuf")
    luis = PersonFactory(workspace=workspace, name="Luis Herrera")
    note_capture(
        workspace=workspace,
        person=mariam,
        author=user,
        body="- Luis: his knee surgery is on Dec 11, he is nervous about it.",
        occurred_at=MONDAY,
        visibility=Visibility.CARERS,
    )
    rows = [*Matter.objects.filter(person=luis), *LifeEvent.objects.filter(person=luis)]
    assert rows and {r.visibility for r in rows} == {Visibility.PRIVATE}
