"""Possible duplicates and merging: suggested, never automatic, and nothing lost."""

import pytest
from click.testing import CliRunner
from django.urls import reverse

from carefor.cli import main
from carefor.conversations.models import Participant
from carefor.people.models import ImportantDate, Person
from carefor.people.selectors import duplicate_candidates
from carefor.people.services import person_merge
from tests.factories import IdentityFactory, ParticipantFactory, PersonFactory
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_marias(workspace):
    """GIVEN one Maria known by her work address and another by her home address,
    both on the same message, each with history of their own."""
    work = PersonFactory(workspace=workspace, name="Maria Chen", title="CEO")
    home = PersonFactory(
        workspace=workspace, name="Chen, María", location="Boston", about="Two kids."
    )
    IdentityFactory(person=work, value="maria@lumen.example")
    IdentityFactory(person=home, value="maria@home.example")
    shared = ParticipantFactory(person=work, interaction__workspace=workspace, role="to")
    ParticipantFactory(person=home, interaction=shared.interaction, role="to")
    ParticipantFactory(person=home, interaction__workspace=workspace, role="from")
    ImportantDate.objects.create(workspace=workspace, person=home, kind="birthday", month=4, day=12)
    return work, home


def test_same_name_however_written_is_suggested(workspace, two_marias):
    PersonFactory(workspace=workspace, name="Raj Patel")
    (group,) = duplicate_candidates(workspace=workspace)
    assert {p.pk for p in group.people} == {p.pk for p in two_marias}


def test_merge_keeps_every_interaction_identity_and_date(workspace, two_marias):
    work, home = two_marias
    merged = person_merge(workspace=workspace, keep=work, drop=home)
    assert not Person.objects.filter(pk=home.pk).exists()
    assert sorted(merged.identities.values_list("value", flat=True)) == [
        "maria@home.example",
        "maria@lumen.example",
    ]
    assert Participant.objects.filter(person=merged).count() == 2  # the shared one once
    assert merged.important_dates.get().month == 4
    assert (merged.title, merged.location, merged.about) == ("CEO", "Boston", "Two kids.")
    assert duplicate_candidates(workspace=workspace) == []


def test_cli_merge_by_address(workspace, user, two_marias):
    result = CliRunner().invoke(
        main, ["people", "merge", "maria@lumen.example", "maria@home.example", "--yes"]
    )
    assert result.exit_code == 0, result.output
    assert "now has 2 addresses" in result.output
    assert Person.objects.filter(workspace=workspace).count() == 1


def test_cli_merge_ambiguous_name_asks_for_an_id(workspace, user, two_marias):
    result = CliRunner().invoke(main, ["people", "merge", "chen", "maria@home.example", "--yes"])
    assert result.exit_code == 1
    assert "matches several people" in result.output


def test_web_duplicates_and_merge(signed_in, workspace, two_marias):
    work, home = two_marias
    page = signed_in.get(reverse("people:duplicates"))
    assert f"Merge #{home.pk} into #{work.pk}".encode() in page.content
    response = post_with_csrf(
        signed_in, reverse("people:duplicates"), reverse("people:merge"),
        {"keep": work.pk, "drop": home.pk},
    )  # fmt: skip
    assert response["Location"] == reverse("people:detail", args=[work.pk])
    assert not Person.objects.filter(pk=home.pk).exists()


def test_web_merge_cannot_reach_another_workspace(signed_in, workspace, two_marias):
    stranger = PersonFactory(name="Maria Chen")  # another workspace
    response = post_with_csrf(
        signed_in, reverse("people:duplicates"), reverse("people:merge"),
        {"keep": two_marias[0].pk, "drop": stranger.pk},
    )  # fmt: skip
    assert response.status_code == 404
    assert Person.objects.filter(pk=stranger.pk).exists()
