"""The only code that posts to Slack on Undertone's own initiative (whispers, pings, App Home).

Rules it enforces: whispers are ephemeral (`chat.postEphemeral`) to one agent, in the thread;
visible messages
(`chat.postMessage`) go only to internal channels that are not Slack Connect channels, or to an
agent's DM.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)


class LeakGuardError(Exception):
    """Refused: a visible post was about to go to a channel customers can read."""


@dataclass(frozen=True, slots=True)
class Posted:
    channel: str
    ts: str


def make_client(token: str, base_url: str) -> AsyncWebClient:
    """A Web API client with retries on 429 (honouring Retry-After) and connection errors."""
    client = AsyncWebClient(token=token, base_url=base_url)
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=2))
    return client


class SlackNotifier:
    """Posts whispers, supervisor pings and App Home views."""

    def __init__(self, client: AsyncWebClient, *, internal: frozenset[str] = frozenset()) -> None:
        self.client = client
        self._internal = internal  # channels configured as internal (supervisor channel, routes)
        self._shared: dict[str, bool] = {}

    async def _is_shared(self, channel: str) -> bool:
        """True unless the channel is known to be internal; events and Slack are asked first."""
        if channel.startswith("D"):
            return False
        if channel not in self._shared:
            try:
                resp = await self.client.conversations_info(channel=channel)
                info = resp.get("channel") or {}
                self._shared[channel] = bool(info.get("is_ext_shared") or info.get("is_shared"))
            except SlackApiError as exc:
                # cannot ask Slack: only a channel configured as internal may be posted into
                log.warning("channel_info_failed", extra={"error": exc.response.get("error")})
                return channel not in self._internal
        return self._shared[channel]

    def forget_shared(self, channel: str, shared: bool) -> None:
        """Record what an event told us about a channel (saves a conversations.info call)."""
        self._shared[channel] = shared

    async def whisper(
        self, *, channel: str, user: str, thread_ts: str, message: dict[str, Any]
    ) -> bool:
        """An ephemeral hint to one agent in the thread; falls back to a DM when they are not in
        it."""
        try:
            await self.client.chat_postEphemeral(
                channel=channel,
                user=user,
                thread_ts=thread_ts,
                text=message["text"],
                blocks=message.get("blocks"),
            )
            return True
        except SlackApiError as exc:
            error = exc.response.get("error")
            if error not in ("user_not_in_channel", "channel_not_found", "not_in_channel"):
                raise
            log.info("whisper_fallback_dm", extra={"error": error, "channel": channel})
        await self.client.chat_postMessage(
            channel=user, text=message["text"], blocks=message.get("blocks")
        )
        return True

    async def post_internal(
        self, *, channel: str, message: dict[str, Any], thread_ts: str | None = None
    ) -> Posted:
        """A visible message in an internal channel (supervisor pings). Never a shared channel."""
        if await self._is_shared(channel):
            raise LeakGuardError(f"refusing to post into shared channel {channel}")
        extra: dict[str, Any] = (
            {"thread_ts": thread_ts, "reply_broadcast": True} if thread_ts else {}
        )
        resp = await self.client.chat_postMessage(
            channel=channel,
            text=message["text"],
            blocks=message.get("blocks"),
            unfurl_links=False,
            **extra,
        )
        return Posted(str(resp.get("channel") or channel), str(resp["ts"]))

    async def update_internal(self, *, channel: str, ts: str, message: dict[str, Any]) -> None:
        if await self._is_shared(channel):
            raise LeakGuardError(f"refusing to update a message in shared channel {channel}")
        await self.client.chat_update(
            channel=channel, ts=ts, text=message["text"], blocks=message.get("blocks")
        )

    async def permalink(self, *, channel: str, ts: str) -> str:
        try:
            resp = await self.client.chat_getPermalink(channel=channel, message_ts=ts)
            return str(resp.get("permalink") or "")
        except SlackApiError as exc:
            log.warning("permalink_failed", extra={"error": exc.response.get("error")})
            return ""

    async def publish_home(self, *, user: str, view: dict[str, Any]) -> None:
        await self.client.views_publish(user_id=user, view=view)

    async def open_modal(self, *, trigger_id: str, view: dict[str, Any]) -> None:
        await self.client.views_open(trigger_id=trigger_id, view=view)
