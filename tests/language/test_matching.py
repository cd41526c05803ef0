"""Ways to help: who in my network could help with what matters to a person (pure)."""

import random
import re

import pytest

from carefor.language.matching import (
    DEFAULT_MIN_SCORE,
    FIELD_WEIGHTS,
    Candidate,
    Need,
    Suggestion,
    analyse,
    stem,
    suggest_helpers,
)

PRIYA_ID = 99


def person(id_: int, name: str, **fields: str) -> Candidate:
    return Candidate(id=id_, name=name, fields=fields)


# A small network with realistic filler, so that everyday words ("time", "team", "work",
# "coffee") are common and rare words carry the weight, as in a real notebook.
NETWORK = [
    person(
        1,
        "Dana Lee",
        title="Head of Product",
        organisation="Stripe",
        about="Met at a payments meetup; generous with her time.",
        notes="Coffee in May. Her team is growing; kids started school this week.",
    ),
    person(
        2,
        "Marco Rossi",
        title="Partner at Northwind Ventures",
        organisation="Northwind Ventures",
        about="Invests in seed-stage health companies.",
        notes="Lunch last week, talked about his marathon training.",
    ),
    person(
        3,
        "Aisha Khan",
        title="Sales consultant",
        organisation="Independent",
        help_given="introduction: Introduction to hospital buyers at two NHS trusts",
        notes="Busy month, travelling a lot for work.",
    ),
    person(
        4,
        "Tom Baker",
        title="Chef",
        organisation="The Ivy",
        notes="Wants more time with his family. Spent a lot of time on the new menu; "
        "took some time off in June.",
    ),
    person(
        5,
        "Grace Obi",
        title="Primary school teacher",
        organisation="St Mary's",
        notes="Her team at work changed; coffee next week. Kids are well.",
    ),
    person(
        6,
        "Ben Cohen",
        title="Software engineer",
        organisation="Monzo",
        about="Works on the payments team.",
        notes="Time off work soon; coffee in the new year.",
    ),
    person(
        7,
        "Lucia Ferreira",
        title="Nurse",
        organisation="Guy's and St Thomas'",
        notes="Night shifts all month; her family is visiting.",
    ),
    person(
        8,
        "Sam Wright",
        title="Designer",
        organisation="Freelance",
        matters="Find more time for painting; work less at weekends.",
        notes="Coffee at the studio; new work for a charity.",
    ),
    person(
        9,
        "Olu Adeyemi",
        title="CFO",
        organisation="Brightline",
        notes="Team offsite next month. His kids love football.",
    ),
    person(
        10,
        "Hannah Schmidt",
        title="Recruiter",
        organisation="Hays",
        notes="Coffee last week; new role at work, more time with the team.",
    ),
    # Priya is in the list on purpose: the guard on person_id must keep her out.
    person(
        PRIYA_ID,
        "Priya Shah",
        title="Engineer",
        organisation="Acme",
        matters="Move into product management; raise a seed round; sell to hospitals",
    ),
]

PRODUCT = Need(101, "goal", "Move into product management")
SEED = Need(102, "goal", "Raise a seed round from angel investors")
HOSPITALS = Need(103, "challenge", "Sell to hospitals")
CELLO = Need(104, "hope", "Learn to play the cello")
REST = Need(105, "worry", "Finding time to rest")


def suggest(needs, candidates=NETWORK, **kwargs) -> list[Suggestion]:
    kwargs.setdefault("person_id", PRIYA_ID)
    return suggest_helpers(person_name="Priya", needs=needs, candidates=candidates, **kwargs)


# --- the stemmer ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        ("invest", "invests", "investing", "invested", "investor", "investors", "investment"),
        ("manage", "manager", "managers", "management", "managing", "managed"),
        ("hospital", "hospitals"),
        ("company", "companies"),
        ("business", "businesses"),
        ("plan", "plans", "planning", "planned", "planner"),
        ("sell", "sells", "selling", "seller"),
        ("hire", "hires", "hiring", "hired"),
        ("raise", "raises", "raising", "raised"),
        ("found", "founder", "founders", "founded"),
        ("mentor", "mentors", "mentoring"),
        ("engineer", "engineers", "engineering"),
    ],
)
def test_related_forms_meet(words):
    assert len({stem(w) for w in words}) == 1, {w: stem(w) for w in words}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("career", "care"),  # -er is kept after "ee"
        ("engineer", "engine"),
        ("seed", "se"),  # too short a stem: "seed", "need", "feed" stay whole
        ("string", "str"),  # no vowel left
        ("selling", "sel"),  # "ll" is not undoubled
        ("product", "produce"),
    ],
)
def test_stemmer_is_cautious(a, b):
    assert stem(a) != stem(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Head of Product", ["head", "product", "head product"]),
        ("Priya's goal", ["priya", "goal", "priya goal"]),  # possessive stripped
        ("Café owners", ["caf", "own", "caf own"]),  # accents stripped
        # No bigram across a clause break, and digits alone are not terms.
        ("sales; hospitals in 2026", ["sal", "hospital"]),
        ("I just want to get things done", []),  # nothing but stop words
    ],
)
def test_analyse(text, expected):
    assert analyse(text) == expected


