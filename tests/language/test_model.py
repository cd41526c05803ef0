"""The shipped model file is the one that was measured, and it still scores as recorded."""

import json

import pytest

from carefor.language.model import (
    CARD_FILE,
    MODEL_FILE,
    decide,
    file_sha256,
    load_examples,
    load_model,
    scores,
)


def test_model_file_matches_its_recorded_hash():
    card = json.loads(CARD_FILE.read_text())
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
