"""Ways to help: who in my network could help with what matters to a person.

Local and explainable: what matters to the person (their shared, current matters) is
matched against everyone else's role, organisation, what I wrote about them, what matters
to them and the help they have given before (language/matching.py), and every suggestion
says why. Private matters are never used, on either side.
"""

from __future__ import annotations

from django.db.models import Prefetch

from carefor.care.models import Help, Matter
from carefor.care.privacy import help_visible_to
from carefor.language.matching import Candidate, Need, Suggestion, suggest_helpers
from carefor.people.models import Person, Visibility
from carefor.teams.models import Workspace

SHARED = {"state": Matter.State.CURRENT, "visibility": Visibility.WORKSPACE}
# Help fits what someone is working towards or up against; a value or a taste is to be
# known and respected, not "solved" by an introduction.
NOT_NEEDS = ("value", "preference", "family", "health")
# A single everyday word in free text is a coincidence, not a reason; a role, an
# organisation or help given before can carry a suggestion on one word.
STRONG_FIELDS = frozenset({"title", "organisation", "help_given"})


def ways_to_help(*, workspace: Workspace, person: Person, limit: int = 6) -> list[Suggestion]:
    needs = [
        Need(id=m.pk, kind=m.kind, text=f"{m.what}. {m.why}".strip(". "))
        for m in Matter.objects.filter(workspace=workspace, person=person, **SHARED).exclude(
            kind__in=NOT_NEEDS
        )
    ]
    if not needs:
        return []
    people = (
        Person.objects.filter(workspace=workspace)
        .exclude(pk=person.pk)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("matters", queryset=Matter.objects.filter(**SHARED), to_attr="shared_matters"),
            Prefetch(
                "help_given",
                # Only help anyone may see: a private note's help never explains a match.
                queryset=Help.objects.filter(state=Help.State.CONFIRMED).filter(
                    help_visible_to(None)
                ),
                to_attr="confirmed_help_given",
            ),
        )
        .only("name", "title", "about", "organisation__name")
    )
    candidates = [
        Candidate(
            id=p.pk,
            name=p.name,
            fields={
                "title": p.title,
                "organisation": p.organisation.name if p.organisation else "",
                "about": p.about,
                "matters": " ".join(f"{m.what}. {m.why}" for m in p.shared_matters),
                "help_given": " ".join(f"{h.kind}: {h.what}" for h in p.confirmed_help_given),
            },
        )
        for p in people
    ]
    found = suggest_helpers(
        person_name=person.name.split()[0],
        needs=needs,
        candidates=candidates,
        limit=limit * 3,
        person_id=person.pk,
    )
    return [s for s in found if s.field in STRONG_FIELDS or len(s.terms) >= 2][:limit]
