"""Ways to help: who in my network could help with what matters to a person. Pure, local.

For one person P the caller passes what matters to P (``Need``: goals, challenges, hopes…)
and the other people in my network (``Candidate``: a few named text fields each). The
result is a short ranked list of ``Suggestion``: who, for which need, how strong the fit is,
the matching terms, the field they were found in, and one sentence that says why.

This is about *fit*, never reciprocity: nothing here counts help given or received. The
``help_given`` field is read only for what the help was about ("an introduction to hospital
buyers" is evidence that someone can open doors to hospitals).

How it works, explainably:

* **Terms.** Text is lowercased, accents and possessives ("Priya's") are stripped, and it is
  cut into clauses at punctuation. Words are English stop words (scikit-learn's list less a
  few words that carry meaning here, plus a few conversational fillers) or else reduced by
  :func:`stem`, a tiny suffix stripper ("investors", "invests", "investing", "investment" →
  "invest"; "manager", "management", "managing" → "manag"). Terms are the stems and the
  bigrams of neighbouring stems in one clause ("Head of Product" → "head", "product",
  "head product"). A candidate's text keeps only the bigrams that are phrases of some need:
  other bigrams could never match, and fitting them doubled the cost. (So a field's length
  is measured in words plus matching phrases; a matched phrase still counts twice, once as
  its words and once as the phrase.)
* **Weights.** One ``TfidfVectorizer`` (sublinear tf, l2 norm) is fitted per call on every
  candidate field text and every need, so a term that half the network shares ("founder" in
  a founders' network) counts for little, and a rare one ("oncology") for a lot.
* **Score.** For each need and each candidate field: cosine similarity times the field weight
  (``FIELD_WEIGHTS``). A need is compared in full and also as just what matters (the text
  before its first sentence break, dash or "because"), and scores by the better, so that a
  long why does not dilute a clear match. A candidate's score for a need is their strongest
  field plus ``SUPPORT_SHARE`` of the other fields (corroboration helps, but one strong
  field decides).
  Each candidate keeps their best need; those under ``min_score`` are dropped.
* **Why.** The terms are the overlap between the need and the strongest field, highest
  tf-idf product first, a matched bigram standing in for its two words, shown as written in
  that field. The reason names them, the field in words, and the need.

Ordering is deterministic: score (rounded to 6 places) descending, then name, then id.
Cost: one fit plus one sparse product. 5,000 candidates with six fields (about 110 words
each in all) and 5 needs take about half a second on one core, nearly all of it the fit
(tokenising in Python and scikit-learn's vocabulary counting).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import pairwise

import numpy as np

# How much a match in each field counts. What someone does (title), where (organisation)
# and what they have actually helped with before say most about whether they can help;
# my notes about them are good evidence; what matters to them is weaker (sharing a goal
# makes a peer, not necessarily a helper); recent conversation notes are the noisiest.
FIELD_WEIGHTS: dict[str, float] = {
    "title": 1.0,
    "help_given": 1.0,
    "organisation": 0.9,
    "organization": 0.9,
    "about": 0.8,
    "matters": 0.6,
    "notes": 0.5,
}
DEFAULT_FIELD_WEIGHT = 0.5  # any field not named above
SUPPORT_SHARE = 0.25  # share of the other fields' weighted similarity added to the best one
# One shared, moderately rare word in a strong field (a title, an organisation) clears this;
# a common word buried in long notes does not.
DEFAULT_MIN_SCORE = 0.1

# The field, in words, for the reason ("“hospital” in <this> matches …").
FIELD_WORDS: dict[str, str] = {
    "title": "their role",
    "organisation": "their organisation",
    "organization": "their organisation",
    "about": "your notes about them",
    "notes": "your recent notes",
    "help_given": "the help they have given before",
    "matters": "what matters to them",
}
_KIND_WORDS = {
    "goal": "goal",
    "challenge": "challenge",
    "hope": "hope",
    "worry": "worry",
    "value": "value",
    "preference": "preference",
}
MAX_TERMS = 5  # in Suggestion.terms
_REASON_TERMS = 3  # named in the reason
_NEED_QUOTE = 80  # characters of the need quoted in the reason


@dataclass(frozen=True)
class Need:
    id: int  # the matter's id
    kind: str  # goal, challenge, hope, worry, value, preference, or custom
    text: str  # what matters (and why, joined by the caller)


@dataclass(frozen=True)
class Candidate:
    id: int  # person id
    name: str
    fields: dict[str, str]  # field name -> text (see FIELD_WEIGHTS for the known names)


@dataclass(frozen=True)
class Suggestion:
    candidate_id: int
    name: str
    need_id: int
    score: float
    terms: tuple[str, ...]  # matching terms, most important first
    field: str  # where the strongest match is, e.g. "title"
    reason: str  # one sentence for the user


# --- terms -------------------------------------------------------------------------------

# fmt: off
_EXTRA_STOP_WORDS = frozenset([
    "want", "wants", "wanted", "wanting", "like", "likes", "liked", "really", "just", "thing",
    "things", "lot", "lots", "bit", "get", "gets", "getting", "got", "make", "makes", "making",
    "try", "tries", "trying", "tried", "able", "maybe", "perhaps", "soon", "also", "said",
    "says", "don", "doesn", "didn", "isn", "wasn", "aren", "won", "ll", "ve", "re", "im",
])
# fmt: on
# scikit-learn's list has a few words that carry meaning in a network ("fire safety",
# "computer science", "part-time", "interest rates"); they stay terms here.
_KEPT_WORDS = frozenset(
    ("computer", "system", "bill", "fire", "interest", "part", "full", "front", "top")
)
_DASHES = "-\u2013\u2014"  # hyphen, en dash, em dash
_CLAUSE = re.compile(rf"[.,;:!?()\[\]{{}}<>|/\\\"\u201c\u201d\n\r\t]+|\s[{_DASHES}]+\s")
_POSSESSIVE = re.compile("['\u2019]s\\b")
_WORD = re.compile(r"[^\W_]+")
_VOWEL = re.compile(r"[aeiouy]")
# Derivational and inflectional endings, longest first; stripped repeatedly (at most twice),
# so "mentoring" → "mentor" → "ment" like "mentors" → "mentor" → "ment".
_SUFFIXES = ("ment", "ing", "ion", "er", "or", "ed")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return (frozenset(ENGLISH_STOP_WORDS) - _KEPT_WORDS) | _EXTRA_STOP_WORDS


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A tiny suffix stripper, just enough for related forms of a word to meet.

    1. plural: "companies" → "company", "businesses" → "business", "investors" → "investor"
       (not "-ss", "-us", "-is", and not words of three letters or fewer);
    2. up to twice, the first of -ment, -ing, -ion, -er, -or, -ed that leaves a stem of at
       least three letters with a vowel (so "seed", "need", "string" stay), undoubling a
       final double consonant after -ing/-ed/-er ("planning" → "plan", but "selling" →
       "sell"); -er is kept after "ee" ("career", "engineer");
    3. a final silent "e" ("manage" → "manag", "raise" → "rais"; not "-ee").

    Both sides of a comparison go through the same function, so an odd-looking stem is
    harmless; only collisions matter, and the rules are cautious about those.
    """
    w = word
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for _ in range(2):
        for suffix in _SUFFIXES:
            if not w.endswith(suffix):
                continue
            base = w[: -len(suffix)]
            if len(base) < 3 or not _VOWEL.search(base):
                continue
            if suffix == "er" and base.endswith("e"):
                continue
            if (
                suffix in ("ing", "ed", "er")
                and len(base) > 3
                and base[-1] == base[-2]
                and base[-1] not in "aeiouylsfz"
            ):
                base = base[:-1]
            w = base
            break
        else:
            break
    if len(w) > 3 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]
    return w


