"""Quick capture: what a note about one person proposes. Pure, no Django, all local.

After a conversation the user writes a few plain sentences about one person. This module
proposes, for one-click confirmation:

* **matters**: what matters to the person, and why when the writer said why;
* **life events**, each with a follow-up prompt at a sensible time;
* **follow-ups**: questions to ask and check-ins the writer noted for themselves;
* **promises and requests**, from :func:`carefor.language.commitments.analyse`.

Precision first: a wrong proposal costs the user a click, a missed one costs nothing. So
every rule is a regular expression anchored on a clause about the person ("she", "he",
"they", a capitalised name, or "her/his/their <relative>"), and whole sentences are left
alone when they are questions, hedged or hypothetical ("if", "maybe", "might", "I think"),
or are themselves follow-ups. Sentences about me ("I want to send her…") never match,
because "I"/"we" are never a subject here. Negations fall out of adjacency: "she doesn't
want to", "she isn't worried about" do not match "wants to" / "is worried about" (the one
exception is the preference rule ``matter.preference.doesnt_want``: not wanting something
any more is worth knowing).

Matters: at most one per sentence. Precedence: the private kinds win (health, then family),
so that anything sensitive in a sentence is private by default ("She's worried about money
because she has chronic back pain" is a *health* matter); otherwise the first match in the
sentence wins, because a later clause is usually the reason for the first ("She wants to
quit because she is worried about her manager" is a *goal*, with the worry as its why).

Events and matters from one sentence: a sentence whose winning matter is health or family
makes its life event private ("They're moving to Denver because her mother has dementia").
Beside a life event, a *family* matter is dropped (the family news is the event), and so is
any non-private matter beside a private event (it would show the private sentence to
others); a *health* matter stays, privately. So "Her father is in hospital after a fall,
she's worried about him" is a private health matter and a private hospital event.

Life events: at most one per sentence, the first rule in ``_EVENT_RULES`` order that matches.
Health, death, pregnancy/baby and divorce events are private. Past-tense events ("moved",
"passed away", "was admitted") take no date from the sentence except "today"/"yesterday"
(``find_due`` reads "on Friday" as the *next* Friday), and past-tense interviews, exams and
talks are not proposed at all (they are over; the conversation covered them).

Dates: ``find_due`` resolves when phrases. "in March" / "during March" / "next month" mean
the month as a whole: ``occurs_on`` is the 1st of that month and the follow-up is scheduled
as a month-only date. For a trip ``occurs_on`` is the day the person is back: the start
(or the day of writing for "is in Japan for two weeks") plus the stated length, or plus a
week when no length is given.

Follow-up scheduling (:func:`follow_up_date`), by event kind:

=====================================  ==============================  ======================
Kind                                   Date known (``occurs_on``)      Date unknown
=====================================  ==============================  ======================
interview, exam, launch, talk, race,   next working day after it       written_on + 7 days
graduation (short events)              (Sat/Sun move to Monday)
health (hospital, surgery, diagnosis)  next working day after it       written_on + 3 days
move, job, retirement, wedding, baby   occurs_on + 14 days             written_on + 30 days
(settling in)
death, divorce, job_loss (hard news)   occurs_on + 7 days              written_on + 7 days
trip (occurs_on = day back)            next working day after it       written_on + 14 days
any kind, month-only date ("in March")  the 15th of that month + 14     -
=====================================  ==============================  ======================

A follow-up is never scheduled on or before ``written_on``: it is clamped to the next day.

Follow-ups: "next time ask …", "ask her about/how …", "remember to ask …", "follow up
with/on …", "check in with/on …", "check back …", "next time bring up …". The due date is
read before the verb ("In two weeks, ask her how …"), and for check-ins and follow-ups also
after it ("check in with her next month"); a date inside the question itself ("ask how the
move in March went") is not the time to ask. ``due=None`` means: ask when we next meet.
Promises ("I'll ask her…") are not follow-ups, they come from ``analyse``; a sentence taken
as a follow-up is dropped from ``analyse``'s requests ("Check in with her next month" is a
note to self, not a request to the reader).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from carefor.language.commitments import analyse
from carefor.language.dates import find_due
from carefor.language.sentences import split_sentences

__all__ = [
    "MATTER_KINDS",
    "PRIVATE_KINDS",
    "Capture",
    "FollowUpFinding",
    "LifeEventFinding",
    "MatterFinding",
    "capture",
    "follow_up_date",
]

MATTER_KINDS = ("goal", "challenge", "hope", "worry", "value", "family", "health", "preference")
PRIVATE_KINDS = frozenset({"health", "family"})


@dataclass(frozen=True)
class MatterFinding:
    kind: str  # one of MATTER_KINDS
    what: str  # short statement, e.g. "Move into product management"
    why: str  # the reason in the writer's words, or ""
    sentence: str  # the exact sentence it came from
    rule: str  # rule id, e.g. "matter.goal.wants_to"
    person: str | None = None  # whom it is about, when capture_note knows


@dataclass(frozen=True)
class LifeEventFinding:
    what: str  # e.g. "Moving to Denver"
    sentence: str
    occurs_on: date | None  # when it happens/happened (None if unknown)
    follow_up: str  # e.g. "Ask how the move to Denver went"
    follow_up_on: date  # when to ask (see follow_up_date)
    rule: str
    private: bool  # health and family events
    person: str | None = None  # whom it is about, when capture_note knows


@dataclass(frozen=True)
class FollowUpFinding:
    what: str  # e.g. "Ask how her marathon training is going"
    sentence: str
    due: date | None  # None: ask when we next meet
    rule: str
    person: str | None = None  # whom it is about, when capture_note knows


@dataclass(frozen=True)
class Capture:
    matters: list[MatterFinding]
    life_events: list[LifeEventFinding]
    follow_ups: list[FollowUpFinding]
    promises: list  # commitments.Finding
    requests: list  # commitments.Finding


# --- Scheduling policy ------------------------------------------------------------------------

_TIMING = {
    **dict.fromkeys(("interview", "exam", "launch", "talk", "race", "graduation"), "short"),
    "health": "health",
    **dict.fromkeys(("move", "job", "retirement", "wedding", "baby"), "settle"),
    **dict.fromkeys(("death", "divorce", "job_loss"), "hard"),
    "trip": "trip",
}
_UNKNOWN_DELAY = {"short": 7, "health": 3, "settle": 30, "hard": 7, "trip": 14}
_KNOWN_DELAY = {"settle": 14, "hard": 7}  # the others: the next working day


def _next_working_day(day: date) -> date:
    following = day + timedelta(days=1)
    while following.weekday() >= 5:  # Saturday, Sunday
        following += timedelta(days=1)
    return following


def follow_up_date(
    *, kind: str, occurs_on: date | None, written_on: date, month_only: bool = False
) -> date:
    """When to follow up on a life event of ``kind`` (see the table in the module docstring).

    ``month_only``: ``occurs_on`` only names a month ("in March"); the event is taken to be
    around the 1st-15th, and the follow-up is two weeks after the 15th. Raises KeyError for
    an unknown kind.
    """
    timing = _TIMING[kind]
    if occurs_on is None:
        when = written_on + timedelta(days=_UNKNOWN_DELAY[timing])
    elif month_only:
        when = occurs_on.replace(day=15) + timedelta(days=14)
    elif timing in _KNOWN_DELAY:
        when = occurs_on + timedelta(days=_KNOWN_DELAY[timing])
    else:
        when = _next_working_day(occurs_on)
    return max(when, written_on + timedelta(days=1))


# --- Shared vocabulary --------------------------------------------------------------------------

# Capitalised words that start sentences but are not people.
_NOT_NAMES = (
    "I|We|You|It|This|That|These|Those|There|Then|Next|Also|And|But|So|Everyone|Everybody"
    "|Nobody|Someone|Somebody|Anyone|Who|What|Maybe|Perhaps|People|Coffee|Lunch|Dinner"
    "|Breakfast|Today|Yesterday|Tomorrow|Her|His|Their|My|Our|She|He|They|The|A|An"
)
# Case-sensitive inside a case-insensitive pattern: a name is capitalised.
_NAME = rf"(?-i:(?!(?:{_NOT_NAMES})\b)[A-Z][a-z]+(?:\s+(?!(?:{_NOT_NAMES})\b)[A-Z][a-z]+)?)"
# A clause about the person starts the sentence or follows a comma or a conjunction.
_START = (
    r"(?:^|[,;:]\s*|\b(?:and|but|so|also|now|because|since|though|although|while)\s+"
    # reported: "she mentioned Sven is looking for a CTO", "he said his wife wants to…"
    r"|\b(?:mentioned|said|says|explained|shared|told\s+me|admitted)\s+(?:that\s+)?)"
)
_SUBJ = rf"(?P<subj>she|he|they|{_NAME})"
_POSS = rf"(?P<poss>her|his|their|{_NAME}'s)"
_RELATIVE = (
    r"(?:father|mother|dad|mum|mom|husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?"
    r"|son|daughter|sons|daughters|kids?|children|child|baby|brother|sister|siblings?"
    r"|parents|grandmother|grandfather|grandma|grandpa|granddaughter|grandson|grandchildren"
    r"|aunt|uncle|niece|nephew|cousin|in-laws|mother-in-law|father-in-law|stepson"
    r"|stepdaughter|twins|family|dog|cat)"
)
# "her father", "Priya's daughter Maya", "her youngest son"
_KIN = rf"(?P<kin>{_POSS}\s+(?:(?:eldest|oldest|youngest|little|older|younger|elderly|"
_KIN += rf"late|new)\s+)?{_RELATIVE}(?:\s+(?-i:[A-Z][a-z]+))?)"
_BE = r"(?:\s+(?:is|are|has\s+been|have\s+been)|'s|'re|'s\s+been|'ve\s+been)"
_ADV = (
    r"(?:\s+(?:really|very|quite|so|still|pretty|also|always|now|currently|increasingly"
    r"|deeply|genuinely|clearly|just|actually|seriously|desperately|finally|a\s+bit"
    r"|a\s+little|kind\s+of|sort\s+of))*"
)
_PRONOUN_OBJECT = re.compile(r"^(?:him|her|them|it|this|that|these|those|so|too)$", re.I)

# Whole sentences left alone: speculation and hypotheticals about others.
_HEDGE = re.compile(
    r"\b(?:if|unless|whether|in\s+case|suppose|supposing|imagine|maybe|perhaps|probably"
    r"|possibly|might|could|should|would\s+(?!love\b|like\b)|i\s+(?:think|guess|suspect"
    r"|wonder|assume|doubt|bet)|not\s+sure|apparently|wonder\s+if|supposedly|seems?\s+to"
    r"|as\s+if)\b|(?-i:\bmay\b)",
    re.I,
)
_QUESTION_START = re.compile(
    r"^(?:does|do|did|is|are|was|were|can|could|would|will|should|has|have|had|why|what"
    r"|how|when|where|who|which|isn't|doesn't|didn't|aren't)\b",
    re.I,
)


# "What she really cares about is remote work": a wh-word then a subject is a statement.
_WH_STATEMENT = re.compile(
    r"^(?:what|who|where|when|how|why|which)\s+(?:she|he|they|I|we|(?-i:[A-Z][a-z]+))\b(?!\?)",
    re.I,
)


def _is_question(sentence: str) -> bool:
    if sentence.rstrip().endswith("?"):
        return True
    return bool(_QUESTION_START.match(sentence)) and not _WH_STATEMENT.match(sentence)


def _clean(text: str) -> str:
    """Trim a phrase: spaces, trailing punctuation and dangling conjunctions."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:-\u2013\u2014")
    text = re.sub(r"[.!?\s]+$", "", text)
    text = re.sub(r"\s+(?:and|but|or|so|too|as\s+well)$", "", text, flags=re.I)
    return text.strip(" ,;:")


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# The reason: "because …", "since she …", "as she …", "so that …", "so she can …".
_WHY = re.compile(
    r",?\s+(?:because(?:\s+of)?|'cause|since(?=\s+(?:she|he|they|her|his|their|it|the)\b)"
    r"|as(?=\s+(?:she|he|they|her|his|their|it)\b)|so\s+that"
    r"|so(?=\s+(?:she|he|they)\s+(?:can|could|will)\b))\s+",
    re.I,
)
# Where the object of a matter ends: the next clause.
_CLAUSE_END = re.compile(r"\s*(?:[;:(]|,\s+(?:and|but|so|she|he|they)\b|\s+but\s+|\s+-\s+)", re.I)


