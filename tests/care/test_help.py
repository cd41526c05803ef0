"""Help given and received: kept, thanked, followed up, paid forward — and never balanced."""

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.urls import reverse
from django.utils import timezone

from carefor.care.help import (
    help_add,
    help_link_forward,
    help_log,
    help_record_outcome,
    help_thank,
    paid_forward_stories,
)
from carefor.care.today import today_queue
from carefor.care.today_actions import today_act
from carefor.cli import main
from tests.factories import PersonFactory
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db


def _thanks(workspace, user):
    return [i for i in today_queue(workspace=workspace, user=user).items if i.kind == "thank"]


def test_directions_and_checks(workspace, user):
    ann, bo = (
        PersonFactory(workspace=workspace, name="Ann"),
        PersonFactory(workspace=workspace, name="Bo"),
    )
    given = help_add(
        workspace=workspace, user=user, giver=None, receiver=ann, kind="advice", what="Pricing"
    )
    received = help_add(
        workspace=workspace, user=user, giver=bo, receiver=None, kind="referral", what="A client"
    )
    between = help_add(
        workspace=workspace, user=user, giver=ann, receiver=bo, kind="time", what="An hour"
    )
    assert (given.direction, received.direction, between.direction) == (
        "given",
        "received",
        "between",
    )
    # Same day: the newest first.
    assert [h.what for h in help_log(workspace=workspace, user=user, person=ann)] == [
        "An hour",
        "Pricing",
    ]
    assert [h.what for h in help_log(workspace=workspace, user=user, direction="received")] == [
        "A client"
    ]
    for bad in (
        {"giver": None, "receiver": None, "kind": "advice", "what": "x"},
        {"giver": ann, "receiver": ann, "kind": "advice", "what": "x"},
        {"giver": None, "receiver": ann, "kind": "bribe", "what": "x"},
        {"giver": None, "receiver": ann, "kind": "advice", "what": "  "},
        {"giver": None, "receiver": PersonFactory(), "kind": "advice", "what": "x"},
    ):
        with pytest.raises(ValueError):
            help_add(workspace=workspace, user=user, **bad)


def test_received_help_asks_for_thanks_given_help_never_asks_anything(workspace, user):
    ann = PersonFactory(workspace=workspace, name="Ann")
    for n in range(5):  # lots of help given: no reminder of any kind comes of it
        help_add(
            workspace=workspace,
            user=user,
            giver=None,
            receiver=ann,
            kind="advice",
            what=f"Advice {n}",
        )
    assert today_queue(workspace=workspace, user=user).items == []
    got = help_add(
        workspace=workspace,
        user=user,
        giver=ann,
        receiver=None,
        kind="introduction",
        what="Introduction to Dana",
    )
    (item,) = _thanks(workspace, user)
    assert item.title == "Introduction to Dana" and item.person == "Ann"
    assert item.why.startswith("Ann helped you on ") and item.why.endswith("say thank you.")
    today_act(
        workspace=workspace, user=user, kind="thank", object_id=got.pk, key=item.key, action="done"
    )
    got.refresh_from_db()
    assert got.thanked_on == timezone.localdate() and _thanks(workspace, user) == []
    old = help_add(
        workspace=workspace,
        user=user,
        giver=ann,
        receiver=None,
        kind="advice",
        what="Old",
        happened_on=timezone.localdate() - timedelta(days=90),
    )
    assert old.pk and _thanks(workspace, user) == []  # long ago: not nagged about


def test_outcome_and_thanks_only_where_they_fit(workspace, user):
    ann = PersonFactory(workspace=workspace)
    given = help_add(
        workspace=workspace,
        user=user,
        giver=None,
        receiver=ann,
        kind="candidate",
        what="CV to Dana",
    )
    help_record_outcome(workspace=workspace, help_id=given.pk, outcome="Got the interview")
    given.refresh_from_db()
    assert (given.outcome, given.outcome_on) == ("Got the interview", timezone.localdate())
    with pytest.raises(ValueError, match="received"):
        help_thank(workspace=workspace, help_id=given.pk)


