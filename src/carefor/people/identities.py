"""Normalising the addresses a person is known by. Pure: no Django imports.

Two spellings of one address must normalise to the same value, because identity is
how mail, cards and messages find their person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

import phonenumbers


class IdentityKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    HANDLE = "handle"


class IdentityError(ValueError):
    """The text cannot be an identity of the given kind."""


@dataclass(frozen=True)
class NormalisedIdentity:
    kind: IdentityKind
    value: str


_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]{2,}$")
_HANDLE = re.compile(r"^@?[\w.\-]{1,64}(@[\w.\-]+\.\w+)?$")


def normalise_email(text: str) -> str:
    """Lower-case the whole address: carefor treats local parts case-insensitively, like
    every mainstream provider does, so that Alice@X.com and alice@x.com are one person."""
    value = text.strip().strip("<>").strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :]
    value = value.lower()
    if not _EMAIL.match(value):
        raise IdentityError(f"{text.strip()!r} is not an email address")
    return value


def normalise_phone(text: str, default_region: str | None = None) -> str:
    """E.164 (+14155550123) where the number can be read; otherwise its digits with any +.

    Numbers without a country code become E.164 only when a default region is known;
    guessing a country would merge two different people's numbers.
    """
    raw = text.strip()
    if raw.lower().startswith("tel:"):
        raw = raw[4:].split(";")[0]
    try:
        number = phonenumbers.parse(raw, default_region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_possible_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    digits = re.sub(r"[^\d+]", "", raw)
    digits = digits[0] + digits[1:].replace("+", "") if digits else digits
    if len(digits.lstrip("+")) < 3:
        raise IdentityError(f"{text.strip()!r} is not a phone number")
    return digits


def normalise_url(text: str) -> str:
    """https://host/path without query, fragment, 'www.' or trailing slash; LinkedIn
    profiles become https://www.linkedin.com/in/<slug>, the form LinkedIn exports use."""
    raw = text.strip()
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    host = (parts.hostname or "").lower()
    if "." not in host or " " in raw:
        raise IdentityError(f"{text.strip()!r} is not a web address")
    path = parts.path.rstrip("/")
    bare_host = host.removeprefix("www.")
    if bare_host.endswith("linkedin.com"):
        match = re.match(r"^/(in|company|pub)/([^/]+)", path, re.IGNORECASE)
        if match:
            return f"https://www.linkedin.com/{match.group(1).lower()}/{match.group(2).lower()}"
    return f"https://{bare_host}{path}"


def normalise_handle(text: str) -> str:
    value = text.strip()
    if not _HANDLE.match(value):
        raise IdentityError(f"{text.strip()!r} is not a handle")
    return "@" + value.lstrip("@").lower()


def guess_kind(text: str) -> IdentityKind:
    value = text.strip()
    lowered = value.lower()
    if lowered.startswith("mailto:") or ("@" in value and not value.startswith("@")):
        return IdentityKind.EMAIL
    if lowered.startswith("tel:") or re.fullmatch(r"[+\d][\d\s().\-/]{4,}", value):
        return IdentityKind.PHONE
    if value.startswith("@"):
        return IdentityKind.HANDLE
    return IdentityKind.URL


def normalise(
    text: str, kind: IdentityKind | str | None = None, *, phone_region: str | None = None
) -> NormalisedIdentity:
    """Normalise one address; kind is guessed when not given."""
    resolved = IdentityKind(kind) if kind else guess_kind(text)
    if resolved is IdentityKind.EMAIL:
        value = normalise_email(text)
    elif resolved is IdentityKind.PHONE:
        value = normalise_phone(text, phone_region)
    elif resolved is IdentityKind.URL:
        value = normalise_url(text)
    else:
        value = normalise_handle(text)
    return NormalisedIdentity(resolved, value)
