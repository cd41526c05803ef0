from pathlib import Path

import pytest

from carefor.config.env import (
    ConfigError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_path,
    env_str,
)


@pytest.mark.parametrize("raw", ["1", "true", "TRUE", " yes ", "on"])
def test_bool_true_words(raw):
    assert env_bool("X", False, {"X": raw}) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "off"])
def test_bool_false_words(raw):
    assert env_bool("X", True, {"X": raw}) is False


@pytest.mark.parametrize("environ", [{}, {"X": ""}, {"X": "   "}])
def test_missing_or_blank_gives_default(environ):
    assert env_bool("X", True, environ) is True
    assert env_int("X", 7, environ=environ) == 7
    assert env_choice("X", "a", ("a", "b"), environ) == "a"
    assert env_list("X", ["d"], environ) == ["d"]
    assert env_str("X", None, environ) is None


def test_bool_refuses_to_guess_and_names_the_variable():
    with pytest.raises(ConfigError, match=r"CAREFOR_DEBUG='maybe'.*Accepted values: 1, true"):
        env_bool("CAREFOR_DEBUG", False, {"CAREFOR_DEBUG": "maybe"})


def test_int_parses_and_checks_range():
    assert env_int("N", 1, minimum=1, maximum=10, environ={"N": "10"}) == 10
    with pytest.raises(
        ConfigError, match=r"N='11' is out of range; it must be at least 1 and at most 10"
    ):
        env_int("N", 1, minimum=1, maximum=10, environ={"N": "11"})
    with pytest.raises(ConfigError, match="N='ten' is not a whole number"):
        env_int("N", 1, environ={"N": "ten"})


def test_choice_is_case_insensitive_and_lists_accepted_values():
    assert (
        env_choice("MODE", "local", ("local", "production"), {"MODE": "Production"}) == "production"
    )
    with pytest.raises(
        ConfigError, match=r"MODE='prod' is not recognised\. Accepted values: local, production"
    ):
        env_choice("MODE", "local", ("local", "production"), {"MODE": "prod"})


def test_list_trims_and_drops_empty_items():
    assert env_list("H", [], {"H": " a.example , ,b.example "}) == ["a.example", "b.example"]
    with pytest.raises(ConfigError, match="holds no items"):
        env_list("H", [], {"H": ", ,"})


def test_path_must_be_absolute(tmp_path):
    assert env_path("P", Path("/d"), {"P": str(tmp_path)}) == tmp_path
    with pytest.raises(ConfigError, match="P='relative/dir' must be an absolute path"):
        env_path("P", Path("/d"), {"P": "relative/dir"})
