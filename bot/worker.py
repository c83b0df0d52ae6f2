"""Stream consumers: read taken-in events, run the flow, acknowledge; take over what dead workers
left."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Awaitable, Callable

from bot import flows, metrics
from bot.context import entry_context
from bot.services import Services
from bot.stores.store import Entry

log = logging.getLogger("undertone.worker")

Handler = Callable[[Services, Entry], Awaitable[None]]


def consumer_name(index: int = 0) -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{index}"


class StreamWorker:
    """One consumer of the intake stream (consumer group `undertone`)."""

    def __init__(
        self,
        services: Services,
        name: str,
        *,
        handler: Handler = flows.process_entry,
        block_ms: int = 1000,
        claim_every: int = 10,
    ) -> None:
        self.services = services
        self.name = name
        self.handler = handler
        self.block_ms = block_ms
        self.claim_every = claim_every
        self._stopping = asyncio.Event()
        self.processed = 0

    def stop(self) -> None:
        self._stopping.set()

    async def run_once(self) -> int:
        """Read one batch (and any abandoned entries), process it; returns entries handled."""
        store = self.services.store
        entries = await store.read(self.name, count=20, block_ms=self.block_ms)
        handled = 0
        for entry in entries:
            handled += await self._handle(entry)
        return handled

    async def reclaim(self) -> int:
        """Take over entries idle longer than the claim timeout and process them."""
        entries = await self.services.store.claim_stale(
            self.name, min_idle_ms=self.services.settings.claim_idle_ms
        )
        handled = 0
        for entry in entries:
            handled += await self._handle(entry)
        return handled

    async def _handle(self, entry: Entry) -> int:
        with entry_context(entry.fields):
            try:
                await self.handler(self.services, entry)
            except Exception:
                # left pending: another worker (or this one) takes it over after claim_idle_ms
                log.exception("entry_failed", extra={"entry": entry.id, "consumer": self.name})
                metrics.ENTRIES_PROCESSED.labels(outcome="failed").inc()
                return 0
        await self.services.store.ack(entry.id)
        metrics.ENTRIES_PROCESSED.labels(outcome="ok").inc()
        metrics.end_to_end(entry.id)
        self.processed += 1
        return 1

    async def run(self) -> None:
        """Consume until stopped; never dies on a bad entry or a Redis hiccup."""
        rounds = 0
        while not self._stopping.is_set():
            try:
                if rounds % self.claim_every == 0:
                    await self.reclaim()
                    await flows.renotify_due(self.services)
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("worker_round_failed", extra={"consumer": self.name})
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), timeout=1.0)
            rounds += 1


async def run_workers(services: Services, count: int) -> None:
    """Run `count` consumers until cancelled."""
    workers = [StreamWorker(services, consumer_name(i)) for i in range(count)]
    try:
        await asyncio.gather(*(w.run() for w in workers))
    finally:
        for w in workers:
            w.stop()
