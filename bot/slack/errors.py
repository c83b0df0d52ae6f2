"""What a failed Web API call means for delivery: retry (when), or give up.

Slack answers errors in several shapes: JSON `ok: false` with an error code, a 429 with
`Retry-After`, a 5xx whose body may be HTML or empty, or no answer at all (timeouts, refused
connections). Every one of them becomes a `SendFailed` here, in one place.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError

from bot.effects import SendFailed

# Codes after which the same call cannot succeed later: the effect is given up.
PERMANENT_CODES = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "user_not_in_channel",
        "user_not_found",
        "cant_update_message",
        "message_not_found",
        "edit_window_closed",
        "msg_too_long",
        "no_text",
        "invalid_blocks",
        "invalid_blocks_format",
        "invalid_arguments",
        "invalid_arg_name",
        "missing_scope",
        "restricted_action",
        "cannot_reply_to_message",
        "messages_tab_disabled",
        "leak_guard",
    }
)


def error_code(exc: BaseException) -> str:
    """Slack's error code of a failed call ("" when the answer carried none, e.g. an HTML 500)."""
    if isinstance(exc, SlackApiError):
        data: Any = getattr(exc.response, "data", None)
        if isinstance(data, dict):
            return str(data.get("error") or "")
    return ""


def _status(exc: SlackApiError) -> int:
    return int(getattr(exc.response, "status_code", 0) or 0)


def _retry_after(exc: SlackApiError) -> float | None:
    headers: Any = getattr(exc.response, "headers", None) or {}
    value = headers.get("Retry-After") or headers.get("retry-after")
    try:
        return max(0.0, float(value)) if value is not None else None
    except (TypeError, ValueError):
        return None


def send_failure(exc: BaseException) -> SendFailed:
    """Classify an exception raised by a Web API call."""
    if isinstance(exc, SendFailed):
        return exc
    if isinstance(exc, SlackApiError):
        status, code = _status(exc), error_code(exc)
        if status == 429 or code == "ratelimited":
            wait = _retry_after(exc)
            return SendFailed("ratelimited", retry_after=1.0 if wait is None else wait)
        if status >= 500 or status == 408:
            return SendFailed(f"http_{status}" + (f"_{code}" if code else ""))
        if code in PERMANENT_CODES:
            return SendFailed(code, permanent=True)
        return SendFailed(code or f"http_{status}")  # auth and unknown errors: retry to deadline
    if isinstance(exc, aiohttp.ClientError | TimeoutError | OSError):
        return SendFailed(f"unreachable_{type(exc).__name__}")
    return SendFailed(f"error_{type(exc).__name__}")
