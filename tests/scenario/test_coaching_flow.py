"""The coach over real HTTP: next steps in order, never repeated, within budget, no nagging."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.fakeslack import payloads as p
from bot.fakeslack.server import FakeSlack
from tests.scenario.conftest import Bot

RISING = [
    "Hi, the invoice we got this month is double what we agreed. Can you check?",
    "It's been two days and still no answer on the invoice. What is going on?",
    "This is the third time I'm asking about this invoice. Nobody tells us anything!!",
    "Seriously?! STILL nothing. Why is it so hard to get a straight answer???",
    "Unbelievable. A week now, four messages, and still no answer on the invoice!!!",
    "I am done being patient. Every day this drags on is costing us money!!!",
]
AGENT_FILLERS = [
    "Thanks, let me check.",
    "We are looking into it.",
    "Our billing team is on it.",
    "Still checking with billing.",
    "Please bear with us.",
]


def hint_ids(slack: FakeSlack) -> list[str]:
    ids = []
    for call in slack.calls_to("chat.postEphemeral"):
        if call.ok and "hint_used" in json.dumps(call.params.get("blocks") or []):
            value = next(
                e["value"]
                for b in call.params["blocks"]
                for e in b.get("elements") or []
                if isinstance(e, dict) and e.get("action_id") == "hint_used"
            )
            ids.append(json.loads(value)["h"])
    return ids


async def rising_thread(bot: Bot) -> list[str]:
    for customer, agent in zip(RISING, [*AGENT_FILLERS, ""], strict=True):
        await bot.say(p.CUSTOMER, customer)
        await bot.drain()
        if agent:
            await bot.say(p.AGENT, agent)
            await bot.drain()
    return hint_ids(bot.slack)


async def test_a_rising_thread_gets_framework_steps_in_order_never_twice_within_budget(
    bot: Bot,
) -> None:
    ids = await rising_thread(bot)
    book = bot.services.phrasebook.coaching
    framework = book.framework()
    order = [step.id for step in framework.steps]
    steps = [hint.split(".")[1] for hint in ids]
    assert len(ids) >= 2, "a rising thread gets more than one hint"
    assert len(ids) == len(set(ids)), "never the same hint twice"
    assert len(ids) <= book.policy.budget
    assert all(s in order for s in steps)
    assert len(set(steps)) == len(steps), "each step is coached once"


async def test_hints_go_only_to_the_agent_and_only_in_the_thread(bot: Bot) -> None:
    await rising_thread(bot)
    for call in bot.slack.calls_to("chat.postEphemeral"):
        assert call.params["user"] == p.AGENT
        assert call.params["thread_ts"] == bot.parent()


async def test_no_apologize_hint_once_the_agent_apologized_and_gave_a_timeline(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, RISING[0])
    await bot.say(
        p.AGENT,
        "I'm so sorry about this, I understand how frustrating a wrong invoice "
        "is. I'll have billing correct it and update you by 3pm today.",
    )
    for text in RISING[2:5]:
        await bot.say(p.CUSTOMER, text)
        await bot.say(p.AGENT, "Checking.")
    await bot.drain()
    steps = [hint.split(".")[1] for hint in hint_ids(bot.slack)]
    assert not any("apolog" in s or "empath" in s for s in steps), steps


async def test_no_hint_while_the_customer_has_not_answered_the_agent(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, RISING[2])
    await bot.say(p.AGENT, "Let me look.")
    await bot.drain()
    before = hint_ids(bot.slack)
    await bot.say(p.AGENT, "Still looking, one moment.")
    await bot.say(p.AGENT, "Found it, fixing now.")
    await bot.drain()
    assert hint_ids(bot.slack) == before


async def test_the_first_agent_to_join_a_thread_that_opened_hot_is_whispered(bot: Bot) -> None:
    """Nobody could be coached on an angry opening message; the agent who answers it is."""
    await bot.say(
        p.CUSTOMER,
        "Send me the export instructions, we're moving to another tool. Your sync bug wiped "
        "a week of work for the third time and I'm not waiting for a fourth.",
    )
    await bot.drain()
    assert hint_ids(bot.slack) == []  # no agent in the thread yet
    await bot.say(p.AGENT, "I'm really sorry about the lost work. Can I try a restore first?")
    await bot.drain()
    assert hint_ids(bot.slack), "the agent who joined gets the hint"


async def test_the_first_agent_to_join_a_thread_that_opened_with_an_escalation_is_whispered(
    bot: Bot,
) -> None:
    """A composed opening that raises a critical cue (a secret leaking) pinged a supervisor
    before anyone could be coached; the agent who answers it is told, once."""
    told = bot.services.phrasebook.escalation.wording.templates["agent_alerted"]
    await bot.say(
        p.CUSTOMER,
        "Heads up: your webhook payloads include our API secret in plain text. "
        "Please confirm who can see those logs.",
    )
    await bot.drain()
    assert bot.slack.calls_to("chat.postEphemeral") == []  # no agent in the thread yet
    await bot.say(p.AGENT, "Thanks for flagging. Checking the payload format now.")
    await bot.say(p.AGENT, "Found it, a debug flag. Turning it off now.")
    await bot.drain()
    whispers = [c.params for c in bot.slack.calls_to("chat.postEphemeral") if c.ok]
    assert [w["user"] for w in whispers] == [p.AGENT], "the agent who joined is told, once"
    assert told in json.dumps(whispers[0])


async def test_the_first_agent_to_join_a_calm_thread_is_left_alone(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, "Hi! Could you re-send invoice INV-2210 with our new VAT number?")
    await bot.say(p.AGENT, "Sure, sending it now.")
    await bot.drain()
    assert hint_ids(bot.slack) == []


def older_opening_and_reply(bot: Bot, opening: str, reply: str) -> tuple[dict[str, Any], ...]:
    """A thread's opening and the agent's reply, written a minute apart before whatever is said
    next, but delivered only later (Slack's retries after an outage)."""
    bot.clock.advance(60)
    opening_ts = p.next_ts(bot.clock.now)
    bot.clock.advance(60)
    reply_ts = p.next_ts(bot.clock.now)
    bot.threads[f"{p.CHANNEL_SHARED}/t1"] = opening_ts
    return (
        p.message_event(
            text=opening,
            user=p.CUSTOMER,
            channel=p.CHANNEL_SHARED,
            ts=opening_ts,
            user_team=p.TEAM_CUST,
        ),
        p.message_event(
            text=reply,
            user=p.AGENT,
            channel=p.CHANNEL_SHARED,
            ts=reply_ts,
            user_team=p.TEAM_OURS,
            thread_ts=opening_ts,
        ),
    )


async def test_an_angry_line_that_overtook_the_opening_and_the_reply_is_still_coached(
    bot: Bot,
) -> None:
    """Slack retries after an outage can deliver a thread out of order: the angry line first,
    then the customer's older opening and the agent's older reply. The older, calmer opening
    must not hide the angry line from the coaching the agent's reply brings."""
    opening, reply = older_opening_and_reply(
        bot,
        "Hi team, import job imp-69575 has been sitting at 87% since lunch. Any idea?",
        "Quick update: engineering is on it, I'll post here as soon as I hear back.",
    )
    await bot.say(
        p.CUSTOMER,
        "Seriously?! Nobody has read a single thing I wrote about import job imp-69575. "
        "This is ridiculous and I'm running out of patience.",
    )
    await bot.drain()
    await bot.driver.post_event(opening, retry_num=1)
    await bot.drain()
    await bot.driver.post_event(reply, retry_num=1)
    await bot.drain()
    assert hint_ids(bot.slack), "the agent is coached on the angry line"


OUT_OF_ORDER_ANGRY = [
    "This is the third time I'm asking about invoice INV-2291. Every answer is copy-paste and "
    "nothing changes. I'm honestly furious.",
    "Are you kidding me? Invoice INV-2291 has been 'looked into' for two weeks now. This is "
    "completely unacceptable.",
    "Unbelievable. Another day, another useless update about invoice INV-2291. We pay for premium "
    "support and get this garbage.",
    "Stop telling me to clear my cache. The export has been broken since Monday and I'm completely "
    "fed up with this.",
]


@pytest.mark.parametrize("angry", OUT_OF_ORDER_ANGRY)
async def test_a_thread_delivered_out_of_order_in_one_batch_is_read_in_the_order_it_was_written(
    bot: Bot, angry: str
) -> None:
    """After an outage Slack's retries can bring a thread's angry line and its older opening in
    the same batch, the angry line first. They are read in the order they were written (by ts),
    so the angry line is read in its thread, and the agent's late reply brings its whisper."""
    opening, reply = older_opening_and_reply(
        bot,
        "Hello, could you check invoice INV-2291 for us? The total differs from the quote.",
        "Thanks for flagging, I'm checking it with billing now.",
    )
    await bot.say(p.CUSTOMER, angry)  # taken in, not yet read
    await bot.driver.post_event(opening, retry_num=1)
    await bot.drain()  # one batch: the angry line, then the older opening
    await bot.driver.post_event(reply, retry_num=1)
    await bot.drain()
    assert hint_ids(bot.slack), "the agent is coached on the angry line"
