"""The "Mark resolved" button (App Home, promise reminders): the thread's record is kept."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot.flows import followup
from bot.flows.home import publish_home
from bot.services import Services
from bot.slack.followup_blocks import resolve_ref
from bot.stores.keys import ThreadRef
from handlers import access


async def handle_resolve(
    ack: AsyncAck, action: dict[str, Any], body: dict[str, Any], context: dict[str, Any]
) -> None:
    """Resolve the thread the button names (support team only), then refresh the caller's home."""
    await ack()
    services: Services = context["services"]
    caller = access.Caller.of(body)
    if not await access.allow_support_team(services, caller, what="thread_resolve"):
        return
    thread = resolve_ref(str(action.get("value") or ""))
    if thread is None:
        return
    await followup.resolve(services, ThreadRef.parse(thread), "button")
    await publish_home(services, caller.user)
