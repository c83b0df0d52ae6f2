"""Workers: read taken-in events and fold them into their threads, deliver due effects, take
over what dead workers left, and stop gracefully.

Each `StreamWorker` runs two loops: intake (read a batch from the stream, process, acknowledge)
and delivery (take threads whose effects are due, send them). A slow or unreachable Slack holds
up delivery only, never scoring. Housekeeping (taking over abandoned entries, re-notifying,
resolving quiet alerts) runs every few seconds. An entry that failed `MAX_DELIVERIES` times goes
to the dead letters without its text.

Dedicated workers (`undertone worker`) say they are alive every housekeeping round. The workers a
serve (or Socket Mode) runs in its own process stand by while a dedicated worker is alive: the
serve's event loop then only acknowledges Slack, which keeps its acks fast under load; when no
dedicated worker has said so for `DEDICATED_ALIVE_SECONDS`, they take the work back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
from collections.abc import Awaitable, Callable

from bot import flows, metrics
from bot.context import entry_context
from bot.flows import digest, followup
from bot.flows.home import refresh_pending_homes
from bot.logsetup import safe_message
from bot.services import Services
from bot.stores.keys import ThreadRef
from bot.stores.store import Entry

log = logging.getLogger("undertone.worker")

Handler = Callable[[Services, Entry], Awaitable[None]]

MAX_DELIVERIES = 5  # an entry that failed this often is buried (text removed, ids kept)
HOUSEKEEPING_SECONDS = 2.0
DELIVERY_POLL_SECONDS = 0.25  # how often the due index is read when nothing woke us
CONCURRENT_THREADS = 16  # threads delivered at once by one worker
DUE_PER_SHARD = 4  # threads taken from each shard's due index per round
READ_PER_SHARD = 16  # entries read from each intake shard per batch
RETRY_PAUSES = (0.5, 1.0, 2.0, 5.0)  # after a failed round (Redis down), growing
DEDICATED_ALIVE_SECONDS = 6.0  # a dedicated worker silent this long is taken for gone
STANDBY_POLL_SECONDS = 1.0  # how often a standing-by worker looks whether it is needed


def consumer_name(index: int = 0) -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{index}"


class Outage:
    """Logs a failing dependency once when it starts failing and once when it is back."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.failures = 0

    def ok(self) -> None:
        if self.failures:
            log.info(f"{self.what}_recovered", extra={"failed_rounds": self.failures})
        self.failures = 0

    def pause(self, exc: BaseException) -> float:
        if self.failures == 0:
            log.warning(f"{self.what}_failing", extra={"error": type(exc).__name__}, exc_info=exc)
        self.failures += 1
        return RETRY_PAUSES[min(self.failures, len(RETRY_PAUSES)) - 1]


BatchHandler = Callable[[Services, list[Entry]], Awaitable[dict[str, Exception]]]


def one_by_one(handler: Handler) -> BatchHandler:
    """A batch handler from a per-entry one (each entry acknowledged after its handler ran)."""

    async def run(services: Services, entries: list[Entry]) -> dict[str, Exception]:
        failed: dict[str, Exception] = {}
        for entry in entries:
            with entry_context(entry.fields):
                try:
                    await handler(services, entry)
                except Exception as exc:
                    failed[entry.id] = exc
                    continue
            await services.store.ack(entry)
        return failed

    return run