def _what_and_why(rest: str) -> tuple[str, str]:
    """Split the words after a trigger into the thing itself and its reason."""
    why = ""
    m = _WHY.search(rest)
    if m is not None:
        why = _clean(_CLAUSE_END.split(rest[m.end() :], maxsplit=1)[0])
        rest = rest[: m.start()]
    what = _CLAUSE_END.split(rest, maxsplit=1)[0]
    return _clean(what), why


# --- Matters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _MatterRule:
    rule: str
    kind: str
    pattern: re.Pattern[str]
    # How "what" is written: "object" is the words after the trigger ("Move into product
    # management"); "keep" keeps the trigger's own words too ("Prefers calls to email");
    # "clause" keeps the clause from its subject, for relatives ("Her father is in hospital").
    style: str = "object"


def _subject_rule(rule: str, kind: str, verb: str, style: str = "object") -> _MatterRule:
    """A rule for '<subject> <adverbs> <verb> <rest>'; the verb may hold a 'keep' group."""
    pattern = re.compile(rf"{_START}{_SUBJ}{_ADV}\s*{verb}\b(?:\s+(?P<rest>.+))?", re.I)
    return _MatterRule(rule, kind, pattern, style)


def _rule(rule: str, kind: str, regex: str, style: str = "object") -> _MatterRule:
    return _MatterRule(rule, kind, re.compile(regex, re.I), style)


