"""Agenda filter: triage evidence, verdicts and the draft linter, table-driven (pure)."""

import dataclasses

import pytest

from carefor.language.agenda import (
    LINT_RULES,
    RULE_IDS,
    VERDICTS,
    Evidence,
    LintFlag,
    Triage,
    evidence,
    rule_features,
    triage_rules,
)
from carefor.language.agenda_model import lint_draft, strings_attached
from carefor.language.asks import own_words

# --- Evidence: one or more rows per rule id, with the exact span ---------------------------

# (text, rule, span)
EVIDENCE = [
    (
        "Loved your talk. By the way, our platform helps teams cut churn.",
        "pitch.pivot",
        "By the way",
    ),
    (
        "Great question, which is why I'm reaching out: we offer a free trial for teams.",
        "pitch.pivot",
        "which is why I'm reaching out",
    ),
    (
        "The reason I ask is that our solution fixes exactly that.",
        "pitch.pivot",
        "The reason I ask",
    ),
    (
        "On a related note, could we hop on a call about our services?",
        "pitch.pivot",
        "On a related note",
    ),
    ("Would you have 15 minutes next week?", "pitch.meeting_ask", "15 minutes"),
    ("Are you open to a quick call on Thursday?", "pitch.meeting_ask", "open to a quick call"),
    ("Can we hop on a call this week?", "pitch.meeting_ask", "hop on a call"),
    ("Could I grab 20 min of your time?", "pitch.meeting_ask", "grab 20 min"),
    ("Let's find a time to connect.", "pitch.meeting_ask", "find a time"),
    (
        "Pick any time here: https://calendly.com/sam-sells/30min",
        "pitch.calendar_link",
        "https://calendly.com/sam-sells/30min",
    ),
    ("Use cal.com/jordan/intro to pick a time.", "pitch.calendar_link", "cal.com/jordan/intro"),
    (
        "Here you go: meetings.hubspot.com/alex-b",
        "pitch.calendar_link",
        "meetings.hubspot.com/alex-b",
    ),
    ("Feel free to book a slot whenever suits.", "pitch.calendar_link", "book a slot"),
    ("Our platform automates onboarding.", "pitch.product", "Our platform"),
    ("We offer a free trial for 30 days.", "pitch.product", "free trial"),
    ("Happy to give you a quick demo.", "pitch.product", "quick demo"),
    ("Our pricing starts at $49.", "pitch.product", "Our pricing"),
    ("Clients see 3x ROI in a quarter.", "pitch.product", "ROI"),
    ("I've attached our case study from Acme.", "pitch.product", "attached our case study"),
    ("Teams get a 40% increase in replies.", "pitch.product", "40% increase"),
    ("We're running a promo this month.", "pitch.product", "running a promo"),
    (
        "We help companies like yours hire faster.",
        "pitch.companies_like_yours",
        "We help companies like yours",
    ),
    (
        "Leaders like you tell us hiring is hard.",
        "pitch.companies_like_yours",
        "Leaders like you",
    ),
    ("I saw your profile and was impressed.", "pitch.familiarity", "I saw your profile"),
    (
        "We have lots of connections in common.",
        "pitch.familiarity",
        "lots of connections in common",
    ),
    ("Just bumping this to the top.", "pitch.bump", "Just bumping this"),
    ("Members get 20% off the first year.", "pitch.terms", "20% off"),
    ("We offer guest posts on high-authority sites.", "pitch.growth", "guest posts"),
    (
        "Starred your repo, please star mine!",
        "reciprocity.swap",
        "Starred your repo, please star mine",
    ),
    ("There is a small production fee of $1,450.", "pitch.terms", "production fee"),
    (
        "We help mission-driven companies tell their story through video.",
        "pitch.what_we_do",
        "We help mission-driven companies tell",
    ),
    ("Circling back on my note below.", "pitch.bump", "Circling back"),
    (
        "If you share my launch post, I'll introduce you to Dana.",
        "reciprocity.conditional",
        "If you share my launch post, I'll introduce you to Dana",
    ),
    (
        "Happy to help, as long as you promote the event.",
        "reciprocity.conditional",
        "Happy to help, as long as you promote the event",
    ),
    (
        "I'll promote yours if you promote mine.",
        "reciprocity.conditional",
        "I'll promote yours if you promote mine",
    ),
    (
        "Only if you leave us a review.",
        "reciprocity.conditional",
        "Only if you leave us a review",
    ),
    (
        "If you don't promote our stuff, we won't promote yours.",
        "reciprocity.conditional",
        "If you don't promote our stuff, we won't promote yours",
    ),
    ("Time to return the favour!", "reciprocity.return_favour", "return the favour"),
    (
        "I'll give you a discount in exchange for a testimonial.",
        "reciprocity.return_favour",
        "in exchange for a testimonial",
    ),
    ("Call it a quid pro quo.", "reciprocity.return_favour", "quid pro quo"),
    (
        "You scratch my back, I'll scratch yours.",
        "reciprocity.return_favour",
        "You scratch my back, I'll scratch yours",
    ),
    ("You owe me one.", "reciprocity.expectation", "You owe me one"),
    (
        "I expected you to at least say thanks.",
        "reciprocity.expectation",
        "I expected you to at least say thanks",
    ),
    (
        "Since I helped you with the deck, I'd expect a referral.",
        "reciprocity.expectation",
        "Since I helped you with the deck, I'd expect a referral",
    ),
    (
        "The least you could do is share it.",
        "reciprocity.expectation",
        "The least you could do is share it",
    ),
    (
        "After all I've done for you, nothing.",
        "reciprocity.guilt",
        "After all I've done for you",
    ),
    ("I scratched your back last year.", "reciprocity.guilt", "I scratched your back"),
]


