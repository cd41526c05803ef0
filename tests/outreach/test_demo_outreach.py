"""On the demo notebook, Outreach reads believably: the pitches and the reciprocity
demands written into the stories are caught with evidence; friends' mail stays genuine."""

import pytest

from carefor.demo.loader import demo_load
from carefor.outreach.models import MessageVerdict

pytestmark = pytest.mark.django_db


def test_demo_verdicts(user):
    workspace = demo_load(owner=user)
    verdicts = {
        v.interaction.subject: v
        for v in MessageVerdict.objects.filter(workspace=workspace).select_related("interaction")
    }
    pipewise = verdicts["Quick question, Sam"]  # "by the way, Pipewise helps… 15 minutes?"
    assert pipewise.verdict == "pitch" and pipewise.first_contact and pipewise.evidence
    assert verdicts["Returning the favour?"].verdict == "reciprocity"
    assert verdicts["Returning the favour?"].evidence
    for subject in ("Seed deck — would you tear it apart?", "I got the job!!", "Promoted!"):
        assert verdicts[subject].verdict == "genuine", subject
    shares = [v.verdict for v in verdicts.values()]
    assert shares.count("genuine") / len(shares) >= 0.8
