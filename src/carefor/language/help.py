"""Help in what someone wrote: who helped whom, with what. Pure, no Django, all local.

carefor proposes each act of help it finds for one-click confirmation, so the user can
remember it, thank, follow up on how it turned out and pay it forward. It never adds help
up: there is no balance and no "who owes whom" here, and sentences that talk in those
terms ("you owe me one", "return the favour") are left alone entirely.

A text is read *as written by its author*; the caller knows whether that is the user or
the other person. Each finding says who helped whom relative to the author:

* ``to_author``: the addressee (or a person named in a thank-you) helped the author —
  "Thank you for the introduction to Marcus", "Your advice on pricing was spot on".
* ``from_author``: the author helped someone, past tense only — "I introduced her to
  Dana", "Glad I could help with the pitch deck".
* ``third_party``: someone named (or "he"/"she"/"they") helped the author — in my note,
  "Marcus introduced me to Dana".

Precision first: a wrong proposal costs the user a click, a missed one costs nothing.
So whole sentences are skipped when they are questions, conditional ("if", "unless"),
thanks in advance, score-keeping or marketing; a match is dropped when its clause is
negated or modal before it ("he didn't…", "I'd be grateful for an intro"); reported help
is only the past tense of a verb whose subject and object are people, so offers and
promises ("I'll introduce you to Dana") never match; and generic thanks ("thanks for your
email", "thank you for your time and consideration") are not help because every help
rule needs a help noun or a help verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from carefor.language.asks import own_words
from carefor.language.sentences import split_sentences

HELP_KINDS = (
    "advice",
    "introduction",
    "referral",
    "mentorship",
    "promotion",
    "candidate",
    "work",
    "time",
    "other",
)
TO_AUTHOR, FROM_AUTHOR, THIRD_PARTY = "to_author", "from_author", "third_party"


@dataclass(frozen=True)
class HelpFinding:
    direction: str  # TO_AUTHOR, FROM_AUTHOR or THIRD_PARTY (see the module docstring)
    kind: str  # one of HELP_KINDS
    what: str  # short: "Introduction to Marcus", "Advice on the pricing page"
    sentence: str  # the sentence, exactly as split
    helper: str  # a capitalised name when the text names the helper, else ""
    beneficiary: str  # a capitalised name when the text names who was helped, else ""
    outcome: str  # "got the job", "we closed the round", … in this or the next sentence
    thanks: bool  # the sentence thanks someone
    rule: str  # the rule id, e.g. "help.thanks.introduction"


# --- Vocabulary -----------------------------------------------------------------------

# Capitalised words that start sentences or name no one; never a helper or a beneficiary.
_NOT_NAMES = (
    "The|This|That|These|Those|Then|So|And|But|Also|Yesterday|Today|Tonight|Last|Thanks|"
    "Thank|My|Our|Your|His|Her|Their|It|We|You|He|She|They|Glad|Happy|Just|Finally|"
    "Luckily|Recently|Honestly|Anyway|Hi|Hey|Dear|Hello|Great|Good|Oh|Well|Not|Never|If|"
    "When|After|Before|Since|Because|Sadly|Unfortunately|Fortunately|Btw|Plus|Sure|Yes|No|"
    "Ok|Okay|Again|Still|Both|Everyone|Someone|Somebody|Nobody|Everybody|Who|What|Why|How|"
    "Where|Many|Huge|Big|Much|Really|Once|Even|Earlier|Monday|Tuesday|Wednesday|Thursday|"
    "Friday|Saturday|Sunday|Note|Notes|Met|Call|Coffee|Lunch|Update|Re|Fwd|Ps"
)
# A person's name, case-sensitive inside a case-insensitive pattern: "Marcus", "Marcus Lee".
_NAME = (
    rf"(?-i:(?!(?:{_NOT_NAMES})\b)[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"
    rf"(?:\s(?!(?:{_NOT_NAMES})\b)[A-Z][a-z]+)?)"
)
_WHO = rf"(?:i|we|you|he|she|they|{_NAME})"  # the subject of a reported act of help
_PERSON = rf"(?:me|us|you\s+(?:two|both)|you|him|her|them|the\s+two\s+of\s+(?:us|you|them)|{_NAME})"
_GROUP = r"(?:us|you\s+(?:two|both)|them|the\s+two\s+of\s+(?:us|you|them))"
_POSS = rf"(?:my|our|your|his|her|their|{_NAME}'s)"
# Adverbs and perfect auxiliaries between a subject and its past-tense verb; no modals,
# no negation, so "I'll introduce", "could have introduced", "never introduced" fail.
_AUX = (
    r"(?:\s+(?:also|just|kindly|generously|graciously|finally|already|actually|personally|"
    r"recently|once|even|then|very|so|really|has|have|had|'ve))*"
)
# The rest of a clause, trimmed by _topic(); "Dr. Okafor" does not end it.
_X = r"(?P<x>(?:(?:dr|mr|mrs|ms|prof|st)\.\s|[^.!?;:()\"]){1,160})"
_ADJ = (
    r"(?:(?:kind|generous|warm|great|quick|thoughtful|wonderful|helpful|amazing|fantastic|"
    r"lovely|excellent|invaluable|brilliant|honest|candid|sound|wise|timely|incredible|"
    r"useful|detailed|awesome|terrific|superb|valuable|good|solid|fabulous|very|really|super|"
    r"so|such|a|an|personal|thorough|practical|fast|perfect|many|constant|ongoing|continued|"
    r"patient|careful|frank|smart|expert|extra|much-needed|much|needed)\s+)*"
)
_DET = r"(?:(?:all\s+)?(?:the|your|that|this|those|these|such\s+an?|an?|you)\s+)?"
# "Thanks so much, Marcus, for", "many thanks for", "I'm grateful for", "I appreciate".
_THANKS_LEAD = (
    r"(?:\b(?:many\s+|huge\s+|big\s+|a\s+big\s+)?(?:thanks|thank\s+(?:you|u)|thx)\b"
    r"(?:\s+(?:so|very|much|a\s+lot|a\s+million|a\s+bunch|a\s+ton|again|once\s+again|both|"
    rf"all|heaps|loads|ever\s+so|enough)\b)*(?:\s*,?\s*(?P<to>to\s+)?(?P<voc>{_NAME})\s*,?)?\s+for"
    r"|\b(?:grateful|thankful)\s+(?:to\s+you\s+)?for"
    r"|\bappreciated?)\s+"
    # "Thanks for your email and the intro to Marcus": the help may come second.
    r"(?:[^.!?;]{0,80}?\s(?:and|as\s+well\s+as|plus)\s+)?"
)
_NOUN_KIND = {
    "intro": "introduction",
    "intros": "introduction",
    "e-intro": "introduction",
    "eintro": "introduction",
    "introduction": "introduction",
    "introductions": "introduction",
    "referral": "referral",
    "referrals": "referral",
    "reference": "referral",
    "advice": "advice",
    "tips": "advice",
    "pointers": "advice",
    "feedback": "advice",
    "recommendation": "advice",
    "recommendations": "advice",
    "mentoring": "mentorship",
    "mentorship": "mentorship",
    "guidance": "mentorship",
    "coaching": "mentorship",
    "shout-out": "promotion",
    "shoutout": "promotion",
    "shout out": "promotion",
    "endorsement": "promotion",
    "plug": "promotion",
    "help": "other",
    "support": "other",
}
_NOUNS = (
    r"(?:e-?intros?|intros?|introductions?|referrals?|reference|advice|tips|pointers|feedback"
    r"|recommendations?|mentoring|mentorship|guidance|coaching|shout[- ]?out|endorsement|plug"
    r"|help|support)"
)
_PROMOTABLE = (
    r"(?:post|talk|article|book|launch|podcast|newsletter|company|product|startup|course|"
    r"event|video|paper|essay|piece|thread|work|app|show|exhibition|campaign|fundraiser|"
    r"album|site|website|blog|project|job\s+posting|opening|workshop)s?"
)
_CV = r"(?:cv|resume|résumé|portfolio|profile|application|details)"


@dataclass(frozen=True)
class _Rule:
    """One way of saying help. The first pattern that matches (unguarded) wins.

    ``direction`` is fixed, "thanks" (to the addressee, or to a name after "thanks to"),
    or "svo": taken from the ``subj`` and ``obj`` groups (``obj`` absent means me).
    ``kind`` "" means: from the help noun in the ``noun`` group.
    ``what`` is a template over ``{x}`` (the trimmed topic) used when ``x`` matched,
    else ``bare``. ``needs_outcome``: only a proposal when an outcome is stated.
    """

    id: str
    kind: str
    direction: str
    patterns: tuple[re.Pattern[str], ...]
    what: str
    bare: str
    needs_outcome: bool = False
    prep: str = "to"  # ``{prep}`` in ``what`` when the pattern has no ``prep`` group


def _p(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


def _did(*verb_phrases: str) -> tuple[re.Pattern[str], ...]:
    """Reported help: a subject, adverbs/auxiliaries, then one past-tense verb phrase."""
    return _p(*(rf"(?<![\w'])(?P<subj>{_WHO}){_AUX}\s+{phrase}" for phrase in verb_phrases))


def _thanks(*bodies: str) -> tuple[re.Pattern[str], ...]:
    """A thank-you: the lead, a determiner and adjectives, then what was done."""
    return _p(*(rf"{_THANKS_LEAD}{_DET}{_ADJ}{body}" for body in bodies))


_RULES: tuple[_Rule, ...] = (
    # --- Thanks (the addressee helped the author) --------------------------------------
    _Rule(
        "help.thanks.introduction",
        "introduction",
        "thanks",
        _thanks(
            # Not "the intro call" (a sales call) nor "the intro offer".
            rf"(?:e-?intros?|intros?|introductions?)\b(?!\s*(?:call|offer|request|meeting|"
            rf"email\s+template|price|rate|pack|session)s?\b)(?:\s+(?:to|with)\s+{_X})?",
            rf"(?:introducing|connecting)\s+(?:me|us)\s+(?:to|with|and)\s+{_X}",
            r"introducing\s+us\b",
            rf"putting\s+(?:me|us)\s+in\s+touch\s+with\s+{_X}",
            rf"making\s+the\s+(?:intro|introduction|connection)(?:\s+(?:to|with)\s+{_X})?",
        ),
        "Introduction to {x}",
        "Introduction",
    ),
    _Rule(
        "help.thanks.referral",
        "referral",
        "thanks",
        _thanks(
            rf"(?:referrals?|reference)\b(?!\s+(?:code|link|bonus|program|programme|fee)s?\b)"
            rf"(?:\s+(?P<prep>to|for|with|at)\s+{_X})?",
            rf"(?:referring|recommending)\s+(?:me|us)(?:\s+(?P<prep>to|for)\s+{_X})?",
            r"(?:vouching\s+for\s+(?:me|us)|being\s+(?:a|my|our)\s+reference)",
            rf"putting\s+in\s+a\s+good\s+word(?:\s+for\s+(?:me|us))?(?:\s+with\s+{_X})?",
        ),
        "Referral {prep} {x}",
        "Referral",
    ),
    _Rule(
        "help.thanks.candidate",
        "candidate",
        "thanks",
        _thanks(
            rf"putting\s+(?:me|us|my\s+name)\s+forward(?:\s+for\s+{_X})?",
            rf"nominating\s+(?:me|us)(?:\s+for\s+{_X})?",
        ),
        "Put forward for {x}",
        "Put forward as a candidate",
    ),
    _Rule(
        "help.thanks.cv",
        "candidate",
        "thanks",
        _thanks(
            rf"(?:passing|sending|forwarding|sharing)\s+(?:on\s+)?(?:my|our)\s+{_CV}"
            rf"(?:\s+(?:on\s+)?to\s+{_X})?",
        ),
        "CV passed to {x}",
        "CV passed on",
    ),
    _Rule(
        "help.thanks.advice",
        "advice",
        "thanks",
        _thanks(
            rf"(?:advice|tips|pointers|recommendations?)\b(?!\s+letter)"
            rf"(?:\s+(?:on|about|for|regarding|around|re)\s+{_X})?",
        ),
        "Advice on {x}",
        "Advice",
    ),
    _Rule(
        # Feedback, thoughts and input alone are too often a form reply; need a topic.
        "help.thanks.feedback",
        "advice",
        "thanks",
        _thanks(
            rf"(?:feedback|input|thoughts|insights?|perspective|notes|comments)\s+"
            rf"(?:on|about|regarding)\s+{_X}"
        ),
        "Feedback on {x}",
        "Feedback",
    ),
    _Rule(
        "help.thanks.review",
        "advice",
        "thanks",
        _thanks(
            r"(?:looking\s+over|reviewing|reading\s+(?:through|over)|going\s+(?:through|over)"
            r"|critiquing|proofreading)\s+(?P<x>(?:my|our)\s+[^.!?;:()\"]{1,120})"
        ),
        "Review of {x}",
        "Review",
    ),
    _Rule(
        "help.thanks.mentorship",
        "mentorship",
        "thanks",
        _thanks(
            rf"(?:mentoring|mentorship|guidance|coaching)\b"
            rf"(?:\s+(?P<prep>on|through|with)\s+{_X})?",
            r"being\s+(?:my|our|a|such\s+an?)\s+(?:\w+\s+)?mentor\b",
        ),
        "Mentorship {prep} {x}",
        "Mentorship",
    ),
    _Rule(
        "help.thanks.promotion",
        "promotion",
        "thanks",
        _thanks(
            r"(?:linkedin\s+recommendation|shout[- ]?out|plug|endorsement|mention|retweet|"
            r"repost|boost)\b(?!\s+(?:code|offer)\b)",
            rf"(?:sharing|promoting|boosting|amplifying|retweeting|reposting|plugging|featuring"
            rf"|mentioning|recommending)\s+(?P<x>(?:my|our)\s+(?:[\w-]+\s+){{0,2}}"
            rf"{_PROMOTABLE})\b",
            r"(?:featuring|endorsing|mentioning)\s+(?:me|us)\b",
        ),
        "Promotion of {x}",
        "Promotion",
    ),
    _Rule(
        # "Thank you for your time" alone closes every cover letter; a meeting does not.
        "help.thanks.time",
        "time",
        "thanks",
        _thanks(
            r"time\s+(?:yesterday|today|this\s+(?:morning|afternoon|evening|week)|last\s+\w+"
            r"|earlier|on\s+(?:the|our)\s+(?:call|phone|zoom)|over\s+coffee|"
            r"on\s+\w+day|at\s+lunch)\b",
            rf"(?:taking|making|finding|carving\s+out)\s+(?:the\s+|some\s+)?time\s+(?:out\s+)?"
            rf"to\s+(?:meet|talk|chat|speak|sit\s+down|walk|go\s+through|go\s+over|look|review|"
            rf"help|explain|show|advise|mentor|call|have\s+coffee|grab\s+coffee|jump\s+on)\b"
            rf"(?:\s+(?:with\s+)?(?:me|us))?(?:\s+(?:on|about|through|over|at)\s+{_X})?",
            rf"spending\s+(?:[\w-]+\s+){{0,3}}?with\s+(?:me|us)(?:\s+(?:on|about|going\s+"
            rf"through)\s+{_X})?",
        ),
        "Time on {x}",
        "Time",
    ),
    _Rule(
        "help.thanks.work",
        "work",
        "thanks",
        _thanks(
            rf"hiring\s+(?:me|us)(?:\s+(?P<prep>for|as|on|to)\s+{_X})?",
            rf"bringing\s+(?:me|us)\s+(?:in|on(?:\s+board)?)"
            rf"(?:\s+(?P<prep>for|as|on|to)\s+{_X})?",
            r"(?:sending|throwing|passing|steering)\s+(?:[\w-]+\s+){0,2}?(?:work|business|"
            r"clients?|projects?|leads?|customers?)\s+(?:my|our)\s+way",
        ),
        "Work {prep} {x}",
        "Work",
        prep="on",
    ),
    _Rule(
        "help.thanks.other",
        "other",
        "thanks",
        _thanks(
            rf"help\s+(?P<prep>with|on)\s+{_X}",
            rf"helping\s+(?:me|us)(?:\s+out)?\s+(?P<prep>with|on|through)\s+{_X}",
            r"helping\s+(?:me|us)(?:\s+out)?\s+(?:to\s+)?(?P<x>(?:get|find|prepare|prep|move|"
            r"fix|land|figure|write|build|understand)\b[^.!?;:()\"]{0,120})",
            rf"lending\s+(?:me\s+|us\s+)?a\s+hand\s+(?P<prep>with)\s+{_X}",
        ),
        "Help {prep} {x}",
        "Help",
    ),
    # --- Credit: "thanks to your referral I got the job" ------------------------------
    _Rule(
        "help.credit.noun",
        "",
        "svo",
        _p(
            rf"\bthanks\s+to\s+(?P<subj>your|{_NAME}'s)\s+{_ADJ}(?P<noun>{_NOUNS})\b"
            rf"(?:\s+(?:to|on|with|about|for)\s+{_X})?"
        ),
        "{noun} {x}",
        "{noun}",
    ),
    _Rule(
        # "Thanks to you all for coming" is a thank-you to a room, not credit for help.
        "help.credit.person",
        "other",
        "svo",
        _p(
            rf"\bthanks\s+to\s+(?P<subj>you|{_NAME})\b(?!'s|\s+(?:all|both|too|guys|for|"
            rf"again|everyone)\b)"
        ),
        "Help",
        "Help",
        needs_outcome=True,
    ),
    # --- Praise of help received: "Your advice on pricing was spot on" -----------------
    _Rule(
        "help.praise",
        "",
        "svo",
        _p(
            rf"(?:^|[\s,])(?P<subj>your|{_NAME}'s)\s+{_ADJ}(?P<noun>{_NOUNS})\b"
            rf"(?:\s+(?:on|about|to|with|for)\s+(?P<x>[^.!?;:,()\"]{{1,60}}?))?\s+"
            r"(?:(?:was|were|has\s+been|have\s+been|proved|turned\s+out\s+to\s+be|really|truly"
            r"|just)\s+)*(?:(?:so|really|absolutely|incredibly|hugely|very|just)\s+)?"
            r"(?:spot[- ]on|invaluable|(?:so\s+)?helpful|useful|gold|perfect|brilliant|"
            r"excellent|a\s+(?:huge\s+|big\s+|real\s+)?help|a\s+game[- ]changer|priceless|"
            r"exactly\s+what\s+i\s+needed|made\s+(?:all\s+the|a\s+huge|a\s+big|such\s+a|a\s+real)\s+"
            r"difference|paid\s+off|helped|worked|did\s+the\s+trick|led\s+to|got\s+me)\b"
        ),
        "{noun} {x}",
        "{noun}",
    ),
    # --- Reported help: "<subject> <past verb> <person> …" ----------------------------
    _Rule(
        "help.did.introduction",
        "introduction",
        "svo",
        _did(
            rf"(?:introduced|intro'?d|connected)\s+(?P<obj>{_PERSON})\s+(?:to|with|and)\s+{_X}",
            # Without a target only a pair: "introduced us"; "I introduced her" is a stage.
            rf"(?:introduced|intro'?d|connected)\s+(?P<obj>{_GROUP})\b",
            rf"put\s+(?P<obj>{_PERSON})\s+in\s+touch\s+with\s+{_X}",
        ),
        "Introduction to {x}",
        "Introduction",
    ),
    _Rule(
        "help.did.referral",
        "referral",
        "svo",
        _did(
            rf"(?:referred|recommended)\s+(?P<obj>{_PERSON})\s+(?P<prep>to|for)\s+{_X}",
            rf"vouched\s+for\s+(?P<obj>{_PERSON})\b(?:\s+(?:with|to|at)\s+{_X})?",
            rf"put\s+in\s+a\s+good\s+word\s+for\s+(?P<obj>{_PERSON})\b(?:\s+(?:with|at)\s+{_X})?",
        ),
        "Referral {prep} {x}",
        "Referral",
    ),
    _Rule(
        "help.did.cv",
        "candidate",
        "svo",
        _did(
            rf"(?:sent|passed|forwarded|shared|submitted)\s+(?:on\s+)?(?P<obj>{_POSS})\s+{_CV}"
            rf"\s+(?:on\s+)?to\s+{_X}",
        ),
        "CV passed to {x}",
        "CV passed on",
    ),
    _Rule(
        "help.did.candidate",
        "candidate",
        "svo",
        _did(
            rf"put\s+(?P<obj>{_PERSON})(?:'s\s+name)?\s+forward\s+(?:for|to)\s+{_X}",
            rf"nominated\s+(?P<obj>{_PERSON})\s+for\s+{_X}",
        ),
        "Put forward for {x}",
        "Put forward as a candidate",
    ),
    _Rule(
        "help.did.advice",
        "advice",
        "svo",
        _did(
            rf"gave\s+(?P<obj>{_PERSON})\s+(?:some\s+)?{_ADJ}(?:advice|feedback|pointers|tips|"
            rf"input)\b(?:\s+(?:on|about|for|regarding|around)\s+{_X})?",
            rf"advised\s+(?P<obj>{_PERSON})\s+(?:on|about)\s+{_X}",
        ),
        "Advice on {x}",
        "Advice",
    ),
    _Rule(
        "help.did.review",
        "advice",
        "svo",
        _did(
            rf"(?:reviewed|looked\s+over|read\s+through|went\s+(?:through|over)|critiqued|"
            rf"proofread)\s+(?P<x>(?P<obj>{_POSS})\s+[^.!?;:()\"]{{1,120}})"
        ),
        "Review of {x}",
        "Review",
    ),
    _Rule(
        "help.did.time",
        "time",
        "svo",
        _did(
            rf"spent\s+(?:[\w-]+\s+){{0,3}}?(?:hours?|minutes|afternoon|morning|evening|day|"
            rf"days|time|weekend|lunch)\s+with\s+(?P<obj>{_PERSON})"
            rf"(?:\s+(?:on|going\s+through|talking\s+through|working\s+on|walking\s+through|"
            rf"about|discussing)\s+{_X})?",
            rf"(?:took|made|found)\s+(?:the\s+|some\s+)?time\s+(?:out\s+)?to\s+(?:meet|talk|"
            rf"sit\s+down|walk|go\s+through|help|call)\s+(?:with\s+)?(?P<obj>{_PERSON})\b"
            rf"(?:\s+(?:on|about|through|with)\s+{_X})?",
        ),
        "Time on {x}",
        "Time",
    ),
    _Rule(
        "help.did.mentorship",
        "mentorship",
        "svo",
        _did(
            rf"(?:mentored|coached|been\s+mentoring|been\s+coaching)\s+(?P<obj>{_PERSON})\b"
            rf"(?:\s+(?P<prep>on|through|in|for)\s+{_X})?",
            rf"(?:been|was)\s+(?:such\s+)?an?\s+(?:\w+\s+)?mentor\s+(?:to|for)\s+"
            rf"(?P<obj>{_PERSON})\b",
            r"(?:been|was)\s+(?P<obj>my|our|your|his|her|their)\s+mentor\b",
        ),
        "Mentorship {prep} {x}",
        "Mentorship",
    ),
    _Rule(
        # Hiring someone is help when it happened to me; my own hires are business.
        "help.did.work",
        "work",
        "svo",
        _did(
            rf"(?:hired|contracted|retained|engaged)\s+(?P<obj>me|us)\b"
            rf"(?:\s+(?P<prep>to|for|as|on)\s+{_X})?",
            rf"brought\s+(?P<obj>me|us)\s+(?:in|on(?:\s+board)?)\b"
            rf"(?:\s+(?P<prep>to|for|as|on)\s+{_X})?",
            rf"(?:sent|threw|passed|steered)\s+(?:[\w-]+\s+){{0,2}}?(?:work|business|clients?|"
            rf"projects?|leads?|customers?)\s+(?P<obj>{_POSS})\s+way",
        ),
        "Work {prep} {x}",
        "Work",
        prep="on",
    ),
    _Rule(
        "help.did.gave_work",
        "work",
        "svo",
        _did(
            rf"(?:gave|offered|awarded)\s+(?P<obj>{_PERSON})\s+(?P<x>(?:(?:the|a|an|their|his|"
            rf"her|our|my|some|that|this)\s+)?(?:[\w-]+\s+){{0,2}}?(?:contract|project|gig|job|"
            rf"work|retainer|engagement)\b[^.!?;:()\"]{{0,80}})",
        ),
        "Work: {x}",
        "Work",
    ),
    _Rule(
        "help.did.promotion",
        "promotion",
        "svo",
        _did(
            rf"(?:promoted|shared|boosted|amplified|retweeted|reposted|plugged|featured|"
            rf"recommended|endorsed)\s+(?P<x>(?P<obj>{_POSS})\s+"
            rf"(?:[\w-]+\s+){{0,2}}{_PROMOTABLE})\b",
            rf"gave\s+(?P<obj>{_PERSON})\s+a\s+(?:\w+\s+)?shout[- ]?out\b",
            rf"(?:featured|endorsed)\s+(?P<obj>{_PERSON})\b(?:\s+(?:in|on|for)\s+{_X})?",
        ),
        "Promotion of {x}",
        "Promotion",
    ),
    _Rule(
        "help.did.other",
        "other",
        "svo",
        _did(
            rf"helped\s+(?P<obj>{_PERSON})(?:\s+out)?\s+(?P<prep>with|on|through)\s+{_X}",
            rf"helped\s+(?P<obj>{_PERSON})(?:\s+out)?\s+(?:to\s+)?(?P<x>(?:get|find|prepare|"
            rf"prep|move|fix|land|figure|write|build|understand)\b[^.!?;:()\"]{{0,120}})",
            rf"helped\s+(?P<obj>{_PERSON})\s+out\b",
        ),
        "Help {prep} {x}",
        "Help",
    ),
    # --- Help I gave, said in reply to thanks: "Glad I could help with the deck" ------
    _Rule(
        "help.glad",
        "other",
        FROM_AUTHOR,
        _p(
            r"\b(?:glad|happy|pleased|delighted|thrilled)\s+(?:that\s+)?(?:i|we)\s+(?:could|"
            r"was\s+able\s+to|were\s+able\s+to|got\s+to|managed\s+to)\s+help(?:\s+out)?"
            rf"(?:\s+(?:with|on)\s+{_X})?",
            rf"\b(?:glad|happy|pleased)\s+to\s+have\s+helped(?:\s+(?:with|on)\s+{_X})?",
            r"\b(?:glad|happy|pleased|delighted)\s+(?:that\s+)?(?:it|that|this)\s+helped\b",
        ),
        "Help with {x}",
        "Help",
    ),
    _Rule(
        "help.glad.noun",
        "",
        FROM_AUTHOR,
        _p(
            rf"\b(?:glad|happy|pleased|delighted|thrilled)\s+(?:that\s+)?(?:the|my|our)\s+"
            rf"(?P<noun>{_NOUNS})\b(?:\s+(?:to|on|with|about|for)\s+(?P<x>[^.!?;:,()\"]{{1,60}}?))?"
            r"\s+(?:helped|worked(?:\s+out)?|was\s+(?:useful|helpful|of\s+use)|paid\s+off|went"
            r"\s+well|did\s+the\s+trick|led\s+to|turned\s+into)\b"
        ),
        "{noun} {x}",
        "{noun}",
    ),
)

# What a noun-kind finding is called in ``what``: "{noun} {x}" -> "Advice on pricing".
_KIND_WHAT = {
    "introduction": ("Introduction to {x}", "Introduction"),
    "referral": ("Referral to {x}", "Referral"),
    "advice": ("Advice on {x}", "Advice"),
    "mentorship": ("Mentorship on {x}", "Mentorship"),
    "promotion": ("Promotion of {x}", "Promotion"),
    "other": ("Help with {x}", "Help"),
}

# --- Guards -------------------------------------------------------------------------

_QUESTION = re.compile(r"\?")
# Whole texts from a machine: a referral programme's "Thanks for the referral!" is not help.
_AUTOMATED = re.compile(
    r"\b(?:unsubscribe|promo\s+code|referral\s+(?:code|link|bonus|program|programme|reward)s?"
    r"|you'?ve\s+earned|view\s+(?:this\s+email\s+)?in\s+(?:your\s+)?browser"
    r"|manage\s+(?:your\s+)?(?:email\s+)?preferences|do\s+not\s+reply\s+to\s+this)\b",
    re.IGNORECASE,
)
# Conditional, in advance, or offered: nothing has happened yet.
_NOT_YET = re.compile(
    r"\b(?:if|unless|whether|in\s+advance|ahead\s+of\s+time|hypothetically|in\s+case|"
    r"offer(?:ing|ed)?\s+to|agree(?:ing|d)?\s+to|willing\s+to)\b",
    re.IGNORECASE,
)
# Score-keeping: a ledger of favours is not something carefor records, even as thanks.
_SCORE_KEEPING = re.compile(
    r"\b(?:owe[sd]?|owing|in\s+return|return\s+the\s+fav(?:ou)?r|repay|pay\s+(?:me|you|him|"
    r"her|them)\s+back|quid\s+pro\s+quo|(?:we'?re|we\s+are|call\s+it)\s+even|keep(?:ing)?\s+"
    r"score|scorecard|tit\s+for\s+tat|fav(?:ou)?r\s+bank|ledger|balance|your\s+turn)\b",
    re.IGNORECASE,
)
# Automated mail: referral programmes, purchases, subscriptions.
_MARKETING = re.compile(
    r"(?:\b(?:purchase|subscrib\w*|discount|reward|bonus|coupon|promo\s+code|"
    r"cashback|voucher|gift\s+card|your\s+account|unsubscribe|customers?\s+like\s+you)"
    r"\b|[$€£]\s?\d)",
    re.IGNORECASE,
)
# Before a match, within its clause: modality (a wish or an offer) or negation.
_MODAL_OR_NEGATED = re.compile(
    r"\b(?:would|could|can|might|may|should|will|shall|going\s+to|gonna|hope|hoping|please"
    r"|not|never|no|nobody|neither|nor|without"
    # Reported or relayed words: "tell Marcus thanks for the intro", "she said he…".
    r"|tell|told|say|said|says|saying|pass\s+on|passed\s+on|ask|asked|heard|apparently)\b"
    r"|n't\b|'ll\b|'d\b",
    re.IGNORECASE,
)
# Polite forms that look modal or negated but thank: "I'd like to thank you",
# "I can't thank you enough".
_POLITE_LEAD = re.compile(
    r"(?:(?:'d|\bwould)\s+(?:just\s+|also\s+)?like\s+to(?:\s+say)?|\b(?:can'?t|cannot))\s+$",
    re.IGNORECASE,
)
# Topics that name nothing: "thank you for your help with this matter" is a form letter.
_EMPTY_TOPICS = frozenset(
    {
        "this", "that", "it", "this matter", "that matter", "the matter", "this issue",
        "everything", "all this", "all of this", "the above", "this request", "your request",
        "my request", "my question", "my questions", "this one", "things",
    }
)  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013]|\s-\s")

_OUTCOMES = re.compile(
    r"\b(?P<o>(?:got|landed|received|accepted|secured|won)\s+(?:the|an|a|my|our|that|this|"
    r"their|her|his)\s+(?:[\w-]+\s+)?(?:job|offer|role|position|interview|gig|internship|"
    r"contract|deal|client|customer|account|grant|funding|place|spot|promotion|seat)s?"
    r"|(?:got|was|were|been|get)\s+(?:hired|promoted|accepted|funded)"
    r"|(?:(?:we|they)\s+(?:just\s+|finally\s+)?)?(?:closed|signed|raised|completed)\s+(?:the|our|"
    r"a|an|their|that)\s+(?:[\w-]+\s+){0,2}?(?:round|deal|contract|seed|series\s+[a-d]|"
    r"funding|partnership|lease|sale)"
    r"|(?:we|they|i|he|she)\s+(?:just\s+|finally\s+|ended\s+up\s+)?hired\s+(?:her|him|them|"
    rf"{_NAME})"
    r"|(?:it|that|which)\s+(?:really\s+)?(?:worked(?:\s+out)?|paid\s+off|did\s+the\s+trick))\b",
    re.IGNORECASE,
)
_THANKS_ANY = re.compile(
    r"\b(?:thanks|thank\s+(?:you|u)|thx|grateful|thankful|appreciated?|appreciates)\b",
    re.IGNORECASE,
)
# A topic ends at a clause break, a conjunction that starts a new clause, or a time phrase.
_TOPIC_END = re.compile(
    r"\s*(?:,|\u2014|\u2013|\s-\s|\s+(?:and\s+(?:the|your|for|i|we|my|also|he|she|they|it|"
    r"then|thanks|that|this|now|got|landed)|but|so|because|since|which|who|when|after|before|"
    r"yesterday|today|tonight|last|this\s+(?:morning|afternoon|evening|week|month|year)|"
    r"earlier|recently|back\s+in|over\s+coffee|at\s+the|during|as\s+well|too|again|already|"
    r"i|we|it|and\s+i|and\s+we|and\s+it|for\s+me|with\s+me|for\s+us|with\s+us)\b)",
    re.IGNORECASE,
)
_ME = frozenset({"i", "we", "me", "us", "my", "our", "the two of us"})
_YOU = frozenset({"you", "your", "you two", "you both", "the two of you"})
_MAX_TOPIC_WORDS = 8
_PRONOUNS = frozenset(
    {"he", "she", "they", "him", "her", "them", "his", "their", "the two of them"}
)


def _normalise(text: str) -> str:
    """Same length, one apostrophe: phones type a curly quote, the rules a straight one."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _sentence_skipped(sentence: str) -> bool:
    """Questions, things not yet done, score-keeping and marketing: no help proposed."""
    return bool(
        _QUESTION.search(sentence)
        or _NOT_YET.search(sentence)
        or _SCORE_KEEPING.search(sentence)
        or _MARKETING.search(sentence)
    )


