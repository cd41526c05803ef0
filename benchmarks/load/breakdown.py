"""Where a person page and the Today page spend their time, section by section.

Wraps the functions the two views call (in this process only; the app is not changed)
with timers, renders each page for 40 people / members on the load-test data, and
prints the median time and query count of each section. Sections are timed with the SQL
they run; the rest of a request is "middleware, view and rendering".

    .venv/bin/python benchmarks/load/breakdown.py     # writes results/breakdown.md
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import profile_endpoints  # noqa: E402  (the same settings and environment)

# Top-level sections (they add up, with the rest of the request, to the whole), then the
# parts of the largest ones, shown indented.
SECTIONS = {
    "people": [
        "person_or_404", "_audit", "_timeline_page", "care_panel_context",
        "help_panel_context", "upcoming_dates", "person_replies", "reply_time_chart", "render",
    ],
    "care": ["request_scope", "today_queue", "_proposals_count", "render"],
}  # fmt: skip
PARTS = {
    "people": [
        "matters_for_person", "person_proposals", "follow_ups_for_person",
        "life_events_for_person", "commitments_open", "matter_kinds", "help_log",
        "intros_for_person", "help_picture_svg",
    ],
    "today": [
        "_marks", "_reply_items", "_commitment_items", "_follow_up_items", "_thank_items",
        "_introduction_items", "_date_items", "_cadence_items",
    ],
}  # fmt: skip
PARENT = {
    **dict.fromkeys(PARTS["people"][:6], "care_panel_context"),
    **dict.fromkeys(PARTS["people"][6:], "help_panel_context"),
    **dict.fromkeys(PARTS["today"], "today_queue"),
}


def main() -> None:
    profile_endpoints.setup(profile_endpoints.DEFAULT_URL)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from carefor.care import today
    from carefor.teams.models import User
    from carefor.web.views import care, people

    state = profile_endpoints.STATE
    manifest = json.loads((state / "manifest.json").read_text())
    members = json.loads((state / "members.json").read_text())
    timings: dict[str, list[float]] = defaultdict(list)
    queries: dict[str, list[int]] = defaultdict(list)
    current: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)

    def wrap(module: Any, name: str) -> None:
        original = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            before = len(connection.queries_log)
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                current[name] += (time.perf_counter() - started) * 1000
                counts[name] += len(connection.queries_log) - before

        setattr(module, name, timed)

    modules = {"people": people, "care": care, "today": today}
    for group, names in (*SECTIONS.items(), *PARTS.items()):
        for name in names:
            wrap(modules[group], name)
    parts = {name for names in PARTS.values() for name in names}

    clients = []
    for member in members:
        client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
        client.force_login(User.objects.get(email=member["email"]))
        client.get("/today/")
        clients.append(client)
    rng = random.Random(7)  # noqa: S311
    busy = [pid for pid, _n in manifest["busiest_people"]]
    pages = [("person page", f"/people/{rng.randint(1, 50_000)}/") for _ in range(40)]
    pages += [("person page [busy]", f"/people/{rng.choice(busy)}/") for _ in range(40)]
    pages += [("Today page", "/today/") for _ in range(40)]
    for n, (kind, url) in enumerate(pages):
        current.clear()
        counts.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            assert clients[n % len(clients)].get(url).status_code == 200
            total = (time.perf_counter() - started) * 1000
        timings[(kind, "whole request")].append(total)
        queries[(kind, "whole request")].append(len(captured))
        for name, ms in current.items():
            timings[(kind, name)].append(ms)
            queries[(kind, name)].append(counts[name])
        inside = sum(v for k, v in current.items() if k not in parts)
        timings[(kind, "middleware, context processors, rest")].append(total - inside)
        queries[(kind, "middleware, context processors, rest")].append(
            len(captured) - sum(v for k, v in counts.items() if k not in parts)
        )
    lines = [
        "# Where the person page and Today spend their time",
        "",
        "Median over 40 requests each (person pages: random people, then the 200 busiest; "
        "Today: the 50 members in turn), in-process, one at a time. A section's time "
        "includes the SQL it runs (a queryset returned unevaluated is paid for where it is "
        "used: the timeline's rows are fetched in `render`); indented rows are parts of the "
        "section above them.",
        "",
        "| page | section | median ms | queries |",
        "|---|---|---:|---:|",
    ]
    kinds = list(dict.fromkeys(kind for kind, _name in timings))
    for kind in kinds:
        names = [name for k, name in timings if k == kind]
        ordered = []
        for name in names:
            if name not in parts:
                ordered.append(name)
                ordered += [p for p in names if PARENT.get(p) == name]
        for name in ordered:
            shown = f"&nbsp;&nbsp;↳ {name}" if name in parts else name
            lines.append(
                f"| {kind} | {shown} | {statistics.median(timings[(kind, name)]):.1f} | "
                f"{statistics.median(queries[(kind, name)]):g} |"
            )
    out = profile_endpoints.RESULTS / "breakdown.md"
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
