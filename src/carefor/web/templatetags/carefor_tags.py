"""Template filters for showing dates and addresses the way a person would say them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import phonenumbers
from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

register = template.Library()


@register.filter
def ago(moment: datetime | None, now: datetime | None = None) -> str:
    """'today', 'yesterday', '3 days ago', '2 weeks ago', '5 months ago', 'over a year ago'."""
    if moment is None:
        return ""
    now = now or timezone.now()
    days = (timezone.localdate(now) - timezone.localdate(moment)).days
    if days < 0:
        return "upcoming"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 365:
        return f"{days // 30} months ago"
    years = days // 365
    return "over a year ago" if years == 1 else f"over {years} years ago"


@register.filter
def phone_display(value: str) -> str:
    """+14155550132 → +1 415-555-0132; anything unreadable is shown as stored."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@register.filter
def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


@register.filter
def hours(value: float | None) -> str:
    """A median wait in words: '40 minutes', '5 hours', '3 days'."""
    if value is None:
        return ""
    if value < 1:
        return f"{max(1, round(value * 60))} minutes"
    if value < 48:
        return f"{round(value)} hour{'s' if round(value) != 1 else ''}"
    return f"{round(value / 24)} days"


# Who besides everyone in the workspace sees an item: a note, a matter, a follow-up.
SEEN_BY = {
    "private": mark_safe(' <span class="lock" title="Only you see it">only me</span>'),
    "carers": mark_safe(
        ' <span class="lock carers" title="Only this person\'s carers (and its author) see it">'
        "carers</span>"
    ),
}


@register.filter
def seen_by(level: str) -> SafeString:
    """The "only me" / "carers" badge of an item, nothing for one everyone sees (a filter
    rather than an include: a timeline shows one per item)."""
    return SEEN_BY.get(level, mark_safe(""))


@register.filter
def time_tag(moment: datetime | None) -> SafeString:
    """<time> with the machine-readable moment, the day and month as text and the exact
    time on hover: one local-time conversion instead of three date filters per item."""
    if moment is None:
        return mark_safe("")
    local = timezone.localtime(moment)
    return format_html(
        '<time datetime="{}" title="{} {}, {}">{} {}</time>',
        local.isoformat(),
        local.day,
        local.strftime("%B %Y"),
        local.strftime("%H:%M"),
        local.day,
        local.strftime("%b %Y"),
    )


@register.filter
def excerpt(text: str, length: int) -> str:
    """truncatechars, the same text, without walking every character of plain ASCII (a
    busy timeline shows dozens of long messages per page)."""
    if len(text) <= length:
        return text
    if text.isascii():  # no combining marks: every character counts as one
        return text[: length - 1] + "…"
    return Truncator(text).chars(length)


@register.filter
def verdict_badge(item: Any) -> SafeString:
    """The "Pitch" / "Strings attached" / "Automated" badge of a message, nothing for a
    genuine one or one never judged. A filter: a template lookup of a missing verdict
    raises, lists every attribute of the item and swallows the error, once per item."""
    try:
        verdict = item.verdict
    except ObjectDoesNotExist:
        return mark_safe("")
    if verdict.shown == "genuine":
        return mark_safe("")
    why = "".join(f"{e.get('why', '') if isinstance(e, dict) else ''} " for e in verdict.evidence)
    label = (
        verdict.get_corrected_verdict_display()
        if verdict.corrected_verdict
        else verdict.get_verdict_display()
    )
    return format_html(
        '<span class="verdict-badge {}" title="{}">{}</span>',
        verdict.shown,
        why + verdict.reason,
        label,
    )
