"""App Home: whispers vanish on reload, so each agent's active threads and hints live here too;
what a person sees depends on their role (see `flows.publish_home`)."""

from __future__ import annotations

from typing import Any

from bot import flows
from bot.services import Services


async def handle_app_home_opened(event: dict[str, Any], context: dict[str, Any]) -> None:
    """Publish the user's home tab when they open it."""
    user = event.get("user")
    is_user = isinstance(user, str) and user.startswith(("U", "W"))
    if event.get("tab", "home") != "home" or not is_user:
        return
    services: Services = context["services"]
    await flows.publish_home(services, str(user))
