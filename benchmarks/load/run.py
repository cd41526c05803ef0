"""The issue-9 load test: gunicorn on loopback, PostgreSQL, 50 members at a fixed rate.

Needs the database made by make_data.py. It migrates, starts gunicorn with carefor's
production settings, signs the 50 members in through the login page, then for each rate
asked for (default 50, 100 and 200 requests/s) waits for the machine to be idle and runs
the driver (drive.py, or locust with --driver locust) for a warm-up and then a measured
window, at a constant offered rate spread over the members. It records every request in
the window and the CPU time of the three parties sharing the two cores (gunicorn,
PostgreSQL, the driver), then writes
results/results.json and results/results.md.

    .venv/bin/python benchmarks/load/make_data.py          # once (≈ 3 minutes)
    .venv/bin/python benchmarks/load/run.py                # 50, 100, 200 req/s, 60 s each
    .venv/bin/python benchmarks/load/run.py --sweep --rates 10,25   # compare gunicorn settings

Options: --rates 50,100,200  --duration 60  --warmup 30  --workers 2  --threads 1
--worker-class sync|gthread  --quiet-wait 600  --name results (file names under results/).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
STATE = HERE / ".state"
RESULTS = HERE / "results"
VENV = ROOT / ".venv" / "bin"
# PostgreSQL on the same machine is reached through its Unix socket, as docs/deploy.md
# advises: a query's round trip costs less than over TCP loopback, and a sync worker
# waits out every round trip. --database-url postgres://…@127.0.0.1:5432/… for TCP.
SOCKET_DIR = Path("/var/run/postgresql")
DEFAULT_URL = (
    "postgres://postgres@%2Fvar%2Frun%2Fpostgresql/carefor_load"
    if SOCKET_DIR.is_dir()
    else "postgres://postgres@127.0.0.1:5432/carefor_load"
)
HOST = "127.0.0.1"
TARGET_P95_MS = 150
CLK_TCK = os.sysconf("SC_CLK_TCK")

# gunicorn settings tried by --sweep: (worker class, workers, threads).
SWEEP = [
    ("sync", 2, 1),
    ("sync", 3, 1),
    ("sync", 4, 1),
    ("sync", 6, 1),
    ("gthread", 2, 4),
    ("gthread", 3, 4),
]


# ------------------------------------------------------------------ processes and CPU


def _cpu_seconds(pid: int) -> float:
    """utime + stime of one process, in seconds (0 if it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def _children(pid: int) -> list[int]:
    try:
        found = []
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            found.extend(int(p) for p in text)
        return found
    except OSError:
        return []


def _processes_named(prefix: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().startswith(prefix):
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def _postgres_processes(database: str) -> tuple[list[int], list[int]]:
    """PostgreSQL processes working for our database (its backends, and the server's own
    helpers: checkpointer, WAL writer, autovacuum…), and backends of other databases."""
    ours, others = [], []
    for pid in _processes_named("postgres"):
        try:
            title = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
        except OSError:
            continue
        words = title.split(": ", 2)[-1].split()
        # A backend's title: "postgres: 15/main: USER DATABASE HOST(PORT) STATE".
        is_backend = len(words) >= 3 and "(" in words[2]
        (others if is_backend and words[1] != database else ours).append(pid)
    return ours, others


def wait_for_quiet(limit_s: float, idle_cores: float = 1.7) -> float:
    """Wait (up to limit_s) until the machine has been nearly idle for 5 s: other work on
    the two cores (a test suite, a build) would be measured as carefor's slowness."""
    started = time.time()
    while time.time() - started < limit_s:
        busy0, total0 = _system_busy()
        time.sleep(5)
        busy1, total1 = _system_busy()
        cores = (total1 - total0) / 5 / CLK_TCK
        if (total1 - total0) - (busy1 - busy0) >= idle_cores / cores * (total1 - total0):
            return time.time() - started
    print(f"    (the machine is still busy after {limit_s:g} s; measuring anyway)", flush=True)
    return time.time() - started


def _system_busy() -> tuple[float, float]:
    """(busy, total) jiffies of all CPUs from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


class CpuSampler:
    """Cumulative CPU seconds of gunicorn (master and workers), PostgreSQL (every backend
    and helper: other databases' work on this server counts too) and the load driver, once a
    second, so the measured window can be cut out afterwards."""

    def __init__(self, gunicorn_pid: int, database: str) -> None:
        self.gunicorn_pid = gunicorn_pid
        self.database = database
        self.driver_pid: int | None = None
        self.samples: list[dict[str, float]] = []
        self.seen: dict[str, dict[int, float]] = {
            "gunicorn": {},
            "postgres": {},
            "driver": {},
            "postgres_other_databases": {},
        }
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        ours, others = _postgres_processes(self.database)
        groups = {
            "gunicorn": [self.gunicorn_pid, *_children(self.gunicorn_pid)],
            "postgres": ours,
            "driver": [self.driver_pid] if self.driver_pid else [],
            "postgres_other_databases": others,
        }
        # Remember each process's last reading: a backend that exits keeps its CPU.
        for group, pids in groups.items():
            for pid in pids:
                seconds = _cpu_seconds(pid)
                if seconds:
                    self.seen[group][pid] = max(seconds, self.seen[group].get(pid, 0.0))
        busy, total = _system_busy()
        self.samples.append(
            {"t": time.time(), "busy": busy / CLK_TCK, "total": total / CLK_TCK}
            | {group: sum(v.values()) for group, v in self.seen.items()}
        )

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(1.0)

    def between(self, start: float, end: float) -> dict[str, float]:
        """CPU used by each party between two moments, in cores (1.0 = one core busy)."""
        inside = [s for s in self.samples if start <= s["t"] <= end]
        if len(inside) < 2:
            return {}
        first, last = inside[0], inside[-1]
        span = last["t"] - first["t"]
        out = {g: round((last[g] - first[g]) / span, 2) for g in self.seen}
        out["machine"] = round((last["busy"] - first["busy"]) / span, 2)
        # Whatever else ran on the machine meanwhile (tests, builds): it took cores from us.
        out["other_work"] = round(
            max(0.0, out["machine"] - out["gunicorn"] - out["postgres"] - out["driver"]), 2
        )
        return out


# ------------------------------------------------------------------ the server


def server_env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREFOR_")}
    env.update(
        DATABASE_URL=database_url,
        CAREFOR_DATA_DIR=str(STATE / "data"),
        CAREFOR_MODE="production",
        CAREFOR_ALLOWED_HOSTS=HOST,
        CAREFOR_LOG_LEVEL="warning",
        DJANGO_SETTINGS_MODULE="carefor.config.settings",
        PYTHONPATH=str(ROOT / "src"),
    )
    return env


def prepare(env: dict[str, str]) -> None:
    """Bring the schema up to date (the app may have moved on since make_data.py ran; a
    new column with a default is fine, a rewritten migration needs make_data.py --force)
    and collect the static files, as a deployment would."""
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run(  # noqa: S603
            [str(VENV / "python"), str(ROOT / "manage.py"), *command],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def start_gunicorn(
    env: dict[str, str], port: int, worker_class: str, workers: int, threads: int
) -> subprocess.Popen[bytes]:
    log = (STATE / "gunicorn.log").open("ab")
    command = [
        str(VENV / "gunicorn"),
        "carefor.config.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        worker_class,
        "--timeout",
        "60",
        "--forwarded-allow-ips",
        HOST,
        "--backlog",
        "2048",
    ]
    server = subprocess.Popen(command, env=env, stdout=log, stderr=log)  # noqa: S603
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    # Every worker imports Django lazily: wait until all have started.
                    time.sleep(2)
                    return server
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
        if server.poll() is not None:
            sys.exit(f"gunicorn exited ({server.returncode}); see {STATE / 'gunicorn.log'}")
    server.kill()
    sys.exit("gunicorn did not answer /healthz within 60 s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def sign_in(port: int, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each member signs in through the login page, as a browser would (CSRF token, then
    the form), and opens Today once so the session holds the workspace. A browser then
    sends both cookies, the session and the CSRF secret (Django makes a new one at
    sign-in), on every page."""
    import requests

    base = f"http://{HOST}:{port}"
    https = {"X-Forwarded-Proto": "https", "Origin": f"https://{HOST}:{port}"}
    signed = []
    for member in members:
        page = requests.get(f"{base}/login/", headers=https, timeout=30)
        csrf = page.cookies["csrftoken"]
        form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert form_token, "no CSRF token on the login page"
        done = requests.post(
            f"{base}/login/",
            data={
                "username": member["email"],
                "password": member["password"],
                "csrfmiddlewaretoken": form_token.group(1),
            },
            headers=https
            | {"Cookie": f"csrftoken={csrf}", "Referer": f"https://{HOST}:{port}/login/"},
            allow_redirects=False,
            timeout=30,
        )
        if done.status_code != 302 or "sessionid" not in done.cookies:
            sys.exit(f"Signing in {member['email']} failed: HTTP {done.status_code}")
        session = done.cookies["sessionid"]
        csrf = done.cookies.get("csrftoken", csrf)
        first = requests.get(
            f"{base}/today/",
            headers=https | {"Cookie": f"sessionid={session}; csrftoken={csrf}"},
            allow_redirects=False,
            timeout=60,
        )
        assert first.status_code == 200, first.status_code
        signed.append(member | {"session": session, "csrf": csrf})
    return signed


# ------------------------------------------------------------------ one run


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (the value below which `share` of the samples fall)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil
    return ordered[int(rank) - 1]


def summarise(samples: list[list[Any]], seconds: float) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[list[Any]]] = {}
    for sample in samples:
        name = sample[0]
        groups.setdefault(name, []).append(sample)
        if name.endswith(" [busy]"):  # the busy people also count in their endpoint's total
            groups.setdefault(name.removesuffix(" [busy]") + " (all)", []).append(sample)
        elif name in ("page: person", "api: timeline"):
            groups.setdefault(name + " (all)", []).append(sample)
    groups["all requests"] = samples
    out = {}
    for name, rows in sorted(groups.items()):
        times = [r[2] for r in rows]
        failures = [r for r in rows if not r[4]]
        out[name] = {
            "requests": len(rows),
            "failures": len(failures),
            "statuses": sorted({r[3] for r in failures}),
            "rate": round(len(rows) / seconds, 1),
            "p50_ms": round(percentile(times, 0.50), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "p99_ms": round(percentile(times, 0.99), 1),
            "max_ms": round(max(times), 1),
            "mean_ms": round(statistics.fmean(times), 1),
        }
    return out


def run_rate(
    port: int,
    plan_file: Path,
    rate: float,
    users: int,
    warmup: float,
    duration: float,
    sampler: CpuSampler,
    driver: str = "open",
) -> dict[str, Any]:
    out = STATE / f"samples-{int(rate)}.json"
    env = {
        **os.environ,
        "LOAD_PLAN": str(plan_file),
        "LOAD_RATE": str(rate),
        "LOAD_USERS": str(users),
        "LOAD_WARMUP": str(warmup),
        "LOAD_OUT": str(out),
    }
    if driver == "locust":
        command = [
            str(VENV / "locust"),
            "-f",
            str(HERE / "locustfile.py"),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(max(users, 1)),
            "--run-time",
            f"{int(warmup + duration)}s",
            "--stop-timeout",
            "10",
            "--host",
            f"http://{HOST}:{port}",
            "--only-summary",
            "--loglevel",
            "WARNING",
        ]
    else:
        command = [str(VENV / "python"), str(HERE / "drive.py")]
        env |= {"LOAD_DURATION": str(duration), "LOAD_HOST": HOST, "LOAD_PORT": str(port)}
    locust = subprocess.Popen(  # noqa: S603
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(STATE / f"{driver}.log").open("ab"),
    )
    sampler.driver_pid = locust.pid
    locust.wait()
    sampler.driver_pid = None
    data = json.loads(out.read_text())
    start, end = data["window"]["start"], data["window"]["end"]
    samples = data["samples"]
    seconds = end - start
    cpu = sampler.between(start, end)
    # Throughput is what the server answered inside the window: an open-loop driver keeps
    # sending on schedule, so what it sent says nothing about what was served.
    served = data.get("served_in_window")
    if served is None:  # locust: its users slow down with the server, sent = served
        served = sum(1 for s in samples if s[4] and start <= s[1] + s[2] / 1000 <= end)
    achieved = served / seconds
    server_cores = cpu.get("gunicorn", 0) + cpu.get("postgres", 0)
    return {
        "offered_rate": rate,
        "users": users if driver == "locust" else None,
        "send_lag_ms": data.get("send_lag_ms"),
        "measured_seconds": round(seconds, 1),
        "achieved_rate": round(achieved, 1),
        "cpu_cores": cpu,
        # CPU the server side (gunicorn + PostgreSQL) spent per request, on average: two
        # cores divided by this is the most this mix could ever reach on this machine.
        "server_cpu_ms_per_request": round(server_cores * 1000 / achieved, 1) if achieved else None,
        "endpoints": summarise(samples, seconds),
    }


def source_fingerprint() -> dict[str, str]:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "src"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "carefor").rglob("*")):
        if path.suffix in (".py", ".html") and path.is_file():
            digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return {
        "commit": commit,
        "src_changed_since_commit": bool(dirty),
        "src_sha256": digest.hexdigest()[:16],
    }


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    return f"{os.cpu_count()} cores ({model}), {memory:.0f} GB, Python {platform.python_version()}"


def postgres_settings(url: str) -> dict[str, str]:
    import psycopg

    names = (
        "server_version",
        "shared_buffers",
        "work_mem",
        "effective_cache_size",
        "random_page_cost",
        "jit",
        "max_connections",
        "synchronous_commit",
    )
    with psycopg.connect(url.replace("postgres://", "postgresql://", 1)) as conn:
        return {n: conn.execute(f"SHOW {n}").fetchone()[0] for n in names}


def one_config(
    args: argparse.Namespace,
    env: dict[str, str],
    plan: dict[str, Any],
    rates: list[float],
    worker_class: str,
    workers: int,
    threads: int,
) -> list[dict[str, Any]]:
    served = source_fingerprint()  # what gunicorn loads (lazy imports: until the warm-up)
    server = start_gunicorn(env, args.port, worker_class, workers, threads)
    sampler = CpuSampler(server.pid, args.database_url.rsplit("/", 1)[-1])
    sampler.start()
    try:
        print(
            f"gunicorn {worker_class} x {workers} workers x {threads} threads: signing in "
            f"{len(plan['members'])} members",
            flush=True,
        )
        signed = sign_in(args.port, plan["members"])
        plan_file = STATE / "plan.json"
        plan_file.write_text(json.dumps(plan | {"members": signed}))
        plan_file.chmod(0o600)
        runs = []
        loaded = None
        for rate in rates:
            users = args.users or int(rate)
            waited = wait_for_quiet(args.quiet_wait)
            who = f"{users} locust users" if args.driver == "locust" else "the open-loop driver"
            print(
                f"  {rate:g} req/s with {who}: {args.warmup:g} s warm-up, "
                f"{args.duration:g} s measured…",
                flush=True,
            )
            result = run_rate(
                args.port, plan_file, rate, users, args.warmup, args.duration, sampler, args.driver
            )
            result["driver"] = args.driver
            result["gunicorn"] = {
                "worker_class": worker_class,
                "workers": workers,
                "threads": threads,
            }
            result["waited_for_quiet_s"] = round(waited)
            # Other engineers edit the app while this runs: say which code was measured.
            # The workers import modules and templates lazily, so by the end of the first
            # rate (every endpoint called many times) they hold all they will ever load;
            # a change before then may have mixed two versions, a change after it is not
            # served by this gunicorn (it is flagged, for information only).
            now = source_fingerprint()
            if loaded is None:
                loaded = now
            result["source"] = served
            result["source_changed_while_loading"] = loaded["src_sha256"] != served["src_sha256"]
            result["source_changed_since_start"] = now["src_sha256"] != served["src_sha256"]
            if result["source_changed_while_loading"]:
                print("    WARNING: src/ changed while gunicorn loaded it; re-run.", flush=True)
            overall = result["endpoints"]["all requests"]
            print(
                f"    achieved {result['achieved_rate']} req/s, p50 {overall['p50_ms']} ms, "
                f"p95 {overall['p95_ms']} ms, p99 {overall['p99_ms']} ms, "
                f"{overall['failures']} failures; CPU {result['cpu_cores']}, server CPU "
                f"{result['server_cpu_ms_per_request']} ms/request",
                flush=True,
            )
            runs.append(result)
        return runs
    finally:
        sampler.stop()
        stop(server)


def table(run: dict[str, Any]) -> list[str]:
    lines = [
        "| endpoint | requests | failures | req/s | p50 ms | p95 ms | p99 ms | p95 < 150 ms? |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, row in run["endpoints"].items():
        ok = "yes" if row["p95_ms"] < TARGET_P95_MS and not row["failures"] else "**no**"
        label = f"**{name}**" if name == "all requests" else name
        lines.append(
            f"| {label} | {row['requests']:,} | {row['failures']} | {row['rate']} | "
            f"{row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} | {ok} |"
        )
    return lines


def write(name: str, result: dict[str, Any]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=1) + "\n")
    data = result["data"]
    lines = [
        f"# Load test: {name}",
        "",
        f"Measured {result['date']} on {result['machine']}; PostgreSQL "
        f"{result['postgres']['server_version']} on the same machine, reached "
        f"{result.get('database_link', 'over TCP loopback')}; carefor at "
        f"`{result['source']['commit']}`"
        + (" with uncommitted changes" if result["source"]["src_changed_since_commit"] else "")
        + f" (src sha256 {result['source']['src_sha256']}). Data: {data['members']} members, "
        f"{data['people']:,} people, {data['interactions']:,} interactions. Warm-up "
        f"{result['warmup_s']:g} s, then {result['duration_s']:g} s measured per rate.",
        "",
    ]
    for run in result["runs"]:
        g, cpu = run["gunicorn"], run["cpu_cores"]
        changed = run.get("source_changed_while_loading")
        lines += [
            f"## {run['offered_rate']:g} req/s offered, {run['achieved_rate']} achieved "
            f"(gunicorn {g['worker_class']}, {g['workers']} workers x {g['threads']} threads, "
            + (
                f"{run['users']} locust users)"
                if run.get("driver") == "locust"
                else "open-loop driver)"
            ),
            "",
            f"CPU in cores (2.0 = both busy): gunicorn {cpu.get('gunicorn')}, PostgreSQL "
            f"{cpu.get('postgres')}, load driver {cpu.get('driver')}; other work on the machine "
            f"{cpu.get('other_work')}; whole machine {cpu.get('machine')}. Server CPU per "
            f"request: {run['server_cpu_ms_per_request']} ms. carefor source "
            f"{run.get('source', {}).get('src_sha256')}"
            + (" — **WARNING: the source changed while gunicorn loaded it**" if changed else "")
            + "."
            + (
                f" The driver sent requests {run['send_lag_ms']['p50']} ms late at the median, "
                f"{run['send_lag_ms']['p95']} ms at p95 (counted in every time below)."
                if run.get("send_lag_ms") and run["send_lag_ms"].get("p95") is not None
                else ""
            ),
            "",
            *table(run),
            "",
        ]
    (RESULTS / f"{name}.md").write_text("\n".join(lines))
    print(f"Wrote {RESULTS / name}.md and .json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--rates", default="50,100,200")
    parser.add_argument("--duration", type=float, default=60)
    # 30 s of warm-up then 60 s measured: the window holds the moment the first remembered
    # answers (kept for CAREFOR_ANSWER_CACHE_SECONDS, 60) expire and are computed again,
    # as they are all day long in a team's use, not only the best case after warm-up.
    parser.add_argument("--warmup", type=float, default=30)
    parser.add_argument(
        "--driver",
        default="open",
        choices=("open", "locust"),
        help="open: drive.py's fixed schedule (default); locust: locustfile.py's users",
    )
    parser.add_argument(
        "--users", type=int, default=0, help="locust users (default: one per req/s)"
    )
    parser.add_argument("--worker-class", default="sync", choices=("sync", "gthread"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="try several gunicorn settings (SWEEP) at each of --rates",
    )
    parser.add_argument("--name", default="")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=600,
        help="wait up to this many seconds for an idle machine before each rate",
    )
    args = parser.parse_args()
    members_file, manifest_file = STATE / "members.json", STATE / "manifest.json"
    if not members_file.exists() or not manifest_file.exists():
        sys.exit("No load-test data: run .venv/bin/python benchmarks/load/make_data.py first.")
    manifest = json.loads(manifest_file.read_text())
    plan = {
        "members": json.loads(members_file.read_text()),
        "busy_people": manifest["busiest_people"],
        "person_ids": manifest["person_ids"],
    }
    rates = [float(r) for r in args.rates.split(",")]
    env = server_env(args.database_url)
    prepare(env)
    STATE.mkdir(exist_ok=True)
    result: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average_before": os.getloadavg(),
        "postgres": postgres_settings(args.database_url),
        "database_link": (
            "through its Unix socket" if "@%2F" in args.database_url else "over TCP loopback"
        ),
        "source": source_fingerprint(),
        "data": manifest["counts"]
        | {"interactions_per_person": manifest["interactions_per_person"]},
        "warmup_s": args.warmup,
        "duration_s": args.duration,
        "target_p95_ms": TARGET_P95_MS,
        "runs": [],
    }
    if args.sweep:
        for worker_class, workers, threads in SWEEP:
            result["runs"] += one_config(args, env, plan, rates, worker_class, workers, threads)
        write(args.name or "sweep", result)
        return
    # A fresh gunicorn for each rate: every window then starts from the same state (a
    # 30 s ramp, nothing remembered before it). One server across rates made the third
    # rate's window the moment the first remembered answers expired (at 225-300 s).
    for rate in rates:
        result["runs"] += one_config(
            args, env, plan, [rate], args.worker_class, args.workers, args.threads
        )
    write(args.name or "results", result)


if __name__ == "__main__":
    main()
