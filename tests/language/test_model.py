"""The shipped model file is the one that was measured, and it still scores as recorded."""

import json

import pytest

from carefor.language.model import (
    CARD_FILE,
    MODEL_FILE,
    MODEL_VERSION,
    classify_sentences,
    decide,
    file_sha256,
    load_examples,
    load_model,
    scores,
    verdicts,
)


def test_model_file_matches_its_recorded_hash():
    card = json.loads(CARD_FILE.read_text())
    assert card["version"] == MODEL_VERSION == 2
    assert MODEL_FILE.name == "commitments-v2.joblib"
    assert file_sha256(MODEL_FILE) == card["sha256"]


def test_model_loads_and_reproduces_its_held_out_scores():
    card = json.loads(CARD_FILE.read_text())
    model = load_model()
    test = [e for e in load_examples() if e.split == "test"]
    assert len(test) == card["tested_on"]
    classes = list(model.classes_)
    predicted = [
        decide(dict(zip(classes, row, strict=True)))
        for row in model.predict_proba([e.sentence for e in test])
    ]
    measured = scores([e.label for e in test], predicted)
    for label, recorded in card["test_scores"].items():
        assert measured[label]["f1"] == pytest.approx(recorded["f1"], abs=1e-4)
        assert measured[label]["precision"] == pytest.approx(recorded["precision"], abs=1e-4)


def test_labelled_data_is_split_by_message():
    examples = load_examples()
    splits: dict[str, set[str]] = {}
    for example in examples:
        splits.setdefault(example.message_id, set()).add(example.split)
    assert all(len(s) == 1 for s in splits.values())  # no message straddles train and test
    assert len(examples) >= 1500


def test_shipped_decision_reproduces_its_held_out_scores():
    card = json.loads(CARD_FILE.read_text())
    test = [e for e in load_examples() if e.split == "test"]
    predicted = [v.label for v in verdicts(load_model(), [e.sentence for e in test])]
    measured = scores([e.label for e in test], predicted)
    for label, recorded in card["shipped_test_scores"].items():
        assert measured[label]["f1"] == pytest.approx(recorded["f1"], abs=1e-4)
        assert measured[label]["precision"] == pytest.approx(recorded["precision"], abs=1e-4)


def test_classify_sentences_is_one_batched_call_with_rule_evidence():
    sentences = [
        "Hi Dana,",
        "I'll send you the deck by Friday.",
        "Could you share the board dates?",
        "> Please send the signed power of attorney by Monday.",
        "Would you like me to refer you?",
    ]
    result = classify_sentences(sentences)
    assert [v.label for v in result] == ["neither", "promise", "request", "neither", "neither"]
    assert "promise.i-will" in result[1].rules
    assert "not.quoted" in result[3].rules
    assert "not.offer" in result[4].rules
    assert all(0.0 <= v.probability <= 1.0 for v in result)
    assert classify_sentences([]) == []


def test_analyse_uses_the_shipped_model_by_default():
    from datetime import date

    from carefor.language.commitments import analyse, classify_by_rules

    text = "Hi Sam,\n\nThursday, usual time for the budget review?\n\nThanks,\nAna\n"
    shipped = analyse(text, written_on=date(2025, 3, 4))
    assert all(f.probability is not None for f in shipped.sentences)
    rules_only = analyse(text, written_on=date(2025, 3, 4), classify=classify_by_rules)
    assert all(f.probability is None for f in rules_only.sentences)
    assert [f.text for f in rules_only.sentences] == [f.text for f in shipped.sentences]


def test_fast_scorer_gives_the_pipelines_probabilities():
    import numpy as np

    from carefor.language.commitments import rule_hits
    from carefor.language.model import load_scorer

    model, scorer = load_model(), load_scorer()
    sentences = [*[e.sentence for e in load_examples()][:400], "", "!!!", "Zzzqx qqq"]
    expected = model.predict_proba(sentences)
    classes = list(model.classes_)
    got = np.array([[scorer.probabilities(s, rule_hits(s))[c] for c in classes] for s in sentences])
    assert np.abs(expected - got).max() < 1e-9
