"""Threading messages into conversations, JWZ-style, on carefor's own store. Pure, no Django.

The order of evidence follows Jamie Zawinski's algorithm as mail clients use it:
In-Reply-To (its first id) and References (the last id is the parent, the earlier ones
ancestors) link a message to its parent, with "ghost" containers standing in for
messages not (yet) seen, so two replies to a missing message still share a thread.
A provider's thread id (Gmail X-GM-THRID, LinkedIn conversation, Outlook Thread-Index)
joins messages too. Only a message with none of these falls back to its normalised
subject plus reversed participants within 30 days (a reply from a client that drops
the headers).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

SUBJECT_FALLBACK_WINDOW = timedelta(days=30)

_PREFIX = re.compile(
    r"^\s*((re|aw|sv|vs|antw|fwd?|wg|tr|rv|odp|r)(\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)+", re.I
)


@dataclass(frozen=True, slots=True)
class ThreadInput:
    id: int
    message_id: str
    in_reply_to: str
    references: tuple[str, ...]
    thread_hint: str
    subject: str
    sender: str  # normalised address, "" if unknown
    recipients: frozenset[str]
    occurred_at: datetime


def normalise_subject(subject: str) -> str:
    """'Re: AW: [linux-mips] Fwd: Hello' -> 'hello'."""
    return " ".join(_PREFIX.sub("", subject).split()).casefold()


def thread_index_root(value: str) -> str:
    """Outlook's Thread-Index: the first 22 bytes identify the conversation."""
    try:
        raw = base64.b64decode(value.strip() + "==", validate=False)
    except ValueError:
        return ""
    return raw[:22].hex() if len(raw) >= 22 else ""


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = key
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def assign_threads(messages: Iterable[ThreadInput]) -> dict[int, str]:
    """Message id -> a thread key shared by every message of one conversation."""
    items = list(messages)
    groups = _UnionFind()
    linked: set[int] = set()
    for item in items:
        own = f"id:{item.message_id}" if item.message_id else f"row:{item.id}"
        groups.find(own)
        parents = [ref for ref in item.references if ref and ref != item.message_id]
        if item.in_reply_to and item.in_reply_to != item.message_id:
            parents.append(item.in_reply_to)
        for parent in parents:
            groups.union(own, f"id:{parent}")  # a ghost when the parent is not stored
        hint = item.thread_hint
        if hint:
            root = thread_index_root(hint) if len(hint) > 24 and not hint.isdigit() else hint
            groups.union(own, f"hint:{root or hint}")
        if parents or hint:
            linked.add(item.id)
    _subject_fallback(items, linked, groups)
    return {
        item.id: groups.find(f"id:{item.message_id}" if item.message_id else f"row:{item.id}")
        for item in items
    }


def _subject_fallback(items: list[ThreadInput], linked: set[int], groups: _UnionFind) -> None:
    """Join an unlinked message to an earlier one with the same subject that went the
    other way between the same people within 30 days."""
    by_subject: dict[str, list[ThreadInput]] = {}
    for item in sorted(items, key=lambda i: i.occurred_at):
        subject = normalise_subject(item.subject)
        if not subject:
            continue
        earlier = by_subject.setdefault(subject, [])
        if item.id not in linked and item.sender:
            for candidate in reversed(earlier):
                if item.occurred_at - candidate.occurred_at > SUBJECT_FALLBACK_WINDOW:
                    break
                if candidate.sender in item.recipients and item.sender in candidate.recipients:
                    own = f"id:{item.message_id}" if item.message_id else f"row:{item.id}"
                    other = (
                        f"id:{candidate.message_id}"
                        if candidate.message_id
                        else f"row:{candidate.id}"
                    )
                    groups.union(own, other)
                    break
        earlier.append(item)
