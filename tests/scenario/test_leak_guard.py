"""The leak guard stays true, over real HTTP: when the supervisor channel becomes a Slack Connect
channel, however Undertone learns it, no alert, update or re-notify is posted there any more, and
/readyz says so. Only Slack itself can make a channel internal again.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from bot.fakeslack import payloads as p
from bot.slack.guard import SHARING_TTL
from bot.slack.ids import ActionId
from tests.scenario.conftest import Bot, LogWatch
from tests.scenario.test_interactions import MANAGER, button_value

VISIBLE = ("chat.postMessage", "chat.update")


async def escalate(bot: Bot, thread: str) -> None:
    await bot.say(p.CUSTOMER, "Hi, our export failed again.", thread=thread)
    await bot.say(p.AGENT, "Hi, looking into it.", thread=thread)
    await bot.say(p.CUSTOMER, MANAGER, thread=thread)
    await bot.drain()


def visible_in_sup(bot: Bot, since: int = 0) -> list[str]:
    return [
        c.method
        for c in bot.slack.calls[since:]
        if c.method in VISIBLE and c.params.get("channel") == p.CHANNEL_SUP
    ]


async def readyz(bot: Bot) -> dict[str, Any]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(bot.url + "/readyz") as resp,
    ):
        assert resp.status == 200  # coaching still works: readiness does not fail
        body: dict[str, Any] = await resp.json()
        return body


def customer_joins(bot: Bot) -> None:
    """What Slack does when the channel is shared with the customer's workspace."""
    bot.slack.share_channel(p.CHANNEL_SUP)
    bot.slack.add_member(p.CHANNEL_SUP, p.CUSTOMER)


def join_message(channel: str) -> dict[str, Any]:
    return p.message_event(
        text=f"<@{p.CUSTOMER}> has joined the channel",
        user=p.CUSTOMER,
        user_team=p.TEAM_CUST,
        channel=channel,
        subtype="channel_join",
        is_ext_shared_channel=True,
    )


HOW_WE_LEARN = {
    "channel_shared": lambda: p.channel_shared(p.CHANNEL_SUP),
    "a customer joined": lambda: p.member_joined_channel(
        p.CUSTOMER, p.CHANNEL_SUP, team=p.TEAM_CUST, is_ext_shared_channel=True
    ),
    "a message flagged is_ext_shared_channel": lambda: join_message(p.CHANNEL_SUP),
}


@pytest.mark.parametrize("how", sorted(HOW_WE_LEARN))
async def test_a_supervisor_channel_that_becomes_shared_gets_no_more_alerts(
    bot: Bot, how: str, logs: LogWatch
) -> None:
    """Who: Slack telling us (one event). What: the next escalation. Outcome: nothing visible in
    the channel, the refusal logged with ids, /readyz naming the channel."""
    await escalate(bot, "before")
    assert visible_in_sup(bot) == ["chat.postMessage"]
    assert (await readyz(bot))["alert_channels"] == {p.CHANNEL_SUP: "internal"}
    customer_joins(bot)
    assert (await bot.driver.post_event(HOW_WE_LEARN[how]())).status == 200
    since = len(bot.slack.calls)
    await escalate(bot, "after")
    assert visible_in_sup(bot, since) == []
    refusals = logs.events("leak_guard_refused")
    assert refusals and all(r.__dict__.get("channel") == p.CHANNEL_SUP for r in refusals)
    ready = await readyz(bot)
    assert ready["alert_channels"] == {p.CHANNEL_SUP: "shared"}
    assert ready["warnings"] and p.CHANNEL_SUP in ready["warnings"][0]


async def test_without_any_event_slack_is_asked_again_within_a_short_time(bot: Bot) -> None:
    await escalate(bot, "before")
    customer_joins(bot)  # Slack sends nothing we subscribed to
    bot.clock.advance(SHARING_TTL + 1)
    since = len(bot.slack.calls)
    await escalate(bot, "after")
    assert visible_in_sup(bot, since) == []


async def test_an_event_can_only_make_a_channel_more_shared(bot: Bot) -> None:
    """A later envelope saying `is_ext_shared_channel: false` does not undo an earlier `true`."""
    await escalate(bot, "before")
    assert (await bot.driver.post_event(join_message(p.CHANNEL_SUP))).status == 200
    calm = p.message_event(
        text="Morning all", user=p.SUPERVISOR, channel=p.CHANNEL_SUP, is_ext_shared_channel=False
    )
    assert (await bot.driver.post_event(calm)).status == 200
    bot.clock.advance(SHARING_TTL + 1)  # Slack's own answer ("not shared") is asked again too
    since = len(bot.slack.calls)
    await escalate(bot, "after")
    assert visible_in_sup(bot, since) == []


