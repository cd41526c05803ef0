"""Agenda filter: help with strings attached, in messages that arrive and in my drafts.

Pure (no Django), all local, rules first and precision first: a wrong flag costs the user
trust, a missed one costs a glance. Every finding is explainable evidence — the exact
span, the rule id and a one-line reason.

Two jobs:

1. **Triage** of an inbound message (:func:`evidence`, :func:`triage_rules`,
   :func:`rule_features`). The verdict is ``genuine``, ``pitch`` or ``reciprocity``;
   ``automated`` is in :data:`VERDICTS` but only the caller decides it, from headers.
2. **The draft linter** (:func:`draft_flags`): what in my own draft carries the verdict
   that ``agenda_model.decide`` gives it — the same judgement as for mail that arrives —
   with a gentler wording for each span.

Only the author's own words are read: :func:`carefor.language.asks.own_words` drops
quoted replies, forwarded originals and the signature first. **All offsets
(``Evidence.start/end``, ``LintFlag.start/end``) index into ``own_words(text)``, not
into the raw text**; the exact span is in ``.text`` so a caller showing the raw message
can find it there. For a draft with no quotes or signature the two are the same string.

Decisions (documented so the tests can hold them):

* A pivot phrase ("by the way", "which is why I'm reaching out") is evidence only when a
  sales signal follows it within a few sentences: "By the way, congrats!" finds nothing.
* A meeting ask is not a sales signal when its sentence asks for advice or proposes
  something social ("15 minutes to help me think through a job offer", "find a time
  for coffee"): the asker is not selling.
* "Return the favour" / "repay" are evidence only as a demand of the reader. Offered by
  the writer ("Let me know if I can ever return the favour", "I'd love to return the
  favour") they are gratitude, not strings, and are never flagged — inbound or draft.
  "I owe you one" is the same: only "you owe me/us" is evidence.
* Negations suppress: "no need to return the favour", "nothing in exchange", "not a
  quid pro quo", and "no strings" / "no expectations" in the same or the next sentence.
* A plain request ("If you have time, could you look at my draft?") is not a condition
  on help; neither is logistics ("I'll send it if you can share your address"): a
  conditional needs both help offered and a favour asked back (share my post, promote,
  refer, review, buy, return the favour…).
* ``agenda_model.check_draft`` (the ``check-text`` JSON key) judges the writer's own text
  as a first contact; ``draft.*`` flags, silencing respected; never ``automated``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from carefor.language.asks import own_words

VERDICTS = ("genuine", "pitch", "reciprocity", "automated", "unsure")
# A message or draft is read up to here: where the asks are. Offsets stay valid (a prefix).
READ_AT_MOST = 20_000
GENUINE, PITCH, RECIPROCITY, AUTOMATED, UNSURE = VERDICTS


@dataclass(frozen=True)
class Evidence:
    text: str  # the exact span as written: own_words(message)[start:end] == text
    start: int  # offsets into own_words(message) (see the module docstring)
    end: int
    rule: str  # e.g. "pitch.meeting_ask", "reciprocity.conditional"
    why: str  # a short reason for the user
    addressed: bool = field(default=True, compare=False)  # see addressed(); not stored


@dataclass(frozen=True)
class Triage:
    verdict: str  # genuine | pitch | reciprocity (automated is the caller's, from headers)
    evidence: tuple[Evidence, ...]  # the evidence for the verdict; () when genuine
    probability: float | None = None  # the model's, when a model decided; None for rules


@dataclass(frozen=True)
class LintFlag:
    rule: str  # a key of LINT_RULES
    text: str  # exact span of own_words(draft)
    start: int
    end: int
    why: str  # why it reads as help with strings attached, one sentence
    suggestion: str  # gentler wording to put in place of the span


# --- Vocabulary -----------------------------------------------------------------------

_FLAGS = re.IGNORECASE
# What is asked back for help: favours, not logistics ("share your address" is not one).
_FAVOUR = (
    r"(?:share\s+(?:my|our|the|this|it|that)\b(?:\s+[\w-]+){0,3}?\s+(?:posts?|articles?|"
    r"launch|page|link|work|newsletter|videos?|podcast|content|book|course|event|"
    r"announcement|campaign|thread|update)\b|share\s+(?:it|this|that|them)\s+with\s+your\s+"
    r"(?:network|followers|audience|list)|re-?post|reshare|retweet|like\s+(?:and\s+\w+\s+)?"
    r"(?:my|our)\b|comment\s+on\s+(?:my|our)\b|promote|endorse|recommend\s+(?:me|us|my|our)\b|"
    r"refer\s+(?:me|us|clients|someone|people|a\s+client|business)\b|"
    r"(?:introduce|intro)\s+(?:me|us)\b|put\s+in\s+a\s+good\s+word|"
    r"(?:mention|feature|tag)\s+(?:me|us|my|our)\b|review\s+(?:my|our)\b|"
    r"(?:leave|write|give)\s+(?:me\s+|us\s+)?an?\s+(?:(?:quick|short|good|nice|5-star)\s+)?"
    r"(?:review|rating|testimonial|recommendation|shout-?out|referral|endorsement)\b|"
    r"rate\s+(?:my|our)\b|upvote|vote\s+for\s+(?:me|us|my|our)\b|subscribe|sign\s+up|"
    r"buy\s+(?:my|our|from)\b|purchase|hire\s+(?:me|us)\b|follow\s+(?:me|us|my|our)\b|"
    r"support\s+(?:my|our)\b|back\s+(?:my|our)\b|do\s+the\s+same|return\s+the\s+favou?r|"
    r"send\s+(?:me\s+|us\s+)?(?:some\s+|a\s+few\s+|any\s+)?(?:clients|leads|referrals|"
    r"business|customers)\b|scratch\s+my\s+back|link\s+to\s+(?:me|us|my|our)\b)"
)
_YOU_MODAL = (
    r"you(?:'d|\s+could|\s+can|\s+would|\s+will|\s+were\s+to|\s+just|\s+also|\s+in\s+turn)?"
)
_SOFT = r"(?:\s+(?:please|kindly|maybe|also|then))?"
_I_MODAL = r"(?:I|we)(?:'ll|\s+will|\s+can|\s+could|'d|\s+would|\s+promise\s+to)"
_CLAUSE = r"[^.!?…\n]"
_MID = r"[^.!?…\n;:—\u2013]"  # between a condition and its consequence
# "…either way I'll be there": help that does not depend on the condition.
_UNCONDITIONAL = re.compile(
    r"\beither\s+way\b|\bregardless\b|\bno\s+matter\s+what\b|\bwhether\s+or\s+not\b|"
    r"\bor\s+not\b|\banyway\b",
    re.IGNORECASE,
)

# Advice-seeking, research or social plans: a meeting ask in such a sentence is not a
# sales meeting.
_NOT_SALES_MEETING = re.compile(
    r"\bhelp\s+me\b|\byour\s+(?:advice|take|perspective|thoughts|input|feedback|opinion|"
    r"wisdom|guidance)\b|\badvice\b|\bpick\s+your\s+brain\b|\bthink\s+(?:it\s+|this\s+)?"
    r"through\b|\bcatch[-\s]up\b|\bcoffee\b|\blunch\b|\bdinner\b|\bdrinks?\b|\bcelebrat\w*|"
    r"\bhear\s+(?:how|all\s+about|about\s+how)\b|\bhow\s+you'?re\s+(?:doing|holding\s+up)\b|"
    r"\bcheck\s+in\s+on\s+you\b|\bwalk\s+the\s+dog\b|\bbirthday\b|\bmentor|"
    # Research and the press ask for time to learn from the reader, not to sell.
    r"\binterview\w*|\bresearch\w*|\bthesis\b|\bdissertation\b|\bsurvey\b|\bstudy\b",
    _FLAGS,
)
# Negation before a reciprocity hit (same sentence): the writer is saying there are none.
_NEGATION_BEFORE = re.compile(
    r"\b(?:no\s+need(?:\s+for\s+you)?\s+to|(?:don'?t|do\s+not|never|won'?t|wouldn'?t)\s+"
    r"(?:need|have|want|expect|ask|feel|worry|bother)|not\s+(?:expecting|asking|looking|"
    r"that)|nothing|no|not|without|zero|never)\b",
    _FLAGS,
)
# Help given or asked for, as a noun: what "in exchange for …" must trade to count.
_HELP_NOUN = (
    r"(?:intro\w*|help|favou?rs?|referrals?|advice|shout-?outs?|reviews?|testimonials?|"
    r"promotion|shares?|posts?|mentions?|endorsements?|recommendations?|feature|links?|"
    r"exposure|retweets?|reposts?|likes?)\b"
)
# Talking about the idea, not doing it: "what you said about the quid pro quo".
_TALK_ABOUT = re.compile(
    r"\b(?:said|say|says|talk\w*|discuss\w*|read|wrote|writ\w+|article|post|essay|book|"
    r"blog|thinking)\s+(?:\w+\s+){0,2}about\b",
    re.IGNORECASE,
)
# A disclaimer that there are no strings: suppresses reciprocity evidence near it.
_NO_STRINGS = re.compile(
    r"\bno\s+strings\b|\bno\s+(?:expectations?|obligations?)\b|\bnothing\s+expected\b|"
    r"\bnot\s+expecting\s+anything\b|\bwithout\s+(?:any\s+)?(?:expectations?|strings)\b|"
    r"\b(?:don'?t|do\s+not)\s+(?:feel\s+)?(?:obliged|obligated)\b",
    _FLAGS,
)
# "No ask, just sharing": a pitch then needs an explicit meeting ask or booking link.
_NO_ASK = re.compile(
    r"\bno\s+ask\b|\bnot\s+(?:a\s+)?(?:sales\s+)?pitch\w*\b|\bno\s+(?:sales\s+)?pitch\b|"
    r"\bnot\s+(?:trying\s+to\s+)?sell(?:ing)?\b|\bnothing\s+to\s+sell\b",
    _FLAGS,
)
_LINK = re.compile(r"https?://\S+|\bwww\.\S+|\b[\w-]+\.(?:com|io|co|org|net)/\S*", _FLAGS)
_THANKS = re.compile(
    r"\b(?:thanks|thank\s+you|thx|grateful|appreciate[ds]?|much\s+appreciated)\b", _FLAGS
)
_CONGRATS = re.compile(
    r"\b(?:congrat\w*|well\s+done|mazel\s+tov|happy\s+birthday|happy\s+anniversary|"
    r"so\s+(?:happy|proud|thrilled)\s+for\s+you|hearty\s+congrat\w*)\b",
    _FLAGS,
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", _FLAGS)


# --- Rule tables ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    rule: str  # evidence rule id
    pattern: re.Pattern[str]
    why: str
    strong: bool = False  # pitch: enough on a first contact
    veto_sentence: re.Pattern[str] | None = None  # the hit's sentence matches: no hit
    veto_before: Callable[[str], bool] | None = None  # gets the sentence text before the hit
    needs_sentence: re.Pattern[str] | None = None  # the hit's sentence must match
    # linter: the draft rule, and how to write the gentler sentence
    draft: str = ""
    keep: bool = False  # suggestion = sentence before the hit + the "keep" group
    drop: bool = False  # suggestion = the sentence with the hit taken out
    suggestion: str = ""  # fixed suggestion (also the fallback for keep/drop)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


def _self_offer(before: str) -> bool:
    """The writer offers it ("if I can ever return the favour", "happy to return it")."""
    pronouns = re.findall(r"\b(I|we|me|us|you|your|he|she|they|him|her|them)\b", before, _FLAGS)
    if pronouns:  # only "you" is a demand; "she asked how she could repay me" is reported
        return pronouns[-1].lower() not in {"you", "your"}
    return bool(
        re.search(r"\b(?:love|happy|glad|hope|want|keen|eager|wait)\s+to\s*$", before, _FLAGS)
    )


def _offered_exchange(before: str) -> bool:
    """ "What can I do in exchange?" — the writer offering something back."""
    return bool(
        re.search(r"\b(?:what|anything)\s+(?:can|could|may)\s+(?:I|we)\s+\w+", before, _FLAGS)
    )


_MEETING_CONTEXT = _rx(
    r"\?|\b(?:your\s+time|of\s+your|spare|grab|do\s+you\s+have|have\s+you\s+got|"
    r"would\s+love|love\s+to|could\s+we|can\s+we|chat|call|connect|talk|show\s+you|"
    r"walk\s+you|open\s+to|worth|available|free\s+(?:for|to)|steal|borrow)\b"
)

PITCH_RULES: tuple[_Rule, ...] = (
    # Meeting asks (weak alone: friends ask for time too).
    _Rule(
        "pitch.meeting_ask",
        _rx(
            r"\b(?:\d{1,2}|ten|fifteen|twenty|thirty|a\s+few|a\s+couple\s+of)[-\s]?"
            r"min(?:ute)?s?\b(?!\s+(?:ago|late|away|walk|drive|early|later|left|each))"
        ),
        "Asks for a slice of your time.",
        veto_sentence=_NOT_SALES_MEETING,
        needs_sentence=_MEETING_CONTEXT,
    ),
    _Rule(
        "pitch.meeting_ask",
        _rx(
            r"\b(?:quick|brief|short|intro(?:ductory)?|discovery|exploratory)\s+"
            r"(?:call|chat|zoom|meeting|sync|conversation)\b"
        ),
        "Asks for a call.",
        veto_sentence=_NOT_SALES_MEETING,
    ),
    _Rule(
        "pitch.meeting_ask",
        _rx(
            r"\b(?:hop|jump|get)\s+on\s+a\s+(?:quick\s+|brief\s+|short\s+)?"
            r"(?:call|zoom|meeting|chat)\b"
        ),
        "Asks to get on a call.",
        veto_sentence=_NOT_SALES_MEETING,
    ),
    _Rule(
        "pitch.meeting_ask",
        _rx(r"\bgrab\s+(?:\d{1,2}|a\s+few|a\s+couple\s+of)\s+min(?:ute)?s?\b"),
        "Asks to grab some of your time.",
        veto_sentence=_NOT_SALES_MEETING,
    ),
    _Rule(
        "pitch.meeting_ask",
        _rx(r"\bfind\s+(?:a|some)\s+time\b(?!\s+off)"),
        "Asks to find a time to meet.",
        veto_sentence=_NOT_SALES_MEETING,
    ),
    _Rule(
        "pitch.meeting_ask",
        _rx(
            r"\b(?:set\s+up|schedule)\s+(?:a\s+)?(?:quick\s+|brief\s+|short\s+)?"
            r"(?:call|meeting|time\s+to\s+(?:chat|talk|connect))\b"
            r"|\b(?:open\s+to|up\s+for|worth)\s+a\s+(?:quick\s+|brief\s+|short\s+)?"
            r"(?:call|chat|conversation)\b"
        ),
        "Asks for a meeting.",
        veto_sentence=_NOT_SALES_MEETING,
    ),
    # Booking links (strong).
    _Rule(
        "pitch.calendar_link",
        _rx(
            r"\b(?:https?://)?(?:www\.)?(?:calendly\.com|cal\.com|savvycal\.com|"
            r"meetings\.hubspot\.com|app\.hubspot\.com/meetings|chilipiper\.com|zcal\.co|"
            r"tidycal\.com)(?:/[^\s)>\]]*)?"
        ),
        "Links to a booking calendar.",
        strong=True,
    ),
    _Rule(
        "pitch.calendar_link",
        _rx(
            r"\bbook\s+(?:a|some)\s+(?:slot|time)\b(?!\s+off)|\b(?:grab|pick|choose)\s+"
            r"(?:a\s+)?(?:slot|time)\s+(?:on|from|in)\s+my\s+(?:calendar|calendly)\b|"
            r"\b(?:my|this)\s+(?:calendar|booking|scheduling)\s+link\b"
        ),
        "Asks you to book a slot in their calendar.",
        strong=True,
    ),
    # Product and service talk.
    _Rule(
        "pitch.product",
        _rx(
            r"\bour\s+(?:platform|solution|solutions|software|tool|product|products|app|service|"
            r"services|offering|agency|consulting|consultancy|SaaS|suite)\b"
        ),
        "Talks about what they sell.",
        strong=True,
    ),
    _Rule(
        "pitch.product",
        _rx(
            r"\bfree\s+trial\b|\bbook\s+a\s+demo\b|\b(?:a|quick|short|live|personali[sz]ed|"
            r"free|\d{1,2}[-\s]min(?:ute)?)\s+demo\b|\bdemo\s+of\s+(?:our|the\s+platform)\b"
        ),
        "Offers a trial or a demo.",
        strong=True,
    ),
    _Rule(
        "pitch.product",
        _rx(
            r"\bour\s+pricing\b|\bpricing\s+(?:plans?|tiers?|starts)\b|"
            r"\b(?:our|a\s+recent|see\s+(?:a|our|this)|attached\s+(?:a|our))\s+case\s+stud(?:y|ies)\b"
        ),
        "Talks pricing or case studies.",
        strong=True,
    ),
    _Rule("pitch.product", _rx(r"(?-i:\bROI\b)"), "Talks return on investment."),
    _Rule(
        "pitch.product",
        _rx(
            r"\b(?:running|offering|have)\s+a\s+(?:promo|promotion|discount|special\s+offer)\b|"
            r"\bpromo\s+(?:code|on)\b|\blimited[-\s]time\s+offer\b|\bspecial\s+(?:offer|pricing)\b"
        ),
        "Offers a promotion.",
        strong=True,
    ),
    _Rule(
        "pitch.product",
        _rx(
            r"\b(?:show|walk)\s+you\s+(?:through\s+)?(?:what|how)\s+(?:we|our)\b"
            r"(?:\s+(?:do|offer|build|make|work|help|team|platform|product|service))?|"
            r"\btell\s+you\s+(?:more\s+)?about\s+(?:what|how)\s+we\b|"
            r"\b(?:increase|grow|boost|double|triple|scale)\s+your\s+(?:sales|revenue|pipeline|"
            r"conversions?|leads|MRR|ARR|productivity|engagement|bookings)\b"
        ),
        "Offers to show what they sell.",
        strong=True,
    ),
    _Rule(
        "pitch.product",
        _rx(
            r"\b\d{1,3}(?:\.\d)?\s?%\s+(?:increase|boost|lift|uplift|more|higher|faster|"
            r"reduction|improvement)\b"
        ),
        "Promises a percentage gain.",
    ),
    _Rule(
        "pitch.terms",
        _rx(
            r"\b\d{1,3}\s?%\s+(?:off|discount)\b|\b(?:a|our|\d{1,3}\s?%)\s+discount\b|"
            r"\bfirst\s+(?:month|session|week|lesson|class)\s+(?:is\s+)?(?:free|on\s+us)\b|"
            r"\b(?:production|setup|set-up|booking|placement|listing|membership|joining)\s+fee\b|"
            r"\b(?:group|special|introductory|founding|early[-\s]bird)\s+(?:rate|price|pricing)\b|"
            r"\bupgrade\s+pricing\b|\bper\s+(?:seat|user|licen[cs]e)\b|"
            r"\bpaid\s+(?:cohort|programme|program|course|plan|tier|membership|workshop)\b|"
            r"\b(?:annual|monthly|yearly)\s+(?:licen[cs]e|subscription|plan)\b|"
            r"\bfree\s+(?:security\s+check|consultation|audit|assessment|quote|estimate|"
            r"strategy\s+session|sample)\b|\b(?:I|we)\s+work\s+on\s+a\s+\d{1,2}\s?%\s+fee\b"
        ),
        "Names a price, a discount or a fee for you to pay.",
        strong=True,
    ),
    _Rule(
        "pitch.product",
        _rx(
            r"\bour\s+(?:[\w-]+\s+){0,2}?(?:plan|plans|programme|program|module|package|"
            r"packages|cohort|course|coaching|membership|subscription|licen[cs]e|features|"
            r"integration|add-on|dashboard|dashboards|toolkit|tool)\b(?!\s+(?:for\s+)?"
            r"(?:volunteers?|mentors?|mentees?|students|families|members)\b)"
        ),
        "Talks about a plan or programme they sell.",
    ),
    _Rule(
        "pitch.what_we_do",
        _rx(
            r"\b(?:we|I)\s+help\s+(?:[\w-]+\s+){1,3}?(?:reduce|cut|grow|increase|boost|save|"
            r"scale|improve|tell|turn|get\s+more|find\s+more|win|close|automate|streamline|"
            r"double|triple|hire|land)\b|"
            r"\b(?:we|I)(?:'d|\s+would)\s+love\s+to\s+(?:create|build|make|design|produce|film|"
            r"shoot|run|manage|handle|look\s+after|take\s+care\s+of)\b[^.!?\n]{0,40}\bfor\s+"
            r"(?:you|your)\b"
        ),
        "Describes what they do for clients, to sell it to you.",
    ),
    _Rule(
        "pitch.what_we_do",
        _rx(
            r"\bwe\s+(?:offer|provide|are\s+(?:now\s+)?(?:providing|offering)|speciali[sz]e\s+in"
            r"|deliver|build|sell)\b|\b(?:our|professional|affordable|quality)\s+(?:[\w-]+\s+)"
            r"{0,2}?services\b|\bI\s+represent\s+(?:a|an|the)\b"
        ),
        "Describes what they sell.",
    ),
    _Rule(
        "pitch.terms",
        _rx(
            r"\b(?:business|personal|payday|instant|quick)\s+loans?\b|\brates?\s+(?:starting|from"
            r"|as\s+low\s+as)\b|\blimited[-\s](?:time\s+)?offer\b"
            r"|\$\s?\d+(?:\.\d\d)?\s*(?:per|/|a)\s*(?:month|mo|year|yr|week)\b"
            r"|\b(?:an?\s+)?(?:exciting|great|amazing|lucrative|unique)\s+(?:business\s+)?"
            r"opportunity\s+for\s+you\b|\bfree\s+(?:listing|quote"
            r"|consultation)\b|\bfor\s+free\b(?=[^.!?\n]{0,40}\b(?:advert|promot|list|sell))"
        ),
        "Names an offer, a rate or a price.",
        strong=True,
    ),
    _Rule(
        "pitch.growth",
        _rx(
            r"\badvertis(?:e|ing|ement)\b|\bback-?links?\b|\bguest\s+post(?:s|ing)?\b|(?-i:\bSEO\b)"
            r"|\b(?:increase|boost|grow|drive|gain)\s+(?:your\s+|the\s+)?(?:attention|traffic"
            r"|visibility|followers|exposure|online\s+reach|community|audience|brand\s+awareness"
            r"|downloads|installs|forks|stars|post|rank|ranking)\b|\bsocial\s+media\s+promotion\b"
            r"|\bupvotes\b|\bsearch\s+engines?\s+(?:registration|submission|ranking)\b"
            r"|\bsponsored\s+(?:post|article|content)\b|\b(?:exchange|token|coin|ICO)\s+listing\b"
            r"|\blisting\s+(?:request|services|fee)\b|\bmarket\s+making\b"
        ),
        "Sells growth: traffic, visibility, followers or ads.",
        strong=True,
    ),
    _Rule(
        "pitch.bump",
        _rx(
            r"\bdid\s+you\s+(?:get|receive|see)\s+(?:the|my|our)\s+(?:proposal|offer|quote|email"
            r"|message|mail)\s+(?:I|we)\s+sent\b"
        ),
        "Bumps an earlier unanswered offer.",
    ),
    _Rule(
        "pitch.companies_like_yours",
        _rx(
            r"\bwe\s+(?:help|work\s+with|partner\s+with|serve|support)\b[^.!?\n]{0,40}?\b"
            r"(?:companies|teams|businesses|firms|organi[sz]ations|brands|leaders|founders|"
            r"agencies|startups|people|clients|professionals|executives|CEOs)\s+like\s+"
            r"(?:yours|you)\b|\b(?:companies|teams|businesses|firms|organi[sz]ations|brands|"
            r"agencies|startups|professionals|executives|leaders)\s+(?:like|similar\s+to)\s+"
            r"(?:yours|you|your\s+company|your\s+team)\b|\bothers\s+in\s+your\s+"
            r"(?:space|industry|role|position)\b"
        ),
        "Talks to you as a market segment.",
        strong=True,
    ),
    _Rule(
        "pitch.familiarity",
        _rx(
            r"\bI\s+(?:saw|came\s+across|stumbled\s+(?:up)?on|noticed|was\s+looking\s+at|"
            r"checked\s+out)\s+your\s+(?:profile|background|company|website|LinkedIn)\b|"
            r"\b(?:lots\s+of|a\s+lot\s+of|many|several|\d+)\s+(?:mutual\s+)?connections"
            r"(?:\s+in\s+common)?\b|\bconnections\s+in\s+common\b|"
            r"\b(?:impressed|intrigued)\s+(?:by|with)\s+your\s+(?:background|profile|growth)\b"
        ),
        "Claims familiarity from your profile.",
    ),
    _Rule(
        "pitch.bump",
        _rx(
            r"\b(?:just\s+)?bumping\s+(?:this|my)\b|\bcircling\s+back\b|\bfollowing\s+up\s+on\s+"
            r"my\s+(?:last|previous|earlier)\s+(?:email|note|message)\b|\bfloating\s+this\s+"
            r"(?:back\s+)?(?:up|to\s+the\s+top)\b|\bresurfacing\s+this\b|\b(?:did|have)\s+you\s+"
            r"(?:get|had)\s+a\s+chance\s+to\s+(?:read|see|review|look\s+at)\s+my\s+"
            r"(?:last|previous|earlier)\b|\btop\s+of\s+your\s+inbox\b"
        ),
        "Bumps an earlier unanswered ask.",
    ),
)
_PIVOT = _Rule(
    "pitch.pivot",
    _rx(
        r"\b(?:by\s+the\s+way|btw|on\s+an?\s+(?:related|separate|different|other)\s+note|"
        r"on\s+another\s+note|speaking\s+of\s+which|while\s+I\s+have\s+you|incidentally|"
        r"(?:which|that)\s+is\s+(?:why|the\s+reason)\s+I'?m\s+(?:reaching\s+out|writing|asking)|"
        r"(?:which|that)'s\s+(?:why|the\s+reason)\s+I'?m\s+(?:reaching\s+out|writing|asking)|"
        r"which\s+is\s+why\s+I\s+am\s+(?:reaching\s+out|writing)|"
        r"the\s+(?:real\s+)?reason\s+I\s+(?:ask|asked|'m\s+asking|am\s+asking|reached\s+out|"
        r"'m\s+reaching\s+out|am\s+reaching\s+out|'m\s+writing)|"
        r"(?:I'?m|I\s+am)\s+reaching\s+out\s+because)\b"
    ),
    "Turns from help to a sales meeting.",
)
_SALES_SIGNALS = frozenset(
    {
        "pitch.meeting_ask",
        "pitch.calendar_link",
        "pitch.product",
        "pitch.companies_like_yours",
        "pitch.terms",
        "pitch.what_we_do",
        "pitch.growth",
    }
)
_PIVOT_REACH = 300  # characters: a sales signal this close after a pivot makes it evidence

RECIPROCITY_RULES: tuple[_Rule, ...] = (
    # A like for a like: stars, follows, subscriptions and links traded openly.
    _Rule(
        "reciprocity.swap",
        _rx(
            r"\b(?:star|follow|sub(?:scribe)?|like|link)\s*(?:4|for)\s*(?:star|follow|sub|like|link)"
            r"\b|\b(?:star|follow|subscribe|like)\s+(?:me\s+)?back\b|\b(?:star|follow)\s+mine\b"
            r"|\bgive\s+mine\s+a\s+(?:star|follow|like)\b|\bswap\s+(?:(?:repo|github)\s+)?"
            r"(?:stars|follows|links)\b|\b(?:link|banner|backlink)\s+exchange\b|\bexchange\s+"
            r"(?:links|backlinks|banners)\b|\btrade\s+(?:links|stars|follows|shout-?outs)\b"
            r"|\b(?:starred|followed|subscribed\s+to|liked)\s+(?:your|you)\b[^.!?\n]{0,60}?\b"
            r"(?:star|follow|subscribe\s+to|like)\s+(?:mine|me|my)\b"
            r"|\b(?:will|I'll|I\s+will)\s+follow\s+(?:you\s+)?back\b"
            r"|\b(?:exchange|swap|trade)\s+(?:the\s+|our\s+)?friend\s+links?\b|\bfriend\s+links?\s+"
            r"exchange\b|\btraded?\s+links\b|\badd\s+(?:an\s+)?attribution\s+back\b"
            # The same trade as it is written on GitHub in Chinese: "有赞必回" (I star back
            # whoever stars me), "已star" (starred yours), "求回赞" (star mine back).
            r"|有赞必回|有赞定回|诚信互赞|互赞|回赞|回关|互关|互粉|求回|请回|回我|回star|已赞|已点|已star"
        ),
        "Trades a star, follow or link for one back.",
        draft="draft.conditional_help",
        suggestion="If you like it, a star is welcome — no need to swap.",
    ),
    _Rule(
        "reciprocity.conditional",
        _rx(
            r"\bin\s+return\b[^.!?\n]{0,60}?\b(?:list|promote|feature|share|link|mention|"
            r"recommend|add|star|follow)\b|\b(?:list|promote|feature|share|link|mention|add)\s+"
            r"(?:us|ours|our\s+\w+)\b[^.!?\n]{0,40}?\bin\s+return\b|\bon\s+our\s+side\s*[:,]"
            r"|\bmutually\s+beneficial\s+(?:association|exchange|link|partnership)\b"
            r"|\bas\s+we\s+have\s+(?:your|you)\b[^.!?\n]{0,60}?\b(?:could|would|please)\b"
        ),
        "Offers something for something in return.",
        draft="draft.conditional_help",
        suggestion="Happy to help — nothing needed back.",
    ),
    # Conditional help: help offered, a favour asked back.
    _Rule(
        "reciprocity.conditional",
        _rx(
            rf"\bif\s+{_YOU_MODAL}{_SOFT}\s+{_FAVOUR}{_MID}{{0,80}}?(?:,|\bthen\b|\s)\s*"
            rf"(?:then\s+)?(?P<keep>{_I_MODAL}\b{_CLAUSE}*)"
        ),
        "Makes help depend on a favour back.",
        veto_sentence=_UNCONDITIONAL,
        draft="draft.conditional_help",
        keep=True,
        suggestion="I'm glad to help.",
    ),
    _Rule(
        "reciprocity.conditional",
        _rx(
            r"(?P<keep>\b(?:(?:I'?m|I\s+am|I'd\s+be|I\s+would\s+be|we'?re|we\s+are|we'd\s+be)\s+)?"
            r"(?:more\s+than\s+)?(?:happy|glad|willing|delighted)\s+to\b[^.!?\n]{0,60}?)"
            rf"(?:\s*[-—\u2013,;]\s*|\s+)(?:and\s+|but\s+|just\s+)?(?:only\s+)?(?:if|as\s+long\s+as|"
            rf"provided(?:\s+that)?)\s+{_YOU_MODAL}{_SOFT}\s+{_FAVOUR}{_CLAUSE}*"
        ),
        "Offers help and asks for a favour in the same breath.",
        veto_sentence=_UNCONDITIONAL,
        draft="draft.conditional_help",
        keep=True,
        suggestion="Happy to help.",
    ),
    _Rule(
        "reciprocity.conditional",
        _rx(
            r"(?P<keep>\b(?:I|we)(?:'ll|\s+will|\s+can|\s+could|'d|\s+would)\s+"
            r"(?:gladly\s+|happily\s+|also\s+)?(?:help|introduce|intro|promote|share|refer|"
            r"recommend|mention|feature|review|endorse|connect|support|vouch)\b"
            r"[^.!?\n]{0,60}?)\s*,?\s*(?:but\s+)?(?:only\s+)?(?:if|as\s+long\s+as|"
            rf"provided(?:\s+that)?|on\s+condition\s+that)\s+{_YOU_MODAL}{_SOFT}\s+{_FAVOUR}"
            rf"{_CLAUSE}*"
        ),
        "Makes help depend on a favour back.",
        veto_sentence=_UNCONDITIONAL,
        draft="draft.conditional_help",
        keep=True,
        suggestion="I'm glad to help.",
    ),
    _Rule(
        "reciprocity.conditional",
        _rx(
            rf"\b(?:as\s+long\s+as|only\s+if|on\s+condition\s+that)\s+{_YOU_MODAL}{_SOFT}\s+"
            rf"{_FAVOUR}{_CLAUSE}*"
        ),
        "Sets a condition on help.",
        veto_sentence=_UNCONDITIONAL,
        draft="draft.conditional_help",
        suggestion="I'm glad to help.",
    ),
    _Rule(
        "reciprocity.conditional",
        _rx(
            rf"\bif\s+you\s+(?:don'?t|do\s+not|won'?t|will\s+not|can'?t)\s+{_FAVOUR}"
            rf"{_MID}{{0,60}}?,?\s*(?:then\s+)?(?:I|we)\s+(?:won'?t|will\s+not|can'?t|"
            rf"cannot|shouldn'?t|am\s+not\s+going\s+to|aren'?t\s+going\s+to)\b{_CLAUSE}*"
        ),
        "Withholds support unless it is matched.",
        veto_sentence=_UNCONDITIONAL,
        draft="draft.conditional_help",
        suggestion="I'm glad to share your work when it fits.",
    ),
    _Rule(
        "reciprocity.conditional",
        _rx(
            r"\b(?:do|share|promote)\s+(?:this|that|it|my\s+\w+)\s+for\s+(?:me|us)\s+and\s+"
            rf"(?:I|we)(?:'ll|\s+will)\b{_CLAUSE}*"
        ),
        "Trades a favour for a favour.",
        veto_sentence=_UNCONDITIONAL,
        draft="draft.conditional_help",
        suggestion="I'm glad to help.",
    ),
    # Keeping the favour account.
    _Rule(
        "reciprocity.return_favour",
        _rx(r"\breturn(?:ing)?\s+the\s+favou?r\b"),
        "Asks for the favour to be returned.",
        veto_before=_self_offer,
        draft="draft.favour_ledger",
        suggestion="Glad I could help.",
    ),
    _Rule(
        "reciprocity.return_favour",
        _rx(
            r"\brepay\s+(?:me\s+|us\s+)?(?:for\s+)?(?:the|my|this|that|our)\s+"
            r"(?:favou?r|kindness|help|intro\w*|advice|referral)\b"
        ),
        "Asks to be paid back for help.",
        veto_before=_self_offer,
        draft="draft.favour_ledger",
        suggestion="Glad I could help.",
    ),
    _Rule(
        "reciprocity.return_favour",
        # Help traded: "in exchange for the intro/a testimonial", not a shift swap or a deal.
        _rx(
            r"\bin\s+exchange\s+for\s+(?:[^.!?\n,;]{0,30}?\b)?" + _HELP_NOUN + r"[^.!?\n,;]{0,30}"
            r"|\b(?:get|something|anything\s+back)\s+in\s+exchange\b"
        ),
        "Trades help for something back.",
        veto_before=_offered_exchange,
        draft="draft.favour_ledger",
        drop=True,
        suggestion="Glad I could help.",
    ),
    _Rule(
        "reciprocity.return_favour",
        _rx(
            r"\bquid\s+pro\s+quo\b(?!\s+(?:group|thing|culture|stuff|dynamic|approach|mindset|"
            r"relationships?|nature|obligation|expectation|world|networking))"
        ),
        "Names the trade outright.",
        veto_sentence=_TALK_ABOUT,
        draft="draft.favour_ledger",
        suggestion="Glad I could help.",
    ),
    _Rule(
        "reciprocity.return_favour",
        _rx(r"\b(?:you\s+)?scratch\s+(?:my|your)\s+back\b(?:[^.!?\n]{0,30}?\bscratch\s+\w+)?"),
        "Trades a favour for a favour.",
        draft="draft.favour_ledger",
        suggestion="Glad I could help.",
    ),
    _Rule(
        "reciprocity.expectation",
        _rx(r"\byou\s+owe\s+(?:me|us)\b(?:\s+(?:one|big|a\s+favou?r|something))?"),
        "Keeps a favour account.",
        draft="draft.favour_ledger",
        drop=True,
        suggestion="Glad I could help.",
    ),
    _Rule(
        "reciprocity.expectation",
        _rx(
            r"\bI(?:\s+(?:expected|was\s+expecting|expect|assumed)|(?:'d|\s+would)\s+(?:have\s+)?"
            r"expect(?:ed)?)\s+(?:you(?:\s+to|\s+would|'d)?\s+(?:at\s+least\s+)?"
            r"(?:return|repay|share|promote|help|introduce|refer|recommend|reply|respond|"
            r"thank|do\s+the\s+same|say\s+thanks|reciprocate|mention|support|vouch)|"
            r"(?:more|better|at\s+least|some\s+(?:kind\s+of\s+)?(?:thanks|gratitude|"
            r"acknowledg\w+|recognition|help)|something\s+back))" + _CLAUSE + "*"
        ),
        "Says help came with an expectation.",
        draft="draft.expectation",
        suggestion="I hope it helped.",
    ),
    _Rule(
        "reciprocity.expectation",
        _rx(
            r"\bthe\s+least\s+you\s+(?:could|can)\s+do\b" + _CLAUSE + r"*|\bit'?s\s+only\s+fair\s+"
            r"(?:that\s+)?you\b"
            + _CLAUSE
            + r"*|\b(?:now\s+)?it'?s\s+your\s+turn\s+to\b"
            + _CLAUSE
            + "*"
        ),
        "Says something is due back.",
        draft="draft.expectation",
        suggestion="Only if it suits you — no pressure either way.",
    ),
    _Rule(
        "reciprocity.expectation",
        _rx(
            r"\b(?:(?:since|because|now\s+that|given\s+that|after)\s+I(?:'ve|\s+have)?|I)\s+"
            r"(?P<act>helped|referred|introduced|recommended|promoted|connected|vouched\s+for|"
            r"hooked\s+up)\s+you\b[^.!?\n]{0,80}?,?\s*(?:so\s+)?(?:I\s+assume|I'?d\s+expect|"
            r"I\s+would\s+expect|I\s+expect|I'?m\s+sure\s+you(?:'ll|\s+will|'d|\s+would)|"
            r"I\s+trust\s+you(?:'ll|\s+will)|it'?s\s+(?:only\s+fair|your\s+turn)|"
            rf"(?:maybe\s+|perhaps\s+|now\s+)?{_YOU_MODAL}\s+(?:should\s+)?{_FAVOUR})"
            + _CLAUSE
            + "*"
        ),
        "Cites past help as grounds for a favour.",
        draft="draft.favour_ledger",
        suggestion="I hope it turns out to be useful.",
    ),
    _Rule(
        "reciprocity.guilt",
        _rx(
            r"\bafter\s+(?:all|everything)\s+(?:that\s+)?(?:I|we)(?:'ve|\s+have)\s+done\b"
            r"(?:\s+for\s+you)?|\bI\s+scratched\s+your\s+back\b|\bI\s+went\s+out\s+of\s+my\s+"
            r"way\s+for\s+you\b|\bthis\s+is\s+how\s+you\s+(?:repay|thank)\b|\bthis\s+is\s+the\s+"
            r"thanks\s+I\s+get\b"
        ),
        "Uses past help to make you feel guilty.",
        draft="draft.guilt",
        suggestion="I've been glad to be there for you.",
    ),
)

ALL_RULES = (_PIVOT, *PITCH_RULES, *RECIPROCITY_RULES)
RULE_IDS: tuple[str, ...] = tuple(dict.fromkeys(r.rule for r in ALL_RULES))


# --- Sentences with offsets -------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…]+[\"')\]]*(?=\s|$)|\n")


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: end includes its final punctuation; blank ones dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group() != "\n" else match.start()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    result = []
    for s, e in spans:
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if chunk.strip():
            result.append((s + lead, e - trail))
    return result


_SEEKS_HELP = re.compile(
    r"\b(?:I'?m|I\s+am)\s+(?:not\s+\w+\s+)?looking\s+for\s+(?:someone|somebody|advice|"
    r"help|a\s+mentor|an?\s+honest|your)\b|\byour\s+(?:honest\s+)?(?:view|take|advice|"
    r"perspective|opinion|thoughts|guidance)\b|\btell\s+me\s+what\b|\bask\s+your\s+advice\b|"
    r"\bI'?d\s+(?:value|appreciate)\s+your\b|\b(?:how|what)\s+(?:do|would|should)\s+(?:you|I)\b",
    _FLAGS,
)


def seeks_help(text: str) -> bool:
    """The writer plainly asks for the reader's advice, view or help (their own learning)."""
    return bool(_SEEKS_HELP.search(_normalise(own_words(text))))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` as the rules read it."""
    return _sentences(_normalise(text))


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> int:
    """The sentence holding ``pos``; in a gap between sentences, the one before it."""
    return max(bisect_right(spans, pos, key=lambda span: span[0]) - 1, 0)


def _normalise(text: str) -> str:
    """Same length, typographic apostrophes made plain, so offsets stay valid."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


# --- Evidence ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    rule: _Rule
    match: re.Match[str]
    sentence: int


def _raw_hits(norm: str, spans: list[tuple[int, int]], rules: tuple[_Rule, ...]) -> list[_Hit]:
    hits = []
    for rule in rules:
        for match in rule.pattern.finditer(norm):
            if match.end() == match.start():
                continue
            index = _sentence_of(spans, match.start())
            s_start, s_end = spans[index] if spans else (0, len(norm))
            sentence = norm[s_start:s_end]
            if rule.veto_sentence is not None and rule.veto_sentence.search(sentence):
                continue
            if rule.needs_sentence is not None and not rule.needs_sentence.search(sentence):
                continue
            before = norm[s_start : match.start()]
            if rule.veto_before is not None and rule.veto_before(before):
                continue
            if rule.rule.startswith("reciprocity.") and _negated(norm, spans, index, before):
                continue
            hits.append(_Hit(rule, match, index))
    return hits


def _negated(norm: str, spans: list[tuple[int, int]], index: int, before: str) -> bool:
    if _NEGATION_BEFORE.search(before[-40:]):
        return True
    nearby = spans[index : index + 2]
    return any(_NO_STRINGS.search(norm[s:e]) for s, e in nearby)


def _dedupe(hits: list[_Hit]) -> list[_Hit]:
    """One hit per rule id per overlapping region; the longest wins, then the earliest."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.match.start(), -(h.match.end() - h.match.start()))):
        clash = next(
            (
                k
                for k in kept
                if k.rule.rule == hit.rule.rule
                and hit.match.start() < k.match.end()
                and k.match.start() < hit.match.end()
            ),
            None,
        )
        if clash is None:
            kept.append(hit)
    return kept


@lru_cache(maxsize=2048)
def _all_hits(norm: str) -> tuple[_Hit, ...]:
    """Cached: triage, features and evidence all read the same message; the rules run once."""
    spans = _sentences(norm)
    hits = _dedupe(_raw_hits(norm, spans, PITCH_RULES + RECIPROCITY_RULES))
    sales = [h for h in hits if h.rule.rule in _SALES_SIGNALS]
    for pivot in _raw_hits(norm, spans, (_PIVOT,)):
        end = pivot.match.end()
        if any(end <= h.match.start() <= end + _PIVOT_REACH for h in sales):
            hits.append(pivot)
    return tuple(sorted(hits, key=lambda h: (h.match.start(), h.match.end())))


def _to_evidence(text: str, hit: _Hit, spans: list[tuple[int, int]]) -> Evidence:
    start, end = hit.match.start(), hit.match.end()
    # Trim trailing spaces and commas a clause pattern may have swallowed.
    while end > start and text[end - 1] in " \t,;:—\u2013-":
        end -= 1
    item = Evidence(text[start:end], start, end, hit.rule.rule, hit.rule.why)
    return replace(item, addressed=addressed(text, spans, item))


def evidence(text: str) -> list[Evidence]:
    """All rule hits in the author's own words, in text order. Offsets index into
    ``own_words(text)``."""
    own = own_words(text)[:READ_AT_MOST]
    norm = _normalise(own)
    spans = _sentences(norm)
    return [_to_evidence(own, hit, spans) for hit in _all_hits(norm)]


def _subject_rules(subject: str) -> set[str]:
    if not subject.strip():
        return set()
    return {h.rule.rule for h in _all_hits(_normalise(subject)) if h.rule.rule in _SALES_SIGNALS}


def _decide(own: str, items: list[Evidence], subject: str, first_contact: bool) -> Triage:
    reciprocity = tuple(e for e in items if e.rule.startswith("reciprocity."))
    if reciprocity:
        return Triage(RECIPROCITY, reciprocity)
    pitch = tuple(e for e in items if e.rule.startswith("pitch."))
    distinct = {e.rule for e in pitch}
    # A sales signal in the subject corroborates one in the body (never stands alone).
    if distinct & _SALES_SIGNALS:
        distinct |= _subject_rules(subject)
    # One strong signal is enough on a first contact only when it is said to the reader
    # ("we'll add a free trial next month" tells; "start your free trial" sells).
    strong = any(_strength(e) and e.addressed for e in pitch)
    is_pitch = bool(distinct & _SALES_SIGNALS) and (
        "pitch.pivot" in distinct or len(distinct) >= 2 or (first_contact and strong)
    )
    if is_pitch and _NO_ASK.search(_normalise(own)):
        is_pitch = bool(distinct & {"pitch.meeting_ask", "pitch.calendar_link"}) and (
            len(distinct) >= 2 or first_contact
        )
    if is_pitch:
        return Triage(PITCH, pitch)
    return Triage(GENUINE, ())


def addressed(own: str, spans: list[tuple[int, int]], item: Evidence) -> bool:
    """Said to the reader: a booking link, or a sentence with "you" in it."""
    if item.rule == "pitch.calendar_link" or not spans:
        return True
    return _says_you(own, *spans[_sentence_of(spans, item.start)])


@lru_cache(maxsize=4096)
def _says_you(own: str, start: int, end: int) -> bool:
    # Cached: a message with many hits in one sentence asks the same question each time.
    return bool(_SECOND_PERSON.search(own, start, end))


def _strength(item: Evidence) -> bool:
    return any(
        r.strong and r.rule == item.rule and r.pattern.fullmatch(_normalise(item.text))
        for r in PITCH_RULES
    )


def triage_rules(text: str, *, subject: str = "", first_contact: bool = False) -> Triage:
    """Verdict by rules for an inbound message.

    * ``reciprocity``: any reciprocity evidence that is not negated;
    * ``pitch``: a sales signal (meeting ask, booking link, product talk, "companies like
      yours") after a pivot, or two distinct pitch rules including a sales signal, or on a
      first contact one strong sales signal; "no ask" / "not a pitch" then needs an
      explicit meeting ask or booking link as well;
    * ``genuine`` otherwise (evidence is then empty).
    """
    own = own_words(text)[:READ_AT_MOST]
    norm = _normalise(own)
    spans = _sentences(norm)
    items = [_to_evidence(own, hit, spans) for hit in _all_hits(norm)]
    return _decide(own, items + subject_trades(subject), subject, first_contact)


def subject_trades(subject: str) -> list[Evidence]:
    """A trade said in the subject ("有赞必回", "follow for follow"): evidence that is
    not in the body, so its offsets are 0, 0 and its reason says where it is."""
    norm = _normalise(subject)
    found = []
    for hit in _all_hits(norm) if subject.strip() else ():
        # Only an open swap: "return the favour" in a subject may be an offer to do so.
        if hit.rule.rule == "reciprocity.swap":
            text = subject[hit.match.start() : hit.match.end()]
            found.append(Evidence(text, 0, 0, hit.rule.rule, f"In the subject: {hit.rule.why}"))
    return found


def rule_features(text: str, *, subject: str = "", first_contact: bool = False) -> dict[str, float]:
    """Features for a model: a count for every rule id, plus ``first_contact``,
    ``has_link``, ``n_sentences_bucket`` (0: none, 1: one, 2: 2-3, 3: 4-7, 4: 8+),
    ``asks_for_time`` (any time ask, advice and social ones included), ``subject_pitch``
    (sales signals in the subject), ``no_ask`` and ``negated_reciprocity``."""
    own = own_words(text)[:READ_AT_MOST]
    norm = _normalise(own)
    features = {rule_id: 0.0 for rule_id in RULE_IDS}
    for hit in _all_hits(norm):
        features[hit.rule.rule] += 1.0
    spans = _sentences(norm)
    n = len(spans)
    features["first_contact"] = 1.0 if first_contact else 0.0
    features["has_link"] = 1.0 if _LINK.search(norm) else 0.0
    features["n_sentences_bucket"] = float(
        0 if n == 0 else 1 if n == 1 else 2 if n <= 3 else 3 if n <= 7 else 4
    )
    meeting = [r for r in PITCH_RULES if r.rule == "pitch.meeting_ask"]
    features["asks_for_time"] = 1.0 if any(r.pattern.search(norm) for r in meeting) else 0.0
    features["subject_pitch"] = float(len(_subject_rules(subject)))
    features["no_ask"] = 1.0 if _NO_ASK.search(norm) else 0.0
    raw = sum(1 for r in RECIPROCITY_RULES for _m in r.pattern.finditer(norm))
    kept = sum(1 for h in _all_hits(norm) if h.rule.rule.startswith("reciprocity."))
    features["negated_reciprocity"] = float(max(raw - kept, 0))
    return features


# --- The draft linter -----------------------------------------------------------------

LINT_RULES: dict[str, str] = {
    "draft.conditional_help": "Help offered on condition of a favour back "
    '("happy to help if you share my post").',
    "draft.expectation": 'Saying help came with an expectation ("I expected you to…").',
    "draft.favour_ledger": 'Counting favours ("you owe me one", "return the favour", '
    '"I introduced you, so…").',
    "draft.pitch_in_thanks": "A sales pitch tucked into a thank-you.",
    "draft.ask_in_congrats": "A sales ask tucked into congratulations.",
    "draft.guilt": "Reminding someone of past help to make them feel guilty.",
    "draft.pitch": 'Help or a friendly opener that turns into a sales ask ("by the way we sell…").',
    "draft.trade": "Help that reads as a trade, found by the model rather than a rule.",
}
_LINT_WHY = {
    "draft.conditional_help": "Ties your help to a favour back, so it reads as a trade.",
    "draft.expectation": "Tells them your help came with an expectation attached.",
    "draft.favour_ledger": "Counts favours, so the help reads as a debt to settle.",
    "draft.pitch_in_thanks": "Turns a thank-you into a sales pitch.",
    "draft.ask_in_congrats": "Turns congratulations into a sales ask.",
    "draft.guilt": "Uses your past help to make them feel guilty.",
    "draft.pitch": "Turns help or a friendly opener into a sales ask.",
    "draft.trade": "Reads as expecting something back for your help.",
}
_TRADE_SUGGESTION = "Offer it freely, or ask for what you need in a message of its own."
_THANKS_SUGGESTION = "It made a real difference — thank you again."
_CONGRATS_SUGGESTION = "Wishing you every success with it — enjoy the moment."


def _tidy(fragment: str) -> str:
    """A clause made into a sentence: connectors trimmed, capitalised, punctuated."""
    fragment = re.sub(r"^[\s,;:—\u2013-]+|[\s,;:—\u2013-]+$", "", fragment)
    fragment = re.sub(r"\s*[—\u2013-]\s*(?:and|but)?\s*$", "", fragment)
    fragment = re.sub(r"\s+([,;:.!?])", r"\1", re.sub(r"\s{2,}", " ", fragment))
    fragment = re.sub(r"[\s,;:—\u2013-]+([.!?]+)$", r"\1", fragment)
    if not fragment:
        return ""
    fragment = fragment[0].upper() + fragment[1:]
    return fragment if fragment[-1] in ".!?…" else fragment + "."


_ACT_NOUNS = {
    "helped": "help",
    "referred": "referral",
    "introduced": "introduction",
    "recommended": "recommendation",
    "promoted": "shout-out",
    "connected": "connection",
}


def _hope_useful(own: str, hit: _Hit) -> str:
    """ "I introduced you to Dana, so…" -> "I hope the introduction to Dana is useful." """
    act = hit.match.group("act").lower()
    noun = _ACT_NOUNS.get(act.split()[0])
    if noun is None:
        return hit.rule.suggestion
    after = own[hit.match.end("act") :]
    target = re.match(r"\s+you(\s+(?:to|with)\s+[^,.;!?\n]{1,40}?)(?=\s*(?:,|\bso\b|$))", after)
    extra = target.group(1) if target and noun != "help" else ""
    return f"I hope the {noun}{extra} is useful."


def _suggest(own: str, sentence: tuple[int, int], hit: _Hit) -> str:
    rule = hit.rule
    s_start, s_end = sentence
    if rule.keep and hit.match.groupdict().get("keep"):
        keep = own[hit.match.start("keep") : hit.match.end("keep")]
        return _tidy(own[s_start : hit.match.start()] + " " + keep) or rule.suggestion
    if "act" in hit.match.groupdict() and hit.match.group("act"):
        return _hope_useful(own, hit)
    if rule.drop:
        rest = own[s_start : hit.match.start()] + own[hit.match.end() : s_end]
        if len(re.findall(r"\w+", rest)) >= 2:
            return _tidy(rest)
    return rule.suggestion


def _reciprocity_flags(own: str, norm: str, spans: list[tuple[int, int]]) -> list[LintFlag]:
    flags: list[LintFlag] = []
    taken: set[int] = set()
    hits = _dedupe(_raw_hits(norm, spans, RECIPROCITY_RULES))
    # Longer matches first so "I expected you to return the favour" is one expectation.
    for hit in sorted(hits, key=lambda h: (h.sentence, -(h.match.end() - h.match.start()))):
        if hit.sentence in taken or not hit.rule.draft:
            continue
        taken.add(hit.sentence)
        start, end = spans[hit.sentence]
        flags.append(
            LintFlag(
                hit.rule.draft,
                own[start:end],
                start,
                end,
                _LINT_WHY[hit.rule.draft],
                _suggest(own, (start, end), hit),
            )
        )
    return flags


def _pitch_flag(own: str, norm: str, spans: list[tuple[int, int]]) -> LintFlag | None:
    """A sales signal after a thank-you or congratulations in the same draft."""
    anchors = [
        (i, rule)
        for i, (s, e) in enumerate(spans)
        for rule, pattern in (
            ("draft.ask_in_congrats", _CONGRATS),
            ("draft.pitch_in_thanks", _THANKS),
        )
        if pattern.search(norm[s:e])
    ]
    if not anchors:
        return None
    hits = _all_hits(norm)
    pivots = [h for h in hits if h.rule.rule == "pitch.pivot"]
    signals = [h for h in hits if h.rule.rule in _SALES_SIGNALS and h.rule.strong]
    for index, rule in anchors:
        a_start, a_end = spans[index]
        anchor_end = a_end
        match = (_CONGRATS if rule == "draft.ask_in_congrats" else _THANKS).search(
            norm[a_start:a_end]
        )
        if match:
            anchor_end = a_start + match.end()
        found = []
        for hit in signals:
            if hit.match.start() < anchor_end:
                continue
            s, e = spans[hit.sentence]
            pivot = next(
                (p for p in pivots if max(s, anchor_end) <= p.match.start() < hit.match.start()),
                None,
            )
            if hit.sentence == index and pivot is None:
                continue  # the thanks itself mentions the product ("thanks for the demo")
            if pivot is None and not _SECOND_PERSON.search(norm[s:e]):
                continue  # "we'll add a free trial next month" talks to no one
            found.append((pivot.match.start() if pivot else s, e))
        if found:
            start = min(f[0] for f in found)
            end = max(f[1] for f in found)
            suggestion = (
                _CONGRATS_SUGGESTION if rule == "draft.ask_in_congrats" else _THANKS_SUGGESTION
            )
            return LintFlag(rule, own[start:end], start, end, _LINT_WHY[rule], suggestion)
    return None


RECIPROCITY_DRAFT_RULES = frozenset(
    {"draft.conditional_help", "draft.expectation", "draft.favour_ledger", "draft.guilt",
     "draft.trade"}
)  # fmt: skip
_PITCH_SUGGESTION = "If it would ever help to hear how we work, just ask — no pressure."


def _plain_pitch_flag(own: str, spans: list[tuple[int, int]], judged: Triage) -> LintFlag | None:
    """The sentences that carry the judged pitch evidence, from the first to the last."""
    found = [e for e in judged.evidence if e.rule.startswith(("pitch.", "model.pitch"))]
    if not found:
        return None
    first = spans[_sentence_of(spans, min(e.start for e in found))]
    last = spans[_sentence_of(spans, max(e.end for e in found) - 1)]
    start, end = first[0], max(first[1], last[1])
    return LintFlag("draft.pitch", own[start:end], start, end, _LINT_WHY["draft.pitch"],
                    _PITCH_SUGGESTION)  # fmt: skip


def draft_flags(
    text: str, judged: Triage, *, silenced: frozenset[str] = frozenset()
) -> list[LintFlag]:
    """What in my draft carries the judged verdict (``agenda_model.decide``, the same
    judgement as for mail that arrives), each flag with a gentler wording, in text order.
    Offsets index into ``own_words(text)``; a flag spans whole sentences (a pitch in a
    thank-you or congratulations: from the pivot or the first selling sentence). Rules in
    ``silenced`` are skipped."""
    if judged.verdict not in {RECIPROCITY, PITCH, UNSURE}:
        return []
    own = own_words(text)[:READ_AT_MOST]
    norm = _normalise(own)
    spans = _sentences(norm)
    flags = _reciprocity_flags(own, norm, spans) if judged.verdict == RECIPROCITY else []
    if judged.verdict == RECIPROCITY and not flags:
        # The model's reading, no rule: flag the sentences that carry it.
        flags = [
            LintFlag(
                "draft.trade", e.text, e.start, e.end, _LINT_WHY["draft.trade"], _TRADE_SUGGESTION
            )
            for e in judged.evidence
        ]
    pitch = _pitch_flag(own, norm, spans)
    if pitch is None and not flags:
        pitch = _plain_pitch_flag(own, spans, judged)
    if pitch is not None and not any(f.start < pitch.end and pitch.start < f.end for f in flags):
        flags.append(pitch)
    return sorted((f for f in flags if f.rule not in silenced), key=lambda f: f.start)
