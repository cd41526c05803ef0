"""Remembered answers: a member's queues (Today, Promises, Courtesy, and the API lists)
served again from memory while nothing in the notebook has changed.

An answer is filed under everything that can change it: the notebook's revision (which
moves after any committed write, see revision.py), the member and their role, the
workspace, the full URL, today's date, and for pages the session's CSRF secret (the page
holds a token made from it). It is kept for a while only
(`CAREFOR_ANSWER_CACHE_SECONDS`, default 300, less up to a quarter at random), which
bounds how stale a "3 hours ago" can get. Pages with a message to show, htmx fragments,
and anything that is not a plain 200 are never remembered. Each gunicorn worker keeps its
own memory; nothing leaves the process.

Only read-only views are listed here: a view with a side effect on GET (the person page
records the visit in the access log) must run every time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from carefor.memo.remember import CACHE, lifetime, memo_key
from carefor.memo.revision import current, uncommitted_writes

MAX_BODY_BYTES = 128 * 1024  # bigger answers are rare (a 500-item page); not worth memory
# Pages, by URL name: each member's own queues.
PAGES = frozenset({"today", "promises", "courtesy"})
# API operations, by path: the queues the API's users poll. Not the people list: a client
# pages through it once, and its pages (one per offset and search) would only crowd the
# queues out of memory; its total is remembered (remember.py).
API_PATHS = frozenset(
    {
        "/api/v1/today",
        "/api/v1/promises",
        "/api/v1/help",
        "/api/v1/courtesy/awaiting",
    }
)


class RememberedAnswersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.enabled = settings.CAREFOR_ANSWER_CACHE_SECONDS > 0

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "answer_key", None)
        if (
            key
            and response.status_code == 200
            and not response.streaming
            and len(response.content) <= MAX_BODY_BYTES
            and not uncommitted_writes()
        ):
            answer = (response.content, response["Content-Type"])
            caches[CACHE].set(key, answer, timeout=lifetime())
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], *args: Any
    ) -> HttpResponse | None:
        if not self.enabled or request.method != "GET":
            return None
        who = self._who(request)
        if who is None:
            return None
        key = memo_key("answer", current(), *who, timezone.localdate(), request.get_full_path())
        found = caches[CACHE].get(key)
        if found is not None:
            content, content_type = found
            return HttpResponse(content, content_type=content_type)
        request.answer_key = key  # type: ignore[attr-defined]
        return None

    def _who(self, request: HttpRequest) -> tuple[object, ...] | None:
        """Whose answer this is, or None when the request is not one to remember."""
        if request.path_info in API_PATHS:
            return self._api_member(request)
        match = request.resolver_match
        membership = getattr(request, "membership", None)
        if match is None or match.view_name not in PAGES or membership is None:
            return None
        if getattr(request, "htmx", False) or _has_messages(request):
            return None
        secret = request.META.get("CSRF_COOKIE")
        if not secret:
            return None  # a new CSRF secret is made for this response: nothing to reuse
        return ("page", membership.pk, membership.role, membership.workspace_id, secret)

    def _api_member(self, request: HttpRequest) -> tuple[object, ...] | None:
        from carefor.teams.tokens import api_token_authenticate

        scheme, _, raw = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not raw:
            return None
        found = api_token_authenticate(raw)
        if found is None:
            return None  # the API answers 401 itself
        request.api_token_found = (raw, found)  # type: ignore[attr-defined]
        return ("api", found.user_id, found.role, found.workspace_id)


def _has_messages(request: HttpRequest) -> bool:
    return "messages" in request.COOKIES or "_messages" in request.session
