"""The open-loop driver: requests sent on a fixed schedule, whatever the server does.

Request i is due at start + i / rate (after a warm-up that ramps up to the rate); a
dispatcher hands it to a pool of threads at that moment, each request on its own
connection (as nginx talks to gunicorn). Its time is measured from when it was *due*, not
from when a thread got round to sending it, so a client that falls behind cannot hide a
slow server (no coordinated omission). Requests cycle through the 50 members; which page
or list each one reads comes from mix.py.

Run by run.py, which passes (environment): LOAD_PLAN, LOAD_RATE, LOAD_WARMUP,
LOAD_DURATION, LOAD_OUT, LOAD_HOST, LOAD_PORT. Writes the same samples file as the
locust users: {"window", "rate", "users", "samples": [name, due, ms, status, ok]}.

Why not locust: on this machine its own timing added ~10 ms to a 1 ms request and
~200 ms at 50 requests/s that the server never spent (docs/benchmarks.md, "Load test");
it is still there (`run.py --driver locust`, same mix and headers) to compare.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from mix import Mix, headers

TIMEOUT_S = 30.0


NEEDED = (
    "LOAD_PLAN",
    "LOAD_RATE",
    "LOAD_WARMUP",
    "LOAD_DURATION",
    "LOAD_OUT",
    "LOAD_HOST",
    "LOAD_PORT",
)


def schedule(start: float, window_start: float, end: float, rate: float) -> Iterator[float]:
    """When each request is due. The warm-up ramps from a fifth of the rate to all of it,
    as a server's day starts, rather than a cold server (every member's queues still to
    compute, in each worker) taking the full rate in its first second; then the rate
    holds through the measured window."""
    due = start
    while due < window_start:
        yield due
        share = 0.2 + 0.8 * (due - start) / (window_start - start)
        due += 1 / (rate * share)
    due = window_start
    while due < end:
        yield due
        due += 1 / rate


def main() -> None:
    missing = [name for name in NEEDED if name not in os.environ]
    if missing:
        sys.exit(
            f"drive.py is started by run.py, which sets {', '.join(missing)}: run "
            ".venv/bin/python benchmarks/load/run.py --rates 50 instead."
        )
    plan = json.loads(open(os.environ["LOAD_PLAN"]).read())  # noqa: SIM115
    rate = float(os.environ["LOAD_RATE"])
    warmup = float(os.environ["LOAD_WARMUP"])
    duration = float(os.environ["LOAD_DURATION"])
    host, port = os.environ["LOAD_HOST"], int(os.environ["LOAD_PORT"])
    members = plan["members"]
    choices = Mix(plan).requests()
    weights = [weight for weight, _kind, _make in choices]
    rng = random.Random(20261130)  # noqa: S311 (a reproducible mix, not a secret)
    samples: list[tuple[str, float, float, int, bool]] = []
    lags: list[float] = []  # how late the driver itself sent each measured request, ms
    served = [0]  # successful answers that arrived inside the measured window
    lock = threading.Lock()

    def send(due: float, measured: bool, url: str, name: str, sent: dict[str, str]) -> None:
        status, ok = 0, False
        began = time.time()
        try:
            connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT_S)
            connection.request("GET", url, headers=sent)
            response = connection.getresponse()
            body = response.read()
            connection.close()
            status = response.status
            ok = status == 200 and not (sent.get("Cookie") and b'name="password"' in body)
        except OSError:
            pass
        finished = time.time()
        ok = ok and finished - due <= TIMEOUT_S  # over 30 s is a failure, not a slow sample
        with lock:
            if ok and window_start <= finished <= end:
                served[0] += 1
            if measured:
                samples.append((name, due, (finished - due) * 1000, status, ok))
                lags.append((began - due) * 1000)

    start = time.time() + 0.5
    window_start, end = start + warmup, start + warmup + duration
    with ThreadPoolExecutor(max_workers=512) as pool:
        for i, due in enumerate(schedule(start, window_start, end, rate)):
            _weight, kind, make = rng.choices(choices, weights)[0]
            url, name = make(rng)
            member = members[i % len(members)]
            delay = due - time.time()
            if delay > 0:
                time.sleep(delay)
            pool.submit(send, due, due >= window_start, url, name, headers(member, kind))
    lags.sort()
    result = {
        "window": {"start": window_start, "end": end},
        "rate": rate,
        "users": None,
        "served_in_window": served[0],
        # The driver's own lateness (is the client keeping up?), already inside each time.
        "send_lag_ms": {
            "p50": round(lags[len(lags) // 2], 1) if lags else None,
            "p95": round(lags[int(len(lags) * 0.95)], 1) if lags else None,
        },
        "samples": samples,
    }
    with open(os.environ["LOAD_OUT"], "w") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main()
