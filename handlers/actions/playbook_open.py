"""A topic button on the /playbook list opens that playbook card in place."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot import flows
from bot.services import Services
from bot.slack.blocks import playbook_reply
from handlers import access


async def handle_playbook_open(
    ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """Replace the topic list with the chosen card (agents and supervisors only)."""
    await ack()
    services: Services = context["services"]
    caller = access.Caller.of(body)
    if not await access.allow_support_team(services, caller, what="playbook_open"):
        return
    message = playbook_reply(flows.answer_playbook(services, str(action.get("value") or "")))
    if caller.response_url:
        await services.notifier.answer(
            caller.response_url,
            message,
            user=caller.user,
            channel=caller.channel,
            internal=True,
            replace_original=True,
            original_is_visible=caller.original_is_visible,
        )
