"""The whole flow on a real three-node Redis Cluster (`UNDERTONE_REDIS_CLUSTER=true`, `REDIS_URL`
naming one node): events taken in once, scored, whispered and pinged once, with no cross-slot
command anywhere."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.fakeslack import payloads as p
from bot.fakeslack.server import FakeSlack
from tests.scenario.conftest import Bot, start_bot
from tests.scenario.test_escalation import AGENT_REPLY, CUES, OPENING, pings
from tests.scenario.test_overflow import burst as overflow_burst
from tests.scenario.test_overflow import named_in
from tests.scenario.test_whisper_and_ping import ANGRY, hints


@pytest.fixture
async def bot(
    fake_slack: FakeSlack, signing_secret: str, redis_cluster_url: str
) -> AsyncIterator[Bot]:
    instance, runner = await start_bot(
        fake_slack, signing_secret, redis_url=redis_cluster_url, redis_cluster=True
    )
    try:
        yield instance
    finally:
        await runner.cleanup()


async def test_a_frustrated_customer_gets_one_hint_and_a_cue_one_ping(bot: Bot) -> None:
    for i in range(6):  # threads on many shards, so on every node
        await bot.say(p.CUSTOMER, OPENING, thread=f"t{i}")
        await bot.say(p.AGENT, AGENT_REPLY, thread=f"t{i}")
        await bot.say(p.CUSTOMER, ANGRY, thread=f"t{i}")
    await bot.say(p.CUSTOMER, CUES["legal"][0], thread="t0")
    await bot.drain()
    for _ in range(3):
        await bot.settle(1.0)
    assert sorted(h["thread_ts"] for h in hints(bot.slack)) == sorted(
        bot.parent(f"t{i}") for i in range(6)
    )
    assert len(pings(bot.slack)) == 1
    assert await bot.services.store.pending() == 0


async def test_slack_retries_and_redeliveries_change_nothing(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, OPENING)
    await bot.say(p.AGENT, AGENT_REPLY)
    envelope = p.message_event(
        text=CUES["legal"][0], user=p.CUSTOMER, user_team=p.TEAM_CUST, thread_ts=bot.parent()
    )
    for retry in (None, 1, 2):
        assert (await bot.say(p.CUSTOMER, "", envelope=envelope, retry_num=retry)).status == 200
    await bot.drain()
    assert len(pings(bot.slack)) == 1


async def test_readiness_reads_every_shard_of_the_cluster(bot: Bot) -> None:
    import aiohttp

    await bot.say(p.CUSTOMER, OPENING)
    await bot.drain()
    async with aiohttp.ClientSession() as session, session.get(bot.url + "/readyz") as resp:
        body = await resp.json()
    assert resp.status == 200, body
    assert body["intake"]["group"] is True and body["intake"]["pending"] == 0


async def test_a_burst_of_alerts_overflows_into_one_message_on_the_cluster(bot: Bot) -> None:
    threads = await overflow_burst(bot)  # threads on many shards; the overflow keys on others
    for _ in range(4):  # a drain reads four of the 16 shards at a time: take in every one now
        await bot.drain()
    for _ in range(int(bot.services.phrasebook.escalation.watch.overflow_after_seconds) + 3):
        await bot.settle(1.0)
    posts = bot.slack.messages_in(p.CHANNEL_SUP)
    assert len(posts) < len(threads)
    for thread in threads:
        assert sum(named_in(bot, thread, m) for m in posts) == 1
