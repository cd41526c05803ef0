"""View decorators shared by the web views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

View = Callable[..., HttpResponse]


def workspace_required(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.workspace is None:
            return render(request, "web/no_workspace.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The "next" page a form asked for, if it is on this site; else the named fallback.
    (A form field is the user's input: it must not send them to another site.)"""
    from django.urls import reverse
    from django.utils.http import url_has_allowed_host_and_scheme

    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse(fallback)
