"""The fixes proposed for the load test's slow spots, measured on the load-test data.

Nothing in the app is changed. Two kinds of experiment:

* an index: the query the app sends today (captured from its own selector, with its
  real parameters) is timed with `EXPLAIN ANALYZE`, then the index is created inside a
  transaction, the table analysed, the query timed again, and the transaction rolled
  back, so the database is left exactly as it was;
* a rewrite: what the app calls today and the proposed replacement, both written with
  the ORM against the same rows, are timed in-process (Python and SQL together).

    .venv/bin/python benchmarks/load/fixes.py [--runs 15]

Writes benchmarks/load/results/fixes.md and fixes.json. Run it on an idle machine and
not during run.py: CREATE INDEX holds a lock that would stall the load test's writes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from profile_endpoints import DEFAULT_URL, RESULTS, STATE, setup  # noqa: E402


def timed(function: Callable[[], Any], runs: int) -> float:
    """Median wall time in ms, after one untimed call (warm caches)."""
    function()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 2)


def capture(function: Callable[[], Any], needle: str) -> tuple[str, Any]:
    """The first query `function` sends whose SQL contains `needle`, with its parameters."""
    from django.db import connection

    seen: list[tuple[str, Any]] = []

    def grab(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        seen.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(grab):
        function()
    for sql, params in seen:
        if needle in sql:
            return sql, params
    raise LookupError(f"no query containing {needle!r}")


def explain(sql: str, params: Any, runs: int) -> tuple[float, str]:
    """Median execution time (ms) from EXPLAIN ANALYZE, and the plan's top lines."""
    from django.db import connection

    times, plan = [], ""
    with connection.cursor() as cursor:
        for _ in range(runs):
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            lines = [row[0] for row in cursor.fetchall()]
            found = re.search(r"Execution Time: ([\d.]+) ms", lines[-1])
            times.append(float(found.group(1)) if found else float("nan"))
            plan = "\n".join(lines)
    return round(statistics.median(times), 2), plan


