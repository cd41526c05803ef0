"""Promise and request rules, table-driven (pure)."""

import json
from datetime import date

import pytest

from carefor.language.commitments import analyse, classify_by_rules
from carefor.language.sentences import split_sentences


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("I'll send you the deck by Friday.", "promise.i-will"),
        ("We will have the contract to you by EOD.", "promise.i-will"),
        ("I\u2019ll get back to you tomorrow.", "promise.i-will"),  # a phone's apostrophe
        ("I'll be sending the revised terms tonight.", "promise.i-will-be-verbing"),
        ("Let me introduce you to Priya.", "promise.let-me"),
        ("I can have the numbers to you by Thursday.", "promise.i-can"),
        ("You'll have my notes before the board meeting.", "promise.you-will-have"),
        ("You'll have the deck by Friday.", "promise.you-will-have"),
        ("I promise to call her this week.", "promise.explicit"),
        ("I'm on it.", "promise.on-it"),
        ("Will do, Frank.", "promise.will-do"),
        ("Count me in for the charity 10k.", "promise.will-do"),
    ],
)
def test_promises(sentence, rule):
    label, rules = classify_by_rules(sentence)
    assert label == "promise"
    assert rule in rules


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Could you look over my resume?", "request.could-you"),
        ("Can you make it Tuesday at 3?", "request.could-you"),
        ("Please review the attached draft.", "request.please"),
        ("Let me know if that works.", "request.let-me-know"),
        ("Would you be willing to intro me to Marcus?", "request.would-you-be-willing"),
        ("I'd appreciate it if you could share the list.", "request.appreciate"),
        ("I was wondering if you could spare 20 minutes.", "request.wondering"),
        ("Would it be possible to move our call?", "request.is-it-possible"),
        ("Send me the final version when it's ready.", "request.imperative"),
        ("Can we meet next week?", "request.can-we"),
        ("Could we do Friday morning instead?", "request.can-we"),
        ("Could someone volunteer to organise the hike?", "request.could-anyone"),
        ("Can I share your email with Ravi?", "request.can-i"),
        ("Do you want to join us?", "request.do-you-want-to"),
        ("Do you mind if I take this to the group tonight?", "request.do-you-want-to"),
        ("I'm having lunch with Dan today, want to join us?", "request.do-you-want-to"),
        ("Are you around Saturday for a walk?", "request.are-you-free"),
        ("Are we still on for tennis tomorrow?", "request.are-you-free"),
        ("Did you get my email about the lease?", "request.did-you-get"),
        ("Just checking whether you had a chance to look at the SOW?", "request.did-you-get"),
        ("I need your approval by tomorrow at noon.", "request.need-you"),
        ("I need the final headcount numbers by next Monday.", "request.need-you"),
        ("I would especially like your opinion on the hiring plan.", "request.your-view"),
        ("We would be grateful for your response by 29 August.", "request.your-view"),
        ("I am writing to request a letter of recommendation.", "request.performative"),
        ("We kindly ask you to update the VAT number.", "request.performative"),
        ("Shareholders are asked to submit questions by 20 February.", "request.performative"),
        ("Children should bring a packed lunch.", "request.instruction"),
        ("Receipts need to be attached as PDFs, not photos.", "request.instruction"),
        ("Everyone needs to complete the training by the 31st.", "request.instruction"),
        ("Let's get the contract signed early next week.", "request.lets"),
        ("If that doesn't work, just text me a better time.", "request.then-imperative"),
        ("Anyone who needs a visa letter, tell me by Friday.", "request.then-imperative"),
        ("Pls cover the desk for us between 2 and 4 today.", "request.then-imperative"),
        ("Don't sign anything until we've spoken.", "request.dont"),
        ("How about meeting at 11:30 instead of noon?", "request.proposal"),
        ("I suggest a short meeting to agree the strategy.", "request.proposal"),
        ("We need to discuss the filing before Thursday.", "request.proposal"),
        ("We would very much like to speak with you about the role.", "request.proposal"),
        ("What's the status of the credit review?", "request.status"),
        ("Do you know if the Sempra people are coming on Friday?", "request.status"),
        ("Any thoughts on who should present it?", "request.status"),
        ("And bring the question list from the last meeting.", "request.imperative"),
        ("Oh and remind me of the PO number for the catering.", "request.imperative"),
        ("Hold off on sending the letter until Steve reviews it.", "request.imperative"),
    ],
)
def test_requests(sentence, rule):
    label, rules = classify_by_rules(sentence)
    assert label == "request"
    assert rule in rules


@pytest.mark.parametrize(
    ("sentence", "veto"),
    [
        ("I'll try to look at it this weekend.", "not.hedge"),
        ("No promises, but I'll see what I can do.", "not.hedge"),
        ("I'll probably send it Monday.", "not.hedge"),
        ("I'll be in Boston next week.", "not.plan"),
        ("We'll be out of the office until Monday.", "not.plan"),
        ("She said she would send the contract.", "not.reported"),
        ("Marcus promised he'll call you.", "not.reported"),
        ("Can you believe it's already December?", "not.rhetorical"),
        ("So I'll pass on the call, but good luck with it.", "not.decline"),
        ("I won't be able to make it on Thursday.", "not.decline"),
        ("Would you like me to refer you?", "not.offer"),
        ("Shall I book the table for eight?", "not.offer"),
        ("> Please send the signed power of attorney by Monday.", "not.quoted"),
        ("> I'll send the contract tomorrow.", "not.quoted"),
        ("Let me know if you have any questions about the role.", "not.invitation"),
        ("And if you ever need a favour from me, please just ask.", "not.invitation"),
        ("Please do not reply to this email, this mailbox is not monitored.", "not.invitation"),
        ("For urgent questions please contact my colleague Mrs. Weber.", "not.invitation"),
        ("To stop receiving these updates, please click the link below.", "not.invitation"),
    ],
)
def test_hedges_plans_reported_speech_and_rhetoric_are_not_promises(sentence, veto):
    label, rules = classify_by_rules(sentence)
    assert label == "neither"
    assert veto in rules


