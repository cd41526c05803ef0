import pytest

from carefor.people.identities import normalise
from carefor.people.models import Identity, Organisation
from carefor.people.selectors import person_list
from carefor.people.services import (
    IdentityConflict,
    PersonDetails,
    my_identity_add,
    person_create,
    person_update,
)
from tests.factories import IdentityFactory, PersonFactory, UserFactory, WorkspaceFactory

pytestmark = pytest.mark.django_db


def test_person_create_stores_identities_and_reuses_organisations(workspace):
    first = person_create(
        workspace=workspace,
        details=PersonDetails(name="  Maria   Chen ", organisation="Lumen Bio"),
        identities=[normalise("Maria@Lumen.example"), normalise("Maria@Lumen.example")],
    )
    second = person_create(
        workspace=workspace, details=PersonDetails(name="Raj", organisation="lumen bio")
    )
    assert first.name == "Maria Chen"
    assert list(first.identities.values_list("value", flat=True)) == ["maria@lumen.example"]
    assert first.organisation == second.organisation
    assert Organisation.objects.filter(workspace=workspace).count() == 1


def test_an_address_belongs_to_one_person_per_workspace(workspace):
    IdentityFactory(person=PersonFactory(workspace=workspace, name="Ann"), value="ann@example.org")
    with pytest.raises(IdentityConflict, match=r"ann@example\.org already belongs to Ann"):
        person_create(
            workspace=workspace,
            details=PersonDetails(name="Other"),
            identities=[normalise("ANN@example.org")],
        )
    # Another workspace may know the same address.
    other = person_create(
        workspace=WorkspaceFactory(),
        details=PersonDetails(name="Ann"),
        identities=[normalise("ann@example.org")],
    )
    assert other.identities.count() == 1


def test_person_update_sets_identities_exactly(workspace):
    person = person_create(
        workspace=workspace,
        details=PersonDetails(name="Bo"),
        identities=[normalise("bo@a.example"), normalise("+14155550100")],
    )
    person_update(
        person=person,
        details=PersonDetails(name="Bo Li", title="Founder"),
        identities=[normalise("bo@a.example"), normalise("bo@b.example")],
    )
    person.refresh_from_db()
    assert (person.name, person.title, person.organisation) == ("Bo Li", "Founder", None)
    assert sorted(Identity.objects.filter(person=person).values_list("value", flat=True)) == [
        "bo@a.example",
        "bo@b.example",
    ]


def test_search_matches_every_word_across_fields(workspace):
    maria = person_create(
        workspace=workspace,
        details=PersonDetails(name="Maria Chen", organisation="Lumen Bio", location="Denver"),
        identities=[normalise("mc@lumen.example")],
    )
    person_create(workspace=workspace, details=PersonDetails(name="Maria Lopez", location="Austin"))
    assert list(person_list(workspace=workspace, query="maria denver")) == [maria]
    assert list(person_list(workspace=workspace, query="lumen")) == [maria]
    assert list(person_list(workspace=workspace, query="mc@lumen")) == [maria]
    assert person_list(workspace=workspace, query="").count() == 2


def test_my_identity_is_per_member(workspace, user):
    identity, created = my_identity_add(workspace=workspace, user=user, text="Me@Example.org")
    assert (identity.value, created) == ("me@example.org", True)
    assert my_identity_add(workspace=workspace, user=user, text="me@example.org")[1] is False
    with pytest.raises(IdentityConflict):
        my_identity_add(workspace=workspace, user=UserFactory(), text="me@example.org")