_WHY = re.compile(
    rf"\n|(?<=[.!?;])\s|\s[{_DASHES}]+\s|,?\s+because\b|,?\s+so that\b", re.IGNORECASE
)


def _what(text: str) -> str:
    """What matters, without its why: the text before the first sentence break, dash or
    "because" ("" when that is the whole text)."""
    head = _WHY.split(text.strip(), maxsplit=1)[0].strip()
    return head if head and head != text.strip() else ""


def _normalise(text: str) -> str:
    text = text.lower()
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return _POSSESSIVE.sub("", text)


@lru_cache(maxsize=1 << 17)
def _term(word: str) -> str:
    """The term for one lowercased word, or "" for a stop word, a digit run or one letter."""
    if len(word) < 2 or word.isdigit() or word in _stop_words():
        return ""
    return stem(word)


def analyse(text: str, phrases: frozenset[tuple[str, str]] | None = None) -> list[str]:
    """The terms of a text: stems, and bigrams of neighbouring stems within one clause (only
    the bigrams in ``phrases`` when it is given)."""
    terms: list[str] = []
    for clause in _CLAUSE.split(_normalise(text)):
        stems = [t for t in map(_term, _WORD.findall(clause)) if t]
        terms += stems
        if len(stems) > 1:
            if phrases is None:
                terms += map(" ".join, pairwise(stems))
            else:
                terms += [" ".join(p) for p in pairwise(stems) if p in phrases]
    return terms


