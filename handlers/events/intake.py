"""Durable before the 200: the listener middleware that dedupes and queues an event in one
script."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot import metrics
from bot.services import Services
from bot.slack.payloads import inbound_message, invalid_reason

log = logging.getLogger("undertone.intake")


def _id(value: Any) -> str:
    return value[:64] if isinstance(value, str) else ""


async def durable_intake(
    body: dict[str, Any],
    context: dict[str, Any],
    request: AsyncBoltRequest,
    next: Callable[[], Awaitable[BoltResponse | None]],
) -> BoltResponse | None:
    """Queue the message once; a store failure raises, Bolt answers 500 and Slack retries."""
    message = inbound_message(body)
    if message is None:  # looked like a human message, but its fields do not hold up
        event: dict[str, Any] = body.get("event") or {}
        log.warning(
            "event_dropped_invalid",
            extra={
                "event_id": _id(body.get("event_id")),
                "channel": _id(event.get("channel")),
                "reason": invalid_reason(body),
            },
        )
        return await next()
    services: Services = context["services"]
    retry = (request.headers.get("x-slack-retry-num") or ["0"])[0]
    new = await services.store.enqueue(message.source, message.event_id, message.to_fields())
    (metrics.EVENTS_TAKEN_IN if new else metrics.EVENTS_DUPLICATE).inc()
    # debug: a line per Slack request cost a tenth of serve's CPU at hundreds a second; the
    # counters above and the worker's `message_assessed` line carry the same facts
    log.debug(
        "event_taken_in" if new else "event_duplicate",
        extra={
            "team": message.team,
            "channel": message.channel,
            "thread_ts": message.thread_ts,
            "event_id": message.event_id,
            "retry": retry,
        },
    )
    return await next()
