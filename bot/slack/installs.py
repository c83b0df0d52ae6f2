"""Many workspaces: the OAuth install flow's settings, each workspace's bot token on demand, and
token rotation refreshed under a lock so replicas never break the chain.

Slack's rotating bot tokens (`xoxe.xoxb-...`) last 12 hours; each refresh returns a new refresh
token and the old one stops working. If two replicas refreshed at once, one would present a used
refresh token and that workspace would be logged out. So a refresh happens only under a per-team
Redis lock, and the lock holder re-reads the installation first: whoever comes second finds the
fresh token and does not refresh again.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.async_authorize import AsyncAuthorize
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator

from bot.config import Settings
from bot.slack.client import NoTokenError, make_web_client
from bot.slack.scopes import BOT_SCOPES
from bot.stores.installations import InstallationVault, TokenCipher
from bot.stores.store import Store

log = logging.getLogger(__name__)

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
CACHE_SECONDS = 60.0  # a token read from Redis is reused this long (never past its refresh time)


class RedisInstallationStore(AsyncInstallationStore):
    """Slack's installation store interface on the encrypted vault (bot tokens only are used)."""

    def __init__(self, vault: InstallationVault) -> None:
        self.vault = vault

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        e, t = installation.enterprise_id, installation.team_id
        await self.vault.put("installation", e, t, dict(installation.__dict__))
        await self.async_save_bot(installation.to_bot())
        log.info("workspace_installed", extra={"team": t, "enterprise": e})

    async def async_save_bot(self, bot: Bot) -> None:
        if bot.bot_token is not None:
            await self.vault.put("bot", bot.enterprise_id, bot.team_id, dict(bot.__dict__))

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        doc = await self.vault.get("bot", enterprise_id, None if is_enterprise_install else team_id)
        return None if doc is None else Bot(**doc)

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        team = None if is_enterprise_install else team_id
        doc = await self.vault.get("installation", enterprise_id, team)
        return None if doc is None else Installation(**doc)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.vault.delete("bot", enterprise_id, team_id)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        await self.vault.delete("installation", enterprise_id, team_id)

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)
        await self.async_delete_installation(enterprise_id=enterprise_id, team_id=team_id)
        log.info("workspace_uninstalled", extra={"team": team_id, "enterprise": enterprise_id})


class RedisStateStore(AsyncOAuthStateStore):
    """OAuth `state` values: issued for ten minutes, consumed once."""

    def __init__(self, vault: InstallationVault) -> None:
        self.vault = vault

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: object, **kwargs: object) -> str:
        return await self.vault.issue_state()

    async def async_consume(self, state: str) -> bool:
        return await self.vault.consume_state(state)


class NotInstalledError(NoTokenError):
    """No installation for the workspace (never installed, or uninstalled)."""


@dataclass
class _Cached:
    bot: Bot
    until: float


class WorkspaceTokens:
    """Bot tokens per workspace from the installation store; rotating tokens refreshed under a
    lock `refresh_minutes` before they expire."""

    def __init__(
        self,
        installations: RedisInstallationStore,
        *,
        client_id: str,
        client_secret: str,
        api_url: str,
        refresh_minutes: int = 30,
    ) -> None:
        self.installations = installations
        self.refresh_minutes = refresh_minutes
        self._rotator = AsyncTokenRotator(
            client_id=client_id,
            client_secret=client_secret,
            client=make_web_client(None, api_url),
        )
        self._cache: dict[str, _Cached] = {}

    def _due(self, bot: Bot, now: float) -> bool:
        expires = bot.bot_token_expires_at
        return expires is not None and expires <= now + self.refresh_minutes * 60

    async def bot(self, team_id: str) -> Bot:
        """The workspace's bot installation with a token that is not about to expire."""
        now = time.time()
        cached = self._cache.get(team_id)
        if cached is not None and now < cached.until:
            return cached.bot
        bot = await self.installations.async_find_bot(enterprise_id=None, team_id=team_id)
        if bot is None:
            raise NotInstalledError(f"Undertone is not installed in workspace {team_id}")
        if self._due(bot, now):
            bot = await self._refresh(team_id, bot)
        until = now + CACHE_SECONDS
        if bot.bot_token_expires_at is not None:
            until = min(until, bot.bot_token_expires_at - self.refresh_minutes * 60)
        self._cache[team_id] = _Cached(bot, until)
        return bot

    async def bot_token(self, team_id: str) -> str:
        token = (await self.bot(team_id)).bot_token
        if not token:
            raise NotInstalledError(f"no bot token stored for workspace {team_id}")
        return token

    async def _refresh(self, team_id: str, stale: Bot) -> Bot:
        async with self.installations.vault.rotation_lock(team_id) as held:
            current = await self.installations.async_find_bot(enterprise_id=None, team_id=team_id)
            current = current or stale
            if not held or not self._due(current, time.time()):
                return current  # another replica refreshed it (or is refreshing: still valid)
            fresh = await self._rotator.perform_bot_token_rotation(
                bot=current, minutes_before_expiration=self.refresh_minutes
            )
            if fresh is None:
                return current
            await self.installations.async_save_bot(fresh)
            log.info("bot_token_refreshed", extra={"team": team_id})
            return fresh

    def forget(self, team_id: str) -> None:
        self._cache.pop(team_id, None)


