"""Follow-through, over real HTTP with the fake Slack and the bot's controllable clock.

An agent's promise with a time is remembered; when it comes due with no update in the thread the
agent is whispered once, an update keeps it, a customer asking again after the due time gets the
agent an overdue note instead. A resolved thread (a check mark, the "Mark resolved" button, or
quiet) keeps its after-thread record and later suggests a check-in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.core.afterthread import AfterThreadRecord
from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.flows import followup
from bot.stores.keys import ThreadRef
from tests.scenario.conftest import Bot, start_bot
from tests.scenario.test_authorization import home_of

ASK = "Hi, our invoice INV-2291 was charged twice. Can you refund the duplicate please?"
PROMISE = "I'm sorry about that. I'll check with billing and update you within the hour."
HEATED = "This is the THIRD time I'm asking. Still no refund!! This is unacceptable."


def reminders(bot: Bot) -> list[str]:
    """The agent's whispers that talk about their promise (reminder or overdue note)."""
    return [
        str(e.blocks) for e in bot.slack.ephemerals_for(p.AGENT) if "Your promise" in str(e.blocks)
    ]


def ref(bot: Bot, thread: str = "t1") -> ThreadRef:
    return ThreadRef(p.TEAM_OURS, p.CHANNEL_SHARED, bot.parent(thread))


async def record_of(bot: Bot, thread: str = "t1") -> AfterThreadRecord | None:
    raw = await bot.services.store.client.get(bot.services.store.keys.record(ref(bot, thread).key))
    return AfterThreadRecord.from_json(json.loads(raw)) if raw else None


async def test_an_overdue_promise_whispers_the_agent_once(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, ASK)
    await bot.say(p.AGENT, PROMISE)
    await bot.drain()
    assert reminders(bot) == []
    await bot.settle(30 * 60)
    assert reminders(bot) == [], "not due yet"
    await bot.settle(31 * 60)
    [reminder] = reminders(bot)
    assert "within the hour" in reminder  # the agent's own words, quoted
    assert "Mark resolved" in reminder
    await bot.settle(3 * 3600)
    await bot.say(p.CUSTOMER, "Any news on the refund?")
    await bot.drain()
    assert len(reminders(bot)) == 1, "told once: no overdue note after the reminder"
    assert not [m for m in bot.slack.messages_in(p.CHANNEL_SHARED)], "nothing for the customer"


async def test_a_kept_promise_never_whispers(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, ASK)
    await bot.say(p.AGENT, PROMISE)
    await bot.drain()
    await bot.settle(20 * 60)
    await bot.say(p.AGENT, "Update: billing approved it, the refund goes out today.")
    await bot.drain()
    for _ in range(4):
        await bot.settle(3600)
    assert reminders(bot) == []
    home = bot.slack.home_views.get(p.AGENT)
    assert home is None or "overdue" not in str(home)


async def test_the_customer_asking_after_the_due_time_gets_the_agent_an_overdue_note(
    bot: Bot,
) -> None:
    await bot.say(p.CUSTOMER, ASK)
    await bot.say(p.AGENT, "I'll have an answer for you by end of day.")
    await bot.drain()
    bot.clock.advance(16 * 3600)  # past the close of business, before any delivery round
    await bot.say(p.CUSTOMER, HEATED)
    await bot.drain()
    [note] = reminders(bot)
    assert "overdue" in note and "by end of day" in note
    await bot.settle(3600)
    assert len(reminders(bot)) == 1, "the reminder was folded into the note, not sent as well"


async def test_promises_and_reminders_appear_in_the_agents_app_home(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, ASK)
    await bot.say(p.AGENT, PROMISE)
    await bot.drain()
    await bot.driver.post_event(p.app_home_opened(p.AGENT))
    home = await bot.slack.wait_for(lambda: bot.slack.home_views.get(p.AGENT))
    assert "Your promises" in str(home) and "within the hour" in str(home)
    bot.clock.advance(2 * 3600)
    bot.slack.home_views.clear()
    await bot.driver.post_event(p.app_home_opened(p.AGENT))
    home = await bot.slack.wait_for(lambda: bot.slack.home_views.get(p.AGENT))
    assert "overdue" in str(home)
    await bot.driver.post_event(p.app_home_opened(p.SUPERVISOR))
    sup = await bot.slack.wait_for(lambda: bot.slack.home_views.get(p.SUPERVISOR))
    assert "within the hour" not in str(sup), "an agent's promises are theirs"


