"""Introductions stored: each step on the timelines, Today's nudges, sending, the CLI."""

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.urls import reverse
from django.utils import timezone

from carefor.care.intro_flow import IntroError
from carefor.care.introductions import intro_propose, intro_step
from carefor.care.models import Help, Introduction
from carefor.care.today import today_queue
from carefor.cli import main
from carefor.conversations.models import Interaction
from carefor.conversations.selectors import timeline_for_person
from tests.factories import IdentityFactory, MembershipFactory, PersonFactory
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(workspace):
    maria = PersonFactory(workspace=workspace, name="Maria Chen", title="CEO")
    priya = PersonFactory(workspace=workspace, name="Priya Raman", title="Partner")
    IdentityFactory(workspace=workspace, person=maria, value="maria@lumen.example")
    IdentityFactory(workspace=workspace, person=priya, value="priya@northgate.example")
    return maria, priya


def _intro(workspace, user, pair):
    maria, priya = pair
    return intro_propose(
        workspace=workspace,
        user=user,
        a=maria,
        b=priya,
        why_a="She is raising her seed round",
        why_b="Priya invests in diagnostics",
    )


def _step(workspace, user, intro, event, **kw):
    return intro_step(workspace=workspace, user=user, intro_id=intro.pk, event=event, **kw).intro


def test_from_proposal_to_done_on_both_timelines(workspace, user, pair):
    maria, priya = pair
    intro = _intro(workspace, user, pair)
    for event in ("ask_a", "a_yes", "ask_b", "b_yes", "introduce"):
        intro = _step(workspace, user, intro, event)
    assert intro.state == "introduced"
    assert intro.outcome_due == timezone.localdate() + timedelta(days=21)
    maria_subjects = [i.subject for i in timeline_for_person(workspace=workspace, person=maria)]
    priya_subjects = [i.subject for i in timeline_for_person(workspace=workspace, person=priya)]
    assert maria_subjects == [
        "Introduction: Maria Chen <> Priya Raman",
        "Would you like to meet Priya Raman?",
    ]
    assert priya_subjects == [
        "Introduction: Maria Chen <> Priya Raman",
        "Would you like to meet Maria Chen?",
    ]
    ask = Interaction.objects.get(subject="Would you like to meet Priya Raman?")
    assert ask.direction == "outbound" and "She is raising her seed round." in ask.body
    # The introduction is help I gave to each of them.
    assert sorted(Help.objects.filter(introduction=intro).values_list("what", flat=True)) == [
        "Introduction to Maria Chen",
        "Introduction to Priya Raman",
    ]
    intro = _step(workspace, user, intro, "outcome", note="Priya's fund led the round")
    assert (intro.state, intro.outcome) == ("done", "Priya's fund led the round")
    assert set(Help.objects.filter(introduction=intro).values_list("outcome", flat=True)) == {
        "Priya's fund led the round"
    }
    assert intro.closed_at is not None


def test_a_decline_closes_and_b_is_never_asked(workspace, user, pair):
    intro = _intro(workspace, user, pair)
    intro = _step(workspace, user, intro, "ask_a")
    intro = _step(workspace, user, intro, "a_no", note="Not raising until spring")
    assert (intro.state, intro.note) == ("declined", "Not raising until spring")
    assert not Interaction.objects.filter(subject__contains="meet Maria Chen").exists()
    with pytest.raises(IntroError):
        _step(workspace, user, intro, "ask_b")


def test_no_answer_shows_on_today_after_a_week_then_ask_again(workspace, user, pair):
    intro = _intro(workspace, user, pair)
    _step(workspace, user, intro, "ask_a", at=timezone.now() - timedelta(days=9))
    (item,) = [
        i for i in today_queue(workspace=workspace, user=user).items if i.kind == "introduction"
    ]
    assert item.why == "No answer from Maria Chen for 9 days: ask once more, or let it go."
    _step(workspace, user, intro, "no_answer")
    intro = _step(workspace, user, intro, "ask_a")
    assert intro.state == "asking_a"
    assert not [
        i for i in today_queue(workspace=workspace, user=user).items if i.kind == "introduction"
    ]