_HEALTH_WORDS = (
    r"(?:diagnosed\s+with|recovering\s+from|in\s+(?:the\s+)?hospital|in\s+hospice"
    r"|(?:having|had|needs?|facing|going\s+in\s+for|scheduled\s+for)\s+(?:an?\s+|her\s+|his\s+"
    r"|major\s+|knee\s+|hip\s+|back\s+|heart\s+)*(?:surgery|operation|chemo(?:therapy)?"
    r"|radiotherapy|treatment|physio(?:therapy)?|transplant)|(?:on|doing|starting)\s+chemo"
    r"|(?:has|have|suffers?\s+from|living\s+with)\s+(?:an?\s+|chronic\s+|bad\s+|terrible\s+"
    r"|early\s+|stage\s+\w+\s+)*(?:cancer|diabetes|dementia|alzheimer's|parkinson's|ms"
    r"|long\s+covid|covid|depression|anxiety|migraines|arthritis|back\s+pain|knee\s+pain"
    r"|a\s+heart\s+condition|a\s+bad\s+back|asthma|epilepsy|a\s+broken\s+\w+)"
    r"|broke\s+(?:her|his|their)\s+\w+|(?:is|'s)\s+(?:ill|sick|unwell|injured)"
    r"|(?:had|suffered)\s+a\s+(?:stroke|heart\s+attack|fall|miscarriage|concussion)"
    r"|chronic\s+(?:back\s+)?pain|back\s+pain|burn(?:ed|t)\s+out|burnout"
    r"|(?:back\s+)?after\s+(?:her|his|their|a|the)\s+(?:\w+\s+)?(?:op|operation|surgery))"
)

