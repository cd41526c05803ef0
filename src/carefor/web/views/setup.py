"""First-run setup: create the owner, guarded by the one-time token `carefor serve` prints."""

from __future__ import annotations

from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from carefor.demo.loader import demo_load, demo_workspace
from carefor.teams.services import SetupError, setup_complete, setup_needed, setup_token_valid
from carefor.web.forms import SetupForm
from carefor.web.middleware import SESSION_KEY

TOKEN_SESSION_KEY = "setup_token"  # noqa: S105  (a session key name)


@login_not_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    if not setup_needed():
        return redirect("login")
    token = request.GET.get("token") or request.session.get(TOKEN_SESSION_KEY)
    if not setup_token_valid(token):
        return render(request, "web/setup_locked.html", status=403)
    # Keep the token out of the address bar (and browser history) after the first visit.
    if "token" in request.GET:
        request.session[TOKEN_SESSION_KEY] = token
        return redirect("setup")

    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            owner, workspace = setup_complete(
                token=token,
                email=data["email"],
                name=data["name"],
                password=data["password"],
                workspace_name=data["workspace_name"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except SetupError as exc:
            form.add_error(None, str(exc))
        else:
            active = workspace
            # A demo loaded before setup (`carefor demo`) is claimed too, so its private
            # matters and notes have an author who can see them.
            if data["start"] == "demo" or demo_workspace() is not None:
                demo = demo_load(owner=owner)
                active = demo if data["start"] == "demo" else workspace
            login(request, owner, backend="django.contrib.auth.backends.ModelBackend")
            request.session[SESSION_KEY] = active.pk
            return redirect("today")
    return render(request, "web/setup.html", {"form": form})
