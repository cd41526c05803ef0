"""`carefor invite` and `carefor member`: managing a team from the terminal. Registered on
the main group by carefor.cli. The role rules are the Team page's (carefor.teams.roles):
the account given with --user acts with its own role."""

from __future__ import annotations

import json
from typing import Any

import click

from carefor.cli import (
    main,
    needs_database,
    resolve_user,
    resolve_workspace,
    user_option,
    workspace_option,
)

# Membership.Role's values; spelled out so `--help` works without starting Django
# (a test keeps the two equal).
ROLES = ("owner", "manager", "member", "viewer")
LOCAL_URL = "http://127.0.0.1:8000"


def _acting(user_email: str | None, workspace: str | None) -> Any:
    """The membership of the account that runs the command, in the chosen workspace."""
    from carefor.teams.models import Membership

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    # resolve_workspace only offers workspaces where the account is an active member.
    return (
        Membership.objects.active()
        .select_related("workspace", "user")
        .get(workspace=space, user=account)
    )


def _member(by: Any, email: str) -> Any:
    from carefor.teams.models import Membership

    found = (
        Membership.objects.select_related("user", "workspace")
        .filter(workspace=by.workspace, user__email=email.strip().lower())
        .first()
    )
    if found is None:
        raise click.ClickException(f"{email} is not a member of {by.workspace.name}.")
    return found


def _base_url(given: str | None) -> str:
    """Where people open carefor: --base-url, else the production host, else this machine."""
    if given:
        return given.rstrip("/")
    from django.conf import settings

    hosts = [h for h in settings.ALLOWED_HOSTS if not h.startswith((".", "*"))]
    if getattr(settings, "PRODUCTION", False) and hosts:
        return f"https://{hosts[0]}"
    return LOCAL_URL


@main.group("invite")
def invite_group() -> None:
    """Invitation links: whoever opens one joins the workspace with its role (owners only)."""


@invite_group.command("create")
@click.option("--role", type=click.Choice(ROLES), required=True, help="The role they join with.")
@click.option("--email", metavar="EMAIL", help="Only the account with this email may accept.")
@click.option(
    "--base-url",
    metavar="URL",
    help=f"Where your team opens carefor (default: the production host, or {LOCAL_URL}).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@user_option
@workspace_option
@needs_database
def invite_create(
    role: str,
    email: str | None,
    base_url: str | None,
    as_json: bool,
    user_email: str | None,
    workspace: str | None,
) -> None:
    """Make an invitation link. It is printed once, works once and expires in 7 days."""
    from django.urls import reverse

    from carefor.teams.invitations import invitation_create
    from carefor.teams.members import TeamError

    by = _acting(user_email, workspace)
    try:
        invitation, raw = invitation_create(by=by, role=role, email=email or "")
    except TeamError as exc:
        raise click.ClickException(str(exc)) from None
    link = _base_url(base_url) + reverse("invite", args=[raw])
    if as_json:
        payload = {
            "id": invitation.pk, "workspace": by.workspace.slug, "role": invitation.role,
            "email": invitation.email or None, "link": link,
            "expires_at": invitation.expires_at.isoformat(),
        }  # fmt: skip
        click.echo(json.dumps(payload, indent=2))
        return
    whom = f" for {invitation.email}" if invitation.email else ""
    click.echo(f"Invitation to {by.workspace.name} as {role}{whom}:\n\n    {link}\n")
    click.echo(
        f"It is shown only now, works once, and expires on {invitation.expires_at:%d %B %Y}."
    )


@main.group("member")
def member_group() -> None:
    """The members of a workspace: list them; owners change roles and deactivate."""


@member_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@user_option
@workspace_option
@needs_database
def member_list(as_json: bool, user_email: str | None, workspace: str | None) -> None:
    """Everyone in the workspace with their role; deactivated members too (owners, managers)."""
    from carefor.teams.members import TeamError, require
    from carefor.teams.roles import Action
    from carefor.teams.selectors import members_list

    by = _acting(user_email, workspace)
    try:
        require(by, Action.SEE_TEAM)
    except TeamError as exc:
        raise click.ClickException(str(exc)) from None
    rows = list(members_list(workspace=by.workspace))
    if as_json:
        members = [
            {
                "email": m.user.email, "name": m.user.name, "role": m.role,
                "active": m.deactivated_at is None, "joined": m.created_at.isoformat(),
                "deactivated_at": m.deactivated_at.isoformat() if m.deactivated_at else None,
            }
            for m in rows
        ]  # fmt: skip
        click.echo(json.dumps({"workspace": by.workspace.slug, "members": members}, indent=2))
        return
    for m in rows:
        state = f"  deactivated {m.deactivated_at:%Y-%m-%d}" if m.deactivated_at else ""
        click.echo(f"{m.role:<8} {m.user.email:<32} {m.user.name}{state}")


def _change(user_email: str | None, workspace: str | None, email: str, change: Any) -> Any:
    """Run one team change as the acting member; its refusal is a one-line error."""
    from carefor.teams.members import TeamError

    by = _acting(user_email, workspace)
    target = _member(by, email)
    try:
        return change(by=by, membership=target)
    except TeamError as exc:
        raise click.ClickException(str(exc)) from None


@member_group.command("role")
@click.argument("email")
@click.argument("role", type=click.Choice(ROLES), metavar="ROLE")
@user_option
@workspace_option
@needs_database
def member_role(email: str, role: str, user_email: str | None, workspace: str | None) -> None:
    """Give the member with EMAIL the role ROLE: owner, manager, member or viewer (owners
    only; a workspace always keeps an owner)."""
    from carefor.teams.members import membership_role_set

    def change(**kwargs: Any) -> Any:
        return membership_role_set(role=role, **kwargs)

    target = _change(user_email, workspace, email, change)
    click.echo(f"{target.user.email} is now {role} of {target.workspace.name}.")


@member_group.command("deactivate")
@click.argument("email")
@user_option
@workspace_option
@needs_database
def member_deactivate(email: str, user_email: str | None, workspace: str | None) -> None:
    """Take away EMAIL's access at once: signed out everywhere, API tokens revoked."""
    from carefor.teams.members import membership_deactivate

    target = _change(user_email, workspace, email, membership_deactivate)
    click.echo(
        f"Deactivated {target.user.email} in {target.workspace.name}: signed out, tokens revoked."
    )


@member_group.command("reactivate")
@click.argument("email")
@user_option
@workspace_option
@needs_database
def member_reactivate(email: str, user_email: str | None, workspace: str | None) -> None:
    """Give EMAIL their access back; they sign in again."""
    from carefor.teams.members import membership_reactivate

    target = _change(user_email, workspace, email, membership_reactivate)
    click.echo(f"Reactivated {target.user.email} in {target.workspace.name}.")