_MATTER_RULES: tuple[_MatterRule, ...] = (
    # health: about the person ("she has back pain") or a relative ("her mother has dementia")
    _rule(
        "matter.health.relative",
        "health",
        rf"{_START}(?P<clause>{_KIN}(?:\s+(?:is|was|has|had|'s|just|recently|has\s+been))*\s+"
        rf"{_HEALTH_WORDS}.*)",
        style="clause",
    ),
    _rule(
        "matter.health.mentions",
        "health",
        rf"{_START}(?P<clause>(?:{_SUBJ}|{_KIN})\b.*\b(?:her|his|their|{_NAME}'s)\s+(?:\w+'s\s+)?"
        r"(?:mental\s+|physical\s+)?health\b.*)",
        style="clause",
    ),
    _subject_rule(
        "matter.health.condition",
        "health",
        rf"(?P<keep>(?:is\s+|was\s+|'s\s+|has\s+been\s+|just\s+|recently\s+)*{_HEALTH_WORDS})",
        style="keep",
    ),
    # health in shorthand: "BP high again", "hip pain when climbing stairs", "Ravi's meds changed"
    _rule(
        "matter.health.shorthand",
        "health",
        rf"^(?P<clause>(?:{_POSS}\s+)?(?:bp|blood\s+pressure|blood\s+sugar|sugar\s+levels"
        r"|cholesterol|(?:bp\s+)?meds|medication|hip|knee|back|neck|shoulder|chest|heart)\b"
        r"(?!\s+(?:to|from|in|at|on)\b).{0,40}?\b(?:high|low|pain|changed|worse|better|op"
        r"|surgery|sore|playing\s+up|acting\s+up|flared|flaring)\b.*)",
        style="clause",
    ),
    # family: a statement about a relative, or about having one
    _rule(
        "matter.family.relative",
        "family",
        rf"^(?P<clause>{_KIN}\s+(?!(?:said|says|told|asked|thinks|thought|wants\s+her\b"
        r"|wants\s+him\b)\b)\w+.*)",
        style="clause",
    ),
    _subject_rule(
        "matter.family.has_children",
        "family",
        r"(?P<keep>(?:has|have)\s+(?:a|an|one|two|three|four|five|\d)\s+(?:young\s+|little\s+"
        r"|grown-up\s+|teenage\s+|small\s+)?(?:kids?|children|child|daughters?|sons?"
        r"|grandchildren|twins|stepkids|stepchildren|boys|girls))",
        style="keep",
    ),
    _subject_rule(
        "matter.family.married_to",
        "family",
        r"(?P<keep>(?:is\s+|'s\s+|are\s+|'re\s+)(?:married\s+to|engaged\s+to|with)"
        rf"(?=\s+{_NAME}))",
        style="keep",
    ),
    # worry
    _subject_rule(
        "matter.worry.worried_about",
        "worry",
        rf"{_BE}{_ADV}\s+(?:worried|anxious|concerned|nervous|stressed|scared|afraid"
        r"|frightened|upset)\s+(?:about|that|for|of)",
    ),
    _subject_rule("matter.worry.worries_about", "worry", r"worr(?:ies|y)\s+(?:about|that)"),
    # challenge
    _subject_rule(
        "matter.challenge.struggling_with",
        "challenge",
        rf"{_BE}{_ADV}\s+(?:struggling|wrestling|battling)\s+with",
    ),
    _subject_rule(
        "matter.challenge.struggling_to",
        "challenge",
        rf"{_BE}{_ADV}\s+(?P<keep>struggling\s+to)",
        style="keep",
    ),
    _subject_rule(
        "matter.challenge.hard_time",
        "challenge",
        rf"{_BE}{_ADV}\s+having\s+(?:a|such\s+a)\s+(?:hard|tough|difficult|rough|rough)\s+time"
        r"(?:\s+with)?",
    ),
    _subject_rule(
        "matter.challenge.finding_it_hard",
        "challenge",
        rf"(?:{_BE}\s+finding|finds)\s+it\s+(?:really\s+|very\s+|so\s+)?(?:hard|difficult"
        r"|tough)\s+to",
    ),
    _subject_rule("matter.challenge.stuck", "challenge", rf"{_BE}{_ADV}\s+stuck\s+(?:on|with|in)"),
    _subject_rule(
        "matter.challenge.cant_find",
        "challenge",
        r"(?P<keep>(?:can't|cannot|can\s+not)\s+(?:seem\s+to\s+)?find)",
        style="keep",
    ),
    # goal
    _subject_rule("matter.goal.wants_to", "goal", r"(?:wants|want|'d\s+like|would\s+like)\s+to"),
    _rule(
        "matter.goal.goal_is",
        "goal",
        rf"{_START}{_POSS}\s+(?:main\s+|big\s+|long-term\s+|next\s+|real\s+)?(?:goal|aim"
        r"|ambition|dream\s+job|plan)\s+(?:is|for\s+next\s+year\s+is|this\s+year\s+is)\s+"
        r"(?:to\s+)?(?P<rest>.+)",
    ),
    _subject_rule("matter.goal.aiming_for", "goal", rf"{_BE}{_ADV}\s+aiming\s+(?:for|to|at)"),
    _subject_rule("matter.goal.trying_to", "goal", rf"{_BE}{_ADV}\s+trying\s+to"),
    _subject_rule(
        "matter.goal.plans_to",
        "goal",
        rf"(?:plans?|{_BE}\s+planning|intends?|{_BE}\s+determined|{_BE}\s+set\s+on)\s+to",
    ),
    _subject_rule(
        "matter.goal.working_towards",
        "goal",
        rf"{_BE}{_ADV}\s+(?P<keep>(?:working\s+towards?|training\s+for|studying\s+for"
        r"|saving\s+(?:up\s+)?for))",
        style="keep",
    ),
    _subject_rule(
        "matter.goal.working_on",
        "goal",
        rf"(?:{_BE})?{_ADV}\s*(?P<keep>raising|applying\s+(?:to|for)|looking\s+for"
        r"|thinking\s+(?:about|of)|considering|interviewing\s+(?:for|at|with))",
        style="keep",
    ),
    _subject_rule(
        "matter.goal.wants",
        "goal",
        r"(?P<keep>wants?\s+(?!to\b|me\b|us\b|you\b|him\b|her\b|them\b|it\b|that\b|this\b)"
        r"(?:a|an|one|some|something|more|less|his|her|their|the)\b)",
        style="keep",
    ),
    # challenge (shorthand)
    _subject_rule(
        "matter.challenge.behind_on",
        "challenge",
        rf"(?:{_BE})?{_ADV}\s*(?P<keep>behind\s+on|short\s+on|out\s+of\s+work|unemployed"
        r"|in\s+debt|can't\s+afford|cannot\s+afford)",
        style="keep",
    ),
    # hope
    _subject_rule("matter.hope.hopes_to", "hope", r"(?:hopes?|is\s+hoping|'s\s+hoping)\s+to"),
    _subject_rule(
        "matter.hope.would_love_them_to", "hope", r"(?:would|'d)\s+love\s+(?:him|her|them)\s+to"
    ),
    _subject_rule(
        "matter.hope.hopes_that", "hope", r"(?:hopes?|is\s+hoping|'s\s+hoping)(?:\s+that)?"
    ),
    _subject_rule("matter.hope.dreams_of", "hope", r"dreams?\s+(?:of|about)"),
    _subject_rule("matter.hope.would_love_to", "hope", r"(?:would|'d)\s+love\s+to"),
    # value
    _subject_rule(
        "matter.value.cares_about",
        "value",
        r"cares?\s+(?:deeply\s+|a\s+lot\s+|so\s+much\s+|passionately\s+)?about",
    ),
    _subject_rule("matter.value.believes_in", "value", r"believes?\s+(?:strongly\s+|deeply\s+)?in"),
    _subject_rule("matter.value.values", "value", r"values?"),
    _subject_rule(
        "matter.value.treasures",
        "value",
        r"(?P<keep>treasures|lives\s+for|(?:is\s+|'s\s+)?passionate\s+about)",
        style="keep",
    ),
    _rule(
        "matter.value.cares_most_about",
        "value",
        rf"\bwhat\s+(?:she|he|they|{_NAME})\s+(?:really\s+|most\s+|truly\s+)?cares?\s+"
        r"(?:most\s+)?about\s+is\s+(?P<rest>.+)",
    ),
    _rule(
        "matter.value.priority",
        "value",
        rf"{_START}{_POSS}\s+(?:non-negotiable|top\s+priority|priority|biggest\s+priority"
        r"|north\s+star|red\s+line)\s+(?:is|are)\s+(?P<rest>.+)",
    ),
    _rule(
        "matter.value.matters_to",
        "value",
        rf"\bit\s+(?:really\s+)?matters\s+(?:a\s+lot\s+)?to\s+(?:her|him|them|{_NAME})\s+"
        r"(?:that\s+|to\s+)?(?P<rest>.+)",
    ),
    _rule(
        "matter.value.important_to",
        "value",
        r"^(?P<rest>.+?)\s+(?:is|are)\s+(?:really\s+|very\s+|so\s+|hugely\s+)?important\s+to\s+"
        rf"(?:her|him|them|{_NAME})\b",
    ),
    # preference
    _subject_rule(
        "matter.preference.doesnt_want",
        "preference",
        r"(?P<keep>(?:doesn't|does\s+not|don't|do\s+not|no\s+longer)\s+wants?\s+to)",
        style="keep",
    ),
    _subject_rule(
        "matter.preference.likes",
        "preference",
        r"(?P<keep>(?:prefers?|loves?|likes?|hates?|enjoys?|adores?|dislikes?|can't\s+stand"
        r"|is\s+(?:a\s+)?(?:big\s+|huge\s+)?fan\s+of|'s\s+(?:a\s+)?(?:big\s+|huge\s+)?fan\s+of"
        r"|is\s+into|'s\s+into|is\s+allergic\s+to|'s\s+allergic\s+to|(?:is\s+|'s\s+)?obsessed"
        r"\s+with|(?:is\s+|'s\s+)?(?:mad|crazy)\s+about))"
        r"(?!\s+(?:it|that|this|the\s+idea|the\s+sound|the\s+plan|to\s+think|you|me|us)\b)",
        style="keep",
    ),
    _rule(
        "matter.preference.channel",
        "preference",
        r"^(?P<rest>(?:email|e-mail|text|texts|texting|phone|calls?|whatsapp|slack|teams|signal)"
        r"\s+(?:is|are|works)\s+best\b.*)",
    ),
    _subject_rule(
        "matter.preference.diet",
        "preference",
        r"(?P<keep>(?:is\s+|'s\s+|are\s+|'re\s+)(?:a\s+|now\s+|strictly\s+)*(?:vegetarian|vegan"
        r"|pescatarian|teetotal|sober|gluten-free|lactose\s+intolerant|kosher|halal"
        r"|(?:not\s+)?a\s+(?:morning|night|phone|email|text|coffee|tea)\s+person)"
        r"|(?:doesn't|does\s+not|don't|never)\s+drinks?(?:\s+(?:alcohol|coffee|caffeine))?)"
        r"(?![\w-])",
        style="keep",
    ),
)

