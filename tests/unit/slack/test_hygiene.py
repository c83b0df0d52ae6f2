"""Request hygiene, without a server: size, signature, encoding and shape, each with its 4xx."""

from __future__ import annotations

import hashlib
import hmac
import json
from urllib.parse import urlencode

import pytest

from bot.slack import hygiene

SECRET = "s3cret"
NOW = 1_800_000_000.0


def sign(body: bytes, ts: str = str(int(NOW))) -> dict[str, str]:
    base = b"v0:" + ts.encode() + b":" + body
    digest = hmac.new(SECRET.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def reason(rejection: hygiene.Rejection | None) -> str | None:
    return rejection.reason if rejection else None


def test_size_is_judged_from_the_declared_length() -> None:
    assert hygiene.check_size(hygiene.MAX_BODY) is None
    assert reason(hygiene.check_size(hygiene.MAX_BODY + 1)) == "too_large"
    assert hygiene.check_size(None) is None  # chunked: the reader enforces the limit


def test_a_correct_signature_passes() -> None:
    body = b'{"type":"url_verification"}'
    assert hygiene.check_signature(SECRET, sign(body), body, NOW) is None


@pytest.mark.parametrize(
    ("headers", "why"),
    [
        ({}, "signature_missing"),
        ({"X-Slack-Request-Timestamp": "1"}, "signature_missing"),
        (
            {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=" + "a" * 64},
            "timestamp_malformed",
        ),
        (
            {"X-Slack-Request-Timestamp": "1.7e9", "X-Slack-Signature": "v0=" + "a" * 64},
            "timestamp_malformed",
        ),
        (
            {"X-Slack-Request-Timestamp": "-5", "X-Slack-Signature": "v0=" + "a" * 64},
            "timestamp_malformed",
        ),
        (
            {"X-Slack-Request-Timestamp": "9" * 40, "X-Slack-Signature": "v0=" + "a" * 64},
            "timestamp_malformed",
        ),
        (
            {"X-Slack-Request-Timestamp": str(int(NOW)), "X-Slack-Signature": "v0=zz"},
            "signature_malformed",
        ),
        (
            {
                "X-Slack-Request-Timestamp": str(int(NOW) - 301),
                "X-Slack-Signature": "v0=" + "a" * 64,
            },
            "timestamp_stale",
        ),
        (
            {"X-Slack-Request-Timestamp": str(int(NOW)), "X-Slack-Signature": "v0=" + "a" * 64},
            "signature_mismatch",
        ),
    ],
)
def test_bad_signature_headers_are_401(headers: dict[str, str], why: str) -> None:
    rejection = hygiene.check_signature(SECRET, headers, b"{}", NOW)
    assert rejection is not None and (rejection.status, rejection.reason) == (401, why)


def test_without_a_signing_secret_nothing_passes() -> None:
    assert reason(hygiene.check_signature("", sign(b"{}"), b"{}", NOW)) == "no_signing_secret"


def test_the_signature_covers_the_raw_bytes() -> None:
    body = "caf\u00e9".encode()
    headers = sign(body)
    assert hygiene.check_signature(SECRET, headers, body, NOW) is None
    assert hygiene.check_signature(SECRET, headers, b"cafe", NOW) is not None


def form(payload: object) -> bytes:
    return urlencode({"payload": json.dumps(payload)}).encode()


ACTION = {"action_id": "hint_used", "value": "x"}
USER = {"id": "U1"}


@pytest.mark.parametrize(
    ("raw", "content_type", "why"),
    [
        (b"\xff\xfe{}", "application/json", "invalid_utf8"),
        (b'{"type": "event_callback"', "application/json", "invalid_json"),
        (b"[" * 100_000 + b"]" * 100_000, "application/json", "json_too_deep"),
        (b"[]", "application/json", "not_an_object"),
        (b'{"type": "nope"}', "application/json", "unknown_envelope"),
        (b'{"type": "event_callback", "event": {}}', "application/json", "malformed_event"),
        (
            b'{"type": "event_callback", "event_id": "E", "event": []}',
            "application/json",
            "malformed_event",
        ),
        (
            json.dumps({"type": "url_verification", "challenge": "\ud800"}).encode(),
            "application/json",
            "lone_surrogate",
        ),
        (
            b'{"type": "url_verification", "challenge": "\\uDFFF"}',
            "application/json",
            "lone_surrogate",
        ),
        (b'{"type": "url_verification", "\\udc00": "c"}', "application/json", "lone_surrogate"),
        (form({"type": "block_actions", "user": {"id": "\ud83d"}}), "x", "lone_surrogate"),
        (form({"type": "interactive_message", "user": USER}), "x", "unknown_interaction"),
        (form({"type": "block_actions", "user": USER, "actions": []}), "x", "no_actions"),
        (form({"type": "block_actions", "user": USER}), "x", "no_actions"),
        (
            form({"type": "block_actions", "user": USER, "actions": [{"value": 1}]}),
            "x",
            "no_actions",
        ),
        (form({"type": "block_actions", "actions": [ACTION]}), "x", "malformed_interaction"),
        (
            form({"type": "block_actions", "user": "U1", "actions": [ACTION]}),
            "x",
            "malformed_interaction",
        ),
        (form({"type": "view_submission", "user": USER, "view": "v"}), "x", "malformed_view"),
        (form({"type": "message_action", "user": USER}), "x", "malformed_shortcut"),
        (form(["not", "an", "object"]), "x", "not_an_object"),
        (b"payload=%7Bnope", "x", "payload_not_json"),
        (b"payload=%ED%A0%80", "x", "invalid_form"),
        (b"a=1", "x", "unknown_form"),
        (b"&".join(b"k%d=v" % i for i in range(300)), "x", "invalid_form"),
    ],
)
def test_bodies_slack_would_never_send_are_400(raw: bytes, content_type: str, why: str) -> None:
    _, rejection = hygiene.check_body(raw, content_type)
    assert rejection is not None and (rejection.status, rejection.reason) == (400, why)


@pytest.mark.parametrize(
    ("raw", "content_type"),
    [
        (b'{"type": "url_verification", "challenge": "c"}', "application/json"),
        (
            b'{"type": "event_callback", "event_id": "E1", "event": {"type": "x"}}',
            "application/json",
        ),
        (
            json.dumps(
                {
                    "type": "event_callback",
                    "event_id": "E1",
                    "event": {"type": "message", "text": "\U0001f600"},
                }
            ).encode(),
            "application/json",
        ),
        (
            b'{"type": "url_verification", "challenge": "\\ud83d\\ude00 \\\\ud800"}',
            "application/json",
        ),
        (form({"type": "block_actions", "user": USER, "actions": [ACTION]}), "x"),
        (form({"type": "view_submission", "user": USER, "view": {"callback_id": "c"}}), "x"),
        (form({"type": "message_action", "user": USER, "callback_id": "coach_thread"}), "x"),
        (b"command=%2Fplaybook&user_id=U1&text=", "x"),
        (b"ssl_check=1&token=t", "x"),
    ],
)
def test_what_slack_sends_passes(raw: bytes, content_type: str) -> None:
    text, rejection = hygiene.check_body(raw, content_type)
    assert rejection is None and text == raw.decode()


def test_rejections_carry_ids_never_text() -> None:
    payload = {
        "type": "event_callback",
        "event_id": "Ev1",
        "team_id": "T1",
        "event": {"type": "message", "text": "secret customer words \ud800"},
    }
    rejection = hygiene.check_envelope(payload)
    assert rejection is not None
    assert rejection.ids == {
        "type": "event_callback",
        "event_id": "Ev1",
        "team_id": "T1",
        "event_type": "message",
    }


def test_socket_mode_payloads_get_the_same_shape_checks() -> None:
    assert (
        reason(
            hygiene.check_socket_payload(
                "interactive", {"type": "block_actions", "user": USER, "actions": []}
            )
        )
        == "no_actions"
    )
    assert (
        reason(hygiene.check_socket_payload("events_api", {"type": "event_callback"}))
        == "malformed_event"
    )
    assert (
        reason(hygiene.check_socket_payload("slash_commands", {"text": "x"})) == "malformed_command"
    )
    assert hygiene.check_socket_payload("hello", {}) is None
