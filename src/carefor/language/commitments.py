"""Promises and requests in what someone wrote. Pure, no Django, all local.

A *promise* is the writer committing to do something ("I'll send you the deck by
Friday", "let me introduce you to Priya"); a *request* is the writer asking the reader
to do something, information included ("could you look over my CV?", "please
confirm"). Definitions and borderline cases: docs/labelling.md (after Lampert et al.).

The rules here are explainable evidence: each hit names its rule. Hedges ("I'll try"),
plans that commit to nothing for anyone ("I'll be in Boston next week"), reported speech
("she said she would") and the past tense are not promises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from carefor.language.asks import own_words
from carefor.language.dates import find_due
from carefor.language.sentences import split_sentences

PROMISE, REQUEST, NEITHER = "promise", "request", "neither"

_I_WILL = r"(?:i|we)\s*(?:'ll|\s+will|\s+shall|\s+am going to|\s+are going to|'m going to)"
_RULES: list[tuple[str, str, re.Pattern[str]]] = [
    # (rule id, label, pattern) — the first hit of each label is kept as evidence.
    (
        "promise.i-will",
        PROMISE,
        re.compile(rf"\b{_I_WILL}\s+(?!be\b|have to\b|need\b|try\b)\w+", re.I),
    ),
    ("promise.i-will-be-verbing", PROMISE, re.compile(rf"\b{_I_WILL}\s+be\s+\w+ing\b", re.I)),
    (
        "promise.let-me",
        PROMISE,
        re.compile(
            r"\blet me\s+(?!know\b)(send|introduce|connect|check|look|get|find|ask|share|put|"
            r"follow|draft|set|make|circle|dig|see|review|forward|loop|think|remove|fix|update"
            r"|change|add|drop|rework|resend|respin|rebase|test|clarify|rewrite|split|post)\b",
            re.I,
        ),
    ),
    (
        "promise.i-can",
        PROMISE,
        re.compile(
            r"\b(?:i|we)\s+can\s+(?:definitely\s+|certainly\s+)?(send|do|have|get|make|share|"
            r"introduce|review|call|meet|cover|take)\b[^?]*$",
            re.I,
        ),
    ),
    (
        "promise.you-will-have",
        PROMISE,
        # "You'll have it by Friday", not "you'll have heard" or "you'll have a new boss".
        re.compile(
            r"\byou(?:'ll| will) (?:hear from me|(?:have|get|receive) (?:it|them|this|that|"
            r"my|our|a copy|the [\w-]+(?: [\w-]+)? "
            r"(?:by|from me|before|tomorrow|tonight|today|on)\b))",
            re.I,
        ),
    ),
    (
        "promise.will-do",
        PROMISE,
        re.compile(r"^(?:\w+,\s*)?(?:will do|consider it done|count me in)\b", re.I),
    ),
    ("promise.explicit", PROMISE, re.compile(r"\bi (?:promise|commit) to\b", re.I)),
    (
        # Terse commitments without "I": "Will fix in v2.", "ok, will update this", "Can do."
        "promise.terse-will",
        PROMISE,
        re.compile(
            r"(?:^|[,;]\s+|\band\s+)(?:(?:ok(?:ay)?|sure|yes|yep|right|thanks|fair\s+enough|agreed"
            r"|good\s+(?:point|catch))[,.!]?\s+)?(?:will|can)\s+(?:definitely\s+|certainly\s+"
            r"|also\s+|happily\s+)?(?!be\b|you\b|it\b|this\b|that\b|they\b|there\b|we\b|he\b"
            r"|she\b|i\b|not\b|someone\b|anyone\b)(?:do|fix|update|change|add|drop|remove|send"
            r"|resend|respin|rebase|rework|test|check|address|split|rename|move|post|submit"
            r"|follow|take\s+(?:a\s+look|care\s+of|it|over)|look\s+(?:into|at)|have\s+a\s+look"
            r"|handle|clean|use|switch|try|queue|apply|pick|merge|write|document"
            r"|revert|squash|reword|improve|investigate|let\s+you\s+know)\b[^?]*$",
            re.I,
        ),
    ),
    ("promise.on-it", PROMISE, re.compile(r"\b(?:i'm|i am|we're|we are) on it\b", re.I)),
    (
        "request.could-you",
        REQUEST,
        re.compile(
            r"\b(could|can|would|will)\s+you\s+(?:please\s+|kindly\s+)?(?!believe\b|imagine\b)\w+",
            re.I,
        ),
    ),
    (
        "request.please",
        REQUEST,
        re.compile(
            r"(?:^|[,;]\s*|\b)please\s+"
            r"(?!find\b|see\b|note\b|excuse\b|forgive\b|don't hesitate\b)\w+",
            re.I,
        ),
    ),
    ("request.let-me-know", REQUEST, re.compile(r"\blet me know\b", re.I)),
    (
        "request.would-you-be-willing",
        REQUEST,
        re.compile(r"\bwould you (?:be (?:willing|able|open)|mind|consider)\b", re.I),
    ),
    (
        "request.appreciate",
        REQUEST,
        re.compile(
            r"\b(?:i'd|i would|we'd|we would) (?:appreciate|be grateful|love) (?:it )?if you\b",
            re.I,
        ),
    ),
    ("request.wondering", REQUEST, re.compile(r"\b(?:i was|i'm|i am) wondering if you\b", re.I)),
    (
        "request.is-it-possible",
        REQUEST,
        re.compile(r"\b(?:would|is) it (?:be )?possible (?:for you )?to\b", re.I),
    ),
    (
        "request.imperative",
        REQUEST,
        re.compile(
            r"^(?:(?:and|also|oh and|plus|then|so|now|but)\s*,?\s+)?(send|share|forward|confirm|"
            r"review|sign|call|email|ping|check|book|schedule|add|update|fill|complete|return|"
            r"submit|bring|tell|remind|pick|keep|leave|draft|ask|give(?! my (?:love|best|regards"
            r"|thanks))|reply|text|think|come|"
            r"make sure|water|choose|write|print|bring|read|prepare|wear|arrive|"
            r"talk to|get back to me|go ahead|put|drop|grab|find|remember to|hold off|stop by|"
            r"look at|look into|go into|let (?:her|him|them|us|everyone) know|try \w+ing"
            r"|consider(?! it done)|(?:just )?use(?! (?:code|promo|coupon|the code)\b)|split|rename"
            r"|move|fix|drop)\b"
            r"(?!\s+(?:you|thanks|goodness|god)\b)",
            re.I,
        ),
    ),
    (
        # A question about the shared work needs an answer: "Why not use mdiobus_write()?",
        # "Does enabling jumbo have a performance impact?". Social and rhetorical
        # questions do not ("How was the move?"): see _SOCIAL.
        "request.question",
        REQUEST,
        re.compile(r"\?[\s\"')\]:;(-]*(?:[:;]-?[)(DP])?\s*$"),
    ),
    (
        # Review shorthand: "Nit: another line here please", "Typo: 'in case of'", "s/a/b/".
        "request.nit",
        REQUEST,
        re.compile(r"^(?:nit|nitpick|typo|minor|style)\s*:|^s/[^/\s]+/[^/]*/", re.I),
    ),
    (
        # "…then let's simply remove the warning", "I'd say let's live with it"
        "request.then-lets",
        REQUEST,
        re.compile(r"\b(?:then|I'?d\s+say)\s+let'?s\s+(?!see\b|hope\b|not\b|say\b)\w+", re.I),
    ),
    (
        # "It would be good to describe the problem", "my preference would be that you…"
        "request.would-be-good",
        REQUEST,
        re.compile(
            r"^(?:[\w\s]{0,20}[,:-]\s*)?it\s+would\s+be\s+(?:good|better|nice|great|helpful|best"
            r"|preferable)\s+(?:to|if)\b(?![^.]*\b(?:probably|perhaps|maybe)\b)"
            r"|\bmy\s+preference\s+would\s+be\s+(?:that\s+you|for\s+you)\b|\bplease[.!]?\s*$",
            re.I,
        ),
    ),
    (
        # What the reader must do to the work: "You should check if mnp is NULL", "There
        # should be a #define", "You need to update the defconfig".
        "request.should",
        REQUEST,
        re.compile(
            r"^(?:so\s+|and\s+|also\s+|but\s+)?(?:you\s+(?:should|need\s+to|must|have\s+to)"
            # …and of the work, not a forecast ("this should take a week", "there should be
            # plenty of parking"): a change to make, or where something goes.
            r"|(?:this|that|there|these|those)\s+(?:should|must|needs?\s+to)\s+(?:be\s+(?:\w+ed\b"
            r"|a\s+(?:#\w+|separate|new|single|comment|helper|macro|function|check)\b|(?:in|before"
            r"|after|under|inside|outside|static|const|removed|dropped)\b)|go|use|check|return"
            r"|handle|call|include|live|move|come\s+(?:first|before|after))\b)\s*\S*",
            re.I,
        ),
    ),
    (
        "request.can-we",
        REQUEST,
        re.compile(
            r"\b(?:can|could|shall) we (?:meet|talk|chat|set up|schedule|hop on|find)\b|"
            r"^(?:\w+,\s*)?(?:so |and |also,? )?(?:can|could) we\b(?! have\b| ever\b)[^?]*\?",
            re.I,
        ),
    ),
    (
        # "Could someone volunteer…", "can everyone add…": the readers as a group.
        "request.could-anyone",
        REQUEST,
        re.compile(
            r"\b(?:could|can|would|will) (?:someone|somebody|anyone|anybody|everyone|"
            r"each of you|one of you|all of you|you all|y'all)\s+\w+",
            re.I,
        ),
    ),
    (
        # Permission: the writer cannot act until the reader decides.
        "request.can-i",
        REQUEST,
        re.compile(
            r"^(?:\w+,\s*)?(?:so |and |also,? )?(?:can|could|may) i\b(?! just say| say)[^?]*\?",
            re.I,
        ),
    ),
    (
        # Invitations and permission that wait on the reader: "Do you want to join us?"
        "request.do-you-want-to",
        REQUEST,
        re.compile(
            r"\b(?:do|would) you (?:want|like|care) to\b|\bdo you mind\b|"
            r"(?:^|,\s*)(?:you )?want to (?:join|come|grab|meet)\b",
            re.I,
        ),
    ),
    (
        # Proposals of a joint action: "How about meeting at 11:30?", "I suggest a call".
        "request.proposal",
        REQUEST,
        re.compile(
            r"^(?:\w+,?\s+)?(?:how|what) about (?:meeting|we\b|lunch|coffee|dinner|a call|"
            r"a quick|\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|"
            r"next)|\bi(?:'d| would)? (?:suggest|propose|recommend) (?:that )?(?:we|you|a|an"
            r"|\w+ing)\b|"
            r"^(?:\w+,\s*)?(?:also,?\s*)?we (?:need|have) to (?:discuss|talk|meet|sit down|"
            r"go over|decide|agree|get together)\b|"
            r"\b(?:i|we)(?:'d| would) (?:\w+ ){0,2}"
            r"(?:like|love|welcome the (?:chance|opportunity)) "
            r"to (?:meet|discuss|talk|speak|sit down|get together|set up|schedule)\b",
            re.I,
        ),
    ),
    (
        # Information about a shared task: "What's the status of…?", "Do you know if…?"
        "request.status",
        REQUEST,
        re.compile(
            r"\bwhat(?:'s| is) the (?:status|latest|eta|word) (?:of|on)\b|"
            r"^(?:\w+,\s*)?(?:also,?\s*)?do you (?:know (?:if|whether|when|who|where|how)|"
            r"have (?:the|a copy|an update))\b|"
            r"^(?:\w+,\s*)?(?:any )?(?:thoughts|feedback|comments|objections)\b[^.!]*\?",
            re.I,
        ),
    ),
    (
        "request.are-you-free",
        REQUEST,
        re.compile(
            r"\bare you (?:free|around|available|still (?:on|up|ok|okay|good|free|around))\b|"
            r"\bare we still (?:on|doing|good|ok|okay|meeting)\b",
            re.I,
        ),
    ),
    (
        "request.did-you-get",
        REQUEST,
        re.compile(
            r"\b(?:did|have) you (?:get|got|see|seen|receive|received|had|have) (?:a chance|my|"
            r"our|the (?:e-?mail|message|note|invite|invitation|file|document|contract|link|form|"
            r"package|parcel|attachment|deck|slides|draft|invoice|report|proposal|signed))\b|"
            r"\bhad a chance to\b",
            re.I,
        ),
    ),
    (
        # "I need your approval…", "I need the numbers by Monday" — not "I need to…".
        "request.need-you",
        REQUEST,
        re.compile(
            r"\b(?:i|we) (?:really |still |urgently )?need (?:you|your)\b|"
            r"\b(?:i|we) (?:really |still |urgently )?need (?:the|a|an)\b[^.?!]*?"
            r"\b(?:by|before|from you|from your)\b",
            re.I,
        ),
    ),
    (
        "request.your-view",
        REQUEST,
        re.compile(
            r"\b(?:i'd|i would|we'd|we would)\s+(?:\w+ly\s+|also\s+)?"
            r"(?:love|like|appreciate|welcome|value)\s+(?:your|comments|feedback|a reply|"
            r"an answer|a response)\b|\bgrateful for your\b",
            re.I,
        ),
    ),
    (
        # Performative: "I am writing to request…", "We kindly ask you to…".
        "request.performative",
        REQUEST,
        re.compile(
            r"\bwriting to (?:request|ask)\b|\brequest that you\b|"
            r"\b(?:kindly |would like to |'d like to )?"
            r"(?:ask|request|invite|urge|remind) you to\b|\bare (?:kindly )?(?:asked|requested|"
            r"reminded) to\b",
            re.I,
        ),
    ),
    (
        # Agentless instructions to the readers: "Children should bring a packed lunch".
        "request.instruction",
        REQUEST,
        re.compile(
            r"(?<!\bwe )(?<!\bi )(?<!\bit )(?<!\bthey )(?<!\bno )(?<!\bhe )(?<!\bshe )"
            r"\b(?:should|must|needs? to) (?:bring|park|wear|be attached|be submitted|"
            r"be returned|be signed|register|submit|display|attach|sign|reply|respond)\b|"
            r"\b(?:everyone|everybody|all staff|each of you|you all) (?:needs? to|should|must)\b",
            re.I,
        ),
    ),
    (
        "request.lets",
        REQUEST,
        re.compile(
            r"^(?:\w+,\s*)?(?:so |then |and |ok,? |okay,? |also,? )?let'?s\s+"
            r"(?!see\b|hope\b|not\b|say\b|just say\b|keep in touch\b|stay in touch\b|face it\b"
            r"|assume\b|be honest\b)\w+",
            re.I,
        ),
    ),
    (
        # A bare imperative after an opening clause: "If that doesn't work, just text me".
        "request.then-imperative",
        REQUEST,
        re.compile(
            r"(?:^|,\s*)(?:then |and |also |so )?just (?:pick|text|reply|give|send|email|call|"
            r"tell|drop|ping|shoot|forward|book|grab|add|let|choose)\b|"
            r"\b(?:pls|plz) \w+|\bshoot me\b|"
            r",\s*(?:then |just |please )?(?:tell|text|send|email|call|ping|reply to|ask|"
            r"give|bring|pick|book|remind)\s+(?:me|us|them|him|her|the|a|your|everyone)\b",
            re.I,
        ),
    ),
    (
        "request.dont",
        REQUEST,
        re.compile(
            r"^(?:and |but |also |please |just )*(?:don't|do not)\s+(?!worry\b|hesitate\b|"
            r"feel\b|stress\b|be\b|miss\b|undersell\b|apologi[sz]e\b|reply to this\b)\w+",
            re.I,
        ),
    ),
]
_HEDGES = re.compile(
    r"\b(try|trying|hope to|hopefully|might|may be able|maybe|perhaps|probably|possibly|"
    r"no promises?|if i (?:can|have time|get a chance)|i'll see if|we'll see|not sure)\b",
    re.I,
)
_PLAN = re.compile(
    rf"\b{_I_WILL}\s+be\s+(in|at|on|out|away|off|back|traveling|travelling|around|there|"
    r"here|busy|late|home|visiting|speaking|presenting|attending)\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(he|she|they|marcus|[A-Z][a-z]+) (?:said|says|told me|promised|mentioned) "
    r"(?:that )?(?:he|she|they)(?:'d| would| will|'ll)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:i|we) (?:already |just )?(?:sent|introduced|shared|forwarded|reviewed|called|"
    r"did|made|had|wrote|emailed|mentioned|told)\b|\b(?:i've|we've|i have|we have) "
    r"(?:already |just )?\w+ed\b",
    re.I,
)
_DECLINE = re.compile(
    r"\b(?:i'll|i will|we'll|we will) (?:pass|decline|skip|sit this one out)\b|"
    r"\b(?:won't|will not|can't|cannot) (?:be able to|make it)\b",
    re.I,
)
_OFFER = re.compile(
    r"^(?:\w+,\s*)?(?:so |and |also,? )?(?:would you like|do you want|want|would it help if)"
    r" (?:me|i)\b|^(?:\w+,\s*)?(?:so |and |also,? )?(?:shall|should) i\b"
    r"|\bwould it (?:be )?(?:help|useful|helpful|easier) (?:if|for you if) (?:i|we)\b"
    r"|\banything\b[^?]*\b(?:i|we) (?:could|can) (?:help|do)\b",
    re.I,
)
_QUOTED = re.compile(r"^\s*>")
_INVITATION = re.compile(
    r"\bif you (?:have|had) any (?:other |further |more )?(?:questions|concerns|problems|"
    r"issues|trouble)\b|\bif you (?:ever )?need anything(?: else)?(?: from me)?\s*[.!]?$|"
    r"\bif you ever need\b|\bif you'd like to (?:talk|chat|discuss)\b|"
    r"\bplease (?:do not|don't) (?:reply|respond)\b|\btake all the time\b|"
    r"\bplease (?:just )?ignore\b|\bfor (?:urgent|further|any|more) (?:questions|matters|"
    r"enquiries|inquiries|information)\b|\b(?:contact|call|reach out to) us\b[^.?!]*\bif\b|"
    r"\bfeel free\b|\b(?:stop|no longer) (?:receiving|getting|receive)\b|\bunsubscribe\b|"
    r"\bclick (?:here|below|the link|on the link)\b|\bauto-?generated\b",
    re.I,
)
_RHETORICAL = re.compile(
    r"\b(?:can|could) you (?:believe|imagine)\b|\bhow (?:are|have) you\b|\bhope you\b", re.I
)
# Social questions, about the reader's life rather than the work (guide rule 11).
_SOCIAL = re.compile(
    r"^(?:\w+[,!]\s*)?(?:so\s+|and\s+|oh\s+|also\s+)?(?:how(?:'s|\s+(?:was|were|are|is|did|have"
    r"|has|'re))\b(?!\s+(?:this|that|it|we|I)\b)|did\s+you\s+(?:ever|have|enjoy)\b|are\s+you"
    r"\s+(?:going|enjoying|doing|feeling|settling|excited|ok|okay|well)\b|isn'?t\s+it\b|aren'?t"
    r"\s+you\b|what\s+(?:are\s+you|did\s+you)\s+(?:up\s+to|think\s+of\s+the\s+(?:game|match"
    r"|show|film|weather))|(?:any|big)\s+plans\b|who\s+knew\b|remember\s+when\b"
    r"|isn'?t\s+(?:that|this)\b|can\s+I\s+just\s+say\b|could\s+(?:we|it|you|they)\s+have\s+\w+ed"
    r"|did\s+you\s+(?:get|see|watch|catch|hear)\s+the\s+(?:job|match|game|show|news|film|result)"
    r"|what\s+time\s+is\s+it\b|(?:do|did)\s+you\s+have\s+(?:any\s+)?(?:plans|fun|a\s+good)"
    r"|who\s+(?:would|could)\s+have\s+(?:thought|guessed|known)|(?:isn'?t|aren'?t|wasn'?t)\s+(?:the"
    r"|it|this|that|she|he|they)\b|what\s+a\b|how\s+(?:lovely|nice|great|cool|amazing|sad)\b)",
    re.I,
)


@dataclass(frozen=True)
class Finding:
    label: str  # "promise" | "request" | "neither"
    text: str
    rules: tuple[str, ...]  # rule ids that fired (evidence), including "not.*" vetoes
    due: date | None = None
    due_text: str = ""
    probability: float | None = None  # the model's, when the shipped model was asked
    person: str | None = None  # whom it is for, when capture.capture_note knows


@dataclass
class Analysis:
    promises: list[Finding] = field(default_factory=list)
    requests: list[Finding] = field(default_factory=list)
    sentences: list[Finding] = field(default_factory=list)


def rule_hits(sentence: str) -> tuple[str, ...]:
    """Every rule that fires on a sentence, vetoes included (features for the model)."""
    sentence = sentence.replace("\u2019", "'")  # typographic apostrophes, as phones write them
    hits = [rule for rule, _, pattern in _RULES if pattern.search(sentence)]
    if _HEDGES.search(sentence):
        hits.append("not.hedge")
    if _PLAN.search(sentence):
        hits.append("not.plan")
    if _REPORTED.search(sentence):
        hits.append("not.reported")
    if _PAST.search(sentence):
        hits.append("not.past")
    if _RHETORICAL.search(sentence) or ("request.question" in hits and _SOCIAL.search(sentence)):
        hits.append("not.rhetorical")
    if _DECLINE.search(sentence):
        hits.append("not.decline")
    if _OFFER.search(sentence):
        hits.append("not.offer")
    if _QUOTED.search(sentence):
        hits.append("not.quoted")
    if _INVITATION.search(sentence):
        hits.append("not.invitation")
    return tuple(hits)


def classify_by_rules(sentence: str) -> tuple[str, tuple[str, ...]]:
    """(label, evidence) from the rules alone."""
    return label_from_hits(rule_hits(sentence))


def label_from_hits(hits: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """(label, evidence) that the rules give a sentence with these rule hits."""
    vetoes = {h for h in hits if h.startswith("not.")}
    requests = [h for h in hits if h.startswith("request.")]
    promises = [h for h in hits if h.startswith("promise.")]
    if "not.quoted" in vetoes:
        return NEITHER, tuple(hits)  # someone else's words
    if requests and not vetoes & {"not.rhetorical", "not.offer", "not.invitation"}:
        # "Could you…" and "I'll send it if you could confirm" both ask the reader.
        return REQUEST, tuple(hits)
    if promises and not vetoes & {"not.hedge", "not.plan", "not.reported", "not.decline"}:
        return PROMISE, tuple(hits)
    return NEITHER, tuple(hits)


Classifier = Callable[[str], tuple[str, tuple[str, ...]]]


def _shipped(sentences: Sequence[str]) -> list[tuple[str, tuple[str, ...], float | None]]:
    # Imported here: model.py imports this module, and loading it needs scikit-learn.
    from carefor.language.model import classify_sentences

    return [(v.label, v.rules, v.probability) for v in classify_sentences(sentences)]


def analyse(text: str, *, written_on: date, classify: Classifier | None = None) -> Analysis:
    """Promises and requests in a text written by its author on `written_on`.

    Quoted replies, forwarded originals and signatures are dropped first: only the
    author's own words can hold their promises. By default the shipped detector decides
    (rules first, the model for sentences no rule claims; one batched model call per
    text); pass `classify=classify_by_rules` for the rules alone.
    """
    result = Analysis()
    sentences = split_sentences(own_words(text))
    if classify is None:
        labelled = _shipped(sentences)
    else:
        labelled = [(*classify(sentence), None) for sentence in sentences]
    for sentence, (label, rules, probability) in zip(sentences, labelled, strict=True):
        phrase = find_due(sentence, written_on) if label != NEITHER else None
        finding = Finding(
            label=label,
            text=sentence,
            rules=rules,
            due=phrase.due if phrase else None,
            due_text=phrase.text if phrase else "",
            probability=probability,
        )
        result.sentences.append(finding)
        if label == PROMISE:
            result.promises.append(finding)
        elif label == REQUEST:
            result.requests.append(finding)
    return result