def _guarded(sentence: str, start: int) -> bool:
    """A modal, a negation or reported speech earlier in the match's own clause:
    "I'd be grateful for an intro", "he never introduced me", "tell Marcus thanks for…".
    Only the clause counts, so "I'm late, but thanks for the intro" still thanks."""
    prefix = _POLITE_LEAD.sub("", sentence[:start])
    breaks = list(_CLAUSE_BREAK.finditer(prefix))
    clause = prefix[breaks[-1].end() :] if breaks else prefix
    return bool(_MODAL_OR_NEGATED.search(clause))


def _topic(raw: str | None) -> str:
    """The short object of the help: "Marcus" from "Marcus last week, he was great"."""
    if not raw:
        return ""
    end = _TOPIC_END.search(raw)
    text = raw[: end.start()] if end else raw
    words = text.split()[:_MAX_TOPIC_WORDS]
    return " ".join(words).strip(" '\"-")


def _role(word: str) -> tuple[str, str]:
    """("me" | "you" | "other", name): whom a subject or object refers to."""
    text = " ".join(word.split())
    lowered = text.lower()
    if lowered in _ME:
        return "me", ""
    if lowered in _YOU:
        return "you", ""
    name = text[:-2] if text.endswith("'s") else text
    return "other", name if name[:1].isupper() and name.lower() not in _PRONOUNS else ""


