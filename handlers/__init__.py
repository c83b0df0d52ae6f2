"""All Slack listeners, registered in one place (order matters: catch-alls last)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from handlers import actions, commands, events
from handlers.errors import register_error_handler


def register_all(app: AsyncApp) -> None:
    events.register(app)
    commands.register(app)
    actions.register(app)
    register_error_handler(app)
