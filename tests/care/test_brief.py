"""The brief: rich for someone well known, short and honest for someone new."""

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from carefor.care.brief import brief_as_json, brief_as_markdown, person_brief
from carefor.care.follow_ups import follow_up_add, life_event_add
from carefor.care.matters import matter_add
from carefor.care.models import Commitment
from carefor.cli import main
from carefor.conversations.models import Interaction, Participant
from carefor.conversations.services import interaction_record
from carefor.people.models import ImportantDate
from tests.factories import IdentityFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _known(workspace, user, name="Maria Chen", conversations=3):
    maria = PersonFactory(workspace=workspace, name=name, title="Founder", location="Boston")
    IdentityFactory(
        workspace=workspace, person=maria, value=f"{name.split()[0].lower()}@lumen.example"
    )
    matter_add(
        workspace=workspace,
        person=maria,
        author=user,
        kind="goal",
        what="Raise a seed round by spring",
        why="we have nine months of runway",
        in_their_words=True,
    )
    life_event_add(
        workspace=workspace,
        person=maria,
        author=user,
        what="Moving the lab to Cambridge",
        occurs_on=timezone.localdate() + timedelta(days=20),
        follow_up="Ask how the lab move went",
        follow_up_on=timezone.localdate() + timedelta(days=34),
    )
    follow_up_add(
        workspace=workspace, person=maria, owner=user, what="Ask about her co-founder search"
    )
    Commitment.objects.create(
        workspace=workspace,
        person=maria,
        kind="promise",
        state="open",
        what="Introduce her to Priya",
        due=timezone.localdate() + timedelta(days=2),
    )
    Commitment.objects.create(
        workspace=workspace, person=maria, kind="waiting_on", state="open", what="Send the deck"
    )
    ImportantDate.objects.create(workspace=workspace, person=maria, kind="birthday", month=5, day=4)
    for n in range(conversations):
        interaction_record(
            workspace=workspace,
            kind=Interaction.Kind.MEETING,
            occurred_at=timezone.now() - timedelta(days=10 + n),
            subject=f"Breakfast {n}",
            body="Talked about hiring.",
            participants=[(maria, Participant.Role.ATTENDEE, "")],
        )
    return maria


def test_a_rich_brief(workspace, user):
    maria = _known(workspace, user, conversations=7)
    brief = person_brief(workspace=workspace, user=user, person=maria)
    data = brief_as_json(brief)
    assert data["person"]["name"] == "Maria Chen" and data["person"]["emails"] == [
        "maria@lumen.example"
    ]
    assert data["matters"][0]["what"] == "Raise a seed round by spring"
    assert data["matters"][0]["in_their_words"] is True
    assert [c["subject"] for c in data["conversations"]] == [f"Breakfast {n}" for n in range(5)]
    assert data["promises"]["mine"][0]["what"] == "Introduce her to Priya"
    assert data["promises"]["theirs"][0]["what"] == "Send the deck"
    # Dated first (the lab move's follow-up), then the question for next time.
    assert [q["what"] for q in data["questions"]] == [
        "Ask how the lab move went",
        "Ask about her co-founder search",
    ]
    assert data["life_events"][0]["what"] == "Moving the lab to Cambridge"
    assert data["dates"][0]["label"] == "Birthday"
    assert data["missing"] == []
    md = brief_as_markdown(brief)
    assert md.startswith("# Maria Chen\nFounder · Boston")
    assert (
        "**goal**: Raise a seed round by spring — in their words: “we have nine months of runway”"
        in md
    )
    assert "## I promised\n- Introduce her to Priya" in md


def test_a_new_person_gets_a_short_honest_brief(workspace, user):
    new = PersonFactory(workspace=workspace, name="New Person")
    brief = person_brief(workspace=workspace, user=user, person=new)
    md = brief_as_markdown(brief)
    assert "## What matters" not in md and "## Last conversations" not in md
    assert "## Still to learn" in md
    assert "No conversations recorded yet." in md
    assert len(md.splitlines()) < 8


def test_brief_queries_do_not_grow_with_history(workspace, user):
    few = _known(workspace, user, name="Few Things", conversations=2)
    many = _known(workspace, user, name="Many Things", conversations=40)
    with CaptureQueriesContext(connection) as small:
        brief_as_json(person_brief(workspace=workspace, user=user, person=few))
    with CaptureQueriesContext(connection) as large:
        brief_as_json(person_brief(workspace=workspace, user=user, person=many))
    assert len(large) == len(small) <= 15


def test_cli_brief_formats_and_person_references(workspace, user):
    maria = _known(workspace, user)
    runner = CliRunner()
    for reference in ("Maria Chen", "maria@lumen.example", f"#{maria.pk}", str(maria.pk)):
        result = runner.invoke(main, ["brief", reference, "--format", "json"])
        assert result.exit_code == 0, (reference, result.output)
        assert json.loads(result.output)["person"]["id"] == maria.pk
    md = runner.invoke(main, ["brief", "Maria Chen"])
    assert md.output.startswith("# Maria Chen")


def test_cli_brief_ambiguous_and_unknown(workspace, user):
    PersonFactory(workspace=workspace, name="Sam Lee")
    PersonFactory(workspace=workspace, name="Sam Lee")
    runner = CliRunner()
    ambiguous = runner.invoke(main, ["brief", "Sam Lee"])
    assert ambiguous.exit_code != 0
    assert "matches several people" in ambiguous.output and ambiguous.output.count("Sam Lee") >= 3
    unknown = runner.invoke(main, ["brief", "Nobody"])
    assert unknown.exit_code != 0 and "Nobody in" in unknown.output
    bad = runner.invoke(main, ["brief", "Sam Lee", "--format", "pdf"])
    assert bad.exit_code == 2 and "'pdf' is not one of" in bad.output


def test_brief_page_is_printable(signed_in, workspace, user):
    maria = _known(workspace, user)
    html = signed_in.get(reverse("people:brief", args=[maria.pk])).content.decode()
    assert "Raise a seed round by spring" in html
    assert "Introduce her to Priya" in html
    assert "window.print()" in html
    other = PersonFactory()  # another workspace
    assert signed_in.get(reverse("people:brief", args=[other.pk])).status_code == 404
