"""Slash commands."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from handlers.commands.playbook import handle_playbook


def register(app: AsyncApp) -> None:
    app.command("/playbook")(handle_playbook)
