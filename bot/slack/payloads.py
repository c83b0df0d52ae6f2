"""Typed edges: Slack event payloads in, the few fields Undertone keeps out (and back)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

MAX_TEXT = 40_000  # Slack truncates message text above this; we never keep more


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """A human message in a channel or thread, as taken in before the ack."""

    event_id: str
    source: str  # api_app_id or team id: the dedupe namespace
    team: str  # our workspace (from authorizations / team_id)
    channel: str
    channel_type: str
    user: str
    user_team: str  # the author's workspace ('' when Slack did not say)
    ts: str
    thread_ts: str  # the parent ts (= ts for a top-level message)
    text: str
    is_ext_shared: bool

    def to_fields(self) -> dict[str, str]:
        """Flat string fields for the intake stream."""
        return {
            "kind": "message",
            "event_id": self.event_id,
            "source": self.source,
            "team": self.team,
            "channel": self.channel,
            "channel_type": self.channel_type,
            "user": self.user,
            "user_team": self.user_team,
            "ts": self.ts,
            "thread_ts": self.thread_ts,
            "text": self.text,
            "ext": "1" if self.is_ext_shared else "0",
        }

    @classmethod
    def from_fields(cls, f: dict[str, str]) -> InboundMessage:
        return cls(
            event_id=f["event_id"],
            source=f["source"],
            team=f["team"],
            channel=f["channel"],
            channel_type=f.get("channel_type", ""),
            user=f["user"],
            user_team=f.get("user_team", ""),
            ts=f["ts"],
            thread_ts=f["thread_ts"],
            text=f.get("text", ""),
            is_ext_shared=f.get("ext") == "1",
        )


class _Event(BaseModel):
    model_config = ConfigDict(extra="ignore")
    type: str
    user: str | None = None
    text: str | None = None
    ts: str | None = None
    thread_ts: str | None = None
    channel: str | None = None
    channel_type: str = ""
    subtype: str | None = None
    bot_id: str | None = None
    user_team: str | None = None
    team: str | None = None


class _Envelope(BaseModel):
    model_config = ConfigDict(extra="ignore")
    type: str
    event_id: str
    team_id: str | None = None
    api_app_id: str | None = None
    is_ext_shared_channel: bool = False
    authorizations: list[dict[str, Any]] = Field(default_factory=list)
    event: _Event


def is_human_message(event: dict[str, Any]) -> bool:
    """A plain message written by a person (no subtype, no bot), the only kind we score."""
    return (
        event.get("type") == "message"
        and event.get("subtype") in (None, "thread_broadcast", "file_share")
        and not event.get("bot_id")
        and bool(event.get("user"))
        and bool(event.get("ts"))
        and bool(event.get("channel"))
    )


def invalid_reason(body: dict[str, Any]) -> str:
    """Why an envelope fails validation: field paths and error kinds only (never values)."""
    try:
        _Envelope.model_validate(body)
    except ValidationError as exc:
        return ";".join(
            ".".join(str(part) for part in err["loc"]) + ":" + err["type"] for err in exc.errors()
        )[:300]
    return ""


def inbound_message(body: dict[str, Any]) -> InboundMessage | None:
    """The message an Events API envelope carries, or None when it is not one we take in."""
    try:
        env = _Envelope.model_validate(body)
    except ValidationError:
        return None
    ev = env.event
    if not is_human_message(body.get("event") or {}):
        return None
    assert ev.user and ev.ts and ev.channel
    our_team = (
        (env.authorizations[0].get("team_id") if env.authorizations else None) or env.team_id or ""
    )
    text = (ev.text or "")[:MAX_TEXT]
    return InboundMessage(
        event_id=env.event_id,
        source=env.api_app_id or our_team,
        team=str(our_team),
        channel=ev.channel,
        channel_type=ev.channel_type,
        user=ev.user,
        user_team=ev.user_team or ev.team or "",
        ts=ev.ts,
        thread_ts=ev.thread_ts or ev.ts,
        text=text,
        is_ext_shared=env.is_ext_shared_channel,
    )


@dataclass(frozen=True, slots=True)
class HintRef:
    """What a whisper button carries: ids only, never content (fits Slack's 2,000-char value)."""

    thread: str  # ThreadRef.key
    hint_id: str

    def encode(self) -> str:
        return json.dumps({"t": self.thread, "h": self.hint_id}, separators=(",", ":"))

    @classmethod
    def decode(cls, value: str) -> HintRef | None:
        try:
            data = json.loads(value)
            return cls(str(data["t"]), str(data["h"]))
        except (ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True, slots=True)
class AlertRef:
    """What an alert button carries: the thread key only."""

    thread: str

    def encode(self) -> str:
        return json.dumps({"a": self.thread}, separators=(",", ":"))

    @classmethod
    def decode(cls, value: str) -> AlertRef | None:
        try:
            return cls(str(json.loads(value)["a"]))
        except (ValueError, KeyError, TypeError):
            return None