@pytest.mark.parametrize(("text", "rule", "span"), EVIDENCE)
def test_evidence_rule_and_exact_span(text, rule, span):
    hits = [e for e in evidence(text) if e.rule == rule]
    assert [e.text for e in hits] == [span]
    hit = hits[0]
    assert own_words(text)[hit.start : hit.end] == span
    assert hit.why and hit.why.endswith(".")


def test_every_rule_id_has_an_evidence_row():
    assert {row[1] for row in EVIDENCE} == set(RULE_IDS)


def test_evidence_is_in_text_order_and_typographic_apostrophes_match():
    text = (
        "Just bumping this \u2014 we help teams like yours. "
        "I\u2019ll promote yours if you promote mine."
    )
    found = evidence(text)
    assert [e.rule for e in found] == [
        "pitch.bump",
        "pitch.companies_like_yours",
        "reciprocity.conditional",
    ]
    assert found[2].text == "I\u2019ll promote yours if you promote mine"
    assert [e.start for e in found] == sorted(e.start for e in found)


def test_pivot_needs_a_sales_signal_after_it():
    assert evidence("By the way, congrats on the promotion!") == []
    assert evidence("Our platform is new. By the way, congrats!") == [
        Evidence("Our platform", 0, 12, "pitch.product", "Talks about what they sell.")
    ]


# --- Verdicts ------------------------------------------------------------------------------

