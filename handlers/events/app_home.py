"""App Home: whispers vanish on reload, so each agent's active threads and hints live here too;
what a person sees depends on their role (see `flows.publish_home`)."""

from __future__ import annotations

import logging
from typing import Any

from bot import flows
from bot.services import Services

log = logging.getLogger("undertone.events")


async def handle_app_home_opened(
    body: dict[str, Any], event: dict[str, Any], context: dict[str, Any]
) -> None:
    """Publish the user's home tab when they open it."""
    if event.get("tab", "home") != "home":
        return  # the Messages tab
    user = event.get("user")
    if not (isinstance(user, str) and user.startswith(("U", "W"))):
        log.warning(
            "event_dropped_invalid",
            extra={"event_id": str(body.get("event_id"))[:64], "reason": "event.user"},
        )
        return
    services: Services = context["services"]
    await flows.home_opened(services, user)
