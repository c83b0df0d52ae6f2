"""The leak guard: the one check every message Undertone sends passes first.

Rules
- A visible message (`chat.postMessage`, `chat.update`, an `in_channel` answer, the replacement
  of a visible message) goes only into a channel proven internal: `conversations.info` says it is
  not shared, that answer is younger than `ttl`, and no event has marked the channel shared.
- A private message (ephemeral whisper, DM, App Home, modal, `response_url` answer) with internal
  content goes only to someone of our organisation.
- Sharing can only be learnt from events, never unlearnt: `channel_shared`, a foreign member
  joining, or an envelope's `is_ext_shared_channel: true` mark a channel shared (in the store, so
  every replica and worker knows); only `channel_unshared` clears the mark, and even then Slack is
  asked again before the next post.
- When in doubt it refuses: `LeakGuardError` when the target is known to be unsafe (the effect is
  dropped), `LeakGuardUnsure` when Slack or the store cannot answer now (the effect is retried).
  Every refusal is logged with ids and a reason, never content.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, NoReturn, Protocol

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.cache import TtlCache
from bot.slack.client import NoTokenError
from bot.slack.directory import Directory, LookupFailed
from bot.slack.errors import error_code

log = logging.getLogger("undertone.guard")

SHARING_TTL = 30.0  # how long Slack's "not shared" is believed
MARK_TTL = 24 * 3600  # how long an event's "shared" outlives silence (re-marked while true)


class LeakGuardError(Exception):
    """Refused: the message was about to reach people it is not for."""


class LeakGuardUnsure(RuntimeError):
    """Refused for now: whether the target is safe cannot be established at the moment."""


class SharingMarks(Protocol):
    """Where "this channel is shared" is remembered across processes (the store)."""

    async def mark_channel_shared(self, channel: str, ttl: int) -> None: ...

    async def channel_marked_shared(self, channel: str) -> bool: ...

    async def clear_channel_shared(self, channel: str) -> None: ...


def shared_beyond_us(info: Mapping[str, Any]) -> bool:
    """Slack's channel object says people outside our organisation may read it (`undertone
    doctor` judges channels by the same rule)."""
    if info.get("is_im") or info.get("is_mpim"):
        return True  # never a place for a visible post
    return bool(
        info.get("is_ext_shared")
        or info.get("is_pending_ext_shared")
        or (info.get("is_shared") and not info.get("is_org_shared"))
    )


class LeakGuard:
    """Decides whether a message may go where it is addressed."""

    def __init__(
        self,
        client: AsyncWebClient,
        directory: Directory,
        marks: SharingMarks,
        *,
        ttl: float = SHARING_TTL,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._client = client
        self._directory = directory
        self._marks = marks
        kw: dict[str, Any] = {"clock": clock} if clock else {}
        self._verdicts: TtlCache[str, bool] = TtlCache(size=512, ttl=ttl, **kw)
        self._noted: TtlCache[str, bool] = TtlCache(size=4096, ttl=ttl, **kw)

    # --- checks -----------------------------------------------------------------------------

    async def visible(self, channel: str) -> None:
        """Allow a visible post or update in `channel` only when it is proven internal."""
        try:
            refusal = await self._refusal(channel)
        except LeakGuardUnsure as exc:
            self._unsure(str(exc), exc.__cause__ or exc, channel=channel)
        if refusal:
            self._refuse(refusal, channel=channel)

    async def to_person(self, user: str) -> None:
        """Allow a private message with internal content only to someone of our organisation."""
        if not user.startswith(("U", "W")):
            self._refuse("not_a_user", user=user)
        try:
            outsider = await self._directory.is_outsider(user)
        except LookupFailed as exc:
            self._unsure("user_unknown", exc, user=user)
        if outsider:
            self._refuse("outsider", user=user)

    async def answer(
        self,
        *,
        user: str,
        channel: str,
        in_channel: bool = False,
        replaces_visible: bool = False,
        internal: bool = True,
    ) -> None:
        """Allow a `response_url` answer: visible ones need an internal channel, private ones
        with internal content an internal reader. A message in the bot's DM with the caller is
        private to them (the whisper's DM fallback)."""
        if (in_channel or replaces_visible) and not channel.startswith("D"):
            await self.visible(channel)
        if internal:
            await self.to_person(user)

    async def status(self, channel: str) -> str:
        """`internal`, `shared` or `unknown` (Slack or the store cannot say), for /readyz; logs
        nothing, so a probe polling it does not flood the log."""
        try:
            return "shared" if await self._refusal(channel) else "internal"
        except LeakGuardUnsure:
            return "unknown"

    # --- what events say --------------------------------------------------------------------

    async def channel_shared(self, channel: str) -> None:
        """`channel_shared`: Slack says the channel is now shared with another organisation."""
        await self._mark(channel, always=True)

    async def channel_unshared(self, channel: str) -> None:
        """`channel_unshared`: forget the mark; Slack is asked again before the next post."""
        self._verdicts.pop(channel)
        self._noted.pop(channel)
        await self._marks.clear_channel_shared(channel)

    async def saw_ext_shared(self, channel: str) -> None:
        """An envelope's `is_ext_shared_channel: true` (only ever makes a channel more shared);
        cheap when already known."""
        if channel:
            await self._mark(channel)

    async def member_joined(self, channel: str, user: str, team: str) -> None:
        """Someone joined: re-check the channel; a member from outside marks it shared."""
        self._verdicts.pop(channel)
        self._directory.forget_members(channel)
        home = await self._directory.home_teams()
        outsider = bool(team) and team not in home
        if not outsider:
            try:
                outsider = await self._directory.is_outsider(user)
            except LookupFailed:
                outsider = False  # the cached verdict is gone: Slack is asked before a post
        if outsider:
            log.warning("channel_foreign_member", extra={"channel": channel, "user": user})
            await self._mark(channel, always=True)

    # --- internals --------------------------------------------------------------------------

    async def _mark(self, channel: str, *, always: bool = False) -> None:
        """Shared, here at once and for every process through the store (unless `always`,
        written at most once per TTL per process: the mark outlives it by far)."""
        self._verdicts.put(channel, True)
        if self._noted.get(channel) and not always:
            return
        await self._marks.mark_channel_shared(channel, MARK_TTL)
        log.info("channel_marked_shared", extra={"channel": channel})
        self._noted.put(channel, True)

    async def _refusal(self, channel: str) -> str:
        """Why a visible post may not go into `channel` ('' when it may); raises LeakGuardUnsure
        when that cannot be established now."""
        if not channel.startswith(("C", "G")):
            return "not_a_channel"
        try:
            marked = await self._marks.channel_marked_shared(channel)
        except Exception as exc:  # store unavailable: cannot rule out an event's mark
            raise LeakGuardUnsure("mark_unreadable") from exc
        if marked:
            return "marked_shared"
        cached = self._verdicts.get(channel)
        if cached is None:
            try:
                resp = await self._client.conversations_info(channel=channel)
            except SlackApiError as exc:
                if exc.response.status_code == 200:  # Slack answered: this bot may not look there
                    return f"channel_info_{error_code(exc) or 'refused'}"
                raise LeakGuardUnsure("channel_info_failed") from exc
            except OSError as exc:
                raise LeakGuardUnsure("channel_info_failed") from exc
            except NoTokenError as exc:  # many workspaces: no token for the one in hand
                raise LeakGuardUnsure("no_workspace_token") from exc
            cached = shared_beyond_us(resp.get("channel") or {})
            self._verdicts.put(channel, cached)
        if cached:
            await self._mark(channel)
            return "shared"
        return ""

    @staticmethod
    def _refuse(reason: str, **ids: str) -> NoReturn:
        log.warning("leak_guard_refused", extra={"reason": reason, **ids})
        raise LeakGuardError(reason)

    @staticmethod
    def _unsure(reason: str, exc: BaseException, **ids: str) -> NoReturn:
        log.warning(
            "leak_guard_unsure", extra={"reason": reason, "error": type(exc).__name__, **ids}
        )
        raise LeakGuardUnsure(reason) from exc