# (text, first_contact, verdict, rules that must be among the evidence)
NOT_GENUINE = [
    (
        "Loved your post on hiring. By the way, our platform helps teams cut time-to-hire.",
        False,
        "pitch",
        {"pitch.pivot", "pitch.product"},
    ),
    (
        "How can I help? By the way, we sell onboarding software. Could we hop on a call?",
        False,
        "pitch",
        {"pitch.pivot", "pitch.meeting_ask"},
    ),
    (
        "Congrats on the funding! Would love 15 minutes to show you what we do.",
        False,
        "pitch",
        {"pitch.meeting_ask", "pitch.product"},
    ),
    (
        "I saw your profile and we have lots of connections in common. "
        "Are you open to a quick call?",
        False,
        "pitch",
        {"pitch.familiarity", "pitch.meeting_ask"},
    ),
    (
        "We help companies like yours double pipeline. Grab a time: calendly.com/kim/15",
        False,
        "pitch",
        {"pitch.companies_like_yours", "pitch.calendar_link"},
    ),
    ("Just bumping this. Can we find a time for a quick demo?", False, "pitch", {"pitch.bump"}),
    ("Circling back — are you free for a quick call about our services?", False, "pitch", set()),
    (
        "Our solution delivers a 30% increase in conversions for teams like yours.",
        False,
        "pitch",
        {"pitch.companies_like_yours"},
    ),
    ("Want a free trial? Book a slot whenever suits.", False, "pitch", {"pitch.calendar_link"}),
    ("We'd love to offer you a free trial of our platform.", True, "pitch", {"pitch.product"}),
    ("Book time with me here: https://calendly.com/rep/intro", True, "pitch", set()),
    ("Agencies like yours are switching to us.", True, "pitch", set()),
    (
        "The reason I ask is that we help founders like you raise faster. Worth a quick chat?",
        False,
        "pitch",
        {"pitch.pivot"},
    ),
    (
        "Incidentally, I've attached our case study, and our pricing starts low.",
        False,
        "pitch",
        {"pitch.pivot", "pitch.product"},
    ),
    (
        "Not a pitch, but do you have 20 minutes for a demo? calendly.com/x/20",
        False,
        "pitch",
        {"pitch.calendar_link"},
    ),
    (
        "Happy to help, and if you could share my post, that'd be great.",
        False,
        "reciprocity",
        {"reciprocity.conditional"},
    ),
    (
        "If you repost my article, I'll put you in touch with my investor.",
        False,
        "reciprocity",
        {"reciprocity.conditional"},
    ),
    ("I expected you to return the favour.", False, "reciprocity", {"reciprocity.expectation"}),
    ("After all I've done for you, not even a reply.", False, "reciprocity", set()),
    (
        "I introduced you to Dana, so I'm sure you'll share my course.",
        False,
        "reciprocity",
        {"reciprocity.expectation"},
    ),
    ("You owe me one, remember.", False, "reciprocity", set()),
    ("Now it's your turn to return the favour.", False, "reciprocity", set()),
    (
        "In exchange for the intro, could you write me a testimonial?",
        False,
        "reciprocity",
        {"reciprocity.return_favour"},
    ),
    ("I'll recommend you to the panel only if you vote for me.", False, "reciprocity", set()),
    ("You scratch my back, I'll scratch yours.", False, "reciprocity", set()),
    (
        "Since I referred you to Acme, I assume you'll send some clients my way.",
        False,
        "reciprocity",
        set(),
    ),
    (
        "By the way, our platform is great — and I'll introduce you to Dana if you sign up.",
        False,
        "reciprocity",
        {"reciprocity.conditional"},
    ),
]

# Hard negatives: genuine.
GENUINE = [
    "Do you have 15 minutes to help me think through a job offer?",
    "By the way, congrats on the promotion!",
    "I owe you a proper thank-you.",
    "Our kids were exchange students in Lyon.",
    "If you ever need anything, just ask.",
    "Happy to help, no strings.",
    "We launched our app today! No ask, just wanted you to hear it from me first.",
    "Let me know if I can ever return the favour.",
    "No need to return the favour!",
    "I don't want anything in exchange.",
    "It's not a quid pro quo, I just think you'd get on.",
    "If you have time, could you look at my draft?",
    "I'll send it if you can share your address.",
    "Could we find a time for coffee next week?",
    "Would love to hop on a quick call to catch up, it's been ages.",
    "Can I grab 20 min of your time for advice on my pricing?",
    "I was 15 minutes late, sorry!",
    "Circling back on the dinner plans — Friday still good?",
    "By the way, the kids loved the book you sent.",
    "Thanks for the demo yesterday, the team was impressed.",
    "Happy to help — if you ever need an intro, I'll make one.",
    "If you promote the event, great; either way I'll be there.",
    "I'd love to return the favour sometime.",
    "Thanks again — how can I repay you?",
    "What can I do in exchange?",
    "I introduced you to Dana because I think you'd get on.",
    "You don't owe me anything.",
    "I expected the train to be late.",
    "After all the rain we've had, the garden is thriving.",
    "Happy to share my notes from the session.",
    "Congrats! Our team is so proud of you.",
    "Glad the intro helped. No expectations, just pass it on.",
    "Their ROI model confused me, can you explain it?",
    "I'll review your deck if you send it over tonight.",
    "Happy to help if you need anything else.",
    "I'll pay for them and you can pay me back in August.",
    "Can you take my Sunday morning in exchange?",
    "She asked how she could repay me.",
    "I was thinking about what you said about the quid pro quo group.",
    "They agreed exclusivity in exchange for a discount.",
]


