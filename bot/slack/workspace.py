"""What Slack says about an installation, for `undertone doctor`: the token's team and scopes,
and the bot's membership of channels. Plain facts; `bot.doctor` decides what is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.errors import error_code
from bot.slack.guard import shared_beyond_us


@dataclass(frozen=True, slots=True)
class TokenFacts:
    ok: bool
    error: str = ""  # Slack's error code (invalid_auth, token_revoked, ...) or an exception name
    team_id: str = ""
    team: str = ""
    bot_user_id: str = ""
    scopes: frozenset[str] | None = None  # None: Slack sent no X-OAuth-Scopes header


@dataclass(frozen=True, slots=True)
class ChannelFacts:
    id: str
    found: bool
    error: str = ""
    name: str = ""
    is_member: bool = False
    is_shared: bool = False  # readable beyond our organisation (the leak guard refuses it)
    is_private: bool = False

    @property
    def label(self) -> str:
        return f"{self.id} (#{self.name})" if self.name else self.id


@dataclass(frozen=True, slots=True)
class Memberships:
    ok: bool
    error: str = ""
    channels: list[ChannelFacts] = field(default_factory=list)


def _error(exc: Exception) -> str:
    if isinstance(exc, SlackApiError):
        return error_code(exc) or "error"
    return type(exc).__name__


async def token_facts(client: AsyncWebClient) -> TokenFacts:
    """`auth.test`: is the token valid, for which team and bot, with which scopes."""
    try:
        resp = await client.auth_test()
    except Exception as exc:  # a doctor reports, it does not crash
        return TokenFacts(ok=False, error=_error(exc))
    header = {k.lower(): v for k, v in (resp.headers or {}).items()}.get("x-oauth-scopes")
    scopes = None if header is None else frozenset(s.strip() for s in header.split(",") if s)
    return TokenFacts(
        ok=True,
        team_id=str(resp.get("team_id") or ""),
        team=str(resp.get("team") or ""),
        bot_user_id=str(resp.get("user_id") or ""),
        scopes=scopes,
    )


def _channel(info: dict[str, object], channel: str) -> ChannelFacts:
    return ChannelFacts(
        id=channel,
        found=True,
        name=str(info.get("name") or ""),
        is_member=bool(info.get("is_member")),
        is_shared=shared_beyond_us(info),  # the leak guard's rule: it refuses such channels
        is_private=bool(info.get("is_private")),
    )


async def channel_facts(client: AsyncWebClient, channel: str) -> ChannelFacts:
    """`conversations.info`: the channel's name, whether the bot is in it, whether it is shared."""
    try:
        resp = await client.conversations_info(channel=channel)
    except Exception as exc:
        return ChannelFacts(id=channel, found=False, error=_error(exc))
    return _channel(dict(resp.get("channel") or {}), channel)


async def bot_channels(client: AsyncWebClient, bot_user_id: str, limit: int = 1000) -> Memberships:
    """`users.conversations`: public and private channels the bot is a member of."""
    out: list[ChannelFacts] = []
    cursor = ""
    try:
        while len(out) < limit:
            resp = await client.users_conversations(
                user=bot_user_id or None,
                types="public_channel,private_channel",
                exclude_archived=True,
                limit=200,
                cursor=cursor or None,
            )
            for info in resp.get("channels") or []:
                facts = _channel(dict(info), str(info.get("id")))
                out.append(
                    ChannelFacts(
                        facts.id, True, "", facts.name, True, facts.is_shared, facts.is_private
                    )
                )
            cursor = str((resp.get("response_metadata") or {}).get("next_cursor") or "")
            if not cursor:
                break
    except Exception as exc:
        return Memberships(ok=False, error=_error(exc))
    return Memberships(ok=True, channels=out)
