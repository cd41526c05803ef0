"""Quick capture: matters, life events, follow-ups and the scheduling policy (pure)."""

from datetime import date

import pytest

from carefor.language.capture import (
    MATTER_KINDS,
    PRIVATE_KINDS,
    Capture,
    FollowUpFinding,
    LifeEventFinding,
    MatterFinding,
    capture,
    follow_up_date,
)

MON = date(2026, 11, 23)  # a Monday: the default day of writing
NYE_WEEK = date(2026, 12, 20)  # a Sunday before the year ends
LEAP_EVE = date(2028, 2, 28)  # Monday before a leap day


def only_matter(sentence: str, written_on: date = MON) -> MatterFinding:
    found = capture(sentence, written_on=written_on)
    assert len(found.matters) == 1, found.matters
    return found.matters[0]


def only_event(sentence: str, written_on: date = MON) -> LifeEventFinding:
    found = capture(sentence, written_on=written_on)
    assert len(found.life_events) == 1, found.life_events
    return found.life_events[0]


def only_follow_up(sentence: str, written_on: date = MON) -> FollowUpFinding:
    found = capture(sentence, written_on=written_on)
    assert len(found.follow_ups) == 1, found.follow_ups
    return found.follow_ups[0]


# --- Matters ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "what", "why", "rule"),
    [
        # goal
        ("She wants to move into product management because she misses talking to customers.",
         "goal", "Move into product management", "she misses talking to customers",
         "matter.goal.wants_to"),
        ("Priya's goal is to make partner by 2028.", "goal", "Make partner by 2028", "",
         "matter.goal.goal_is"),
        ("She is aiming for a promotion this year.", "goal", "A promotion this year", "",
         "matter.goal.aiming_for"),
        ("He's trying to raise a seed round so that he can hire two engineers.", "goal",
         "Raise a seed round", "he can hire two engineers", "matter.goal.trying_to"),
        ("They plan to open a second shop.", "goal", "Open a second shop", "",
         "matter.goal.plans_to"),
        ("She's training for a marathon.", "goal", "Training for a marathon", "",
         "matter.goal.working_towards"),
        # challenge
        ("She's struggling with her new manager.", "challenge", "Her new manager", "",
         "matter.challenge.struggling_with"),
        ("He is struggling to hire senior engineers.", "challenge",
         "Struggling to hire senior engineers", "", "matter.challenge.struggling_to"),
        ("He is having a hard time finding good engineers.", "challenge",
         "Finding good engineers", "", "matter.challenge.hard_time"),
        ("She finds it hard to say no to people.", "challenge", "Say no to people", "",
         "matter.challenge.finding_it_hard"),
        ("She's stuck on the pricing model.", "challenge", "The pricing model", "",
         "matter.challenge.stuck"),
        ("He can't find a cofounder.", "challenge", "Can't find a cofounder", "",
         "matter.challenge.cant_find"),
        # hope
        ("She hopes to become a partner so she can fund her own ventures.", "hope",
         "Become a partner", "she can fund her own ventures", "matter.hope.hopes_to"),
        ("She hopes her book gets published next year.", "hope",
         "Her book gets published next year", "", "matter.hope.hopes_that"),
        ("She dreams of opening a bakery.", "hope", "Opening a bakery", "",
         "matter.hope.dreams_of"),
        ("She would love to live by the sea.", "hope", "Live by the sea", "",
         "matter.hope.would_love_to"),
        # worry
        ("She's worried about the layoffs at her company.", "worry",
         "The layoffs at her company", "", "matter.worry.worried_about"),
        ("He's anxious about the board meeting since it decides his budget.", "worry",
         "The board meeting", "it decides his budget", "matter.worry.worried_about"),
        ("Tom worries about money.", "worry", "Money", "", "matter.worry.worries_about"),
        # value
        ("She cares deeply about mentoring young founders.", "value",
         "Mentoring young founders", "", "matter.value.cares_about"),
        ("He believes in radical transparency.", "value", "Radical transparency", "",
         "matter.value.believes_in"),
        ("She values honesty above everything.", "value", "Honesty above everything", "",
         "matter.value.values"),
        ("It matters to her that her team feels heard.", "value", "Her team feels heard", "",
         "matter.value.matters_to"),
        ("Family is really important to him.", "value", "Family", "",
         "matter.value.important_to"),
        # family
        ("Her daughter Maya just started school.", "family",
         "Her daughter Maya just started school", "", "matter.family.relative"),
        ("She has two kids.", "family", "Has two kids", "", "matter.family.has_children"),
        ("She's married to Tom.", "family", "Married to Tom", "",
         "matter.family.married_to"),
        # health
        ("He has chronic back pain.", "health", "Has chronic back pain", "",
         "matter.health.condition"),
        ("She was diagnosed with diabetes last year.", "health",
         "Diagnosed with diabetes last year", "", "matter.health.condition"),
        ("Her mother has dementia.", "health", "Her mother has dementia", "",
         "matter.health.relative"),
        ("She's worried about her father's health.", "health",
         "She's worried about her father's health", "", "matter.health.mentions"),
        # preference
        ("She prefers calls to email.", "preference", "Prefers calls to email", "",
         "matter.preference.likes"),
        ("He loves jazz.", "preference", "Loves jazz", "", "matter.preference.likes"),
        ("She's vegetarian.", "preference", "Vegetarian", "", "matter.preference.diet"),
        ("He doesn't drink.", "preference", "Doesn't drink", "", "matter.preference.diet"),
        # Not wanting something any more is worth knowing: a preference, not a hard negative.
        ("She doesn't want to manage people anymore.", "preference",
         "Doesn't want to manage people anymore", "", "matter.preference.doesnt_want"),
    ],
)  # fmt: skip
def test_each_matter_rule(sentence, kind, what, why, rule):
    found = only_matter(sentence)
    assert (found.kind, found.what, found.why, found.rule) == (kind, what, why, rule)
    assert found.sentence == sentence
    assert found.kind in MATTER_KINDS


