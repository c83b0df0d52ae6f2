"""Channel sharing and membership events: they keep the leak guard's picture of channels true.

The work happens in a listener middleware, before Slack gets its 200: if the mark cannot be
stored, Slack gets a 500 and delivers the event again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.response import BoltResponse

from bot.services import Services

log = logging.getLogger("undertone.events")

SHARING_EVENTS = (
    "channel_shared",
    "channel_unshared",
    "member_joined_channel",
    "member_left_channel",
)


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


async def sharing_changed(
    body: dict[str, Any],
    event: dict[str, Any],
    context: dict[str, Any],
    next: Callable[[], Awaitable[BoltResponse | None]],
) -> BoltResponse | None:
    """Shared: no more visible posts into the channel. Unshared: forget the mark (Slack is asked
    again before the next post). A member from outside joined: shared. Anyone joined or left:
    the channel and its members are read again."""
    services: Services = context["services"]
    kind, channel = _str(event.get("type")), _str(event.get("channel"))
    if not channel:
        log.warning(
            "event_dropped_invalid",
            extra={"event_id": str(body.get("event_id"))[:64], "reason": "event.channel"},
        )
        return await next()
    if kind == "channel_shared":
        await services.guard.channel_shared(channel)
    elif kind == "channel_unshared":
        await services.guard.channel_unshared(channel)
    elif kind == "member_joined_channel":
        user, team = _str(event.get("user")), _str(event.get("team"))
        await services.guard.member_joined(channel, user, team)
    else:
        services.directory.forget_members(channel)
    return await next()


async def noted() -> None:
    """Nothing left to do after the middleware."""