def test_how_did_it_go_is_asked_three_weeks_later(workspace, user, pair):
    intro = _intro(workspace, user, pair)
    long_ago = timezone.now() - timedelta(days=25)
    for event in ("ask_a", "a_yes", "ask_b", "b_yes", "introduce"):
        intro = _step(workspace, user, intro, event, at=long_ago, today=long_ago.date())
    items = [
        i for i in today_queue(workspace=workspace, user=user).items if i.kind == "introduction"
    ]
    assert [i.why.split(";")[1].strip() for i in items] == ["ask how it went."]


def test_sending_through_smtp_and_refusals(workspace, user, pair, smtp_sink, settings):
    intro = _intro(workspace, user, pair)
    result = intro_step(
        workspace=workspace,
        user=user,
        intro_id=intro.pk,
        event="ask_a",
        send=True,
        body="Hi Maria, edited by me.",
    )
    assert result.sent
    (envelope,) = smtp_sink.messages
    assert envelope.rcpt_tos == ["maria@lumen.example"] and b"edited by me" in envelope.content
    assert Interaction.objects.get(source="introduction").body == "Hi Maria, edited by me."
    settings.EMAIL_HOST = ""
    _step(workspace, user, intro, "a_yes")
    with pytest.raises(IntroError, match="No SMTP server"):
        intro_step(workspace=workspace, user=user, intro_id=intro.pk, event="ask_b", send=True)
    assert Introduction.objects.get(pk=intro.pk).state == "a_agreed"  # nothing half-done


def test_propose_checks_the_people(workspace, user, pair):
    maria, _ = pair
    with pytest.raises(ValueError, match="two different people"):
        intro_propose(workspace=workspace, user=user, a=maria, b=maria)
    stranger = PersonFactory()
    with pytest.raises(ValueError, match="another workspace"):
        intro_propose(workspace=workspace, user=user, a=maria, b=stranger)


def test_cli_intro_commands(workspace, user, pair):
    runner = CliRunner()
    proposed = runner.invoke(
        main,
        [
            "intro",
            "propose",
            "Maria Chen",
            "priya@northgate.example",
            "--why-a",
            "Seed round",
            "--json",
        ],
    )
    assert proposed.exit_code == 0, proposed.output
    data = json.loads(proposed.output)
    assert (data["a"], data["b"], data["state"]) == ("Maria Chen", "Priya Raman", "proposed")
    assert data["next"] == ["ask_a", "cancel"]
    shown = runner.invoke(main, ["intro", "show", str(data["id"])])
    assert (
        "Draft for `ask_a` — to maria@lumen.example" in shown.output
        and "Seed round." in shown.output
    )
    for event in ("ask_a", "a_yes"):
        assert runner.invoke(main, ["intro", "step", str(data["id"]), event]).exit_code == 0
    listed = json.loads(runner.invoke(main, ["intro", "list", "--json"]).output)
    assert [i["state"] for i in listed["introductions"]] == ["a_agreed"]
    wrong = runner.invoke(main, ["intro", "step", str(data["id"]), "introduce"])
    assert wrong.exit_code == 1 and "Cannot introduce" in wrong.output
    missing = runner.invoke(main, ["intro", "show", "999"])
    assert missing.exit_code == 1 and "no introduction #999" in missing.output
    bad = runner.invoke(main, ["intro", "step", str(data["id"]), "hug"])
    assert bad.exit_code == 2


def test_web_intro_is_scoped_to_the_workspace(signed_in, workspace, user, pair):
    intro = _intro(workspace, user, pair)
    page = reverse("introduction", args=[intro.pk])
    assert "Ask Maria Chen" in signed_in.get(page).content.decode()
    post_with_csrf(signed_in, page, page, {"event": "ask_a", "how": "self"})
    assert Introduction.objects.get(pk=intro.pk).state == "asking_a"
    other = MembershipFactory()
    theirs = intro_propose(
        workspace=other.workspace,
        user=other.user,
        a=PersonFactory(workspace=other.workspace),
        b=PersonFactory(workspace=other.workspace),
    )
    assert signed_in.get(reverse("introduction", args=[theirs.pk])).status_code == 404
    refused = post_with_csrf(
        signed_in, page, reverse("introduction", args=[theirs.pk]), {"event": "ask_a"}
    )
    assert refused.status_code == 404
    assert Introduction.objects.get(pk=theirs.pk).state == "proposed"
