"""Global middleware: hand the services bundle to every listener."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.response import BoltResponse

from bot.services import Services


def inject_services(services: Services) -> Callable[..., Awaitable[BoltResponse | None]]:
    async def middleware(
        context: dict[str, Any], next: Callable[[], Awaitable[BoltResponse | None]]
    ) -> BoltResponse | None:
        context["services"] = services
        return await next()

    return middleware
