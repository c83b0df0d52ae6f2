"""Slash command, whisper buttons, App Home, the "Coach me" shortcut and alert buttons, over real
HTTP."""

from __future__ import annotations

import json

from bot.fakeslack import payloads as p
from bot.fakeslack.server import Ephemeral, FakeSlack
from bot.slack.ids import ActionId, BlockId, CallbackId
from tests.scenario.conftest import Bot

ANGRY = "This is the THIRD time I'm asking. Where is my refund??? Nobody tells us anything!"
MANAGER = "This is unacceptable. I want to speak to your manager right now."


def hint_whispers(slack: FakeSlack) -> list[Ephemeral]:
    """Every whisper that carried hint buttons when it was sent (even if replaced or removed
    since)."""
    return [
        e
        for e in slack.ephemerals
        if "hint_used" in json.dumps([e.blocks or [], *[v.get("blocks") for v in e.versions]])
    ]


def button_value(blocks: list[dict[str, object]] | None, action_id: str) -> str:
    for block in blocks or []:
        for element in block.get("elements") or []:  # type: ignore[union-attr]
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return str(element.get("value", ""))
    raise AssertionError(f"no button {action_id}")


async def hinted_thread(bot: Bot) -> Ephemeral:
    await bot.say(p.AGENT, "Refunds take 5-7 business days.")
    await bot.say(p.CUSTOMER, ANGRY)
    await bot.drain()
    whispers = hint_whispers(bot.slack)
    assert len(whispers) == 1
    return whispers[0]


async def click(bot: Bot, whisper: Ephemeral, action: ActionId, token: str) -> None:
    url = bot.slack.response_url(token, message_ts=whisper.message_ts)
    payload = p.block_action(
        action.value,
        button_value(whisper.blocks, action.value),
        message_ts=whisper.message_ts,
        thread_ts=whisper.thread_ts,
        response_url=url,
    )
    resp = await bot.driver.post_interaction(payload)
    assert resp.status == 200
    await bot.slack.wait_for(lambda: bot.slack.posts_to(token))


async def test_playbook_without_a_topic_lists_topics_ephemerally(bot: Bot) -> None:
    url = bot.slack.response_url("pb1")
    resp = await bot.driver.post_command(p.slash_command("/playbook", "", response_url=url))
    assert resp.status == 200
    posts = await bot.slack.wait_for(lambda: bot.slack.posts_to("pb1"))
    body = posts[0].body
    assert body.get("response_type", "ephemeral") == "ephemeral"
    assert body["text"] and body["blocks"]


async def test_playbook_for_an_unknown_topic_answers_helpfully(bot: Bot) -> None:
    url = bot.slack.response_url("pb2")
    await bot.driver.post_command(p.slash_command("/playbook", "zebra migration", response_url=url))
    posts = await bot.slack.wait_for(lambda: bot.slack.posts_to("pb2"))
    assert posts[0].status == 200
    assert posts[0].body["text"]


async def test_used_it_replaces_the_whisper_and_is_counted(bot: Bot) -> None:
    whisper = await hinted_thread(bot)
    await click(bot, whisper, ActionId.HINT_USED, "used")
    assert whisper.versions, "the whisper was replaced"
    assert not whisper.deleted
    counts = await bot.services.store.feedback_counts()
    assert sum(c.get("used", 0) for c in counts.values()) == 1


async def test_not_helpful_removes_the_whisper_and_is_counted(bot: Bot) -> None:
    whisper = await hinted_thread(bot)
    await click(bot, whisper, ActionId.HINT_NOT_HELPFUL, "nh")
    assert whisper.deleted
    counts = await bot.services.store.feedback_counts()
    assert sum(c.get("not_helpful", 0) for c in counts.values()) == 1


async def test_snooze_silences_hints_on_that_thread_for_that_agent(bot: Bot) -> None:
    whisper = await hinted_thread(bot)
    await click(bot, whisper, ActionId.HINT_SNOOZE, "sz")
    bot.clock.advance(3600)  # far past any cooldown, within the snooze's 4 hours
    await bot.say(p.AGENT, "Let me check.")
    await bot.say(p.CUSTOMER, "STILL nothing?! This is absurd, fourth time asking!!!")
    await bot.drain()
    assert len(hint_whispers(bot.slack)) == 1


async def test_app_home_shows_the_agents_active_threads(bot: Bot) -> None:
    await hinted_thread(bot)
    resp = await bot.driver.post_event(p.app_home_opened(p.AGENT))
    assert resp.status == 200
    await bot.slack.wait_for(lambda: p.AGENT in bot.slack.home_views)
    view = bot.slack.home_views[p.AGENT]
    assert view["type"] == "home"
    assert bot.parent() in json.dumps(view) or "C_SHARED" in json.dumps(view)


async def test_coach_me_shortcut_whispers_the_current_reading_in_the_thread(bot: Bot) -> None:
    await hinted_thread(bot)
    before = len(bot.slack.calls_to("chat.postEphemeral"))
    message = p.message_object(text=ANGRY, user=p.CUSTOMER, ts=bot.parent(), thread_ts=bot.parent())
    payload = p.message_shortcut(
        CallbackId.COACH_THREAD.value, message, response_url=bot.slack.response_url("sc")
    )
    resp = await bot.driver.post_interaction(payload)
    assert resp.status == 200
    calls = await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.postEphemeral")[before:])
    assert calls[0].params["user"] == p.AGENT
    assert calls[0].params["thread_ts"] == bot.parent()


async def pinged(bot: Bot) -> tuple[str, str]:
    await bot.say(p.AGENT, "Hi, looking into it.")
    await bot.say(p.CUSTOMER, MANAGER)
    await bot.drain()
    pings = [m for m in bot.slack.messages_in(p.CHANNEL_SUP)]
    assert len(pings) == 1
    return pings[0].ts, button_value(pings[0].blocks, ActionId.ALERT_CLAIM.value)


async def test_im_on_it_updates_the_alert_for_everyone_and_tells_the_agent(bot: Bot) -> None:
    ts, value = await pinged(bot)
    assert (await bot.press_on_alert(ActionId.ALERT_CLAIM.value, value, ts)).status == 200
    updates = await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
    assert updates[0].params["ts"] == ts
    assert p.SUPERVISOR in json.dumps(updates[0].params)
    notices = await bot.slack.wait_for(
        lambda: [
            c
            for c in bot.slack.calls_to("chat.postEphemeral")
            if c.params["user"] == p.AGENT and p.SUPERVISOR in json.dumps(c.params)
        ]
    )
    assert notices


async def test_false_alarm_asks_a_reason_and_records_the_outcome(bot: Bot) -> None:
    ts, value = await pinged(bot)
    assert (await bot.press_on_alert(ActionId.ALERT_FALSE_ALARM.value, value, ts)).status == 200
    opened = await bot.slack.wait_for(lambda: bot.slack.calls_to("views.open"))
    view = opened[0].params["view"]
    assert view["callback_id"] == CallbackId.FALSE_ALARM_MODAL.value
    submission = p.view_submission(
        CallbackId.FALSE_ALARM_MODAL.value,
        view["private_metadata"],
        {
            BlockId.FALSE_ALARM_REASON.value: {
                "reason": {"type": "plain_text_input", "value": "just venting"}
            }
        },
    )
    assert (await bot.driver.post_interaction(submission)).status == 200
    await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
    outcomes = await bot.services.store.outcomes()
    assert [o["outcome"] for o in outcomes] == ["false_alarm"]