def _direction(rule: _Rule, match: re.Match[str]) -> tuple[str, str, str] | None:
    """(direction, helper, beneficiary), or None when the author is not part of it."""
    groups = match.groupdict()
    if rule.direction == "thanks":
        helper = groups.get("voc") or ""
        return (THIRD_PARTY if groups.get("to") else TO_AUTHOR), helper, ""
    if rule.direction != "svo":
        return rule.direction, "", ""
    subject, helper = _role(groups["subj"])
    obj, beneficiary = _role(groups["obj"]) if groups.get("obj") else ("me", "")
    if subject == "me" and obj != "me":
        return FROM_AUTHOR, "", beneficiary
    if subject == "you" and obj == "me":
        return TO_AUTHOR, "", ""
    if subject == "other" and obj == "me":
        return THIRD_PARTY, helper, ""
    return None  # e.g. "Marcus introduced you to Dana": help between others


def _kind_and_what(rule: _Rule, match: re.Match[str]) -> tuple[str, str] | None:
    """(kind, what), or None when the help's topic names nothing ("with this matter")."""
    topic = _topic(match.groupdict().get("x"))
    if topic.lower() in _EMPTY_TOPICS:
        return None
    kind, what, bare = rule.kind, rule.what, rule.bare
    if not kind:
        kind = _NOUN_KIND[" ".join(match.group("noun").lower().split())]
        what, bare = _KIND_WHAT.get(kind, ("Help with {x}", "Help"))
    prep = (match.groupdict().get("prep") or rule.prep).lower()
    text = what.format(x=topic, prep=prep) if topic else bare
    return kind, text[:1].upper() + text[1:]


