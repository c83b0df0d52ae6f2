"""Hostile input, over real HTTP: every malformed, unsigned, oversized or poisoned request gets a
clear 4xx (never a 5xx Slack would retry), no stack trace reaches the log, one log line with ids
says why, and the process stays healthy."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import aiohttp
import pytest

from bot.app import create_app, socket_handler
from bot.config import Settings
from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.services import build_services
from tests.conftest import SIGNING_SECRET
from tests.scenario.conftest import Bot, LogWatch

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def mac(ts: str, body: bytes) -> str:
    base = b"v0:" + ts.encode() + b":" + body
    return "v0=" + hmac.new(SIGNING_SECRET.encode(), base, hashlib.sha256).hexdigest()


def signed(body: bytes) -> dict[str, str]:
    ts = str(int(time.time()))
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": mac(ts, body)}


def event_body(text: str = "Quick question about invoices") -> bytes:
    envelope = p.message_event(text=text, user=p.CUSTOMER, user_team=p.TEAM_CUST)
    return json.dumps(envelope, ensure_ascii=True).encode()


def interaction(payload: dict[str, object]) -> bytes:
    return urlencode({"payload": json.dumps(payload)}).encode()


def block_actions_payload(actions: list[object]) -> dict[str, object]:
    payload = p.block_action("x", "y", message_ts="1.1", response_url="http://127.0.0.1:9/r")
    payload["actions"] = actions
    return payload


def block_actions(actions: list[object]) -> bytes:
    return interaction(block_actions_payload(actions))


LEGACY = {
    "type": "interactive_message",
    "callback_id": "legacy",
    "user": {"id": p.AGENT},
    "team": {"id": p.TEAM_OURS},
}
HUGE = json.dumps({"type": "event_callback", "text": "A" * 1_800_000}).encode()


@dataclass(frozen=True)
class Case:
    body: bytes
    content_type: str
    headers: Callable[[bytes], dict[str, str]]
    status: int
    reason: str


def hmac_over(ts: str) -> Callable[[bytes], dict[str, str]]:
    return lambda body: {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": mac(ts, body)}


def unsigned(_: bytes) -> dict[str, str]:
    return {}


def garbage(ts: str) -> Callable[[bytes], dict[str, str]]:
    return lambda _: {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=garbage"}


CASES = {
    "no signature headers": Case(event_body(), JSON, unsigned, 401, "signature_missing"),
    "timestamp 'abc', HMAC over it": Case(
        event_body(), JSON, hmac_over("abc"), 401, "timestamp_malformed"
    ),
    "timestamp 'abc', garbage signature": Case(
        event_body(), JSON, garbage("abc"), 401, "timestamp_malformed"
    ),
    "timestamp '1.7e9', HMAC over it": Case(
        event_body(), JSON, hmac_over("1.7e9"), 401, "timestamp_malformed"
    ),
    "signature not hex": Case(
        event_body(), JSON, garbage(str(int(time.time()))), 401, "signature_malformed"
    ),
    "invalid UTF-8, signed": Case(
        b"\xff\xfe" + block_actions([]), FORM, signed, 400, "invalid_utf8"
    ),
    "invalid UTF-8, unsigned": Case(
        b"\xff\xfe" + block_actions([]), FORM, unsigned, 401, "signature_missing"
    ),
    "lone surrogate in an event's text": Case(
        event_body("Broken glyph: \ud800 help"), JSON, signed, 400, "lone_surrogate"
    ),
    "lone surrogate in an action value": Case(
        block_actions([{"action_id": "hint_used", "value": "\udfff"}]),
        FORM,
        signed,
        400,
        "lone_surrogate",
    ),
    "interactive_message without actions": Case(
        interaction(LEGACY), FORM, signed, 400, "unknown_interaction"
    ),
    "block_actions with actions []": Case(block_actions([]), FORM, signed, 400, "no_actions"),
    "block_actions with an action that is not an object": Case(
        block_actions(["claim"]), FORM, signed, 400, "no_actions"
    ),
    "payload that is not JSON": Case(
        urlencode({"payload": "{nope"}).encode(), FORM, signed, 400, "payload_not_json"
    ),
    "form that is neither command nor payload": Case(
        b"hello=world", FORM, signed, 400, "unknown_form"
    ),
    "JSON that is not an object": Case(b"[1, 2]", JSON, signed, 400, "not_an_object"),
    "JSON cut short": Case(
        b'{"type": "event_callback", "event": ', JSON, signed, 400, "invalid_json"
    ),
    "unknown envelope type": Case(b'{"type": "surprise"}', JSON, signed, 400, "unknown_envelope"),
    "event_callback whose event is not an object": Case(
        b'{"type": "event_callback", "event_id": "Ev1", "event": "boom"}',
        JSON,
        signed,
        400,
        "malformed_event",
    ),
    "an event whose channel is a number (Bolt cannot read it)": Case(
        json.dumps(
            p.event_envelope({"type": "member_joined_channel", "user": p.CUSTOMER, "channel": 42})
        ).encode(),
        JSON,
        signed,
        400,
        "unprocessable",
    ),
    "1.8 MB body, signed": Case(HUGE, JSON, signed, 413, "too_large"),
    "1.8 MB body, unsigned": Case(HUGE, JSON, unsigned, 413, "too_large"),
}


async def post(bot: Bot, case: Case) -> int:
    headers = {"Content-Type": case.content_type, **case.headers(case.body)}
    async with (
        aiohttp.ClientSession() as session,
        session.post(bot.driver.url, data=case.body, headers=headers) as resp,
    ):
        return resp.status


async def healthz(bot: Bot) -> int:
    async with aiohttp.ClientSession() as session, session.get(bot.url + "/healthz") as resp:
        return resp.status


@pytest.mark.parametrize("name", sorted(CASES))
async def test_hostile_requests_get_a_clear_4xx_and_no_stack_trace(
    bot: Bot, logs: LogWatch, name: str
) -> None:
    case = CASES[name]
    assert await post(bot, case) == case.status
    [line] = logs.events("request_rejected")
    assert line.__dict__["reason"] == case.reason
    assert not logs.failures()
    assert await healthz(bot) == 200
    store = bot.services.store
    assert await store.intake_length() == 0


async def test_an_oversized_body_is_refused_before_any_signature_work(
    bot: Bot, logs: LogWatch
) -> None:
    """A 413 needs no valid signature: the body is not even read."""
    case = CASES["1.8 MB body, unsigned"]
    assert await post(bot, case) == 413
    assert logs.events("request_rejected")[0].__dict__["bytes"] == str(len(HUGE))


async def test_an_event_that_fails_validation_is_dropped_with_a_line_of_ids(
    bot: Bot, logs: LogWatch
) -> None:
    envelope = p.message_event(text="hello", user=p.CUSTOMER, user_team=p.TEAM_CUST)
    envelope["event"]["user"] = {"id": p.CUSTOMER}  # a shape Slack never sends
    resp = await bot.driver.post_event(envelope)
    assert resp.status == 200  # well-formed envelope: acknowledged, not retried
    [line] = logs.events("event_dropped_invalid")
    assert line.__dict__["event_id"] == envelope["event_id"]
    assert line.__dict__["reason"] == "event.user:string_type"
    assert "hello" not in json.dumps({k: str(v) for k, v in line.__dict__.items()})
    store = bot.services.store
    assert await store.intake_length() == 0
    assert not logs.failures()


async def test_unknown_actions_and_events_are_still_acknowledged(bot: Bot, logs: LogWatch) -> None:
    """Well-formed requests for things Undertone does not handle are 200s, not errors."""
    payload = p.block_action("probe_unknown_action", "x", message_ts="1.1", response_url="")
    assert (await bot.driver.post_interaction(payload)).status == 200
    unknown = p.event_envelope({"type": "probe_unknown_event", "event_ts": "1.1"})
    assert (await bot.driver.post_event(unknown)).status == 200
    assert not logs.failures()


async def test_socket_mode_acknowledges_and_drops_a_malformed_envelope(
    fake_slack: FakeSlack, logs: LogWatch
) -> None:
    """No signatures there, but the same shape checks: the poison is acked (never redelivered)."""
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
        sent = await fake_slack.socket_send(block_actions_payload([]), kind="interactive")
        await fake_slack.wait_for(
            lambda: any(a.get("envelope_id") == sent for a in fake_slack.socket_acks)
        )
        assert logs.events("request_rejected")[0].__dict__["reason"] == "no_actions"
        assert not logs.failures()
    finally:
        await handler.close_async()
        await services.close()


@pytest.mark.parametrize(
    "event",
    [
        {"type": "app_home_opened", "user": {"id": p.AGENT}, "tab": "home"},
        {"type": "app_home_opened", "user": "", "tab": "home"},
        {"type": "channel_shared", "connected_team_id": p.TEAM_CUST},
    ],
    ids=["home user object", "home user empty", "shared no channel"],
)
async def test_other_events_with_bad_fields_are_dropped_with_a_line_of_ids(
    bot: Bot, logs: LogWatch, event: dict[str, object]
) -> None:
    envelope = p.event_envelope(event)
    assert (await bot.driver.post_event(envelope)).status == 200
    [line] = await logs.wait_for("event_dropped_invalid")
    assert line.__dict__["event_id"] == envelope["event_id"]
    assert not logs.failures()
    assert bot.slack.calls_to("views.publish") == []