_PRECEDENCE = {"health": 0, "family": 1}  # private kinds first; then the first match


def _matter_from(rule: _MatterRule, m: re.Match[str], sentence: str) -> MatterFinding | None:
    groups = m.groupdict()
    if rule.style == "clause":
        what, why = _what_and_why(groups["clause"])
    else:
        what, why = _what_and_why(groups.get("rest") or "")
        if _PRONOUN_OBJECT.match(what):
            return None  # "she's worried about him": about whom? Not worth a click.
        if rule.style == "keep":
            what = _clean(f"{groups['keep']} {what}")
            what = re.sub(
                r"^(?:(?:is|'s|are|'re|was|were|has\s+been|just|recently)\s+)+",
                "",
                what,
                flags=re.I,
            )
    if not what or len(what.split()) > 16:
        return None
    return MatterFinding(rule.kind, _capitalise(what), why, sentence, rule.rule)


def _matter(sentence: str, text: str) -> MatterFinding | None:
    """At most one matter for a sentence (``text`` is its normalised form)."""
    hits: list[tuple[int, int, MatterFinding]] = []
    for rule in _MATTER_RULES:
        m = rule.pattern.search(text)
        if m is None:
            continue
        finding = _matter_from(rule, m, sentence)
        if finding is not None:
            hits.append((_PRECEDENCE.get(rule.kind, 9), m.start(), finding))
    if not hits:
        return None
    return min(hits, key=lambda hit: hit[:2])[2]


# --- Life events ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _EventRule:
    rule: str
    kind: str  # a follow_up_date kind
    pattern: re.Pattern[str]
    what: str  # templates over the match's groups; {place}, {thing}, {who}, {org}
    follow_up: str
    private: bool = False
    past: bool = False  # past tense: the sentence's date phrases are not this event's date


_PLACE = r"(?P<place>(?-i:[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|de|del|la|am|upon))*))"
_ORG = r"(?P<org>(?-i:[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*))"
_WHO = rf"(?P<who>she|he|they|{_NAME}|{_KIN})"  # who the event happens to
_WILL = r"(?:\s+(?:is|are|will\s+be|is\s+going\s+to\s+be|are\s+going\s+to\s+be)|'s|'re|'ll\s+be)"
_WAS = r"(?:\s+(?:just|recently|finally|has|have))*"


def _event(
    rule: str, kind: str, regex: str, what: str, follow_up: str, **flags: bool
) -> _EventRule:
    return _EventRule(rule, kind, re.compile(regex, re.I), what, follow_up, **flags)


