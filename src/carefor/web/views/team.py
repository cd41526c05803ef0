"""The Team page (members, roles, invitations) and joining by an invitation link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from carefor.teams.invitations import (
    INVITATION_DAYS,
    InvitationError,
    invitation_accept,
    invitation_accept_new_account,
    invitation_create,
    invitation_find,
    invitation_problem,
    invitation_revoke,
)
from carefor.teams.members import (
    NotAllowed,
    TeamError,
    membership_deactivate,
    membership_reactivate,
    membership_role_set,
)
from carefor.teams.models import Membership
from carefor.teams.roles import Action, can
from carefor.teams.selectors import invitations_pending, members_list
from carefor.web.decorators import workspace_required
from carefor.web.forms import AccountForm, InvitationForm
from carefor.web.middleware import SESSION_KEY


def _refused(request: HttpRequest, exc: Exception) -> HttpResponse:
    return render(request, "web/read_only.html", {"message": str(exc)}, status=403)


@workspace_required
def team_page(request: HttpRequest, new_link: str = "") -> HttpResponse:
    """Owners manage the team here; managers see who is in it."""
    if not can(request.membership, Action.SEE_TEAM):
        return render(request, "web/team/denied.html", status=403)
    manage = can(request.membership, Action.MANAGE_TEAM)
    context = {
        "members": members_list(workspace=request.workspace),
        "invitations": invitations_pending(workspace=request.workspace) if manage else [],
        "form": InvitationForm(),
        "roles": Membership.Role.choices,
        "new_link": new_link,
        "days": INVITATION_DAYS,
    }
    return render(request, "web/team/team.html", context)


@workspace_required
@require_POST
def invitation_add(request: HttpRequest) -> HttpResponse:
    """Make an invitation and show its link once (only its hash is kept)."""
    form = InvitationForm(request.POST)
    if not form.is_valid():
        problems = "; ".join(" ".join(errors) for errors in form.errors.values())
        messages.error(request, f"No invitation was made ({problems}).")
        return redirect("team")
    try:
        _, raw = invitation_create(
            by=request.membership, role=form.cleaned_data["role"], email=form.cleaned_data["email"]
        )
    except NotAllowed as exc:
        return _refused(request, exc)
    except TeamError as exc:
        messages.error(request, str(exc))
        return redirect("team")
    return team_page(request, new_link=request.build_absolute_uri(reverse("invite", args=[raw])))


@workspace_required
@require_POST
def invitation_withdraw(request: HttpRequest, invitation_id: int) -> HttpResponse:
    try:
        invitation_revoke(by=request.membership, invitation_id=invitation_id)
    except NotAllowed as exc:
        return _refused(request, exc)
    except TeamError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Invitation withdrawn: its link no longer works.")
    return redirect("team")


@workspace_required
@require_POST
def member_action(request: HttpRequest, membership_id: int) -> HttpResponse:
    """Change a member's role, deactivate or reactivate them (owners only)."""
    target = (
        Membership.objects.select_related("user", "workspace")
        .filter(workspace=request.workspace, pk=membership_id)
        .first()
    )
    if target is None:
        raise Http404("No such member in this workspace.")
    action, who = request.POST.get("action"), target.user.name or target.user.email
    by = request.membership
    try:
        if action == "role":
            membership_role_set(by=by, membership=target, role=request.POST.get("role", ""))
            done = f"{who} is now {target.get_role_display().lower()}."
        elif action == "deactivate":
            membership_deactivate(by=by, membership=target)
            done = f"{who} is deactivated and signed out everywhere."
        elif action == "reactivate":
            membership_reactivate(by=by, membership=target)
            done = f"{who} is active again; they sign in again to continue."
        else:
            return HttpResponseBadRequest("Choose what to do: role, deactivate or reactivate.")
    except NotAllowed as exc:
        return _refused(request, exc)
    except TeamError as exc:
        messages.error(request, str(exc))
        return redirect("team")
    if target.user_id == request.user.pk and target.deactivated_at is not None:
        # Their own sessions were just deleted; end this one too instead of saving it again.
        logout(request)
        return redirect("login")
    messages.success(request, done)
    if target.user_id == request.user.pk and not can(target, Action.SEE_TEAM):
        return redirect("today")
    return redirect("team")


@login_not_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, token: str) -> HttpResponse:
    """Signed in: one button to join. Signed out: make an account here, or sign in first."""
    invitation = invitation_find(token)
    user = request.user if request.user.is_authenticated else None
    problem = invitation_problem(invitation, user)
    if problem is not None:
        status = 404 if invitation is None else 400
        return render(request, "web/team/invite.html", {"problem": problem}, status=status)
    assert invitation is not None  # no problem means there is one
    form = None
    if user is None:
        form = AccountForm(request.POST or None, initial={"email": invitation.email})
    if request.method == "POST":
        try:
            if user is not None:
                membership = invitation_accept(token=token, user=user)
            elif form is not None and form.is_valid():
                data = form.cleaned_data
                membership = invitation_accept_new_account(
                    token=token, name=data["name"], email=data["email"], password=data["password"]
                )
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            else:
                membership = None
        except InvitationError as exc:
            return render(request, "web/team/invite.html", {"problem": str(exc)}, status=400)
        except ValidationError as exc:
            assert form is not None  # only a new account is validated here
            form.add_error(None, exc)
            membership = None
        if membership is not None:
            request.session[SESSION_KEY] = membership.workspace_id
            messages.success(
                request,
                f"Welcome to {membership.workspace.name}; you joined as "
                f"{membership.get_role_display().lower()}.",
            )
            return redirect("today")
    return render(request, "web/team/invite.html", {"invitation": invitation, "form": form})