async def play_rising_thread(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, ASK)
    await bot.say(p.AGENT, "Per our policy, refunds take 5-7 business days.")
    await bot.say(p.CUSTOMER, HEATED)
    await bot.drain()
    await bot.say(
        p.AGENT,
        "I'm really sorry, I understand how frustrating this is. I'll have the refund "
        "confirmed by end of day.",
    )
    await bot.say(p.CUSTOMER, "Okay, thank you. That helps.")
    await bot.drain()


async def test_a_check_mark_resolves_the_thread_and_keeps_its_record(bot: Bot) -> None:
    await play_rising_thread(bot)
    envelope = p.reaction_added(
        "white_check_mark", user=p.AGENT, channel=p.CHANNEL_SHARED, ts=bot.parent()
    )
    assert (await bot.driver.post_event(envelope)).status == 200
    await bot.drain()
    record = await record_of(bot)
    assert record is not None
    assert record.resolved_by == "reaction"
    assert record.agent == p.AGENT and record.customer == p.CUSTOMER
    assert record.peak_level in ("frustrated", "angry") and record.final_level in ("calm", "uneasy")
    assert record.recovered is True
    assert record.hot_minutes > 0
    assert [s for s, _ in record.steps][:2] == ["listen_acknowledge", "empathize_apologize"]
    assert "slip.policy" in record.slips
    assert record.hints_sent >= 1
    assert record.first_reply_minutes == 2.0  # the bot's clock: two minutes between messages
    assert record.promises_made == 1
    row = record.to_json()
    assert 0 < len(row["evidence"]) <= 60  # one short quote, no transcript
    assert ASK not in str(row) and HEATED not in str(row)
    store = bot.services.store
    assert 0 < await store.client.ttl(store.keys.record(ref(bot).key)) <= 180 * 86400
    # a second check mark, or a redelivery, changes nothing
    await bot.driver.post_event(envelope, retry_num=1)
    again = p.reaction_added(
        "heavy_check_mark", user=p.AGENT, channel=p.CHANNEL_SHARED, ts=bot.parent()
    )
    await bot.driver.post_event(again)
    await bot.drain()
    assert await record_of(bot) == record


async def test_a_resolution_retried_after_a_crash_writes_the_record_it_lost(bot: Bot) -> None:
    await play_rising_thread(bot)
    envelope = p.reaction_added(
        "white_check_mark", user=p.AGENT, channel=p.CHANNEL_SHARED, ts=bot.parent()
    )
    await bot.driver.post_event(envelope)
    await bot.drain()
    record = await record_of(bot)
    assert record is not None
    store = bot.services.store
    # the process died after the thread was marked resolved and before its record was written
    await store.client.delete(store.keys.record(ref(bot).key))
    assert await record_of(bot) is None
    # the reaction's intake entry was never acknowledged, so a worker takes it again
    assert await followup.resolve(bot.services, ref(bot), "reaction") is None  # nothing new
    assert await record_of(bot) == record


async def test_a_customers_check_mark_or_another_emoji_resolves_nothing(bot: Bot) -> None:
    await play_rising_thread(bot)
    for reaction, user in (("white_check_mark", p.CUSTOMER), ("eyes", p.AGENT)):
        envelope = p.reaction_added(reaction, user=user, channel=p.CHANNEL_SHARED, ts=bot.parent())
        await bot.driver.post_event(envelope)
    await bot.drain()
    assert await record_of(bot) is None


