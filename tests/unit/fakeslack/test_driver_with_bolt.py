"""The driver's signed requests and the payload builders are accepted by a real Bolt app."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltRequest, AsyncRespond
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from bot.fakeslack import FakeSlack, SlackDriver
from bot.fakeslack import payloads as p


@dataclass
class BoltUnderTest:
    """A minimal Bolt app served on a free port, recording what its listeners received."""

    url: str
    seen: dict[str, list[Any]] = field(default_factory=dict)
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def record(self, kind: str, item: Any) -> None:
        self.seen.setdefault(kind, []).append(item)
        async with self.changed:
            self.changed.notify_all()

    async def first(self, kind: str) -> Any:
        """The first item a listener recorded under `kind`, waiting for it (listeners run after
        the ack)."""
        async with asyncio.timeout(5), self.changed:
            await self.changed.wait_for(lambda: kind in self.seen)
        return self.seen[kind][0]


@pytest.fixture
async def bolt(
    fake_slack: FakeSlack, signing_secret: str, bot_token: str
) -> AsyncIterator[BoltUnderTest]:
    app = AsyncApp(
        client=AsyncWebClient(token=bot_token, base_url=fake_slack.api_url),
        signing_secret=signing_secret,
    )
    under_test = BoltUnderTest(url="")

    record = under_test.record

    @app.event("message")
    async def on_message(event: dict[str, Any], request: AsyncBoltRequest) -> None:
        await record("message", event)
        await record("retry", request.headers.get("x-slack-retry-num"))

    @app.event("app_home_opened")
    async def on_home(event: dict[str, Any]) -> None:
        await record("home", event)

    @app.command("/playbook")
    async def on_command(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        await record("command", command)
        await respond(text=f"playbook for {command['text']}")

    @app.action("hint_used")
    async def on_action(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        await record("action", body)
        await respond(delete_original=True)

    @app.shortcut("coach_thread")
    async def on_shortcut(ack: AsyncAck, shortcut: dict[str, Any]) -> None:
        await ack()
        await record("shortcut", shortcut)

    @app.view("false_alarm_reason")
    async def on_view(ack: AsyncAck, view: dict[str, Any], body: dict[str, Any]) -> None:
        await ack()
        await record("view", view)

    runner = web.AppRunner(app.web_app(path="/slack/events"))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    under_test.url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield under_test
    finally:
        await runner.cleanup()


@pytest.fixture
def driver(bolt: BoltUnderTest, signing_secret: str) -> SlackDriver:
    return SlackDriver(bolt.url, signing_secret)


# ---- signing -------------------------------------------------------------------------------


def test_the_driver_signature_verifies_with_the_sdk_verifier(signing_secret: str) -> None:
    raw = json.dumps(p.url_verification("abc"))
    headers = SlackDriver("http://x", signing_secret).signed_headers(raw, "application/json")
    assert SignatureVerifier(signing_secret).is_valid_request(raw, headers)
    assert not SignatureVerifier("another-secret").is_valid_request(raw, headers)


@pytest.mark.parametrize("option", ["forged", "stale"])
def test_forged_and_stale_signatures_do_not_verify(signing_secret: str, option: str) -> None:
    raw = "token=x"
    headers = SlackDriver("http://x", signing_secret).signed_headers(
        raw, "application/x-www-form-urlencoded", **{option: True}
    )
    assert not SignatureVerifier(signing_secret).is_valid_request(raw, headers)
    if option == "stale":
        assert int(time.time()) - int(headers["X-Slack-Request-Timestamp"]) >= 301


def test_retry_num_adds_slacks_retry_headers(signing_secret: str) -> None:
    headers = SlackDriver("http://x", signing_secret).signed_headers("{}", "a/b", retry_num=2)
    assert headers["X-Slack-Retry-Num"] == "2"
    assert headers["X-Slack-Retry-Reason"] == "http_timeout"


# ---- against Bolt --------------------------------------------------------------------------


async def test_url_verification_echoes_the_challenge(driver: SlackDriver) -> None:
    status, body, elapsed = await driver.post_event(p.url_verification("chal-123"))
    assert (status, json.loads(body)) == (200, {"challenge": "chal-123"})
    assert elapsed >= 0


@pytest.mark.parametrize("option", ["forged", "stale"])
async def test_bolt_rejects_bad_signatures(
    driver: SlackDriver, bolt: BoltUnderTest, option: str
) -> None:
    envelope = p.message_event(text="hello", user=p.CUSTOMER, user_team=p.TEAM_CUST)
    status, _, _ = await driver.post_event(envelope, **{option: True})
    assert status == 401
    assert "message" not in bolt.seen


async def test_ssl_check_is_acknowledged(driver: SlackDriver) -> None:
    status, body, _ = await driver.post_command({"ssl_check": "1", "token": "x"})
    assert (status, body) == (200, "")


async def test_a_message_event_reaches_the_message_listener(
    driver: SlackDriver, bolt: BoltUnderTest
) -> None:
    envelope = p.message_event(
        text="still broken!", user=p.CUSTOMER, user_team=p.TEAM_CUST, thread_ts="100.000001"
    )
    status, _, _ = await driver.post_event(envelope, retry_num=1)
    assert status == 200
    event = await bolt.first("message")
    assert event["user_team"] == "T_CUST" and event["thread_ts"] == "100.000001"
    assert await bolt.first("retry") == ["1"]  # Bolt keeps every header as a list


async def test_app_home_opened_reaches_its_listener(
    driver: SlackDriver, bolt: BoltUnderTest
) -> None:
    status, _, _ = await driver.post_event(p.app_home_opened(p.AGENT))
    assert status == 200
    assert (await bolt.first("home"))["user"] == p.AGENT


async def test_a_slash_command_is_acked_then_answered_via_response_url(
    driver: SlackDriver, bolt: BoltUnderTest, fake_slack: FakeSlack
) -> None:
    url = fake_slack.response_url(user=p.AGENT, channel=p.CHANNEL_HELP)
    status, body, _ = await driver.post_command(
        p.slash_command("/playbook", "refund", response_url=url)
    )
    assert (status, body) == (200, "")
    whispers = await fake_slack.wait_for(lambda: fake_slack.ephemerals_for(p.AGENT))
    assert whispers[0].text == "playbook for refund"
    assert (await bolt.first("command"))["user_id"] == p.AGENT


async def test_a_button_on_a_whisper_can_delete_it(
    driver: SlackDriver, bolt: BoltUnderTest, fake_slack: FakeSlack, bot_token: str
) -> None:
    client = AsyncWebClient(token=bot_token, base_url=fake_slack.api_url)
    posted = await client.chat_postEphemeral(channel=p.CHANNEL_SHARED, user=p.AGENT, text="hint")
    url = fake_slack.response_url(message_ts=posted["message_ts"])
    payload = p.block_action(
        "hint_used", "h1", message_ts=posted["message_ts"], thread_ts="1.1", response_url=url
    )
    status, _, _ = await driver.post_interaction(payload)
    assert status == 200
    await fake_slack.wait_for(lambda: not fake_slack.ephemerals_for(p.AGENT))
    assert (await bolt.first("action"))["container"]["is_ephemeral"] is True


async def test_a_message_shortcut_reaches_its_listener(
    driver: SlackDriver, bolt: BoltUnderTest, fake_slack: FakeSlack
) -> None:
    message = p.message_object(user=p.CUSTOMER, text="angry", ts="5.000001", team=p.TEAM_CUST)
    url = fake_slack.response_url(user=p.AGENT, channel=p.CHANNEL_SHARED)
    status, _, _ = await driver.post_interaction(
        p.message_shortcut("coach_thread", message, response_url=url)
    )
    assert status == 200
    assert (await bolt.first("shortcut"))["message"]["ts"] == "5.000001"


async def test_a_view_submission_reaches_its_listener(
    driver: SlackDriver, bolt: BoltUnderTest
) -> None:
    values = {"false_alarm_reason": {"reason": {"type": "plain_text_input", "value": "joke"}}}
    payload = p.view_submission("false_alarm_reason", "thread-key", values)
    status, _, _ = await driver.post_interaction(payload)
    assert status == 200
    view = await bolt.first("view")
    assert view["private_metadata"] == "thread-key"
    assert view["state"]["values"] == values
