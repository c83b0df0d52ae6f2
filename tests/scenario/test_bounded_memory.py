"""Bounded memory in Redis: after every kind of activity, each key either expires or is a
stream capped by length."""

from __future__ import annotations

import copy

import pytest

from bot.fakeslack import payloads as p
from bot.flows import digest, practice
from bot.slack.ids import ActionId
from bot.stores.store import STREAM_MAXLEN
from tests.scenario.conftest import Bot
from tests.scenario.test_interactions import MANAGER, button_value, click, hinted_thread


@pytest.mark.usefixtures("redis_url")
async def test_every_redis_key_has_a_ttl_or_a_length_cap(bot: Bot) -> None:
    whisper = await hinted_thread(bot)  # thread document, intake, home index, once-keys
    as_sent = copy.deepcopy(whisper)
    await click(bot, whisper, ActionId.HINT_USED, "used")  # feedback counters and index
    await click(bot, as_sent, ActionId.HINT_SNOOZE, "snooze")  # snooze
    await bot.say(p.CUSTOMER, MANAGER)
    await bot.drain()  # alert, open-alert and re-notify indexes; roll-up, watch list, post slot
    await bot.settle()
    [ping] = [m for m in bot.slack.messages_in(p.CHANNEL_SUP) if not m.text.startswith("Heating")]
    value = button_value(ping.blocks, ActionId.ALERT_CLAIM.value)
    await bot.press_on_alert(ActionId.ALERT_CLAIM.value, value, ping.ts)
    await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))  # outcomes stream
    await bot.driver.post_event(p.channel_shared(p.CHANNEL_HELP))  # the leak guard's mark
    await bot.say(p.AGENT, "I'll update you within the hour.")  # a promise
    await bot.drain()
    resolved = p.reaction_added(
        "white_check_mark", user=p.AGENT, channel=p.CHANNEL_SHARED, ts=bot.parent()
    )
    await bot.driver.post_event(resolved)  # the record, its indexes, the check-in
    await bot.drain()
    await digest.on_demand(bot.services, p.CHANNEL_SUP)  # the digest's own document
    await bot.drain()
    await practice.start(bot.services, p.AGENT, "indignant")  # a practice round
    client = bot.services.store.client
    keys_of = bot.services.store.keys
    keys = sorted(k.decode() for k in await client.keys("*"))
    assert len(keys) > 10
    unbounded = []
    for key in keys:
        if await client.type(key) == b"stream":
            continue  # capped by length, checked below
        if await client.ttl(key) <= 0:
            unbounded.append(key)
    assert unbounded == []
    for intake in bot.services.store.keys.streams:
        assert await client.xlen(intake) <= STREAM_MAXLEN
    assert await client.ttl(bot.services.store.keys.alert_outcomes()) > 0
    assert {keys_of.record_index(), keys_of.practice(p.AGENT)} <= set(keys)  # written above
