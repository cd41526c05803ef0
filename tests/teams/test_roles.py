"""The role rules: one module, the documented table, and the CLI's list of roles agree."""

import re
from pathlib import Path

import pytest
from django.utils import timezone

from carefor.cli_team import ROLES as CLI_ROLES
from carefor.teams.models import Membership
from carefor.teams.roles import RULES, Action, Role, can, permissions

SECURITY_DOC = (Path(__file__).resolve().parents[2] / "docs" / "security.md").read_text()


def _documented_table() -> dict[str, dict[str, bool]]:
    """action → role → allowed, from the table in docs/security.md#roles."""
    section = SECURITY_DOC.split("## Roles", 1)[1].split("\n## ", 1)[0]
    header = next(line for line in section.splitlines() if line.startswith("| may"))
    roles = [cell.strip() for cell in header.strip("|").split("|")[1:]]
    table = {}
    for line in section.splitlines():
        found = re.search(r"\(`(\w+)`\)", line)
        if line.startswith("|") and found:
            cells = [cell.strip() for cell in line.strip("|").split("|")[1:]]
            table[found.group(1)] = {
                role: cell == "yes" for role, cell in zip(roles, cells, strict=True)
            }
    return table


def test_the_security_doc_table_is_the_rules():
    assert _documented_table() == {
        action.value: {role.value: action in RULES[role] for role in Role} for action in Action
    }


def test_every_role_has_rules_and_the_cli_offers_them_all():
    assert set(RULES) == set(Role) and list(CLI_ROLES) == Membership.Role.values


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("owner", set(Action)),
        (
            "manager",
            {"read", "write", "care_for_self", "assign_carers", "see_coverage", "see_team"},
        ),
        ("member", {"read", "write", "care_for_self"}),
        ("viewer", {"read"}),
    ],
)
def test_what_each_role_may_do(role, allowed):
    assert {a for a in Action if can(role, a)} == allowed
    assert permissions(role) == {a.value: a in allowed for a in Action}


def test_no_membership_an_unknown_role_or_a_deactivated_one_may_do_nothing():
    assert not any(can(None, a) for a in Action)
    assert not any(can("admin", a) for a in Action)
    assert not can("owner", "fly")
    gone = Membership(role="owner", deactivated_at=timezone.now())
    assert not any(can(gone, a) for a in Action)
    assert all(can(Membership(role="owner"), a) for a in Action)
