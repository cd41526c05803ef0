"""One judgement of strings attached: a draft is read exactly as the same text would be if
it reached me as a first contact; the draft checker only adds gentler wording. Doubt
means genuine: the model alone never makes anyone a pitch."""

import pytest

from carefor.language.agenda import Triage
from carefor.language.agenda_model import check_draft, classify, decide, load_examples
from tests.language.test_agenda import GENUINE, NOT_GENUINE

SEED_PITCH = (
    "Happy to help you grow! By the way, we sell a sales-coaching platform — "
    "let's hop on a call next week."
)
TEXTS = [SEED_PITCH, *(row[0] for row in NOT_GENUINE), *GENUINE]
TEXTS += [m.body for m in load_examples() if m.split == "train"][:200]


@pytest.mark.parametrize("text", TEXTS)
def test_draft_and_inbound_verdicts_agree(text):
    inbound = classify([("", text, True)])[0].verdict
    draft = check_draft(text).verdict
    assert draft == ("none" if inbound == "genuine" else inbound)


def test_check_a_draft_flags_the_seed_pitch():
    checked = check_draft(SEED_PITCH)
    assert checked.verdict == "pitch"
    assert [f.rule for f in checked.flags] == ["draft.pitch"]
    assert "By the way, we sell" in checked.flags[0].text and checked.flags[0].suggestion


GENUINE_PROBABILITIES = {"genuine": 0.02, "pitch": 0.97, "reciprocity": 0.01}


def test_the_model_alone_never_makes_a_pitch():
    nothing = Triage("genuine", ())
    assert decide(GENUINE_PROBABILITIES, nothing, (), first_contact=True)[0] != "pitch"
    assert decide(GENUINE_PROBABILITIES, nothing, (), first_contact=False)[0] == "genuine"
    helpless = decide(GENUINE_PROBABILITIES, nothing, (), first_contact=True, seeks_help=True)
    assert helpless == ("genuine", ())


def test_every_accusation_shows_its_evidence():
    items = [("", text, True) for text in TEXTS] + [("", text, False) for text in TEXTS]
    for triage in classify(items):
        if triage.verdict in ("pitch", "reciprocity", "unsure"):
            assert triage.evidence and all(e.why for e in triage.evidence)
        else:
            assert triage.evidence == ()


def test_prior_contact_counts_toward_genuine():
    first = classify([("", text, True) for text in TEXTS])
    later = classify([("", text, False) for text in TEXTS])
    rank = {"genuine": 0, "unsure": 1, "pitch": 2, "reciprocity": 3}
    pitches = [
        (t, a, b) for t, a, b in zip(TEXTS, first, later, strict=True) if a.verdict == "pitch"
    ]
    assert pitches  # the set holds pitches to judge twice
    for text, a, b in zip(TEXTS, first, later, strict=True):
        # A favour ledger is kept with people one knows: only pitches need a first contact.
        if b.verdict in ("pitch", "unsure"):
            assert rank[b.verdict] <= rank[a.verdict], text
    # …and for some of them, having written before is what gives the benefit of the doubt.
    assert any(b.verdict != "pitch" for _, _, b in pitches)


def test_the_models_strings_are_flagged_sentence_by_sentence():
    zara = (
        "Hi Kai,\nSure, I'll retweet your launch. Can you RT my thread on Friday? I'll DM you "
        "the link. We gotta look out for each other!\nZara"
    )
    checked = check_draft(zara)
    assert checked.verdict == "reciprocity" and checked.flags
    for flag in checked.flags:
        assert flag.rule == "draft.trade" and flag.suggestion
        assert flag.text in zara and flag.text.endswith((".", "?", "!"))


def test_a_trade_in_the_subject_is_evidence_too():
    subject = "有赞必回\uff01诚信互赞\uff01"  # with full-width exclamation marks, as written
    [triage] = classify([(subject, "https://github.com/example/tool", True)])
    assert triage.verdict == "reciprocity"
    first = triage.evidence[0]
    assert (first.text, first.start, first.end) == ("有赞必回", 0, 0)
    assert triage.evidence[0].why.startswith("In the subject")
    # "Return the favour" as a subject may be an offer to return it: no evidence alone.
    [offer] = classify([("Return the favour", "Thanks for the kids! Anything I can do?", False)])
    assert offer.verdict == "genuine"