class StreamWorker:
    """One consumer of the intake shards (consumer group `undertone`) and a delivery loop."""

    def __init__(
        self,
        services: Services,
        name: str,
        *,
        handler: Handler | None = None,
        block_ms: int = 1000,
        chores: bool = True,
        dedicated: bool = True,
    ) -> None:
        self.services = services
        self.name = name
        self.batch: BatchHandler = flows.process_batch if handler is None else one_by_one(handler)
        self.block_ms = block_ms
        self.chores = chores  # re-notify and resolve alerts (one worker per process does)
        self.dedicated = dedicated  # a worker process of its own (else: inside a serve)
        self._standing_by = False
        self._look_again_at = 0.0  # monotonic: when `needed` asks Redis again
        self.processed = 0
        self._stopping = asyncio.Event()
        self._in_hand: list[Entry] = []

    def stop(self) -> None:
        """Stop taking work: the batch in hand and the sends in flight finish, the rest is
        handed back."""
        self._stopping.set()
        self.services.store.ledger.wake.set()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    # --- intake -------------------------------------------------------------------------------

    async def run_once(self) -> int:
        """Read one batch (from every shard) and process it; returns entries handled."""
        entries = await self.services.store.read(
            self.name, count=READ_PER_SHARD, block_ms=self.block_ms
        )
        return await self._handle_all(entries)

    async def reclaim(self) -> int:
        """Take over entries idle longer than the claim timeout and process them."""
        entries = await self.services.store.claim_stale(
            self.name, min_idle_ms=self.services.settings.claim_idle_ms
        )
        return await self._handle_all(entries)

    async def _handle_all(self, entries: list[Entry]) -> int:
        if not entries or self.stopping:
            return 0
        self._in_hand = list(entries)
        fresh: list[Entry] = []
        for entry in entries:
            if entry.deliveries > MAX_DELIVERIES:
                await self._bury(entry, "failed too often")
            else:
                fresh.append(entry)
        try:
            failed = await self.batch(self.services, fresh)
        except Exception as exc:  # e.g. Redis failed mid-batch: every entry is retried
            failed = {entry.id: exc for entry in fresh}
        handled = 0
        for entry in fresh:
            error = failed.get(entry.id)
            if error is None:
                metrics.ENTRIES_PROCESSED.labels(outcome="ok").inc()
                metrics.end_to_end(entry.id)
                handled += 1
            else:
                await self._failed(entry, error)
        self._in_hand = []
        self.processed += handled
        return handled

    async def _failed(self, entry: Entry, exc: Exception) -> None:
        """Left pending: another worker (or this one) takes it over after claim_idle_ms."""
        with entry_context(entry.fields):
            log.warning(
                "entry_failed",
                extra={"entry": entry.id, "deliveries": entry.deliveries, "consumer": self.name},
                exc_info=exc,
            )
        metrics.ENTRIES_PROCESSED.labels(outcome="failed").inc()
        if entry.deliveries >= MAX_DELIVERIES:  # the reason names no message text
            reason = f"{type(exc).__name__}: {safe_message(exc)[:120]}".rstrip(": ")
            await self._bury(entry, reason)

    async def _bury(self, entry: Entry, reason: str) -> None:
        await self.services.store.dead.bury_entry(
            entry.id, entry.fields, reason, entry.deliveries, self.services.clock()
        )
        metrics.ENTRIES_DEAD_LETTERED.inc()
        log.error(
            "entry_dead_lettered",
            extra={
                "entry": entry.id,
                "event_id": entry.fields.get("event_id", ""),
                "deliveries": entry.deliveries,
                "reason": reason,
            },
        )

    async def hand_back(self) -> None:
        """Entries read but not processed: let the next worker take them at once."""
        if self._in_hand:
            await self.services.store.hand_back(self.name, self._in_hand)
            log.info("entries_handed_back", extra={"count": len(self._in_hand)})
            self._in_hand = []

    async def needed(self) -> bool:
        """Whether this worker should take work now: always for a dedicated one; for one inside
        a serve, only while no dedicated worker is alive. Logs the change either way."""
        if self.dedicated:
            return True
        if time.monotonic() < self._look_again_at:
            return not self._standing_by
        self._look_again_at = time.monotonic() + STANDBY_POLL_SECONDS
        s = self.services
        standby = await s.store.dedicated_workers_alive(s.clock() - DEDICATED_ALIVE_SECONDS)
        if standby != self._standing_by:
            self._standing_by = standby
            log.info("worker_standby" if standby else "worker_active", extra={"worker": self.name})
        return not standby

    async def housekeeping(self) -> None:
        if self.dedicated and self.chores:
            await self.services.store.dedicated_worker_alive(
                self.name, self.services.clock(), DEDICATED_ALIVE_SECONDS
            )
        await self.reclaim()
        if self.chores:
            await flows.renotify_due(self.services)
            await flows.sweep_alerts(self.services)
            await refresh_pending_homes(self.services)
            await followup.sweep_quiet(self.services)  # quiet threads resolved, records kept
            await digest.weekly_due(self.services)  # this week's digest, once per channel

    # --- delivery -----------------------------------------------------------------------------

    async def deliver_due(self, shards: set[int] | None = None) -> int:
        """Deliver the threads whose effects are due now (in every shard, or only `shards`);
        returns how many threads were taken."""
        return len(await self._deliver_round(shards))

    async def drain_deliveries(self) -> int:
        """Deliver until nothing is due right now (tests and shutdown)."""
        total = 0
        while taken := await self.deliver_due():
            total += taken
        return total

    # --- the loops ----------------------------------------------------------------------------

    async def run(self) -> None:
        """Consume and deliver until stopped; never dies on a bad entry or a Redis hiccup."""
        await asyncio.gather(self._intake_loop(), self._delivery_loop())

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), timeout=seconds)

    async def _intake_loop(self) -> None:
        outage = Outage("intake")
        last_chores = float("-inf")
        while not self.stopping:
            try:
                if not await self.needed():
                    await self._pause(STANDBY_POLL_SECONDS)
                    continue
                if time.monotonic() - last_chores >= HOUSEKEEPING_SECONDS:
                    last_chores = time.monotonic()
                    await self.housekeeping()
                await self.run_once()
                outage.ok()
            except Exception as exc:
                await self._pause(outage.pause(exc))
        with contextlib.suppress(Exception):
            await self.hand_back()

    async def _delivery_loop(self) -> None:
        """Every shard's due index is read every DELIVERY_POLL_SECONDS (retries, other
        processes' effects); in between, only the shards this process just scheduled into (and
        those that had work) are read, so a busy worker does not read all sixteen per batch."""
        outage = Outage("delivery")
        ledger = self.services.store.ledger
        full_at = 0.0
        busy: set[int] = set()
        while not self.stopping:
            now = time.monotonic()
            shards: set[int] | None = None
            if now < full_at:
                shards = ledger.take_woken() | busy
                if not shards:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(ledger.wake.wait(), timeout=full_at - now)
                    ledger.wake.clear()
                    continue
            else:
                full_at = now + DELIVERY_POLL_SECONDS
                ledger.take_woken()
            if self._standing_by:  # the intake loop looks whether we are needed again
                await self._pause(STANDBY_POLL_SECONDS)
                continue
            try:
                taken = await self._deliver_round(shards)
                outage.ok()
            except Exception as exc:
                await self._pause(outage.pause(exc))
                continue
            busy = {ref.shard for ref in taken}

    async def _deliver_round(self, shards: set[int] | None) -> list[ThreadRef]:
        """One delivery round; returns the threads it took."""
        s = self.services
        due = await s.store.ledger.take_due(
            s.clock(), s.settings.delivery_lease_seconds, limit=DUE_PER_SHARD, shards=shards
        )
        if not due.refs:
            return []
        room = asyncio.Semaphore(CONCURRENT_THREADS)

        async def one(ref: ThreadRef) -> int:
            async with room:
                return await flows.deliver(s, ref, claimed=due.score)

        results = await asyncio.gather(*(one(ref) for ref in due.refs), return_exceptions=True)
        failed = [r for r in results if isinstance(r, BaseException)]
        if failed:  # those threads come due again when their claim ends
            raise failed[0]
        return due.refs


