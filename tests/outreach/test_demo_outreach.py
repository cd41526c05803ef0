"""On the demo notebook, Outreach tells the truth: every first contact gets the verdict a
careful reader gives it, and every pitch or strings-attached verdict shows its evidence."""

import pytest

from carefor.demo.loader import demo_load
from carefor.outreach.models import MessageVerdict

pytestmark = pytest.mark.django_db

# Every first contact in the demo (subject → what a careful reader says, and why).
FIRST_CONTACTS = {
    "Interview on Thursday": "genuine",  # Liam thanks me and asks for tips
    "Greetings from the garden": "genuine",
    "A question about your article on trust": "genuine",
    "What should I have done differently?": "genuine",
    "Your piece on caring for customers": "genuine",  # Elena invites me, and would pay me
    "I'm a mentor now!": "genuine",
    "Marcus Webb suggested I get in touch": "genuine",  # Oliver wants an honest view
    "Bilingual AEs for a client in Mexico City?": "genuine",  # Olu looks for a candidate
    "Would you come on The Quiet Pipeline?": "genuine",  # a podcast invitation
    "Interview request: why sales teams churn": "genuine",  # a reporter
    "Advice: the lab team before the validation run": "genuine",  # Dev's question
    "Hiring our first sales manager": "genuine",  # Henrik asks for advice and would pay
    "Interview request for doctoral research on informal mentoring": "genuine",
    "Congrats on the newsletter!": "pitch",  # congratulations, then "we turn readers into leads"
    "Quick question, Sam": "pitch",  # "by the way, Pipewise helps… 15 minutes?"
    "Your post / my book": "reciprocity",  # "I expected you'd share my book… in return"
    "Returning the favour?": "reciprocity",  # an endorsement traded for a recommendation
}


def test_every_demo_first_contact_gets_a_careful_readers_verdict(user):
    workspace = demo_load(owner=user)
    rows = MessageVerdict.objects.filter(workspace=workspace, first_contact=True).select_related(
        "interaction"
    )
    got = {row.interaction.subject: row.verdict for row in rows}
    assert got == FIRST_CONTACTS
    for row in rows:
        if row.verdict in ("pitch", "reciprocity"):
            assert row.evidence, row.interaction.subject
            said = row.interaction.subject + "\n" + row.interaction.body
            assert all(e["text"] in said and e["why"] for e in row.evidence)


def test_no_one_in_the_demo_is_accused_without_evidence(user):
    workspace = demo_load(owner=user)
    accused = MessageVerdict.objects.filter(
        workspace=workspace, verdict__in=["pitch", "reciprocity", "unsure"]
    )
    assert accused.exists()
    assert all(row.evidence for row in accused)