# --- who is suggested, and why ------------------------------------------------------------


@pytest.mark.parametrize(
    ("need", "name", "fields", "term"),
    [
        # A product-management goal finds the Head of Product by their title.
        (PRODUCT, "Dana Lee", {"title"}, "product"),
        # "investors" meets "Invests"; "seed" meets "seed-stage"; the VC partner is found by
        # what I wrote about him (or his title).
        (SEED, "Marco Rossi", {"about", "title"}, "invests"),
        # Help given before ("an introduction to hospital buyers") fits "Sell to hospitals".
        (HOSPITALS, "Aisha Khan", {"help_given"}, "hospital"),
    ],
)
def test_finds_the_helper(need, name, fields, term):
    found = suggest([need])
    assert found, "expected a suggestion"
    top = found[0]
    assert (top.name, top.need_id) == (name, need.id)
    assert top.field in fields
    assert term in top.terms
    assert top.score >= DEFAULT_MIN_SCORE


def test_seed_match_names_both_terms():
    (top, *_) = suggest([SEED])
    assert top.field == "about"
    assert set(top.terms) >= {"invests", "seed"}
    assert top.reason == (
        "Partner at Northwind Ventures — “invests” and “seed” in your notes about them "
        "match Priya's goal “Raise a seed round from angel investors”."
    )


def test_reason_for_a_title_match():
    (top, *_) = suggest([PRODUCT])
    assert top.reason == (
        "Head of Product at Stripe — “product” in their role matches Priya's goal "
        "“Move into product management”."
    )


def test_reason_for_help_given():
    (top, *_) = suggest([HOSPITALS])
    assert top.reason == (
        "Sales consultant at Independent — “hospital” in the help they have given before "
        "matches Priya's challenge “Sell to hospitals”."
    )


def test_a_matched_bigram_stands_in_for_its_words():
    network = [*NETWORK, person(20, "Lena Park", title="Product Manager", organisation="Shopify")]
    (top, *_) = suggest([PRODUCT], network)
    assert (top.name, top.field, top.terms) == ("Lena Park", "title", ("product manager",))
    # Lena's title says more than Dana's "Head of Product".
    dana = next(s for s in suggest([PRODUCT], network) if s.name == "Dana Lee")
    assert top.score > dana.score


def test_no_suggestion_for_an_unrelated_need():
    assert suggest([CELLO]) == []


def test_min_score_drops_an_incidental_word():
    # "time" is in Tom's notes three times, but it is everyday filler in this network.
    assert suggest([REST]) == []
    weak = suggest([REST], min_score=0.0)
    assert weak, "with no floor the weak matches come back"
    assert all(s.terms == ("time",) for s in weak)
    assert all(s.score < DEFAULT_MIN_SCORE for s in weak)