@pytest.mark.parametrize(
    "sentence",
    ["I sent you the deck yesterday.", "Thanks so much for the introduction!",
     "Hope you had a lovely weekend.", "Congratulations on the new role!",
     "Please find attached the agenda.", "Best,", "We led the round, you'll have heard.",
     "You'll have a new board member at the next one.",
     "Can I just say how proud I am of you?", "Could we have picked a worse week?",
     "Did you get the job at the museum in the end?", "Did you see the match last night?",
     "We should bring the whole family to the lake next summer.",
     "Your order has been dispatched and should arrive within 3-5 working days.",
     "There's no need to reply to this.", "Let's see how the first month goes.",
     "I need to confirm the hotel rooms by next Monday.",
     "Register now for our Demo Night, seats are limited.",
     "Do you have any plans for the long weekend?"],
)  # fmt: skip
def test_plain_statements_are_neither(sentence):
    assert classify_by_rules(sentence)[0] == "neither"


def test_analyse_drops_quotes_and_signature_and_resolves_due_dates():
    text = (
        "Hi Maria,\n\nGreat talking today. I'll send you the deck by Friday. "
        "Could you share the board dates?\n\nBest,\nSam\n"
        "-- \nSam Okafor | I'll answer within a day\n\n"
        "On Mon, Maria wrote:\n> Could you also intro me to Priya?\n"
    )
    result = analyse(text, written_on=date(2025, 3, 4))  # a Tuesday
    assert [f.text for f in result.promises] == ["I'll send you the deck by Friday."]
    assert result.promises[0].due == date(2025, 3, 7)
    assert [f.text for f in result.requests] == ["Could you share the board dates?"]
    assert result.requests[0].due is None


def test_sentence_splitting_keeps_abbreviations_and_lines():
    text = (
        "Hi Ann,\n\nDr. Lee said 3.5 is fine, e.g. for Q3. I'll call at 5 p.m. Tomorrow works?"
        "\n\nThanks,\nBo"
    )
    assert split_sentences(text) == [
        "Hi Ann,",
        "Dr. Lee said 3.5 is fine, e.g. for Q3.",
        "I'll call at 5 p.m. Tomorrow works?",
        "Thanks,",
        "Bo",
    ]


def test_check_text_json_contract(tmp_path):
    from click.testing import CliRunner

    from carefor.cli import main

    draft = tmp_path / "draft.txt"
    draft.write_text("Thanks! I'll send the notes tomorrow. Could you confirm the venue?\n")
    result = CliRunner().invoke(main, ["check-text", str(draft), "--date", "2025-03-04", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "promises": [{"text": "I'll send the notes tomorrow.", "due": "2025-03-05"}],
        "requests": [{"text": "Could you confirm the venue?", "due": None}],
        "strings_attached": {"verdict": "none", "evidence": []},
    }
    stdin = CliRunner().invoke(main, ["check-text", "-"], input="Please call me on Friday.\n")
    assert "Please call me on Friday." in stdin.output


# Real mailing-list idiom (linux-mips 2019): terse promises and review requests.
@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("This is a very good catch, my bad, will definitely fix in v7.", "promise"),
        ("Will update this", "promise"),
        ("ok, let me remove copyright line.", "promise"),
        ("Can do...", "promise"),
        ("I'll send a v2 with the fix.", "promise"),
        ("Could you check that mips-next looks good?", "request"),
        ("Why not use the mdiobus_write() and mdiobus_read()?", "request"),
        ("You should check if mnp is NULL.", "request"),
        ("There should be a #define.", "request"),
        ("I would suggest using the defines", "request"),
        ("Applied to mips-next.", "neither"),
        ("Looks like this should be -EFBIG.", "neither"),
        ("Do you want me to respin the series to just remove it?", "neither"),
        ("How was the conference?", "neither"),
        ("Will this work on 32-bit?", "request"),
    ],
)
def test_real_mailing_list_idiom(sentence, label):
    assert classify_by_rules(sentence)[0] == label


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Consider it done.", "promise"),
        ("This should take about a week.", "neither"),
        ("There should be plenty of parking.", "neither"),
        ("That should be interesting.", "neither"),
        ("Will take a few days to arrive.", "neither"),
        ("Can take up to two weeks to process.", "neither"),
        ("Will look great on you!", "neither"),
        ("Who would have thought?", "neither"),
        ("Isn't the weather lovely today?", "neither"),
        ("Give my love to the kids.", "neither"),
        ("Will take a look tomorrow.", "promise"),
    ],
)
def test_forecasts_wishes_and_exclamations_are_not_asks_or_promises(sentence, label):
    assert classify_by_rules(sentence)[0] == label


def test_review_shorthand_repeats_the_request_before_it():
    from carefor.language.model import classify_sentences

    sentences = ["Please use the defines here.", "Same here.", "Typo: 'in case of'", "Thanks."]
    assert [v.label for v in classify_sentences(sentences)] == [
        "request",
        "request",
        "request",
        "neither",
    ]
    assert [v.label for v in classify_sentences(["Thanks for the patch.", "Same here."])] == [
        "neither",
        "neither",
    ]
