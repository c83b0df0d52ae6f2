"""A burst of alerts into one supervisor channel, over real HTTP with the fake Slack.

A supervisor channel takes one new message a second. When many threads escalate at once (an
outage), the pings that would wait longer than the line's limit for their turn go out together in
one overflow message, at the next free turn: every alert reaches the supervisors within seconds,
each is named once, and each keeps its own buttons (claim, reassign, false alarm).
"""

from __future__ import annotations

import json

from bot.fakeslack import payloads as p
from bot.fakeslack.server import Message
from bot.slack.ids import ActionId
from tests.scenario.conftest import Bot

LEGAL = "Thread {n}: our lawyers will be in touch, this is a breach of contract."
BURST = 30


def supervisor_posts(bot: Bot) -> list[Message]:
    return bot.slack.messages_in(p.CHANNEL_SUP)


def named_in(bot: Bot, thread: str, message: Message) -> bool:
    """The message names the thread: its permalink id (p + ts without the dot) or its ts."""
    ts = bot.threads[f"{p.CHANNEL_SHARED}/{thread}"]
    body = json.dumps([message.text, message.blocks])
    return ts in body or f"p{ts.replace('.', '')}" in body


def claim_values(message: Message) -> list[str]:
    found: list[str] = []
    for block in message.blocks or []:
        for element in block.get("elements") or []:
            if element.get("action_id") == ActionId.ALERT_CLAIM.value:
                found.append(str(element["value"]))
    return found


async def burst(bot: Bot) -> list[str]:
    threads = [f"t{i}" for i in range(BURST)]
    for i, thread in enumerate(threads):  # twenty legal threats in twenty threads, at once
        await bot.say(p.CUSTOMER, LEGAL.format(n=i), thread=thread)
    await bot.drain()
    return threads


async def test_a_burst_of_alerts_reaches_the_supervisors_within_seconds_in_few_posts(
    bot: Bot,
) -> None:
    threads = await burst(bot)
    after = bot.services.phrasebook.escalation.watch.overflow_after_seconds
    assert after + 2 < BURST, "the burst is longer than the line a ping may wait in"
    elapsed = 0
    while not all(any(named_in(bot, t, m) for m in supervisor_posts(bot)) for t in threads):
        assert elapsed <= after + 2, "every alert of the burst is out soon after the line's limit"
        assert len(supervisor_posts(bot)) <= elapsed + 1, "never more than one new post a second"
        await bot.settle(1.0)
        elapsed += 1
    posts = supervisor_posts(bot)
    assert len(posts) < BURST, "the overflow goes out together, not one post per alert"
    for thread in threads:
        naming = [m for m in posts if named_in(bot, thread, m)]
        assert len(naming) == 1, f"{thread} is named once, not {len(naming)} times"
    for _ in range(5):  # later turns post nothing more: nothing waits twice
        await bot.settle(1.0)
    assert len(supervisor_posts(bot)) == len(posts)


async def test_each_alert_in_an_overflow_message_is_claimed_on_its_own(bot: Bot) -> None:
    await burst(bot)
    for _ in range(int(bot.services.phrasebook.escalation.watch.overflow_after_seconds) + 3):
        await bot.settle(1.0)
    overflow = next(m for m in supervisor_posts(bot) if len(claim_values(m)) > 1)
    buttons = claim_values(overflow)
    await bot.press_on_alert(ActionId.ALERT_CLAIM.value, buttons[0], overflow.ts)
    await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
    await bot.drain()
    [edit] = [c.params for c in bot.slack.calls_to("chat.update") if c.ok]
    assert edit["ts"] == overflow.ts, "the overflow message changes in place"
    edited = next(m for m in supervisor_posts(bot) if m.ts == overflow.ts)
    assert claim_values(edited) == buttons[1:], "only the claimed alert loses its claim button"
    assert f"<@{p.SUPERVISOR}> took this" in json.dumps(edited.blocks)


async def test_a_few_alerts_at_once_still_get_a_message_each(bot: Bot) -> None:
    for i in range(5):  # their turns are at most a few seconds away: no overflow
        await bot.say(p.CUSTOMER, LEGAL.format(n=i), thread=f"t{i}")
    await bot.drain()
    for _ in range(5):
        await bot.settle(1.0)
    posts = supervisor_posts(bot)
    assert len(posts) == 5
    assert all(len(claim_values(m)) == 1 for m in posts)