def _outcome(sentence: str, following: str) -> str:
    """An outcome stated in the sentence, or else in the next one (if that one is neither
    a question nor conditional, and the outcome is not negated)."""
    for text in (sentence, following):
        if not text or _QUESTION.search(text) or _NOT_YET.search(text):
            continue
        for match in _OUTCOMES.finditer(text):
            if not _guarded(text, match.start()):
                found = " ".join(match.group("o").split())
                return found[:1].lower() + found[1:]
    return ""


def _first_match(rule: _Rule, sentence: str) -> re.Match[str] | None:
    for pattern in rule.patterns:
        for match in pattern.finditer(sentence):
            if not _guarded(sentence, match.start()):
                return match
    return None


def _findings_in(sentence: str, original: str, following: str) -> list[HelpFinding]:
    findings: list[HelpFinding] = []
    seen: set[tuple[str, str]] = set()
    for rule in _RULES:
        match = _first_match(rule, sentence)
        if match is None:
            continue
        resolved = _direction(rule, match)
        if resolved is None:
            continue
        direction, helper, beneficiary = resolved
        described = _kind_and_what(rule, match)
        if described is None:
            continue
        kind, what = described
        if (direction, kind) in seen:
            continue  # one finding per kind and direction in a sentence
        outcome = _outcome(sentence, following)
        if rule.needs_outcome and not outcome:
            continue
        seen.add((direction, kind))
        findings.append(
            HelpFinding(
                direction=direction,
                kind=kind,
                what=what,
                sentence=original,
                helper=helper,
                beneficiary=beneficiary,
                outcome=outcome,
                thanks=bool(_THANKS_ANY.search(sentence)),
                rule=rule.id,
            )
        )
    return findings


def find_help(text: str) -> list[HelpFinding]:
    """Acts of help in the author's own words (quotes and signature dropped), in order."""
    words = own_words(text or "")
    if _AUTOMATED.search(_normalise(words)):
        return []
    sentences: Sequence[str] = split_sentences(words)
    findings: list[HelpFinding] = []
    for index, original in enumerate(sentences):
        sentence = _normalise(original)
        if _sentence_skipped(sentence):
            continue
        following = _normalise(sentences[index + 1]) if index + 1 < len(sentences) else ""
        findings.extend(_findings_in(sentence, original, following))
    return findings
