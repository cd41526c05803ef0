"""Help given and received, table-driven (pure, no Django)."""

import dataclasses

import pytest

from carefor.language import help as help_module
from carefor.language.help import HELP_KINDS, HelpFinding, find_help

# (text, direction, kind, what, helper, beneficiary, outcome, thanks, rule)
POSITIVES = [
    # --- thanks: the addressee helped the author -------------------------------------
    (
        "Thank you for the introduction to Marcus.",
        "to_author", "introduction", "Introduction to Marcus", "", "", "", True,
        "help.thanks.introduction",
    ),
    (
        "Thanks so much, Priya, for the intro to Dana last week!",
        "to_author", "introduction", "Introduction to Dana", "Priya", "", "", True,
        "help.thanks.introduction",
    ),
    (
        "I really appreciate you introducing me to Marcus.",
        "to_author", "introduction", "Introduction to Marcus", "", "", "", True,
        "help.thanks.introduction",
    ),
    (
        "Thank you for putting me in touch with the team at Acme, it meant a lot.",
        "to_author", "introduction", "Introduction to the team at Acme", "", "", "", True,
        "help.thanks.introduction",
    ),
    (
        "Big thanks to Marcus for the intro to Dana.",
        "third_party", "introduction", "Introduction to Dana", "Marcus", "", "", True,
        "help.thanks.introduction",
    ),
    (
        "Thanks for the referral to Dr. Okafor's clinic.",
        "to_author", "referral", "Referral to Dr. Okafor's clinic", "", "", "", True,
        "help.thanks.referral",
    ),
    (
        "Thank you for recommending me for the board seat.",
        "to_author", "referral", "Referral for the board seat", "", "", "", True,
        "help.thanks.referral",
    ),
    (
        "Thanks for putting me forward for the COO role.",
        "to_author", "candidate", "Put forward for the COO role", "", "", "", True,
        "help.thanks.candidate",
    ),
    (
        "Thanks for passing my CV to Lena at Stripe.",
        "to_author", "candidate", "CV passed to Lena at Stripe", "", "", "", True,
        "help.thanks.cv",
    ),
    (
        "Grateful for your advice on the offer.",
        "to_author", "advice", "Advice on the offer", "", "", "", True,
        "help.thanks.advice",
    ),
    (
        "Thanks for your email and the advice on pricing.",
        "to_author", "advice", "Advice on pricing", "", "", "", True,
        "help.thanks.advice",
    ),
    (
        "Thank you for the feedback on my pitch deck.",
        "to_author", "advice", "Feedback on my pitch deck", "", "", "", True,
        "help.thanks.feedback",
    ),
    (
        "Thanks for looking over my CV.",
        "to_author", "advice", "Review of my CV", "", "", "", True,
        "help.thanks.review",
    ),
    (
        "Thank you for your mentoring through my first year as a manager.",
        "to_author", "mentorship", "Mentorship through my first year as a manager",
        "", "", "", True, "help.thanks.mentorship",
    ),
    (
        "Thanks for the shout-out on LinkedIn!",
        "to_author", "promotion", "Promotion", "", "", "", True,
        "help.thanks.promotion",
    ),
    (
        "Thank you for sharing my launch post.",
        "to_author", "promotion", "Promotion of my launch post", "", "", "", True,
        "help.thanks.promotion",
    ),
    (
        "Thank you for taking the time to walk me through the financial model.",
        "to_author", "time", "Time on the financial model", "", "", "", True,
        "help.thanks.time",
    ),
    (
        "Thanks for your time yesterday.",
        "to_author", "time", "Time", "", "", "", True,
        "help.thanks.time",
    ),
    (
        "Thank you for hiring me for the brand refresh.",
        "to_author", "work", "Work for the brand refresh", "", "", "", True,
        "help.thanks.work",
    ),
    (
        "Thanks so much for your help with the move!",
        "to_author", "other", "Help with the move", "", "", "", True,
        "help.thanks.other",
    ),
    # --- credit and praise ---------------------------------------------------------
    (
        "Thanks to your referral I got the job.",
        "to_author", "referral", "Referral", "", "", "got the job", True,
        "help.credit.noun",
    ),
    (
        "Thanks to Marcus's intro, we closed the round.",
        "third_party", "introduction", "Introduction", "Marcus", "", "we closed the round",
        True, "help.credit.noun",
    ),
    (
        "I got the job thanks to you.",
        "to_author", "other", "Help", "", "", "got the job", True,
        "help.credit.person",
    ),
    (
        "Your advice on the pricing page was spot on.",
        "to_author", "advice", "Advice on the pricing page", "", "", "", False,
        "help.praise",
    ),
    (
        "Lena's feedback on the deck made all the difference.",
        "third_party", "advice", "Advice on the deck", "Lena", "", "", False,
        "help.praise",
    ),
    # --- reported help: someone helped me (in my notes) ------------------------------
    (
        "Marcus introduced me to Dana at the conference.",
        "third_party", "introduction", "Introduction to Dana", "Marcus", "", "", False,
        "help.did.introduction",
    ),
    (
        "Yesterday Marcus introduced me to Dana Lee.",
        "third_party", "introduction", "Introduction to Dana Lee", "Marcus", "", "", False,
        "help.did.introduction",
    ),
    (
        "Marcus introduced us.",
        "third_party", "introduction", "Introduction", "Marcus", "", "", False,
        "help.did.introduction",
    ),
    (
        "She put me in touch with her old boss at Figma.",
        "third_party", "introduction", "Introduction to her old boss at Figma", "", "", "",
        False, "help.did.introduction",
    ),
    (
        "You introduced me to Dana two years ago and she is now my cofounder.",
        "to_author", "introduction", "Introduction to Dana two years ago", "", "", "", False,
        "help.did.introduction",
    ),
    (
        "Ravi referred me to a great immigration lawyer.",
        "third_party", "referral", "Referral to a great immigration lawyer", "Ravi", "", "",
        False, "help.did.referral",
    ),
    (
        "Ana recommended me for the keynote slot.",
        "third_party", "referral", "Referral for the keynote slot", "Ana", "", "", False,
        "help.did.referral",
    ),
    (
        "Ana put me forward for the advisory board.",
        "third_party", "candidate", "Put forward for the advisory board", "Ana", "", "",
        False, "help.did.candidate",
    ),
    (
        "Marcus gave me great advice on fundraising.",
        "third_party", "advice", "Advice on fundraising", "Marcus", "", "", False,
        "help.did.advice",
    ),
    (
        "Lena reviewed my pitch deck over the weekend.",
        "third_party", "advice", "Review of my pitch deck over the weekend", "Lena", "", "",
        False, "help.did.review",
    ),
    (
        "Priya spent an hour with me on the board deck.",
        "third_party", "time", "Time on the board deck", "Priya", "", "", False,
        "help.did.time",
    ),
    (
        "Lee mentored me through my first year as a manager.",
        "third_party", "mentorship", "Mentorship through my first year as a manager", "Lee",
        "", "", False, "help.did.mentorship",
    ),
    (
        "Ana hired me to redesign their onboarding.",
        "third_party", "work", "Work to redesign their onboarding", "Ana", "", "", False,
        "help.did.work",
    ),
    (
        "Jo gave me the contract for the Q3 audit.",
        "third_party", "work", "Work: the contract for the Q3 audit", "Jo", "", "", False,
        "help.did.gave_work",
    ),
    (
        "Tom promoted my talk on LinkedIn.",
        "third_party", "promotion", "Promotion of my talk", "Tom", "", "", False,
        "help.did.promotion",
    ),
    (
        "Sam helped me prep for the interview and I got the offer.",
        "third_party", "other", "Help to prep for the interview", "Sam", "", "got the offer",
        False, "help.did.other",
    ),
    # --- help the author gave (past only) ------------------------------------------
    (
        "I introduced her to Dana.",
        "from_author", "introduction", "Introduction to Dana", "", "", "", False,
        "help.did.introduction",
    ),
    (
        "I introduced Dana to Lee last month and he hired her.",
        "from_author", "introduction", "Introduction to Lee", "", "Dana", "he hired her",
        False, "help.did.introduction",
    ),
    (
        "I referred Lee to my accountant.",
        "from_author", "referral", "Referral to my accountant", "", "Lee", "", False,
        "help.did.referral",
    ),
    (
        "I recommended Dana for the CTO role at Acme.",
        "from_author", "referral", "Referral for the CTO role at Acme", "", "Dana", "", False,
        "help.did.referral",
    ),
    (
        "I sent Dana's CV to the hiring manager at Stripe.",
        "from_author", "candidate", "CV passed to the hiring manager at Stripe", "", "Dana",
        "", False, "help.did.cv",
    ),
    (
        "I shared Dana's article with my newsletter readers.",
        "from_author", "promotion", "Promotion of Dana's article", "", "Dana", "", False,
        "help.did.promotion",
    ),
    (
        "Happy I could help with the pitch deck.",
        "from_author", "other", "Help with the pitch deck", "", "", "", False,
        "help.glad",
    ),
    (
        "Glad the intro worked out!",
        "from_author", "introduction", "Introduction", "", "", "", False,
        "help.glad.noun",
    ),
    # --- polite forms that look modal or negated ------------------------------------
    (
        "I'd like to thank you for your mentorship over the years.",
        "to_author", "mentorship", "Mentorship", "", "", "", True,
        "help.thanks.mentorship",
    ),
    (
        "Can't thank you enough for helping me get the visa sorted.",
        "to_author", "other", "Help to get the visa sorted", "", "", "", True,
        "help.thanks.other",
    ),
    # --- a phone's apostrophe -------------------------------------------------------
    (
        "Thanks to Marcus\u2019s intro, we signed the deal.",
        "third_party", "introduction", "Introduction", "Marcus", "", "we signed the deal",
        True, "help.credit.noun",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "direction", "kind", "what", "helper", "beneficiary", "outcome", "thanks", "rule"),
    POSITIVES,
)
def test_finds_help(text, direction, kind, what, helper, beneficiary, outcome, thanks, rule):
    findings = find_help(text)
    assert len(findings) == 1, findings
    assert findings[0] == HelpFinding(
        direction=direction,
        kind=kind,
        what=what,
        sentence=text,
        helper=helper,
        beneficiary=beneficiary,
        outcome=outcome,
        thanks=thanks,
        rule=rule,
    )