@pytest.mark.parametrize(("text", "first_contact", "verdict", "rules"), NOT_GENUINE)
def test_verdict_pitch_or_reciprocity(text, first_contact, verdict, rules):
    result = triage_rules(text, first_contact=first_contact)
    assert result.verdict == verdict, result
    assert result.probability is None
    assert result.evidence
    assert rules <= {e.rule for e in result.evidence}
    assert all(e.rule.startswith(verdict + ".") for e in result.evidence)


@pytest.mark.parametrize("text", GENUINE)
def test_verdict_genuine_hard_negatives(text):
    result = triage_rules(text)
    assert result == Triage("genuine", ())
    assert triage_rules(text, first_contact=True).verdict == "genuine"


def test_counts_of_rows():
    assert len(NOT_GENUINE) >= 25
    assert len(GENUINE) >= 30


def test_one_strong_signal_is_a_pitch_only_on_first_contact():
    text = "Our platform might be useful for the project you mentioned."
    assert triage_rules(text).verdict == "genuine"
    assert triage_rules(text, first_contact=True).verdict == "pitch"
    # A meeting ask alone is weak, even on a first contact.
    assert triage_rules("Would you have 15 minutes next week?", first_contact=True).verdict == (
        "genuine"
    )


def test_subject_corroborates_a_body_signal_but_never_stands_alone():
    body = "We could cover the onboarding questions on a quick call."
    assert triage_rules(body).verdict == "genuine"
    assert triage_rules(body, subject="Free trial of our platform").verdict == "pitch"
    assert triage_rules("See you Friday!", subject="Our platform demo").verdict == "genuine"


def test_negations_suppress_reciprocity_evidence():
    assert evidence("No need to return the favour.") == []
    assert evidence("Nothing in exchange, I promise.") == []
    assert evidence("If you share my post I'll introduce you to Dana. No strings!") == []


def test_quoted_reply_is_ignored():
    text = (
        "Thanks, lovely to hear from you!\n\n"
        "On Tue, 4 Mar 2025 at 10:00, Sam <sam@example.com> wrote:\n"
        "> By the way, our platform helps teams like yours. Grab 15 minutes?\n"
        "> If you share my post, I'll introduce you to Dana.\n"
    )
    assert evidence(text) == []
    assert triage_rules(text, first_contact=True).verdict == "genuine"
    assert lint_draft(text) == []
    assert strings_attached(text) == {"verdict": "none", "evidence": []}


def test_offsets_index_into_own_words_after_a_signature_is_dropped():
    text = "> old quoted line\nYou owe me one.\n-- \nSam\nOur platform, free trial"
    found = evidence(text)
    own = own_words(text)
    assert [(e.rule, e.text) for e in found] == [("reciprocity.expectation", "You owe me one")]
    assert own[found[0].start : found[0].end] == "You owe me one"


def test_rule_features():
    text = (
        "I saw your profile. By the way, our platform helps teams like yours. "
        "Grab 15 minutes? https://calendly.com/x"
    )
    features = rule_features(text, subject="Quick demo?", first_contact=True)
    assert set(RULE_IDS) <= set(features)
    assert features["pitch.pivot"] == 1.0
    assert features["pitch.product"] == 1.0
    assert features["pitch.calendar_link"] == 1.0
    assert features["pitch.familiarity"] == 1.0
    assert features["reciprocity.conditional"] == 0.0
    assert features["first_contact"] == 1.0
    assert features["has_link"] == 1.0
    assert features["n_sentences_bucket"] == 3.0
    assert features["asks_for_time"] == 1.0
    assert features["subject_pitch"] == 1.0
    assert all(isinstance(v, float) for v in features.values())
    advice = rule_features("Do you have 15 minutes to help me think through a job offer?")
    assert advice["asks_for_time"] == 1.0
    assert advice["pitch.meeting_ask"] == 0.0
    assert advice["first_contact"] == 0.0
    assert advice["has_link"] == 0.0
    assert advice["n_sentences_bucket"] == 1.0
    negated = rule_features("No need to return the favour.")
    assert negated["negated_reciprocity"] == 1.0
    assert negated["reciprocity.return_favour"] == 0.0


# --- The draft linter ---------------------------------------------------------------------

