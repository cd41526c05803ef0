"""Courtesy speed at 100,000 messages and 5,000 people on SQLite.

Imports the synthetic 100k Maildir made by benchmarks/ingest/make_corpora.py into a fresh
data directory, tops the notebook up to 5,000 people, then measures:

* the two `awaiting` selectors, in-process (what the page and the CLI call);
* the whole Courtesy page, rendered through Django's test client, signed in;
* `carefor awaiting --json` as a user runs it (a new process each time, so Python and
  Django start-up are included).

    .venv/bin/python benchmarks/courtesy/run.py [--corpus DIR] [--runs 30]

Writes benchmarks/courtesy/results.md and results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_CORPUS = Path("/tmp/carefor-bench/corpora/synthetic-100000")  # noqa: S108
ME = "sam@okafor-advisory.example"
# A throwaway account in a throwaway data directory.
PASSWORD = "a long benchmark passphrase"  # noqa: S105
TARGET_MS = 200
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"No corpus at {args.corpus}: run benchmarks/ingest/make_corpora.py first.")

    data_dir = Path(tempfile.mkdtemp(prefix="carefor-courtesy-bench-"))
    env = {**os.environ, "CAREFOR_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    carefor(env, "user", "create", "bench@example.org", "--name", "Bench", "--password-stdin",
            stdin=PASSWORD + "\n")  # fmt: skip
    carefor(env, "me", "add", ME)
    started = time.perf_counter()
    report = json.loads(carefor(env, "import", "maildir", str(args.corpus), "--json"))
    import_seconds = time.perf_counter() - started

    os.environ.update(
        CAREFOR_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="carefor.config.settings"
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.test import Client

    from carefor.conversations.courtesy import awaiting
    from carefor.conversations.models import Interaction
    from carefor.people.models import Person
    from carefor.teams.models import User, Workspace

    workspace = Workspace.objects.get()
    user = User.objects.get()
    missing = PEOPLE - Person.objects.filter(workspace=workspace).count()
    Person.objects.bulk_create(
        Person(workspace=workspace, name=f"Extra Person {n}") for n in range(max(0, missing))
    )
    messages = Interaction.objects.filter(workspace=workspace).count()
    people = Person.objects.filter(workspace=workspace).count()

    client = Client(HTTP_HOST="127.0.0.1")
    assert client.login(email="bench@example.org", password=PASSWORD)
    first = client.get("/courtesy/")  # first visit saves the session; not what a user waits for
    assert first.status_code == 200 and b"Waiting on my reply" in first.content, first.status_code

    def courtesy_page() -> None:
        response = client.get("/courtesy/")
        assert response.status_code == 200

    measures = {
        "awaiting (mine) selector": timed(
            lambda: awaiting(workspace=workspace, user=user, side="mine"), args.runs
        ),
        "awaiting (theirs) selector": timed(
            lambda: awaiting(workspace=workspace, user=user, side="theirs"), args.runs
        ),
        "Courtesy page (whole request)": timed(courtesy_page, args.runs),
        "carefor awaiting --json (new process)": timed(
            lambda: carefor(env, "awaiting", "--json"), max(5, args.runs // 3)
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
        "messages": messages,
        "people": people,
        "import": {**report, "errors": len(report["errors"]), "seconds": round(import_seconds, 1)},
        "target_ms": TARGET_MS,
        "measures": rows,
    }
    (HERE / "results.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "# Courtesy speed: results",
        "",
        f"Measured {result['date']} on {result['machine']}, {result['database']}: "
        f"{messages:,} messages, {people:,} people (import took {result['import']['seconds']} s).",
        "",
        f"| what | median | p95 | runs | under {TARGET_MS} ms? |",
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
