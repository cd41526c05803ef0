"""Promises and requests in what someone wrote. Pure, no Django, all local.

A *promise* is the writer committing to do something ("I'll send you the deck by
Friday", "let me introduce you to Priya"); a *request* is the writer asking the reader
to do something, information included ("could you look over my CV?", "please
confirm"). Definitions and borderline cases: docs/labelling.md (after Lampert et al.).

The rules here are explainable evidence: each hit names its rule. Hedges ("I'll try"),
plans that commit to nothing for anyone ("I'll be in Boston next week"), reported speech
("she said she would") and the past tense are not promises.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from carefor.language.asks import own_words
from carefor.language.dates import find_due
from carefor.language.sentences import split_sentences

PROMISE, REQUEST, NEITHER = "promise", "request", "neither"

_I_WILL = r"(?:i|we)\s*(?:'ll|\s+will|\s+shall|\s+am going to|\s+are going to|'m going to)"
_RULES: list[tuple[str, str, re.Pattern[str]]] = [
    # (rule id, label, pattern) — the first hit of each label is kept as evidence.
    (
        "promise.i-will",
        PROMISE,
        re.compile(rf"\b{_I_WILL}\s+(?!be\b|have to\b|need\b|try\b)\w+", re.I),
    ),
    ("promise.i-will-be-verbing", PROMISE, re.compile(rf"\b{_I_WILL}\s+be\s+\w+ing\b", re.I)),
    (
        "promise.let-me",
        PROMISE,
        re.compile(
            r"\blet me\s+(?!know\b)(send|introduce|connect|check|look|get|find|ask|share|put|"
            r"follow|draft|set|make|circle|dig|see|review|forward|loop|think)\b",
            re.I,
        ),
    ),
    (
        "promise.i-can",
        PROMISE,
        re.compile(
            r"\b(?:i|we)\s+can\s+(?:definitely\s+|certainly\s+)?(send|do|have|get|make|share|"
            r"introduce|review|call|meet|cover|take)\b[^?]*$",
            re.I,
        ),
    ),
    (
        "promise.you-will-have",
        PROMISE,
        # "You'll have it by Friday", not "you'll have heard" or "you'll have a new boss".
        re.compile(
            r"\byou(?:'ll| will) (?:hear from me|(?:have|get|receive) (?:it|them|this|that|"
            r"my|our|a copy|the [\w-]+(?: [\w-]+)? "
            r"(?:by|from me|before|tomorrow|tonight|today|on)\b))",
            re.I,
        ),
    ),
    ("promise.explicit", PROMISE, re.compile(r"\bi (?:promise|commit) to\b", re.I)),
    ("promise.on-it", PROMISE, re.compile(r"\b(?:i'm|i am|we're|we are) on it\b", re.I)),
    (
        "request.could-you",
        REQUEST,
        re.compile(
            r"\b(could|can|would|will)\s+you\s+(?:please\s+|kindly\s+)?(?!believe\b|imagine\b)\w+",
            re.I,
        ),
    ),
    (
        "request.please",
        REQUEST,
        re.compile(
            r"(?:^|[,;]\s*|\b)please\s+"
            r"(?!find\b|see attached|note\b|excuse\b|forgive\b|don't hesitate\b)\w+",
            re.I,
        ),
    ),
    ("request.let-me-know", REQUEST, re.compile(r"\blet me know\b", re.I)),
    (
        "request.would-you-be-willing",
        REQUEST,
        re.compile(r"\bwould you (?:be (?:willing|able|open)|mind|consider)\b", re.I),
    ),
    (
        "request.appreciate",
        REQUEST,
        re.compile(
            r"\b(?:i'd|i would|we'd|we would) (?:appreciate|be grateful|love) (?:it )?if you\b",
            re.I,
        ),
    ),
    ("request.wondering", REQUEST, re.compile(r"\b(?:i was|i'm|i am) wondering if you\b", re.I)),
    (
        "request.is-it-possible",
        REQUEST,
        re.compile(r"\b(?:would|is) it (?:be )?possible (?:for you )?to\b", re.I),
    ),
    (
        "request.imperative",
        REQUEST,
        re.compile(
            r"^(?:and\s+)?(send|share|forward|confirm|review|sign|call|email|ping|check|book|"
            r"schedule|add|update|fill|complete|return|submit)\b(?!\s+(?:you|thanks))",
            re.I,
        ),
    ),
    (
        "request.can-we",
        REQUEST,
        re.compile(
            r"\b(?:can|could|shall) we (?:meet|talk|chat|set up|schedule|hop on|find)\b", re.I
        ),
    ),
]
_HEDGES = re.compile(
    r"\b(try|trying|hope to|hopefully|might|may be able|maybe|perhaps|probably|possibly|"
    r"no promises?|if i (?:can|have time|get a chance)|i'll see if|we'll see|not sure)\b",
    re.I,
)
_PLAN = re.compile(
    rf"\b{_I_WILL}\s+be\s+(in|at|on|out|away|off|back|traveling|travelling|around|there|"
    r"here|busy|late|home|visiting|speaking|presenting|attending)\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(he|she|they|marcus|[A-Z][a-z]+) (?:said|says|told me|promised|mentioned) "
    r"(?:that )?(?:he|she|they)(?:'d| would| will|'ll)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:i|we) (?:already |just )?(?:sent|introduced|shared|forwarded|reviewed|called|"
    r"did|made|had|wrote|emailed|mentioned|told)\b|\b(?:i've|we've|i have|we have) "
    r"(?:already |just )?\w+ed\b",
    re.I,
)
_DECLINE = re.compile(
    r"\b(?:i'll|i will|we'll|we will) (?:pass|decline|skip|sit this one out)\b|"
    r"\b(?:won't|will not|can't|cannot) (?:be able to|make it)\b",
    re.I,
)
_RHETORICAL = re.compile(
    r"\b(?:can|could) you (?:believe|imagine)\b|\bhow (?:are|have) you\b|\bhope you\b", re.I
)


@dataclass(frozen=True)
class Finding:
    label: str  # "promise" | "request" | "neither"
    text: str
    rules: tuple[str, ...]  # rule ids that fired (evidence), including "not.*" vetoes
    due: date | None = None
    due_text: str = ""


@dataclass
class Analysis:
    promises: list[Finding] = field(default_factory=list)
    requests: list[Finding] = field(default_factory=list)
    sentences: list[Finding] = field(default_factory=list)


def rule_hits(sentence: str) -> tuple[str, ...]:
    """Every rule that fires on a sentence, vetoes included (features for the model)."""
    sentence = sentence.replace("\u2019", "'")  # typographic apostrophes, as phones write them
    hits = [rule for rule, _, pattern in _RULES if pattern.search(sentence)]
    if _HEDGES.search(sentence):
        hits.append("not.hedge")
    if _PLAN.search(sentence):
        hits.append("not.plan")
    if _REPORTED.search(sentence):
        hits.append("not.reported")
    if _PAST.search(sentence):
        hits.append("not.past")
    if _RHETORICAL.search(sentence):
        hits.append("not.rhetorical")
    if _DECLINE.search(sentence):
        hits.append("not.decline")
    return tuple(hits)


def classify_by_rules(sentence: str) -> tuple[str, tuple[str, ...]]:
    """(label, evidence) from the rules alone."""
    hits = rule_hits(sentence)
    vetoes = {h for h in hits if h.startswith("not.")}
    requests = [h for h in hits if h.startswith("request.")]
    promises = [h for h in hits if h.startswith("promise.")]
    if requests and "not.rhetorical" not in vetoes:
        # "Could you…" and "I'll send it if you could confirm" both ask the reader.
        return REQUEST, tuple(hits)
    if promises and not vetoes & {"not.hedge", "not.plan", "not.reported", "not.decline"}:
        return PROMISE, tuple(hits)
    return NEITHER, tuple(hits)


Classifier = Callable[[str], tuple[str, tuple[str, ...]]]


def analyse(text: str, *, written_on: date, classify: Classifier = classify_by_rules) -> Analysis:
    """Promises and requests in a text written by its author on `written_on`.

    Quoted replies, forwarded originals and signatures are dropped first: only the
    author's own words can hold their promises.
    """
    result = Analysis()
    for sentence in split_sentences(own_words(text)):
        label, rules = classify(sentence)
        phrase = find_due(sentence, written_on) if label != NEITHER else None
        finding = Finding(
            label=label,
            text=sentence,
            rules=rules,
            due=phrase.due if phrase else None,
            due_text=phrase.text if phrase else "",
        )
        result.sentences.append(finding)
        if label == PROMISE:
            result.promises.append(finding)
        elif label == REQUEST:
            result.requests.append(finding)
    return result
