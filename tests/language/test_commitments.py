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
     "You'll have a new board member at the next one."],
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
    }
    stdin = CliRunner().invoke(main, ["check-text", "-"], input="Please call me on Friday.\n")
    assert "Please call me on Friday." in stdin.output
