"""Time carefor's Maildir import next to `mu index` and `notmuch new` on the same Maildirs.

    .venv/bin/python benchmarks/ingest/run.py [--out DIR] [--count 100000] [--skip-generate]

For every corpus (linux-mips-2019 and the synthetic N/4, N/2, N mailboxes) each tool starts
from an empty index, the corpus is read once to warm the page cache, dirty pages are
flushed, and only the indexing step runs under `/usr/bin/time -v`. Results go to
results.md and results.json next to this file. See README.md for what the numbers mean.
Standard library only, so it runs from the project venv or any Python 3.11.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import make_corpora

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
APT_PACKAGES = {"mu": "maildir-utils", "notmuch": "notmuch", "time": "time"}
GNU_TIME = "/usr/bin/time"
BENCH_USER = "bench@example.org"
BENCH_PASSWORD = "a long bench passphrase\n"  # noqa: S105 -- a throwaway account in a temp dir
TOOLS = ("mu", "notmuch", "carefor")
# The tools carefor is compared with. They are slow (notmuch ~400 msg/s), so by default they
# skip the middle synthetic size, which only carefor's linearity check needs; --full adds it.
REFERENCE_TOOLS = ("mu", "notmuch")

# Targets from the brief; README.md explains them.
TARGET_RATIO_VS_MU = 5.0
TARGET_RSS_MB = 300.0
# Linear means the time per message at the largest size is at most this much worse than at
# the smallest one (a 4x larger mailbox may take at most 5x as long).
TARGET_LINEARITY = 1.25


# ------------------------------------------------------------------------- data types


@dataclass(frozen=True)
class Corpus:
    name: str
    path: Path
    messages: int
    manifest: dict


@dataclass
class Timed:
    """What /usr/bin/time -v said about one command, plus its output."""

    exit_code: int
    wall_s: float
    user_s: float
    sys_s: float
    max_rss_kb: int
    stdout: str
    stderr: str
    timed_out: bool = False
    tree_pss_kb: int = 0  # sampled peak of the whole process tree, see TreeSampler
    tree_rss_kb: int = 0


@dataclass
class Measurement:
    corpus: str
    messages: int
    tool: str
    status: str  # ok | rejected-some | error | timeout | unavailable
    wall_s: float | None = None
    user_s: float | None = None
    sys_s: float | None = None
    max_rss_mb: float | None = None  # largest single process (/usr/bin/time -v)
    tree_pss_mb: float | None = None  # all processes together (sampled PSS)
    tree_rss_mb: float | None = None  # all processes together (sampled RSS, counts shared twice)
    msgs_per_s: float | None = None
    indexed: int | None = None  # what the tool says it holds afterwards
    runs_wall_s: list[float] = field(default_factory=list)
    report: dict | None = None  # carefor's --json report
    note: str = ""


# ------------------------------------------------------------------- running commands


def run(
    cmd: list[str], env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """An untimed helper command (setup, counting); raises with its stderr on failure."""
    # Commands are absolute paths chosen by this script, never shell strings.
    result = subprocess.run(  # noqa: S603
        cmd, env=env, input=stdin, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}): {result.stderr[-800:]}")
    return result


class TreeSampler(threading.Thread):
    """Peak memory of a whole process tree, read from /proc every `interval` seconds.

    /usr/bin/time reports the largest single process, but carefor forks worker processes:
    their memory adds up. PSS shares copy-on-write pages among the processes that map them,
    so the sum is what the tree really costs; the RSS sum counts shared pages repeatedly.
    """

    def __init__(self, root: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.peak_pss_kb = self.peak_rss_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            rss = pss = 0
            for pid in descendants(self.root):
                pid_rss, pid_pss = memory_of(pid)
                rss, pss = rss + pid_rss, pss + pid_pss
            self.peak_rss_kb = max(self.peak_rss_kb, rss)
            self.peak_pss_kb = max(self.peak_pss_kb, pss)

    def stop(self) -> None:
        self.done.set()
        self.join()


def descendants(root: int) -> list[int]:
    """Every process below root (not root itself: that is /usr/bin/time)."""
    found: list[int] = []
    pending = [root]
    while pending:
        pid = pending.pop()
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                children = Path(f"/proc/{pid}/task/{task}/children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                found.append(child)
                pending.append(child)
    return found


def memory_of(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in kB, or zeros if the process is already gone."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    values = dict(re.findall(r"^(Rss|Pss):\s+(\d+) kB", text, re.MULTILINE))
    return int(values.get("Rss", 0)), int(values.get("Pss", 0))


def timed(cmd: list[str], env: dict[str, str], timeout: float) -> Timed:
    """Run cmd under /usr/bin/time -v; the rusage report goes to a file, not the tool's stderr."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        # Own session, so a timeout can kill the tool too, not only /usr/bin/time.
        proc = subprocess.Popen(  # noqa: S603
            [GNU_TIME, "-v", "-o", report.name, *cmd],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        sampler = TreeSampler(proc.pid)
        sampler.start()
        try:
            out, err = proc.communicate(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            timed_out = True
        finally:
            sampler.stop()
        result = parse_time_report(Path(report.name).read_text(), out, err, timed_out)
        result.tree_pss_kb, result.tree_rss_kb = sampler.peak_pss_kb, sampler.peak_rss_kb
        return result


def parse_time_report(text: str, out: str, err: str, timed_out: bool) -> Timed:
    def field_value(label: str) -> str:
        match = re.search(rf"^\s*{re.escape(label)}: (.+)$", text, re.MULTILINE)
        return match.group(1).strip() if match else "0"

    return Timed(
        exit_code=int(field_value("Exit status")),
        wall_s=parse_clock(field_value("Elapsed (wall clock) time (h:mm:ss or m:ss)")),
        user_s=float(field_value("User time (seconds)")),
        sys_s=float(field_value("System time (seconds)")),
        max_rss_kb=int(field_value("Maximum resident set size (kbytes)")),
        stdout=out,
        stderr=err,
        timed_out=timed_out,
    )


def parse_clock(value: str) -> float:
    """GNU time's "h:mm:ss" or "m:ss.cc" as seconds."""
    seconds = 0.0
    for part in value.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment minus anything that could point a tool at real data."""
    drop = ("CAREFOR_", "DATABASE_URL", "NOTMUCH_", "MU_", "XAPIAN_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env.update(extra)
    return env


# ----------------------------------------------------------------------- page cache


def prepare_cache(corpus: Corpus, mode: str) -> None:
    """Same starting point for every tool: pending writes flushed, corpus warm or cold.

    The sync keeps one tool's database writeback from landing inside the next tool's timing.
    """
    os.sync()
    if mode == "cold":
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return
    find = shutil.which("find") or "/usr/bin/find"
    subprocess.run(  # noqa: S603
        [find, str(corpus.path), "-type", "f", "-exec", "cat", "{}", "+"],
        stdout=subprocess.DEVNULL,
        check=True,
    )


def check_cold_cache_allowed() -> None:
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError as exc:
        raise SystemExit(f"--cache cold needs root (writing drop_caches failed: {exc}).") from None


# ---------------------------------------------------------------------------- tools


def mu_setup(corpus: Corpus, home: Path, env: dict[str, str]) -> list[str]:
    mu = tool_path("mu")
    run(
        [
            mu,
            "init",
            "--quiet",
            f"--muhome={home}",
            f"--maildir={corpus.path}",
            f"--my-address={make_corpora.ME_ADDRESS}",
        ],
        env=env,
    )
    return [mu, "index", "--quiet", f"--muhome={home}"]


def mu_count(home: Path, env: dict[str, str]) -> int | None:
    info = run([tool_path("mu"), "info", "--muhome=" + str(home), "store"], env=env).stdout
    match = re.search(r"messages in store\s*\|\s*(\d+)", info)
    return int(match.group(1)) if match else None


def notmuch_config(corpus: Corpus, home: Path) -> Path:
    """A throwaway notmuch 0.37 config: database outside the Maildir, default new.tags."""
    database = home / "db"
    database.mkdir(parents=True)  # notmuch new creates the index, not its folder
    config = home / "config"
    config.write_text(
        "[database]\n"
        f"path={database}\n"
        f"mail_root={corpus.path}\n"
        "\n[user]\n"
        f"name={make_corpora.ME_NAME}\n"
        f"primary_email={make_corpora.ME_ADDRESS}\n"
        "\n[new]\ntags=unread;inbox;\nignore=\n"
        "\n[search]\nexclude_tags=deleted;spam;\n"
        "\n[maildir]\nsynchronize_flags=true\n"
    )
    return config


def notmuch_count(env: dict[str, str]) -> int | None:
    out = run([tool_path("notmuch"), "count", "--output=files", "*"], env=env).stdout
    return int(out.strip() or 0)


def carefor_setup(env: dict[str, str], carefor: str) -> None:
    """An account and my address, so the import knows which messages I sent."""
    run(
        [carefor, "user", "create", BENCH_USER, "--name", "Bench", "--password-stdin"],
        env=env,
        stdin=BENCH_PASSWORD,
    )
    run([carefor, "me", "add", make_corpora.ME_ADDRESS], env=env)


def carefor_available(carefor: str | None) -> str:
    """Empty when `carefor import maildir` can run, else why not."""
    if carefor is None:
        return "carefor executable not found"
    probe = subprocess.run(  # noqa: S603
        [carefor, "import", "maildir", "--help"], capture_output=True, text=True, check=False
    )
    return "" if probe.returncode == 0 else "carefor import maildir not available"


def find_carefor(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    venv = REPO / ".venv" / "bin" / "carefor"
    return str(venv) if venv.exists() else shutil.which("carefor")


def tool_path(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is not installed")
    return path


# ------------------------------------------------------------------------ measuring


@dataclass
class Bench:
    work: Path
    cache: str
    repeat: int
    timeout: float
    carefor: str | None
    carefor_missing: str


def measure(bench: Bench, corpus: Corpus, tool: str) -> Measurement:
    """Run one tool `repeat` times on one corpus, each time from an empty index."""
    result = Measurement(corpus.name, corpus.messages, tool, "ok")
    if tool == "carefor" and bench.carefor_missing:
        result.status, result.note = "unavailable", bench.carefor_missing
        return result
    outcomes: list[Timed] = []
    for attempt in range(bench.repeat):
        home = bench.work / "runs" / corpus.name / tool
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(parents=True)
        cmd, env = prepare_tool(bench, corpus, tool, home)
        prepare_cache(corpus, bench.cache)
        log(f"  {tool:8} {corpus.name} (run {attempt + 1}/{bench.repeat}) ...")
        outcome = timed(cmd, env, bench.timeout)
        if not record_run(result, tool, outcome, bench.timeout):
            return result
        outcomes.append(outcome)
        result.indexed = count_indexed(tool, home, env, outcome)
    summarise(result, outcomes)
    if tool == "carefor":
        check_report(result)
    log(
        f"  {tool:8} {result.wall_s:7.2f} s  {result.msgs_per_s:8.0f} msg/s  "
        f"RSS {result.max_rss_mb:5.0f} MB  tree PSS {result.tree_pss_mb:5.0f} MB  "
        f"indexed={result.indexed}"
    )
    return result


def prepare_tool(
    bench: Bench, corpus: Corpus, tool: str, home: Path
) -> tuple[list[str], dict[str, str]]:
    """Untimed setup in a fresh home; returns the command to time and its environment."""
    if tool == "mu":
        env = clean_env()
        return mu_setup(corpus, home, env), env
    if tool == "notmuch":
        env = clean_env(NOTMUCH_CONFIG=str(notmuch_config(corpus, home)))
        return [tool_path("notmuch"), "new", "--quiet", "--no-hooks"], env
    assert bench.carefor is not None  # measure() returned early otherwise
    env = clean_env(CAREFOR_DATA_DIR=str(home))
    carefor_setup(env, bench.carefor)
    return [bench.carefor, "import", "maildir", str(corpus.path), "--json"], env


def record_run(result: Measurement, tool: str, outcome: Timed, timeout: float) -> bool:
    """Keep one run's numbers; False (with the status set) when the run failed."""
    if outcome.timed_out:
        result.status, result.note = "timeout", f"killed after {timeout:.0f} s"
        return False
    if tool == "carefor":
        result.report = parse_json(outcome.stdout)
        if outcome.exit_code == 3:
            rejected = len((result.report or {}).get("errors", []))
            result.status, result.note = "rejected-some", f"exit 3: {rejected} items rejected"
    if outcome.exit_code not in (0, 3) or (tool != "carefor" and outcome.exit_code != 0):
        result.status = "error"
        result.note = f"exit {outcome.exit_code}: {tail(outcome.stderr)}"
        return False
    result.runs_wall_s.append(outcome.wall_s)
    result.user_s, result.sys_s = outcome.user_s, outcome.sys_s
    return True


def count_indexed(tool: str, home: Path, env: dict[str, str], outcome: Timed) -> int | None:
    if tool == "mu":
        return mu_count(home, env)
    if tool == "notmuch":
        return notmuch_count(env)
    report = parse_json(outcome.stdout) or {}
    return report.get("imported")


def check_report(result: Measurement) -> None:
    """Say so when carefor did not read every file, so its msg/s is not taken at face value."""
    read = (result.report or {}).get("read")
    if read is not None and read != result.messages:
        extra = f"read {read:,} of {result.messages:,} files"
        result.note = f"{result.note}; {extra}" if result.note else extra


def summarise(result: Measurement, outcomes: list[Timed]) -> None:
    # The median run is the headline (with the default single run, that run); memory is
    # the worst run, since a limit has to hold every time.
    result.wall_s = statistics.median(result.runs_wall_s)
    result.msgs_per_s = result.messages / result.wall_s if result.wall_s else None
    result.max_rss_mb = max(o.max_rss_kb for o in outcomes) / 1024
    result.tree_pss_mb = max(o.tree_pss_kb for o in outcomes) / 1024
    result.tree_rss_mb = max(o.tree_rss_kb for o in outcomes) / 1024


def peak_memory_mb(m: Measurement) -> float:
    """What the memory target is judged on: the whole tree, or the biggest process if the
    sampler (every 0.1 s) missed a short peak that /usr/bin/time saw."""
    return max(m.max_rss_mb or 0.0, m.tree_pss_mb or 0.0)


def parse_json(text: str) -> dict | None:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def tail(text: str, chars: int = 300) -> str:
    return " ".join(text.strip().split())[-chars:]


# ------------------------------------------------------------------------- corpora


def tools_for(corpus: Corpus, tools: list[str], sizes: list[int], full: bool) -> list[str]:
    """All tools, except that the reference tools skip middle synthetic sizes unless --full."""
    middle = corpus.name.startswith("synthetic-") and corpus.messages not in (
        min(sizes),
        max(sizes),
    )
    if full or not middle:
        return tools
    return [tool for tool in tools if tool not in REFERENCE_TOOLS]


def load_corpora(out: Path, count: int) -> list[Corpus]:
    names = ["linux-mips-2019"] + [
        make_corpora.synthetic_name(n) for n in make_corpora.default_sizes(count)
    ]
    corpora = []
    for name in names:
        manifest = make_corpora.read_manifest(out, name)
        if manifest is None:
            log(f"corpus {name} is missing in {out / 'corpora'}; skipping it")
            continue
        path = make_corpora.corpus_dir(out, name)
        corpora.append(Corpus(name, path, manifest["messages"], manifest))
    return corpora


# ------------------------------------------------------------------------- context


def check_tools() -> None:
    missing = [pkg for name, pkg in APT_PACKAGES.items() if not tool_exists(name)]
    if missing:
        raise SystemExit(
            f"Missing tools. Install them with:\n  sudo apt-get install -y {' '.join(missing)}"
        )


def tool_exists(name: str) -> bool:
    return Path(GNU_TIME).exists() if name == "time" else shutil.which(name) is not None


def machine_info(work: Path) -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model.group(1).strip() if model else "unknown",
        "memory_gb": round(int(meminfo.group(1)) / 1024**2, 1) if meminfo else None,
        "kernel": platform.release(),
        "os": os_name(),
        "filesystem": filesystem_of(work),
        # Other work on the machine skews every number; this shows whether there was any.
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def os_name() -> str:
    release = Path("/etc/os-release")
    if release.exists():
        match = re.search(r'^PRETTY_NAME="?([^"\n]+)', release.read_text(), re.MULTILINE)
        if match:
            return match.group(1)
    return platform.platform()


def filesystem_of(path: Path) -> str:
    """Type and device of the mount holding the work dir (databases are written there)."""
    best = ("", "unknown", "")
    for line in Path("/proc/mounts").read_text().splitlines():
        device, mount, fstype = line.split()[:3]
        if str(path.resolve()).startswith(mount) and len(mount) >= len(best[0]):
            best = (mount, fstype, device)
    return f"{best[1]} on {best[2]} ({best[0]})"


def versions(carefor: str | None) -> dict:
    found = {
        "mu": first_line([tool_path("mu"), "--version"]),
        "notmuch": first_line([tool_path("notmuch"), "--version"]),
        "python": platform.python_version(),
        "carefor": first_line([carefor, "--version"]) if carefor else "not found",
    }
    dpkg = shutil.which("dpkg-query")
    if dpkg:
        for package in ("maildir-utils", "notmuch", "libxapian30", "time"):
            found[f"deb:{package}"] = first_line([dpkg, "-W", "-f=${Version}", package])
    return found


def carefor_source() -> dict:
    """Which carefor code ran: it is under active development, so the version is not enough."""
    git = shutil.which("git")
    head = dirty = ""
    if git and (REPO / ".git").exists():
        head = first_line([git, "-C", str(REPO), "rev-parse", "--short=12", "HEAD"])
        status = run([git, "-C", str(REPO), "status", "--porcelain", "--", "src"]).stdout
        dirty = " with uncommitted changes in src/" if status.strip() else ""
    return {"git": f"{head or 'unknown'}{dirty}", "src_sha256": source_fingerprint()}


def source_fingerprint() -> str:
    """sha256 over carefor's Python sources, to notice code changing during a run."""
    digest = hashlib.sha256()
    for path in sorted((REPO / "src" / "carefor").rglob("*.py")):
        digest.update(str(path.relative_to(REPO)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def first_line(cmd: list[str]) -> str:
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)  # noqa: S603
    text = (result.stdout or result.stderr).strip()
    return text.splitlines()[0] if text else f"exit {result.returncode}"


# ------------------------------------------------------------------------- verdicts


def verdicts(measurements: list[Measurement]) -> dict:
    """The brief's targets, each with the numbers behind it; None when unmeasurable."""
    by = {(m.corpus, m.tool): m for m in measurements}
    carefor = [m for m in measurements if m.tool == "carefor" and m.msgs_per_s]
    ratios = {}
    for m in carefor:
        mu = by.get((m.corpus, "mu"))
        if mu and mu.msgs_per_s:
            ratios[m.corpus] = round(m.msgs_per_s / mu.msgs_per_s, 2)
    memory = {m.corpus: round(peak_memory_mb(m), 1) for m in carefor}
    linear = {tool: linearity(measurements, tool) for tool in TOOLS}
    return {
        "ratio_vs_mu": {
            "target": f">= {TARGET_RATIO_VS_MU}x mu's msg/s on every corpus",
            "values": ratios,
            "met": all(r >= TARGET_RATIO_VS_MU for r in ratios.values()) if ratios else None,
        },
        "peak_memory": {
            "target": f"< {TARGET_RSS_MB:.0f} MB for all carefor processes together",
            "values_mb": memory,
            "met": all(v < TARGET_RSS_MB for v in memory.values()) if memory else None,
        },
        "linearity": {
            "target": f"time per message at the largest size <= {TARGET_LINEARITY}x the smallest",
            "values": linear,
            "met": linear["carefor"] <= TARGET_LINEARITY if linear["carefor"] else None,
        },
    }


def linearity(measurements: list[Measurement], tool: str) -> float | None:
    """Seconds per message at the largest synthetic size over that at the smallest."""
    points = sorted(
        (m.messages, m.wall_s)
        for m in measurements
        if m.tool == tool and m.corpus.startswith("synthetic-") and m.wall_s
    )
    if len(points) < 2:
        return None
    (small_n, small_s), (large_n, large_s) = points[0], points[-1]
    return round((large_s / large_n) / (small_s / small_n), 2)


# -------------------------------------------------------------------------- reports


def write_results(results_dir: Path, payload: dict) -> None:
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "results.json").write_text(json.dumps(payload, indent=2) + "\n")
    (results_dir / "results.md").write_text(markdown(payload))


def markdown(payload: dict) -> str:
    machine, settings = payload["machine"], payload["settings"]
    lines = [
        "# Ingest benchmark results",
        "",
        f"Run {payload['generated']} with `{settings['command']}`.",
        "",
        f"- Machine: {machine['nproc']} cores, {machine['cpu_model']}, "
        f"{machine['memory_gb']} GB RAM, {machine['os']}, kernel {machine['kernel']}",
        f"- Work dir filesystem: {machine['filesystem']}; load average at start: "
        f"{machine['load_average_at_start']}",
        f"- Page cache: {settings['cache']}; runs per measurement: {settings['repeat']} "
        "(median wall time, highest memory)",
        "- Tools per corpus: "
        + (
            "all of them everywhere (--full)"
            if settings["full"]
            else "mu and notmuch skip the middle synthetic size (use --full to include it)"
        ),
        "- Versions: " + ", ".join(f"{k} `{flat(v)}`" for k, v in payload["versions"].items()),
        *(f"- **Warning:** {w}" for w in payload["warnings"]),
        "",
        "| corpus | messages | tool | wall s | msg/s | CPU s (user+sys) | peak RSS MB "
        "| all procs PSS MB | indexed | ratio carefor/mu | status |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    ratios = payload["verdicts"]["ratio_vs_mu"]["values"]
    for m in payload["measurements"]:
        lines.append(table_row(m, ratios))
    lines += ["", "## Targets (carefor)", ""]
    for name, verdict in payload["verdicts"].items():
        met = {True: "met", False: "NOT met", None: "not measured"}[verdict["met"]]
        values = verdict.get("values", verdict.get("values_mb"))
        lines.append(f"- **{name}** ({verdict['target']}): {met}; {json.dumps(values)}")
    lines += [
        "",
        "peak RSS = largest single process (`/usr/bin/time -v`); all procs PSS = the whole "
        "process tree, sampled every 0.1 s (carefor forks parsing workers). See README.md.",
    ]
    lines += corpus_lines(payload["corpora"]) + note_lines(payload["measurements"])
    return "\n".join(lines) + "\n"


def flat(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def table_row(m: dict, ratios: dict) -> str:
    def num(value: float | None, fmt: str) -> str:
        return "—" if value is None else format(value, fmt)

    cpu = None if m["user_s"] is None else m["user_s"] + m["sys_s"]
    ratio = ratios.get(m["corpus"]) if m["tool"] == "carefor" else None
    return (
        f"| {m['corpus']} | {m['messages']:,} | {m['tool']} | {num(m['wall_s'], '.2f')} "
        f"| {num(m['msgs_per_s'], ',.0f')} | {num(cpu, '.1f')} | {num(m['max_rss_mb'], '.0f')} "
        f"| {num(m['tree_pss_mb'], '.0f')} | {num(m['indexed'], ',')} | {num(ratio, '.2f')} "
        f"| {m['status']} |"
    )


def corpus_lines(corpora: list[dict]) -> list[str]:
    lines = ["", "## Corpora", ""]
    for c in corpora:
        origin = c.get("source") or f"seed {c.get('seed')}, generator v{c['generator_version']}"
        lines.append(
            f"- `{c['name']}`: {c['messages']:,} files, {c['bytes'] / 1e6:.0f} MB, "
            f"sha256 `{c['sha256'][:16]}…` ({origin})"
        )
    return lines


def note_lines(measurements: list[dict]) -> list[str]:
    notes = [f"- {m['tool']} on {m['corpus']}: {m['note']}" for m in measurements if m["note"]]
    reports = [
        f"- carefor on {m['corpus']}: "
        + json.dumps(
            {k: v for k, v in m["report"].items() if k != "errors"}
            | {"errors": len(m["report"].get("errors", []))}
        )
        for m in measurements
        if m["report"]
    ]
    lines = []
    if reports:
        lines += ["", "## carefor import reports", "", *reports]
    if notes:
        lines += ["", "## Notes", "", *notes]
    return lines


# ----------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=make_corpora.DEFAULT_OUT, help="work dir")
    parser.add_argument(
        "--count",
        type=int,
        default=make_corpora.DEFAULT_COUNT,
        help="largest synthetic size; N/4 and N/2 are measured too",
    )
    parser.add_argument("--seed", type=int, default=make_corpora.DEFAULT_SEED)
    parser.add_argument(
        "--skip-generate", action="store_true", help="use the corpora already in --out"
    )
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset")
    parser.add_argument(
        "--corpora", default="", help="comma-separated corpus names (default: all of them)"
    )
    parser.add_argument(
        "--full", action="store_true", help="run mu and notmuch on the middle size too"
    )
    parser.add_argument("--cache", choices=("warm", "cold"), default="warm")
    parser.add_argument("--repeat", type=int, default=1, help="runs per tool and corpus")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per timed run")
    parser.add_argument("--carefor", help="carefor executable (default: the repo's .venv)")
    parser.add_argument("--results-dir", type=Path, default=HERE)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    check_tools()
    if args.cache == "cold":
        check_cold_cache_allowed()
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.skip_generate:
        make_corpora.main(
            ["--out", str(args.out), "--count", str(args.count), "--seed", str(args.seed)]
        )
    carefor = find_carefor(args.carefor)
    bench = Bench(args.out, args.cache, args.repeat, args.timeout, carefor, "")
    bench.carefor_missing = carefor_available(carefor)
    if bench.carefor_missing:
        log(f"note: {bench.carefor_missing}; carefor rows will say so")
    tools = [t for t in args.tools.split(",") if t]
    started = datetime.now(UTC)
    machine = machine_info(args.out)
    measurements = []
    wanted = {name for name in args.corpora.split(",") if name}
    corpora = [c for c in load_corpora(args.out, args.count) if not wanted or c.name in wanted]
    sizes = [c.messages for c in corpora if c.name.startswith("synthetic-")]
    source = carefor_source()
    for corpus in corpora:
        log(f"{corpus.name}: {corpus.messages:,} messages")
        here = tools_for(corpus, tools, sizes, args.full)
        measurements += [measure(bench, corpus, tool) for tool in here]
    warnings = []
    if source_fingerprint() != source["src_sha256"]:
        warnings.append(
            "carefor's source changed while the benchmark ran: its rows may mix code versions."
        )
    payload = {
        "generated": started.isoformat(timespec="seconds"),
        "duration_s": round((datetime.now(UTC) - started).total_seconds()),
        "settings": {
            "command": " ".join(["benchmarks/ingest/run.py", *(argv or sys.argv[1:])]),
            "cache": args.cache,
            "repeat": args.repeat,
            "count": args.count,
            "seed": args.seed,
            "work_dir": str(args.out),
            "full": args.full,
        },
        "warnings": warnings,
        "machine": machine,
        "versions": versions(carefor) | {"carefor_source": source},
        "corpora": [c.manifest for c in corpora],
        "measurements": [asdict(m) for m in measurements],
        "verdicts": verdicts(measurements),
    }
    write_results(args.results_dir, payload)
    log(f"wrote {args.results_dir / 'results.md'} and results.json")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
