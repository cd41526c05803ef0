"""The load test's users, for `run.py --driver locust`: members of the team reading Today,
people's pages and the API, in the proportions of mix.py. (run.py's default driver is
drive.py: on this machine locust's own timing inflates the latencies it reports.)

Run by benchmarks/load/run.py, which starts gunicorn, signs the members in and passes
what this file needs in the environment:

    LOAD_PLAN      JSON file: members (session cookie, API token), busy people, id range
    LOAD_RATE      total requests per second wanted, spread evenly over the users
    LOAD_USERS     how many locust users (user i acts as member i mod 50)
    LOAD_WARMUP    seconds before measuring starts (requests then are not recorded)
    LOAD_OUT       where to write every measured request (JSON)

Every user keeps a constant pace (`constant_throughput`), so the total offered rate is
LOAD_RATE as long as each response comes back within users / rate seconds. Each request
is timed by locust from sending to the last byte; all measured samples are written out so
run.py computes exact percentiles (locust's own are rounded above 100 ms).

Requests carry `X-Forwarded-Proto: https`, as the HTTPS proxy in front of a production
deployment would send, so carefor runs with its production settings (secure cookies,
SSL redirect) unchanged. The cookies (session and CSRF secret, as a browser holds them
after signing in) are sent as a header for the same reason: a client's cookie jar would
not send a Secure cookie over the loopback's plain HTTP.
"""

from __future__ import annotations

import json
import os
import random
import time
from itertools import count

import gevent
from locust import FastHttpUser, constant_throughput, events, task
from mix import Mix, headers

PLAN = json.loads(open(os.environ["LOAD_PLAN"]).read())  # noqa: SIM115
RATE = float(os.environ["LOAD_RATE"])
USERS = int(os.environ["LOAD_USERS"])
WARMUP = float(os.environ.get("LOAD_WARMUP", "15"))
OUT = os.environ["LOAD_OUT"]
MEMBERS = PLAN["members"]
CHOICES = Mix(PLAN).requests()
WEIGHTS = [weight for weight, _kind, _make in CHOICES]

samples: list[tuple[str, float, float, int, bool]] = []  # name, start, ms, status, ok
window = {"start": None, "end": None}
_numbers = count()


@events.test_start.add_listener
def _start_window(environment, **_kwargs) -> None:  # type: ignore[no-untyped-def]
    def begin() -> None:
        gevent.sleep(WARMUP)
        window["start"] = time.time()

    gevent.spawn(begin)


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception, **kw) -> None:  # type: ignore[no-untyped-def]
    start = window["start"]
    if start is None:
        return
    now = time.time()
    sent = now - response_time / 1000
    if sent < start:
        return  # sent during the warm-up
    response = kw.get("response")
    status = getattr(response, "status_code", 0) or 0
    samples.append((name, sent, response_time, status, exception is None))


@events.test_stop.add_listener
def _write(environment, **_kwargs) -> None:  # type: ignore[no-untyped-def]
    window["end"] = time.time()
    with open(OUT, "w") as handle:
        json.dump({"window": window, "rate": RATE, "users": USERS, "samples": samples}, handle)


class Member(FastHttpUser):
    """One member of the team, reading what mix.py says, in its proportions."""

    wait_time = constant_throughput(RATE / USERS)
    # Fail fast and loud: a request that takes 30 s is a failure, not a slow sample.
    network_timeout = 30.0
    connection_timeout = 5.0

    def on_start(self) -> None:
        number = next(_numbers)
        self.member = MEMBERS[number % len(MEMBERS)]
        self.rng = random.Random(number)  # noqa: S311
        # Start the users at different moments, so they do not all fire together.
        gevent.sleep(self.rng.random() * USERS / RATE)

    @task
    def read(self) -> None:
        _weight, kind, make = self.rng.choices(CHOICES, WEIGHTS)[0]
        url, name = make(self.rng)
        with self.client.get(
            url,
            name=name,
            headers=headers(self.member, kind),
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif kind == "page" and b'name="password"' in (response.content or b""):
                response.failure("signed out")
            else:
                response.success()
