"""Notes are reports: what a note says happened, in whatever voice it is written, and for
whom (carefor.language.notes, pure)."""

from datetime import date

import pytest

from carefor.language.notes import capture_note

WED = date(2026, 3, 11)  # a Wednesday
ANA = (
    "Had coffee with Ana. Her daughter starts university in Lisbon in September, she is "
    "anxious about it. I promised to send her the intro to Marco by Friday."
)


def read(text: str, page: str = "Ana Costa", people: tuple[str, ...] = ("Marco Rossi",)):
    return capture_note(text, written_on=WED, page=page, people=people)


def test_the_ana_note_proposes_the_promise_the_worry_and_the_follow_up():
    found = read(ANA)
    [promise] = found.promises
    assert "I promised to send her the intro to Marco" in promise.text
    assert promise.due == date(2026, 3, 13) and promise.person == "Ana Costa"
    [worry] = [m for m in found.matters if m.kind == "worry"]
    assert "anxious" in worry.sentence and worry.person == "Ana Costa"
    assert "daughter" in worry.why.lower() or "university" in worry.why.lower()
    [event] = found.life_events
    assert "university in Lisbon" in event.sentence and event.person == "Ana Costa"
    assert date(2026, 9, 1) <= event.follow_up_on <= date(2026, 10, 31)


@pytest.mark.parametrize(
    "sentence",
    [
        "I promised to send her the reading list.",
        "Told her I'd check with legal.",
        "told him i would call back monday",
        "Said I would look at the budget.",
        "I agreed to review his CV.",
        "Agreed, will have it to her by Nov 20.",
        "On me: the venue shortlist.",
        "Will email the landlord tonight.",
        "send lawyer contact fri",
        "I'll introduce her to Priya.",
    ],
)
def test_my_reported_commitments_are_open_promises(sentence):
    assert [p.text for p in read(sentence).promises] == [sentence.strip()]


@pytest.mark.parametrize(
    "sentence",
    [
        "Already sent him the deck.",  # done
        "Sent her the reading list, done.",
        "I might ask Lena to have a look.",  # hedged
        "Will try to maybe call her next week.",
        "Marco said he'd call her.",  # someone else's promise
        "Chatted about football mostly.",
    ],
)
def test_done_hedged_and_others_promises_are_not_mine(sentence):
    assert read(sentence).promises == []


@pytest.mark.parametrize(
    "sentence",
    [
        "She asked me to look over her cover letter.",
        "asked for an intro to someone at Stripe",
        "He wants me to send the slides.",
        "Needs someone to come with her to the hearing.",
    ],
)
def test_what_they_asked_of_me_is_a_request(sentence):
    assert len(read(sentence).requests) == 1


def test_a_note_asks_its_reader_nothing():
    # An imperative in a note is a to-do or shorthand, never a request of its reader.
    assert read("Please keep this between us.").requests == []
    assert read("She's been asked to sing the solo.").requests == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Nervous about the interview on Monday.", "worry"),
        ("she's really stressed re: the visa", "worry"),
        ("VERY SCARED — COULD LOSE THE SHOP.", "worry"),
        ("Excited about the new job.", "hope"),
    ],
)
def test_feelings_are_worries_or_hopes(sentence, kind):
    assert [m.kind for m in read(sentence).matters] == [kind]


def test_not_worried_is_not_a_worry():
    assert [
        m for m in read("Not worried about the move at all.").matters if m.kind == "worry"
    ] == []


def test_a_dated_happening_gets_a_follow_up_near_its_date():
    [event] = read("eviction hearing Aug 11").life_events
    assert event.occurs_on == date(2026, 8, 11)
    assert date(2026, 8, 11) < event.follow_up_on <= date(2026, 8, 20)


def test_slash_dates_in_a_note_are_dates():
    [event] = read("GP appt moved to 17/02").life_events
    assert event.occurs_on == date(2027, 2, 17) and event.private