def test_typographic_apostrophes_are_read_as_plain_ones():
    found = only_matter("She\u2019s struggling with her co-founder.")
    assert (found.kind, found.what) == ("challenge", "Her co-founder")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # Private kinds win over everything else in the same sentence.
        ("She's worried about money because she has chronic back pain.", "health"),
        ("Her son loves football and she wants to coach his team.", "family"),
        # Otherwise the first clause wins; the later one is its reason.
        ("She wants to quit because she's worried about her manager.", "goal"),
        ("He loves jazz and wants to learn the saxophone.", "preference"),
    ],
)
def test_one_matter_per_sentence_by_precedence(sentence, kind):
    assert only_matter(sentence).kind == kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("She said she wants to leave.", "goal"),  # a note reports what she told me
        ("He mentioned Sven is looking for a CTO.", "goal"),
    ],
)
def test_what_they_told_me_is_a_matter(sentence, kind):
    found = capture(sentence, written_on=MON)
    assert [m.kind for m in found.matters] == [kind]


# --- Hard negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "I want to send her the deck.",  # about me
        "We talked about the weather.",  # small talk
        "We both love hiking.",  # "we" is not the person
        "Does she want to move to London?",  # a question
        "Is she worried about the move?",
        "If she wants to leave, I could help.",  # hypothetical
        "Maybe she wants to switch teams.",  # speculation
        "I think she's struggling with the new role.",
        "She might be moving to Berlin.",
        "She doesn't seem worried about the move.",  # negated
        "She isn't worried about money.",
        "She never wanted to be a manager.",  # past, and negated
        "She wanted to be a doctor as a kid.",  # past
        "Her boss wants to promote her.",  # someone else's goal
        "Her manager is moving to Berlin.",  # someone else's move
        "Everyone wants to work with her.",
        "She's worried about him.",  # about whom? not worth a click
        "She likes the idea.",
        "The coffee was great.",
        "Nice to catch up.",
        "She could use an intro to Sam.",
        "He's moving on from that.",  # not a move
        "She's moving forward with the plan.",
        "She had her interview last Friday.",  # over already
        "She asked me about my trip.",  # not a note to self
        "Coffee with Priya.",
        "She's expecting an answer by Friday.",  # not a baby
        "She is in London.",  # may be where she lives: no trip without a length or a date
        "She is going to Stanford in the fall.",
        "Sam is in Paris for a conference.",
        "Her phone died yesterday.",  # not a person
        "He's having a party on Saturday.",
    ],
)
def test_hard_negatives_propose_nothing(sentence):
    found = capture(sentence, written_on=MON)
    assert (found.matters, found.life_events, found.follow_ups) == ([], [], [])


