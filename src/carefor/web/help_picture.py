"""A small server-side SVG of who helped whom around one person. No JavaScript, no CDN.

The person sits in the middle, "you" above, everyone else they helped or were helped by
(or were introduced to) on a circle around them. Arrows point from giver to receiver;
each arrow's title says what the help was. It draws a story, not a tally: no counts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 520, 350
RADIUS = 112
NODE_R = 26
ME = "You"


@dataclass(frozen=True)
class Edge:
    giver: str  # a name, or ME
    receiver: str
    what: str


def _initials(name: str) -> str:
    if name == ME:
        return ME
    parts = [p for p in name.split() if p[:1].isalpha()]
    return "".join(p[0] for p in parts[:2]).upper() or "?"


def help_picture_svg(center: str, edges: list[Edge]) -> str:
    """SVG markup; '' when there is no help around the person yet."""
    if not edges:
        return ""
    others = sorted({n for e in edges for n in (e.giver, e.receiver)} - {center, ME})
    positions = {center: (WIDTH / 2, HEIGHT / 2), ME: (WIDTH / 2, 34)}
    for i, name in enumerate(others):
        # Spread round the circle, leaving the top (where "you" are) free: in SVG's
        # y-down coordinates -pi/2 points up.
        angle = -math.pi / 2 + (i + 1) * 2 * math.pi / (len(others) + 1)
        cx, cy = positions[center]
        positions[name] = (cx + RADIUS * 1.6 * math.cos(angle), cy + RADIUS * math.sin(angle))
    parts = [
        f'<svg class="help-picture" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="Who helped whom around {escape(center)}" xmlns="http://www.w3.org/2000/svg">',
        "<defs><marker id='arrow' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='7' "
        "markerHeight='7' orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' "
        "fill='#3f6f5a'/></marker></defs>",
    ]
    seen: dict[tuple[str, str], int] = {}
    for edge in edges:
        (x1, y1), (x2, y2) = positions[edge.giver], positions[edge.receiver]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        # Stop at the circles' edges; bend repeated pairs so both arrows stay visible.
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        sx, sy, ex, ey = x1 + ux * NODE_R, y1 + uy * NODE_R, x2 - ux * NODE_R, y2 - uy * NODE_R
        pair = (edge.giver, edge.receiver)
        bend = 18 * seen.get(pair, 0) + (10 if (edge.receiver, edge.giver) in seen else 0)
        seen[pair] = seen.get(pair, 0) + 1
        mx, my = (sx + ex) / 2 - uy * bend, (sy + ey) / 2 + ux * bend
        parts.append(
            f'<path d="M{sx:.1f},{sy:.1f} Q{mx:.1f},{my:.1f} {ex:.1f},{ey:.1f}" fill="none" '
            f'stroke="#3f6f5a" stroke-width="1.6" marker-end="url(#arrow)">'
            f"<title>{escape(edge.giver)} → {escape(edge.receiver)}: {escape(edge.what)}</title>"
            "</path>"
        )
    for name, (x, y) in positions.items():
        if name not in others and name not in (center, ME):
            continue
        if name == ME and not any(ME in (e.giver, e.receiver) for e in edges):
            continue
        fill = "#3f6f5a" if name == center else ("#b5653a" if name == ME else "#e3eee7")
        ink = "#fff" if name in (center, ME) else "#2b2a27"
        parts.append(
            f'<g><title>{escape(name)}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="{NODE_R}" '
            f'fill="{fill}"/><text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="middle" '
            f'font-size="13" fill="{ink}">{escape(_initials(name))}</text>'
            f'<text x="{x:.1f}" y="{y + NODE_R + 14:.1f}" text-anchor="middle" font-size="11" '
            f'fill="#736e63">{escape(name if name != ME else "")}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
