"""Payload builders produce Slack's documented shapes (checked against its event wrapper schema)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.fakeslack import payloads as p

SPECS_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "slack-api-specs"
JSON_TYPES = {"string": str, "integer": int, "object": dict, "array": list}


@pytest.fixture(scope="module")
def wrapper_schema() -> dict[str, Any]:
    """Slack's common Events API envelope schema (vendored verbatim in tests/fixtures)."""
    schema: dict[str, Any] = json.loads(
        (SPECS_DIR / "slack_common_event_wrapper_schema.json").read_text()
    )
    return schema


def envelopes() -> list[dict[str, Any]]:
    return [
        p.message_event(text="where is my refund", user=p.CUSTOMER, user_team=p.TEAM_CUST),
        p.message_event(text="bot says hi", user=None, bot_id="B_OTHER", subtype="bot_message"),
        p.message_changed(
            channel=p.CHANNEL_SHARED, ts="1.000001", user=p.CUSTOMER, new_text="new", old_text="old"
        ),
        p.app_home_opened(p.AGENT),
    ]


@pytest.mark.parametrize("envelope", envelopes(), ids=["message", "bot", "changed", "home"])
def test_envelopes_follow_the_wrapper_schema(
    wrapper_schema: dict[str, Any], envelope: dict[str, Any]
) -> None:
    """Every required field with its declared type; `authed_users` is deprecated and no longer
    sent to new apps (replaced by `authorizations`), so the builders leave it out."""
    for name in set(wrapper_schema["required"]) - {"authed_users"}:
        declared = wrapper_schema["properties"][name]["type"]
        assert isinstance(envelope[name], JSON_TYPES[declared]), name
    for name in wrapper_schema["properties"]["event"]["required"]:
        assert isinstance(envelope["event"][name], str), name
    assert envelope["type"] == "event_callback"
    assert envelope["authorizations"][0]["user_id"] == p.BOT_USER
    json.dumps(envelope)


def test_a_customer_message_in_slack_connect_names_the_customer_team() -> None:
    env = p.message_event(
        text="still broken", user=p.CUSTOMER, user_team=p.TEAM_CUST, thread_ts="9.000001"
    )
    event = env["event"]
    assert env["team_id"] == p.TEAM_OURS and env["is_ext_shared_channel"] is True
    assert (event["user_team"], event["source_team"]) == (p.TEAM_CUST, p.TEAM_CUST)
    assert event["thread_ts"] == "9.000001" and event["event_ts"] == event["ts"]
    assert "client_msg_id" in event and "subtype" not in event and "bot_id" not in event


def test_a_message_in_an_internal_channel_is_not_ext_shared() -> None:
    env = p.message_event(text="hi", user=p.AGENT, channel=p.CHANNEL_HELP)
    assert env["is_ext_shared_channel"] is False
    assert "thread_ts" not in env["event"]


def test_a_bot_message_has_bot_id_and_subtype_but_no_user() -> None:
    event = p.message_event(text="x", user=None, bot_id="B_OTHER", subtype="bot_message")["event"]
    assert (event["bot_id"], event["subtype"]) == ("B_OTHER", "bot_message")
    assert "user" not in event and "client_msg_id" not in event


def test_an_edit_nests_the_user_inside_message() -> None:
    event = p.message_changed(
        channel=p.CHANNEL_SHARED, ts="1.000001", user=p.CUSTOMER, new_text="b", old_text="a"
    )["event"]
    assert event["subtype"] == "message_changed" and "user" not in event
    assert event["message"]["user"] == p.CUSTOMER and event["message"]["edited"]["user"]
    assert event["previous_message"]["text"] == "a"


def test_event_ids_and_timestamps_are_unique() -> None:
    envs = [p.message_event(text="x", user=p.AGENT) for _ in range(50)]
    assert len({e["event_id"] for e in envs}) == 50
    assert len({e["event"]["ts"] for e in envs}) == 50


def test_url_verification_carries_the_challenge() -> None:
    assert p.url_verification("c1") == {
        "token": p.VERIFICATION_TOKEN,
        "challenge": "c1",
        "type": "url_verification",
    }


def test_slash_command_fields_are_all_strings() -> None:
    fields = p.slash_command("/playbook", "refund", response_url="http://x/response/t")
    assert all(isinstance(v, str) for v in fields.values())
    assert (fields["command"], fields["user_id"], fields["channel_id"]) == (
        "/playbook",
        p.AGENT,
        p.CHANNEL_HELP,
    )
    assert fields["trigger_id"] and fields["team_id"] == p.TEAM_OURS


def test_a_block_action_on_a_whisper_has_no_message_but_an_ephemeral_container() -> None:
    payload = p.block_action(
        "hint_used", "h1", message_ts="2.000001", thread_ts="1.000001", response_url="u"
    )
    assert payload["container"] == {
        "type": "message",
        "message_ts": "2.000001",
        "channel_id": p.CHANNEL_SHARED,
        "is_ephemeral": True,
        "thread_ts": "1.000001",
    }
    assert "message" not in payload
    assert payload["actions"][0]["action_id"] == "hint_used"
    assert payload["actions"][0]["value"] == "h1"


def test_a_block_action_on_a_channel_message_carries_the_message() -> None:
    payload = p.block_action(
        "alert_claim",
        "k",
        user=p.SUPERVISOR,
        channel=p.CHANNEL_SUP,
        message_ts="3.000001",
        response_url="u",
        is_ephemeral=False,
    )
    assert payload["message"]["ts"] == "3.000001"
    assert payload["container"]["is_ephemeral"] is False