def test_every_rule_has_a_positive_row():
    covered = {row[-1] for row in POSITIVES}
    assert {rule.id for rule in help_module._RULES} == covered


def test_every_kind_is_a_help_kind():
    assert {row[2] for row in POSITIVES} == set(HELP_KINDS)


NEGATIVES = [
    # requests
    "Could you introduce me to Marcus?",
    "Would you be willing to refer me to your accountant?",
    "Please introduce me to Dana when you get a chance.",
    "I'd be grateful for an intro to Marcus.",
    "I was hoping you could give me advice on the pricing page.",
    # offers and promises, not yet done
    "I'll introduce you to Dana next week.",
    "Happy to help if you need anything.",
    "Happy to help!",
    "Let me introduce you to Priya.",
    "I can refer you to my lawyer.",
    "Marcus is going to introduce me to Dana.",
    "Marcus offered to introduce me to Dana.",
    "Thanks for offering to introduce me to Dana.",
    # generic thanks
    "Thanks!",
    "Thanks for your email.",
    "Thanks for getting back to me.",
    "Thank you for your patience.",
    "Thanks in advance for the intro.",
    "Thank you for your time and consideration.",
    "Thank you for taking the time to apply.",
    "Thanks for connecting!",
    "Thanks for your help.",
    "Thanks for the update on the lease.",
    "Thanks for the intro call today.",
    # marketing and automated mail
    "Thank you for your purchase.",
    "Thanks for subscribing to our newsletter.",
    "Thanks for the referral! You've earned a $10 credit.",
    "Thank you for your business.",
    # negations
    "He didn't introduce me to anyone.",
    "Marcus never introduced me to Dana.",
    "She has not referred me to anyone yet.",
    # hypotheticals and questions
    "If you could introduce me to Marcus, that would be amazing.",
    "If Marcus introduced me to Dana, I could pitch her directly.",
    "Did Marcus introduce you to Dana?",
    "Thanks for the intro to Marcus?",
    # help between other people, not involving the author
    "Marcus introduced Dana to Lee.",
    "She said he introduced her to the investors.",
    # score-keeping: never a balance, not even as a thank-you
    "I introduced you to Dana, so you owe me one.",
    "Thanks for the intro, I owe you one.",
    "Now it's your turn to return the favour.",
    "We're even now that I referred Lee to you.",
    # relayed thanks and form letters
    "Tell Marcus thanks for the intro.",
    "She said thanks for the advice.",
    "Thank you for your help with this matter.",
    # stage introductions and self-help are not help between people
    "I introduced her at the keynote.",
    "I sent my CV to Marcus.",
    "I hired Dana as our new designer.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_hard_negatives(text):
    assert find_help(text) == []


def test_quoted_thanks_in_a_reply_are_not_the_authors():
    reply = (
        "Happy it's going well, say hi to Marcus from me.\n\n"
        "On Mon, 3 Jun 2024 at 09:12, Dana Lee <dana@example.com> wrote:\n"
        "> Thank you for the intro to Marcus.\n"
        "> I got the job!\n"
    )
    assert find_help(reply) == []


def test_signature_and_forwarded_original_are_dropped():
    text = "Thanks for the advice on pricing.\n\n-- \nDana Lee\nThanks for the intro to Marcus.\n"
    assert [(f.kind, f.what) for f in find_help(text)] == [("advice", "Advice on pricing")]


def test_outcome_in_the_next_sentence():
    text = "Thank you so much for the introduction to Marcus. We closed the round on Friday!"
    [finding] = find_help(text)
    assert finding.kind == "introduction"
    assert finding.what == "Introduction to Marcus"
    assert finding.outcome == "we closed the round"
    assert finding.sentence == "Thank you so much for the introduction to Marcus."
    assert finding.thanks is True


def test_outcome_is_not_taken_from_a_negated_or_conditional_next_sentence():
    assert find_help("Thanks for the referral to Acme. I didn't get the job.")[0].outcome == ""
    assert find_help("Thanks for the referral. If I got the job, I'd celebrate.")[0].outcome == ""


def test_outcome_two_sentences_later_is_not_taken():
    text = "Ravi referred me to Acme. The weather was awful. I got the job."
    [finding] = find_help(text)
    assert (finding.helper, finding.outcome) == ("Ravi", "")


def test_several_kinds_in_one_sentence():
    text = "Thank you for the intro to Marcus and the advice on the term sheet."
    findings = find_help(text)
    assert [(f.kind, f.what, f.rule) for f in findings] == [
        ("introduction", "Introduction to Marcus", "help.thanks.introduction"),
        ("advice", "Advice on the term sheet", "help.thanks.advice"),
    ]


def test_findings_keep_text_order_and_each_sentence():
    text = (
        "Hi Dana,\n\nMarcus introduced me to Lee last week. Nothing came of it yet.\n"
        "I referred Lee to my accountant afterwards."
    )
    findings = find_help(text)
    assert [(f.direction, f.rule, f.sentence) for f in findings] == [
        (
            "third_party",
            "help.did.introduction",
            "Marcus introduced me to Lee last week.",
        ),
        ("from_author", "help.did.referral", "I referred Lee to my accountant afterwards."),
    ]


def test_findings_have_no_balance_fields():
    """No score-keeping: a finding records an act, never a tally or a debt."""
    names = {field.name for field in dataclasses.fields(HelpFinding)}
    assert names == {
        "direction", "kind", "what", "sentence", "helper", "beneficiary", "outcome",
        "thanks", "rule",
    }  # fmt: skip


def test_empty_text():
    assert find_help("") == []