def _tokens(text: str) -> list[list[tuple[str, int, int]]]:
    """Per clause: (term, start, end) of each content word in the normalised text. The slow
    twin of :func:`analyse`, for showing terms as they were written."""
    text = _normalise(text)
    clauses: list[list[tuple[str, int, int]]] = []
    start = 0
    for cut in [*_CLAUSE.finditer(text), None]:
        end = cut.start() if cut else len(text)
        words = [(_term(m.group()), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
        words = [w for w in words if w[0]]
        if words:
            clauses.append(words)
        if cut:
            start = cut.end()
    return clauses


def _surfaces(text: str) -> dict[str, str]:
    """Term -> how it is first written in the text (lowercased): "head product" -> "head of
    product", "invest" -> "invests"."""
    normalised = _normalise(text)
    found: dict[str, str] = {}
    for words in _tokens(text):
        for s, a, b in words:
            found.setdefault(s, normalised[a:b])
        for (s1, a, _), (s2, _, b) in pairwise(words):
            found.setdefault(f"{s1} {s2}", normalised[a:b])
    return found


# --- the reason --------------------------------------------------------------------------


def _quote_terms(terms: Sequence[str]) -> str:
    quoted = [f"“{t}”" for t in terms]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _need_quote(text: str) -> str:
    """What matters, without its why (see :func:`_what`), shortened to ``_NEED_QUOTE``."""
    first = " ".join((_what(text) or text).split()).rstrip(" .,;:")
    if len(first) <= _NEED_QUOTE:
        return first
    cut = first[: _NEED_QUOTE - 1].rsplit(" ", 1)[0].rstrip(" ,;:—-")
    return cut + "…"


def _who(candidate: Candidate) -> str:
    title = (candidate.fields.get("title") or "").strip()
    org = (
        candidate.fields.get("organisation") or candidate.fields.get("organization") or ""
    ).strip()
    if title and org and org.casefold() not in title.casefold():
        return f"{title} at {org}"
    return title or org or candidate.name


def _reason(
    person_name: str, need: Need, candidate: Candidate, field: str, terms: Sequence[str]
) -> str:
    where = FIELD_WORDS.get(field, "their " + field.replace("_", " "))
    shown = terms[:_REASON_TERMS]
    verb = "matches" if len(shown) == 1 else "match"
    name = person_name.strip()
    kind = _KIND_WORDS.get(need.kind.strip().lower())
    quote = _need_quote(need.text)
    if kind and name:
        target = f"{name}'s {kind} “{quote}”"
    elif kind:
        target = f"their {kind} “{quote}”"
    else:
        target = f"what matters to {name or 'them'}, “{quote}”"
    if not shown:  # not reached while a suggestion needs a shared term; kept readable anyway
        return f"{_who(candidate)} — {where} relates to {target}."
    return f"{_who(candidate)} — {_quote_terms(shown)} in {where} {verb} {target}."


def _terms(doc_row, need_row, feature_names: dict[int, str], field_text: str) -> tuple[str, ...]:
    """The overlapping terms, highest tf-idf product first (ties by term), a matched bigram
    standing in for its two words, each as written in the candidate's field."""
    common, in_doc, in_need = np.intersect1d(
        doc_row.indices, need_row.indices, assume_unique=True, return_indices=True
    )
    if not len(common):
        return ()
    weights = doc_row.data[in_doc] * need_row.data[in_need]
    ranked_names = sorted(
        zip([feature_names[i] for i in common.tolist()], weights.tolist(), strict=True),
        key=lambda p: (-p[1], p[0]),
    )
    bigrams = [t for t, _ in ranked_names if " " in t]
    covered = {part for b in bigrams for part in b.split(" ")}
    surfaces = _surfaces(field_text)
    chosen: list[str] = []
    for term, _ in ranked_names:
        if " " not in term and term in covered:
            continue
        shown = surfaces.get(term, term)
        if shown not in chosen:
            chosen.append(shown)
        if len(chosen) == MAX_TERMS:
            break
    return tuple(chosen)


# --- matching ----------------------------------------------------------------------------


def suggest_helpers(
    *,
    person_name: str,
    needs: list[Need],
    candidates: list[Candidate],
    limit: int = 8,
    min_score: float = DEFAULT_MIN_SCORE,
    person_id: int | None = None,
) -> list[Suggestion]:
    """Who in ``candidates`` could help with one of ``needs`` (what matters to the person
    named ``person_name``), best first, at most ``limit``. A candidate whose id is
    ``person_id`` is never suggested. See the module docstring for how it scores."""
    needs = [n for n in needs if n.text and n.text.strip()]
    if not needs or not candidates or limit <= 0:
        return []

    texts: list[str] = []
    owners: list[int] = []  # index into candidates
    fields: list[str] = []
    for index, candidate in enumerate(candidates):
        if person_id is not None and candidate.id == person_id:
            continue
        for field, text in sorted(candidate.fields.items()):
            if text and text.strip():
                texts.append(text)
                owners.append(index)
                fields.append(field)
    if not texts:
        return []

    from sklearn.feature_extraction.text import TfidfVectorizer

    # Bigrams count only where they are phrases of a need: elsewhere they could never match,
    # and leaving them out of the fit halves its cost (see the module docstring).
    phrases = frozenset(
        tuple(term.split(" ")) for n in needs for term in analyse(n.text) if " " in term
    )
    vectorizer = TfidfVectorizer(
        analyzer=partial(analyse, phrases=phrases), sublinear_tf=True, dtype=np.float64
    )
    try:
        matrix = vectorizer.fit_transform([*texts, *(n.text for n in needs)]).tocsr()
    except ValueError:  # nothing but stop words anywhere
        return []
    docs = matrix[: len(texts)]
    # Each need in full, and also just what matters (before its why), so that a long why
    # does not dilute the match: a need scores by the better of the two.
    need_of_row = list(range(len(needs)))
    whats = [(q, _what(n.text)) for q, n in enumerate(needs)]
    whats = [(q, w) for q, w in whats if w]
    need_rows = [matrix[len(texts) + q] for q in range(len(needs))]
    weights = np.array([FIELD_WEIGHTS.get(f, DEFAULT_FIELD_WEIGHT) for f in fields])
    by_row = (docs @ matrix[len(texts) :].T).toarray()  # (fields, need rows)
    if whats:
        what_rows = vectorizer.transform([w for _, w in whats])
        need_rows += [what_rows[i] for i in range(len(whats))]
        need_of_row += [q for q, _ in whats]
        by_row = np.hstack([by_row, (docs @ what_rows.T).toarray()])
    by_row *= weights[:, None]
    similarity = np.zeros((len(texts), len(needs)))  # (fields, needs)
    best_row = np.tile(np.arange(len(needs)), (len(texts), 1))  # which need row won
    for r, q in enumerate(need_of_row):
        better = by_row[:, r] > similarity[:, q]
        similarity[better, q] = by_row[better, r]
        best_row[better, q] = r

    owner = np.asarray(owners)
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    best = np.maximum.reduceat(similarity, starts, axis=0)  # (candidates, needs)
    total = np.add.reduceat(similarity, starts, axis=0)
    scores = best + SUPPORT_SHARE * (total - best)
    best_need = scores.argmax(axis=1)  # the first need on ties
    best_score = np.round(scores[np.arange(len(starts)), best_need], 6)

    keep = np.flatnonzero((best_score >= min_score) & (best_score > 0))
    ranked = sorted(
        keep.tolist(),
        key=lambda g: (
            -best_score[g],
            candidates[owner[starts[g]]].name.casefold(),
            candidates[owner[starts[g]]].id,
        ),
    )[:limit]

    # Only a need's terms can be in an overlap: name those columns, not the whole vocabulary.
    vocabulary = vectorizer.vocabulary_
    feature_names = {
        vocabulary[t]: t for n in needs for t in analyse(n.text, phrases) if t in vocabulary
    }
    ends = np.r_[starts[1:], len(owner)]
    suggestions: list[Suggestion] = []
    for group in ranked:
        candidate = candidates[owner[starts[group]]]
        q = int(best_need[group])
        need = needs[q]
        rows = range(starts[group], ends[group])
        # The strongest field; ties go to the weightier field, then the field name.
        row = min(rows, key=lambda r: (-similarity[r, q], -weights[r], fields[r]))
        terms = _terms(docs[row], need_rows[best_row[row, q]], feature_names, texts[row])
        suggestions.append(
            Suggestion(
                candidate_id=candidate.id,
                name=candidate.name,
                need_id=need.id,
                score=float(best_score[group]),
                terms=terms,
                field=fields[row],
                reason=_reason(person_name, need, candidate, fields[row], terms),
            )
        )
    return suggestions
