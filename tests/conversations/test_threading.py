"""JWZ-style threading over stored messages (pure)."""

from datetime import UTC, datetime, timedelta

from carefor.conversations.threading import (
    ThreadInput,
    assign_threads,
    normalise_subject,
    thread_index_root,
)

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def msg(n, *, mid="", irt="", refs=(), hint="", subject="Hello", sender="", to=(), days=0):
    when = T0 + timedelta(days=days)
    return ThreadInput(
        id=n, message_id=mid, in_reply_to=irt, references=tuple(refs), thread_hint=hint,
        subject=subject, sender=sender, recipients=frozenset(to), occurred_at=when,
    )  # fmt: skip


def groups(threads):
    by_key = {}
    for message_id, key in threads.items():
        by_key.setdefault(key, set()).add(message_id)
    return sorted(sorted(g) for g in by_key.values())


def test_in_reply_to_and_references_chain_with_a_ghost_parent():
    threads = assign_threads(
        [
            msg(1, mid="a"),
            msg(2, mid="b", irt="a"),
            # replies to a message we never saw ("ghost"), only References, no In-Reply-To
            msg(3, mid="c", refs=["missing"]),
            msg(4, mid="d", refs=["missing", "c"]),
            msg(5, mid="e"),
        ]
    )
    assert groups(threads) == [[1, 2], [3, 4], [5]]


def test_provider_thread_ids_join_messages():
    threads = assign_threads(
        [msg(1, mid="a", hint="179"), msg(2, mid="b", hint="179"), msg(3, mid="c")]
    )
    assert groups(threads) == [[1, 2], [3]]


def test_subject_fallback_needs_reversed_participants_within_30_days():
    threads = assign_threads(
        [
            msg(1, mid="a", subject="Lunch?", sender="ann@x", to=["me@x"]),
            msg(2, mid="b", subject="RE: AW: Lunch?", sender="me@x", to=["ann@x"], days=2),
            # same subject, but a third person: not the same conversation
            msg(3, mid="c", subject="Re: Lunch?", sender="bo@x", to=["me@x"], days=3),
            # right people, too late
            msg(4, mid="d", subject="Re: Lunch?", sender="ann@x", to=["me@x"], days=60),
        ]
    )
    assert groups(threads) == [[1, 2], [3], [4]]


def test_messages_with_headers_never_use_the_subject_fallback():
    threads = assign_threads(
        [
            msg(1, mid="a", subject="Status", sender="ann@x", to=["me@x"]),
            msg(2, mid="b", irt="zzz", subject="Re: Status", sender="me@x", to=["ann@x"], days=1),
        ]
    )
    assert groups(threads) == [[1], [2]]


def test_duplicate_message_ids_share_a_thread():
    threads = assign_threads([msg(1, mid="same"), msg(2, mid="same"), msg(3, mid="x", irt="same")])
    assert groups(threads) == [[1, 2, 3]]


def test_normalise_subject_strips_prefixes_and_list_tags():
    assert normalise_subject("Re: AW: SV: [linux-mips] Fwd: Hello  World") == "hello world"
    assert normalise_subject("[PATCH 2/3] MIPS: fix") == "mips: fix"


def test_outlook_thread_index_root():
    import base64

    root = bytes(range(22))
    first = base64.b64encode(root).decode()
    reply = base64.b64encode(root + b"\x01\x02\x03\x04\x05").decode()
    assert thread_index_root(first) == thread_index_root(reply) == root.hex()
    threads = assign_threads([msg(1, mid="a", hint=first), msg(2, mid="b", hint=reply)])
    assert groups(threads) == [[1, 2]]
