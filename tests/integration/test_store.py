"""The store on a real redis-server and on the embedded default: the same semantics, key by key."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable
from typing import Any

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.slack.budget import SlackBudget, sending
from bot.stores.groupcommit import GroupCommit
from bot.stores.keys import ThreadRef, shard_of_fields
from bot.stores.ledger import DONE_TTL
from bot.stores.store import DEDUPE_TTL, MAX_OPEN_ALERTS, READ_WINDOW, Store

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
    shard = shard_of_fields({"kind": "message"})
    ttl = await store.client.ttl(store.keys.dedupe(shard, "A1", "Ev1"))
    assert 0 < ttl <= DEDUPE_TTL
    assert await store.intake_length() == 2


async def test_a_connection_lost_to_a_redis_restart_is_tried_again_and_the_event_taken_in_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a node restart the pool's old connections fail as they are used: the intake tries
    again on another one instead of failing Slack's request. When the first try ran but its
    reply was lost, the second reads as a duplicate: still one entry."""
    intake = store._intake
    calls = {"n": 0}

    async def flaky(**kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RedisConnectionError("Connection closed by server.")
        if calls["n"] == 2:
            await intake(**kwargs)  # ran, but the reply never came back
            raise RedisConnectionError("Error while writing to socket. Connection lost.")
        return await intake(**kwargs)

    monkeypatch.setattr(store, "_intake", flaky)
    await store.enqueue("A1", "Ev1", {"kind": "message", "text": "hello"})
    assert calls["n"] == 3
    assert await store.intake_length() == 1


async def test_a_redis_that_keeps_refusing_still_fails_the_request(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tries again a few times only: then Slack gets its 500 and redelivers."""

    async def down(**kwargs: object) -> object:
        raise RedisConnectionError("Error 111 connecting. Connection refused.")

    monkeypatch.setattr(store, "_intake", down)
    with pytest.raises(RedisConnectionError):
        await store.enqueue("A1", "Ev1", {"kind": "message", "text": "hello"})


async def test_a_read_entry_is_pending_until_acked_and_then_gone(store: Store) -> None:
    await store.enqueue("A1", "Ev1", {"kind": "message", "text": "private words"})
    [entry] = await store.read("c1", block_ms=10)
    assert entry.fields["text"] == "private words"
    assert await store.pending() == 1
    await store.ack(entry)
    assert await store.pending() == 0
    assert await store.intake_length() == 0  # the text left Redis


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


async def test_an_effect_is_leased_to_one_sender_until_handed_back(store: Store) -> None:
    first = await store.ledger.claim(REF, "whisper-1", lease_seconds=30)
    second = await store.ledger.claim(REF, "whisper-1", lease_seconds=30)
    assert (first.state, second.state) == ("claimed", "busy")
    assert 29 < second.busy_for <= 30
    await store.ledger.release(REF, "whisper-1", "not-the-holder")  # only the holder hands back
    assert (await store.ledger.claim(REF, "whisper-1", lease_seconds=30)).state == "busy"
    await store.ledger.release(REF, "whisper-1", first.token)
    assert (await store.ledger.claim(REF, "whisper-1", lease_seconds=30)).state == "claimed"


async def test_a_lease_ends_by_itself_when_its_holder_dies(store: Store) -> None:
    await store.ledger.claim(REF, "alert-2", lease_seconds=30)
    await store.client.pexpire(store.keys.effect(REF, "alert-2"), 1)  # as if 30 s went by
    while await store.client.exists(store.keys.effect(REF, "alert-2")):
        await store.client.ping()  # the key expires within milliseconds; no timed wait
    assert (await store.ledger.claim(REF, "alert-2", lease_seconds=30)).state == "claimed"


async def test_a_done_effect_is_never_claimed_again_and_keeps_its_receipt(store: Store) -> None:
    lease = await store.ledger.claim(REF, "alert-1", lease_seconds=30)
    await store.ledger.mark_done(REF, "alert-1", {"channel": "C_SUP", "ts": "1.2"})
    await store.ledger.release(REF, "alert-1", lease.token)  # a done-marker is not a lease
    again = await store.ledger.claim(REF, "alert-1", lease_seconds=30)
    assert (again.state, again.receipt) == ("done", {"channel": "C_SUP", "ts": "1.2"})
    assert 0 < await store.client.ttl(store.keys.effect(REF, "alert-1")) <= DONE_TTL


async def test_due_threads_are_taken_by_one_worker_and_come_back_if_it_dies(store: Store) -> None:
    other = ThreadRef("T1", "C1", "1700000000.000200")
    await store.ledger.schedule(REF, 100.0)
    await store.ledger.schedule(REF, 150.0)  # a later time never postpones an earlier one
    await store.ledger.schedule(other, 500.0)
    taken = await store.ledger.take_due(now=200.0, lease_seconds=20)
    assert taken.refs == [REF]
    assert (await store.ledger.take_due(now=210.0, lease_seconds=20)).refs == []  # leased
    assert (await store.ledger.take_due(now=221.0, lease_seconds=20)).refs == [REF]  # it died


async def test_finishing_a_due_thread_keeps_a_schedule_made_meanwhile(store: Store) -> None:
    await store.ledger.schedule(REF, 100.0)
    taken = await store.ledger.take_due(now=200.0, lease_seconds=20)
    await store.ledger.finish(REF, taken.score, None)  # nothing left: dropped
    assert (await store.ledger.due_stats(now=1000.0))[0] == 0
    await store.ledger.schedule(REF, 100.0)
    taken = await store.ledger.take_due(now=200.0, lease_seconds=20)
    await store.ledger.schedule(REF, 205.0)  # a new effect while it was being delivered
    await store.ledger.finish(REF, taken.score, None)
    assert (await store.ledger.take_due(now=206.0, lease_seconds=20)).refs == [REF]


async def test_the_consumer_group_is_recreated_when_redis_comes_back_empty(store: Store) -> None:
    await store.enqueue("A1", "Ev1", {"kind": "message"})
    assert len(await store.read("c1", block_ms=10)) == 1
    await store.client.flushall()  # a restart without persistence, or a failover to an empty one
    await store.enqueue("A1", "Ev2", {"kind": "message"})
    [entry] = await store.read("c1", block_ms=10)
    assert entry.fields == {"kind": "message"}
    assert (await store.intake_health()).group is True


async def test_a_buried_entry_keeps_ids_but_not_its_text(store: Store) -> None:
    await store.enqueue("A1", "Ev1", {"kind": "message", "event_id": "Ev1", "text": "secret"})
    [entry] = await store.read("c1", block_ms=10)
    await store.dead.bury_entry(entry.id, entry.fields, "boom", deliveries=5, at=1.0)
    [letter] = await store.dead.newest()
    assert letter.kind == "entry" and letter.fields["event_id"] == "Ev1"
    assert "secret" not in str(letter.fields)
    assert await store.pending() == 0 and await store.intake_length() == 0


async def test_intake_health_tells_how_old_the_oldest_unprocessed_entry_is(store: Store) -> None:
    assert (await store.intake_health()).group is False  # nothing taken in yet
    await store.ensure_group()
    await store.enqueue("A1", "Ev1", {"kind": "message"})
    health = await store.intake_health()
    assert (health.group, health.unread, health.pending) == (True, 1, 0)
    await store.read("c1", block_ms=10)
    health = await store.intake_health()
    assert (health.unread, health.pending) == (0, 1)
    assert 0 <= health.oldest_pending_seconds < 60


async def test_entries_handed_back_are_taken_over_at_once(store: Store) -> None:
    await store.enqueue("A1", "Ev1", {"kind": "message"})
    [entry] = await store.read("leaving", block_ms=10)
    assert await store.claim_stale("other", min_idle_ms=60_000) == []
    await store.hand_back("leaving", [entry])
    [taken] = await store.claim_stale("other", min_idle_ms=60_000)
    assert taken.id == entry.id and taken.deliveries == 2


async def test_the_open_alert_index_is_bounded(store: Store) -> None:
    for i in range(MAX_OPEN_ALERTS + 20):
        ref = ThreadRef("T1", "C1", f"1700000000.{i:06d}")
        await store.set_open_alert(ref, at=float(i), renotify_at=float(i), ttl=86_400)
    assert await store.open_alert_count() == MAX_OPEN_ALERTS
    assert await store.quiet_alerts(changed_before=19.5) == []  # the oldest went first


async def test_due_renotifications_are_handed_out_once(store: Store) -> None:
    await store.set_open_alert(REF, at=100.0, renotify_at=200.0, ttl=60)
    assert await store.due_renotify(150.0) == []
    assert await store.due_renotify(250.0) == [REF]
    assert await store.due_renotify(300.0) == []
    assert await store.open_alerts() == [REF]


async def test_an_agents_app_home_lists_their_twenty_latest_threads(store: Store) -> None:
    refs = [ThreadRef("T1", "C1", f"1700000000.{i:06d}") for i in range(25)]
    await store.touch_homes([("U1", ref, float(i)) for i, ref in enumerate(refs[:22])], ttl=60)
    await store.touch_homes(  # one batch: several agents, a thread touched twice
        [("U1", refs[22], 22.0), ("U2", refs[0], 5.0), ("U1", refs[3], 23.0),
         ("U1", refs[3], 24.0), ("U2", refs[1], 6.0)],
        ttl=60,
    )
    assert await store.home_threads("U1", limit=3) == [refs[3], refs[22], refs[21]]
    assert len(await store.home_threads("U1", limit=50)) == 20  # the oldest went first
    assert refs[2] not in await store.home_threads("U1", limit=50)
    assert await store.home_threads("U2") == [refs[1], refs[0]]
    assert 0 < await store.client.ttl(store.keys.agent_home("U1")) <= 60


async def test_snoozes_and_feedback_counts(store: Store) -> None:
    await store.snooze("U1", REF, seconds=60, now=1000.0)
    assert await store.is_snoozed("U1", REF, now=1059.0)
    assert not await store.is_snoozed("U2", REF, now=1059.0)
    assert not await store.is_snoozed("U1", REF, now=1061.0)  # over, on the bot's clock
    await store.count_feedback("six_step.listen.ack", "used")
    await store.count_feedback("six_step.listen.ack", "used")
    await store.count_feedback("six_step.listen.ack", "not_helpful")
    assert await store.feedback_counts() == {"six_step.listen.ack": {"used": 2, "not_helpful": 1}}


async def test_supervisor_outcomes_round_trip(store: Store) -> None:
    await store.record_outcome({"cue": "legal", "channel": "C1", "outcome": "claimed", "at": 1.0})
    assert await store.outcomes() == [
        {"cue": "legal", "channel": "C1", "outcome": "claimed", "at": 1.0}
    ]


POST = [("chat.postMessage", 0.1, 10), ("chan:C1", 1.0, 1)]  # the channel: one a second


async def test_a_burst_into_one_channel_is_sent_in_order_one_slot_after_another(
    store: Store,
) -> None:
    take = store.take_rate
    assert await take("T1", "chat.postMessage", POST, now=100.0, ticket="a") == 0.0
    assert await take("T1", "chat.postMessage", POST, now=100.0, ticket="b") == 1.0
    assert await take("T1", "chat.postMessage", POST, now=100.0, ticket="c") == 2.0
    assert await take("T1", "chat.postMessage", POST, now=101.0, ticket="c") == 1.0  # not yet
    assert await take("T1", "chat.postMessage", POST, now=101.0, ticket="b") == 0.0  # its turn
    assert await take("T1", "chat.postMessage", POST, now=102.0, ticket="c") == 0.0
    other = [("chat.postMessage", 0.1, 10), ("chan:C2", 1.0, 1)]
    assert await take("T1", "chat.postMessage", other, now=102.0, ticket="d") == 0.0


async def test_a_call_without_a_place_in_line_is_not_charged_while_it_waits(store: Store) -> None:
    assert await store.take_rate("T1", "chat.postMessage", POST, now=100.0) == 0.0
    assert await store.take_rate("T1", "chat.postMessage", POST, now=100.5) == 0.5
    assert await store.take_rate("T1", "chat.postMessage", POST, now=101.0) == 0.0


async def test_a_429_pauses_the_method_in_that_workspace_only(store: Store) -> None:
    await store.pause_rate("T1", "chat.postMessage", 5.0, now=100.0)
    assert await store.take_rate("T1", "chat.postMessage", POST, now=103.0) == 2.0
    assert await store.take_rate("T2", "chat.postMessage", POST, now=103.0) == 0.0
    assert await store.take_rate("T1", "chat.postMessage", POST, now=105.0) == 0.0


async def test_a_post_that_went_late_for_its_slot_pushes_the_next_one_back(store: Store) -> None:
    """Slots in a channel are a second apart, but a post leaves when its effect is next picked up:
    one that left late must not be followed less than a second later (Slack counts real time)."""
    now = {"t": 100.0}
    budget = SlackBudget(store, clock=lambda: now["t"], default_team=lambda: "T1")
    post = {"channel": "C1"}
    waits = {}
    for name in ("a", "b", "c"):
        token = sending.set(f"thread/{name}")
        try:
            waits[name] = await budget.take("T1", "chat.postMessage", post)
        finally:
            sending.reset(token)
    assert waits == {"a": 0.0, "b": 1.0, "c": 2.0}  # in line, a second apart
    now["t"] = 101.2  # b comes back 0.2 s late for its slot and goes
    token = sending.set("thread/b")
    try:
        assert await budget.take("T1", "chat.postMessage", post) == 0.0
        sending.set("thread/c")
        now["t"] = 102.0  # c on time for its slot: still a second after b
        assert abs(await budget.take("T1", "chat.postMessage", post) - 0.2) < 1e-6
        now["t"] = 102.2
        assert await budget.take("T1", "chat.postMessage", post) == 0.0
    finally:
        sending.reset(token)


async def test_effects_wait_their_turn_but_a_call_a_person_waits_on_is_never_held_back(
    store: Store,
) -> None:
    budget = SlackBudget(store, clock=lambda: 100.0, default_team=lambda: "T1")
    token = sending.set("thread/alert-1")
    try:
        assert await budget.take("T1", "chat.postMessage", {"channel": "C1"}) == 0.0
        sending.set("thread/alert-2")
        assert await budget.take("T1", "chat.postMessage", {"channel": "C1"}) == 1.0  # its turn
    finally:
        sending.reset(token)
    # a practice round answering the agent in their DM, twice in the same instant, and a
    # slash command's answer into the busy channel: none refused
    dm = {"channel": "D0AGENT"}
    assert await budget.take("T1", "chat.postMessage", dm) == 0.0
    assert await budget.take("T1", "chat.postMessage", dm) == 0.0
    assert await budget.take("T1", "chat.postMessage", {"channel": "C1"}) == 0.0


async def test_the_line_into_a_channel_is_read_without_joining_it(store: Store) -> None:
    """How long a new post would wait for its turn, as the budget would reserve it, and 0 for an
    effect that holds a place already; reading it charges nothing."""
    line = store.rate_line
    assert await line("T1", "chan:C1", 1.0, now=100.0) == 0.0
    for name in ("a", "b", "c"):
        await store.take_rate("T1", "chat.postMessage", POST, now=100.0, ticket=name)
    assert await line("T1", "chan:C1", 1.0, now=100.0) == 3.0
    assert await line("T1", "chan:C1", 1.0, now=100.0) == 3.0, "reading it did not join it"
    assert await line("T1", "chan:C1", 1.0, now=100.0, ticket="c") == 0.0, "c holds its turn"
    assert await line("T1", "chan:C2", 1.0, now=100.0) == 0.0, "another channel is free"
    assert await store.take_rate("T1", "chat.postMessage", POST, now=100.0, ticket="d") == 3.0


async def test_a_place_held_in_a_channel_line_says_when_its_turn_comes(store: Store) -> None:
    """A burst that holds a later place (an overflow message) learns how long it still waits
    without preparing a post; one that holds none is told to go ahead and ask; nothing is
    charged by looking."""

    def turn(team: str, name: str, interval: float, now: float, ticket: str) -> Awaitable[float]:
        return store.rate_line(team, name, interval, now, ticket, own=True)

    assert await turn("T1", "chan:C1", 1.0, now=100.0, ticket="a") == 0.0, "holds no place yet"
    for name in ("a", "b", "c"):
        await store.take_rate("T1", "chat.postMessage", POST, now=100.0, ticket=name)
    assert await turn("T1", "chan:C1", 1.0, now=100.0, ticket="c") == 2.0
    assert await turn("T1", "chan:C1", 1.0, now=101.5, ticket="c") == 0.5
    assert await turn("T1", "chan:C1", 1.0, now=100.0, ticket="z") == 0.0, "z holds none"
    assert await store.take_rate("T1", "chat.postMessage", POST, now=100.0, ticket="d") == 3.0


def _line(i: int, thread: int) -> dict[str, str]:
    return {
        "kind": "message", "event_id": f"Ev{i}", "team": "T1", "channel": "C1",
        "thread_ts": f"1700000000.{thread:06d}", "ts": f"1700000001.{i:06d}", "text": "words",
    }  # fmt: skip


async def test_a_consumer_keeping_up_reads_every_shard_at_once_and_a_backlog_by_window(
    redis_url: str,
) -> None:
    store = Store.from_url(redis_url)
    try:
        for i in range(48):  # 48 threads, one line each: spread over the shards
            await store.enqueue("A1", f"Ev{i}", _line(i, thread=i))
        shards = {shard_of_fields(_line(i, thread=i)) for i in range(48)}
        first = await store.read("c1", count=10, block_ms=10)
        assert len(first) == 48 and {e.shard for e in first} == shards  # one read, every shard
        await store.ack(first)
        for i in range(48, 148):  # a backlog: 60 lines in one thread, 40 in forty others
            thread = 1 if i < 108 else i
            await store.enqueue("A1", f"Ev{i}", _line(i, thread=thread))
        full = await store.read("c1", count=10, block_ms=10)
        assert len({e.shard for e in full}) > READ_WINDOW  # still read everywhere at once...
        await store.ack(full)
        later = [await store.read("c1", count=10, block_ms=10) for _ in range(3)]
        # ...but that read filled a shard: the next ones go round a window of shards at a time
        assert all(len({e.shard for e in batch}) <= READ_WINDOW for batch in later)
    finally:
        await store.close()


# --- group commit: intakes arriving together share a round trip, each gets its own answer ----


def _burst_fields(n: int) -> dict[str, str]:
    return {"kind": "message", "team": "T1", "channel": "C1", "thread_ts": f"17.{n % 7}"}


async def test_a_burst_of_intakes_takes_fewer_round_trips_than_events(store: Store) -> None:
    batcher = store._intake
    assert isinstance(batcher, GroupCommit)
    before = batcher.round_trips
    burst = [store.enqueue("A1", f"Ev{n}", _burst_fields(n)) for n in range(40)]
    results = await asyncio.gather(*burst)
    assert results == [True] * 40
    assert await store.intake_length() == 40
    assert batcher.round_trips - before < 40  # the first went alone, the rest waited together


async def test_duplicates_inside_one_batch_are_still_told_apart(store: Store) -> None:
    calls = [store.enqueue("A1", f"Ev{n % 3}", _burst_fields(n % 3)) for n in range(9)]
    results = await asyncio.gather(*calls)
    assert sorted(results) == [False] * 6 + [True] * 3
    assert results[:3] == [True, True, True]  # the first of each, in the order they came
    assert await store.intake_length() == 3


async def test_a_lone_intake_goes_out_at_once_by_itself(store: Store) -> None:
    batcher = store._intake
    assert isinstance(batcher, GroupCommit)
    before = batcher.round_trips
    assert await store.enqueue("A1", "Ev1", _burst_fields(1)) is True
    assert batcher.round_trips == before + 1


async def test_a_failed_round_trip_fails_every_caller_in_it_and_the_next_goes_on() -> None:
    sent: list[int] = []

    class Down:
        async def __call__(self, keys: Any, args: Any) -> Any:
            raise RedisConnectionError("Connection refused.")

    class Client:
        def pipeline(self, transaction: bool = False) -> Any:
            raise RedisConnectionError("Connection refused.")

    batcher = GroupCommit(Client(), "intake.lua", Down())
    results = await asyncio.gather(
        *(batcher(keys=[f"k{n}"], args=[n]) for n in range(5)), return_exceptions=True
    )
    assert all(isinstance(r, RedisConnectionError) for r in results)

    class Up:
        async def __call__(self, keys: Any, args: Any) -> Any:
            sent.append(args[0])
            return 1

    batcher._alone = Up()
    assert await batcher(keys=["k"], args=[7]) == 1
    assert sent == [7]


async def test_a_caller_that_went_away_does_not_stop_the_others(store: Store) -> None:
    first = asyncio.ensure_future(store.enqueue("A1", "Ev1", _burst_fields(1)))
    gone = asyncio.ensure_future(store.enqueue("A1", "Ev2", _burst_fields(2)))
    third = asyncio.ensure_future(store.enqueue("A1", "Ev3", _burst_fields(3)))
    await asyncio.sleep(0)  # all three are waiting now
    gone.cancel()
    assert await first is True
    assert await third is True
    with pytest.raises(asyncio.CancelledError):
        await gone
