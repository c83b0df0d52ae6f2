"""Who is who: our own teams, configured agents, and the author's team when an event does not
say."""

from __future__ import annotations

import logging
import time
from enum import StrEnum

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)


class Speaker(StrEnum):
    CUSTOMER = "customer"
    AGENT = "agent"
    UNKNOWN = "unknown"


class Directory:
    """Classifies message authors; caches what it learns from Slack for a few minutes."""

    def __init__(
        self,
        client: AsyncWebClient,
        *,
        home_team_ids: list[str],
        agent_user_ids: list[str],
        agent_usergroup: str | None,
        cache_seconds: float = 300.0,
    ) -> None:
        self._client = client
        self._home = set(home_team_ids)
        self._agents = set(agent_user_ids)
        self._usergroup = agent_usergroup
        self._group_members: set[str] = set()
        self._group_loaded_at = float("-inf")
        self._user_team: dict[str, tuple[float, str | None]] = {}
        self._cache_seconds = cache_seconds

    async def home_teams(self) -> set[str]:
        """Our team and enterprise ids (auth.test once, when not configured)."""
        if not self._home:
            resp = await self._client.auth_test()
            self._home = {str(t) for t in (resp.get("team_id"), resp.get("enterprise_id")) if t}
        return self._home

    async def _agent_group(self) -> set[str]:
        if not self._usergroup:
            return set()
        if time.monotonic() - self._group_loaded_at > self._cache_seconds:
            try:
                resp = await self._client.usergroups_users_list(usergroup=self._usergroup)
                self._group_members = set(resp.get("users") or [])
            except SlackApiError as exc:
                log.warning("usergroup_lookup_failed", extra={"error": exc.response.get("error")})
            self._group_loaded_at = time.monotonic()
        return self._group_members

    async def _team_of(self, user: str) -> str | None:
        cached = self._user_team.get(user)
        if cached and time.monotonic() - cached[0] < self._cache_seconds:
            return cached[1]
        team: str | None = None
        try:
            resp = await self._client.users_info(user=user)
            info = resp.get("user") or {}
            team = info.get("team_id") or None
        except SlackApiError as exc:
            log.warning("users_info_failed", extra={"error": exc.response.get("error")})
        self._user_team[user] = (time.monotonic(), team)
        return team

    async def is_agent(self, user: str) -> bool:
        return user in self._agents or user in await self._agent_group()

    async def classify(self, *, user: str, user_team: str, is_ext_shared: bool) -> Speaker:
        """Customer, agent or unknown; unknown is never treated as an agent."""
        if await self.is_agent(user):
            return Speaker.AGENT
        home = await self.home_teams()
        if is_ext_shared:
            team = user_team or await self._team_of(user)
            if team is None:
                return Speaker.UNKNOWN
            return Speaker.AGENT if team in home else Speaker.CUSTOMER
        return Speaker.CUSTOMER