# (draft, rule, span, suggestion)
LINT = [
    (
        "Happy to help you grow! By the way, we sell onboarding software. Let's hop on a call.",
        "draft.pitch",
        "By the way, we sell onboarding software. Let's hop on a call.",
        "If it would ever help to hear how we work, just ask — no pressure.",
    ),
    (
        "Happy to help — and if you could share my post, that'd be great",
        "draft.conditional_help",
        "Happy to help — and if you could share my post, that'd be great",
        "Happy to help.",
    ),
    (
        "Sure! If you share my launch post, I'll introduce you to Dana.",
        "draft.conditional_help",
        "If you share my launch post, I'll introduce you to Dana.",
        "I'll introduce you to Dana.",
    ),
    (
        "Sure thing — I'll promote yours if you promote mine.",
        "draft.conditional_help",
        "Sure thing — I'll promote yours if you promote mine.",
        "Sure thing — I'll promote yours.",
    ),
    (
        "If you don't promote our stuff, we won't promote yours.",
        "draft.conditional_help",
        "If you don't promote our stuff, we won't promote yours.",
        "I'm glad to share your work when it fits.",
    ),
    (
        "Thanks for asking. I expected you to return the favour.",
        "draft.expectation",
        "I expected you to return the favour.",
        "I hope it helped.",
    ),
    (
        "Honestly, the least you could do is share it.",
        "draft.expectation",
        "Honestly, the least you could do is share it.",
        "Only if it suits you — no pressure either way.",
    ),
    ("You owe me one.", "draft.favour_ledger", "You owe me one.", "Glad I could help."),
    (
        "Glad it worked out — you owe me one!",
        "draft.favour_ledger",
        "Glad it worked out — you owe me one!",
        "Glad it worked out!",
    ),
    (
        "I introduced you to Dana, so I'm sure you'll share my course.",
        "draft.favour_ledger",
        "I introduced you to Dana, so I'm sure you'll share my course.",
        "I hope the introduction to Dana is useful.",
    ),
    (
        "In exchange for the intro, could you write me a testimonial?",
        "draft.favour_ledger",
        "In exchange for the intro, could you write me a testimonial?",
        "Could you write me a testimonial?",
    ),
    (
        "Time to return the favour, my friend.",
        "draft.favour_ledger",
        "Time to return the favour, my friend.",
        "Glad I could help.",
    ),
    (
        "Thanks so much for the intro! By the way, we're running a promo on our consulting…",
        "draft.pitch_in_thanks",
        "By the way, we're running a promo on our consulting…",
        "It made a real difference — thank you again.",
    ),
    (
        "Thank you for the advice yesterday. If you're curious, our platform has a free trial.",
        "draft.pitch_in_thanks",
        "If you're curious, our platform has a free trial.",
        "It made a real difference — thank you again.",
    ),
    (
        "Congrats on the new role! Would love 15 minutes to show you what we do",
        "draft.ask_in_congrats",
        "Would love 15 minutes to show you what we do",
        "Wishing you every success with it — enjoy the moment.",
    ),
    (
        "Congratulations on the launch! We help companies like yours scale support.",
        "draft.ask_in_congrats",
        "We help companies like yours scale support.",
        "Wishing you every success with it — enjoy the moment.",
    ),
    (
        "After all I've done for you, you can't even reply?",
        "draft.guilt",
        "After all I've done for you, you can't even reply?",
        "I've been glad to be there for you.",
    ),
    (
        "I scratched your back last spring.",
        "draft.guilt",
        "I scratched your back last spring.",
        "I've been glad to be there for you.",
    ),
]

LINT_NEGATIVES = [
    "Happy to help, no strings.",
    "Let me know if I can ever return the favour.",
    "If you have time, could you look at my draft?",
    "I'll send it if you can share your address.",
    "Thanks for the intro! I owe you one.",
    "I'd be happy to return the favour anytime.",
    "No need to return the favour.",
    "Nothing in exchange, promise.",
    "Congrats on the promotion! Let's grab lunch to celebrate.",
    "By the way, congrats on the promotion!",
    "Thanks for the demo yesterday, it was really clear.",
    "Congrats on the 30% increase in sign-ups!",
    "Happy to help if you need anything else.",
    "If you ever need an intro, I'll make one.",
    "I introduced you to Dana because I think you'd get on.",
    "You don't owe me anything.",
    "Congratulations! Do you have 15 minutes to help me think through my next step?",
    "Thanks again. If you share the deck, I'll take a look tonight.",
    "I'll review your deck if you send it over tonight.",
    "Thank you! How can I repay you?",
    "Happy to share my notes, and if you want, I can introduce you to Dana.",
    "Congrats on the new role — would love to find a time to celebrate.",
    "I expected the meeting to run over.",
]