# --- Life events ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "written_on", "what", "occurs_on", "follow_up", "follow_up_on", "rule"),
    [
        # moves: settling in, two weeks after; a month-only date is two weeks after the 15th
        ("They're moving to Denver in March.", MON, "Moving to Denver", date(2027, 3, 1),
         "Ask how the move to Denver went", date(2027, 3, 29), "event.move.moving_to"),
        ("They are moving in January.", NYE_WEEK, "Moving", date(2027, 1, 1),
         "Ask how the move went", date(2027, 1, 29), "event.move.moving_house"),
        ("She's moving on Friday.", MON, "Moving", date(2026, 11, 27),
         "Ask how the move went", date(2026, 12, 11), "event.move.moving_house"),
        ("They moved to Austin.", MON, "Moved to Austin", None,
         "Ask how the move to Austin went", date(2026, 12, 23), "event.move.moved_to"),
        # work
        ("She's starting at Stripe in January.", MON, "Starting at Stripe", date(2027, 1, 1),
         "Ask how the new job at Stripe is going", date(2027, 1, 29),
         "event.job.starting_at"),
        ("He got a new job.", MON, "New job", None, "Ask how the new job is going",
         date(2026, 12, 23), "event.job.new_job"),
        ("She got promoted.", MON, "Promoted", None, "Ask how the new role is going",
         date(2026, 12, 23), "event.job.promoted"),
        ("He's leaving his job in March.", MON, "Leaving his job", date(2027, 3, 1),
         "Ask how the change is going", date(2027, 3, 29), "event.job.leaving"),
        ("He's retiring next month.", MON, "Retiring", date(2026, 12, 1),
         "Ask how retirement is going", date(2026, 12, 29), "event.job.retiring"),
        ("She was laid off.", MON, "Laid off", None, "Ask how the job search is going",
         date(2026, 11, 30), "event.job.laid_off"),
        # weddings
        ("They're getting married on June 12.", MON, "Getting married", date(2027, 6, 12),
         "Congratulate on the wedding", date(2027, 6, 26), "event.wedding.getting_married"),
        ("She just got engaged!", MON, "Engaged", None, "Ask how the wedding plans are going",
         date(2026, 12, 23), "event.wedding.engaged"),
        # short events: the next working day, Saturday/Sunday move to Monday
        ("Her big interview is on Thursday.", MON, "Big interview", date(2026, 11, 26),
         "Ask how the interview went", date(2026, 11, 27), "event.milestone.noun"),
        ("Her big interview is on Friday.", MON, "Big interview", date(2026, 11, 27),
         "Ask how the interview went", date(2026, 11, 30), "event.milestone.noun"),
        ("She has her final exam on Saturday.", MON, "Final exam", date(2026, 11, 28),
         "Ask how the exam went", date(2026, 11, 30), "event.milestone.has"),
        ("He's running the Berlin marathon next Sunday.", MON, "Berlin marathon",
         date(2026, 12, 6), "Ask how the marathon went", date(2026, 12, 7),
         "event.milestone.has"),
        ("They're launching the new app on December 4.", MON, "Launching the new app",
         date(2026, 12, 4), "Ask how the launch went", date(2026, 12, 7),
         "event.milestone.launching"),
        ("She's speaking at PyCon in May.", MON, "Talk at PyCon", date(2027, 5, 1),
         "Ask how the talk at PyCon went", date(2027, 5, 29), "event.milestone.speaking"),
        ("He is interviewing at Google tomorrow.", MON, "Interview at Google",
         date(2026, 11, 24), "Ask how the interview at Google went", date(2026, 11, 25),
         "event.milestone.interviewing"),
        ("Her son graduates in June.", MON, "Her son graduating", date(2027, 6, 1),
         "Congratulate on the graduation", date(2027, 6, 29), "event.graduation"),
        # travel: occurs_on is the day the person is back
        ("She is in Japan for two weeks.", MON, "Trip to Japan", date(2026, 12, 7),
         "Ask how the trip to Japan was", date(2026, 12, 8), "event.trip"),
        ("She's on holiday for ten days.", MON, "Holiday", date(2026, 12, 3),
         "Ask how the holiday was", date(2026, 12, 4), "event.trip.holiday"),
        # health (private): three days on when ongoing; the next working day after a date
        ("Her father was admitted to hospital yesterday.", MON, "Her father in hospital",
         None, "Ask how her father is doing", date(2026, 11, 26), "event.health.hospital"),
        ("She's having knee surgery tomorrow.", MON, "Knee surgery", date(2026, 11, 24),
         "Ask how the knee surgery went", date(2026, 11, 25), "event.health.surgery"),
        ("She is having surgery tomorrow.", LEAP_EVE, "Surgery", date(2028, 2, 29),
         "Ask how the surgery went", date(2028, 3, 1), "event.health.surgery"),
        ("Her mother was diagnosed with dementia.", MON,
         "Her mother diagnosed with dementia", None, "Ask how her mother is doing",
         date(2026, 11, 26), "event.health.diagnosed"),
        # hard news (private): a week on
        ("Her mother passed away last week.", MON, "Her mother passed away", None,
         "Ask how she is doing", date(2026, 11, 30), "event.death.passed_away"),
        ("He lost his father.", MON, "Lost his father", None, "Ask how he is doing",
         date(2026, 11, 30), "event.death.lost"),
        ("She's getting divorced.", MON, "Divorce", None, "Ask how she is doing",
         date(2026, 11, 30), "event.divorce"),
        # babies (private)
        ("She's pregnant.", MON, "Expecting a baby", None, "Ask how the baby is doing",
         date(2026, 12, 23), "event.baby.expecting"),
        ("She's expecting in May.", MON, "Expecting a baby", date(2027, 5, 1),
         "Ask how the baby is doing", date(2027, 5, 29), "event.baby.expecting"),
        ("Her dog died.", MON, "Her dog passed away", None, "Ask how she is doing",
         date(2026, 11, 30), "event.death.passed_away"),
        ("He is joining Microsoft.", MON, "Starting at Microsoft", None,
         "Ask how the new job at Microsoft is going", date(2026, 12, 23),
         "event.job.starting_at"),
        ("Their baby is due in April.", MON, "Expecting a baby", date(2027, 4, 1),
         "Ask how the baby is doing", date(2027, 4, 29), "event.baby.due"),
    ],
)  # fmt: skip
def test_life_events(sentence, written_on, what, occurs_on, follow_up, follow_up_on, rule):
    found = only_event(sentence, written_on)
    assert (found.what, found.occurs_on, found.follow_up, found.follow_up_on, found.rule) == (
        what,
        occurs_on,
        follow_up,
        follow_up_on,
        rule,
    )
    assert found.sentence == sentence
    assert found.follow_up_on > written_on


