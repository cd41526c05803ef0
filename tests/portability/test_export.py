"""`carefor export`: what goes out (contacts that read back in; everything this member may
see) and what never does (another member's private notes and matters; any tally of help)."""

from __future__ import annotations

import csv
import json

import pytest
import vobject
from click.testing import CliRunner

from carefor.care.capture import note_capture
from carefor.care.models import Commitment, FollowUp, Help, Matter
from carefor.cli import main
from carefor.conversations.models import Interaction, Participant
from carefor.importers.google_csv import parse_google_csv
from carefor.people.models import ImportantDate
from carefor.portability.export import CSV_HEADER, export_csv, export_json, export_vcard
from carefor.teams.models import Membership
from tests.factories import (
    IdentityFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

TALLY_WORDS = ("balance", "score", "count", "tally", "owed", "owes", "total", "sum")


@pytest.fixture
def people(workspace):
    acme = OrganisationFactory(workspace=workspace, name="Acme")
    ada = PersonFactory(workspace=workspace, name="Ada Lovelace", organisation=acme,
                        title="Analyst", location="London", about="Likes engines.")  # fmt: skip
    IdentityFactory(person=ada, value="ada@example.net")
    IdentityFactory(person=ada, value="countess@example.org")
    IdentityFactory(person=ada, kind="phone", value="+442079460958")
    IdentityFactory(person=ada, kind="url", value="https://example.org/ada")
    ImportantDate.objects.create(workspace=workspace, person=ada, kind="birthday",
                                 month=12, day=10, year=1815)  # fmt: skip
    grace = PersonFactory(workspace=workspace, name="Grace Hopper")
    IdentityFactory(person=grace, value="grace@example.net")
    ImportantDate.objects.create(workspace=workspace, person=grace, kind="birthday",
                                 month=12, day=9)  # fmt: skip
    ImportantDate.objects.create(workspace=workspace, person=grace, kind="anniversary",
                                 month=6, day=1, year=1930)  # fmt: skip
    cher = PersonFactory(workspace=workspace, name="Cher")
    return [ada, grace, cher]


def test_vcard_reads_back_with_vobject(workspace, user, people, tmp_path):
    path = tmp_path / "people.vcf"
    assert export_vcard(workspace, user, path) == 3
    cards = list(vobject.readComponents(path.read_text()))
    assert [c.fn.value for c in cards] == ["Ada Lovelace", "Grace Hopper", "Cher"]
    ada, grace, cher = cards
    assert sorted(e.value for e in ada.contents["email"]) == [
        "ada@example.net", "countess@example.org"
    ]  # fmt: skip
    assert ada.tel.value == "+442079460958"
    assert ada.url.value == "https://example.org/ada"
    assert ada.org.value == ["Acme"] and ada.title.value == "Analyst"
    assert ada.note.value == "Likes engines."
    assert ada.bday.value == "1815-12-10"
    assert ada.n.value.family == "Lovelace" and ada.n.value.given == "Ada"
    assert grace.bday.value == "--1209"  # year unknown
    assert grace.contents["x-anniversary"][0].value == "1930-06-01"
    assert "email" not in cher.contents


def test_csv_has_one_row_per_person_and_reads_back_as_google_csv(workspace, user, people,
                                                                 tmp_path):  # fmt: skip
    path = tmp_path / "people.csv"
    assert export_csv(workspace, user, path) == 3
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 4
    ada = dict(zip(rows[0], rows[1], strict=True))
    assert ada["Name"] == "Ada Lovelace" and ada["Organization Name"] == "Acme"
    assert ada["Location"] == "London" and ada["Organization Title"] == "Analyst"
    assert ada["E-mail 1 - Value"] == "ada@example.net ::: countess@example.org"
    records = list(parse_google_csv(path.read_bytes()))
    assert [r.name for r in records] == ["Ada Lovelace", "Grace Hopper", "Cher"]
    assert records[0].emails == ("ada@example.net", "countess@example.org")


def _keys(value, found=None):
    found = set() if found is None else found
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            _keys(item, found)
    elif isinstance(value, list):
        for item in value:
            _keys(item, found)
    return found


def test_json_holds_only_what_this_member_may_see_and_no_tally(workspace, user, people,
                                                               tmp_path):  # fmt: skip
    colleague = MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user
    ada, grace, _ = people
    Matter.objects.create(workspace=workspace, person=ada, author=user, kind="goal",
                          what="Wants to build the engine")  # fmt: skip
    Matter.objects.create(workspace=workspace, person=ada, author=user, kind="worry",
                          what="SECRET-MATTER her debts", visibility="private")  # fmt: skip
    FollowUp.objects.create(workspace=workspace, person=ada, owner=user, visibility="private",
                            what="SECRET-FOLLOWUP ask about the debts")  # fmt: skip
    note = Interaction.objects.create(workspace=workspace, kind="note", author=user,
                                      visibility="private",
                                      body="SECRET-NOTE she owes money")  # fmt: skip
    Participant.objects.create(workspace=workspace, interaction=note, person=ada, role="about")
    Commitment.objects.create(workspace=workspace, owner=user, person=ada, kind="promise",
                              what="SECRET-PROMISE lend a hand", source=note)  # fmt: skip
    Help.objects.create(workspace=workspace, created_by=user, receiver=ada,
                        what="SECRET-HELP paid a bill", source=note)  # fmt: skip
    Help.objects.create(workspace=workspace, created_by=user, receiver=grace,
                        what="Reviewed a paper")  # fmt: skip
    captured = note_capture(
        workspace=workspace, person=ada, author=user,
        body="Ada's mother has dementia and she is struggling to cope. "
        "Grace Hopper introduced me to Dana, a dementia nurse.",
    )  # fmt: skip
    assert captured.note.visibility == "carers"
    shared = Interaction.objects.create(workspace=workspace, kind="note", author=colleague,
                                        body="Met Ada for coffee")  # fmt: skip
    Participant.objects.create(workspace=workspace, interaction=shared, person=ada, role="about")

    mine, theirs = tmp_path / "mine.json", tmp_path / "theirs.json"
    export_json(workspace, user, mine)
    export_json(workspace, colleague, theirs)
    mine_text, theirs_text = mine.read_text(), theirs.read_text()
    data = json.loads(theirs_text)

    assert [p["name"] for p in data["people"]] == ["Ada Lovelace", "Grace Hopper", "Cher"]
    assert [m["what"] for m in data["matters"]] == ["Wants to build the engine"]
    assert [i["body"] for i in data["interactions"]] == ["Met Ada for coffee"]
    assert data["interactions"][0]["participants"] == [
        {"person": ada.pk, "role": "about", "address": ""}
    ]
    assert [h["what"] for h in data["help"]] == ["Reviewed a paper"]
    for secret in ("SECRET-", "dementia", "Dana"):
        assert secret not in theirs_text
        assert secret in mine_text  # the author's own export has them
    assert set(data) == {
        "format", "version", "exported_at", "workspace", "exported_for", "people", "matters",
        "life_events", "follow_ups", "interactions", "commitments", "help", "introductions",
    }  # fmt: skip
    for data in (json.loads(mine_text), json.loads(theirs_text)):
        tally = {k for k in _keys(data) if any(word in k.lower() for word in TALLY_WORDS)}
        assert not tally, f"the export keeps score: {tally}"


def test_export_command_writes_each_format(workspace, user, people, tmp_path):
    for kind, check in (("json", "Ada Lovelace"), ("vcard", "BEGIN:VCARD"), ("csv", "Name,")):
        path = tmp_path / f"out.{kind}"
        result = CliRunner().invoke(main, ["export", kind, str(path)])
        assert result.exit_code == 0, result.output
        assert "Exported 3 people" in result.output
        assert check in path.read_text()
    result = CliRunner().invoke(main, ["export", "json", str(tmp_path / "no" / "x.json")])
    assert result.exit_code == 1 and "Cannot write" in result.output
