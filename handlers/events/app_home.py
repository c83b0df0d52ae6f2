"""App Home: whispers vanish on reload, so each agent's active threads and hints live here too."""

from __future__ import annotations

from typing import Any

from bot import flows
from bot.services import Services


async def handle_app_home_opened(event: dict[str, Any], context: dict[str, Any]) -> None:
    """Publish the user's home tab when they open it."""
    if event.get("tab", "home") != "home" or not event.get("user"):
        return
    services: Services = context["services"]
    await flows.publish_home(services, str(event["user"]))