@pytest.mark.parametrize(
    ("sentence", "private"),
    [
        ("Her father is in hospital after a fall.", True),
        ("She's having knee surgery tomorrow.", True),
        ("Her mother passed away last week.", True),
        ("She's pregnant.", True),
        ("She's getting divorced.", True),
        ("They're moving to Denver in March.", False),
        ("They're getting married on June 12.", False),
        ("Her big interview is on Thursday.", False),
        # Health or family words in the sentence make any event private.
        ("Her daughter Maya is getting married.", True),
        ("They're moving to Denver because her mother has dementia.", True),
    ],
)
def test_health_and_family_events_are_private(sentence, private):
    assert only_event(sentence).private is private


@pytest.mark.parametrize(
    ("sentence", "matter_kinds"),
    [
        ("Her daughter Maya is getting married.", []),  # the family news is the event
        ("She's having knee surgery tomorrow.", ["health"]),  # both private
        ("They're moving to Denver because her mother has dementia.", ["health"]),
        ("Her father is in hospital after a fall, she's worried about him.", ["health"]),
        # A public matter beside a private event would show its sentence: dropped.
        ("She's pregnant and loves hiking.", []),
        # A public event leaves the other matters in the sentence alone.
        ("She's moving to Denver because she wants to be near the mountains.", ["goal"]),
    ],
)
def test_matters_beside_an_event(sentence, matter_kinds):
    found = capture(sentence, written_on=MON)
    assert len(found.life_events) == 1
    assert [m.kind for m in found.matters] == matter_kinds


