"""`carefor token`: tokens for the JSON API. Registered on the main group by carefor.cli."""

from __future__ import annotations

import json

import click

from carefor.cli import (
    main,
    needs_database,
    resolve_user,
    resolve_workspace,
    user_option,
    workspace_option,
)


@main.group("token")
def token_group() -> None:
    """Tokens for the JSON API (docs/api.md): shown once, stored hashed, revocable."""


@token_group.command("create")
@click.argument("name")
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def token_create(name: str, user_email: str | None, workspace: str | None, as_json: bool) -> None:
    """Make a token named NAME (what will use it). It is printed once: copy it now."""
    from carefor.teams.tokens import api_token_create

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    try:
        item, raw = api_token_create(workspace=space, user=account, name=name)
    except (ValueError, PermissionError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps({"id": item.pk, "name": item.name, "token": raw}))
        return
    click.echo(f"Token #{item.pk} ({item.name}) for {space.name}:\n\n    {raw}\n")
    click.echo("It is shown only now. Send it as `Authorization: Bearer <token>`.")


@token_group.command("list")
@user_option
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (docs/cli.md).")
@needs_database
def token_list(user_email: str | None, workspace: str | None, as_json: bool) -> None:
    """Your tokens in this workspace (never the tokens themselves)."""
    from carefor.teams.tokens import api_tokens

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    rows = list(api_tokens(workspace=space, user=account))
    if as_json:
        payload = [
            {
                "id": t.pk, "name": t.name, "prefix": t.prefix,
                "created_at": t.created_at.isoformat(),
                "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
                "revoked": t.revoked_at is not None,
            }
            for t in rows
        ]  # fmt: skip
        click.echo(json.dumps({"tokens": payload}, indent=2))
        return
    if not rows:
        click.echo("No tokens yet: carefor token create NAME")
    for t in rows:
        state = "revoked" if t.revoked_at else f"last used {t.last_used_at or 'never'}"
        click.echo(f"#{t.pk} {t.name} ({t.prefix}…) — {state}")


@token_group.command("revoke")
@click.argument("token_id", type=int)
@user_option
@workspace_option
@needs_database
def token_revoke(token_id: int, user_email: str | None, workspace: str | None) -> None:
    """Revoke token TOKEN_ID at once and for good."""
    from carefor.teams.models import ApiToken
    from carefor.teams.tokens import api_token_revoke

    account = resolve_user(user_email)
    space = resolve_workspace(account, workspace)
    try:
        item = api_token_revoke(workspace=space, user=account, token_id=token_id)
    except ApiToken.DoesNotExist:
        raise click.ClickException(f"You have no token #{token_id} in {space.name}.") from None
    click.echo(f"Revoked token #{item.pk} ({item.name}).")
