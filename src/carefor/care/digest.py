"""The daily digest: what to follow through on today, as plain text, optionally mailed.

Mail goes out only through the SMTP server the user configured (CAREFOR_SMTP_*); without
one, the digest is printed and nothing leaves the machine.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage

from carefor.care.services import commitments_open, commitments_suggested
from carefor.conversations.courtesy import awaiting
from carefor.teams.models import User, Workspace


class DigestNotConfigured(Exception):
    """No SMTP server is set up."""


def require_smtp() -> None:
    """Mail leaves the machine only through a server the user configured."""
    if not settings.EMAIL_HOST:
        raise DigestNotConfigured(
            "No SMTP server is configured. Set CAREFOR_SMTP_HOST (and CAREFOR_SMTP_PORT, "
            "CAREFOR_SMTP_USER, CAREFOR_SMTP_PASSWORD, CAREFOR_SMTP_FROM as needed)."
        )


def digest_text(*, workspace: Workspace, user: User, today: date) -> str:
    week_end = today + timedelta(days=6)
    open_items = list(commitments_open(workspace=workspace).filter(due__lte=week_end))
    overdue = [c for c in open_items if c.due < today]
    soon = [c for c in open_items if c.due >= today]
    suggested = commitments_suggested(workspace=workspace).count()
    waiting = awaiting(workspace=workspace, user=user, side="mine", limit=10)
    lines = [f"carefor — {today:%A %-d %B %Y}", ""]

    def section(title: str, rows: list[str]) -> None:
        if rows:
            lines.extend([title, *[f"  - {row}" for row in rows], ""])

    def describe(item) -> str:  # type: ignore[no-untyped-def]
        who = f" ({item.person.name})" if item.person else ""
        return f"{item.what}{who} — due {item.due:%a %-d %b}"

    section("Overdue", [describe(c) for c in overdue])
    section("Due this week", [describe(c) for c in soon])
    section(
        "Waiting on your reply",
        [f"{i.name}: {i.subject or '(no subject)'} — {i.days} days" for i in waiting],
    )
    if suggested:
        lines.extend([f"{suggested} detected promise(s) or request(s) to confirm.", ""])
    if len(lines) == 2:
        lines.append("Nothing due and nobody waiting. Enjoy the day.")
    return "\n".join(lines).rstrip() + "\n"


def digest_send(*, workspace: Workspace, user: User, today: date, to: str | None = None) -> str:
    """Send the digest to `to` (default: the user's own address); returns the text."""
    require_smtp()
    text = digest_text(workspace=workspace, user=user, today=today)
    EmailMessage(
        subject=f"carefor: today, {today:%-d %B}",
        body=text,
        to=[to or user.email],
    ).send()
    return text
