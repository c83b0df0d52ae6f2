"""One error handler: unhandled requests get a 200 (no retry storms); failures are logged by id
only."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.error import BoltUnhandledRequestError
from slack_bolt.response import BoltResponse

from bot.slack.guard import LeakGuardError, LeakGuardUnsure

log = logging.getLogger("undertone.errors")


async def on_error(error: Exception, body: dict[str, Any]) -> BoltResponse | None:
    """Translate errors: unknown payloads are acknowledged; real failures keep Bolt's 500."""
    if isinstance(error, BoltUnhandledRequestError):
        kind = body.get("type") or (body.get("event") or {}).get("type") or body.get("command")
        log.info("request_unhandled", extra={"kind": str(kind)})
        return BoltResponse(status=200, body="")
    if isinstance(error, LeakGuardError | LeakGuardUnsure):  # the guard logged why, with ids
        log.warning("request_stopped_by_leak_guard", extra={"error": type(error).__name__})
        return None
    error_id = uuid.uuid4().hex[:10]
    log.error(
        "request_failed",
        extra={"error_id": error_id, "error": type(error).__name__},
        exc_info=error,
    )
    return None


def register_error_handler(app: AsyncApp) -> None:
    app.error(on_error)
