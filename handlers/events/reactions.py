"""A check-mark reaction resolves a thread: made durable before the ack, handled by a worker."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.response import BoltResponse

from bot.services import Services

log = logging.getLogger("undertone.events")


def _id(value: Any) -> str:
    return value[:64] if isinstance(value, str) else ""


async def resolving_reaction(
    body: dict[str, Any],
    context: dict[str, Any],
    next: Callable[[], Awaitable[BoltResponse | None]],
) -> BoltResponse | None:
    """Queue a resolving reaction (the team's `resolution.reactions`) once; others are ignored."""
    services: Services = context["services"]
    event = body.get("event") or {}
    raw = event.get("item")
    item: dict[str, Any] = raw if isinstance(raw, dict) else {}
    names = services.phrasebook.followup.resolution.reactions
    fields = {
        "kind": "resolve",
        "event_id": _id(body.get("event_id")),
        "team": _id(body.get("team_id")),
        "channel": _id(item.get("channel")),
        "ts": _id(item.get("ts")),
        "user": _id(event.get("user")),
    }
    if event.get("reaction") in names and item.get("type") == "message" and all(fields.values()):
        source = _id(body.get("api_app_id")) or fields["team"]
        await services.store.enqueue(source, fields["event_id"], fields)
        log.info("reaction_taken_in", extra={k: fields[k] for k in ("channel", "ts", "event_id")})
    return await next()


async def noted() -> None:
    """Nothing left to do before the ack."""