class WorkerPool:
    """`count` workers in this process: started together, stopped gracefully within a bound."""

    def __init__(self, services: Services, count: int, *, dedicated: bool = False) -> None:
        self.services = services
        self.workers = [
            StreamWorker(services, consumer_name(i), chores=(i == 0), dedicated=dedicated)
            for i in range(count)
        ]
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        self._tasks = [asyncio.create_task(w.run(), name=w.name) for w in self.workers]

    async def wait(self) -> None:
        """Until every worker stopped (or one crashed)."""
        if self._tasks:
            await asyncio.gather(*self._tasks)

    async def stop(self, grace: float) -> bool:
        """Stop taking work; wait up to `grace` seconds for in-flight entries and sends. Work
        still unfinished then is cancelled: its leases end on their own, its entries are taken
        over. Returns True when everything finished in time."""
        for worker in self.workers:
            worker.stop()
        if not self._tasks:
            return True
        _, pending = await asyncio.wait(self._tasks, timeout=grace)
        for task in pending:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if pending:
            log.warning("workers_cancelled", extra={"count": len(pending), "grace_s": grace})
        return not pending


async def run_workers(services: Services, count: int) -> None:
    """Run `count` consumers until cancelled (then stop them gracefully)."""
    pool = WorkerPool(services, count)
    pool.start()
    try:
        await pool.wait()
    finally:
        await pool.stop(services.settings.shutdown_grace_seconds)
