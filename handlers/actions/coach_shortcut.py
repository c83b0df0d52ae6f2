"""Message shortcut "Coach me on this thread": slash commands do not work in threads, this does."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot import flows
from bot.services import Services


async def handle_coach_shortcut(
    ack: AsyncAck, shortcut: dict[str, Any], context: dict[str, Any]
) -> None:
    """Whisper the thread's current reading and best next step to the person who asked."""
    await ack()
    services: Services = context["services"]
    message = shortcut.get("message") or {}
    channel = str((shortcut.get("channel") or {}).get("id") or "")
    user = str((shortcut.get("user") or {}).get("id") or "")
    thread_ts = str(message.get("thread_ts") or message.get("ts") or "")
    team = str(context.get("team_id") or (shortcut.get("team") or {}).get("id") or "")
    if not (channel and user and thread_ts):
        return
    reading = await flows.coach_reading(services, team, channel, thread_ts)
    await services.notifier.whisper(
        channel=channel, user=user, thread_ts=thread_ts, message=reading
    )
