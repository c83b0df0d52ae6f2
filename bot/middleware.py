"""Global middleware: hand the services bundle to every listener; tell the leak guard about
every channel an event says is shared."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.response import BoltResponse

from bot.context import working_on
from bot.services import Services


def inject_services(services: Services) -> Callable[..., Awaitable[BoltResponse | None]]:
    async def middleware(
        context: dict[str, Any], next: Callable[[], Awaitable[BoltResponse | None]]
    ) -> BoltResponse | None:
        context["services"] = services
        authorized = context.get("authorize_result")
        team = getattr(authorized, "team_id", None) or context.get("team_id")
        if not isinstance(team, str):  # Bolt copies an odd payload's team field as it is
            team = None
        with working_on(team=team):  # Slack calls use this workspace's token; logs carry its id
            return await next()

    return middleware


def observe_sharing(services: Services) -> Callable[..., Awaitable[BoltResponse | None]]:
    """An envelope with `is_ext_shared_channel: true` marks its channel shared (it can only make
    a channel more shared, never less). Costs nothing once the channel is known."""

    async def middleware(
        body: dict[str, Any], next: Callable[[], Awaitable[BoltResponse | None]]
    ) -> BoltResponse | None:
        event = body.get("event")
        if body.get("is_ext_shared_channel") is True and isinstance(event, dict):
            channel = event.get("channel")
            if isinstance(channel, str) and channel.startswith(("C", "G")):
                await services.guard.saw_ext_shared(channel)  # a failure: 500, Slack retries
        return await next()

    return middleware
