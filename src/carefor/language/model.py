"""The shipped sentence classifier: promise / request / neither. No Django.

A logistic regression over word and character n-grams plus the rule hits of
commitments.py (rules stay the explainable evidence; the model weighs them with the
wording around them). It is trained on the project's own labelled sentences
(language/data/, guide in docs/labelling.md) and shipped as a small versioned file whose
SHA-256 and held-out scores are recorded beside it, so a test can prove the file in the
package is the one that was measured.

    python -m carefor.language.model      # retrain on the train split, write model + card
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from carefor.language.commitments import NEITHER, PROMISE, REQUEST, rule_hits

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "data"
MODEL_DIR = HERE / "model"
MODEL_VERSION = 1
MODEL_FILE = MODEL_DIR / f"commitments-v{MODEL_VERSION}.joblib"
CARD_FILE = MODEL_DIR / f"commitments-v{MODEL_VERSION}.json"
LABELS = (PROMISE, REQUEST, NEITHER)
# Below this probability a promise or request is left out: precision first, because a
# detected item that is wrong costs the user a click and their trust.
MIN_PROBABILITY = 0.5


@dataclass(frozen=True)
class Example:
    message_id: str
    label: str
    due: date | None
    sentence: str
    written_on: date
    split: str


def load_examples(data_dir: Path = DATA_DIR) -> list[Example]:
    with (data_dir / "messages.tsv").open(encoding="utf-8") as handle:
        messages = {row["message_id"]: row for row in csv.DictReader(handle, delimiter="\t")}
    examples: list[Example] = []
    with (data_dir / "sentences.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            message = messages[row["message_id"]]
            examples.append(
                Example(
                    message_id=row["message_id"],
                    label=row["label"],
                    due=date.fromisoformat(row["due"]) if row["due"] else None,
                    sentence=row["sentence"],
                    written_on=date.fromisoformat(message["date"]),
                    split=message["split"],
                )
            )
    return examples


def _rule_features(sentences: Iterable[str]) -> list[dict[str, int]]:
    return [{hit: 1 for hit in rule_hits(s)} for s in sentences]


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
                TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, lowercase=True),
            ),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
            (
                "rules",
                Pipeline(
                    [
                        ("hits", FunctionTransformer(_rule_features)),
                        ("vector", DictVectorizer()),
                    ]
                ),
            ),
        ]
    )
    classifier = LogisticRegression(max_iter=2000, C=8.0, class_weight="balanced")
    return Pipeline([("features", features), ("classifier", classifier)])


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scores(truth: list[str], predicted: list[str]) -> dict[str, dict[str, float]]:
    """Per-class precision, recall and F1."""
    result: dict[str, dict[str, float]] = {}
    for label in (PROMISE, REQUEST):
        tp = sum(t == p == label for t, p in zip(truth, predicted, strict=True))
        fp = sum(p == label != t for t, p in zip(truth, predicted, strict=True))
        fn = sum(t == label != p for t, p in zip(truth, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
    return result


def decide(probabilities: dict[str, float]) -> str:
    label = max(probabilities, key=probabilities.__getitem__)
    if label != NEITHER and probabilities[label] < MIN_PROBABILITY:
        return NEITHER
    return label


def train_and_save() -> dict[str, Any]:
    """Fit on the train split, score on the frozen test split, write model and card."""
    import joblib

    examples = load_examples()
    train = [e for e in examples if e.split == "train"]
    test = [e for e in examples if e.split == "test"]
    pipeline = build_pipeline()
    pipeline.fit([e.sentence for e in train], [e.label for e in train])
    MODEL_DIR.mkdir(exist_ok=True)
    joblib.dump(pipeline, MODEL_FILE, compress=3)
    classes = list(pipeline.classes_)
    predicted = [
        decide(dict(zip(classes, row, strict=True)))
        for row in pipeline.predict_proba([e.sentence for e in test])
    ]
    card = {
        "version": MODEL_VERSION,
        "sha256": file_sha256(MODEL_FILE),
        "trained_on": len(train),
        "tested_on": len(test),
        "min_probability": MIN_PROBABILITY,
        "test_scores": scores([e.label for e in test], predicted),
    }
    CARD_FILE.write_text(json.dumps(card, indent=2) + "\n")
    return card


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The shipped model, loaded once per process."""
    import joblib

    return joblib.load(MODEL_FILE)


def classify_with_model(sentence: str) -> tuple[str, tuple[str, ...]]:
    """(label, evidence): the model decides; the rule hits are the evidence shown."""
    model = load_model()
    probabilities = dict(zip(model.classes_, model.predict_proba([sentence])[0], strict=True))
    return decide(probabilities), rule_hits(sentence)


if __name__ == "__main__":
    # Train through the imported module, not __main__, so the pickled pipeline refers to
    # carefor.language.model and loads anywhere.
    from carefor.language import model as installed

    print(json.dumps(installed.train_and_save(), indent=2))
