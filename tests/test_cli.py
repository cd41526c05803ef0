"""The `carefor` command, run in-process with click's runner against the test database."""

import json

import pytest
from click.testing import CliRunner

from carefor import __version__
from carefor.cli import main
from carefor.people.models import MyIdentity
from carefor.teams.models import Membership, User
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def _all_commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from _all_commands(command, (*prefix, name))


@pytest.mark.parametrize(
    "path", [(), *list(_all_commands(main))], ids=lambda p: " ".join(p) or "carefor"
)
def test_help_everywhere(path):
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert "Usage: carefor" in result.output


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["frobnicate"])
    assert result.exit_code == 2
    assert "No such command 'frobnicate'" in result.output


def test_me_without_any_account_says_what_to_do():
    result = CliRunner().invoke(main, ["me", "list"])
    assert result.exit_code == 1
    assert "There is no account yet" in result.output
    assert "Traceback" not in result.output


def test_user_create_then_me_add_and_list():
    created = run(
        "user",
        "create",
        "Sam@Example.org",
        "--name",
        "Sam",
        "--password-stdin",
        input="a long enough passphrase\n",
    )
    assert created.exit_code == 0, created.output
    user = User.objects.get(email="sam@example.org")
    assert user.check_password("a long enough passphrase")
    assert Membership.objects.get(user=user).role == "owner"

    assert run("me", "add", "Sam@Example.org").exit_code == 0
    again = run("me", "add", "sam@example.org")
    assert "Already known" in again.output
    assert MyIdentity.objects.filter(user=user).count() == 1

    listed = json.loads(run("me", "list", "--json").output)
    assert listed["identities"] == [{"kind": "email", "value": "sam@example.org"}]


def test_user_create_refuses_a_weak_password_without_traceback():
    result = CliRunner().invoke(
        main, ["user", "create", "a@example.org", "--name", "A", "--password-stdin"], input="123\n"
    )
    assert result.exit_code == 1
    assert "too short" in result.output
    assert not User.objects.exists()


def test_me_add_rejects_a_bad_address():
    MembershipFactory()
    result = CliRunner().invoke(main, ["me", "add", "not an address"])
    assert result.exit_code == 1
    assert "is not a web address" in result.output


def test_several_accounts_need_user_option():
    MembershipFactory()
    other = MembershipFactory()
    result = CliRunner().invoke(main, ["me", "list"])
    assert "choose one with --user EMAIL" in result.output
    ok = run("me", "list", "--user", other.user.email)
    assert ok.exit_code == 0
    assert "No addresses yet" in ok.output


def test_demo_loads_once_and_belongs_to_the_sole_user():
    membership = MembershipFactory()
    first = run("demo")
    assert first.exit_code == 0, first.output
    assert "Loaded Demo" in first.output
    demo = membership.user.memberships.get(workspace__is_demo=True).workspace
    people, interactions = demo.people.count(), demo.interactions.count()
    assert 38 <= people <= 42
    assert 250 <= interactions <= 350
    second = run("demo")
    assert "already loaded" in second.output
    assert (demo.people.count(), demo.interactions.count()) == (people, interactions)
