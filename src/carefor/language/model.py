"""The shipped sentence classifier: promise / request / neither. No Django.

A logistic regression over word and character n-grams plus the rule hits of
commitments.py (rules stay the explainable evidence; the model weighs them with the
wording around them). The shipped decision (`classify_sentences`, one batched call per
message) lets a firing rule decide, vetoes included, and asks the model only about the
sentences no rule claims: on grouped cross-validation inside the train split this beat
both the rules alone and the model alone (benchmarks/language/cv.py). It is trained on
the project's own labelled sentences (language/data/, guide in docs/labelling.md) and
shipped as a small versioned file whose SHA-256 and held-out scores are recorded beside
it, so a test can prove the file in the package is the one that was measured.

    python -m carefor.language.model      # retrain on the train split, write model + card
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from carefor.language.commitments import (
    NEITHER,
    PROMISE,
    REQUEST,
    label_from_hits,
    rule_hits,
)

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "data"
MODEL_DIR = HERE / "model"
MODEL_VERSION = 2
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


class Verdict(NamedTuple):
    label: str  # "promise" | "request" | "neither"
    probability: float  # the model's probability for that label
    rules: tuple[str, ...]  # rule hits, vetoes included: the evidence shown


def combine(rule_label: str, hits: tuple[str, ...], probabilities: dict[str, float]) -> str:
    """The shipped decision: a rule that fires decides (its vetoes too); the model decides
    only the sentences no rule claims, at MIN_PROBABILITY. Quoted lines are never ours."""
    if "not.quoted" in hits:
        return NEITHER
    if rule_label != NEITHER:
        return rule_label
    return decide(probabilities)


class _Tfidf:
    """TfidfVectorizer.transform for a handful of sentences, without sklearn's per-call
    validation (which costs milliseconds, more than the arithmetic for a message)."""

    def __init__(self, vectorizer: Any, offset: int) -> None:
        self.analyse = vectorizer.build_analyzer()
        self.vocabulary: dict[str, int] = vectorizer.vocabulary_
        self.idf = vectorizer.idf_
        self.sublinear = vectorizer.sublinear_tf
        self.offset = offset

    def features(self, text: str) -> tuple[Any, Any]:
        import numpy as np

        counts: dict[int, int] = {}
        for gram in self.analyse(text):
            column = self.vocabulary.get(gram)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        columns = np.fromiter(counts, dtype=np.intp, count=len(counts))
        values = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear:
            values = np.log(values) + 1.0
        values *= self.idf[columns]
        norm = np.sqrt(values @ values)
        if norm > 0:
            values /= norm
        return columns + self.offset, values


class Scorer:
    """The fitted pipeline's predict_proba, computed directly from its vocabularies, idf
    weights and coefficients: the same numbers (a test checks), at message-sized batches
    several times faster. Rule hits are passed in, so each sentence runs the rules once."""

    def __init__(self, pipeline: Any) -> None:
        import numpy as np

        union = pipeline.named_steps["features"]
        parts = dict(union.transformer_list)
        if union.transformer_weights or list(parts) != ["words", "chars", "rules"]:
            raise ValueError("unexpected feature union; retrain or update Scorer")
        classifier = pipeline.named_steps["classifier"]
        self.classes: list[str] = list(classifier.classes_)
        self.words = _Tfidf(parts["words"], 0)
        self.chars = _Tfidf(parts["chars"], len(parts["words"].vocabulary_))
        offset = self.chars.offset + len(parts["chars"].vocabulary_)
        vocabulary = parts["rules"].named_steps["vector"].vocabulary_
        self.rules = {name: column + offset for name, column in vocabulary.items()}
        self.weights = np.ascontiguousarray(classifier.coef_.T)  # features by classes
        self.intercept = classifier.intercept_
        if self.weights.shape != (offset + len(vocabulary), len(self.classes)):
            raise ValueError("feature count does not match the classifier")
        if len(self.classes) < 3:
            raise ValueError("expected a multinomial model over three classes")

    def probabilities(self, sentence: str, hits: tuple[str, ...]) -> dict[str, float]:
        import numpy as np

        word_columns, word_values = self.words.features(sentence)
        char_columns, char_values = self.chars.features(sentence)
        rule_columns = np.fromiter(
            (self.rules[h] for h in set(hits) if h in self.rules), dtype=np.intp
        )
        scores = (
            self.intercept
            + word_values @ self.weights[word_columns]
            + char_values @ self.weights[char_columns]
            + self.weights[rule_columns].sum(axis=0)
        )
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return {label: float(p) for label, p in zip(self.classes, scores, strict=True)}


# "Same here.", "Likewise below.", "And here too.": a fragment that repeats the sentence
# before it, request for request (labelling guide rule 19).
_SAME_AGAIN = re.compile(
    r"^(?:and\s+|also\s+)?(?:(?:the\s+)?same(?:\s+(?:here|below|above|again|thing|as\s+above))?"
    r"|likewise(?:\s+(?:here|below|above))?|ditto|(?:and\s+)?here\s+too|here\s+as\s+well)"
    r"[.!]?$",
    re.I,
)


def verdicts(model: Any, sentences: Sequence[str]) -> list[Verdict]:
    """Classify many sentences in one call (a message, or a whole test set)."""
    scorer = model if isinstance(model, Scorer) else Scorer(model)
    result: list[Verdict] = []
    for sentence in sentences:
        hits = rule_hits(sentence)
        rule_label, _ = label_from_hits(hits)
        probabilities = scorer.probabilities(sentence, hits)
        label = combine(rule_label, hits, probabilities)
        if result and result[-1].label == REQUEST and _SAME_AGAIN.match(sentence.strip()):
            label, hits = REQUEST, (*hits, "request.same-again")
        result.append(Verdict(label, probabilities[label], hits))
    return result


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
    shipped = [v.label for v in verdicts(pipeline, [e.sentence for e in test])]
    card = {
        "version": MODEL_VERSION,
        "sha256": file_sha256(MODEL_FILE),
        "trained_on": len(train),
        "tested_on": len(test),
        "min_probability": MIN_PROBABILITY,
        "decision": "rules first; the model for sentences no rule claims (combine())",
        "test_scores": scores([e.label for e in test], predicted),
        "shipped_test_scores": scores([e.label for e in test], shipped),
    }
    CARD_FILE.write_text(json.dumps(card, indent=2) + "\n")
    return card


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The shipped model, loaded once per process."""
    import joblib

    return joblib.load(MODEL_FILE)


def classify_with_model(sentence: str) -> tuple[str, tuple[str, ...]]:
    """(label, evidence): the model alone decides; the rule hits are the evidence shown."""
    model = load_model()
    probabilities = dict(zip(model.classes_, model.predict_proba([sentence])[0], strict=True))
    return decide(probabilities), rule_hits(sentence)


@lru_cache(maxsize=1)
def load_scorer() -> Scorer:
    """The shipped model's fast scorer, built once per process."""
    return Scorer(load_model())


def classify_sentences(sentences: Sequence[str]) -> list[Verdict]:
    """The shipped detector for all sentences of a message, in one call: (label,
    probability, rule evidence) per sentence, in order. Rules run once per sentence."""
    return verdicts(load_scorer(), sentences)


def classify(sentence: str) -> tuple[str, tuple[str, ...]]:
    """(label, evidence) for one sentence with the shipped decision (rules + model)."""
    verdict = classify_sentences([sentence])[0]
    return verdict.label, verdict.rules


if __name__ == "__main__":
    # Train through the imported module, not __main__, so the pickled pipeline refers to
    # carefor.language.model and loads anywhere.
    from carefor.language import model as installed

    print(json.dumps(installed.train_and_save(), indent=2))
