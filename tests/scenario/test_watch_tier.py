"""The supervisors' attention budget, over real HTTP with the fake Slack.

Threads that heat up with no escalation cue (the watch tier) are never pinged one by one: they go
on the supervisors' "Heating up" list in App Home and into one roll-up message per supervisor
channel at most every few minutes. Never more than one new post a second goes into a supervisor
channel; what does not fit waits its turn, nothing is lost.
"""

from __future__ import annotations

from bot.fakeslack import payloads as p
from tests.scenario.conftest import Bot
from tests.scenario.test_authorization import home_of
from tests.scenario.test_escalation import pings, rollups

HEATED = (
    "This is the THIRD time I'm asking about order {n}. Still nothing arrived!! "
    "I am furious, this is unacceptable."
)
LEGAL = "Thread {n}: our lawyers will be in touch, this is a breach of contract."


async def heat_up(bot: Bot, thread: str, n: int) -> None:
    await bot.say(p.AGENT, f"Hi, looking at order {n} for you.", thread=thread)
    await bot.say(p.CUSTOMER, HEATED.format(n=n), thread=thread)


async def test_a_heated_thread_without_a_cue_is_rolled_up_not_pinged(bot: Bot) -> None:
    await heat_up(bot, "t1", 101)
    await bot.drain()
    assert pings(bot.slack) == []
    [rollup] = rollups(bot.slack)
    assert p.CHANNEL_SHARED in str(rollup["blocks"]) and p.AGENT in str(rollup["blocks"])
    # it names no thread (no ts, no link, no quote): the watch tier pings about none of them
    parent = bot.threads[f"{p.CHANNEL_SHARED}/t1"].replace(".", "")
    assert parent not in str(rollup).replace(".", "")
    assert "order 101" not in str(rollup)


async def test_a_burst_of_heated_threads_is_rolled_up_every_one_once(bot: Bot) -> None:
    await heat_up(bot, "t1", 1)
    await bot.drain()
    assert len(rollups(bot.slack)) == 1  # the first goes out at once
    for i in range(2, 7):  # five more threads heat up at once
        await heat_up(bot, f"t{i}", i)
    await bot.drain()
    period = bot.services.phrasebook.escalation.watch.rollup_every_seconds
    await bot.settle(period)
    await bot.settle(period)
    sent = rollups(bot.slack)
    assert len(sent) <= 3 and pings(bot.slack) == []  # a handful of messages, not six pings
    counted = sum(int(str(r["text"]).split(": ")[1].split(" ")[0]) for r in sent)
    assert counted == 6, "nothing lost, nothing counted twice"


async def test_at_most_one_roll_up_per_period_per_supervisor_channel(bot: Bot) -> None:
    await heat_up(bot, "t1", 1)
    await bot.drain()
    await bot.say(p.AGENT, "Looking at order 2.", thread="t2")
    await bot.say(p.CUSTOMER, HEATED.format(n=2), thread="t2")
    await bot.drain()  # four minutes after the first roll-up: inside the period
    assert len(rollups(bot.slack)) == 1
    period = bot.services.phrasebook.escalation.watch.rollup_every_seconds
    await bot.settle(period)
    assert len(rollups(bot.slack)) == 2, "the waiting thread goes into the next one"
    assert str(rollups(bot.slack)[1]["text"]).startswith("Heating up: 1 thread")
    await bot.settle(period)
    assert len(rollups(bot.slack)) == 2, "a thread is rolled up once"


async def test_supervisors_see_the_heating_up_list_in_app_home_agents_do_not(bot: Bot) -> None:
    await heat_up(bot, "t1", 7)
    await bot.drain()
    parent = bot.threads[f"{p.CHANNEL_SHARED}/t1"]
    assert "Heating up" in await home_of(bot, p.SUPERVISOR)
    assert parent in await home_of(bot, p.SUPERVISOR)
    assert "Heating up" not in await home_of(bot, p.AGENT)


async def test_never_more_than_one_new_post_a_second_into_a_supervisor_channel(bot: Bot) -> None:
    for i in range(4):  # four critical cues in four threads, taken in at once
        await bot.say(p.CUSTOMER, LEGAL.format(n=i), thread=f"t{i}")
    await bot.drain()
    assert len(pings(bot.slack)) == 1, "the first posts, the others wait their turn"
    for _ in range(3):
        await bot.settle(1.0)
    sent = pings(bot.slack)
    assert len(sent) == 4, "nothing lost"
    assert len({str(s["text"]) for s in sent}) == 4
