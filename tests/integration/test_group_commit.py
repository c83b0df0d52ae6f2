"""Intakes that arrive together share a round trip to Redis, and each still gets its own answer."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.stores.groupcommit import GroupCommit
from bot.stores.store import Store


@pytest.fixture(params=["redis", "embedded"])
async def store(request: pytest.FixtureRequest) -> AsyncIterator[Store]:
    url = request.getfixturevalue("redis_url") if request.param == "redis" else None
    instance = Store.from_url(url)
    try:
        yield instance
    finally:
        await instance.close()


def _fields(n: int) -> dict[str, str]:
    return {"kind": "message", "team": "T1", "channel": "C1", "thread_ts": f"17.{n % 7}"}


async def test_a_burst_of_intakes_takes_fewer_round_trips_than_events(store: Store) -> None:
    batcher = store._intake
    assert isinstance(batcher, GroupCommit)
    before = batcher.round_trips
    results = await asyncio.gather(*(store.enqueue("A1", f"Ev{n}", _fields(n)) for n in range(40)))
    assert results == [True] * 40
    assert await store.intake_length() == 40
    assert batcher.round_trips - before < 40  # the first went alone, the rest waited together


async def test_duplicates_inside_one_batch_are_still_told_apart(store: Store) -> None:
    calls = [store.enqueue("A1", f"Ev{n % 3}", _fields(n % 3)) for n in range(9)]
    results = await asyncio.gather(*calls)
    assert sorted(results) == [False] * 6 + [True] * 3
    assert results[:3] == [True, True, True]  # the first of each, in the order they came
    assert await store.intake_length() == 3


async def test_a_lone_intake_goes_out_at_once_by_itself(store: Store) -> None:
    batcher = store._intake
    assert isinstance(batcher, GroupCommit)
    before = batcher.round_trips
    assert await store.enqueue("A1", "Ev1", _fields(1)) is True
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
    first = asyncio.ensure_future(store.enqueue("A1", "Ev1", _fields(1)))
    gone = asyncio.ensure_future(store.enqueue("A1", "Ev2", _fields(2)))
    third = asyncio.ensure_future(store.enqueue("A1", "Ev3", _fields(3)))
    await asyncio.sleep(0)  # all three are waiting now
    gone.cancel()
    assert await first is True
    assert await third is True
    with pytest.raises(asyncio.CancelledError):
        await gone
