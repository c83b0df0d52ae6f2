"""Supervisor alert buttons and their modals: claim, join, reassign, false alarm."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot import flows
from bot.services import Services
from bot.slack import alert_blocks
from bot.slack.ids import BlockId


def _user(body: dict[str, Any]) -> str:
    return str((body.get("user") or {}).get("id") or "")


async def handle_alert_claim(
    ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """ "I'm on it": the alert updates for everyone with who and when; the agent is told."""
    await ack()
    services: Services = context["services"]
    await flows.alert_action(services, str(action.get("value") or ""), _user(body), "claim")


async def handle_alert_join(ack: AsyncAck) -> None:
    """ "Join thread" is a link button; Slack still sends the click, which we acknowledge."""
    await ack()


async def handle_alert_reassign(
    ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """Open the reassign modal (pick a person)."""
    await ack()
    services: Services = context["services"]
    view = alert_blocks.reassign_modal(str(action.get("value") or ""))
    await services.notifier.open_modal(trigger_id=str(body.get("trigger_id")), view=view)


async def handle_alert_false_alarm(
    ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """Open the false-alarm modal (reason optional)."""
    await ack()
    services: Services = context["services"]
    view = alert_blocks.false_alarm_modal(str(action.get("value") or ""))
    await services.notifier.open_modal(trigger_id=str(body.get("trigger_id")), view=view)


def _input(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    values = ((view.get("state") or {}).get("values") or {}).get(block_id) or {}
    return next(iter(values.values()), {}) if values else {}


async def handle_false_alarm_submitted(
    ack: AsyncAck, view: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """Record the false alarm (and its reason) and close the alert."""
    await ack()
    services: Services = context["services"]
    reason = str(_input(view, BlockId.FALSE_ALARM_REASON.value).get("value") or "")[:500]
    await flows.alert_action(
        services, str(view.get("private_metadata") or ""), _user(body), "false_alarm", reason=reason
    )


async def handle_reassign_submitted(
    ack: AsyncAck, view: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """Hand the alert to the chosen person."""
    await ack()
    services: Services = context["services"]
    chosen = str(_input(view, BlockId.REASSIGN_USER.value).get("selected_user") or _user(body))
    await flows.alert_action(services, str(view.get("private_metadata") or ""), chosen, "reassign")