_EVENT_RULES: tuple[_EventRule, ...] = (
    # death (private): a person the writer's contact lost
    _event(
        "event.death.passed_away",
        "death",
        rf"{_START}{_KIN}{_WAS}\s+(?:passed\s+away|passed|died|has\s+died)\b",
        "{Kin} passed away",
        "Ask how {person} is doing",
        private=True,
        past=True,
    ),
    _event(
        "event.death.lost",
        "death",
        rf"{_START}{_SUBJ}{_WAS}\s+lost\s+(?P<kin>(?:her|his|their)\s+{_RELATIVE})\b",
        "Lost {kin}",
        "Ask how {person} is doing",
        private=True,
        past=True,
    ),
    _event(
        "event.death.funeral",
        "death",
        rf"{_START}{_POSS}\s+(?P<kin>{_RELATIVE})'s\s+funeral\b",
        "Funeral of {poss} {kin}",
        "Ask how {person} is doing",
        private=True,
    ),
    # health (private)
    _event(
        "event.health.hospital",
        "health",
        rf"{_START}{_WHO}{_WAS}(?:\s+(?:is|was)|'s)(?:\s+(?:still|now|back))?\s+(?:in|taken\s+to"
        r"|admitted\s+to|rushed\s+to)\s+(?:the\s+)?hospital\b",
        "{Who} in hospital",
        "Ask how {who} is doing",
        private=True,
    ),
    _event(
        "event.health.surgery",
        "health",
        rf"{_START}{_WHO}(?:{_WILL}|\s+has)?\s+(?:having|has|getting|going\s+in\s+for"
        r"|scheduled\s+for)\s+(?:an?\s+|her\s+|his\s+)?(?P<thing>(?:\w+\s+)?(?:surgery"
        r"|operation))\b",
        "{Thing}",
        "Ask how the {thing} went",
        private=True,
    ),
    _event(
        "event.health.surgery_noun",
        "health",
        rf"{_START}{_POSS}\s+(?:\w+\s+)?(?P<thing>surgery|operation)\s+(?:is|will\s+be)\b",
        "{Thing}",
        "Ask how the {thing} went",
        private=True,
    ),
    _event(
        "event.health.diagnosed",
        "health",
        rf"{_START}{_WHO}(?:\s+(?:was|has\s+been|just|recently|got))+\s+diagnosed\s+with\s+"
        r"(?P<thing>[\w' -]+?)(?=$|[,.;]|\s+(?:and|but|last|this|yesterday|on|in)\b)",
        "{Who} diagnosed with {thing}",
        "Ask how {who} is doing",
        private=True,
        past=True,
    ),
    # baby (private)
    _event(
        "event.baby.expecting",
        "baby",
        # "expecting" alone only at the end or before a when ("expecting an answer" is not)
        rf"{_START}{_SUBJ}(?:\s+(?:is|are)|'s|'re)\s+(?:pregnant\b|having\s+a\s+baby\b"
        r"|expecting\s+(?:a\s+(?:baby|boy|girl)|twins|(?:their|her|his)\s+(?:first|second"
        r"|third)(?:\s+(?:baby|child))?)\b|expecting(?=\s*(?:$|[.!,;]|\s+(?:in|next|this|on"
        r"|by|early|mid|late|around)\b)))",
        "Expecting a baby",
        "Ask how the baby is doing",
        private=True,
    ),
    _event(
        "event.baby.due",
        "baby",
        rf"{_START}{_POSS}\s+(?:first\s+|second\s+|third\s+)?baby\s+is\s+due\b",
        "Expecting a baby",
        "Ask how the baby is doing",
        private=True,
    ),
    _event(
        "event.baby.born",
        "baby",
        rf"{_START}{_SUBJ}{_WAS}\s+(?:had\s+(?:a|her|his|their)\s+(?:baby|daughter|son|twins)"
        r"|became\s+a\s+(?:mother|father|mum|mom|dad|parent|grandmother|grandfather))\b",
        "New baby",
        "Ask how the baby is doing",
        private=True,
        past=True,
    ),
    # divorce (private)
    _event(
        "event.divorce",
        "divorce",
        rf"{_START}{_SUBJ}(?:{_WILL}|{_WAS})?\s+(?:getting\s+divorced|got\s+divorced|divorcing"
        r"|separating|separated|splitting\s+up|split\s+up|going\s+through\s+a\s+divorce)\b",
        "Divorce",
        "Ask how {person} is doing",
        private=True,
        past=True,
    ),
    # wedding and engagement
    _event(
        "event.wedding.getting_married",
        "wedding",
        rf"{_START}{_WHO}{_WILL}\s+getting\s+married\b",
        "Getting married",
        "Congratulate on the wedding",
    ),
    _event(
        "event.wedding.noun",
        "wedding",
        rf"{_START}{_POSS}\s+wedding\s+(?:is|will\s+be)\b",
        "Wedding",
        "Congratulate on the wedding",
    ),
    _event(
        "event.wedding.got_married",
        "wedding",
        rf"{_START}{_WHO}{_WAS}\s+got\s+married\b",
        "Got married",
        "Congratulate on the wedding",
        past=True,
    ),
    _event(
        "event.wedding.engaged",
        "wedding",
        rf"{_START}{_WHO}{_WAS}(?:\s+(?:got|is|are)|'s|'re)\s+(?:just\s+)?engaged\b"
        r"(?!\s+(?:in|with)\b)",
        "Engaged",
        "Ask how the wedding plans are going",
        past=True,
    ),
    # moves
    _event(
        "event.move.moving_to",
        "move",
        rf"{_START}(?:{_SUBJ}|the\s+family|{_KIN}){_WILL}\s+(?:moving|relocating)\s+"
        rf"(?:back\s+)?to\s+{_PLACE}",
        "Moving to {place}",
        "Ask how the move to {place} went",
    ),
    _event(
        "event.move.moved_to",
        "move",
        rf"{_START}(?:{_SUBJ}|the\s+family){_WAS}\s+(?:moved|relocated)\s+(?:back\s+)?to\s+"
        rf"{_PLACE}",
        "Moved to {place}",
        "Ask how the move to {place} went",
        past=True,
    ),
    _event(
        "event.move.moving_house",
        "move",
        rf"{_START}{_SUBJ}{_WILL}\s+(?:moving|relocating)(?:\s+(?:house|home|flat|abroad"
        r"|out|away))?(?=\s*(?:$|[.!,]|\s+(?:in|next|this|by|early|mid|late|soon|tomorrow)\b"
        r"|\s+on\s+(?:the\s+)?(?:\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul"
        r"|aug|sep|oct|nov|dec)))",
        "Moving",
        "Ask how the move went",
    ),
    _event(
        "event.move.noun",
        "move",
        rf"{_START}{_POSS}\s+move\s+to\s+{_PLACE}",
        "Moving to {place}",
        "Ask how the move to {place} went",
    ),
    # work
    _event(
        "event.job.starting_at",
        "job",
        rf"{_START}{_SUBJ}{_WILL}?\s+(?:starting|starts|joining|joins)\s+(?:at\s+|a\s+new\s+"
        rf"(?:job|role)\s+at\s+)?{_ORG}",
        "Starting at {org}",
        "Ask how the new job at {org} is going",
    ),
    _event(
        "event.job.new_job",
        "job",
        rf"{_START}{_SUBJ}{_WAS}\s+(?:got|landed|accepted|started|has|starts|is\s+starting"
        r"|'s\s+starting|took)\s+(?:a|the|her|his|their)\s+new\s+(?:job|role|position)\b",
        "New job",
        "Ask how the new job is going",
    ),
    _event(
        "event.job.promoted",
        "job",
        rf"{_START}{_SUBJ}{_WAS}\s+(?:got|was|has\s+been|'s\s+been|is\s+being)\s+promoted\b",
        "Promoted",
        "Ask how the new role is going",
        past=True,
    ),
    _event(
        "event.job.leaving",
        "job",
        rf"{_START}{_SUBJ}(?:{_WILL}\s+(?:leaving|quitting)|{_WAS}\s+(?:quit|left|resigned"
        r"\s+from))\s+(?P<thing>(?:her|his|their|the)\s+(?:job|role|company|firm|position))\b",
        "Leaving {thing}",
        "Ask how the change is going",
    ),
    _event(
        "event.job.retiring",
        "retirement",
        rf"{_START}{_WHO}(?:{_WILL}\s+retiring|\s+retires|{_WAS}\s+retired)\b",
        "Retiring",
        "Ask how retirement is going",
    ),
    _event(
        "event.job.laid_off",
        "job_loss",
        rf"{_START}{_SUBJ}{_WAS}\s+(?:(?:was|were|got|has\s+been|have\s+been|'s\s+been)\s+"
        r"(?:laid\s+off|let\s+go|made\s+redundant|fired)|lost\s+(?:her|his|their)\s+job)\b",
        "Laid off",
        "Ask how the job search is going",
        past=True,
    ),
    # graduation
    _event(
        "event.graduation",
        "graduation",
        rf"{_START}{_WHO}{_WILL}?\s+(?:graduating|graduates)\b",
        "{Who} graduating",
        "Congratulate on the graduation",
    ),
    _event(
        "event.graduation.noun",
        "graduation",
        rf"{_START}(?P<kin>{_POSS}(?:\s+(?:son|daughter|kid|child)'s)?)\s+graduation\s+"
        r"(?:is|will\s+be)\b",
        "{Kin} graduation",
        "Congratulate on the graduation",
    ),
    # short events: interview, exam, launch, talk, race
    _event(
        "event.milestone.noun",
        "interview",
        rf"{_START}{_POSS}\s+(?P<thing>(?:(?:big|first|final|second|last|job|next)\s+)*"
        r"(?P<head>interview|exam|exams|finals|launch|talk|keynote|presentation|pitch"
        r"|defen[cs]e|audition|marathon|half\s+marathon|triathlon|race))\s+(?:is|will\s+be"
        r"|are)\b",
        "{Thing}",
        "Ask how the {head} went",
    ),
    _event(
        "event.milestone.has",
        "interview",
        rf"{_START}{_SUBJ}(?:\s+has|\s+have|'s\s+got|\s+has\s+got|{_WILL}\s+(?:having|doing"
        r"|taking|sitting|running|giving))\s+(?:a|an|her|his|their|the)\s+(?P<thing>(?:(?:big"
        r"|first|final|second|job|bar|driving|(?-i:[A-Z][\w-]+))\s+)*"
        r"(?P<head>interview|exam|exams|finals"
        r"|presentation|talk|keynote|pitch|marathon|half\s+marathon|triathlon|race"
        r"|audition))\b",
        "{Thing}",
        "Ask how the {head} went",
    ),
    _event(
        "event.milestone.interviewing",
        "interview",
        rf"{_START}{_SUBJ}{_WILL}\s+interviewing\s+(?:at|with)\s+{_ORG}",
        "Interview at {org}",
        "Ask how the interview at {org} went",
    ),
    _event(
        "event.milestone.launching",
        "launch",
        rf"{_START}{_SUBJ}{_WILL}\s+launching\s+(?P<thing>(?:her|his|their|the|a)\s+[\w' -]+?)"
        r"(?=$|[,.;]|\s+(?:in|on|next|this|tomorrow|at|by)\b)",
        "Launching {thing}",
        "Ask how the launch went",
    ),
    _event(
        "event.milestone.speaking",
        "talk",
        rf"{_START}{_SUBJ}{_WILL}\s+(?:speaking|presenting|giving\s+a\s+talk)\s+at\s+{_ORG}",
        "Talk at {org}",
        "Ask how the talk at {org} went",
    ),
    # travel
    _event(
        "event.trip",
        "trip",
        rf"{_START}{_SUBJ}(?:{_WILL}\s+(?P<verb>in|travelling\s+(?:to|in|around)"
        r"|traveling\s+(?:to|in|around)|off\s+to|flying\s+to|heading\s+to|visiting"
        rf"|away\s+in))\s+{_PLACE}(?P<length>\s+for\s+(?P<qty>a|an|one|two|three|four|five|six"
        r"|seven|eight|nine|ten|\d{1,2}|a\s+couple\s+of)\s+(?P<unit>days?|weeks?|months?))?",
        "Trip to {place}",
        "Ask how the trip to {place} was",
    ),
    _event(
        "event.trip.holiday",
        "trip",
        rf"{_START}{_SUBJ}{_WILL}\s+(?:on|going\s+on|off\s+on)\s+(?:holiday|vacation|a\s+trip"
        r"|sabbatical|leave)\b(?P<length>\s+for\s+(?P<qty>a|an|one|two|three|four|five|six"
        r"|seven|eight|nine|ten|\d{1,2}|a\s+couple\s+of)\s+(?P<unit>days?|weeks?|months?))?",
        "Holiday",
        "Ask how the holiday was",
    ),
)

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2}
_MONTH_ONLY = re.compile(
    r"^(?:(?:in|during)\s+(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
    r"(?:,?\s+\d{4})?|(?:late\s+)?next\s+month)$",
    re.I,
)
_PAST_DAY = re.compile(r"\b(?:yesterday|last\s+night|today|this\s+morning)\b", re.I)
# Past-tense milestones are over: the conversation already covered them.
_PAST_MILESTONE = re.compile(r"\b(?:was|were|went|had|gave|did|ran|took)\b", re.I)
_LONG_AGO = re.compile(
    r"\b(?:years?\s+ago|last\s+year|as\s+a\s+(?:child|kid)|when\s+(?:she|he|they)\s+w(?:as|ere)"
    r"|in\s+(?:19|20)\d\d|decades?)\b",
    re.I,
)


