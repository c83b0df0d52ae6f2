"""The one dependency bundle handed to handlers and flows, and the factory that builds it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import aiohttp

from bot.config import Settings
from bot.core.coaching import Coach
from bot.core.engine import FrustrationEngine
from bot.core.escalation import EscalationPolicy
from bot.effects import PagerName
from bot.paging import PagerDutyPager, WebhookPager
from bot.slack.budget import SlackBudget
from bot.slack.client import make_web_client
from bot.slack.directory import Directory
from bot.slack.guard import LeakGuard
from bot.slack.identity import Identity
from bot.slack.installs import Installs, build_installs
from bot.slack.notifier import SlackNotifier, make_client
from bot.stores.store import Store
from phrasebook import Phrasebook, load_phrasebook
from phrasebook.models import load_engine


@dataclass(slots=True)
class Pagers:
    """On-call pagers, created lazily on the event loop (they need an HTTP session)."""

    settings: Settings
    _session: aiohttp.ClientSession | None = None
    _pagers: list[PagerDutyPager | WebhookPager] = field(default_factory=list)

    def configured(self) -> bool:
        return bool(self.settings.pagerduty_routing_key or self.settings.paging_webhook_url)

    def names(self) -> list[PagerName]:
        """The pagers set up in the settings (one page effect goes to each)."""
        names: list[PagerName] = []
        if self.settings.pagerduty_routing_key:
            names.append("pagerduty")
        if self.settings.paging_webhook_url:
            names.append("webhook")
        return names

    async def get(self, name: str) -> PagerDutyPager | WebhookPager | None:
        return next((p for p in await self.all() if p.name == name), None)

    async def all(self) -> list[PagerDutyPager | WebhookPager]:
        if self._session is None and self.configured():
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
            s = self.settings
            if s.pagerduty_routing_key:
                self._pagers.append(
                    PagerDutyPager(
                        self._session, s.secret("pagerduty_routing_key"), url=s.pagerduty_url
                    )
                )
            if s.paging_webhook_url:
                self._pagers.append(
                    WebhookPager(
                        self._session,
                        s.paging_webhook_url,
                        s.secret("paging_webhook_secret") or None,
                    )
                )
        return self._pagers

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


@dataclass(slots=True)
class Services:
    """Everything a handler or flow may use; built once per process."""

    settings: Settings
    phrasebook: Phrasebook
    store: Store
    engine: FrustrationEngine
    coach: Coach
    escalation: EscalationPolicy
    notifier: SlackNotifier
    directory: Directory  # who is who: speakers and roles
    guard: LeakGuard  # every send passes it (the notifier asks it)
    pagers: Pagers
    identity: Identity
    clock: Callable[[], float] = time.time
    installs: Installs | None = None  # many-workspace mode (OAuth install) only
    home_pending: set[str] = field(default_factory=set)  # users whose refresh was held back
    # per supervisor channel: one first alert post at a time decides between its own post and
    # the overflow message (so a burst delivered at once sees the line the earlier ones made)
    first_posts: dict[str, asyncio.Lock] = field(default_factory=dict)

    async def close(self) -> None:
        await self.notifier.close()
        await self.identity.close()
        await self.pagers.close()
        await self.store.close()


def _internal_channels(settings: Settings, book: Phrasebook) -> frozenset[str]:
    """The channels alerts go to: the supervisor channel and routed channels."""
    channels = set(book.escalation.routes.values())
    if settings.supervisor_channel:
        channels.add(settings.supervisor_channel)
    return frozenset(channels)


def build_services(
    settings: Settings,
    *,
    store: Store | None = None,
    phrasebook: Phrasebook | None = None,
    engine: FrustrationEngine | None = None,
    clock: Callable[[], float] = time.time,
) -> Services:
    """Wire the production objects from settings (tests pass their own store or clock, or a
    phrasebook and the engine over its detection rules already loaded)."""
    book = phrasebook or load_phrasebook(settings.phrasebook_dir)
    store = store or Store.from_url(settings.redis_url, cluster=settings.redis_cluster)
    installs = build_installs(settings, store) if settings.oauth_enabled else None
    client = (  # many workspaces: each call asks for the token of the workspace in hand
        make_web_client(None, settings.slack_api_url, tokens=installs.tokens)
        if installs is not None
        else make_client(settings.secret("slack_bot_token"), settings.slack_api_url)
    )
    directory = Directory(
        client,
        home_team_ids=settings.home_team_ids,
        agent_user_ids=settings.agent_user_ids,
        agent_usergroup=settings.agent_usergroup,
        supervisor_usergroup=settings.supervisor_usergroup,
        alert_channels=_internal_channels(settings, book),
        clock=clock,
    )
    client.keep_alive = True  # one process-long client: its connections to Slack are reused
    guard = LeakGuard(client, directory, store, clock=clock)
    identity = Identity(client, settings.secret("slack_bot_token"), settings.home_team_ids)
    client.use_budget(
        SlackBudget(
            store,
            clock=clock,
            channel_per_second=book.escalation.watch.max_new_posts_per_second,
            default_team=lambda: identity.workspace.team_id if identity.workspace else "",
        )
    )
    return Services(
        settings=settings,
        phrasebook=book,
        store=store,
        engine=engine or load_engine(book.detection),
        coach=Coach(book.coaching),
        escalation=EscalationPolicy(book.escalation, settings.supervisor_channel or ""),
        notifier=SlackNotifier(
            client,
            guard=guard,
            wording=book.escalation.wording,
            fallback_permalink=identity.permalink,
            followup=book.followup.wording,
        ),
        directory=directory,
        guard=guard,
        pagers=Pagers(settings),
        identity=identity,
        clock=clock,
        installs=installs,
    )
