"""Does a message I wrote ask something of its reader? Pure rules, explainable.

Used to find whom I am waiting on: a question or a request expects an answer — an
imperative included ("Send me the details"), read by the same request rules as
follow-through — and a thank-you that says "no need to reply" does not.
"""

from __future__ import annotations

import re

# Where the author's own words end: a forwarded or top-posted original, or a signature.
_ORIGINAL_START = re.compile(
    r"^(-----\s*Original Message|-+\s*Forwarded message|Begin forwarded message)",
    re.IGNORECASE | re.MULTILINE,
)
_SIGNATURE = re.compile(r"^(-- ?$|__+$|Sent from my )", re.MULTILINE)
# Lines that are someone else's words inside mine: quotes and their attribution lines.
_QUOTED_LINE = re.compile(
    r"^(>.*|On .{0,200}wrote:\s*|.{0,120}\bwrote:\s*"
    r"|Le .{0,200}a écrit\s*:?|Am .{0,200}schrieb.*)$",
    re.IGNORECASE | re.MULTILINE,
)
_NO_REPLY_NEEDED = re.compile(
    r"\b(no (need|reason) to (reply|respond|answer|write back)|no reply (needed|necessary|required)"
    r"|(don'?t|do not) (need to |bother to )?(reply|respond|answer)|nothing (to do|needed) on your"
    r" (side|end)|just (fyi|so you know)|^fyi\b)",
    re.IGNORECASE | re.MULTILINE,
)
_REQUEST = re.compile(
    r"\b(could you|can you|would you|will you|would it be possible|are you able|please (let|send|"
    r"confirm|review|share|tell|advise|reply|respond|get back)|let me know|what do you think"
    r"|your thoughts|any thoughts|looking forward to (hearing|your)|get back to me"
    r"|when (would|could|can) you|do you (have|know|want|think)|are you (free|around|available))",
    re.IGNORECASE,
)
_RHETORICAL = re.compile(r"\b(how are you|hope (you|all|this)|isn'?t it)\b[^.?!]*\?", re.IGNORECASE)


def own_words(body: str) -> str:
    """The part of a message its author wrote: quoted lines (interleaved replies keep the
    author's answers between them), forwarded originals and the signature removed."""
    cut = len(body)
    for pattern in (_ORIGINAL_START, _SIGNATURE):
        match = pattern.search(body)
        if match:
            cut = min(cut, match.start())
    return _QUOTED_LINE.sub("", body[:cut])


def asks_for_reply(body: str, subject: str = "") -> bool:
    """A question or a request to the reader, and no 'no need to reply'."""
    text = own_words(body)
    if _NO_REPLY_NEEDED.search(text):
        return False
    questions = _RHETORICAL.sub("", text)
    if "?" in questions:
        return True
    if _REQUEST.search(text):
        return True
    if not text.strip():
        return subject.strip().endswith("?")
    # The same request rules as follow-through: an imperative asks too ("Send me the
    # details", "Call me when you land"). Rules only, no model: this runs on every mail I
    # sent, and it must stay explainable.
    from carefor.language.commitments import REQUEST, classify_by_rules
    from carefor.language.sentences import split_sentences

    return any(classify_by_rules(s)[0] == REQUEST for s in split_sentences(text))
