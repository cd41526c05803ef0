"""The emails of a double-opt-in introduction, drafted for the user to edit. No Django.

Each draft says why this introduction, in terms of what matters to each person, and
makes "no" easy: an introduction is a gift, never a favour to be returned.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Draft:
    to: tuple[str, ...]  # addresses (may be empty if nobody has one)
    subject: str
    body: str


def _first(name: str) -> str:
    return name.split()[0] if name.strip() else name


def ask_first(*, me: str, a: str, b: str, b_about: str, why_a: str, a_email: str = "") -> Draft:
    """Ask A whether they would like to meet B."""
    why = f" {why_a.strip().rstrip('.')}." if why_a.strip() else ""
    about = f" {b_about.strip().rstrip('.')}." if b_about.strip() else ""
    body = (
        f"Hi {_first(a)},\n\n"
        f"Would you like me to introduce you to {b}?{about}{why}\n\n"
        f'Only if it would be useful to you — "no thanks" is a perfectly good answer, and '
        f"I won't mention it to {_first(b)}.\n\n"
        f"{_first(me)}"
    )
    return Draft((a_email,) if a_email else (), f"Would you like to meet {b}?", body)


def ask_second(*, me: str, a: str, b: str, a_about: str, why_b: str, b_email: str = "") -> Draft:
    """A said yes; now ask B whether they would like to meet A."""
    why = f" {why_b.strip().rstrip('.')}." if why_b.strip() else ""
    about = f" {a_about.strip().rstrip('.')}." if a_about.strip() else ""
    body = (
        f"Hi {_first(b)},\n\n"
        f"{a} would be glad to meet you, and I think you two should talk.{about}{why}\n\n"
        f"Would you like an introduction? If the timing is wrong, just say so — no "
        f"explanation needed.\n\n"
        f"{_first(me)}"
    )
    return Draft((b_email,) if b_email else (), f"Would you like to meet {a}?", body)


def introduce(
    *,
    me: str,
    a: str,
    b: str,
    a_about: str,
    b_about: str,
    why_a: str,
    why_b: str,
    a_email: str = "",
    b_email: str = "",
) -> Draft:
    """The introduction itself, to both."""

    def line(name: str, about: str, why: str) -> str:
        parts = [p.strip().rstrip(".") for p in (about, why) if p.strip()]
        return f"{name}: " + ". ".join(parts) + "." if parts else f"{name}."

    body = (
        f"{_first(a)}, {_first(b)} — as promised, meet each other.\n\n"
        f"{line(a, a_about, why_b)}\n"
        f"{line(b, b_about, why_a)}\n\n"
        f"I'll leave it to you two from here.\n\n"
        f"{_first(me)}"
    )
    to = tuple(address for address in (a_email, b_email) if address)
    return Draft(to, f"Introduction: {a} <> {b}", body)


def mailto(draft: Draft) -> str:
    """A mailto: link that opens the draft in the user's own mail program."""
    from urllib.parse import quote

    return (
        f"mailto:{','.join(quote(t, safe='@') for t in draft.to)}"
        f"?subject={quote(draft.subject)}&body={quote(draft.body)}"
    )
