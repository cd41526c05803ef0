"""Development numbers: grouped k-fold cross-validation inside the TRAIN split only.

Every choice about the detector (rules, features, C, class weights, thresholds, how the
rules and the model are combined) is checked here, never on the frozen test split
(docs/labelling.md). Folds are grouped by message, so a message's sentences stay together.
It reports per-class precision, recall and F1 on the pooled out-of-fold predictions for
the rules alone, the model alone, and the shipped decision (model.combine).

    .venv/bin/python benchmarks/language/cv.py [--folds 5]

Caveat: the rules were written while reading train sentences, so their numbers here are
optimistic; the frozen test split (run.py) is the honest measure.
"""

from __future__ import annotations

import argparse

from carefor.language.commitments import classify_by_rules
from carefor.language.model import (
    LABELS,
    build_pipeline,
    combine,
    decide,
    load_examples,
    scores,
)


def out_of_fold(folds: int) -> dict[str, list[str]]:
    from sklearn.model_selection import GroupKFold

    train = [e for e in load_examples() if e.split == "train"]
    sentences = [e.sentence for e in train]
    truth = [e.label for e in train]
    groups = [e.message_id for e in train]
    probabilities: list[dict[str, float]] = [{} for _ in train]
    for fit_rows, held_rows in GroupKFold(n_splits=folds).split(sentences, truth, groups):
        pipeline = build_pipeline()
        pipeline.fit([sentences[i] for i in fit_rows], [truth[i] for i in fit_rows])
        classes = list(pipeline.classes_)
        rows = pipeline.predict_proba([sentences[i] for i in held_rows])
        for i, row in zip(held_rows, rows, strict=True):
            probabilities[i] = {label: float(row[classes.index(label)]) for label in LABELS}
    rules = [classify_by_rules(s) for s in sentences]
    return {
        "truth": truth,
        "rules": [label for label, _ in rules],
        "model": [decide(p) for p in probabilities],
        "shipped": [
            combine(label, hits, p) for (label, hits), p in zip(rules, probabilities, strict=True)
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    folds = parser.parse_args().folds
    predictions = out_of_fold(folds)
    truth = predictions.pop("truth")
    print(f"GroupKFold({folds}) on the train split: {len(truth)} sentences")
    print("| detector | class | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    for name, predicted in predictions.items():
        for label, row in scores(truth, predicted).items():
            print(f"| {name} | {label} | {row['precision']} | {row['recall']} | {row['f1']} |")


if __name__ == "__main__":
    main()
