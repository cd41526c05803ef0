"""Today and the brief at 5,000 people and 100,000 interactions on SQLite.

Imports the synthetic 100k Maildir made by benchmarks/ingest/make_corpora.py into a fresh
data directory, tops the notebook up to 5,000 people, adds care data at a busy person's
density (matters, follow-ups, life events, dates, cadences, promises), then measures:

* the Today queue and the brief, in-process (what the pages and the CLI call);
* the Today page and the brief page, rendered through Django's test client, signed in;
* `carefor today --json` and `carefor brief --format json` as a user runs them (a new
  process each time, so Python and Django start-up are included).

    .venv/bin/python benchmarks/care/run.py [--corpus DIR] [--runs 30]

Writes benchmarks/care/results.md and results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_CORPUS = Path("/tmp/carefor-bench/corpora/synthetic-100000")  # noqa: S108
ME = "sam@okafor-advisory.example"
PASSWORD = "a long benchmark passphrase"  # noqa: S105
TARGET_MS = 150
PEOPLE = 5_000


def carefor(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(  # noqa: S603
        [str(ROOT / ".venv" / "bin" / "carefor"), *args],
        env=env, input=stdin, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def add_care_data(workspace, user, rng: random.Random) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Care data at the density of a busy advisor, spread over the whole notebook."""
    from django.utils import timezone

    from carefor.care.models import Commitment, FollowUp, LifeEvent, Matter
    from carefor.people.models import ImportantDate, Person

    today = timezone.localdate()
    ids = list(Person.objects.filter(workspace=workspace).values_list("pk", flat=True))
    kinds = list(Matter.BUILTIN_KINDS)
    matters = [
        Matter(
            workspace=workspace, person_id=pid, author=user, kind=kind,
            what=f"Matter {n} of person {pid}", why="Because it matters to them.",
            private=kind in Matter.PRIVATE_KINDS,
            confirmed_on=today - timedelta(days=rng.randint(0, 400)),
        )
        for pid in rng.sample(ids, 1_500)
        for n, kind in enumerate(rng.sample(kinds, 3))
    ]  # fmt: skip
    Matter.objects.bulk_create(matters, batch_size=1000)
    events = LifeEvent.objects.bulk_create(
        LifeEvent(workspace=workspace, person_id=pid, author=user, what="Moving house",
                  occurs_on=today + timedelta(days=rng.randint(-60, 90)))
        for pid in rng.sample(ids, 400)
    )  # fmt: skip
    follow_ups = [
        FollowUp(workspace=workspace, person_id=e.person_id, owner=user, life_event=e,
                 what="Ask how the move went", due=e.occurs_on + timedelta(days=14))
        for e in events
    ] + [
        FollowUp(workspace=workspace, person_id=pid, owner=user, what="Ask about the launch",
                 due=None if rng.random() < 0.4 else today + timedelta(days=rng.randint(-20, 60)))
        for pid in rng.sample(ids, 600)
    ]  # fmt: skip
    FollowUp.objects.bulk_create(follow_ups, batch_size=1000)
    dates = []
    for pid in rng.sample(ids, 2_000):
        day = today + timedelta(days=rng.randint(0, 364))
        year = rng.choice([None, 1980])
        dates.append(ImportantDate(workspace=workspace, person_id=pid, kind="birthday",
                                   month=day.month, day=day.day, year=year))  # fmt: skip
    ImportantDate.objects.bulk_create(dates, batch_size=1000)
    cadence_ids = rng.sample(ids, 500)
    Person.objects.filter(pk__in=cadence_ids[:250]).update(cadence_days=30)
    Person.objects.filter(pk__in=cadence_ids[250:]).update(cadence_days=90)
    commitments = [
        Commitment(workspace=workspace, owner=user, person_id=pid,
                   kind=rng.choice(["promise", "promise", "waiting_on"]), state="open",
                   what="Send the deck", due=today + timedelta(days=rng.randint(-30, 60)))
        for pid in rng.sample(ids, 800)
    ]  # fmt: skip
    Commitment.objects.bulk_create(commitments, batch_size=1000)
    return {
        "matters": len(matters),
        "life_events": len(events),
        "follow_ups": len(follow_ups),
        "dates": len(dates),
        "cadences": len(cadence_ids),
        "promises": len(commitments),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"No corpus at {args.corpus}: run benchmarks/ingest/make_corpora.py first.")

    data_dir = Path(tempfile.mkdtemp(prefix="carefor-care-bench-"))
    env = {**os.environ, "CAREFOR_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    carefor(env, "user", "create", "bench@example.org", "--name", "Bench", "--password-stdin",
            stdin=PASSWORD + "\n")  # fmt: skip
    carefor(env, "me", "add", ME)
    carefor(env, "import", "maildir", str(args.corpus), "--json")

    os.environ.update(
        CAREFOR_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="carefor.config.settings"
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.db.models import Count
    from django.test import Client

    from carefor.care.brief import brief_as_json, person_brief
    from carefor.care.today import today_queue
    from carefor.conversations.models import Interaction
    from carefor.people.models import Person
    from carefor.teams.models import User, Workspace

    workspace = Workspace.objects.get()
    user = User.objects.get()
    missing = PEOPLE - Person.objects.filter(workspace=workspace).count()
    Person.objects.bulk_create(
        Person(workspace=workspace, name=f"Extra Person {n}") for n in range(max(0, missing))
    )
    care = add_care_data(workspace, user, random.Random(7))  # noqa: S311 (test data, not secrets)
    interactions = Interaction.objects.filter(workspace=workspace).count()
    people = Person.objects.filter(workspace=workspace).count()
    # The heaviest brief: the person with the most interactions.
    busiest = (
        Person.objects.filter(workspace=workspace)
        .annotate(n=Count("participations"))
        .order_by("-n")
        .first()
    )

    client = Client(HTTP_HOST="127.0.0.1")
    assert client.login(email="bench@example.org", password=PASSWORD)
    first = client.get("/today/")  # first visit saves the session; not what a user waits for
    assert first.status_code == 200 and b"Today" in first.content, first.status_code
    items = len(today_queue(workspace=workspace, user=user).items)

    def page(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    measures = {
        "Today queue (selector)": timed(
            lambda: today_queue(workspace=workspace, user=user), args.runs
        ),
        "Today page (whole request)": timed(lambda: page("/today/"), args.runs),
        "Brief of the busiest person (selector + JSON)": timed(
            lambda: brief_as_json(person_brief(workspace=workspace, user=user, person=busiest)),
            args.runs,
        ),
        "Brief page of the busiest person (whole request)": timed(
            lambda: page(f"/people/{busiest.pk}/brief/"), args.runs
        ),
        "carefor today --json (new process)": timed(
            lambda: carefor(env, "today", "--json"), max(5, args.runs // 3)
        ),
        "carefor brief --format json (new process)": timed(
            lambda: carefor(env, "brief", str(busiest.pk), "--format", "json"),
            max(5, args.runs // 3),
        ),
    }
    rows = {
        name: {
            "median_ms": round(statistics.median(v), 1),
            "p95_ms": round(percentile(v, 0.95), 1),
            "runs": len(v),
        }
        for name, v in measures.items()
    }
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "database": "SQLite (WAL)",
        "interactions": interactions,
        "people": people,
        "care_data": care,
        "today_items": items,
        "busiest_person_interactions": busiest.n,
        "target_ms": TARGET_MS,
        "measures": rows,
    }
    (HERE / "results.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "# Today and brief speed: results",
        "",
        f"Measured {result['date']} on {result['machine']}, {result['database']}: "
        f"{interactions:,} interactions, {people:,} people; "
        + ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in care.items())
        + f". Today held {items} items; the busiest person has {busiest.n:,} interactions.",
        "",
        f"| what | median | p95 | runs | p95 under {TARGET_MS} ms? |",
        "|---|---|---|---|---|",
    ]
    for name, row in rows.items():
        ok = "yes" if row["p95_ms"] < TARGET_MS else "**no**"
        lines.append(
            f"| {name} | {row['median_ms']} ms | {row['p95_ms']} ms | {row['runs']} | {ok} |"
        )
    (HERE / "results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
