"""The store on a real redis-server and on the embedded default: the same semantics, key by key."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.stores.keys import ThreadRef
from bot.stores.store import DEDUPE_TTL, Store

REF = ThreadRef("T1", "C1", "1700000000.000100")


@pytest.fixture(params=["redis", "embedded"])
async def store(request: pytest.FixtureRequest) -> AsyncIterator[Store]:
    url = request.getfixturevalue("redis_url") if request.param == "redis" else None
    instance = Store.from_url(url)
    try:
        yield instance
    finally:
        await instance.close()


async def test_an_event_is_taken_in_once_and_its_dedupe_key_expires(store: Store) -> None:
    assert await store.enqueue("A1", "Ev1", {"kind": "message", "text": "hello"}) is True
    assert await store.enqueue("A1", "Ev1", {"kind": "message", "text": "hello"}) is False
    assert await store.enqueue("A2", "Ev1", {"kind": "message", "text": "other app"}) is True
    ttl = await store.client.ttl(store.keys.dedupe("A1", "Ev1"))
    assert 0 < ttl <= DEDUPE_TTL
    assert await store.client.xlen(store.keys.stream) == 2


async def test_a_read_entry_is_pending_until_acked_and_then_gone(store: Store) -> None:
    await store.enqueue("A1", "Ev1", {"kind": "message", "text": "private words"})
    [entry] = await store.read("c1", block_ms=10)
    assert entry.fields["text"] == "private words"
    assert await store.pending() == 1
    await store.ack(entry.id)
    assert await store.pending() == 0
    assert await store.client.xlen(store.keys.stream) == 0  # the text left Redis


async def test_an_abandoned_entry_is_taken_over_by_another_consumer(store: Store) -> None:
    await store.enqueue("A1", "Ev1", {"kind": "message"})
    [taken] = await store.read("dead", block_ms=10)
    assert await store.read("alive", block_ms=10) == []
    [claimed] = await store.claim_stale("alive", min_idle_ms=0)
    assert claimed.id == taken.id


async def test_thread_documents_are_compare_and_set_with_a_ttl(store: Store) -> None:
    first = await store.load_thread(REF)
    assert (first.version, first.doc) == (0, None)
    assert await store.save_thread(REF, 0, {"n": 1}, ttl=60) is True
    assert await store.save_thread(REF, 0, {"n": 2}, ttl=60) is False  # someone wrote first
    current = await store.load_thread(REF)
    assert (current.version, current.doc) == (1, {"n": 1})
    assert 0 < await store.client.ttl(store.keys.thread(REF)) <= 60


async def test_an_effect_is_claimed_once_until_released(store: Store) -> None:
    assert await store.claim_once("hint:x") is True
    assert await store.claim_once("hint:x") is False
    await store.release_once("hint:x")
    assert await store.claim_once("hint:x") is True


async def test_due_renotifications_are_handed_out_once(store: Store) -> None:
    await store.set_open_alert(REF, at=100.0, renotify_at=200.0, ttl=60)
    assert await store.due_renotify(150.0) == []
    assert await store.due_renotify(250.0) == [REF]
    assert await store.due_renotify(300.0) == []
    assert await store.open_alerts() == [REF]


async def test_snoozes_and_feedback_counts(store: Store) -> None:
    await store.snooze("U1", REF, seconds=60)
    assert await store.is_snoozed("U1", REF) and not await store.is_snoozed("U2", REF)
    await store.count_feedback("six_step.listen.ack", "used")
    await store.count_feedback("six_step.listen.ack", "used")
    await store.count_feedback("six_step.listen.ack", "not_helpful")
    assert await store.feedback_counts() == {"six_step.listen.ack": {"used": 2, "not_helpful": 1}}


async def test_supervisor_outcomes_round_trip(store: Store) -> None:
    await store.record_outcome({"cue": "legal", "channel": "C1", "outcome": "claimed", "at": 1.0})
    assert await store.outcomes() == [
        {"cue": "legal", "channel": "C1", "outcome": "claimed", "at": 1.0}
    ]
