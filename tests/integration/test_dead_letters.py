"""Dead letters: an entry that keeps failing is set aside without its text, listed and replayed
with `undertone deadletters`, and the replay reads the message back from Slack."""

from __future__ import annotations

import asyncio

import pytest

from bot.__main__ import main
from bot.config import Settings
from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.services import build_services
from bot.slack.payloads import inbound_message
from bot.stores.store import Entry, Store
from bot.worker import MAX_DELIVERIES, StreamWorker

SECRET_WORDS = "This is the THIRD time I'm asking. Where is my refund??? Nobody tells us anything!"


async def poison(_services: object, _entry: Entry) -> None:
    raise RuntimeError("a bug that trips on this message")


async def test_a_poison_entry_is_buried_listed_and_replayed(
    fake_slack: FakeSlack, redis_url: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    settings = Settings(
        slack_bot_token="xoxb-test",
        slack_api_url=fake_slack.api_url,
        redis_url=redis_url,
        supervisor_channel=p.CHANNEL_SUP,
        agent_user_ids=[p.AGENT],
        claim_idle_ms=0,
    )
    services = build_services(settings, store=Store.from_url(redis_url))
    parent = p.next_ts()
    opener = p.message_event(text="Hi, I'm on it.", user=p.AGENT, ts=parent)
    angry = p.message_event(
        text=SECRET_WORDS, user=p.CUSTOMER, user_team=p.TEAM_CUST, thread_ts=parent
    )
    healthy = StreamWorker(services, "healthy", block_ms=10)
    broken = StreamWorker(services, "broken", handler=poison, block_ms=10)
    for envelope, worker in ((opener, healthy), (angry, broken)):
        message = inbound_message(envelope)
        assert message is not None
        await services.store.enqueue(message.source, message.event_id, message.to_fields())
        fake_slack.remember_message(
            message.channel, message.ts, message.user, message.text, message.thread_ts
        )
        await worker.run_once()
    for _ in range(MAX_DELIVERIES):  # taken over again and again, failing every time
        await broken.reclaim()
    assert await services.store.pending() == 0
    [letter] = await services.store.dead.newest()
    assert letter.fields["event_id"] == angry["event_id"]
    assert SECRET_WORDS not in str(letter.fields)
    assert int(letter.fields["deliveries"]) >= MAX_DELIVERIES

    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("SLACK_API_URL", fake_slack.api_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    assert await asyncio.to_thread(main, ["deadletters", "list"]) == 0
    listed = capsys.readouterr().out
    assert letter.id in listed and angry["event_id"] in listed and "refund" not in listed
    assert await asyncio.to_thread(main, ["deadletters", "replay", letter.id]) == 0
    assert "queued again" in capsys.readouterr().out
    assert await services.store.dead.newest() == []

    await healthy.run_once()  # the replayed entry: its text is read back from Slack
    await healthy.drain_deliveries()
    hints = [c for c in fake_slack.calls_to("chat.postEphemeral") if "hint_used" in str(c.params)]
    assert len(hints) == 1
    assert fake_slack.calls_to("conversations.replies")
    await services.close()
