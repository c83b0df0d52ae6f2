"""`undertone socket`: the same app over Socket Mode (no public URL), events taken in durably."""

from __future__ import annotations

from bot.app import create_app, socket_handler
from bot.config import Settings
from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.services import build_services
from bot.worker import StreamWorker

ANGRY = "Third time asking: where is my refund??? Nobody answers!"


async def test_socket_mode_acks_takes_in_once_and_whispers(fake_slack: FakeSlack) -> None:
    settings = Settings(
        slack_bot_token="xoxb-test",
        slack_app_token="xapp-test",
        slack_api_url=fake_slack.api_url,
        supervisor_channel=p.CHANNEL_SUP,
    )
    services = build_services(settings)
    handler = socket_handler(create_app(services), settings.secret("slack_app_token"))
    await handler.connect_async()
    try:
        await fake_slack.wait_for(lambda: fake_slack.socket_connected)
        parent = p.next_ts()
        agent = p.message_event(text="Hi, on it.", user=p.AGENT, ts=parent)
        angry = p.message_event(
            text=ANGRY, user=p.CUSTOMER, user_team=p.TEAM_CUST, thread_ts=parent
        )
        sent = [
            await fake_slack.socket_send(agent),
            await fake_slack.socket_send(angry),
            await fake_slack.socket_send(angry, retry_attempt=1),
        ]
        acks = await fake_slack.wait_for(
            lambda: {a.get("envelope_id") for a in fake_slack.socket_acks} >= set(sent)
        )
        assert acks
        store = services.store
        assert await store.intake_length() == 2  # the re-delivery was deduped
        worker = StreamWorker(services, "socket-test", block_ms=10)
        while await worker.run_once():
            pass
        await worker.drain_deliveries()
        whispers = fake_slack.calls_to("chat.postEphemeral")
        assert whispers and all(c.params["user"] == p.AGENT for c in whispers)
    finally:
        await handler.close_async()
        await services.close()
