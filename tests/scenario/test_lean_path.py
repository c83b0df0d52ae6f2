"""The lean per-message path and Slack's limits across processes.

A batch of taken-in messages is folded thread by thread with one write per thread; App Home is
published only for people who have it open; a 429 from Slack pauses that method for every
process, not just the one that got it."""

from __future__ import annotations

from bot.fakeslack import payloads as p
from bot.fakeslack.server import FakeSlack
from bot.record import ThreadRecord
from bot.stores.keys import ThreadRef
from tests.scenario.conftest import Bot, Clock, start_bot
from tests.scenario.test_whisper_and_ping import ANGRY, hints

OPENING = "Hi, we were charged twice for invoice INV-2291, can you refund one?"


async def test_a_threads_messages_read_together_are_folded_in_order_with_one_write(
    bot: Bot,
) -> None:
    await bot.say(p.CUSTOMER, OPENING)
    await bot.say(p.AGENT, "Refunds take 5-7 business days.")
    await bot.say(p.CUSTOMER, ANGRY)
    await bot.say(p.CUSTOMER, OPENING, thread="t2")
    handled = 0
    while taken := await bot.worker.run_once():  # a batch per window of shards
        handled += taken
    assert handled == 4
    ref = ThreadRef(p.TEAM_OURS, p.CHANNEL_SHARED, bot.parent())
    current = await bot.services.store.load_thread(ref)
    assert current.version == 1  # three messages, one compare-and-set
    record = ThreadRecord.from_json(current.doc)
    assert len(record.processed) == 3 and record.agent == p.AGENT
    await bot.drain()
    assert len(hints(bot.slack)) == 1  # the angry line, read after the agent's reply
    assert await bot.services.store.pending() == 0


async def test_app_home_is_published_only_for_agents_who_have_it_open(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, OPENING)
    await bot.say(p.AGENT, "Refunds take 5-7 business days.")
    await bot.say(p.CUSTOMER, ANGRY)
    await bot.drain()
    assert len(hints(bot.slack)) == 1
    assert bot.slack.calls_to("views.publish") == []  # never opened: nothing to refresh
    assert (await bot.driver.post_event(p.app_home_opened(p.AGENT))).status == 200
    await bot.slack.wait_for(lambda: bot.slack.calls_to("views.publish"))
    published = len(bot.slack.calls_to("views.publish"))
    await bot.say(p.CUSTOMER, OPENING, thread="t2")
    await bot.say(p.AGENT, "Looking into it.", thread="t2")
    await bot.say(p.CUSTOMER, ANGRY, thread="t2")
    await bot.drain()
    assert len(hints(bot.slack)) == 2
    # open, but published a moment ago: the refresh waits for the debounce (housekeeping)
    assert len(bot.slack.calls_to("views.publish")) == published
    assert p.AGENT in bot.services.home_pending


async def say_now(bot: Bot, user: str, text: str, parent: str | None) -> str:
    """Post a message without moving the bot's clock on; returns its ts."""
    team = p.TEAM_CUST if user == p.CUSTOMER else p.TEAM_OURS
    ts = p.next_ts(bot.clock.now)
    envelope = p.message_event(
        text=text, user=user, channel=p.CHANNEL_SHARED, ts=ts, user_team=team, thread_ts=parent
    )
    assert (await bot.say(user, "", envelope=envelope)).status == 200
    return ts


async def angry_thread_now(bot: Bot) -> None:
    parent = await say_now(bot, p.CUSTOMER, OPENING, None)
    await say_now(bot, p.AGENT, "Refunds take 5-7 business days.", parent)
    await say_now(bot, p.CUSTOMER, ANGRY, parent)


async def test_a_429_pauses_the_method_for_every_process(
    fake_slack: FakeSlack, signing_secret: str, redis_url: str
) -> None:
    clock = Clock()
    one, r1 = await start_bot(fake_slack, signing_secret, redis_url=redis_url, clock=clock)
    two, r2 = await start_bot(fake_slack, signing_secret, redis_url=redis_url, clock=clock)
    try:
        fake_slack.fail_next("chat.postEphemeral", status=429, retry_after=60)
        await angry_thread_now(one)
        await one.drain()  # Slack answers 429, Retry-After: 60
        assert [c.status for c in fake_slack.calls_to("chat.postEphemeral")] == [429]
        clock.advance(30)
        await angry_thread_now(two)  # another process, another thread
        await two.drain()  # it waits too, without asking Slack
        assert [c.status for c in fake_slack.calls_to("chat.postEphemeral")] == [429]
        await one.settle(31)
        await two.settle(0)
        assert [c.status for c in fake_slack.calls_to("chat.postEphemeral")] == [429, 200, 200]
        assert len(hints(fake_slack)) == 2
    finally:
        await r1.cleanup()
        await r2.cleanup()
