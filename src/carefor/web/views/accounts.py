"""Sign in and out, and switching workspace."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST

from carefor.teams.selectors import membership_get
from carefor.teams.services import setup_needed
from carefor.web.middleware import SESSION_KEY


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["setup_needed"] = setup_needed()
        return context


@require_POST
def switch_workspace(request: HttpRequest) -> HttpResponse:
    try:
        workspace_id = int(request.POST.get("workspace", ""))
    except ValueError:
        return HttpResponseBadRequest("Choose a workspace.")
    if membership_get(user=request.user, workspace_id=workspace_id) is None:
        return HttpResponseBadRequest("You are not a member of that workspace.")
    request.session[SESSION_KEY] = workspace_id
    return redirect("today")
