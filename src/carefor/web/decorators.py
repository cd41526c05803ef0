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
