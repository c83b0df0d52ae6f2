"""/playbook [topic]: acked at once, answered ephemerally through the response_url."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot import flows
from bot.services import Services


async def handle_playbook(
    ack: AsyncAck, respond: AsyncRespond, command: dict[str, Any], context: dict[str, Any]
) -> None:
    """Answer with the topic list, a playbook card, or suggestions for an unknown topic."""
    await ack()
    services: Services = context["services"]
    message = flows.answer_playbook(services, str(command.get("text") or ""))
    await respond(response_type="ephemeral", replace_original=False, **message)
