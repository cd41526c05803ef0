"""Outreach quality and speed: genuine / pitch / reciprocity on the frozen test split.

Side by side, in one run, on carefor's own labelled messages (src/carefor/language/data/
agenda, guide in docs/agenda-labelling.md):

* the reference: a plain TF-IDF + logistic regression over the words, trained on the same
  train split (the usual baseline for short-text classification);
* carefor's rules alone (carefor.language.agenda.triage_rules);
* the shipped decision (agenda_model.decide: the rules find the evidence, the v1 model
  confirms or doubts it; doubt means genuine).

Per-class precision, recall and F1, their macro F1, and the false-flag rate on genuine
messages; the draft linter's precision (a flag on a message labelled genuine is a false
flag; on a pitch or reciprocity message, a true one); and messages per second on one core.

    .venv/bin/python benchmarks/language/outreach.py   # writes outreach-results.md / .json here
"""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from carefor.language.agenda import triage_rules
from carefor.language.agenda_model import (
    CARD_FILE,
    MODEL_FILE,
    as_items,
    classify,
    lint_draft,
    load_examples,
    scores,
)

HERE = Path(__file__).resolve().parent
TARGETS = {"macro_f1": 0.85, "false_flag_rate": 0.05, "linter_precision": 0.95, "per_second": 1000}


def _reference(train, test) -> list[str]:  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(TfidfVectorizer(sublinear_tf=True), LogisticRegression(max_iter=2000))
    model.fit([f"{m.subject}\n{m.body}" for m in train], [m.label for m in train])
    return list(model.predict([f"{m.subject}\n{m.body}" for m in test]))


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    examples = load_examples()
    train = [m for m in examples if m.split == "train"]
    test = [m for m in examples if m.split == "test"]
    truth = [m.label for m in test]
    rules = [triage_rules(m.body, subject=m.subject, first_contact=m.first_contact) for m in test]
    shipped = classify(as_items(test), model_path=MODEL_FILE)
    results: dict[str, object] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "train_messages": len(train),
        "test_messages": len(test),
        "model_card": json.loads(CARD_FILE.read_text()),
        "reference": scores(truth, _reference(train, test)),
        "rules": scores(truth, [r.verdict for r in rules]),
        "shipped": scores(truth, [t.verdict for t in shipped]),
    }
    flagged = [(m.label, bool(lint_draft(m.body))) for m in test]
    true_flags = sum(flag and label != "genuine" for label, flag in flagged)
    all_flags = sum(flag for _, flag in flagged)
    results["linter"] = {
        "flagged": all_flags,
        "precision": round(true_flags / all_flags, 4) if all_flags else None,
        "recall_on_reciprocity": round(
            sum(flag for label, flag in flagged if label == "reciprocity")
            / max(1, sum(label == "reciprocity" for label, _ in flagged)),
            4,
        ),
    }
    items = as_items(examples)
    classify([("Warm-up", "Loads the model once.", False)], model_path=MODEL_FILE)  # not timed
    start = time.perf_counter()
    classify(items, model_path=MODEL_FILE)
    results["messages_per_second"] = round(len(items) / (time.perf_counter() - start))
    start = time.perf_counter()
    for m in examples:
        lint_draft(m.body)
    results["linter_messages_per_second"] = round(len(examples) / (time.perf_counter() - start))
    (HERE / "outreach-results.json").write_text(json.dumps(results, indent=2) + "\n")

    lines = [
        "# Outreach benchmark: results",
        "",
        f"Measured {results['date']}; frozen test split of {len(test)} messages "
        f"(trained on {len(train)}).",
        "",
        "| detector | class | precision | recall | F1 |",
        "|---|---|---|---|---|",
    ]
    for name in ("reference", "rules", "shipped"):
        block = results[name]
        for label in ("genuine", "pitch", "reciprocity"):
            row = block[label]  # type: ignore[index]
            lines.append(
                f"| {name} | {label} | {row['precision']} | {row['recall']} | {row['f1']} |"
            )
    lines += ["", "| detector | macro F1 | false flags on genuine |", "|---|---|---|"]
    for name in ("reference", "rules", "shipped"):
        block = results[name]
        lines.append(f"| {name} | {block['macro_f1']} | {block['false_flag_rate']} |")  # type: ignore[index]
    linter = results["linter"]
    lines += [
        "",
        f"Draft linter on the test messages: {linter['flagged']} flagged, precision "  # type: ignore[index]
        f"{linter['precision']}, recall on reciprocity {linter['recall_on_reciprocity']}.",  # type: ignore[index]
        "",
        f"Speed (one core): {results['messages_per_second']:,} messages/s triaged in one batch; "
        f"linter {results['linter_messages_per_second']:,} messages/s.",
        "",
        "Targets: macro F1 ≥ 0.85, false flags ≤ 5 %, linter precision ≥ 0.95, ≥ 1,000 messages/s.",
    ]
    (HERE / "outreach-results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