def _when(sentence: str, written_on: date, *, past: bool) -> tuple[date | None, bool]:
    """(occurs_on, month_only) from the sentence's when phrase."""
    if past:
        m = _PAST_DAY.search(sentence)
        if m is None:
            return None, False
        yesterday = m.group().lower() in {"yesterday", "last night"}
        return written_on - timedelta(days=1 if yesterday else 0), False
    phrase = find_due(sentence, written_on)
    if phrase is None or phrase.due is None:
        return None, False
    if _MONTH_ONLY.match(phrase.text.strip()):
        return phrase.due.replace(day=1), True
    return phrase.due, False


def _length(m: re.Match[str]) -> timedelta | None:
    groups = m.groupdict()
    if not groups.get("length"):
        return None
    qty = " ".join(groups["qty"].lower().split())
    amount = int(qty) if qty.isdigit() else _COUNTS[qty]
    unit = groups["unit"].lower()
    return timedelta(days=amount * (1 if unit.startswith("day") else 7 if "week" in unit else 30))


def _person(m: re.Match[str]) -> str:
    """How to name the note's person in a prompt: she, he, they or the name."""
    groups = m.groupdict()
    subj = groups.get("subj") or ""
    poss = groups.get("poss") or ""
    if subj:
        return subj.lower() if subj.lower() in {"she", "he", "they"} else subj
    pronoun = {"her": "she", "his": "he", "their": "they"}.get(poss.lower())
    return pronoun or (poss[:-2] if poss.endswith("'s") else "they")


def _fill(template: str, m: re.Match[str]) -> str:
    groups = {k: " ".join(v.split()) for k, v in m.groupdict().items() if v}
    who = groups.get("who") or groups.get("subj") or ""
    if who.split(" ", 1)[0].lower() in {"she", "he", "they", "her", "his", "their"}:
        who = who[:1].lower() + who[1:]  # "her father", mid-sentence
    values = {
        "place": groups.get("place", ""),
        "org": groups.get("org", ""),
        "thing": groups.get("thing", "").lower(),
        "head": groups.get("head", "").lower(),
        "kin": groups.get("kin", ""),
        "poss": groups.get("poss", ""),
        "who": who,
        "person": _person(m),
    }
    values |= {k.capitalize(): _capitalise(v) for k, v in values.items()}
    return _capitalise(template.format(**values))


