"""Language quality and speed: promise/request detection and due dates.

On the frozen test split of carefor's own labelled sentences (src/carefor/language/data,
guide in docs/labelling.md) it reports per-class precision, recall and F1 for the rules
alone, for the model alone and for the shipped decision (rules first, the model for the
sentences no rule claims: model.classify_sentences), and due-date accuracy (exact date,
where the label has one); a cross-domain check on ../shared/corpora/email-intent (its
"Yes" merges requests and commitments, so it is scored as action-or-not); and sentences
per second on one core.

    .venv/bin/python benchmarks/language/run.py       # writes results.md / results.json here
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from carefor.language.commitments import NEITHER, classify_by_rules
from carefor.language.dates import find_due
from carefor.language.model import (
    CARD_FILE,
    classify,
    classify_sentences,
    classify_with_model,
    load_examples,
    load_model,
    load_scorer,
    scores,
)

HERE = Path(__file__).resolve().parent
INTENT = HERE.parent.parent.parent / "shared" / "corpora" / "email-intent" / "test.txt"


def _f1(truth: list[bool], predicted: list[bool]) -> dict[str, float]:
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def main() -> None:
    test = [e for e in load_examples() if e.split == "test"]
    truth = [e.label for e in test]
    results: dict[str, object] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "test_sentences": len(test),
        "model_card": json.loads(CARD_FILE.read_text()),
    }
    for name, one in (("rules", classify_by_rules), ("model", classify_with_model)):
        predicted = [one(e.sentence)[0] for e in test]
        results[name] = scores(truth, predicted)
    shipped = [v.label for v in classify_sentences([e.sentence for e in test])]
    results["shipped"] = scores(truth, shipped)

    dated = [e for e in test if e.due is not None]
    found = [find_due(e.sentence, e.written_on) for e in dated]
    exact = sum(1 for e, f in zip(dated, found, strict=True) if f and f.due == e.due)
    accuracy = round(exact / len(dated), 4) if dated else None
    results["due_dates"] = {"labelled": len(dated), "exact": exact, "accuracy": accuracy}

    if INTENT.exists():
        rows = [line.split("\t", 1) for line in INTENT.read_text().splitlines() if "\t" in line]
        intent_truth = [label.strip().lower() == "yes" for label, _ in rows]
        for name, one in (("rules", classify_by_rules), ("model", classify_with_model)):
            predicted = [one(text)[0] != NEITHER for _, text in rows]
            results[f"email_intent_{name}"] = {**_f1(intent_truth, predicted), "n": len(rows)}
        predicted = [v.label != NEITHER for v in classify_sentences([t for _, t in rows])]
        results["email_intent_shipped"] = {**_f1(intent_truth, predicted), "n": len(rows)}

    model = load_model()
    load_scorer()
    examples = load_examples()
    sentences = [e.sentence for e in examples] * 3
    for name, one in (
        ("rules", classify_by_rules),
        ("model", classify_with_model),
        ("shipped", classify),
    ):
        start = time.perf_counter()
        for sentence in sentences:
            one(sentence)
        elapsed = time.perf_counter() - start
        results[f"{name}_sentences_per_second"] = round(len(sentences) / elapsed)
    # The sklearn pipeline over one big batch, for comparison.
    start = time.perf_counter()
    model.predict_proba(sentences)
    elapsed = time.perf_counter() - start
    results["model_batch_sentences_per_second"] = round(len(sentences) / elapsed)
    # The shipped path as the app uses it: one classify_sentences call per message.
    messages: dict[str, list[str]] = defaultdict(list)
    for example in examples:
        messages[example.message_id].append(example.sentence)
    batches = list(messages.values()) * 3
    start = time.perf_counter()
    for batch in batches:
        classify_sentences(batch)
    elapsed = time.perf_counter() - start
    count = sum(len(batch) for batch in batches)
    results["shipped_per_message_sentences_per_second"] = round(count / elapsed)
    results["cpus"] = os.cpu_count()
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    write_markdown(results, len(test))


def write_markdown(results: dict, test_count: int) -> None:  # type: ignore[type-arg]
    lines = [
        "# Language benchmark: results",
        "",
        f"Measured {results['date']}; frozen test split of {test_count} sentences.",
        "",
        "| detector | class | precision | recall | F1 |",
        "|---|---|---|---|---|",
    ]
    for name in ("rules", "model", "shipped"):
        for label, row in results[name].items():
            lines.append(
                f"| {name} | {label} | {row['precision']} | {row['recall']} | {row['f1']} |"
            )
    due = results["due_dates"]
    lines += ["", f"Due dates: {due['exact']} of {due['labelled']} exact ({due['accuracy']}).", ""]
    for name in ("rules", "model", "shipped"):
        row = results.get(f"email_intent_{name}")
        if row:
            lines.append(
                f"email-intent ({name}, action vs not): P {row['precision']} "
                f"R {row['recall']} F1 {row['f1']} on {row['n']} sentences"
            )
    lines += [
        "",
        f"Speed (one core): rules {results['rules_sentences_per_second']:,} sentences/s; "
        f"model {results['model_sentences_per_second']:,} sentences/s one at a time, "
        f"{results['model_batch_sentences_per_second']:,} sentences/s in one batch; "
        f"shipped {results['shipped_sentences_per_second']:,} sentences/s one at a time, "
        f"{results['shipped_per_message_sentences_per_second']:,} sentences/s one message "
        "per call.",
    ]
    (HERE / "results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
