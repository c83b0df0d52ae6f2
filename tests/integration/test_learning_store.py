"""What channels learned from answers, in the store: compare-and-set across replicas, each answer
once, a bounded change list, TTLs; the same on a real redis-server and on the embedded default."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.core.learning import ChannelTuning
from bot.flows.learning import apply_answer, learned_by_channel, reset_tuning
from bot.stores.store import TUNING_CHANGES_KEPT, TUNING_TTL, Store
from phrasebook.coaching import Learning

BOUNDS = Learning()
NOW = 1_795_400_000.0


@pytest.fixture(params=["redis", "embedded"])
async def stores(request: pytest.FixtureRequest) -> AsyncIterator[tuple[Store, Store]]:
    """Two replicas' stores on one Redis (the embedded default: one process, one client)."""
    if request.param == "redis":
        url = request.getfixturevalue("redis_url")
        first, second = Store.from_url(url), Store.from_url(url)
    else:
        first = Store.from_url(None)
        second = first
    try:
        yield first, second
    finally:
        await first.close()
        if second is not first:
            await second.close()


async def tuning(store: Store, channel: str) -> ChannelTuning:
    return ChannelTuning.from_json((await store.load_tuning(channel)).doc)


async def test_a_channel_that_learned_nothing_uses_the_shipped_judgement(
    stores: tuple[Store, Store],
) -> None:
    store, _ = stores
    assert (await store.load_tuning("C1")).version == 0
    assert await tuning(store, "C1") == ChannelTuning()
    assert await store.tuned_channels() == []
    assert await store.tuning_changes("C1") == []


async def test_an_answer_moves_its_channel_once_and_is_listed_with_a_ttl(
    stores: tuple[Store, Store],
) -> None:
    store, other = stores
    change = await apply_answer(store, "C1", "not_helpful", "hint:t1:h1:not_helpful", BOUNDS, NOW)
    assert change is not None and (change.before, change.after) == (0.0, BOUNDS.not_helpful)
    # the same answer again, on another replica: a replay or a double click learns nothing
    again = await apply_answer(other, "C1", "not_helpful", "hint:t1:h1:not_helpful", BOUNDS, NOW)
    assert again is None
    assert (await tuning(store, "C1")).hint_shift == BOUNDS.not_helpful
    assert await tuning(store, "C2") == ChannelTuning()  # other channels are untouched
    assert await store.tuned_channels() == ["C1"]
    [listed] = await store.tuning_changes("C1")
    assert listed == change.to_json()
    for key in (store.keys.tuning("C1"), store.keys.tuning_changes("C1")):
        assert 0 < await store.client.ttl(key) <= TUNING_TTL
    assert await store.client.ttl(store.keys.tuning_once("C1", "hint:t1:h1:not_helpful")) > 0


async def test_concurrent_answers_on_two_replicas_lose_no_update(
    stores: tuple[Store, Store],
) -> None:
    small = Learning(not_helpful=0.01, max_hint_shift=3.0)
    saves: list[str] = []
    for store in {id(s): s for s in stores}.values():
        original = store.save_tuning

        async def counted(*args, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            result = await _original(*args, **kwargs)
            saves.append(result)
            return result

        store.save_tuning = counted  # type: ignore[method-assign]
    answers = [
        apply_answer(stores[i % 2], "C1", "not_helpful", f"hint:t{i}:h:not_helpful", small, NOW)
        for i in range(40)
    ]
    changes = await asyncio.gather(*answers)
    assert all(c is not None for c in changes)
    assert (await tuning(stores[0], "C1")).hint_shift == pytest.approx(0.40)
    assert (await tuning(stores[0], "C1")).changes == 40
    assert "conflict" in saves, "the answers did race: some writes had to be retried"
    afters = sorted(c["after"] for c in await stores[0].tuning_changes("C1", 50))
    assert afters == pytest.approx([round(0.01 * (i + 1), 4) for i in range(40)])


async def test_the_change_list_keeps_the_newest_few(stores: tuple[Store, Store]) -> None:
    store, _ = stores
    small = Learning(false_alarm=0.001, max_alert_shift=0.5)
    for i in range(TUNING_CHANGES_KEPT + 5):
        await apply_answer(store, "C1", "false_alarm", f"alert:t{i}:1:false_alarm", small, NOW + i)
    rows = await store.tuning_changes("C1", 1000)
    assert len(rows) == TUNING_CHANGES_KEPT
    assert rows[0]["at"] == NOW + TUNING_CHANGES_KEPT + 4  # newest first


async def test_a_reset_puts_the_channel_back_and_is_listed_as_a_change(
    stores: tuple[Store, Store],
) -> None:
    store, _ = stores
    await apply_answer(store, "C1", "not_helpful", "hint:t1:h1:not_helpful", BOUNDS, NOW)
    await apply_answer(store, "C1", "false_alarm", "alert:t2:1:false_alarm", BOUNDS, NOW + 1)
    changes = await reset_tuning(store, "C1", NOW + 2)
    assert {(c.knob, c.answer, c.after) for c in changes} == {
        ("hint_shift", "reset", 0.0),
        ("alert_shift", "reset", 0.0),
    }
    back = await tuning(store, "C1")
    assert (back.hint_shift, back.alert_shift, back.changes) == (0.0, 0.0, 4)
    assert await reset_tuning(store, "C1", NOW + 3) == []  # nothing left to undo
    [row] = await learned_by_channel(store)
    assert [c.answer for c in row.changes] == ["reset", "reset", "false_alarm", "not_helpful"]
