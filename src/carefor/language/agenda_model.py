"""The shipped outreach classifier: genuine / pitch / reciprocity. No Django.

A logistic regression over word and character n-grams of the subject and the writer's own
words, plus the rule hits of agenda.py and "first contact" (rules stay the evidence shown
to the user). Trained on the project's labelled messages (language/data/agenda/, guide in
docs/agenda-labelling.md) and shipped as a versioned file with its SHA-256 and held-out
scores; a user's corrections retrain a local copy (`carefor retrain`), kept in their data
directory, never in the package.

    python -m carefor.language.agenda_model     # retrain on the train split, write model + card
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from carefor.language.agenda import Evidence, Triage, evidence, rule_features, triage_rules
from carefor.language.asks import own_words

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "data" / "agenda"
MODEL_DIR = HERE / "model"
MODEL_VERSION = 1
MODEL_FILE = MODEL_DIR / f"agenda-v{MODEL_VERSION}.joblib"
CARD_FILE = MODEL_DIR / f"agenda-v{MODEL_VERSION}.json"
LABELS = ("genuine", "pitch", "reciprocity")
# A flag costs a person their benefit of the doubt: below these the message stays genuine.
# Chosen by 5-fold cross-validation on the train split (benchmarks/language/outreach_cv.py)
# as the best macro F1 that keeps false flags on genuine mail under 5 %.
MIN_PROBABILITY = {"pitch": 0.55, "reciprocity": 0.6}


@dataclass(frozen=True)
class Message:
    id: str
    label: str
    first_contact: bool
    subject: str
    body: str
    split: str = "train"


def load_examples(data_dir: Path = DATA_DIR) -> list[Message]:
    """The labelled messages with their frozen split (messages.tsv)."""
    with (data_dir / "messages.tsv").open(encoding="utf-8") as handle:
        return [
            Message(
                id=row["id"],
                label=row["label"],
                first_contact=row["first_contact"] == "1",
                subject=row["subject"],
                body=row["body"].replace("\\n", "\n"),
                split=row["split"],
            )
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def _text(subject: str, body: str) -> str:
    return f"{subject}\n{own_words(body)}"


def _features(items: Iterable[tuple[str, str, bool]]) -> list[dict[str, float]]:
    return [
        rule_features(body, subject=subject, first_contact=first) for subject, body, first in items
    ]


def _texts(items: Iterable[tuple[str, str, bool]]) -> list[str]:
    return [_text(subject, body) for subject, body, _ in items]


def build_pipeline() -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    features = FeatureUnion(
        [
            (
                "words",
                Pipeline(
                    [
                        ("text", FunctionTransformer(_texts)),
                        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
                    ]
                ),
            ),
            (
                "chars",
                Pipeline(
                    [
                        ("text", FunctionTransformer(_texts)),
                        (
                            "tfidf",
                            TfidfVectorizer(
                                analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2
                            ),
                        ),
                    ]
                ),
            ),
            (
                "rules",
                Pipeline([("hits", FunctionTransformer(_features)), ("vector", DictVectorizer())]),
            ),
        ]
    )
    classifier = LogisticRegression(max_iter=3000, C=4.0, class_weight="balanced")
    return Pipeline([("features", features), ("classifier", classifier)])


def as_items(messages: Sequence[Message]) -> list[tuple[str, str, bool]]:
    return [(m.subject, m.body, m.first_contact) for m in messages]


def train(messages: Sequence[Message]) -> Any:
    pipeline = build_pipeline()
    pipeline.fit(as_items(messages), [m.label for m in messages])
    return pipeline


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE) -> Any:
    import joblib

    return joblib.load(path)


def decide(probabilities: dict[str, float], rules: Triage) -> str:
    """The shipped decision: a reciprocity rule decides (they are worded plainly and rarely
    innocent); otherwise the model, flagging only at MIN_PROBABILITY for that label."""
    if rules.verdict == "reciprocity":
        return "reciprocity"
    label = max(probabilities, key=probabilities.__getitem__)
    if label != "genuine" and probabilities[label] < MIN_PROBABILITY[label]:
        return "genuine"
    return label


def classify(
    items: Sequence[tuple[str, str, bool]], *, model_path: Path | None = None
) -> list[Triage]:
    """Triage messages (subject, body, first contact) in one batch; evidence from the rules."""
    if not items:
        return []
    model = load_model(model_path or MODEL_FILE)
    classes = list(model.classes_)
    results = []
    for (subject, body, first), row in zip(items, model.predict_proba(list(items)), strict=True):
        probabilities = dict(zip(classes, (float(p) for p in row), strict=True))
        rules = triage_rules(body, subject=subject, first_contact=first)
        verdict = decide(probabilities, rules)
        shown: tuple[Evidence, ...] = tuple(
            e for e in evidence(body) if verdict != "genuine" and e.rule.startswith(verdict)
        )
        results.append(Triage(verdict, shown, round(probabilities.get(verdict, 0.0), 4)))
    return results


def scores(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, float]]:
    """Per-class precision, recall, F1, their macro F1, and false flags on genuine mail."""
    result: dict[str, Any] = {}
    for label in LABELS:
        tp = sum(t == p == label for t, p in zip(truth, predicted, strict=True))
        fp = sum(p == label != t for t, p in zip(truth, predicted, strict=True))
        fn = sum(t == label != p for t, p in zip(truth, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[label] = {
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "support": tp + fn,
        }  # fmt: skip
    result["macro_f1"] = round(sum(result[label]["f1"] for label in LABELS) / len(LABELS), 4)
    genuine = [p for t, p in zip(truth, predicted, strict=True) if t == "genuine"]
    result["false_flag_rate"] = round(
        sum(p != "genuine" for p in genuine) / max(1, len(genuine)), 4
    )
    return result


def evaluate(messages: Sequence[Message], *, model_path: Path) -> dict[str, Any]:
    predicted = [t.verdict for t in classify(as_items(messages), model_path=model_path)]
    return scores([m.label for m in messages], predicted)


def write_model(pipeline: Any, path: Path) -> str:
    import joblib

    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(pipeline, path, compress=3)
    load_model.cache_clear()
    return file_sha256(path)


def main() -> None:
    examples = load_examples()
    train_set = [m for m in examples if m.split == "train"]
    test_set = [m for m in examples if m.split == "test"]
    sha = write_model(train(train_set), MODEL_FILE)
    card = {
        "version": MODEL_VERSION,
        "sha256": sha,
        "trained_on": len(train_set),
        "tested_on": len(test_set),
        "min_probability": MIN_PROBABILITY,
        "decision": "reciprocity rules decide; otherwise the model at min_probability (decide())",
        "test_scores": evaluate(test_set, model_path=MODEL_FILE),
    }
    CARD_FILE.write_text(json.dumps(card, indent=2) + "\n")
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    # Run from the imported module, not __main__: the pickled pipeline must name its
    # functions by an importable path (carefor.language.agenda_model._texts).
    from carefor.language.agenda_model import main as imported_main

    imported_main()
