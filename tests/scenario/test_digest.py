"""The supervisors' weekly digest, over real HTTP with the fake Slack and the bot's clock.

Once a week (Monday 09:00 in the team's time zone by default) each supervisor channel gets one
message about the threads of its support channels resolved in the seven days before: counts,
recovery rate, alerts by cue and tier with their precision, the triggers behind the heat,
promises gone overdue, and a chart uploaded with Slack's files.uploadV2 flow
(files.getUploadURLExternal, the upload itself, files.completeUploadExternal).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.flows import followup
from bot.stores.keys import ThreadRef
from tests.scenario.conftest import Bot, start_bot

SUP2 = "C_SUP2"
MONDAY_0900 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC).timestamp()
DAY = 86400.0
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
async def routed_bot(
    fake_slack: FakeSlack, signing_secret: str, redis_url: str, tmp_path: Path
) -> AsyncIterator[Bot]:
    """Two supervisor channels: C_SUP (default) and C_SUP2 (for #support-help)."""
    fake_slack.add_channel(SUP2, "support-leads-help", {p.SUPERVISOR, p.BOT_USER})
    (tmp_path / "escalation.yaml").write_text(f"routes:\n  {p.CHANNEL_HELP}: {SUP2}\n")
    bot, runner = await start_bot(
        fake_slack, signing_secret, redis_url=redis_url, phrasebook_dir=tmp_path
    )
    try:
        yield bot
    finally:
        await runner.cleanup()


async def hot_thread_resolved(bot: Bot, name: str, channel: str = p.CHANNEL_SHARED) -> None:
    await bot.say(
        p.CUSTOMER,
        "Our order 77 never arrived and nobody told us why.",
        thread=name,
        channel=channel,
    )
    await bot.say(p.AGENT, "Per our policy we wait 10 days.", thread=name, channel=channel)
    await bot.say(
        p.CUSTOMER,
        "This is the THIRD time I'm asking!! Unacceptable. I want to speak to your manager.",
        thread=name,
        channel=channel,
    )
    await bot.say(
        p.AGENT,
        "I'm so sorry, I understand how frustrating this is. I'll ship a replacement today.",
        thread=name,
        channel=channel,
    )
    await bot.say(p.CUSTOMER, "Okay, thank you, that works.", thread=name, channel=channel)
    await bot.drain()
    ref = ThreadRef(p.TEAM_OURS, channel, bot.parent(name, channel))
    assert await followup.resolve(bot.services, ref, "button") is not None


def digests(bot: Bot, channel: str) -> list[tuple[str, bytes]]:
    """(comment, PNG) of each digest shared into `channel`."""
    out = []
    for message in bot.slack.messages_in(channel):
        for file_id in message.files:
            upload = bot.slack.files[file_id]
            assert upload.content is not None
            out.append((message.text or "", upload.content))
    return out


async def test_the_digest_is_posted_once_a_week_per_supervisor_channel_with_its_chart(
    routed_bot: Bot,
) -> None:
    bot = routed_bot
    bot.clock.now = MONDAY_0900 + DAY  # Tuesday: the week's threads
    await hot_thread_resolved(bot, "t1")
    await hot_thread_resolved(bot, "t2")
    await hot_thread_resolved(bot, "h1", channel=p.CHANNEL_HELP)
    await bot.worker.housekeeping()  # Tuesday: last Monday's slot is a day gone, not posted late
    await bot.drain()
    assert bot.slack.calls_to("files.completeUploadExternal") == []

    bot.clock.now = MONDAY_0900 + 7 * DAY + 1800  # the next Monday, 09:30
    await bot.worker.housekeeping()
    await bot.drain()
    [(text, png)] = digests(bot, p.CHANNEL_SUP)
    [(text2, png2)] = digests(bot, SUP2)
    assert png.startswith(PNG) and png2.startswith(PNG)
    assert "2 threads handled" in text and "2 got hot" in text
    assert "1 threads handled" in text2
    assert "manager request" in text and "precision" in text
    assert "Promises:" in text
    for call in bot.slack.calls_to("files.getUploadURLExternal"):
        assert call.ok and int(call.params["length"]) > 1000
    completes = bot.slack.calls_to("files.completeUploadExternal")
    assert sorted(c.params["channel_id"] for c in completes) == sorted([p.CHANNEL_SUP, SUP2])
    assert all(c.ok and not c.unknown_args for c in completes)

    for _ in range(3):  # later housekeeping rounds the same week post nothing more
        bot.clock.advance(4 * 3600)
        await bot.worker.housekeeping()
        await bot.drain()
    assert len(digests(bot, p.CHANNEL_SUP)) == 1 and len(digests(bot, SUP2)) == 1

    bot.clock.now = MONDAY_0900 + 9 * DAY  # the week after: one thread, in C_SHARED only
    await hot_thread_resolved(bot, "t3")
    bot.clock.now = MONDAY_0900 + 14 * DAY + 600
    await bot.worker.housekeeping()
    await bot.drain()
    assert len(digests(bot, p.CHANNEL_SUP)) == 2
    assert len(digests(bot, SUP2)) == 1, "a week with no thread of its own posts nothing"
    assert "1 threads handled" in digests(bot, p.CHANNEL_SUP)[1][0]
    assert not bot.slack.messages_in(p.CHANNEL_SHARED), "nothing reaches the customer"


async def test_a_supervisor_asks_for_the_digest_an_agent_cannot(bot: Bot) -> None:
    for user, token in ((p.AGENT, "agent-digest"), (p.SUPERVISOR, "sup-digest")):
        command = p.slash_command(
            "/playbook",
            "digest",
            user=user,
            channel=p.CHANNEL_SUP,
            response_url=bot.slack.response_url(token),
        )
        await bot.driver.post_command(command)
        await bot.slack.wait_for(lambda token=token: bot.slack.posts_to(token))
    await bot.drain()
    assert "only" in str(bot.slack.posts_to("agent-digest")[0].body).lower()
    [message] = bot.slack.messages_in(p.CHANNEL_SUP)
    assert message.files and "0 threads handled" in (message.text or "")
