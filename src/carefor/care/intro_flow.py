"""The double-opt-in introduction, as a pure state machine. No Django.

I ask the first person (A) whether they would like the introduction; only if A says yes
do I ask B; only if both say yes do I introduce them, and a few weeks later I ask how it
went. Nobody is introduced to someone they did not agree to meet, and a "no" or no
answer is an ending, not a failure: it closes kindly.

    proposed --ask_a--> asking_a --a_yes--> a_agreed --ask_b--> asking_b --b_yes--> agreed
    agreed --introduce--> introduced --outcome--> done
    asking_a --a_no--> declined            asking_b --b_no--> declined
    asking_a --no_answer--> no_answer_a    asking_b --no_answer--> no_answer_b
    no_answer_a --ask_a--> asking_a (ask once more), --a_yes / a_no as above
    no_answer_b --ask_b--> asking_b, --b_yes / b_no as above
    any open state --cancel--> cancelled
"""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    PROPOSED = "proposed"
    ASKING_A = "asking_a"
    NO_ANSWER_A = "no_answer_a"
    A_AGREED = "a_agreed"
    ASKING_B = "asking_b"
    NO_ANSWER_B = "no_answer_b"
    AGREED = "agreed"
    INTRODUCED = "introduced"
    DONE = "done"
    DECLINED = "declined"
    CANCELLED = "cancelled"


class Event(StrEnum):
    ASK_A = "ask_a"
    A_YES = "a_yes"
    A_NO = "a_no"
    ASK_B = "ask_b"
    B_YES = "b_yes"
    B_NO = "b_no"
    NO_ANSWER = "no_answer"
    INTRODUCE = "introduce"
    OUTCOME = "outcome"
    CANCEL = "cancel"


TRANSITIONS: dict[tuple[State, Event], State] = {
    (State.PROPOSED, Event.ASK_A): State.ASKING_A,
    (State.ASKING_A, Event.A_YES): State.A_AGREED,
    (State.ASKING_A, Event.A_NO): State.DECLINED,
    (State.ASKING_A, Event.NO_ANSWER): State.NO_ANSWER_A,
    (State.NO_ANSWER_A, Event.ASK_A): State.ASKING_A,
    (State.NO_ANSWER_A, Event.A_YES): State.A_AGREED,
    (State.NO_ANSWER_A, Event.A_NO): State.DECLINED,
    (State.A_AGREED, Event.ASK_B): State.ASKING_B,
    (State.ASKING_B, Event.B_YES): State.AGREED,
    (State.ASKING_B, Event.B_NO): State.DECLINED,
    (State.ASKING_B, Event.NO_ANSWER): State.NO_ANSWER_B,
    (State.NO_ANSWER_B, Event.ASK_B): State.ASKING_B,
    (State.NO_ANSWER_B, Event.B_YES): State.AGREED,
    (State.NO_ANSWER_B, Event.B_NO): State.DECLINED,
    (State.AGREED, Event.INTRODUCE): State.INTRODUCED,
    (State.INTRODUCED, Event.OUTCOME): State.DONE,
}
CLOSED = frozenset({State.DONE, State.DECLINED, State.CANCELLED})
# Events that send a message (and so have a draft).
SENDING = frozenset({Event.ASK_A, Event.ASK_B, Event.INTRODUCE})

# What the user sees on the buttons, per event.
LABELS = {
    Event.ASK_A: "Ask {a}",
    Event.A_YES: "{a} said yes",
    Event.A_NO: "{a} said no",
    Event.ASK_B: "Ask {b}",
    Event.B_YES: "{b} said yes",
    Event.B_NO: "{b} said no",
    Event.NO_ANSWER: "No answer",
    Event.INTRODUCE: "Introduce them",
    Event.OUTCOME: "Record how it went",
    Event.CANCEL: "Let it go",
}


class IntroError(ValueError):
    """An event that does not apply in the current state."""


def next_state(state: State | str, event: Event | str) -> State:
    state, event = State(state), Event(event)
    if event is Event.CANCEL:
        if state in CLOSED:
            raise IntroError(f"This introduction is already {state.value}.")
        return State.CANCELLED
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        action = event.value.replace("_", " ")
        raise IntroError(f"Cannot {action} when {describe(state)}.") from None


def allowed_events(state: State | str) -> list[Event]:
    """What can happen next, in the order the page offers it (cancel last)."""
    state = State(state)
    events = [event for (s, event) in TRANSITIONS if s is state]
    return events + ([Event.CANCEL] if state not in CLOSED else [])


def waiting_on(state: State | str) -> str | None:
    """Whose answer the introduction waits for: "a", "b" or None."""
    state = State(state)
    if state in (State.ASKING_A, State.NO_ANSWER_A):
        return "a"
    if state in (State.ASKING_B, State.NO_ANSWER_B):
        return "b"
    return None


_DESCRIPTIONS = {
    State.PROPOSED: "proposed, nobody asked yet",
    State.ASKING_A: "waiting for {a}'s answer",
    State.NO_ANSWER_A: "no answer from {a}",
    State.A_AGREED: "{a} agreed; {b} not asked yet",
    State.ASKING_B: "{a} agreed; waiting for {b}'s answer",
    State.NO_ANSWER_B: "{a} agreed; no answer from {b}",
    State.AGREED: "both agreed; ready to introduce",
    State.INTRODUCED: "introduced",
    State.DONE: "done",
    State.DECLINED: "declined",
    State.CANCELLED: "let go",
}


def describe(state: State | str, a: str = "the first person", b: str = "the second") -> str:
    return _DESCRIPTIONS[State(state)].format(a=a, b=b)
