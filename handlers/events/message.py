"""The business message listener (work is already queued by the intake middleware) and the
catch-all."""

from __future__ import annotations

import logging
from typing import Any

from bot.services import Services
from bot.slack.payloads import is_human_message

log = logging.getLogger("undertone.events")


async def is_support_message(body: dict[str, Any], context: dict[str, Any]) -> bool:
    """A human message in a channel Undertone watches."""
    event = body.get("event") or {}
    if not is_human_message(event) or event.get("channel_type") == "im":
        return False
    services: Services = context["services"]
    watched = services.settings.support_channels
    return not watched or event.get("channel") in watched


async def is_practice_message(body: dict[str, Any]) -> bool:
    """A person's message in their DM with Undertone (a practice round's reply)."""
    event = body.get("event") or {}
    return is_human_message(event) and event.get("channel_type") == "im"


async def accepted() -> None:
    """Nothing left to do before the ack: the intake middleware made the event durable."""


async def ignore_other_messages(body: dict[str, Any]) -> None:
    """Edits, deletions, joins, bot posts and unwatched channels: acknowledged and ignored."""
    event = body.get("event") or {}
    log.debug(
        "message_ignored", extra={"subtype": event.get("subtype"), "event_id": body.get("event_id")}
    )