@pytest.mark.parametrize(("draft", "rule", "span", "suggestion"), LINT)
def test_lint_flags_with_exact_span_and_suggestion(draft, rule, span, suggestion):
    flags = lint_draft(draft)
    assert [(f.rule, f.text, f.suggestion) for f in flags] == [(rule, span, suggestion)]
    flag = flags[0]
    assert draft[flag.start : flag.end] == span
    assert flag.why == flag.why.strip() and flag.why.endswith(".")
    assert flag.suggestion.strip()


def test_every_lint_rule_has_a_row_and_a_description():
    # draft.trade flags what the model reads, not a rule: test_one_judgement tests it.
    assert {row[1] for row in LINT} == set(LINT_RULES) - {"draft.trade"}
    assert all(description.strip() for description in LINT_RULES.values())


@pytest.mark.parametrize("draft", LINT_NEGATIVES)
def test_lint_negatives(draft):
    assert lint_draft(draft) == []


def test_product_news_said_to_no_one_is_at_most_unsure():
    # Telling a user what the product will do is not selling to them; the model may still
    # doubt it, and then the writer sees "might read as a pitch", never "pitch".
    result = strings_attached(
        "Thanks for the feedback on our app. We'll add a free trial next month."
    )
    assert result["verdict"] in {"none", "unsure"}


def test_lint_negatives_count():
    assert len(LINT_NEGATIVES) >= 20


def test_silencing_a_rule_skips_only_that_rule():
    draft = "You owe me one. Happy to help — and if you could share my post, that'd be great."
    assert [f.rule for f in lint_draft(draft)] == ["draft.favour_ledger", "draft.conditional_help"]
    silenced = lint_draft(draft, silenced=frozenset({"draft.favour_ledger"}))
    assert [f.rule for f in silenced] == ["draft.conditional_help"]
    assert lint_draft(draft, silenced=frozenset(LINT_RULES)) == []


def test_lint_flag_is_frozen():
    flag = lint_draft("You owe me one.")[0]
    assert isinstance(flag, LintFlag)
    with pytest.raises(dataclasses.FrozenInstanceError):
        flag.rule = "x"  # type: ignore[misc]


# --- strings_attached (the check-text JSON key) ---------------------------------------


def test_strings_attached_contract():
    assert strings_attached("Happy to help, no strings.") == {"verdict": "none", "evidence": []}

    pitch = strings_attached(
        "Thanks so much for the intro! By the way, we're running a promo on our consulting."
    )
    assert pitch == {
        "verdict": "pitch",
        "evidence": [
            {
                "text": "By the way, we're running a promo on our consulting.",
                "rule": "draft.pitch_in_thanks",
                "why": "Turns a thank-you into a sales pitch.",
            }
        ],
    }

    draft = "Happy to help with the intro — and if you could share my post, that'd be great."
    assert strings_attached(draft) == {
        "verdict": "reciprocity",
        "evidence": [
            {
                "text": draft,
                "rule": "draft.conditional_help",
                "why": "Ties your help to a favour back, so it reads as a trade.",
            }
        ],
    }
    silenced = frozenset({"draft.conditional_help"})
    assert strings_attached(draft, silenced=silenced) == {"verdict": "none", "evidence": []}

    both = "You owe me one. Congrats on the launch! We help companies like yours grow."
    result = strings_attached(both)
    assert result["verdict"] == "reciprocity"
    assert [e["rule"] for e in result["evidence"]] == [
        "draft.favour_ledger",
        "draft.ask_in_congrats",
    ]
    only_pitch = strings_attached(both, silenced=frozenset({"draft.favour_ledger"}))
    assert only_pitch["verdict"] == "pitch"


@pytest.mark.parametrize("text", [row[0] for row in NOT_GENUINE] + GENUINE)
def test_strings_attached_never_says_automated(text):
    result = strings_attached(text)
    assert set(result) == {"verdict", "evidence"}
    assert result["verdict"] in {"none", "pitch", "reciprocity", "unsure"}
    assert "automated" in VERDICTS
    for item in result["evidence"]:
        assert set(item) == {"text", "rule", "why"}
