"""Event listeners: the one business message listener, App Home, channel sharing and membership,
and catch-alls registered last."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from handlers.events.app_home import handle_app_home_opened
from handlers.events.channels import SHARING_EVENTS, noted, sharing_changed
from handlers.events.intake import durable_intake
from handlers.events.message import (
    accepted,
    ignore_other_messages,
    is_practice_message,
    is_support_message,
)
from handlers.events.reactions import resolving_reaction


def register(app: AsyncApp) -> None:
    app.event("message", matchers=[is_support_message], middleware=[durable_intake])(accepted)
    app.event("message", matchers=[is_practice_message], middleware=[durable_intake])(accepted)
    app.event("reaction_added", middleware=[resolving_reaction])(accepted)
    app.event("app_home_opened")(handle_app_home_opened)
    for kind in SHARING_EVENTS:
        app.event(kind, middleware=[sharing_changed])(noted)
    app.event("message")(ignore_other_messages)  # last: edits, joins, bot posts -> 200, never 404
