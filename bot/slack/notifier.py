"""The only code that sends to Slack on Undertone's behalf (whispers, pings, App Home, modals,
response_url answers); every send passes the leak guard (`bot.slack.guard`) first.

Rules it enforces: whispers are ephemeral (`chat.postEphemeral`) to one person of our
organisation, in the thread; visible messages (`chat.postMessage`, `chat.update`) go only to
channels proven internal and not shared, or to an agent's DM.

Effects (`send_whisper`, `sync_alert`, `remind_alert`) are rendered here at send time with the
team's wording, and every failure comes out as a `SendFailed` saying whether and when to retry
(the guard refusing is permanent; the guard unsure is retried). Optional calls (`permalink`,
`message_text`) degrade and never raise.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot import metrics
from bot.core.briefing import Briefing
from bot.core.escalation import AlertState
from bot.effects import Receipt, SendFailed, Whisper
from bot.effects.home import HomeExtras, HomeThread, WatchedThread
from bot.slack import alert_blocks, blocks, render
from bot.slack.cache import TtlCache
from bot.slack.client import UndertoneWebClient, current_team, make_web_client
from bot.slack.errors import error_code, send_failure
from bot.slack.followup_blocks import digest as followup_digest
from bot.slack.followup_blocks import practice as followup_practice
from bot.slack.guard import LeakGuard, LeakGuardError, LeakGuardUnsure
from phrasebook.escalation import Wording

__all__ = ["LeakGuardError", "LeakGuardUnsure", "Posted", "SlackNotifier", "make_client"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Posted:
    channel: str
    ts: str


PERMALINKS_KEPT = 10_000
PERMALINK_SECONDS = 24 * 3600


def make_client(token: str, base_url: str) -> UndertoneWebClient:
    """A Web API client that fails fast; every call and 429 is counted (see `bot.slack.client`).
    A 429 is not retried in-process: delivery reschedules the effect after Retry-After."""
    return make_web_client(token, base_url)


def _delivery_failure(exc: BaseException) -> SendFailed:
    """What a failed send means for its effect: the guard refusing is final, unsure is not."""
    if isinstance(exc, LeakGuardError):
        return SendFailed("leak_guard", permanent=True)
    if isinstance(exc, LeakGuardUnsure):
        return SendFailed(f"leak_guard_unsure_{exc}")
    return send_failure(exc)


class SlackNotifier:
    """Posts whispers, supervisor pings and App Home views."""

    def __init__(
        self,
        client: AsyncWebClient,
        *,
        guard: LeakGuard,
        wording: Wording | None = None,
        fallback_permalink: Callable[[str, str], str] | None = None,
        followup: Mapping[str, str] | None = None,
    ) -> None:
        self.client = client
        self.guard = guard
        self.timeout = client.timeout
        self._wording = wording or alert_blocks.shipped_wording()
        self._followup = followup
        self._fallback_permalink = fallback_permalink
        # a message's link never changes: asked of Slack once per thread, not at every alert
        # render (an overflow message lists up to 20 alerts and is re-rendered on each change)
        self._permalinks: TtlCache[tuple[str, str, str], str] = TtlCache(
            size=PERMALINKS_KEPT, ttl=PERMALINK_SECONDS
        )

    async def close(self) -> None:
        """End the client's kept-alive connections to Slack (if it keeps any)."""
        if isinstance(self.client, UndertoneWebClient):
            await self.client.close()

    # --- messages (handlers answering a person, and the effects below) -------------------------

    async def whisper(
        self, *, channel: str, user: str, thread_ts: str, message: dict[str, Any]
    ) -> bool:
        """An ephemeral to one person in the thread; a DM when they are not in the channel."""
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
            error = error_code(exc)
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

    # --- effects (rendered here, at send time) ---------------------------------------------------

    async def send_whisper(self, w: Whisper) -> Receipt:
        """Deliver a whisper intent. Raises SendFailed."""
        message = render.whisper(w, self._wording, self._followup)
        try:
            await self.whisper(
                channel=w.channel, user=w.agent, thread_ts=w.thread_ts, message=message
            )
        except Exception as exc:
            raise _delivery_failure(exc) from exc
        return Receipt(channel=w.channel)

    async def sync_alert(
        self,
        *,
        channel: str,
        ts: str,
        briefing: Briefing,
        state: AlertState,
        thread: str,
    ) -> Receipt:
        """Show the alert as it stands: post it into `channel` (no `ts` yet) or edit it."""
        message = render.alert(briefing, state, thread, self._wording)
        try:
            if ts:
                await self.update_internal(channel=channel, ts=ts, message=message)
                return Receipt(channel=channel, ts=ts)
            posted = await self.post_internal(channel=channel, message=message)
        except Exception as exc:
            raise _delivery_failure(exc) from exc
        return Receipt(channel=posted.channel, ts=posted.ts, posted=True)

    async def channel_line(self, channel: str, *, own: bool = False) -> float:
        """Seconds a new post into `channel` would wait for its turn in the shared budget now
        (0: it would go at once, or the effect being sent holds its place already). `own`: until
        the place the effect being sent holds comes round (0: it holds none yet)."""
        budget = getattr(self.client, "budget", None)
        if budget is None:
            return 0.0
        return float(await budget.line(current_team.get(), channel, own=own))

    async def sync_overflow(
        self,
        *,
        channel: str,
        ts: str,
        alerts: Sequence[tuple[str, Briefing, AlertState]],
    ) -> Receipt:
        """Show a burst's alerts in one message: post it (no `ts` yet) or edit it."""
        message = render.overflow(alerts, self._wording)
        try:
            if ts:
                await self.update_internal(channel=channel, ts=ts, message=message)
                return Receipt(channel=channel, ts=ts, rolled_up=True)
            posted = await self.post_internal(channel=channel, message=message)
        except Exception as exc:
            raise _delivery_failure(exc) from exc
        return Receipt(channel=posted.channel, ts=posted.ts, posted=True, rolled_up=True)

    async def remind_alert(
        self, *, channel: str, ts: str, briefing: Briefing, thread: str, waited_seconds: float
    ) -> Receipt:
        """The one reminder: a broadcast reply under the alert message."""
        message = render.reminder(briefing, thread, waited_seconds, self._wording)
        try:
            posted = await self.post_internal(channel=channel, message=message, thread_ts=ts)
        except Exception as exc:
            raise _delivery_failure(exc) from exc
        return Receipt(channel=posted.channel, ts=posted.ts)

    async def post_rollup(
        self, *, channel: str, threads: Sequence[WatchedThread], more: int
    ) -> Receipt:
        """The watch tier's roll-up: one visible message into a supervisor channel."""
        message = render.rollup(threads, more, self._wording)
        try:
            posted = await self.post_internal(channel=channel, message=message)
        except Exception as exc:
            raise _delivery_failure(exc) from exc
        return Receipt(channel=posted.channel, ts=posted.ts, posted=True)

    async def remind_promise(
        self,
        *,
        channel: str,
        user: str,
        thread_ts: str,
        thread: str,
        quote: str,
        due_at: float,
        update: str,
    ) -> Receipt:
        """The private reminder of a promise come due, in the thread. Raises SendFailed."""
        message = render.promise_reminder(
            self._followup or {}, quote=quote, due_at=due_at, update=update, thread=thread
        )
        return await self._whisper_effect(
            channel=channel, user=user, thread_ts=thread_ts, message=message
        )

    async def suggest_check_in(
        self, *, channel: str, user: str, thread_ts: str, ago: str, topic: str
    ) -> Receipt:
        """The suggested check-in, some time after the thread was resolved. Raises SendFailed."""
        message = render.check_in(self._followup or {}, ago=ago, topic=topic)
        return await self._whisper_effect(
            channel=channel, user=user, thread_ts=thread_ts, message=message
        )

    async def _whisper_effect(
        self, *, channel: str, user: str, thread_ts: str, message: dict[str, Any]
    ) -> Receipt:
        try:
            await self.whisper(channel=channel, user=user, thread_ts=thread_ts, message=message)
        except Exception as exc:
            raise _delivery_failure(exc) from exc
        return Receipt(channel=channel, posted=True)

    async def post_digest(
        self, *, channel: str, lines: Sequence[str], png: bytes | None, title: str, alt: str
    ) -> Receipt:
        """The digest into a supervisor channel: one message, with its chart uploaded through
        Slack's files.getUploadURLExternal / upload / files.completeUploadExternal flow (only the
        text when there is no chart). Raises SendFailed."""
        try:
            await self.guard.visible(channel)
            if png is None:
                posted = await self.post_internal(channel=channel, message=followup_digest(lines))
                return Receipt(channel=posted.channel, ts=posted.ts, posted=True)
            comment = "\n".join([f"*{lines[0]}*", *lines[1:]])
            await self.client.files_upload_v2(
                channel=channel,
                content=png,
                filename="undertone-digest.png",
                title=title,
                alt_txt=alt,
                initial_comment=comment,
            )
        except Exception as exc:
            raise _delivery_failure(exc) from exc
        return Receipt(channel=channel, posted=True)

    async def post_practice(
        self, *, user: str, lines: Sequence[str], card: bool = False, quiet: bool = False
    ) -> None:
        """A practice message in the agent's own DM with Undertone (never into a channel)."""
        await self.guard.to_person(user)
        message = followup_practice(lines, card=card, quiet=quiet)
        await self.client.chat_postMessage(
            channel=user, text=message["text"], blocks=message.get("blocks")
        )

    # --- optional calls: degrade, never raise ----------------------------------------------------

    async def permalink(self, *, channel: str, ts: str) -> str:
        """The message's permalink; when Slack cannot say, one built from the workspace URL."""
        key = (current_team.get() or "", channel, ts)
        known = self._permalinks.get(key)
        if known:
            return known
        try:
            resp = await self.client.chat_getPermalink(channel=channel, message_ts=ts)
            link = str(resp.get("permalink") or "")
            if link:
                self._permalinks.put(key, link)
                return link
        except Exception as exc:
            log.warning(
                "permalink_failed",
                extra={"error": error_code(exc) or type(exc).__name__, "channel": channel},
            )
        return self._fallback_permalink(channel, ts) if self._fallback_permalink else ""

    async def thread_of(self, *, channel: str, ts: str) -> str | None:
        """The thread (parent ts) a message belongs to, read back from Slack; None when Slack
        cannot say. Raises nothing."""
        try:
            resp = await self.client.conversations_replies(channel=channel, ts=ts, limit=1)
        except Exception as exc:
            log.warning(
                "message_fetch_failed",
                extra={"error": error_code(exc) or type(exc).__name__, "channel": channel},
            )
            return None
        for message in resp.get("messages") or []:
            return str(message.get("thread_ts") or message.get("ts") or "") or None
        return None

    async def message_text(self, *, channel: str, ts: str, thread_ts: str) -> str | None:
        """A message's text, read back from Slack (replaying a dead letter, whose text was not
        kept). None when Slack cannot say; raises nothing."""
        try:
            resp = await self.client.conversations_replies(
                channel=channel, ts=thread_ts, oldest=ts, latest=ts, inclusive=True, limit=2
            )  # the parent comes first, whatever the range: two to reach the message itself
        except Exception as exc:
            log.warning(
                "message_fetch_failed",
                extra={"error": error_code(exc) or type(exc).__name__, "channel": channel},
            )
            return None
        for message in resp.get("messages") or []:
            if message.get("ts") == ts:
                return str(message.get("text") or "")
        return None

    # --- views ---------------------------------------------------------------------------------

    async def publish_home(
        self,
        *,
        user: str,
        threads: Sequence[HomeThread],
        alerts: Sequence[tuple[str, AlertState, Briefing]] | None,
        watched: Sequence[WatchedThread] = (),
        extras: HomeExtras | None = None,
    ) -> None:
        """Publish an agent's or supervisor's App Home (`alerts` None: no alert section; the
        heating-up list only beside it; `extras`: promises and growth)."""
        await self.guard.to_person(user)
        view = render.home(threads, alerts, self._wording, watched, extras, self._followup)
        await self.client.views_publish(user_id=user, view=view)

    async def publish_notice_home(self, *, user: str, title: str, text: str) -> None:
        """The Home tab of someone with no part in support: an explanation and nothing else."""
        await self.client.views_publish(user_id=user, view=blocks.notice_home_view(title, text))

    async def open_modal(self, *, user: str, trigger_id: str, view: dict[str, Any]) -> None:
        """A modal for the person who clicked (an expired or bad trigger is logged, not raised)."""
        await self.guard.to_person(user)
        try:
            await self.client.views_open(trigger_id=trigger_id, view=view)
        except SlackApiError as exc:
            log.warning("modal_failed", extra={"error": error_code(exc), "user": user})

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
