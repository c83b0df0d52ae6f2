"""The bot under test: the production factories served over real HTTP, a fake Slack, a store."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web

from bot.app import create_web_app
from bot.config import Settings
from bot.core.engine import FrustrationEngine
from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.fakeslack.driver import DriverResponse, SlackDriver
from bot.services import Services, build_services
from bot.stores.store import Store
from bot.worker import StreamWorker
from phrasebook import Phrasebook, load_phrasebook
from phrasebook.models import load_engine


@dataclass
class Clock:
    """The bot's notion of now, moved by the test (cooldowns, re-notify delays, business hours)."""

    now: float = 1_795_400_000.0  # a Monday, 2026-11-23 ~16:53 UTC

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass(repr=False)  # asyncio's Runner reprs a finished fixture's result (the SIGINT handler
class Bot:  # check on Python 3.11): a field-by-field repr of the services cost ~2 ms a test
    """A running Undertone: post signed requests with `driver`, run its worker with `drain()`."""

    slack: FakeSlack
    services: Services
    driver: SlackDriver
    url: str
    worker: StreamWorker
    clock: Clock
    threads: dict[str, str] = field(default_factory=dict)

    async def drain(self) -> int:
        """Process everything taken in so far and deliver every effect due by the bot's clock
        (deterministic: no waiting on timers). Returns the entries processed."""
        total = 0
        while True:
            handled = await self.worker.run_once()
            delivered = await self.worker.drain_deliveries()
            total += handled
            if not handled and not delivered:
                return total

    async def settle(self, seconds: float = 5.0) -> int:
        """Let the bot's clock run on a little and deliver what became due (a post waiting for
        its channel's slot, a roll-up waiting for its period)."""
        self.clock.advance(seconds)
        return await self.drain()

    async def say(
        self,
        user: str,
        text: str,
        *,
        thread: str = "t1",
        channel: str = p.CHANNEL_SHARED,
        retry_num: int | None = None,
        envelope: dict[str, Any] | None = None,
    ) -> DriverResponse:
        """Post a message into a named thread (the first message of a name starts the thread)."""
        if envelope is None:
            team = (
                p.TEAM_CUST if (user == p.CUSTOMER and channel == p.CHANNEL_SHARED) else p.TEAM_OURS
            )
            self.clock.advance(120)
            ts = p.next_ts(self.clock.now)
            parent = self.threads.setdefault(f"{channel}/{thread}", ts)
            envelope = p.message_event(
                text=text,
                user=user,
                channel=channel,
                ts=ts,
                user_team=team,
                thread_ts=None if parent == ts else parent,
            )
        return await self.driver.post_event(envelope, retry_num=retry_num)

    async def press_on_alert(self, action_id: str, value: str, message_ts: str) -> DriverResponse:
        """A supervisor clicks a button on an alert in the supervisor channel."""
        payload = p.block_action(
            action_id,
            value,
            user=p.SUPERVISOR,
            channel=p.CHANNEL_SUP,
            message_ts=message_ts,
            is_ephemeral=False,
            response_url=self.slack.response_url(),
        )
        return await self.driver.post_interaction(payload)

    def parent(self, thread: str = "t1", channel: str = p.CHANNEL_SHARED) -> str:
        return self.threads[f"{channel}/{thread}"]


@functools.cache
def shipped_phrasebook() -> tuple[Phrasebook, FrustrationEngine]:
    """The shipped phrasebook and its engine, loaded once for every bot that uses them (both are
    read-only; loading them is most of a bot's start-up)."""
    book = load_phrasebook()
    return book, load_engine(book.detection)


async def start_bot(
    slack: FakeSlack,
    secret: str,
    *,
    redis_url: str | None,
    workers: int = 0,
    clock: Clock | None = None,
    **overrides: Any,
) -> tuple[Bot, web.AppRunner]:
    values: dict[str, Any] = {
        "slack_bot_token": "xoxb-test-token",
        "slack_signing_secret": secret,
        "slack_api_url": slack.api_url,
        "redis_url": redis_url,
        "supervisor_channel": p.CHANNEL_SUP,
        "agent_user_ids": [p.AGENT],
        "workers": workers,
        "claim_idle_ms": 0,
    }
    settings = Settings(**(values | overrides))
    clock = clock or Clock()
    store = Store.from_url(redis_url, cluster=settings.redis_cluster)
    book, engine = shipped_phrasebook() if settings.phrasebook_dir is None else (None, None)
    services = build_services(settings, store=store, phrasebook=book, engine=engine, clock=clock)
    runner = web.AppRunner(create_web_app(services), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    worker = StreamWorker(services, "test", block_ms=0)  # driven by the test: never waits
    bot = Bot(slack, services, SlackDriver(url, secret), url, worker, clock)
    return bot, runner


@pytest.fixture
async def bot(fake_slack: FakeSlack, signing_secret: str, redis_url: str) -> AsyncIterator[Bot]:
    """Undertone on a real redis-server, worker driven by the test."""
    instance, runner = await start_bot(fake_slack, signing_secret, redis_url=redis_url)
    try:
        yield instance
    finally:
        await runner.cleanup()


@pytest.fixture
async def embedded_bot(fake_slack: FakeSlack, signing_secret: str) -> AsyncIterator[Bot]:
    """Undertone on the embedded store (no Redis), as `undertone demo` runs it."""
    instance, runner = await start_bot(fake_slack, signing_secret, redis_url=None)
    try:
        yield instance
    finally:
        await runner.cleanup()


class LogWatch(logging.Handler):
    """Every log record of Undertone's loggers during a test; `wait_for` waits (without sleeping)
    until records matching a condition have been logged."""

    NAMES = ("undertone", "bot", "handlers", "slack_bolt", "slack_sdk")

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self._changed = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self._changed.set()

    def events(self, message: str) -> list[logging.LogRecord]:
        return [r for r in self.records if r.getMessage() == message]

    async def wait_for(
        self, message: str, count: int = 1, timeout: float = 5.0
    ) -> list[logging.LogRecord]:
        """Wait until `message` was logged at least `count` times; returns those records."""
        async with asyncio.timeout(timeout):
            while len(self.events(message)) < count:
                self._changed.clear()
                await self._changed.wait()
        return self.events(message)

    def failures(self) -> list[logging.LogRecord]:
        """Errors and anything logged with a stack trace."""
        return [r for r in self.records if r.levelno >= logging.ERROR or r.exc_info]


@pytest.fixture
def logs() -> Iterator[LogWatch]:
    """Undertone's log lines (INFO and up) during the test."""
    watch = LogWatch()
    saved: list[tuple[logging.Logger, int]] = []
    for name in LogWatch.NAMES:
        logger = logging.getLogger(name)
        saved.append((logger, logger.level))
        logger.setLevel(logging.INFO)
        logger.addHandler(watch)
    try:
        yield watch
    finally:
        for logger, level in saved:
            logger.removeHandler(watch)
            logger.setLevel(level)
