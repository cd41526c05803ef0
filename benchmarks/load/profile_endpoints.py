"""Why is an endpoint slow? Each endpoint of the load test, in-process, one request at a time.

For every endpoint of the load mix: the time of a whole request through Django's test
client (production settings, signed in / with a token, the same members and people as
the load test), how much of it is SQL, the number of queries, the queries that cost most
(grouped by shape, with their total time), `EXPLAIN (ANALYZE, BUFFERS)` of the slowest
ones, and a cProfile of the Python side. No server, no concurrency: this is the cost of
one request on an otherwise idle machine, which is what sets the ceiling under load.

    .venv/bin/python benchmarks/load/profile_endpoints.py [--runs 20] [--only "api: people"]

Writes benchmarks/load/results/profile.md and profile.json.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
STATE = HERE / ".state"
RESULTS = HERE / "results"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/carefor_load"


def setup(url: str) -> None:
    for key in [k for k in os.environ if k.startswith("CAREFOR_")]:
        del os.environ[key]
    os.environ.update(
        DATABASE_URL=url,
        CAREFOR_DATA_DIR=str(STATE / "data"),
        CAREFOR_MODE="production",
        CAREFOR_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SETTINGS_MODULE="carefor.config.settings",
    )
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def shape(sql: str) -> str:
    """A query with its literals taken out, so repeats of one query group together."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+(\.\d+)?\b", "?", sql)
    sql = re.sub(r"IN \((\?, )*\?\)", "IN (…)", sql)
    return sql


