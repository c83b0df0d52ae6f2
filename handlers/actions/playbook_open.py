"""A topic button on the /playbook list opens that playbook card in place."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot import flows
from bot.services import Services


async def handle_playbook_open(
    ack: AsyncAck, respond: AsyncRespond, action: dict[str, Any], context: dict[str, Any]
) -> None:
    """Replace the topic list with the chosen card."""
    await ack()
    services: Services = context["services"]
    message = flows.answer_playbook(services, str(action.get("value") or ""))
    await respond(replace_original=True, **message)