def with_index(ddl: str, table: str, check: Callable[[], Any]) -> Any:
    """Run `check` with an index that exists only inside a rolled-back transaction."""
    from django.db import connection, transaction

    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(ddl)
            cursor.execute(f"ANALYZE {table}")
        result = check()
        transaction.set_rollback(True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    setup(args.database_url)

    from datetime import timedelta

    from django.core.paginator import Paginator
    from django.db import connection
    from django.utils import timezone

    from carefor.care.matters import matter_kinds
    from carefor.care.models import Matter
    from carefor.care.scope import scope_for
    from carefor.care.today import today_queue
    from carefor.conversations.courtesy import awaiting, monthly_reply_hours, reply_figures
    from carefor.conversations.models import ReplyTurn
    from carefor.conversations.selectors import timeline_for_person
    from carefor.people.models import Person
    from carefor.teams.models import User, Workspace

    manifest = json.loads((STATE / "manifest.json").read_text())
    workspace = Workspace.objects.get(pk=manifest["workspace_id"])
    # A member with an ordinary load, and the busiest person of the notebook.
    user = User.objects.get(email="member05@team.example")
    busy = Person.objects.get(pk=manifest["busiest_people"][0][0])
    scope = scope_for(workspace=workspace, user=user)
    runs = args.runs
    results: list[dict[str, Any]] = []

    def index_experiment(name: str, fix: str, ddl: str, table: str, call: Any, needle: str) -> None:
        sql, params = capture(call, needle)
        before, plan_before = explain(sql, params, runs)
        after, plan_after = with_index(ddl, table, lambda: explain(sql, params, runs))
        results.append(
            {"name": name, "kind": "index", "fix": fix, "before_ms": before, "after_ms": after,
             "sql": connection.ops.compose_sql(sql, params) if params else sql,
             "plan_before": plan_before, "plan_after": plan_after}
        )  # fmt: skip
        print(f"{name}: {before} ms -> {after} ms (SQL execution)", flush=True)

    def rewrite(name: str, fix: str, before: Callable[[], Any], after: Callable[[], Any]) -> None:
        b, a = timed(before, runs), timed(after, runs)
        results.append({"name": name, "kind": "rewrite", "fix": fix, "before_ms": b, "after_ms": a})
        print(f"{name}: {b} ms -> {a} ms (Python + SQL)", flush=True)

    builtin = ", ".join(f"'{k}'" for k in Matter.BUILTIN_KINDS)

    # --- indexes ----------------------------------------------------------------------
    index_experiment(
        "Today: keep-in-touch people (cadence query)",
        'Person.Meta.indexes += [models.Index(fields=["workspace", "last_interaction_at"], '
        'condition=Q(cadence_days__isnull=False), name="person_cadence_due")]',
        "CREATE INDEX person_cadence_due ON people_person (workspace_id, last_interaction_at) "
        "WHERE cadence_days IS NOT NULL",
        "people_person",
        lambda: today_queue(workspace=workspace, user=user, scope=scope),
        'FROM "people_person" WHERE',
    )
    index_experiment(
        "Person page: the workspace's own matter kinds (matter_kinds)",
        'Matter.Meta.indexes += [models.Index(fields=["workspace", "kind"], '
        'condition=~Q(kind__in=Matter.BUILTIN_KINDS), name="matter_custom_kind")]',
        f"CREATE INDEX matter_custom_kind ON care_matter (workspace_id, kind) "
        f"WHERE NOT (kind IN ({builtin}))",
        "care_matter",
        lambda: matter_kinds(workspace=workspace, user=user),
        'DISTINCT "care_matter"."kind"',
    )
    index_experiment(
        "Today: my people's recent open reply turns",
        'ReplyTurn.Meta.indexes += [models.Index(fields=["person", "side", "started_at"], '
        'condition=Q(answered_at__isnull=True), name="replyturn_open_by_person")]',
        "CREATE INDEX replyturn_open_by_person ON conversations_replyturn "
        "(person_id, side, started_at) WHERE answered_at IS NULL",
        "conversations_replyturn",
        lambda: today_queue(workspace=workspace, user=user, scope=scope),
        'FROM "conversations_replyturn"',
    )
    index_experiment(
        "Courtesy API: my people's open reply turns (no window)",
        "the same index",
        "CREATE INDEX replyturn_open_by_person ON conversations_replyturn "
        "(person_id, side, started_at) WHERE answered_at IS NULL",
        "conversations_replyturn",
        lambda: awaiting(
            workspace=workspace, user=user, side="mine", limit=1000, person_ids=scope.person_ids
        ),
        'FROM "conversations_replyturn"',
    )
    index_experiment(
        "Today: dates coming up",
        'ImportantDate.Meta.indexes += [models.Index(fields=["workspace", "month"], '
        'name="importantdate_month")]',
        "CREATE INDEX importantdate_month ON people_importantdate (workspace_id, month)",
        "people_importantdate",
        lambda: today_queue(workspace=workspace, user=user, scope=scope),
        'FROM "people_importantdate"',
    )

    # --- rewrites ---------------------------------------------------------------------
    from carefor.people.selectors import person_list

    offset = 33_000  # two thirds down the alphabet: OFFSET walks every row before it

    def people_page_now() -> Any:
        rows = person_list(workspace=workspace).order_by("name", "pk")
        return list(rows[offset : offset + 50])

    def people_page_deferred() -> Any:
        page = (
            Person.objects.filter(workspace=workspace)
            .order_by("name", "pk")
            .values("pk")[offset : offset + 50]
        )
        return list(
            Person.objects.filter(pk__in=page).select_related("organisation").order_by("name", "pk")
        )

    before = timed(people_page_now, runs)
    after = with_index(
        "CREATE INDEX person_name_order ON people_person (workspace_id, name, id)",
        "people_person",
        lambda: timed(people_page_deferred, runs),
    )
    results.append(
        {
            "name": f"API people list, a page at offset {offset:,}",
            "kind": "rewrite",
            "fix": "choose the page's ids first (`values('pk')[offset:offset + 50]`, an "
            "index-only scan of a new index on (workspace, name, id)), then load those 50 "
            "people with their organisations; today the join to organisations and the sort "
            "run over every skipped row. Keyset pagination (`?after=name,id`) would make "
            "any page cost the same as the first",
            "before_ms": before,
            "after_ms": after,
        }
    )
    print(f"API people list at offset {offset}: {before} ms -> {after} ms", flush=True)

    def figures_now() -> Any:
        return (
            reply_figures(workspace=workspace, side="mine", person=busy),
            reply_figures(workspace=workspace, side="theirs", person=busy),
            monthly_reply_hours(workspace=workspace, person=busy),
        )

    def figures_one_query() -> Any:
        rows = list(
            ReplyTurn.objects.filter(workspace=workspace, person=busy).values_list(
                "side", "started_at", "reply_hours"
            )
        )
        out = {}
        for side in ("mine", "theirs"):
            hours = sorted(h for s, _t, h in rows if s == side and h is not None)
            asked = sum(1 for s, _t, _h in rows if s == side)
            out[side] = (asked, len(hours), statistics.median(hours) if hours else None)
        return out  # the monthly buckets come from the same rows, in Python

    rewrite(
        "Person page (busiest person): reply figures and chart",
        "one `values_list('side', 'started_at', 'reply_hours')` of the person's turns, "
        "figures and monthly medians computed from it, instead of reply_figures() x 2 + "
        "monthly_reply_hours() (up to 8 queries)",
        figures_now,
        figures_one_query,
    )

    def timeline_now() -> Any:
        page = Paginator(
            timeline_for_person(workspace=workspace, person=busy, user=user), 40
        ).get_page(1)
        return list(page), page.has_next()

    def timeline_no_count() -> Any:
        rows = list(timeline_for_person(workspace=workspace, person=busy, user=user)[:41])
        return rows[:40], len(rows) > 40

    rewrite(
        "Person page (busiest person): first timeline page",
        "fetch 41 rows and show 'more' when the 41st exists (the template only asks "
        "has_next), instead of Paginator, whose COUNT(*) reads every interaction of the person",
        timeline_now,
        timeline_no_count,
    )
    since = timezone.now() - timedelta(days=60)
    rewrite(
        "Courtesy API, first page of 100",
        "pass the page's limit/offset down to awaiting() (the database cuts), instead of "
        "awaiting(limit=1000) and slicing the list in Python",
        lambda: awaiting(
            workspace=workspace, user=user, side="mine", limit=1000, person_ids=scope.person_ids
        ),
        lambda: awaiting(
            workspace=workspace, user=user, side="mine", limit=100, person_ids=scope.person_ids
        ),
    )
    rewrite(
        "Today: reply items (checked, no gain: a member's window holds ~170 turns)",
        "count the waiting turns with one COUNT(*) and fetch only the 10 shown, instead of "
        "hydrating up to 2,000 turns with their message bodies to take len()",
        lambda: awaiting(
            workspace=workspace, user=user, side="mine", limit=2000, since=since,
            person_ids=scope.person_ids,
        ),
        lambda: (
            ReplyTurn.objects.filter(
                workspace=workspace, side="mine", answered_at__isnull=True,
                started_at__gte=since, person__in=scope.person_ids,
            ).count(),
            awaiting(
                workspace=workspace, user=user, side="mine", limit=10, since=since,
                person_ids=scope.person_ids,
            ),
        ),
    )  # fmt: skip
    rewrite(
        "Every team request: scope_for() counts",
        "cache is_team / cares_for per member (or compute cares_for only where it is shown), "
        "instead of two COUNT queries on every Today, Courtesy, Promises and API request",
        lambda: scope_for(workspace=workspace, user=user),
        lambda: None,
    )

    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "fixes.json").write_text(json.dumps(results, indent=1) + "\n")
    lines = [
        "# Load test: the proposed fixes, measured",
        "",
        f"On `{args.database_url.rsplit('/', 1)[-1]}` (50,000 people, 1,000,000 interactions), "
        f"as member05 (cares for {scope.cares_for:,} people); the busiest person has "
        f"{manifest['busiest_people'][0][1]:,} interactions. Median of {runs} runs. Index "
        "rows time the SQL alone (EXPLAIN ANALYZE, index created in a rolled-back "
        "transaction); rewrite rows time the Python call, SQL included.",
        "",
        "| where | fix | before ms | after ms |",
        "|---|---|---:|---:|",
    ]
    for r in results:
        lines.append(f"| {r['name']} | {r['fix']} | {r['before_ms']} | {r['after_ms']} |")
    lines.append("")
    for r in results:
        if r["kind"] == "index":
            lines += [f"## {r['name']}", "", "```sql", r["sql"], "```", "", "Before:", "",
                      "```", r["plan_before"], "```", "", "With the index:", "", "```",
                      r["plan_after"], "```", ""]  # fmt: skip
    (RESULTS / "fixes.md").write_text("\n".join(lines) + "\n")
    print(f"Wrote {RESULTS / 'fixes.md'}")


if __name__ == "__main__":
    main()