def _life_event(sentence: str, text: str, written_on: date) -> LifeEventFinding | None:
    if _LONG_AGO.search(text):
        return None  # history, not news: nothing to follow up
    for rule in _EVENT_RULES:
        m = rule.pattern.search(text)
        if m is None:
            continue
        if rule.kind in {"interview", "launch", "talk"} and _PAST_MILESTONE.search(
            text[m.start() : m.end()]
        ):
            continue
        kind = rule.kind
        if kind == "interview":  # the milestone rules share a pattern; the head word decides
            head = (m.groupdict().get("head") or "").lower()
            kind = {"marathon": "race", "half marathon": "race", "triathlon": "race"}.get(
                head, "exam" if head in {"exam", "exams", "finals"} else "interview"
            )
        occurs_on, month_only = _when(text, written_on, past=rule.past)
        if rule.kind == "trip":
            length = _length(m)
            if (m.groupdict().get("verb") or "").lower() == "in" and not (length or occurs_on):
                continue  # "she is in London" may be where she lives, not a trip
            start = occurs_on or (written_on if length else None)
            occurs_on = start + (length or timedelta(days=7)) if start else None
            month_only = False
        follow_up_on = follow_up_date(
            kind=kind, occurs_on=occurs_on, written_on=written_on, month_only=month_only
        )
        return LifeEventFinding(
            what=_fill(rule.what, m),
            sentence=sentence,
            occurs_on=occurs_on,
            follow_up=_fill(rule.follow_up, m),
            follow_up_on=follow_up_on,
            rule=rule.rule,
            private=rule.private,
        )
    return None


# --- Follow-ups -------------------------------------------------------------------------------

_OBJ = rf"(?:her|him|them|{_NAME})"
_FOLLOW_UP_RULES: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # (rule id, pattern, whether a date after the verb is when to do it)
    (
        "follow_up.ask",
        re.compile(
            rf"\b(?P<verb>ask)\s+(?:{_OBJ}\s+)?(?:about|how|whether|if|what|why|when|where|who"
            r"|which|after)\b",
            re.I,
        ),
        False,
    ),
    (
        "follow_up.follow_up",
        re.compile(rf"\b(?P<verb>follow\s+up)\s+(?:with\s+{_OBJ}|on)\b", re.I),
        True,
    ),
    (
        "follow_up.check_in",
        re.compile(rf"\b(?P<verb>check\s+(?:in|back))\b(?:\s+(?:with|on)\s+{_OBJ})?", re.I),
        True,
    ),
    (
        "follow_up.bring_up",
        re.compile(
            r"\b(?:next\s+time)\s*,?\s*(?P<verb>bring\s+up|mention|talk\s+about|see\s+how)\b", re.I
        ),
        False,
    ),
)
# What may come before the verb: "next time", "remember to", "I should", a when phrase.
_FOLLOW_UP_LEAD = re.compile(
    r"^(?:(?:and|then|also|oh|ps|p\.s\.|note|todo|to\s+do)\b[\s:,-]*)*(?:(?:next\s+time|when\s+we"
    r"\s+(?:next\s+)?(?:meet|talk|speak)|at\s+our\s+next\s+(?:meeting|chat|call|coffee))\s*,?\s*)?"
    r"(?:(?:remember|don't\s+forget|make\s+sure|need|i\s+need|i\s+should|i\s+must|i\s+want"
    r"|must|should)(?:\s+to)?)?$",
    re.I,
)


def _follow_up(sentence: str, text: str, written_on: date) -> FollowUpFinding | None:
    for rule, pattern, date_after in _FOLLOW_UP_RULES:
        m = pattern.search(text)
        if m is None:
            continue
        prefix = text[: m.start("verb")]
        due_phrase = find_due(prefix, written_on) if prefix.strip() else None
        if due_phrase is not None and due_phrase.due is not None:
            prefix = prefix[: due_phrase.start] + prefix[due_phrase.end :]
        if not _FOLLOW_UP_LEAD.match(prefix.strip(" ,;:-")):
            continue  # "she asked me about…", "I'll ask her…": not a note to self
        due = due_phrase.due if due_phrase is not None else None
        if due is None and date_after:
            after = find_due(text[m.end("verb") :], written_on)
            due = after.due if after is not None else None
        what = _clean(sentence[m.start("verb") :])
        return FollowUpFinding(_capitalise(what), sentence, due, rule)
    return None


# --- Entry point ------------------------------------------------------------------------------


def _normalise(sentence: str) -> str:
    # Phones write typographic apostrophes; the rules are written with plain ones.
    return sentence.replace("\u2019", "'").replace("\u2018", "'")


def read_sentence(
    sentence: str, text: str, written_on: date
) -> tuple[FollowUpFinding | None, LifeEventFinding | None, MatterFinding | None]:
    """What one sentence proposes (``text`` is the form the rules read): a follow-up (and
    then nothing else: it is a note to self), or a life event and a matter."""
    follow_up = _follow_up(sentence, text, written_on)
    if follow_up is not None:
        return follow_up, None, None
    if _is_question(text) or _HEDGE.search(text):
        return None, None, None
    event = _life_event(sentence, text, written_on)
    matter = _matter(sentence, text)
    if event is not None:
        if matter is not None and matter.kind in PRIVATE_KINDS:
            # Health or family words in the sentence: the event keeps it, privately.
            event = replace(event, private=True)
        if matter is not None and (
            matter.kind == "family" or (event.private and matter.kind not in PRIVATE_KINDS)
        ):
            # A family statement that is an event is the event; a public matter would show
            # the private sentence to others.
            matter = None
    return None, event, matter


def capture(text: str, *, written_on: date) -> Capture:
    """Everything a note about one person proposes, in the order written."""
    analysis = analyse(text, written_on=written_on)
    matters: list[MatterFinding] = []
    events: list[LifeEventFinding] = []
    follow_ups: list[FollowUpFinding] = []
    for sentence in split_sentences(text):
        follow_up, event, matter = read_sentence(sentence, _normalise(sentence), written_on)
        follow_ups += [follow_up] if follow_up else []
        events += [event] if event else []
        matters += [matter] if matter else []
    taken = {f.sentence for f in follow_ups}
    return Capture(
        matters=matters,
        life_events=events,
        follow_ups=follow_ups,
        promises=list(analysis.promises),
        requests=[r for r in analysis.requests if r.text not in taken],
    )
