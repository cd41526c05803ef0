"""The double-opt-in state machine, pure: every path, declines and no answer included."""

import pytest

from carefor.care.intro_drafts import ask_first, ask_second, introduce, mailto
from carefor.care.intro_flow import (
    Event,
    IntroError,
    State,
    allowed_events,
    describe,
    next_state,
    waiting_on,
)


def run(*events: str) -> State:
    state = State.PROPOSED
    for event in events:
        state = next_state(state, event)
    return state


@pytest.mark.parametrize(
    ("events", "end"),
    [
        ((), State.PROPOSED),
        (("ask_a",), State.ASKING_A),
        (("ask_a", "a_yes"), State.A_AGREED),
        (("ask_a", "a_yes", "ask_b"), State.ASKING_B),
        (("ask_a", "a_yes", "ask_b", "b_yes"), State.AGREED),
        (("ask_a", "a_yes", "ask_b", "b_yes", "introduce"), State.INTRODUCED),
        (("ask_a", "a_yes", "ask_b", "b_yes", "introduce", "outcome"), State.DONE),
        # Declines, at either step: B is never asked if A says no.
        (("ask_a", "a_no"), State.DECLINED),
        (("ask_a", "a_yes", "ask_b", "b_no"), State.DECLINED),
        # No answer: ask once more, or an answer arrives late, or let it go.
        (("ask_a", "no_answer"), State.NO_ANSWER_A),
        (("ask_a", "no_answer", "ask_a"), State.ASKING_A),
        (("ask_a", "no_answer", "a_yes"), State.A_AGREED),
        (("ask_a", "no_answer", "a_no"), State.DECLINED),
        (("ask_a", "no_answer", "cancel"), State.CANCELLED),
        (("ask_a", "a_yes", "ask_b", "no_answer"), State.NO_ANSWER_B),
        (("ask_a", "a_yes", "ask_b", "no_answer", "b_yes"), State.AGREED),
        (("ask_a", "a_yes", "ask_b", "no_answer", "ask_b", "b_no"), State.DECLINED),
        (("cancel",), State.CANCELLED),
        (("ask_a", "a_yes", "ask_b", "b_yes", "cancel"), State.CANCELLED),
    ],
)
def test_paths(events, end):
    assert run(*events) == end


@pytest.mark.parametrize(
    ("events", "bad"),
    [
        ((), "introduce"),  # nobody agreed yet
        ((), "ask_b"),  # B is only asked after A said yes
        (("ask_a",), "ask_b"),
        (("ask_a",), "b_yes"),
        (("ask_a", "a_yes"), "introduce"),  # B has not said yes
        (("ask_a", "a_no"), "ask_b"),  # a no is final
        (("ask_a", "a_no"), "cancel"),  # already closed
        (("ask_a", "a_yes", "ask_b", "b_yes", "introduce", "outcome"), "outcome"),
        (("cancel",), "ask_a"),
    ],
)
def test_refused_steps(events, bad):
    with pytest.raises(IntroError):
        next_state(run(*events), bad)


def test_every_state_is_reachable_and_open_states_can_be_let_go():
    reachable = {run()} | {
        run(*e)
        for e in [
            ("ask_a",), ("ask_a", "no_answer"), ("ask_a", "a_yes"), ("ask_a", "a_yes", "ask_b"),
            ("ask_a", "a_yes", "ask_b", "no_answer"), ("ask_a", "a_yes", "ask_b", "b_yes"),
            ("ask_a", "a_yes", "ask_b", "b_yes", "introduce"),
            ("ask_a", "a_yes", "ask_b", "b_yes", "introduce", "outcome"), ("ask_a", "a_no"),
            ("cancel",),
        ]
    }  # fmt: skip
    assert reachable == set(State)
    for state in State:
        closed = state in (State.DONE, State.DECLINED, State.CANCELLED)
        assert (Event.CANCEL in allowed_events(state)) is not closed


def test_waiting_on_and_descriptions():
    assert waiting_on(State.ASKING_A) == "a" and waiting_on(State.NO_ANSWER_B) == "b"
    assert waiting_on(State.AGREED) is None
    assert describe(State.ASKING_B, "Ann", "Bo") == "Ann agreed; waiting for Bo's answer"
    assert allowed_events(State.ASKING_A) == [
        Event.A_YES,
        Event.A_NO,
        Event.NO_ANSWER,
        Event.CANCEL,
    ]


def test_drafts_make_no_easy_and_name_the_reason():
    first = ask_first(
        me="Sam Okafor",
        a="Maria Chen",
        b="Priya Raman",
        b_about="Priya is Partner at Northgate",
        why_a="She is raising a seed round",
        a_email="maria@lumen.example",
    )
    assert first.to == ("maria@lumen.example",)
    assert first.subject == "Would you like to meet Priya Raman?"
    assert first.body.startswith("Hi Maria,")
    assert "She is raising a seed round." in first.body and "no thanks" in first.body
    assert first.body.rstrip().endswith("Sam")
    second = ask_second(me="Sam", a="Maria Chen", b="Priya Raman", a_about="", why_b="")
    assert second.to == () and "Maria Chen would be glad to meet you" in second.body
    both = introduce(
        me="Sam",
        a="Maria Chen",
        b="Priya Raman",
        a_about="Maria is CEO at Lumen",
        b_about="",
        why_a="",
        why_b="",
        a_email="m@x.example",
        b_email="p@y.example",
    )
    assert both.to == ("m@x.example", "p@y.example")
    assert "Maria Chen: Maria is CEO at Lumen." in both.body and "Priya Raman." in both.body
    link = mailto(both)
    assert link.startswith("mailto:m@x.example,p@y.example?subject=Introduction%3A%20Maria")
