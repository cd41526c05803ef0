"""The load test's request mix, shared by the open-loop driver (drive.py) and the locust
users (locustfile.py): what a member reads, how often, and how people are picked."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

BUSY_SHARE = 0.25  # share of person visits that go to one of the busiest people
PEOPLE_PAGE = 50  # the API people list is read 50 at a time


class Mix:
    def __init__(self, plan: dict[str, Any]) -> None:
        self.busy = [pid for pid, _n in plan["busy_people"]]
        self.first, last = plan["person_ids"]
        self.people = last - self.first + 1

    def person(self, rng: random.Random) -> tuple[int, str]:
        if rng.random() < BUSY_SHARE:
            return rng.choice(self.busy), " [busy]"
        return self.first + rng.randrange(self.people), ""

    def requests(self) -> list[tuple[int, str, Callable[[random.Random], tuple[str, str]]]]:
        """(weight, kind, make): kind is "page" (session cookie) or "api" (bearer token);
        make(rng) gives (url, name as reported)."""

        def person_page(rng: random.Random) -> tuple[str, str]:
            pid, busy = self.person(rng)
            return f"/people/{pid}/", "page: person" + busy

        def people(rng: random.Random) -> tuple[str, str]:
            offset = rng.randrange(0, self.people - PEOPLE_PAGE)
            return f"/api/v1/people?limit={PEOPLE_PAGE}&offset={offset}", "api: people"

        def timeline(rng: random.Random) -> tuple[str, str]:
            pid, busy = self.person(rng)
            return f"/api/v1/people/{pid}/interactions?limit=50", "api: timeline" + busy

        return [
            (15, "page", lambda rng: ("/today/", "page: Today")),
            (25, "page", person_page),
            (10, "api", people),
            (10, "api", lambda rng: ("/api/v1/today", "api: today")),
            (10, "api", lambda rng: ("/api/v1/promises?state=open", "api: promises")),
            (5, "api", lambda rng: ("/api/v1/help", "api: help")),
            (10, "api", lambda rng: ("/api/v1/courtesy/awaiting?side=mine", "api: courtesy")),
            (15, "api", timeline),
        ]


def headers(member: dict[str, Any], kind: str) -> dict[str, str]:
    """What a browser (pages) or an API client sends, as nginx would pass it on: HTTPS
    said in X-Forwarded-Proto, one connection per request (proxy_pass speaks HTTP/1.0)."""
    sent = {"X-Forwarded-Proto": "https", "Connection": "close"}
    if kind == "page":
        sent["Cookie"] = f"sessionid={member['session']}; csrftoken={member['csrf']}"
    else:
        sent["Authorization"] = f"Bearer {member['token']}"
    return sent