class LockedRotationAuthorize(AsyncAuthorize):
    """Bolt's authorize step for many workspaces: the bot token from `WorkspaceTokens`."""

    def __init__(self, tokens: WorkspaceTokens) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.tokens = tokens

    async def __call__(
        self,
        *,
        context: AsyncBoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        actor_enterprise_id: str | None = None,
        actor_team_id: str | None = None,
        actor_user_id: str | None = None,
    ) -> AuthorizeResult | None:
        if not team_id:
            return None
        try:
            bot = await self.tokens.bot(team_id)
        except NotInstalledError:
            log.info("request_from_unknown_workspace", extra={"team": team_id})
            return None
        return AuthorizeResult(
            enterprise_id=bot.enterprise_id,
            team_id=bot.team_id,
            team=bot.team_name,
            bot_user_id=bot.bot_user_id,
            bot_id=bot.bot_id,
            bot_token=bot.bot_token,
            bot_scopes=bot.bot_scopes,
            user_id=user_id,
        )


def oauth_settings(
    *,
    client_id: str,
    client_secret: str,
    installations: RedisInstallationStore,
    states: RedisStateStore,
    redirect_url: str | None,
    refresh_minutes: int,
) -> AsyncOAuthSettings:
    """`/slack/install` and `/slack/oauth_redirect`, asking for exactly the manifest's scopes."""
    return AsyncOAuthSettings(
        client_id=client_id,
        client_secret=client_secret,
        scopes=list(BOT_SCOPES),
        user_scopes=[],
        redirect_uri=redirect_url,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=installations,
        installation_store_bot_only=True,
        state_store=states,
        token_rotation_expiration_minutes=refresh_minutes,
    )


@dataclass(frozen=True)
class Installs:
    """Everything many-workspace mode needs, built once per process."""

    installations: RedisInstallationStore
    states: RedisStateStore
    tokens: WorkspaceTokens
    settings: AsyncOAuthSettings

    def bolt_options(self) -> dict[str, object]:
        """Keyword arguments for Bolt's `AsyncApp`: the install flow and our authorize step."""
        return {
            "oauth_settings": self.settings,
            "authorize": LockedRotationAuthorize(self.tokens),
            "installation_store": self.installations,
        }


def build_installs(settings: Settings, store: Store) -> Installs:
    """The installation and state stores on `store`, encrypted with the configured key(s)."""
    key = settings.secret("token_encryption_key")
    if not key:
        raise ValueError(
            "SLACK_CLIENT_ID/SLACK_CLIENT_SECRET turn on many-workspace installs, which need "
            "UNDERTONE_TOKEN_ENCRYPTION_KEY (`undertone keygen` makes one)"
        )
    vault = InstallationVault(store, TokenCipher(key))
    installations = RedisInstallationStore(vault)
    states = RedisStateStore(vault)
    client_id = settings.slack_client_id or ""
    client_secret = settings.secret("slack_client_secret")
    tokens = WorkspaceTokens(
        installations,
        client_id=client_id,
        client_secret=client_secret,
        api_url=settings.slack_api_url,
        refresh_minutes=settings.token_refresh_minutes,
    )
    return Installs(
        installations=installations,
        states=states,
        tokens=tokens,
        settings=oauth_settings(
            client_id=client_id,
            client_secret=client_secret,
            installations=installations,
            states=states,
            redirect_url=settings.oauth_redirect_url,
            refresh_minutes=settings.token_refresh_minutes,
        ),
    )
