"""Choose the outreach model's settings by cross-validation on the TRAIN split only.

Stratified 5-fold over the train messages (each message is one example, so splitting by
message is automatic); the frozen test split is never read here.

    .venv/bin/python benchmarks/language/outreach_cv.py
"""

from __future__ import annotations

import itertools

from sklearn.model_selection import StratifiedKFold

from carefor.language.agenda import triage_rules
from carefor.language.agenda_model import as_items, build_pipeline, load_examples, scores


def run(C: float, pitch_min: float, reciprocity_min: float, rule_override: bool) -> dict:
    train = [m for m in load_examples() if m.split == "train"]
    labels = [m.label for m in train]
    truth, predicted = [], []
    for fit_idx, held_idx in StratifiedKFold(5, shuffle=True, random_state=7).split(train, labels):
        pipeline = build_pipeline()
        pipeline.set_params(classifier__C=C)
        fit = [train[i] for i in fit_idx]
        held = [train[i] for i in held_idx]
        pipeline.fit(as_items(fit), [m.label for m in fit])
        classes = list(pipeline.classes_)
        for m, row in zip(held, pipeline.predict_proba(as_items(held)), strict=True):
            probs = dict(zip(classes, row, strict=True))
            rules = triage_rules(m.body, subject=m.subject, first_contact=m.first_contact)
            label = max(probs, key=probs.__getitem__)
            floor = {"pitch": pitch_min, "reciprocity": reciprocity_min}.get(label, 0.0)
            if probs[label] < floor:
                label = "genuine"
            if rule_override and rules.verdict == "reciprocity":
                label = "reciprocity"
            truth.append(m.label)
            predicted.append(label)
    return scores(truth, predicted)


def main() -> None:
    print("C  min_p  override | macro_f1 false_flags | pitch f1 reciprocity f1")
    for C, min_p, override in itertools.product((1.0, 4.0, 16.0), (0.4, 0.5), (True, False)):
        s = run(C, min_p, override)
        print(
            f"{C:<4} {min_p:<5} {override!s:<8} | {s['macro_f1']:.4f}   {s['false_flag_rate']:.4f}"
            f"      | {s['pitch']['f1']:.4f}   {s['reciprocity']['f1']:.4f}"
        )


if __name__ == "__main__":
    main()
