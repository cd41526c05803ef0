"""The docs keep up with the code: every CLI command and every setting is documented."""

import re
from pathlib import Path

import pytest

from carefor.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLI_DOC = (ROOT / "docs" / "cli.md").read_text()
CONFIG_DOC = (ROOT / "docs" / "configuration.md").read_text()
SETTINGS_SOURCE = (ROOT / "src" / "carefor" / "config" / "settings.py").read_text()


def _leaf_commands(group, prefix=("carefor",)):
    for name, command in group.commands.items():
        path = (*prefix, name)
        if hasattr(command, "commands"):
            yield from _leaf_commands(command, path)
        else:
            yield " ".join(path)


@pytest.mark.parametrize("command", list(_leaf_commands(main)))
def test_every_command_has_a_section_in_cli_md(command):
    assert f"## `{command}`" in CLI_DOC


def test_every_option_of_every_command_is_mentioned():
    for command in _leaf_commands(main):
        node = main
        for part in command.split()[1:]:
            node = node.commands[part]
        section = CLI_DOC.split(f"## `{command}`", 1)[1].split("\n## ", 1)[0]
        for param in node.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in section, f"{command}: {opt} is not documented"


@pytest.mark.parametrize(
    "variable", sorted(set(re.findall(r'"((?:CAREFOR|DATABASE)_[A-Z_]+)"', SETTINGS_SOURCE)))
)
def test_every_setting_is_in_configuration_md(variable):
    assert f"`{variable}`" in CONFIG_DOC
