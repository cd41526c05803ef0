"""One value remembered while the notebook is unchanged (see revision.py): for figures
that are the same for every page of a list, like how many people match a search."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches

from carefor.memo.revision import current, uncommitted_writes

CACHE = "answers"
T = TypeVar("T")
_MISSING = object()


def lifetime() -> float:
    """How long to keep one answer: the configured time, less up to a quarter, at random.
    Answers made together (a restart, the first minutes of the day) then expire spread
    out rather than all in the same second, each worker recomputing them at once."""
    return settings.CAREFOR_ANSWER_CACHE_SECONDS * random.uniform(0.75, 1.0)  # noqa: S311 (not a secret)


def memo_key(*parts: object) -> str:
    return "memo:" + hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


def remembered(parts: tuple[object, ...], compute: Callable[[], T]) -> T:
    """compute(), or what it gave last time for the same parts and notebook revision.
    The parts must name everything the value depends on (workspace, member, query)."""
    if settings.CAREFOR_ANSWER_CACHE_SECONDS <= 0:
        return compute()
    key = memo_key("value", current(), *parts)
    found = caches[CACHE].get(key, _MISSING)
    if found is _MISSING:
        found = compute()
        if not uncommitted_writes():
            caches[CACHE].set(key, found, timeout=lifetime())
    return found  # type: ignore[return-value]