# --- The scheduling policy ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "occurs_on", "written_on", "month_only", "expected"),
    [
        ("interview", date(2026, 11, 26), MON, False, date(2026, 11, 27)),  # Thu -> Fri
        ("exam", date(2026, 11, 27), MON, False, date(2026, 11, 30)),  # Fri -> Mon
        ("launch", date(2026, 11, 28), MON, False, date(2026, 11, 30)),  # Sat -> Mon
        ("talk", date(2026, 11, 29), MON, False, date(2026, 11, 30)),  # Sun -> Mon
        ("race", None, MON, False, date(2026, 11, 30)),  # unknown: a week on
        ("health", date(2028, 2, 29), LEAP_EVE, False, date(2028, 3, 1)),
        ("health", None, MON, False, date(2026, 11, 26)),  # ongoing: three days on
        ("move", date(2026, 12, 10), MON, False, date(2026, 12, 24)),  # settling: +14
        ("job", None, MON, False, date(2026, 12, 23)),  # unknown future: +30
        ("wedding", date(2027, 6, 12), MON, False, date(2027, 6, 26)),
        ("baby", None, MON, False, date(2026, 12, 23)),
        ("death", date(2026, 11, 20), MON, False, date(2026, 11, 27)),  # a week after
        ("death", None, MON, False, date(2026, 11, 30)),
        ("trip", date(2026, 12, 7), MON, False, date(2026, 12, 8)),
        ("trip", None, MON, False, date(2026, 12, 7)),
        ("move", date(2027, 3, 1), MON, True, date(2027, 3, 29)),  # month only: 15th + 14
        ("interview", date(2027, 1, 1), NYE_WEEK, True, date(2027, 1, 29)),
        ("move", date(2027, 1, 1), NYE_WEEK, False, date(2027, 1, 15)),  # over the year end
        # Never on or before the day of writing.
        ("interview", date(2026, 11, 1), MON, False, date(2026, 11, 24)),
        ("move", date(2026, 11, 1), MON, True, date(2026, 11, 29)),
        ("move", date(2026, 10, 1), MON, True, date(2026, 11, 24)),
    ],
)
def test_follow_up_date_policy(kind, occurs_on, written_on, month_only, expected):
    got = follow_up_date(
        kind=kind, occurs_on=occurs_on, written_on=written_on, month_only=month_only
    )
    assert got == expected


def test_follow_up_date_rejects_unknown_kinds():
    with pytest.raises(KeyError):
        follow_up_date(kind="picnic", occurs_on=None, written_on=MON)


