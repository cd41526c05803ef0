"""The load test's users: members of the team reading Today, people's pages and the API.

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

PLAN = json.loads(open(os.environ["LOAD_PLAN"]).read())  # noqa: SIM115
RATE = float(os.environ["LOAD_RATE"])
USERS = int(os.environ["LOAD_USERS"])
WARMUP = float(os.environ.get("LOAD_WARMUP", "15"))
OUT = os.environ["LOAD_OUT"]
BUSY_SHARE = 0.25  # share of person visits that go to one of the busiest people
PEOPLE_PAGE = 50  # the API people list is read 50 at a time

MEMBERS = PLAN["members"]
BUSY = [pid for pid, _n in PLAN["busy_people"]]
FIRST_ID, LAST_ID = PLAN["person_ids"]
PEOPLE = LAST_ID - FIRST_ID + 1

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
    """One member of the team; what they read, in proportion to how often they read it."""

    wait_time = constant_throughput(RATE / USERS)
    # Fail fast and loud: a request that takes 30 s is a failure, not a slow sample.
    network_timeout = 30.0
    connection_timeout = 5.0

    def on_start(self) -> None:
        number = next(_numbers)
        self.member = MEMBERS[number % len(MEMBERS)]
        self.rng = random.Random(number)  # noqa: S311
        proto = {"X-Forwarded-Proto": "https"}
        cookies = f"sessionid={self.member['session']}; csrftoken={self.member['csrf']}"
        self.page_headers = proto | {"Cookie": cookies}
        self.api_headers = proto | {"Authorization": f"Bearer {self.member['token']}"}
        # Start the users at different moments, so they do not all fire together.
        gevent.sleep(self.rng.random() * USERS / RATE)

    def person(self) -> tuple[int, str]:
        if self.rng.random() < BUSY_SHARE:
            return self.rng.choice(BUSY), " [busy]"
        return FIRST_ID + self.rng.randrange(PEOPLE), ""

    def get(self, url: str, name: str, headers: dict[str, str], page: bool = False) -> None:
        with self.client.get(
            url, name=name, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif page and b'name="password"' in (response.content or b""):
                response.failure("signed out")
            else:
                response.success()

    # --- pages (signed in with a session cookie) ---------------------------------------

    @task(15)
    def today_page(self) -> None:
        self.get("/today/", "page: Today", self.page_headers, page=True)

    @task(25)
    def person_page(self) -> None:
        pid, busy = self.person()
        self.get(f"/people/{pid}/", "page: person" + busy, self.page_headers, page=True)

    # --- API lists (bearer token) -----------------------------------------------------

    @task(10)
    def api_people(self) -> None:
        offset = self.rng.randrange(0, PEOPLE - PEOPLE_PAGE)
        self.get(
            f"/api/v1/people?limit={PEOPLE_PAGE}&offset={offset}", "api: people", self.api_headers
        )

    @task(10)
    def api_today(self) -> None:
        self.get("/api/v1/today", "api: today", self.api_headers)

    @task(10)
    def api_promises(self) -> None:
        self.get("/api/v1/promises?state=open", "api: promises", self.api_headers)

    @task(5)
    def api_help(self) -> None:
        self.get("/api/v1/help", "api: help", self.api_headers)

    @task(10)
    def api_courtesy(self) -> None:
        self.get("/api/v1/courtesy/awaiting?side=mine", "api: courtesy", self.api_headers)

    @task(15)
    def api_timeline(self) -> None:
        pid, busy = self.person()
        self.get(
            f"/api/v1/people/{pid}/interactions?limit=50", "api: timeline" + busy, self.api_headers
        )
