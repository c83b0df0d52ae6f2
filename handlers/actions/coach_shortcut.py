"""Message shortcut "Coach me on this thread": slash commands do not work in threads, this does."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot import flows
from bot.services import Services
from bot.slack.blocks import coach_reading_message
from handlers import access


async def handle_coach_shortcut(
    ack: AsyncAck, shortcut: dict[str, Any], context: dict[str, Any]
) -> None:
    """Whisper the thread's current reading and best next step to an agent or supervisor who
    asked; anyone else gets a neutral "for the support team"."""
    await ack()
    services: Services = context["services"]
    caller = access.Caller.of(shortcut)
    message = access.field(shortcut, "message")
    thread_ts = access.text(message.get("thread_ts")) or access.text(message.get("ts"))
    team = access.text(context.get("team_id"))
    team = team or access.text(access.field(shortcut, "team").get("id"))
    if not (caller.channel and caller.user and thread_ts):
        return
    if not await access.allow_support_team(services, caller, what="coach_shortcut"):
        return
    reading = await flows.coach_reading(services, team, caller.channel, thread_ts)
    message = coach_reading_message(reading.assessment, reading.progress, reading.hint)
    await services.notifier.whisper(
        channel=caller.channel, user=caller.user, thread_ts=thread_ts, message=message
    )
