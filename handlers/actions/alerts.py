"""Supervisor alert buttons and their modals: claim, join, reassign, false alarm.

Only supervisors may use them: anyone else gets a private "only supervisors" and nothing changes
(no modal opens, the alert is not touched, nobody is told).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot import flows
from bot.services import Services
from bot.slack import alert_blocks
from bot.slack.ids import BlockId
from bot.slack.payloads import AlertRef
from handlers import access

log = logging.getLogger("undertone.access")
VALUE_LIMIT = 2000  # Slack's limit for a button value and a modal's private_metadata


def _alert(value: Any, what: str) -> str | None:
    """The button's alert reference, when it is one Undertone could have made."""
    if isinstance(value, str) and len(value) <= VALUE_LIMIT and AlertRef.decode(value):
        return value
    log.warning("action_dropped_invalid", extra={"what": what, "reason": "alert_ref"})
    return None


async def _supervisor(services: Services, body: dict[str, Any], what: str) -> bool:
    return await access.allow(
        services,
        access.Caller.of(body),
        what=what,
        needs=access.is_supervisor,
        refusal=services.phrasebook.access.supervisors_only,
    )


async def handle_alert_claim(
    ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """ "I'm on it": the alert updates for everyone with who and when; the agent is told."""
    await ack()
    services: Services = context["services"]
    if not await _supervisor(services, body, "alert_claim"):
        return
    if value := _alert(action.get("value"), "alert_claim"):
        await flows.alert_action(services, value, access.Caller.of(body).user, "claim")


async def handle_alert_join(ack: AsyncAck, body: dict[str, Any], context: dict[str, Any]) -> None:
    """ "Join thread" is a link button; Slack still sends the click, which we acknowledge."""
    await ack()
    await _supervisor(context["services"], body, "alert_join")


async def handle_alert_reassign(
    ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """Open the reassign modal (pick a person)."""
    await ack()
    services: Services = context["services"]
    if not await _supervisor(services, body, "alert_reassign"):
        return
    if value := _alert(action.get("value"), "alert_reassign"):
        view = alert_blocks.reassign_modal(value)
        await services.notifier.open_modal(
            user=access.Caller.of(body).user, trigger_id=str(body.get("trigger_id")), view=view
        )


async def handle_alert_false_alarm(
    ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """Open the false-alarm modal (reason optional)."""
    await ack()
    services: Services = context["services"]
    if not await _supervisor(services, body, "alert_false_alarm"):
        return
    if value := _alert(action.get("value"), "alert_false_alarm"):
        view = alert_blocks.false_alarm_modal(value)
        await services.notifier.open_modal(
            user=access.Caller.of(body).user, trigger_id=str(body.get("trigger_id")), view=view
        )


def _input(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    """The one input of a modal block (an odd shape reads as empty)."""
    values = access.field(access.field(access.field(view, "state"), "values"), block_id)
    first: Any = next(iter(values.values()), {})
    return first if isinstance(first, dict) else {}


async def _modal_refused(
    ack: AsyncAck, services: Services, body: dict[str, Any], block_id: BlockId
) -> bool:
    """A modal submitted by someone who is not (or no longer) a supervisor: shown an error."""
    caller = access.Caller.of(body)
    role = await access.role_of(services, caller)
    if access.is_supervisor(role):
        return False
    await access.refuse(services, caller, None, what="alert_modal", role=role)
    errors = {block_id.value: services.phrasebook.access.supervisors_only}
    await ack(response_action="errors", errors=errors)
    return True


async def handle_false_alarm_submitted(
    ack: AsyncAck, view: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """Record the false alarm (and its reason) and close the alert."""
    services: Services = context["services"]
    if await _modal_refused(ack, services, body, BlockId.FALSE_ALARM_REASON):
        return
    await ack()
    reason = access.text(_input(view, BlockId.FALSE_ALARM_REASON.value).get("value"))[:500]
    user = access.Caller.of(body).user
    value = access.text(view.get("private_metadata"))
    await flows.alert_action(services, value, user, "false_alarm", reason=reason)


async def handle_reassign_submitted(
    ack: AsyncAck, view: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """Hand the alert to the chosen person, who must be on the support team."""
    services: Services = context["services"]
    if await _modal_refused(ack, services, body, BlockId.REASSIGN_USER):
        return
    caller = access.Caller.of(body)
    chosen = access.text(_input(view, BlockId.REASSIGN_USER.value).get("selected_user"))
    chosen = chosen or caller.user
    if not (await services.directory.role_of(chosen)).is_support_team:
        errors = {BlockId.REASSIGN_USER.value: services.phrasebook.access.pick_support_person}
        await ack(response_action="errors", errors=errors)
        return
    await ack()
    value = access.text(view.get("private_metadata"))
    await flows.alert_action(services, value, chosen, "reassign")
