"""Whisper buttons: "Used it", "Not helpful", "Snooze thread"."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot import flows
from bot.services import Services
from bot.slack.blocks import hint_feedback_ack
from bot.slack.ids import ActionId
from handlers import access

KINDS = {
    ActionId.HINT_USED.value: "used",
    ActionId.HINT_NOT_HELPFUL.value: "not_helpful",
    ActionId.HINT_SNOOZE.value: "snooze",
}


async def handle_hint_feedback(
    ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """Count the feedback once, then replace the whisper ("not helpful" removes it)."""
    await ack()
    services: Services = context["services"]
    caller = access.Caller.of(body)
    if not await access.allow_support_team(services, caller, what="hint_feedback"):
        return
    kind = KINDS[str(action.get("action_id"))]
    value = str(action.get("value") or "")
    shown = await flows.record_hint_feedback(services, caller.user, value, kind)
    message = hint_feedback_ack(shown)
    if caller.response_url:
        await services.notifier.answer(
            caller.response_url,
            message,
            user=caller.user,
            channel=caller.channel,
            internal=True,
            replace_original=kind != "not_helpful",
            delete_original=kind == "not_helpful",
            original_is_visible=caller.original_is_visible,
        )
