"""Whisper buttons: "Used it", "Not helpful", "Snooze thread"."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot import flows
from bot.services import Services
from bot.slack.ids import ActionId

KINDS = {
    ActionId.HINT_USED.value: "used",
    ActionId.HINT_NOT_HELPFUL.value: "not_helpful",
    ActionId.HINT_SNOOZE.value: "snooze",
}


async def handle_hint_feedback(
    ack: AsyncAck,
    respond: AsyncRespond,
    action: dict[str, Any],
    body: dict[str, Any],
    context: dict[str, Any],
) -> None:
    """Count the feedback, then replace the whisper ("not helpful" removes it)."""
    await ack()
    services: Services = context["services"]
    kind = KINDS[str(action.get("action_id"))]
    user = str((body.get("user") or {}).get("id") or "")
    message = await flows.record_hint_feedback(services, user, str(action.get("value") or ""), kind)
    if kind == "not_helpful":
        await respond(delete_original=True)
    else:
        await respond(replace_original=True, **message)
