"""A small server-side SVG chart of monthly median reply times: mine and theirs.

No JavaScript and no CDN: the page shows a picture people can read at a glance, and the
numbers are in the title of each point for anyone who wants them.
"""

from __future__ import annotations

from html import escape
from typing import Any

WIDTH, HEIGHT = 560, 160
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44, 28, 14, 26
COLOURS = {"mine": "#3f6f5a", "theirs": "#b5653a"}
LABELS = {"mine": "my replies", "theirs": "their replies"}


def _hours_label(hours: float) -> str:
    if hours < 1:
        return f"{round(hours * 60)} min"
    if hours < 48:
        return f"{hours:.0f} h"
    return f"{hours / 24:.0f} days"


def reply_time_chart(points: list[dict[str, Any]]) -> str:
    """SVG markup for the points of monthly_reply_hours; '' when there is nothing to draw."""
    if not points:
        return ""
    months = sorted({p["month"] for p in points})
    top = max(p["median_hours"] for p in points) or 1.0
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    step = inner_w / max(1, len(months) - 1)

    def x(month: str) -> float:
        return PAD_LEFT + (months.index(month) * step if len(months) > 1 else inner_w / 2)

    def y(hours: float) -> float:
        return PAD_TOP + inner_h - (hours / top) * inner_h

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="Median reply time per month" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP + inner_h}" x2="{WIDTH - PAD_RIGHT}" '
        f'y2="{PAD_TOP + inner_h}" stroke="#e6e0d4"/>',
        f'<text x="{PAD_LEFT - 6}" y="{PAD_TOP + 4}" text-anchor="end" font-size="10" '
        f'fill="#736e63">{escape(_hours_label(top))}</text>',
        f'<text x="{PAD_LEFT - 6}" y="{PAD_TOP + inner_h}" text-anchor="end" font-size="10" '
        f'fill="#736e63">0</text>',
    ]
    for month in months[:: max(1, len(months) // 6)]:
        parts.append(
            f'<text x="{x(month):.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="10" '
            f'fill="#736e63">{escape(month)}</text>'
        )
    for side, colour in COLOURS.items():
        series = sorted((p for p in points if p["side"] == side), key=lambda p: p["month"])
        if not series:
            continue
        path = " ".join(f"{x(p['month']):.1f},{y(p['median_hours']):.1f}" for p in series)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for p in series:
            title = f"{LABELS[side]} in {p['month']}: median {_hours_label(p['median_hours'])}"
            title += f" over {p['n']} conversation{'s' if p['n'] != 1 else ''}"
            parts.append(
                f'<circle cx="{x(p["month"]):.1f}" cy="{y(p["median_hours"]):.1f}" r="3" '
                f'fill="{colour}"><title>{escape(title)}</title></circle>'
            )
    parts.append("</svg>")
    return "".join(parts)