def test_min_score_is_a_floor():
    everything = suggest([PRODUCT, SEED, HOSPITALS], min_score=0.0)
    floor = sorted(s.score for s in everything)[len(everything) // 2]
    kept = suggest([PRODUCT, SEED, HOSPITALS], min_score=floor)
    assert kept and all(s.score >= floor for s in kept)
    assert len(kept) < len(everything)
    assert suggest([PRODUCT, SEED, HOSPITALS], min_score=10.0) == []


def test_the_person_never_suggests_themself():
    needs = [PRODUCT, SEED, HOSPITALS]
    assert all(s.candidate_id != PRIYA_ID for s in suggest(needs, min_score=0.0))
    # Without the guard her own matters would make her a "helper" for herself.
    unguarded = suggest(needs, person_id=None)
    assert PRIYA_ID in [s.candidate_id for s in unguarded]


def test_one_suggestion_per_candidate_with_their_best_need():
    found = suggest([PRODUCT, SEED, HOSPITALS])
    ids = [s.candidate_id for s in found]
    assert len(ids) == len(set(ids))
    by_name = {s.name: s.need_id for s in found}
    assert by_name["Dana Lee"] == PRODUCT.id
    assert by_name["Marco Rossi"] == SEED.id
    assert by_name["Aisha Khan"] == HOSPITALS.id


def test_ordering_is_deterministic():
    needs = [PRODUCT, SEED, HOSPITALS, REST]
    expected = suggest(needs, min_score=0.0)
    assert [s.score for s in expected] == sorted((s.score for s in expected), reverse=True)
    rng = random.Random(7)
    for _ in range(5):
        shuffled = NETWORK[:]
        rng.shuffle(shuffled)
        assert suggest(needs, shuffled, min_score=0.0) == expected


def test_equal_scores_are_ordered_by_name():
    same = {"title": "Oncology nurse", "organisation": "Royal Marsden"}
    network = [*NETWORK, person(31, "Zoe Hart", **same), person(32, "Abe Ng", **same)]
    found = suggest([Need(106, "worry", "Her mother's oncology appointments")], network)
    assert [s.name for s in found[:2]] == ["Abe Ng", "Zoe Hart"]
    assert found[0].score == found[1].score


@pytest.mark.parametrize(
    ("field", "words"),
    [
        ("title", "their role"),
        ("organisation", "their organisation"),
        ("about", "your notes about them"),
        ("notes", "your recent notes"),
        ("help_given", "the help they have given before"),
        ("matters", "what matters to them"),
        ("side_project", "their side project"),
    ],
)
def test_reason_names_the_field_in_words(field, words):
    network = [*NETWORK, person(40, "Kim Lo", **{field: "Beekeeping cooperative"})]
    found = suggest([Need(107, "hope", "Beekeeping lessons")], network)
    assert [(s.name, s.field) for s in found] == [("Kim Lo", field)]
    assert f"“beekeeping” in {words} matches Priya's hope “Beekeeping lessons”." in found[0].reason


def test_field_weights_rank_a_title_over_notes():
    assert FIELD_WEIGHTS["title"] > FIELD_WEIGHTS["notes"]
    assert FIELD_WEIGHTS["organisation"] > FIELD_WEIGHTS["notes"]
    assert FIELD_WEIGHTS["help_given"] > FIELD_WEIGHTS["notes"]
    network = [
        *NETWORK,
        person(41, "In Notes", notes="Beekeeping"),
        person(42, "In Title", title="Beekeeping"),
    ]
    found = suggest([Need(107, "hope", "Beekeeping lessons")], network)
    assert [s.name for s in found] == ["In Title", "In Notes"]


def test_every_reason_names_terms_field_and_need():
    needs = [PRODUCT, SEED, HOSPITALS, REST]
    found = suggest(needs, min_score=0.0)
    assert found
    texts = {n.id: n.text for n in needs}
    for s in found:
        assert s.reason.strip() and s.reason.endswith(".")
        assert f"“{texts[s.need_id]}”" in s.reason
        assert s.terms and f"“{s.terms[0]}”" in s.reason
        # Fit, never reciprocity.
        assert not re.search(r"owe|reciproc|in return|favou?r|balance", s.reason, re.I)


def test_custom_matters_and_long_needs_read_well():
    # The caller joins what matters and why: "<what>. <why>". The why can be long; the
    # need is still found by its "what", and the reason quotes only that.
    why = "the pilot with the clinic went well and the board wants revenue before the raise"
    (top, *_) = suggest([Need(108, "custom", f"Sell to hospitals. {why}")])
    assert top.name == "Aisha Khan"
    assert top.score >= DEFAULT_MIN_SCORE
    assert top.reason.endswith("matches what matters to Priya, “Sell to hospitals”.")
    # Without a sentence break, a long need is shortened at a word.
    long_what = "Sell to hospitals and clinics across the north of England " + why
    (top, *_) = suggest([Need(109, "goal", long_what)], min_score=0.0)
    quoted = "“Sell to hospitals and clinics across the north of England the pilot with the…”"
    assert top.reason.endswith(f"Priya's goal {quoted}.")


def test_a_candidate_without_title_or_organisation_is_named():
    network = [person(50, "Rae Lin", help_given="advice: pricing for hospital contracts")]
    (top,) = suggest([HOSPITALS], network)
    assert top.reason.startswith("Rae Lin — “hospital” in the help they have given before")


def test_limit_and_empty_inputs():
    many = [person(60 + i, f"Nurse {i:02d}", title="Hospital nurse") for i in range(12)]
    assert len(suggest([HOSPITALS], many)) == 8
    assert len(suggest([HOSPITALS], many, limit=3)) == 3
    assert suggest([HOSPITALS], many, limit=0) == []
    assert suggest([], NETWORK) == []
    assert suggest([HOSPITALS], []) == []
    assert suggest([Need(109, "goal", "   ")], NETWORK) == []
    # Nothing but stop words anywhere: no vocabulary, no suggestions, no error.
    assert suggest([Need(110, "goal", "to be")], [person(70, "X", notes="it is")]) == []
    # Empty fields are skipped.
    assert suggest([HOSPITALS], [person(71, "Y", title="", notes="  ")]) == []


def test_a_large_network_runs():
    """A sanity check that 5,000 candidates and 5 needs go through (not timed)."""
    rng = random.Random(3)
    words = re.findall(
        r"\w+",
        "product design sales hospital clinic investor seed growth marketing engineering "
        "finance hiring coaching nursing teaching legal policy data research operations",
    )
    network = [
        person(
            i,
            f"Person {i:04d}",
            title=" ".join(rng.sample(words, 2)).title(),
            organisation=f"Company {i % 300}",
            about=" ".join(rng.sample(words, 6)),
            notes=" ".join(rng.sample(words, 10)) + " coffee time family",
            help_given="introduction: " + " ".join(rng.sample(words, 3)),
            matters=" ".join(rng.sample(words, 4)),
        )
        for i in range(5000)
    ]
    needs = [PRODUCT, SEED, HOSPITALS, CELLO, REST]
    found = suggest(needs, network)
    assert 0 < len(found) <= 8
    assert found == suggest(needs, network)
