"""Builders of the payloads Slack sends to an app, in Slack's real shapes.

Events are Events API envelopes (`type: event_callback`, `event_id`, `authorizations`, ...),
modelled on Slack's docs and `slack_common_event_wrapper_schema.json`. Slash commands are form
fields (a flat `dict[str, str]`). Interactions (`block_actions`, `message_action`,
`view_submission`) are the JSON object Slack puts in the `payload=` form field;
`SlackDriver.post_interaction` does the form encoding.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

# The default directory of the test workspace (see `FakeSlack.add_default_directory`).
TEAM_OURS = "T_OURS"
TEAM_CUST = "T_CUST"
TEAM_DOMAIN = "undertone-test"
APP_ID = "A_UNDERTONE"
BOT_USER = "U_BOT"
BOT_ID = "B_BOT"
AGENT = "U_AGENT"
CUSTOMER = "U_CUST"
SUPERVISOR = "U_SUP"
CHANNEL_SHARED = "C_SHARED"
CHANNEL_HELP = "C_HELP"
CHANNEL_SUP = "C_SUP"
USERGROUP_SUP = "S_SUP"
VERIFICATION_TOKEN = "legacy-verification-token"

Json = dict[str, Any]

_seq = itertools.count(1)


def next_ts(now: float | None = None) -> str:
    """A fresh Slack message timestamp (`"seconds.micro"`), unique within the process."""
    seconds = int(time.time() if now is None else now)
    return f"{seconds}.{next(_seq) % 1_000_000:06d}"


def _event_id() -> str:
    return f"Ev{next(_seq):08d}"


def _trigger_id() -> str:
    return f"{next(_seq)}.{next(_seq)}.fake{next(_seq):06x}"


def _user_obj(user: str, team_id: str) -> Json:
    return {"id": user, "username": user.lower(), "name": user.lower(), "team_id": team_id}


def _team_obj(team_id: str) -> Json:
    return {"id": team_id, "domain": TEAM_DOMAIN}


def event_envelope(
    event: Json,
    *,
    team_id: str = TEAM_OURS,
    event_id: str | None = None,
    event_time: int | None = None,
    is_ext_shared_channel: bool = False,
) -> Json:
    """Wrap an inner event in the Events API `event_callback` envelope Slack POSTs to the app."""
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "context_team_id": team_id,
        "context_enterprise_id": None,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or _event_id(),
        "event_time": int(time.time()) if event_time is None else event_time,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": BOT_USER,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": is_ext_shared_channel,
        "event_context": f"4-fake-{next(_seq)}",
    }


def message_event(
    *,
    text: str,
    user: str | None,
    channel: str = CHANNEL_SHARED,
    ts: str | None = None,
    thread_ts: str | None = None,
    user_team: str = TEAM_OURS,
    channel_type: str = "channel",
    subtype: str | None = None,
    bot_id: str | None = None,
    edited: Json | None = None,
    event_id: str | None = None,
    event_time: int | None = None,
    is_ext_shared_channel: bool | None = None,
    team_id: str = TEAM_OURS,
    parent_user_id: str | None = None,
) -> Json:
    """A `message` event envelope; `user_team` is the poster's home team (the customer's in Slack
    Connect), `is_ext_shared_channel` defaults to True for `C_SHARED`."""
    ts = ts or next_ts()
    event: Json = {"type": "message", "text": text, "ts": ts, "channel": channel}
    if user is not None:
        event |= {"user": user, "user_team": user_team, "source_team": user_team, "team": user_team}
        if bot_id is None and subtype is None:
            event["client_msg_id"] = f"0000{next(_seq):04d}-fake-msg-id"
    event["blocks"] = [_rich_text(text)] if subtype is None and bot_id is None else []
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
        if parent_user_id is not None:
            event["parent_user_id"] = parent_user_id
    if subtype is not None:
        event["subtype"] = subtype
    if bot_id is not None:
        event |= {"bot_id": bot_id, "app_id": APP_ID if bot_id == BOT_ID else f"A{bot_id}"}
    if edited is not None:
        event["edited"] = edited
    event |= {"event_ts": ts, "channel_type": channel_type}
    shared = channel == CHANNEL_SHARED if is_ext_shared_channel is None else is_ext_shared_channel
    return event_envelope(
        event,
        team_id=team_id,
        event_id=event_id,
        event_time=event_time,
        is_ext_shared_channel=shared,
    )


def message_changed(
    *, channel: str, ts: str, user: str, new_text: str, old_text: str, thread_ts: str | None = None
) -> Json:
    """A `message_changed` envelope (an edit): no `user` at the top of the event, only nested."""
    edited_ts = next_ts()
    inner: Json = {"type": "message", "user": user, "text": new_text, "ts": ts}
    previous: Json = {"type": "message", "user": user, "text": old_text, "ts": ts}
    if thread_ts is not None:
        inner["thread_ts"] = previous["thread_ts"] = thread_ts
    inner["edited"] = {"user": user, "ts": edited_ts}
    event: Json = {
        "type": "message",
        "subtype": "message_changed",
        "message": inner,
        "previous_message": previous,
        "channel": channel,
        "hidden": True,
        "ts": edited_ts,
        "event_ts": edited_ts,
        "channel_type": "channel",
    }
    return event_envelope(event, is_ext_shared_channel=channel == CHANNEL_SHARED)


def _rich_text(text: str) -> Json:
    return {
        "type": "rich_text",
        "block_id": f"b{next(_seq)}",
        "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}],
    }


def url_verification(challenge: str) -> Json:
    """The handshake Slack sends when the Request URL is saved."""
    return {"token": VERIFICATION_TOKEN, "challenge": challenge, "type": "url_verification"}


def app_home_opened(user: str, *, tab: str = "home", team_id: str = TEAM_OURS) -> Json:
    """An `app_home_opened` event envelope for `user`."""
    ts = next_ts()
    event: Json = {
        "type": "app_home_opened",
        "user": user,
        "channel": f"D_{user}",
        "tab": tab,
        "event_ts": ts,
    }
    return event_envelope(event, team_id=team_id)


def channel_shared(channel: str, *, connected_team: str = TEAM_CUST) -> Json:
    """`channel_shared`: the channel is now shared with `connected_team` (Slack Connect)."""
    event: Json = {
        "type": "channel_shared",
        "connected_team_id": connected_team,
        "channel": channel,
        "event_ts": next_ts(),
    }
    return event_envelope(event, is_ext_shared_channel=True)


def channel_unshared(channel: str, *, previously_connected: str = TEAM_CUST) -> Json:
    """`channel_unshared`: the share with a team ended."""
    event: Json = {
        "type": "channel_unshared",
        "previously_connected_team_id": previously_connected,
        "channel": channel,
        "is_ext_shared": False,
        "event_ts": next_ts(),
    }
    return event_envelope(event)


def member_joined_channel(
    user: str, channel: str, *, team: str = TEAM_OURS, is_ext_shared_channel: bool = False
) -> Json:
    """`member_joined_channel`: `user` (of workspace `team`) joined `channel`."""
    event: Json = {
        "type": "member_joined_channel",
        "user": user,
        "channel": channel,
        "channel_type": "C",
        "team": team,
        "event_ts": next_ts(),
    }
    return event_envelope(event, is_ext_shared_channel=is_ext_shared_channel)


def slash_command(
    command: str,
    text: str,
    *,
    user: str = AGENT,
    channel: str = CHANNEL_HELP,
    response_url: str,
    trigger_id: str | None = None,
    team_id: str = TEAM_OURS,
    channel_name: str = "help",
) -> dict[str, str]:
    """The form fields of a slash-command invocation."""
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "team_domain": TEAM_DOMAIN,
        "channel_id": channel,
        "channel_name": channel_name,
        "user_id": user,
        "user_name": user.lower(),
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id or _trigger_id(),
    }


def block_action(
    action_id: str,
    value: str,
    *,
    user: str = AGENT,
    channel: str = CHANNEL_SHARED,
    message_ts: str,
    thread_ts: str | None = None,
    response_url: str,
    is_ephemeral: bool = True,
    block_id: str = "actions",
    message: Json | None = None,
    trigger_id: str | None = None,
    team_id: str = TEAM_OURS,
    user_team: str | None = None,
) -> Json:
    """A `block_actions` payload for a button click; ephemeral containers carry no `message`.
    `user_team` is the clicker's own workspace (a customer's in Slack Connect; default
    `team_id`)."""
    container: Json = {
        "type": "message",
        "message_ts": message_ts,
        "channel_id": channel,
        "is_ephemeral": is_ephemeral,
    }
    if thread_ts is not None:
        container["thread_ts"] = thread_ts
    payload: Json = {
        "type": "block_actions",
        "user": _user_obj(user, user_team or team_id),
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "container": container,
        "trigger_id": trigger_id or _trigger_id(),
        "team": _team_obj(team_id),
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel, "name": channel.lower()},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": block_id,
                "text": {"type": "plain_text", "text": action_id, "emoji": True},
                "value": value,
                "type": "button",
                "action_ts": next_ts(),
            }
        ],
    }
    if not is_ephemeral:
        payload["message"] = message or {
            "type": "message",
            "user": BOT_USER,
            "bot_id": BOT_ID,
            "ts": message_ts,
            "text": "",
            **({"thread_ts": thread_ts} if thread_ts else {}),
        }
    return payload


def message_object(
    *, user: str, text: str, ts: str, thread_ts: str | None = None, team: str = TEAM_OURS
) -> Json:
    """A message as it appears inside interaction payloads (`message_action.message`)."""
    msg: Json = {"type": "message", "user": user, "text": text, "ts": ts, "team": team}
    if thread_ts is not None:
        msg["thread_ts"] = thread_ts
    return msg


def message_shortcut(
    callback_id: str,
    message: Json,
    *,
    channel: str = CHANNEL_SHARED,
    user: str = AGENT,
    response_url: str,
    trigger_id: str | None = None,
    team_id: str = TEAM_OURS,
    user_team: str | None = None,
) -> Json:
    """A `message_action` payload: the user ran a message shortcut on `message`."""
    return {
        "type": "message_action",
        "token": VERIFICATION_TOKEN,
        "action_ts": next_ts(),
        "team": _team_obj(team_id),
        "user": _user_obj(user, user_team or team_id),
        "channel": {"id": channel, "name": channel.lower()},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": trigger_id or _trigger_id(),
        "response_url": response_url,
        "message_ts": message["ts"],
        "message": message,
    }


def view_submission(
    callback_id: str,
    private_metadata: str,
    values: dict[str, dict[str, Json]],
    *,
    user: str = SUPERVISOR,
    view_id: str = "V_FAKE",
    team_id: str = TEAM_OURS,
) -> Json:
    """A `view_submission` payload; `values` is `state.values` (block_id -> action_id -> value)."""
    return {
        "type": "view_submission",
        "team": _team_obj(team_id),
        "user": _user_obj(user, team_id),
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": _trigger_id(),
        "view": {
            "id": view_id,
            "team_id": team_id,
            "type": "modal",
            "blocks": [],
            "private_metadata": private_metadata,
            "callback_id": callback_id,
            "state": {"values": values},
            "hash": f"{next(_seq)}.fakehash",
            "title": {"type": "plain_text", "text": "Undertone"},
            "close": None,
            "submit": {"type": "plain_text", "text": "Submit"},
            "previous_view_id": None,
            "root_view_id": view_id,
            "app_id": APP_ID,
            "external_id": "",
            "app_installed_team_id": team_id,
            "bot_id": BOT_ID,
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def reaction_added(
    reaction: str,
    *,
    user: str,
    channel: str,
    ts: str,
    item_user: str = CUSTOMER,
    team_id: str = TEAM_OURS,
) -> Json:
    """`reaction_added`: `user` reacted with `:reaction:` to the message `ts` in `channel`."""
    event: Json = {
        "type": "reaction_added",
        "user": user,
        "reaction": reaction,
        "item_user": item_user,
        "item": {"type": "message", "channel": channel, "ts": ts},
        "event_ts": next_ts(),
    }
    return event_envelope(event, team_id=team_id)
