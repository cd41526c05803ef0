"""Who is a person writing to me, and does my mail ask something (pure rules)."""

import pytest

from carefor.language.asks import asks_for_reply, own_words
from carefor.language.senders import is_person_address, not_personal_reason

ME = frozenset({"me@example.org"})


def reason(**changes):
    facts = {
        "sender": "ann@example.org", "to": ME, "cc": frozenset(), "subject": "Hello",
        "my_addresses": ME,
    }  # fmt: skip
    return not_personal_reason(**{**facts, **changes})


def test_a_person_writing_to_me():
    assert reason() is None
    assert reason(to=frozenset({"list@lists.example.org"}), cc=ME, list_id="<l>") is None


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"sender": "me@example.org"}, "from me"),
        ({"auto_submitted": "auto-replied"}, "auto-reply"),
        ({"auto_reply_header": True}, "auto-reply"),
        ({"subject": "Out of Office: Hello"}, "out-of-office reply"),
        ({"subject": "Automatic reply: Hello"}, "out-of-office reply"),
        ({"is_report": True}, "bounce or receipt"),
        ({"return_path_empty": True}, "bounce or receipt"),
        ({"sender": "no-reply@shop.example"}, "automated sender"),
        ({"sender": "pr-tracker-bot@kernel.org"}, "automated sender"),
        ({"to": frozenset({"dev@lists.example.org"}), "list_id": "<dev>"},
         "mailing list, not addressed to me"),
        ({"to": frozenset({"x@example.org"}), "precedence": "bulk"}, "bulk mail"),
        ({"to": frozenset({"x@example.org"})}, "not addressed to me"),
    ],
)  # fmt: skip
def test_what_is_not_a_person_writing_to_me(changes, why):
    assert reason(**changes) == why


def test_auto_submitted_no_is_a_person():
    assert reason(auto_submitted="no") is None


@pytest.mark.parametrize(
    "address", ["mailer-daemon@x.org", "notifications@github.com", "newsletter@shop.example",
                "users@lists.example.org", "dev-list@example.org", "x@googlegroups.com"],
)  # fmt: skip
def test_robots_and_lists_are_not_people(address):
    assert not is_person_address(address)


def test_people_are_people():
    assert is_person_address("maria.chen@lumen.example")
    assert is_person_address("listerine.fan@example.org")


@pytest.mark.parametrize(
    "body",
    ["Could you send me the deck?", "Are you free on Tuesday?", "Please review the draft.",
     "Let me know what works.", "What do you think of the plan",
     # imperatives ask too, read by the same request rules as follow-through
     "I'd be honored. Send me the details.", "Call me when you land.", "Let me know."],
)  # fmt: skip
def test_questions_and_requests_ask_for_a_reply(body):
    assert asks_for_reply(body)


@pytest.mark.parametrize(
    "body",
    ["Thank you so much for the introduction! No need to reply.",
     "Thanks, applied to mips-next.",
     "Hope you are well? Just FYI, the report is attached. No reply needed.",
     "Great to see you.\n\nOn Mon, Ann wrote:\n> Could you send it?"],
)  # fmt: skip
def test_thanks_statements_and_quoted_questions_do_not(body):
    assert not asks_for_reply(body)


def test_own_words_keep_interleaved_answers_and_drop_quotes_and_signature():
    body = "On Mon, Ann wrote:\n> Can you merge?\nApplied.\n> And v2?\nCould you resend?\n-- \nPaul"
    words = own_words(body)
    assert "Applied." in words and "Could you resend?" in words
    assert "Can you merge" not in words and "Paul" not in words
