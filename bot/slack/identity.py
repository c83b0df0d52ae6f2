"""Who we are in Slack: the workspace, our bot user, the workspace URL.

A single-workspace install learns this once, at start-up (`auth.test`, retried, cached), and
authorizes every incoming request from it without calling Slack: a correctly signed event is made
durable and acknowledged even while Slack's Web API is unreachable. If Slack cannot be reached at
start-up, requests are authorized from the settings and the request itself, and `auth.test` is
retried in the background.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from slack_bolt.authorization import AuthorizeResult
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.errors import error_code

log = logging.getLogger("undertone.identity")

RETRY_DELAYS = (0.5, 1.0, 2.0)  # start-up attempts; then every BACKGROUND_RETRY seconds
BACKGROUND_RETRY = 30.0


@dataclass(frozen=True, slots=True)
class Workspace:
    """What `auth.test` says about our install."""

    team_id: str
    enterprise_id: str
    bot_user_id: str
    bot_id: str
    url: str  # https://<workspace>.slack.com/

    @property
    def team_ids(self) -> frozenset[str]:
        return frozenset(t for t in (self.team_id, self.enterprise_id) if t)


class Identity:
    """Our workspace identity, learnt once and kept."""

    def __init__(self, client: AsyncWebClient, token: str, home_team_ids: list[str]) -> None:
        self._client = client
        self._token = token
        self._configured = frozenset(home_team_ids)
        self.workspace: Workspace | None = None
        self._retry: asyncio.Task[None] | None = None

    async def load(self, delays: tuple[float, ...] = RETRY_DELAYS) -> Workspace | None:
        """`auth.test`, retried a few times; None when Slack could not be reached."""
        for attempt, delay in enumerate((0.0, *delays)):
            if delay:
                await asyncio.sleep(delay)
            try:
                resp = await self._client.auth_test()
            except Exception as exc:
                reason = error_code(exc) or type(exc).__name__
                log.warning("auth_test_failed", extra={"attempt": attempt + 1, "error": reason})
                continue
            self.workspace = Workspace(
                team_id=str(resp.get("team_id") or ""),
                enterprise_id=str(resp.get("enterprise_id") or ""),
                bot_user_id=str(resp.get("user_id") or ""),
                bot_id=str(resp.get("bot_id") or ""),
                url=str(resp.get("url") or ""),
            )
            return self.workspace
        return None

    def keep_trying(self, on_load: Callable[[frozenset[str]], None] | None = None) -> None:
        """Retry `auth.test` in the background until it answers (Slack was down at start-up);
        `on_load` is told our team ids then."""
        if self.workspace is None and self._retry is None:
            self._retry = asyncio.create_task(self._background(on_load))

    async def _background(self, on_load: Callable[[frozenset[str]], None] | None) -> None:
        while self.workspace is None:
            await asyncio.sleep(BACKGROUND_RETRY)
            found = await self.load(delays=())
            if found is not None:
                log.info("workspace_known", extra={"team": found.team_id})
                if on_load is not None:
                    on_load(self.home_teams())

    async def close(self) -> None:
        if self._retry is not None:
            self._retry.cancel()
            self._retry = None

    def home_teams(self) -> frozenset[str]:
        """Our team and enterprise ids, from settings or `auth.test` (empty if neither)."""
        learnt = self.workspace.team_ids if self.workspace else frozenset()
        return self._configured | learnt

    def permalink(self, channel: str, ts: str) -> str:
        """A message link built from the workspace URL (Slack's own format), or ''."""
        if not self.workspace or not self.workspace.url:
            return ""
        return f"{self.workspace.url.rstrip('/')}/archives/{channel}/p{ts.replace('.', '')}"

    def authorizer(self) -> Callable[..., Awaitable[AuthorizeResult]]:
        """Bolt's authorize function: our token and bot ids, without calling Slack (a plain
        function: Bolt passes arguments by parameter name)."""

        async def authorize(
            enterprise_id: str | None, team_id: str | None, user_id: str | None
        ) -> AuthorizeResult:
            ws = self.workspace
            return AuthorizeResult(
                enterprise_id=(ws.enterprise_id if ws else None) or enterprise_id,
                team_id=(ws.team_id if ws else None) or team_id,
                bot_token=self._token,
                bot_id=ws.bot_id if ws else None,
                bot_user_id=ws.bot_user_id if ws else None,
                user_id=user_id,
            )

        return authorize