async def test_a_claim_on_an_alert_in_a_channel_that_became_shared_updates_nothing(
    bot: Bot,
) -> None:
    await escalate(bot, "t1")
    [ping] = bot.slack.messages_in(p.CHANNEL_SUP)
    customer_joins(bot)
    assert (await bot.driver.post_event(p.channel_shared(p.CHANNEL_SUP))).status == 200
    since = len(bot.slack.calls)
    await bot.press_on_alert(
        ActionId.ALERT_CLAIM.value, button_value(ping.blocks, ActionId.ALERT_CLAIM.value), ping.ts
    )
    notice = await bot.slack.wait_for(  # the agent is still told, privately
        lambda: [
            c
            for c in bot.slack.calls_to("chat.postEphemeral")
            if p.SUPERVISOR in json.dumps(c.params)
        ]
    )
    assert notice[0].params["user"] == p.AGENT
    assert visible_in_sup(bot, since) == []


async def test_only_channel_unshared_and_slack_together_reopen_a_channel(bot: Bot) -> None:
    await escalate(bot, "t1")
    customer_joins(bot)
    assert (await bot.driver.post_event(p.channel_shared(p.CHANNEL_SUP))).status == 200
    await escalate(bot, "t2")
    assert len(bot.slack.messages_in(p.CHANNEL_SUP)) == 1
    # the event alone does not reopen it while Slack still says "shared"
    assert (await bot.driver.post_event(p.channel_unshared(p.CHANNEL_SUP))).status == 200
    await escalate(bot, "t3")
    assert len(bot.slack.messages_in(p.CHANNEL_SUP)) == 1
    # the share really ended: alerts flow again
    bot.slack.share_channel(p.CHANNEL_SUP, shared=False)
    bot.slack.remove_member(p.CHANNEL_SUP, p.CUSTOMER)
    assert (await bot.driver.post_event(p.channel_unshared(p.CHANNEL_SUP))).status == 200
    await escalate(bot, "t4")
    assert len(bot.slack.messages_in(p.CHANNEL_SUP)) == 2
    assert (await readyz(bot))["alert_channels"] == {p.CHANNEL_SUP: "internal"}


async def test_a_colleague_joining_the_supervisor_channel_changes_nothing(bot: Bot) -> None:
    await escalate(bot, "t1")
    bot.slack.add_member(p.CHANNEL_SUP, p.AGENT)
    event = p.member_joined_channel(p.AGENT, p.CHANNEL_SUP, team=p.TEAM_OURS)
    assert (await bot.driver.post_event(event)).status == 200
    await escalate(bot, "t2")
    assert len(bot.slack.messages_in(p.CHANNEL_SUP)) == 2


async def test_the_customers_channel_is_never_posted_into(bot: Bot) -> None:
    """Routes and configuration cannot make a Slack Connect channel a place for alerts."""
    await escalate(bot, "t1")
    visible = [
        c
        for c in bot.slack.calls
        if c.method in VISIBLE and c.params.get("channel") == p.CHANNEL_SHARED
    ]
    assert visible == []
    with pytest.raises(Exception, match="shared"):
        await bot.services.notifier.post_internal(channel=p.CHANNEL_SHARED, message={"text": "x"})


async def test_whisper_buttons_work_in_the_dm_fallback(bot: Bot, logs: LogWatch) -> None:
    """The DM an agent gets when they left the channel is theirs alone: its buttons may
    replace it."""
    await bot.say(p.AGENT, "Hi!")
    bot.slack.remove_member(p.CHANNEL_SHARED, p.AGENT)
    await bot.say(p.CUSTOMER, "This is the THIRD time I'm asking. Where is my refund??? Nobody!")
    await bot.drain()
    [dm] = bot.slack.messages_in(p.AGENT)
    value = button_value(dm.blocks, ActionId.HINT_USED.value)
    payload = p.block_action(
        ActionId.HINT_USED.value,
        value,
        channel=dm.channel,
        message_ts=dm.ts,
        is_ephemeral=False,
        response_url=bot.slack.response_url("dm", message_ts=dm.ts),
    )
    assert (await bot.driver.post_interaction(payload)).status == 200
    await bot.slack.wait_for(lambda: bot.slack.posts_to("dm"))
    assert "noted" in str(bot.slack.messages_in(p.AGENT)[0].text)
    assert not logs.failures()
