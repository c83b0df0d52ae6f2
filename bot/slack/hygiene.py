"""Request hygiene: what arrives on `POST /slack/events` is checked before Bolt sees it.

In this order, each failure a clear 4xx and one log line with ids only (never content):
1. size (413, before any signature work);
2. signature headers present and well formed, timestamp an integer within five minutes, HMAC of
   the raw bytes (401);
3. the body is UTF-8 with no lone surrogates in its JSON, and its shape is one Slack sends and
   Undertone handles (400).
Everything here is synchronous and pure, so it is tested without a server.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

MAX_BODY = 1024 * 1024  # Slack payloads are far smaller; anything bigger is refused with 413
MAX_SKEW = 300  # seconds: Slack's replay window
_TIMESTAMP = re.compile(r"^[0-9]{1,12}$")
_SIGNATURE = re.compile(r"^v0=[0-9a-f]{64}$")
# the only way JSON decoded from valid UTF-8 holds a lone surrogate: a \\uD800-\\uDFFF escape
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")

ENVELOPE_TYPES = frozenset({"url_verification", "event_callback", "app_rate_limited"})
INTERACTION_TYPES = frozenset(
    {"block_actions", "view_submission", "view_closed", "message_action", "shortcut"}
)


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a request is refused: HTTP status, a short reason, and ids safe to log."""

    status: int
    reason: str
    ids: dict[str, str] = field(default_factory=dict)


def check_size(content_length: int | None) -> Rejection | None:
    if content_length is not None and content_length > MAX_BODY:
        return Rejection(413, "too_large", {"bytes": str(content_length)})
    return None


def check_signature(
    secret: str, headers: Mapping[str, str], body: bytes, now: float
) -> Rejection | None:
    """Slack's v0 signature over the raw bytes, and a timestamp inside the replay window."""
    timestamp = headers.get("X-Slack-Request-Timestamp") or ""
    signature = headers.get("X-Slack-Signature") or ""
    if not timestamp or not signature:
        return Rejection(401, "signature_missing")
    if not _TIMESTAMP.match(timestamp):
        return Rejection(401, "timestamp_malformed")
    if not _SIGNATURE.match(signature):
        return Rejection(401, "signature_malformed")
    if abs(now - int(timestamp)) > MAX_SKEW:
        return Rejection(401, "timestamp_stale")
    if not secret:
        return Rejection(401, "no_signing_secret")
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        return Rejection(401, "signature_mismatch")
    return None


def _has_lone_surrogate(value: Any, source: str | None = None) -> bool:
    """A string in `value` that no UTF-8 can carry. `source`: the JSON text `value` was decoded
    from (valid UTF-8): without a surrogate escape in it, there is nothing to look for."""
    if source is not None and _SURROGATE_ESCAPE.search(source) is None:
        return False
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _ids(payload: dict[str, Any]) -> dict[str, str]:
    """Identifiers only (never text) for the log line of a rejected request."""
    out: dict[str, str] = {}
    for key in ("type", "event_id", "team_id", "api_app_id", "callback_id", "command"):
        value = payload.get(key)
        if isinstance(value, str) and len(value) <= 64:
            out[key] = value
    event = payload.get("event")
    if isinstance(event, dict) and isinstance(event.get("type"), str):
        out["event_type"] = event["type"][:64]
    user = payload.get("user")
    if isinstance(user, dict) and isinstance(user.get("id"), str):
        out["user"] = user["id"][:32]
    return out


def _str(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _user_dict(payload: dict[str, Any]) -> bool:
    user = payload.get("user")
    return isinstance(user, dict) and _str(user.get("id"))


def check_envelope(payload: Any, source: str | None = None) -> Rejection | None:
    """An Events API body: a known envelope type; an event_callback carries an event object.
    `source`: the JSON text the payload was decoded from, when there was one."""
    if not isinstance(payload, dict):
        return Rejection(400, "not_an_object")
    if _has_lone_surrogate(payload, source):
        return Rejection(400, "lone_surrogate", _ids(payload))
    kind = payload.get("type")
    if not isinstance(kind, str) or kind not in ENVELOPE_TYPES:
        return Rejection(400, "unknown_envelope", _ids(payload))
    if kind == "event_callback":
        event = payload.get("event")
        well_formed = isinstance(event, dict) and _str(event.get("type"))
        if not (well_formed and _str(payload.get("event_id"))):
            return Rejection(400, "malformed_event", _ids(payload))
    return None


def check_interaction(payload: Any, source: str | None = None) -> Rejection | None:
    """An interactivity payload of a type Undertone handles, with the fields that type needs.
    `source`: the JSON text the payload was decoded from, when there was one."""
    if not isinstance(payload, dict):
        return Rejection(400, "not_an_object")
    if _has_lone_surrogate(payload, source):
        return Rejection(400, "lone_surrogate", _ids(payload))
    kind = payload.get("type")
    if not isinstance(kind, str) or kind not in INTERACTION_TYPES:
        return Rejection(400, "unknown_interaction", _ids(payload))
    if not _user_dict(payload):
        return Rejection(400, "malformed_interaction", _ids(payload))
    if kind == "block_actions":
        actions = payload.get("actions")
        if not (
            isinstance(actions, list)
            and actions
            and all(isinstance(a, dict) and _str(a.get("action_id")) for a in actions)
        ):
            return Rejection(400, "no_actions", _ids(payload))
    elif kind in ("view_submission", "view_closed"):
        view = payload.get("view")
        if not (isinstance(view, dict) and isinstance(view.get("callback_id"), str)):
            return Rejection(400, "malformed_view", _ids(payload))
    elif not _str(payload.get("callback_id")):
        return Rejection(400, "malformed_shortcut", _ids(payload))
    return None


def check_form(fields: dict[str, str]) -> Rejection | None:
    """A form body: an interaction (`payload=`), a slash command, or Slack's `ssl_check`."""
    if "payload" in fields:
        try:
            payload = json.loads(fields["payload"])
        except ValueError:
            return Rejection(400, "payload_not_json")
        return check_interaction(payload, fields["payload"])
    if fields.get("ssl_check"):
        return None
    if _str(fields.get("command")) and _str(fields.get("user_id")):
        return None
    return Rejection(400, "unknown_form", {k: fields[k][:64] for k in ("team_id",) if k in fields})


def check_body(raw: bytes, content_type: str) -> tuple[str, Rejection | None]:
    """The body as text (for Bolt) or why it is refused."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "", Rejection(400, "invalid_utf8")
    if content_type == "application/json":
        try:
            return text, check_envelope(json.loads(text), text)
        except ValueError:
            return text, Rejection(400, "invalid_json")
        except RecursionError:  # absurdly deep nesting
            return text, Rejection(400, "json_too_deep")
    try:
        fields = dict(parse_qsl(text, keep_blank_values=True, errors="strict", max_num_fields=200))
    except (UnicodeDecodeError, ValueError):
        return text, Rejection(400, "invalid_form")
    return text, check_form(fields)


def check_socket_payload(kind: str, payload: Any) -> Rejection | None:
    """A Socket Mode envelope's payload, by envelope type (signatures do not apply there)."""
    if kind == "events_api":
        return check_envelope(payload)
    if kind == "interactive":
        return check_interaction(payload)
    if kind == "slash_commands":
        if (
            isinstance(payload, dict)
            and _str(payload.get("command"))
            and _str(payload.get("user_id"))
        ):
            return None
        return Rejection(400, "malformed_command")
    return None  # hello, disconnect and the like are the client's business
