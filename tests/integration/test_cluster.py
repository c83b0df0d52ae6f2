"""The store on a real three-node Redis Cluster: every script touches one slot, the intake
shards and thread state spread over every node, and each operation behaves as on one Redis."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.stores.keys import SHARDS, ThreadRef
from bot.stores.store import Commit, Store
from tests.fakes.redis_cluster import RedisCluster


@pytest.fixture
async def store(redis_cluster_url: str) -> AsyncIterator[Store]:
    instance = Store.from_url(redis_cluster_url, cluster=True)
    try:
        yield instance
    finally:
        await instance.close()


def message(i: int, thread: int | None = None) -> dict[str, str]:
    n = i if thread is None else thread
    return {
        "kind": "message", "event_id": f"Ev{i}", "team": "T1", "channel": "C1",
        "thread_ts": f"1700000000.{n:06d}", "ts": f"1700000001.{i:06d}", "text": "words",
    }


async def test_intake_is_spread_over_every_node_and_each_event_taken_in_once(
    store: Store, redis_cluster: RedisCluster
) -> None:
    for i in range(64):
        assert await store.enqueue("A1", f"Ev{i}", message(i)) is True
        assert await store.enqueue("A1", f"Ev{i}", message(i)) is False  # Slack's retry
    assert await store.intake_length() == 64
    assert all(n > 0 for n in redis_cluster.keys_per_node()), redis_cluster.keys_per_node()
    entries = []
    while batch := await store.read("c1", count=100, block_ms=10):  # a window of shards a read
        entries += batch
    assert sorted(e.fields["event_id"] for e in entries) == sorted(f"Ev{i}" for i in range(64))
    assert len({e.shard for e in entries}) > SHARDS // 2  # the threads spread over the shards
    await store.ack(entries)
    assert await store.pending() == 0 and await store.intake_length() == 0


async def test_a_burst_of_intakes_across_every_node_shares_round_trips_and_counts_once(
    store: Store, redis_cluster: RedisCluster
) -> None:
    """Concurrent intakes go out together (group commit), split by node; each is told apart."""
    burst = [store.enqueue("A1", f"Ev{i}", message(i)) for i in range(64)]
    burst += [store.enqueue("A1", f"Ev{i}", message(i)) for i in range(0, 64, 4)]  # retries
    results = await asyncio.gather(*burst)
    assert results[:64] == [True] * 64 and results[64:] == [False] * 16
    assert await store.intake_length() == 64
    assert all(n > 0 for n in redis_cluster.keys_per_node()), redis_cluster.keys_per_node()


async def test_an_abandoned_entry_is_taken_over_and_a_handed_back_one_at_once(
    store: Store,
) -> None:
    for i in range(3):
        await store.enqueue("A1", f"Ev{i}", message(i))
    taken = []
    while batch := await store.read("dead", block_ms=10):
        taken += batch
    assert await store.read("alive", block_ms=10) == []
    claimed = await store.claim_stale("alive", min_idle_ms=0)
    assert {(e.id, e.shard) for e in claimed} == {(e.id, e.shard) for e in taken}
    assert all(e.deliveries == 2 for e in claimed)
    await store.hand_back("alive", claimed)
    again = await store.claim_stale("other", min_idle_ms=60_000)
    assert len(again) == 3


async def test_a_batch_commits_each_thread_with_its_due_time_and_acks(store: Store) -> None:
    for i in range(8):
        await store.enqueue("A1", f"Ev{i}", message(i))
    entries = []
    while batch := await store.read("c1", block_ms=10):
        entries += batch
    refs = [ThreadRef("T1", "C1", e.fields["thread_ts"]) for e in entries]
    loaded = await store.load_threads(refs)
    assert all(loaded[r].current.version == 0 for r in refs)
    commits = [
        Commit(ref, 0, {"n": 1}, 100.0 + i, [entry])
        for i, (ref, entry) in enumerate(zip(refs, entries, strict=True))
    ]
    assert await store.commit(commits, ttl=60) == [True] * 8
    assert await store.pending() == 0
    stale = Commit(refs[0], 0, {"n": 2}, None, [])  # written meanwhile: refused, nothing changed
    assert await store.commit([stale], ttl=60) == [False]
    assert (await store.load_thread(refs[0])).doc == {"n": 1}
    due = await store.ledger.take_due(now=200.0, lease_seconds=20, limit=8)
    assert sorted(due.refs, key=lambda r: r.key) == sorted(refs, key=lambda r: r.key)
    for ref in due.refs:
        await store.ledger.finish(ref, due.score, None)
    assert await store.ledger.due_stats(now=300.0) == (0, 0.0)


async def test_intake_health_sums_over_the_shards(store: Store) -> None:
    assert (await store.intake_health()).group is False
    await store.ensure_group()
    for i in range(5):
        await store.enqueue("A1", f"Ev{i}", message(i))
    health = await store.intake_health()
    assert (health.group, health.unread, health.pending) == (True, 5, 0)
    while await store.read("c1", block_ms=10):
        pass
    health = await store.intake_health()
    assert (health.unread, health.pending) == (0, 5)
    pending, backlog, _lag = await store.intake_stats(now=1e10)
    assert (pending, backlog) == (5, 5)


async def test_the_shared_slack_budget_and_a_pause_hold_across_clients(
    store: Store, redis_cluster_url: str
) -> None:
    other = Store.from_url(redis_cluster_url, cluster=True)  # another process
    try:
        post = [("chat.postMessage", 0.1, 10), ("chan:C1", 1.0, 1)]
        method = "chat.postMessage"
        assert await store.take_rate("T1", method, post, now=100.0) == 0.0
        assert await other.take_rate("T1", method, post, now=100.2) == pytest.approx(0.8)
        await other.pause_rate("T1", method, 5.0, now=100.2)
        assert await store.take_rate("T1", method, post, now=103.0) == pytest.approx(2.2)
        assert await store.take_rate("T2", method, post, now=103.0) == 0.0
    finally:
        await other.close()
