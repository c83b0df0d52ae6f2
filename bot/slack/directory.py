"""Who is who: the one place that fetches and caches facts about people from Slack.

Two questions are answered here, both from the same bounded, short-lived caches:
- `classify`: was a message written by the customer or by an agent (scoring needs it);
- `role_of`: is a person a supervisor, an agent, someone else of ours, or a customer (every
  surface asks before it shows or does anything; the decision itself is `bot.core.access`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.access import PersonFacts, Role, TeamFacts, decide_role, is_outsider
from bot.slack.cache import TtlCache
from bot.slack.client import NoTokenError, current_team
from bot.slack.errors import error_code

log = logging.getLogger(__name__)

PEOPLE_TTL = 600.0  # a user's team does not change; guest status rarely does
PEOPLE_SIZE = 10_000
MEMBERS_TTL = 60.0  # who is in an alert channel (supervisors): re-read every minute
GROUP_TTL = 300.0
HOME_TTL = 3600.0  # a workspace's team and enterprise ids (auth.test) never change
HOME_SIZE = 1_000  # workspaces remembered at once (many-workspace installs)
MAX_MEMBER_PAGES = 20  # 20 x 1,000 members; a bigger alert channel is cut (fail closed)
_GONE = ("user_not_found", "users_not_found", "account_inactive")


class Speaker(StrEnum):
    CUSTOMER = "customer"
    AGENT = "agent"
    UNKNOWN = "unknown"


class LookupFailed(Exception):
    """Slack could not answer just now (rate limit, outage); the caller decides how to fail."""


def _facts(user: str, info: dict[str, Any]) -> PersonFacts:
    enterprise = (info.get("enterprise_user") or {}).get("enterprise_id") or ""
    return PersonFacts(
        user=user,
        team=str(info.get("team_id") or ""),
        enterprise=str(enterprise),
        is_guest=bool(info.get("is_restricted") or info.get("is_ultra_restricted")),
        is_bot=bool(info.get("is_bot")),
        deleted=bool(info.get("deleted")),
    )


class Directory:
    """Classifies message authors and decides roles; caches what it learns from Slack."""

    def __init__(
        self,
        client: AsyncWebClient,
        *,
        home_team_ids: Iterable[str],
        agent_user_ids: Iterable[str],
        agent_usergroup: str | None,
        supervisor_usergroup: str | None = None,
        alert_channels: Iterable[str] = (),
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._client = client
        self._home = frozenset(home_team_ids)
        self._learnt_home: frozenset[str] = frozenset()
        kw: dict[str, Any] = {"clock": clock} if clock else {}
        # learnt from auth.test, per workspace (many workspaces: each is "ours" to itself)
        self._home_of: TtlCache[str, frozenset[str]] = TtlCache(size=HOME_SIZE, ttl=HOME_TTL, **kw)
        self._agents = frozenset(agent_user_ids)
        self._agent_group = agent_usergroup
        self._supervisor_group = supervisor_usergroup
        self.alert_channels = frozenset(alert_channels)
        self._people: TtlCache[str, PersonFacts] = TtlCache(size=PEOPLE_SIZE, ttl=PEOPLE_TTL, **kw)
        self._gone: TtlCache[str, bool] = TtlCache(size=PEOPLE_SIZE, ttl=PEOPLE_TTL, **kw)
        self._teams: TtlCache[str, str] = TtlCache(size=PEOPLE_SIZE, ttl=PEOPLE_TTL, **kw)
        self._members: TtlCache[str, frozenset[str]] = TtlCache(size=64, ttl=MEMBERS_TTL, **kw)
        self._groups: TtlCache[str, frozenset[str]] = TtlCache(size=16, ttl=GROUP_TTL, **kw)

    # --- facts from Slack -------------------------------------------------------------------

    def remember_home(self, team_ids: frozenset[str]) -> None:
        """Our team ids as learnt by a single-workspace install (`auth.test` at start-up, or
        until it answers the workspace events are addressed to): no per-entry look-up, so
        classifying authors does not need Slack's Web API. Configured ids always win."""
        if team_ids:
            self._learnt_home = frozenset(team_ids)

    async def home_teams(self) -> frozenset[str]:
        """Our team and enterprise ids: the configured ones, or what auth.test says for the
        workspace in hand (asked once per workspace and HOME_TTL)."""
        if self._home:
            return self._home
        if self._learnt_home:
            return self._learnt_home
        workspace = current_team.get() or ""  # many workspaces: each is "ours" to itself
        known = self._home_of.get(workspace)
        if known is None:
            try:
                resp = await self._client.auth_test()
            except (SlackApiError, NoTokenError) as exc:
                raise LookupFailed("auth.test") from exc
            known = frozenset(str(t) for t in (resp.get("team_id"), resp.get("enterprise_id")) if t)
            self._home_of.put(workspace, known)
        return known

    def remember_team(self, user: str, team: str) -> None:
        """The author's team as a signed event stated it (saves a `users.info` call)."""
        if user and team:
            self._teams.put(user, team)

    async def person(self, user: str) -> PersonFacts | None:
        """What `users.info` says about a user; None when Slack knows no such user."""
        cached = self._people.get(user)
        if cached is not None:
            return cached
        if not user or self._gone.get(user):
            return None
        try:
            resp = await self._client.users_info(user=user)
        except SlackApiError as exc:
            error = error_code(exc)
            if error in _GONE:
                self._gone.put(user, True)
                return None
            log.warning("users_info_failed", extra={"error": error, "user": user})
            raise LookupFailed(error) from exc
        except (OSError, NoTokenError) as exc:  # connection errors (aiohttp's are OSErrors)
            raise LookupFailed(type(exc).__name__) from exc
        facts = _facts(user, resp.get("user") or {})
        self._people.put(user, facts)
        self._teams.put(user, facts.team)
        return facts

    async def team_of(self, user: str) -> str | None:
        """The user's own workspace, from a signed event seen earlier or from Slack."""
        seeded = self._teams.get(user)
        if seeded:
            return seeded
        facts = await self.person(user)
        return facts.team if facts else None

    async def members(self, channel: str) -> frozenset[str]:
        """Who is in a channel (`conversations.members`, every page, cached a minute)."""
        cached = self._members.get(channel)
        if cached is not None:
            return cached
        found: set[str] = set()
        cursor = ""
        try:
            for _ in range(MAX_MEMBER_PAGES):
                resp = await self._client.conversations_members(
                    channel=channel, limit=1000, cursor=cursor or None
                )
                found.update(str(m) for m in resp.get("members") or [])
                cursor = str((resp.get("response_metadata") or {}).get("next_cursor") or "")
                if not cursor:
                    break
        except SlackApiError as exc:
            log.warning(
                "channel_members_failed",
                extra={"error": error_code(exc), "channel": channel},
            )
            raise LookupFailed("conversations.members") from exc
        members = frozenset(found)
        self._members.put(channel, members)
        return members

    async def usergroup(self, group: str) -> frozenset[str]:
        cached = self._groups.get(group)
        if cached is not None:
            return cached
        try:
            resp = await self._client.usergroups_users_list(usergroup=group)
        except SlackApiError as exc:
            log.warning("usergroup_lookup_failed", extra={"error": error_code(exc)})
            raise LookupFailed("usergroups.users.list") from exc
        users = frozenset(str(u) for u in resp.get("users") or [])
        self._groups.put(group, users)
        return users

    def forget_members(self, channel: str) -> None:
        """Someone joined or left: read the channel's members again next time."""
        self._members.pop(channel)

    # --- decisions --------------------------------------------------------------------------

    async def is_agent(self, user: str) -> bool:
        """A configured agent (by id or user group)."""
        return user in self._agents or await self._in_group(self._agent_group, user, False)

    async def is_outsider(self, user: str) -> bool:
        """Not of our organisation (or not known to Slack). Raises LookupFailed when Slack cannot
        say right now."""
        home = await self.home_teams()
        facts = self._people.get(user)
        if facts is None:
            team = self._teams.get(user)
            facts = PersonFacts(user=user, team=team) if team else await self.person(user)
        return is_outsider(facts, home)

    async def role_of(self, user: str, *, team_hint: str = "", strict: bool = False) -> Role:
        """The person's role. When Slack cannot be asked: with `strict`, LookupFailed; otherwise
        the least they could be (a customer; not a member of what could not be read)."""
        try:
            home = await self.home_teams()
            person = await self.person(user)
        except LookupFailed:
            if strict:
                raise
            log.warning("role_unknown", extra={"user": user, "reason": "lookup_failed"})
            return Role.CUSTOMER
        if is_outsider(person, home, team_hint):
            return Role.CUSTOMER
        in_agent_group = await self._in_group(self._agent_group, user, strict)
        team = TeamFacts(
            home=home,
            agents_configured=bool(self._agents or self._agent_group),
            is_configured_agent=user in self._agents or in_agent_group,
            supervisor_group_configured=bool(self._supervisor_group),
            in_supervisor_group=await self._in_group(self._supervisor_group, user, strict),
            in_alert_channel=await self._in_alert_channel(user, strict),
        )
        return decide_role(person, team, team_hint)

    async def _in_group(self, group: str | None, user: str, strict: bool) -> bool:
        if not group:
            return False
        try:
            return user in await self.usergroup(group)
        except LookupFailed:
            if strict:
                raise
            return False

    async def _in_alert_channel(self, user: str, strict: bool) -> bool:
        if self._supervisor_group:
            return False  # the group decides; membership is not asked
        for channel in sorted(self.alert_channels):
            try:
                if user in await self.members(channel):
                    return True
            except LookupFailed:
                if strict:
                    raise
        return False

    async def classify(self, *, user: str, user_team: str, is_ext_shared: bool) -> Speaker:
        """Customer, agent or unknown; unknown is never treated as an agent."""
        self.remember_team(user, user_team)
        if await self.is_agent(user):
            return Speaker.AGENT
        if is_ext_shared:
            home = await self.home_teams()  # fails loudly: the entry is retried
            try:
                team = user_team or await self.team_of(user)
            except LookupFailed:
                return Speaker.UNKNOWN
            if not team:
                return Speaker.UNKNOWN
            return Speaker.AGENT if team in home else Speaker.CUSTOMER
        return Speaker.CUSTOMER
