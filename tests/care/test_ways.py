"""Ways to help on the demo notebook: believable suggestions, each with its reason."""

import pytest

from carefor.care.matters import matter_add
from carefor.care.models import Matter
from carefor.care.ways import ways_to_help
from carefor.demo.loader import demo_load
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_demo_people_get_suggestions_with_reasons(user):
    workspace = demo_load(owner=user)
    with_needs = workspace.people.filter(
        matters__state="current", matters__visibility="workspace"
    ).distinct()
    results = {p.name: ways_to_help(workspace=workspace, person=p) for p in with_needs}
    for name, suggestions in results.items():
        print(name, [(s.name, s.reason) for s in suggestions])
    helped = [name for name, suggestions in results.items() if suggestions]
    assert len(helped) >= len(results) // 2, helped
    for name, suggestions in results.items():
        for s in suggestions:
            assert s.name != name and s.reason and s.terms
            need = Matter.objects.get(pk=s.need_id)
            assert need.person.name == name and need.visibility == "workspace"
            assert any(term.lower() in s.reason.lower() for term in s.terms)


def test_private_matters_are_never_used(workspace, user):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    PersonFactory(workspace=workspace, name="Dr Oncologist", title="Oncology nurse")
    matter_add(workspace=workspace, person=ann, author=user, kind="health", what="Oncology care")
    assert ways_to_help(workspace=workspace, person=ann) == []
    matter_add(workspace=workspace, person=ann, author=user, kind="goal", what="Work in oncology")
    (suggestion,) = ways_to_help(workspace=workspace, person=ann)
    assert suggestion.name == "Dr Oncologist" and "oncology" in suggestion.reason.lower()