class Clock:
    """Time spent in SQL (every cursor.execute, measured here to the microsecond; Django's
    own query log rounds to whole milliseconds) and in rendering templates (the outermost
    render, minus the SQL run from inside it)."""

    def __init__(self) -> None:
        self.reset()
        self.depth = 0

    def reset(self) -> None:
        self.sql_ms = self.render_ms = self.sql_in_render_ms = 0.0

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            ms = (time.perf_counter() - started) * 1000
            self.sql_ms += ms
            if self.depth:
                self.sql_in_render_ms += ms

    def patch_templates(self) -> None:
        from django.template.backends.django import Template

        original = Template.render
        clock = self

        def render(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            clock.depth += 1
            started = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                clock.depth -= 1
                if not clock.depth:
                    clock.render_ms += (time.perf_counter() - started) * 1000

        Template.render = render


def endpoints(busy: list[int], people: tuple[int, int]) -> list[tuple[str, str, Any]]:
    """(name, kind, url maker): kind is "page" (session) or "api" (token)."""
    first, last = people

    def someone(rng: random.Random) -> int:
        return rng.randint(first, last)

    return [
        ("page: Today", "page", lambda rng: "/today/"),
        ("page: person", "page", lambda rng: f"/people/{someone(rng)}/"),
        ("page: person [busy]", "page", lambda rng: f"/people/{rng.choice(busy)}/"),
        (
            "api: people",
            "api",
            lambda rng: f"/api/v1/people?limit=50&offset={rng.randrange(0, last - 50)}",
        ),
        ("api: today", "api", lambda rng: "/api/v1/today"),
        ("api: promises", "api", lambda rng: "/api/v1/promises?state=open"),
        ("api: help", "api", lambda rng: "/api/v1/help"),
        ("api: courtesy", "api", lambda rng: "/api/v1/courtesy/awaiting?side=mine"),
        (
            "api: timeline",
            "api",
            lambda rng: f"/api/v1/people/{someone(rng)}/interactions?limit=50",
        ),
        (
            "api: timeline [busy]",
            "api",
            lambda rng: f"/api/v1/people/{rng.choice(busy)}/interactions?limit=50",
        ),
    ]


def explain(sql: str, params: Any) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--only", default="")
    parser.add_argument("--name", default="profile")
    args = parser.parse_args()
    setup(args.database_url)

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from carefor.teams.models import User

    manifest = json.loads((STATE / "manifest.json").read_text())
    members = json.loads((STATE / "members.json").read_text())
    busy = [pid for pid, _n in manifest["busiest_people"]]
    users = {u.email: u for u in User.objects.filter(email__in=[m["email"] for m in members])}
    clients = []
    for member in members:
        page = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
        page.force_login(users[member["email"]])
        api = Client(
            HTTP_HOST="127.0.0.1",
            HTTP_X_FORWARDED_PROTO="https",
            HTTP_AUTHORIZATION=f"Bearer {member['token']}",
        )
        clients.append({"page": page, "api": api})
    # Every client opens Today once: sessions get their workspace, code and caches warm up.
    for c in clients:
        assert c["page"].get("/today/").status_code == 200

    clock = Clock()
    clock.patch_templates()
    report: dict[str, Any] = {}
    lines = ["# Load test: where the time goes, one request at a time", ""]
    lines += [
        "In-process (Django test client, production settings, PostgreSQL "
        f"`{connection.settings_dict['NAME']}`), "
        f"{args.runs} requests per endpoint spread over the 50 members, one at a time on an "
        "otherwise idle machine. *SQL* is the time the queries took as seen from Python "
        "(round trips included, row decoding not); *templates* is rendering, less the SQL "
        "run from inside it; *other Python* is the rest: middleware, views, building and "
        "compiling querysets, turning rows into objects, JSON.",
        "",
        "| endpoint | median ms | p95 ms | SQL ms | templates ms | other Python ms | queries |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    details: list[str] = []
    for name, kind, make_url in endpoints(busy, tuple(manifest["person_ids"])):
        if args.only and args.only != name:
            continue
        rng = random.Random(name)  # noqa: S311
        totals, sql_totals, counts, template_totals = [], [], [], []
        by_shape: dict[str, dict[str, Any]] = {}
        for n in range(args.runs):
            client = clients[n % len(clients)][kind]
            url = make_url(rng)
            clock.reset()
            with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(clock):
                started = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (url, response.status_code)
            totals.append(elapsed)
            sql_ms = clock.sql_ms
            template_totals.append(clock.render_ms - clock.sql_in_render_ms)
            for q in queries.captured_queries:
                ms = float(q["time"]) * 1000
                key = shape(q["sql"])
                entry = by_shape.setdefault(key, {"count": 0, "total_ms": 0.0, "max_ms": 0.0})
                entry["count"] += 1
                entry["total_ms"] += ms
                entry["max_ms"] = max(entry["max_ms"], ms)
            sql_totals.append(sql_ms)
            counts.append(len(queries.captured_queries))
        # The slowest query shapes, re-run once with their real parameters under EXPLAIN.
        top = sorted(by_shape.items(), key=lambda kv: -kv[1]["total_ms"])[:4]
        plans = []
        for key, entry in top[:2]:
            if entry["max_ms"] < 5:
                continue
            client = clients[0][kind]
            url = make_url(random.Random(name + "explain"))  # noqa: S311
            captured: list[tuple[str, Any]] = []

            def grab(execute, sql, params, many, context, seen=captured):  # type: ignore[no-untyped-def]
                seen.append((sql, params))
                return execute(sql, params, many, context)

            with connection.execute_wrapper(grab):
                client.get(url)
            for sql, params in captured:
                if shape(connection.ops.compose_sql(sql, params) if params else sql) == key:
                    plans.append((key, explain(sql, params)))
                    break
        profiler = cProfile.Profile()
        profile_rng = random.Random(name + "profile")  # noqa: S311
        profiler.enable()
        for n in range(5):
            clients[n % len(clients)][kind].get(make_url(profile_rng))
        profiler.disable()
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats("cumulative").print_stats(
            r"carefor|django/template/base|django/db/models/query\.py|ninja", 22
        )
        profile_text = "\n".join(line for line in stream.getvalue().splitlines() if line.strip())

        median, p95 = statistics.median(totals), sorted(totals)[int(0.95 * (len(totals) - 1))]
        sql_median = statistics.median(sql_totals)
        template_median = statistics.median(template_totals)
        other_median = statistics.median(
            t - q - r for t, q, r in zip(totals, sql_totals, template_totals, strict=True)
        )
        report[name] = {
            "median_ms": round(median, 1),
            "p95_ms": round(p95, 1),
            "sql_median_ms": round(sql_median, 1),
            "templates_median_ms": round(template_median, 1),
            "other_python_median_ms": round(other_median, 1),
            "queries_median": statistics.median(counts),
            "top_queries": [
                {
                    "sql": k[:2000],
                    **{f: round(v, 1) if isinstance(v, float) else v for f, v in e.items()},
                }
                for k, e in top
            ],
            "plans": [{"sql": k[:2000], "plan": p} for k, p in plans],
        }
        lines.append(
            f"| {name} | {median:.1f} | {p95:.1f} | {sql_median:.1f} | {template_median:.1f} | "
            f"{other_median:.1f} | {statistics.median(counts):g} |"
        )
        details += [
            f"## {name}",
            "",
            f"Median {median:.1f} ms, of which SQL {sql_median:.1f} ms "
            f"in {statistics.median(counts):g} queries.",
            "",
            f"Costliest queries (over {args.runs} requests):",
            "",
        ]
        for key, entry in top:
            details += [
                f"- {entry['count']}x total {entry['total_ms']:.1f} ms, max "
                f"{entry['max_ms']:.1f} ms:",
                "",
                "  ```sql",
                "  " + key[:1500],
                "  ```",
                "",
            ]
        for key, plan in plans:
            details += [
                "`EXPLAIN (ANALYZE, BUFFERS)` of `" + key[:120] + "…`:",
                "",
                "```",
                plan,
                "```",
                "",
            ]
        details += [
            "cProfile, 5 requests, cumulative (carefor, templates, ORM):",
            "",
            "```",
            profile_text[-6000:],
            "```",
            "",
        ]
        print(
            f"{name}: median {median:.1f} ms, SQL {sql_median:.1f} ms, "
            f"{statistics.median(counts):g} queries",
            flush=True,
        )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.name}.json").write_text(json.dumps(report, indent=1) + "\n")
    (RESULTS / f"{args.name}.md").write_text("\n".join([*lines, "", *details]) + "\n")
    print(f"Wrote {RESULTS / args.name}.md")


if __name__ == "__main__":
    main()
