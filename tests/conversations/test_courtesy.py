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
from tests.conversations.conftest import MAILBOX

pytestmark = pytest.mark.django_db


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


def test_person_replies_agree_with_the_per_side_figures_and_chart(mailbox):
    from carefor.conversations.courtesy import monthly_reply_hours, person_replies

    people = {
        t.person for t in ReplyTurn.objects.filter(workspace=mailbox).select_related("person")
    }
    assert len(people) > 3
    for person in people:
        together = person_replies(workspace=mailbox, person=person)
        assert together.mine == reply_figures(workspace=mailbox, side="mine", person=person)
        assert together.theirs == reply_figures(workspace=mailbox, side="theirs", person=person)
        assert together.monthly == monthly_reply_hours(workspace=mailbox, person=person)
    assert any(person_replies(workspace=mailbox, person=p).monthly for p in people)