# --- Follow-ups -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "what", "due", "rule"),
    [
        ("Next time ask how her marathon training is going.",
         "Ask how her marathon training is going", None, "follow_up.ask"),
        ("Ask her about the board meeting.", "Ask her about the board meeting", None,
         "follow_up.ask"),
        ("Remember to ask about her sister's wedding.", "Ask about her sister's wedding", None,
         "follow_up.ask"),
        ("When we next meet, ask about the kids.", "Ask about the kids", None,
         "follow_up.ask"),
        ("Then ask whether she found a flat.", "Ask whether she found a flat", None,
         "follow_up.ask"),
        # A date inside the question is not when to ask it.
        ("Ask how the move in March went.", "Ask how the move in March went", None,
         "follow_up.ask"),
        # A date before the verb is.
        ("In two weeks, ask her how the new role is going.",
         "Ask her how the new role is going", date(2026, 12, 7), "follow_up.ask"),
        ("Follow up on the intro to Sam in two weeks.",
         "Follow up on the intro to Sam in two weeks", date(2026, 12, 7),
         "follow_up.follow_up"),
        ("Don't forget to follow up with her on the grant.",
         "Follow up with her on the grant", None, "follow_up.follow_up"),
        ("Check in with her next month.", "Check in with her next month", date(2026, 12, 31),
         "follow_up.check_in"),
        ("I should check in with Tom next week.", "Check in with Tom next week",
         date(2026, 12, 4), "follow_up.check_in"),
        ("Check back after the launch.", "Check back after the launch", None,
         "follow_up.check_in"),
        ("Next time, bring up the advisory board idea.", "Bring up the advisory board idea",
         None, "follow_up.bring_up"),
    ],
)  # fmt: skip
def test_follow_ups(sentence, what, due, rule):
    found = only_follow_up(sentence)
    assert (found.what, found.due, found.rule) == (what, due, rule)
    assert found.sentence == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "I'll ask her about the offer.",  # a promise: analyse has it
        "I'll send her the PM reading list by Friday.",
        "Can you check in with her?",  # a request to someone else
        "She wants me to check the numbers.",
        "She asked me about my trip.",
    ],
)
def test_not_follow_ups(sentence):
    assert capture(sentence, written_on=MON).follow_ups == []


def test_a_follow_up_is_not_also_a_request_or_an_event():
    found = capture(
        "Check in with her next month. Next time ask how her marathon went.", written_on=MON
    )
    assert [f.what for f in found.follow_ups] == [
        "Check in with her next month",
        "Ask how her marathon went",
    ]
    assert found.requests == []
    assert found.life_events == []


# --- End to end -------------------------------------------------------------------------------

SAMPLE = (
    "Coffee with Priya. She wants to move into product management because she misses "
    "talking to customers. Her father is in hospital after a fall, she's worried about him. "
    "They're moving to Denver in March. I'll send her the PM reading list by Friday. Next "
    "time ask how her marathon training is going."
)


def test_the_sample_note_end_to_end():
    found = capture(SAMPLE, written_on=MON)
    assert isinstance(found, Capture)
    assert found.matters == [
        MatterFinding(
            kind="goal",
            what="Move into product management",
            why="she misses talking to customers",
            sentence="She wants to move into product management because she misses talking "
            "to customers.",
            rule="matter.goal.wants_to",
        ),
        MatterFinding(
            kind="health",
            what="Her father is in hospital after a fall",
            why="",
            sentence="Her father is in hospital after a fall, she's worried about him.",
            rule="matter.health.relative",
        ),
    ]
    assert found.life_events == [
        LifeEventFinding(
            what="Her father in hospital",
            sentence="Her father is in hospital after a fall, she's worried about him.",
            occurs_on=None,
            follow_up="Ask how her father is doing",
            follow_up_on=date(2026, 11, 26),
            rule="event.health.hospital",
            private=True,
        ),
        LifeEventFinding(
            what="Moving to Denver",
            sentence="They're moving to Denver in March.",
            occurs_on=date(2027, 3, 1),
            follow_up="Ask how the move to Denver went",
            follow_up_on=date(2027, 3, 29),
            rule="event.move.moving_to",
            private=False,
        ),
    ]
    assert found.follow_ups == [
        FollowUpFinding(
            what="Ask how her marathon training is going",
            sentence="Next time ask how her marathon training is going.",
            due=None,
            rule="follow_up.ask",
        )
    ]
    assert [(p.text, p.due) for p in found.promises] == [
        ("I'll send her the PM reading list by Friday.", date(2026, 11, 27))
    ]
    assert found.requests == []


def test_findings_are_frozen():
    found = only_matter("He loves jazz.")
    with pytest.raises(AttributeError):
        found.what = "Loves blues"  # type: ignore[misc]


def test_kinds_are_the_documented_ones():
    assert MATTER_KINDS == (
        "goal", "challenge", "hope", "worry", "value", "family", "health", "preference"
    )  # fmt: skip
    assert frozenset({"health", "family"}) == PRIVATE_KINDS
