"""The delivery contract, effect by effect: sent once Slack accepted it, never while another
worker holds it, settled without resending when Slack already has it."""

from __future__ import annotations

from bot.fakeslack import payloads as p
from bot.record import ThreadRecord
from bot.stores.keys import ThreadRef
from tests.scenario.conftest import Bot

ANGRY = "This is the THIRD time I'm asking. Where is my refund??? Nobody tells us anything!"


async def queued_hint(bot: Bot) -> tuple[ThreadRef, str]:
    """A hint that could not go out yet (Slack answered 503), and its thread."""
    bot.slack.fail_next("chat.postEphemeral", status=503, times=1)
    await bot.say(p.AGENT, "Hi!")
    await bot.say(p.CUSTOMER, ANGRY)
    await bot.drain()
    ref = ThreadRef(p.TEAM_OURS, p.CHANNEL_SHARED, bot.parent())
    [effect] = (await record(bot, ref)).outbox
    return ref, effect.id


async def record(bot: Bot, ref: ThreadRef) -> ThreadRecord:
    return ThreadRecord.from_json((await bot.services.store.load_thread(ref)).doc)


async def test_an_effect_another_worker_is_sending_is_left_to_it(bot: Bot) -> None:
    ref, effect_id = await queued_hint(bot)
    ledger = bot.services.store.ledger
    lease = await ledger.claim(ref, effect_id, lease_seconds=30)  # another worker, mid-send
    before = (await record(bot, ref)).outbox[0]
    bot.clock.advance(5)
    await bot.drain()
    assert [c.status for c in bot.slack.calls_to("chat.postEphemeral")] == [503]
    assert (await record(bot, ref)).outbox == [before]  # its retry time is the sender's to set
    await ledger.release(ref, effect_id, lease.token)  # it failed and handed the hint back
    bot.clock.advance(31)  # looked at again, at the latest, when that lease would have ended
    await bot.drain()
    assert [c.status for c in bot.slack.calls_to("chat.postEphemeral")] == [503, 200]


async def test_an_effect_slack_already_accepted_is_settled_without_sending_it_again(
    bot: Bot,
) -> None:
    ref, effect_id = await queued_hint(bot)
    # Slack took it and the sender died right after writing the done-marker, before settling.
    await bot.services.store.ledger.mark_done(ref, effect_id, {"channel": p.CHANNEL_SHARED})
    bot.clock.advance(5)
    await bot.drain()
    assert [c.status for c in bot.slack.calls_to("chat.postEphemeral")] == [503]
    assert (await record(bot, ref)).outbox == []


async def test_nothing_is_left_indexed_once_the_outbox_is_empty(bot: Bot) -> None:
    ref, _ = await queued_hint(bot)
    store = bot.services.store
    assert await store.client.zscore(store.keys.due(ref.shard), ref.key) is not None
    bot.clock.advance(5)
    await bot.drain()
    assert (await record(bot, ref)).outbox == []
    assert await store.client.zscore(store.keys.due(ref.shard), ref.key) is None