def test_pay_it_forward_is_a_story(workspace, user):
    mentor, ann, bo = (PersonFactory(workspace=workspace, name=n) for n in ("Mentor", "Ann", "Bo"))
    today = timezone.localdate()
    received = help_add(
        workspace=workspace,
        user=user,
        giver=mentor,
        receiver=None,
        kind="mentorship",
        what="A year of Friday calls",
        happened_on=today - timedelta(days=900),
    )
    first = help_add(
        workspace=workspace,
        user=user,
        giver=None,
        receiver=ann,
        kind="mentorship",
        what="Friday calls with Ann",
        happened_on=today - timedelta(days=100),
    )
    second = help_add(
        workspace=workspace,
        user=user,
        giver=None,
        receiver=bo,
        kind="advice",
        what="Bo's first hire",
        happened_on=today - timedelta(days=10),
    )
    help_link_forward(workspace=workspace, help_id=first.pk, because_of_id=received.pk)
    help_link_forward(workspace=workspace, help_id=second.pk, because_of_id=received.pk)
    (story,) = paid_forward_stories(workspace=workspace, user=user)
    assert story.help == received
    assert [(s.help.receiver.name, s.help.what) for s in story.then] == [
        ("Ann", "Friday calls with Ann"),
        ("Bo", "Bo's first hire"),
    ]
    with pytest.raises(ValueError, match="received"):
        help_link_forward(workspace=workspace, help_id=second.pk, because_of_id=first.pk)
    with pytest.raises(ValueError, match="gave"):
        help_link_forward(workspace=workspace, help_id=received.pk, because_of_id=received.pk)


def test_cli_help_log(workspace, user):
    PersonFactory(workspace=workspace, name="Ann Lee")
    PersonFactory(workspace=workspace, name="Bo Chen")
    runner = CliRunner()
    added = runner.invoke(
        main,
        [
            "help-log",
            "add",
            "received",
            "Ann Lee",
            "Introduction to Dana",
            "--kind",
            "introduction",
            "--on",
            "2026-11-01",
        ],
    )
    assert added.exit_code == 0, added.output
    between = runner.invoke(
        main,
        [
            "help-log",
            "add",
            "between",
            "Ann Lee",
            "Advice on hiring",
            "--to",
            "Bo Chen",
            "--kind",
            "advice",
            "--outcome",
            "Hired well",
        ],
    )
    assert between.exit_code == 0, between.output
    data = json.loads(runner.invoke(main, ["help-log", "list", "--json"]).output)
    rows = {h["what"]: h for h in data["help"]}
    assert rows["Introduction to Dana"] == {
        "id": rows["Introduction to Dana"]["id"],
        "direction": "received",
        "kind": "introduction",
        "what": "Introduction to Dana",
        "giver": "Ann Lee",
        "receiver": None,
        "happened_on": "2026-11-01",
        "outcome": "",
        "thanked_on": None,
        "paid_forward_from": None,
        "introduction": None,
        "state": "confirmed",
    }
    assert rows["Advice on hiring"]["direction"] == "between"
    text = runner.invoke(main, ["help-log", "list", "--person", "Bo Chen"]).output
    assert "Ann Lee → Bo Chen: Advice on hiring — came of it: Hired well" in text
    missing_to = runner.invoke(main, ["help-log", "add", "between", "Ann Lee", "x"])
    assert missing_to.exit_code == 2 and "--to" in missing_to.output
    bad_kind = runner.invoke(main, ["help-log", "add", "given", "Ann Lee", "x", "--kind", "bribe"])
    assert bad_kind.exit_code == 2


def test_help_page_keeps_a_help_and_resolves_names(signed_in, workspace, user):
    PersonFactory(workspace=workspace, name="Ann Lee")
    page = reverse("help")
    response = post_with_csrf(
        signed_in,
        page,
        page,
        {
            "direction": "received",
            "person": "Ann Lee",
            "kind": "advice",
            "what": "Pricing advice",
        },
        follow=True,
    )
    assert "Pricing advice" in response.content.decode()
    nobody = post_with_csrf(
        signed_in,
        page,
        page,
        {
            "direction": "given",
            "person": "Nobody",
            "kind": "advice",
            "what": "x",
        },
    )
    assert "Nobody in this notebook matches" in nobody.content.decode()
