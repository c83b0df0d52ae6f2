"""The leak guard: visible posts go only to channels proven or configured internal."""

from __future__ import annotations

import pytest

from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.slack.notifier import LeakGuardError, SlackNotifier, make_client

PING = {"text": "supervisor ping", "blocks": None}


def notifier(fake: FakeSlack, internal: frozenset[str] = frozenset()) -> SlackNotifier:
    return SlackNotifier(make_client("xoxb-test", fake.api_url), internal=internal)


async def test_posts_into_a_channel_slack_says_is_internal(fake_slack: FakeSlack) -> None:
    posted = await notifier(fake_slack).post_internal(channel=p.CHANNEL_SUP, message=PING)
    assert posted.channel == p.CHANNEL_SUP
    assert [m.text for m in fake_slack.messages_in(p.CHANNEL_SUP)] == ["supervisor ping"]


async def test_refuses_a_slack_connect_channel_even_when_configured(fake_slack: FakeSlack) -> None:
    n = notifier(fake_slack, internal=frozenset({p.CHANNEL_SHARED}))
    with pytest.raises(LeakGuardError):
        await n.post_internal(channel=p.CHANNEL_SHARED, message=PING)
    assert fake_slack.messages_in(p.CHANNEL_SHARED) == []


async def test_when_slack_cannot_say_only_configured_channels_are_used(
    fake_slack: FakeSlack,
) -> None:
    fake_slack.fail_next("conversations.info", status=200, error="missing_scope", times=2)
    with pytest.raises(LeakGuardError):
        await notifier(fake_slack).post_internal(channel=p.CHANNEL_HELP, message=PING)
    configured = notifier(fake_slack, internal=frozenset({p.CHANNEL_SUP}))
    await configured.post_internal(channel=p.CHANNEL_SUP, message=PING)
    assert len(fake_slack.messages_in(p.CHANNEL_SUP)) == 1


async def test_a_channel_seen_shared_in_events_is_never_posted_into(fake_slack: FakeSlack) -> None:
    n = notifier(fake_slack, internal=frozenset({p.CHANNEL_HELP}))
    n.forget_shared(p.CHANNEL_HELP, True)
    with pytest.raises(LeakGuardError):
        await n.post_internal(channel=p.CHANNEL_HELP, message=PING)


async def test_whispers_are_ephemeral_to_one_user_in_the_thread(fake_slack: FakeSlack) -> None:
    await notifier(fake_slack).whisper(
        channel=p.CHANNEL_SHARED,
        user=p.AGENT,
        thread_ts="1.0",
        message={"text": "hint", "blocks": None},
    )
    [call] = fake_slack.calls_to("chat.postEphemeral")
    assert (call.params["user"], call.params["thread_ts"]) == (p.AGENT, "1.0")
    assert fake_slack.calls_to("chat.postMessage") == []
