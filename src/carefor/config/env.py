"""Typed parsing of environment variables that refuses to guess.

Every parser takes the variable's name so that a bad value produces a message a
person can act on: which variable, what it held, and what would have been accepted.
No Django imports: settings call these before Django is configured.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")


class ConfigError(Exception):
    """A setting cannot be used; the message says which one and what to do."""


def _raw(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name)
    if value is None or value.strip() == "":
        return None
    return value.strip()


def env_bool(name: str, default: bool, environ: Mapping[str, str] = os.environ) -> bool:
    raw = _raw(environ, name)
    if raw is None:
        return default
    word = raw.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    accepted = ", ".join(TRUE_WORDS + FALSE_WORDS)
    raise ConfigError(f"{name}={raw!r} is not a yes/no value. Accepted values: {accepted}.")


def env_int(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    environ: Mapping[str, str] = os.environ,
) -> int:
    raw = _raw(environ, name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number.") from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        low = "" if minimum is None else f"at least {minimum}"
        high = "" if maximum is None else f"at most {maximum}"
        bounds = " and ".join(part for part in (low, high) if part)
        raise ConfigError(f"{name}={raw!r} is out of range; it must be {bounds}.")
    return value


def env_choice(
    name: str,
    default: str,
    choices: Sequence[str],
    environ: Mapping[str, str] = os.environ,
) -> str:
    raw = _raw(environ, name)
    if raw is None:
        return default
    word = raw.lower()
    if word not in choices:
        raise ConfigError(
            f"{name}={raw!r} is not recognised. Accepted values: {', '.join(choices)}."
        )
    return word


def env_list(
    name: str, default: Sequence[str], environ: Mapping[str, str] = os.environ
) -> list[str]:
    """A comma-separated list; empty items are dropped, whitespace trimmed."""
    raw = _raw(environ, name)
    if raw is None:
        return list(default)
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ConfigError(f"{name}={raw!r} holds no items; give a comma-separated list.")
    return items


def env_path(name: str, default: Path, environ: Mapping[str, str] = os.environ) -> Path:
    raw = _raw(environ, name)
    if raw is None:
        return default
    path = Path(raw).expanduser()
    if not path.is_absolute():
        raise ConfigError(f"{name}={raw!r} must be an absolute path (for example /srv/carefor).")
    return path


def env_str(name: str, default: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    raw = _raw(environ, name)
    return default if raw is None else raw
