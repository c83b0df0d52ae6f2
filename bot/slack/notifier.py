"""The only code that sends to Slack on Undertone's behalf (whispers, pings, App Home, modals,
response_url answers); every send passes the leak guard (`bot.slack.guard`) first.

Rules it enforces: whispers are ephemeral (`chat.postEphemeral`) to one person of our
organisation, in the thread; visible messages (`chat.postMessage`, `chat.update`) go only to
channels proven internal and not shared, or to an agent's DM.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot import metrics
from bot.slack.client import make_web_client
from bot.slack.guard import LeakGuard, LeakGuardError, LeakGuardUnsure

__all__ = ["LeakGuardError", "LeakGuardUnsure", "Posted", "SlackNotifier", "make_client"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Posted:
    channel: str
    ts: str


def make_client(token: str, base_url: str) -> AsyncWebClient:
    """A Web API client with retries on 429 (honouring Retry-After) and connection errors; every
    call and 429 is counted (see `bot.slack.client`)."""
    return make_web_client(token, base_url)


class SlackNotifier:
    """Posts whispers, supervisor pings and App Home views."""

    def __init__(self, client: AsyncWebClient, *, guard: LeakGuard) -> None:
        self.client = client
        self.guard = guard

    async def whisper(
        self, *, channel: str, user: str, thread_ts: str, message: dict[str, Any]
    ) -> bool:
        """An ephemeral hint to one agent in the thread; falls back to a DM when they are not in
        it."""
        await self.guard.to_person(user)
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
        await self.guard.to_person(user)  # a DM: its own check, whatever happened above
        await self.client.chat_postMessage(
            channel=user, text=message["text"], blocks=message.get("blocks")
        )
        return True

    async def post_internal(
        self, *, channel: str, message: dict[str, Any], thread_ts: str | None = None
    ) -> Posted:
        """A visible message in an internal channel (supervisor pings). Never a shared channel."""
        await self.guard.visible(channel)
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
        await self.guard.visible(channel)
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

    async def publish_home(self, *, user: str, view: dict[str, Any], internal: bool) -> None:
        if internal:
            await self.guard.to_person(user)
        await self.client.views_publish(user_id=user, view=view)

    async def open_modal(self, *, user: str, trigger_id: str, view: dict[str, Any]) -> None:
        """A modal for the person who clicked (an expired or bad trigger is logged, not raised)."""
        await self.guard.to_person(user)
        try:
            await self.client.views_open(trigger_id=trigger_id, view=view)
        except SlackApiError as exc:
            log.warning("modal_failed", extra={"error": exc.response.get("error"), "user": user})

    async def answer(
        self,
        response_url: str,
        message: dict[str, Any],
        *,
        user: str,
        channel: str,
        internal: bool,
        replace_original: bool = False,
        delete_original: bool = False,
        original_is_visible: bool = False,
    ) -> None:
        """Answer an interaction through its `response_url`: always privately (ephemeral), or by
        replacing / deleting the message the click came from. `internal` says whether the answer
        holds anything only our organisation may read."""
        changes = replace_original or delete_original
        await self.guard.answer(
            user=user,
            channel=channel,
            replaces_visible=changes and original_is_visible,
            internal=internal,
        )
        body: dict[str, Any] = {"response_type": "ephemeral"}
        if delete_original:
            body["delete_original"] = True
        else:
            body |= {"replace_original": replace_original, **message}
        if not response_url.startswith(("https://", "http://")):
            log.warning("response_url_failed", extra={"reason": "not_a_url", "user": user})
            return
        try:
            resp = await AsyncWebhookClient(response_url, timeout=5).send_dict(body)
        except (aiohttp.ClientError, ValueError, TimeoutError) as exc:
            metrics.slack_call("response_url", type(exc).__name__)
            log.warning("response_url_failed", extra={"error": type(exc).__name__, "user": user})
            return
        ok = resp.status_code < 400
        metrics.slack_call("response_url", "ok" if ok else f"http_{resp.status_code}")
        if not ok:
            log.warning("response_url_failed", extra={"status": resp.status_code, "user": user})
