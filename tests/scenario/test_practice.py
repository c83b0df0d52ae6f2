"""Practice mode, over real HTTP with the fake Slack: a private role-play in the agent's DM.

`/playbook practice <type>` starts a round in the agent's DM with Undertone; the simulated
customer answers each reply the agent types there (acknowledging and apologising cool them down,
policy talk and defensiveness heat them up, a concrete next action with a time resolves it), the
live coach whispers as in a real thread, and the round ends with a scorecard. Nothing of it
reaches a channel, the records, the metrics or the reports.
"""

from __future__ import annotations

from bot import metrics
from bot.fakeslack import payloads as p
from tests.scenario.conftest import Bot

DM = f"D_{p.AGENT}"


async def start(bot: Bot, persona: str, token: str = "practice") -> str:
    command = p.slash_command(
        "/playbook",
        f"practice {persona}",
        user=p.AGENT,
        channel=p.CHANNEL_HELP,
        response_url=bot.slack.response_url(token),
    )
    await bot.driver.post_command(command)
    [answer] = await bot.slack.wait_for(lambda: bot.slack.posts_to(token))
    return str(answer.body)


async def reply(bot: Bot, text: str) -> list[str]:
    """The agent types in their DM with Undertone; returns what Undertone posted back."""
    before = len(bot.slack.messages_in(DM))
    bot.clock.advance(60)
    envelope = p.message_event(
        text=text,
        user=p.AGENT,
        channel=DM,
        ts=p.next_ts(bot.clock.now),
        channel_type="im",
        is_ext_shared_channel=False,
    )
    assert (await bot.driver.post_event(envelope)).status == 200
    await bot.drain()
    return [str(m.text) for m in bot.slack.messages_in(DM)[before:]]


def heat_of(lines: list[str]) -> str:
    return next(line for line in lines if line.startswith(":bust_in_silhouette:"))


async def test_good_and_poor_replies_get_different_answers_and_a_scorecard(bot: Bot) -> None:
    assert "Practice round started" in await start(bot, "indignant")
    opening = [str(m.text) for m in bot.slack.messages_in(DM)]
    assert any("Practice round: the indignant customer" in t for t in opening)
    assert any("SECOND time" in t for t in opening)  # the customer's opening line

    poor = await reply(bot, "Per our policy, we can't do anything until the carrier replies.")
    hotter = bot.services.phrasebook.practice.personas["indignant"].lines.hotter
    assert any(line in heat_of(poor) for line in hotter)  # the customer heats up
    good = await reply(bot, "I'm so sorry, you're right to be upset. That sounds frustrating.")
    cooler = bot.services.phrasebook.practice.personas["indignant"].lines.cooler
    assert any(line in heat_of(good) for line in cooler)
    done = await reply(
        bot,
        "I'll send a replacement today and you'll have tracking by 5pm, or would you "
        "prefer a refund?",
    )
    assert "works for me" in heat_of(done)
    card = "\n".join(done)
    assert "Scorecard" in card and "Resolved after 3 replies" in card
    coached = [str(m.text) for m in bot.slack.messages_in(DM) if ":bulb: *Coach:*" in str(m.text)]
    assert coached, "the live coach whispers as in a real thread"
    assert "Slips: hiding behind policy" in card
    assert "Listen and acknowledge → Empathize and apologize" in card
    assert await reply(bot, "hello?") == [], "the round is over"


async def test_a_round_can_be_ended_and_nothing_of_it_counts(bot: Bot) -> None:
    hints_before = sum(s.value for s in _samples(metrics.HINTS))
    await start(bot, "demanding")
    await reply(bot, "As I already said, that's how it works.")
    ended = await reply(bot, "end")
    assert any("You ended the round after 1 replies" in t for t in ended)
    assert not bot.slack.messages_in(p.CHANNEL_SHARED) and not bot.slack.messages_in(p.CHANNEL_SUP)
    assert bot.slack.ephemerals == []  # everything went to the DM
    store = bot.services.store
    assert await store.records.between(0, float("inf")) == []
    assert await store.home_threads(p.AGENT) == []
    assert sum(s.value for s in _samples(metrics.HINTS)) == hints_before


async def test_practice_needs_a_known_customer_type_and_the_support_team(bot: Bot) -> None:
    assert "indignant" in await start(bot, "grumpy", token="unknown")
    command = p.slash_command(
        "/playbook",
        "practice indignant",
        user=p.CUSTOMER,
        channel=p.CHANNEL_SHARED,
        response_url=bot.slack.response_url("customer"),
    )
    await bot.driver.post_command(command)
    [answer] = await bot.slack.wait_for(lambda: bot.slack.posts_to("customer"))
    assert "support team" in str(answer.body)
    assert bot.slack.messages_in(f"D_{p.CUSTOMER}") == []


def _samples(metric: object) -> list[object]:
    return [s for m in metric.collect() for s in m.samples if s.name.endswith("_total")]  # type: ignore[attr-defined]
