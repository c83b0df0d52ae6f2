"""/playbook [topic]: acked at once, answered ephemerally through the response_url."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot import flows
from bot.services import Services
from bot.slack.blocks import playbook_reply
from handlers import access


async def handle_playbook(ack: AsyncAck, command: dict[str, Any], context: dict[str, Any]) -> None:
    """Answer an agent or supervisor with the topic list, a playbook card, or suggestions for an
    unknown topic; anyone else gets a neutral "for the support team"."""
    await ack()
    services: Services = context["services"]
    caller = access.Caller.of(command)
    if await access.allow(
        services,
        caller,
        what="playbook_command",
        needs=access.is_support_team,
        refusal=services.phrasebook.access.support_team_only,
    ):
        message = playbook_reply(flows.answer_playbook(services, str(command.get("text") or "")))
        await access.answer_privately(services, caller, message)