def test_each_finding_goes_to_the_right_person():
    note = (
        "Mutual aid call notes\n"
        "1) Mariam — eviction hearing Aug 11. Needs someone to come with her; I'll go.\n"
        "2) Luis — I said I'd draft the GoFundMe update by Friday.\n"
        "3) Thandiwe — new grandbaby born Sunday! Wants to step back till Sept."
    )
    found = read(note, page="Mariam Yusuf", people=("Luis Herrera", "Thandiwe Mokoena"))
    events = {(e.sentence, e.person) for e in found.life_events}
    assert ("Mariam — eviction hearing Aug 11.", "Mariam Yusuf") in events
    promises = {p.text: (p.person, p.due) for p in found.promises}
    assert promises["I'll go."] == ("Mariam Yusuf", date(2026, 8, 11))
    assert promises["Luis — I said I'd draft the GoFundMe update by Friday."] == (
        "Luis Herrera",
        date(2026, 3, 13),
    )
    assert [r.person for r in found.requests] == ["Mariam Yusuf"]


def test_told_someone_else_makes_the_promise_theirs():
    found = read(
        "Met Arjun. I told Kavya I'd send her the notes by tomorrow.",
        page="Arjun Mehta",
        people=("Kavya Iyer",),
    )
    assert [(p.person, p.due) for p in found.promises] == [("Kavya Iyer", date(2026, 3, 12))]


def test_lowercase_shorthand_is_read():
    found = read(
        "coffee w ana. her daughter starts uni in lisbon in september, she's anxious. "
        "promised to send her marco's intro by fri"
    )
    assert [p.due for p in found.promises] == [date(2026, 3, 13)]
    assert any(m.kind == "worry" for m in found.matters)
    assert found.life_events


def test_what_is_shown_is_the_writers_own_words():
    found = read("wants to move to Lisbon because of the light")
    [matter] = found.matters
    assert matter.sentence == "wants to move to Lisbon because of the light"
    assert matter.kind == "goal" and matter.why == "the light"


def test_a_happening_that_just_happened_gets_its_past_day_and_a_follow_up():
    [event] = read("Had her knee replaced last Tuesday.").life_events
    assert event.occurs_on == date(2026, 3, 10) and event.private
    assert event.follow_up_on > WED


def test_dotted_and_day_month_dates_are_read_as_written():
    [event] = read("She is back at work, which is the 17.08.").life_events
    assert event.occurs_on == date(2026, 8, 17)


def test_the_day_before_an_event_is_the_due_date():
    note = "Wedding is on 14 March. I'll help set up the hall the day before."
    [promise] = read(note).promises
    assert promise.due == date(2026, 3, 13)


def test_a_sentence_that_starts_with_a_name_does_not_turn_the_note_to_them():
    note = "Lunch with Ana.\nLuis joined us for coffee.\nShe has a biopsy on 4/5 and is scared."
    found = read(note, people=("Luis Herrera",))
    assert {m.person for m in found.matters} == {"Ana Costa"}
    assert {e.person for e in found.life_events} == {"Ana Costa"}


def test_a_last_name_that_is_a_word_is_not_a_person():
    found = read("Long chat with Ana. She is anxious about the move.", people=("Grace Long",))
    assert {m.person for m in found.matters} == {"Ana Costa"}


def test_a_name_two_people_share_names_nobody_but_the_page():
    found = read(
        "Sam is worried about the launch.", page="Ana Costa", people=("Sam Lee", "Sam Park")
    )
    assert {m.person for m in found.matters} == {"Ana Costa"}


def test_my_promise_is_not_their_life_event():
    found = read(
        "- Luis: I said I'd draft the fundraiser update by Friday", people=("Luis Herrera",)
    )
    assert found.life_events == [] and [p.person for p in found.promises] == ["Luis Herrera"]


def test_an_empty_name_does_not_break_the_reading():
    found = capture_note("stressed", written_on=WED, page="", people=("",))
    assert [m.kind for m in found.matters] == ["worry"]