async def test_a_quiet_thread_is_resolved_and_the_agent_is_offered_a_check_in(bot: Bot) -> None:
    await play_rising_thread(bot)
    quiet = bot.services.phrasebook.followup.resolution.quiet_hours
    bot.clock.advance(quiet * 3600 - 600)
    assert await followup.sweep_quiet(bot.services) == 0
    bot.clock.advance(1200)
    assert await followup.sweep_quiet(bot.services) == 1
    record = await record_of(bot)
    assert record is not None and record.resolved_by == "quiet"
    after = bot.services.phrasebook.followup.resolution.follow_up_after_hours
    await bot.settle(after * 3600 - 60)
    assert not [e for e in bot.slack.ephemerals_for(p.AGENT) if "check in" in str(e.blocks)]
    await bot.settle(120)
    [check_in] = [e for e in bot.slack.ephemerals_for(p.AGENT) if "check in" in str(e.blocks)]
    assert check_in.thread_ts == bot.parent()


async def test_the_customer_writing_again_reopens_a_resolved_thread(bot: Bot) -> None:
    await play_rising_thread(bot)
    await followup.resolve(bot.services, ref(bot), "button")
    await bot.say(p.CUSTOMER, "Sorry, one more thing: the refund shows the wrong amount.")
    await bot.drain()
    after = bot.services.phrasebook.followup.resolution.follow_up_after_hours
    await bot.settle(after * 3600 + 60)
    assert not [e for e in bot.slack.ephemerals_for(p.AGENT) if "check in" in str(e.blocks)]
    await followup.resolve(bot.services, ref(bot), "button")
    record = await record_of(bot)
    assert record is not None and record.customer_messages == 4  # rewritten with the new turn


async def test_the_mark_resolved_button_is_for_the_support_team(bot: Bot) -> None:
    await play_rising_thread(bot)
    value = json.dumps({"r": ref(bot).key})

    def click(user: str, token: str) -> dict[str, Any]:
        return p.block_action(
            "thread_resolve",
            value,
            user=user,
            channel=p.CHANNEL_SHARED,
            message_ts=bot.parent(),
            response_url=bot.slack.response_url(token),
            user_team=p.TEAM_CUST if user == p.CUSTOMER else None,
        )

    await bot.driver.post_interaction(click(p.CUSTOMER, "customer-click"))
    await bot.slack.wait_for(lambda: bot.slack.posts_to("customer-click"))
    assert await record_of(bot) is None
    await bot.driver.post_interaction(click(p.AGENT, "agent-click"))
    await bot.slack.wait_for(lambda: bot.slack.home_views.get(p.AGENT))
    record = await record_of(bot)
    assert record is not None and record.resolved_by == "button"


async def test_the_agent_sees_their_own_growth_and_supervisors_do_not(bot: Bot) -> None:
    await play_rising_thread(bot)
    await followup.resolve(bot.services, ref(bot), "button")
    agent_home = await home_of(bot, p.AGENT)
    assert "Your growth (only you see this)" in agent_home
    assert "Recovery rate, week by week" in agent_home and "100%" in agent_home
    assert "Steps you use most" in agent_home
    supervisor_home = await home_of(bot, p.SUPERVISOR)
    assert "growth" not in supervisor_home.lower() and "Recovery rate" not in supervisor_home


async def test_a_team_may_show_supervisors_each_agents_numbers(
    fake_slack: FakeSlack, signing_secret: str, redis_url: str, tmp_path: Path
) -> None:
    (tmp_path / "followup.yaml").write_text("growth:\n  supervisors_see_per_person: true\n")
    bot, runner = await start_bot(
        fake_slack, signing_secret, redis_url=redis_url, phrasebook_dir=tmp_path
    )
    try:
        await play_rising_thread(bot)
        await followup.resolve(bot.services, ref(bot), "button")
        supervisor_home = await home_of(bot, p.SUPERVISOR)
        assert "Team growth" in supervisor_home and f"<@{p.AGENT}>" in supervisor_home
        assert "1 threads, recovery 100%" in supervisor_home
    finally:
        await runner.cleanup()
