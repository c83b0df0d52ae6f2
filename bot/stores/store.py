"""State behind one port: the durable intake stream, versioned thread documents, the effect
ledger, dead letters, and small indexes and counters.

The same code runs on a real Redis (REDIS_URL) and on an embedded in-process Redis (fakeredis)
when no URL is given, so the embedded default has the same semantics as production (single
process only). Every Redis call has a timeout well under a second: when Redis hangs, Slack gets a
fast 500 and retries instead of waiting past its 3 s.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ClusterDownError, ResponseError, TryAgainError
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.stores import docjson
from bot.stores.deadletters import DeadLetters
from bot.stores.groupcommit import GroupCommit
from bot.stores.keys import SHARDS, STREAM_GROUP, Keys, ThreadRef, shard_of_fields
from bot.stores.ledger import DUE_TTL, EffectLedger
from bot.stores.records import RecordStore
from bot.stores.scripts import run_pipelined, script

log = logging.getLogger("undertone.store")

DEDUPE_TTL = 24 * 3600  # Slack retries for ~5 minutes; a day is a wide margin
STREAM_MAXLEN = 10_000
OUTCOME_TTL = 180 * 24 * 3600  # supervisor answers (ids and cue kinds) feed the precision report
TIMEOUT = 0.5  # seconds per Redis call (one retry on a fresh connection after a restart)
READ_BLOCK_MS = 1000  # a blocking stream read waits at most this long
MAX_WATCHED = 200  # threads on one supervisor channel's heating-up list
MAX_OPEN_ALERTS = 1_000  # the open-alert and re-notify indexes keep the newest; App Home shows 20
POOL_WAIT = 1.0  # seconds a call may wait for a free connection (Slack's ack budget is 3 s)
HAND_BACK_IDLE_MS = 10**9  # an entry handed back looks abandoned to every other worker
TUNING_TTL = 180 * 24 * 3600  # what a channel learned, kept this long after its last change
TUNING_CHANGES_KEPT = 50  # recent changes per channel, for the reports
MAX_TUNED_CHANNELS = 1_000  # the index of channels that learned something keeps the newest
# After a Redis node restarts, a pool's old connections fail one by one as they are used: the
# intake (idempotent: one script does the once-check and the append) tries again on another
# connection after these pauses. Only fast failures are tried again (refused, closed, cluster
# down); a stalled Redis (timeouts) still fails the request at once, within Slack's 3 s.
INTAKE_RETRY_DELAYS = (0.05, 0.15, 0.3)
INTAKE_RETRY_WITHIN = 0.75  # s from the first try: no new try after this (one try can take ~1 s)
# (redis-py's cluster client can raise AttributeError on a connection torn down mid-reconnect)
TRANSIENT = (RedisConnectionError, ClusterDownError, TryAgainError, AttributeError)
CLUSTER_CONNECTIONS = 512  # per node (the client raises instead of waiting past this)
CLUSTER_IDLE_POLL = 0.05  # s: an idle worker on a cluster reads the shards this often
READ_WINDOW = 4  # shards a consumer reads at a time (going round all of them)


@dataclass(frozen=True, slots=True)
class Entry:
    """One intake stream entry; `deliveries` counts how often a worker was handed it."""

    id: str
    fields: dict[str, str]
    deliveries: int = 1
    shard: int = 0  # the intake shard (stream) it was read from


@dataclass(frozen=True, slots=True)
class Versioned:
    """A thread document and the version it was read at (0: it does not exist yet)."""

    version: int
    doc: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Loaded:
    """A thread as a batch reads it: its document, and who snoozed hints in it until when."""

    current: Versioned
    snoozed_until: dict[str, float]

    def snoozed(self, agent: str | None, now: float) -> bool:
        return bool(agent) and self.snoozed_until.get(agent or "", 0.0) > now


@dataclass(slots=True)
class Commit:
    """One thread's share of a batch, written by one script: the document (compare-and-set
    against `expected`; None leaves it as it is), when its outbox is next due (indexed before the
    entries are acknowledged), and the entries to acknowledge and delete."""

    ref: ThreadRef
    expected: int
    doc: dict[str, Any] | None
    due: float | None
    entries: list[Entry]


@dataclass(frozen=True, slots=True)
class IntakeHealth:
    """What /readyz says about intake."""

    group: bool  # the consumer group exists (events will be read)
    pending: int = 0  # read by a worker, not yet acknowledged
    oldest_pending_seconds: float = 0.0
    unread: int = 0  # taken in, not yet read by any worker
    oldest_unread_seconds: float = 0.0
    dead_letters: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "pending": self.pending,
            "oldest_pending_seconds": round(self.oldest_pending_seconds, 1),
            "unread": self.unread,
            "oldest_unread_seconds": round(self.oldest_unread_seconds, 1),
            "dead_letters": self.dead_letters,
        }


def _decode(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _id_ms(entry_id: str) -> int:
    return int(entry_id.split("-", 1)[0])


def _lost_group(exc: BaseException) -> bool:
    """Redis (or the embedded store) says the stream or its consumer group is gone."""
    text = str(exc)
    return "NOGROUP" in text or "requires the key to exist" in text


def redis_client(url: str, *, timeout: float = TIMEOUT, connections: int = 64) -> aioredis.Redis:
    """A client whose calls fail fast: `timeout` per call, one retry on a new connection.

    At most `connections` connections: when Redis stalls or restarts, callers queue for a
    connection (up to a second) instead of opening hundreds at once, which would turn a short
    outage into a long storm of connection attempts.
    """
    pool = aioredis.BlockingConnectionPool.from_url(
        url,
        max_connections=connections,
        timeout=POOL_WAIT,
        socket_timeout=timeout,
        socket_connect_timeout=TIMEOUT,
        retry=Retry(NoBackoff(), 1),
    )
    return aioredis.Redis.from_pool(pool)  # closing the client closes its pool


def cluster_client(
    url: str, *, timeout: float = TIMEOUT, connections: int = CLUSTER_CONNECTIONS
) -> aioredis.Redis:
    """A Redis Cluster client from the URL of any node (it discovers the others), failing as fast
    as `redis_client`; at most `connections` connections per node (the cluster client cannot
    queue callers for a connection, so the bound is wide: a burst of requests must not fail)."""
    from redis.asyncio.cluster import RedisCluster

    client = RedisCluster.from_url(
        url,
        max_connections=connections,
        socket_timeout=timeout,
        socket_connect_timeout=TIMEOUT,
        retry=Retry(NoBackoff(), 1),  # a node down: a fast error (Slack retries), not a 3 s wait
    )
    # The cluster client speaks the same commands (one key, or keys of one slot, per command).
    return cast(aioredis.Redis, client)


def describe_url(url: str | None, cluster: bool = False) -> str:
    """Where the store lives, for logs: host, port and db, never the password."""
    if not url:
        return "embedded (in-process, single process only)"
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    where = parts.path if parts.scheme == "unix" else f"{parts.hostname}:{parts.port or 6379}"
    db = "" if parts.scheme == "unix" else parts.path or "/0"
    return f"{parts.scheme}://{where}{db}" + (" (Redis Cluster)" if cluster else "")


class Store:
    """Async access to Undertone's state; every key has a TTL or a bounded length."""

    def __init__(
        self,
        client: aioredis.Redis,
        *,
        embedded: bool,
        keys: Keys | None = None,
        reader: aioredis.Redis | None = None,
        url: str | None = None,
        cluster: bool = False,
    ) -> None:
        self.client = client
        self.reader = reader or client  # blocking reads need a longer timeout than other calls
        self.embedded = embedded
        self.cluster = cluster
        self.url = url
        self.keys = keys or Keys()
        self.ledger = EffectLedger(client, self.keys)
        self.dead = DeadLetters(client, self.keys)
        # intakes that wait behind one in flight go together in the next round trip
        intake = client.register_script(script("intake.lua"))
        self._intake = GroupCommit(client, "intake.lua", intake)
        self._cas = client.register_script(script("cas.lua"))
        self._tune = client.register_script(script("tune.lua"))
        self._rate = client.register_script(script("rate.lua"))
        self._shard_of_stream = {k: i for i, k in enumerate(self.keys.streams)}
        self._read_at: dict[str, int] = {}  # where each consumer reads the shards next
        self._behind: set[str] = set()  # consumers whose last read filled a shard's count
        self.records = RecordStore(client, self.keys, self._cas)
        self._wake = asyncio.Event()
        self._group_ready = False
        self._group_created_once = False

    @classmethod
    def from_url(cls, url: str | None, *, prefix: str = "ut", cluster: bool = False) -> Store:
        """A store on `url` (with `cluster`, any node of a Redis Cluster), or on an embedded
        in-process Redis when `url` is None."""
        if url:
            make = cluster_client if cluster else redis_client
            readers = 64 if cluster else 8
            reader = make(url, timeout=READ_BLOCK_MS / 1000 + 1.0, connections=readers)
            return cls(
                make(url), embedded=False, keys=Keys(prefix), reader=reader, url=url,
                cluster=cluster,
            )
        from fakeredis import FakeAsyncRedis  # embedded default: no server to run

        return cls(FakeAsyncRedis(), embedded=True, keys=Keys(prefix))

    @property
    def where(self) -> str:
        return describe_url(self.url, self.cluster)

    async def close(self) -> None:
        await self.client.aclose()
        if self.reader is not self.client:
            await self.reader.aclose()

    async def ping(self) -> bool:
        try:
            return bool(await self.client.ping())
        except Exception:  # readiness probe: any failure means not ready
            return False

    # --- intake -------------------------------------------------------------------------------

    async def enqueue(self, source: str, event_id: str, fields: Mapping[str, str]) -> bool:
        """Take an event in once, into its thread's shard: True when new, False for a duplicate.
        Raises when Redis fails."""
        shard = shard_of_fields(fields)
        flat: list[str] = []
        for k, v in fields.items():
            flat += [k, v]
        keys = [self.keys.dedupe(shard, source, event_id), self.keys.stream(shard)]
        args: list[str | int] = [DEDUPE_TTL, STREAM_MAXLEN, *flat]
        loop = asyncio.get_running_loop()
        give_up = loop.time() + INTAKE_RETRY_WITHIN
        for delay in INTAKE_RETRY_DELAYS:
            try:
                result = await self._intake(keys=keys, args=args)
                break
            except TRANSIENT as exc:  # a script that ran but lost its reply reads as a duplicate
                if loop.time() + delay > give_up:
                    raise  # Slack's 3 s: answer 500 now, Slack redelivers
                log.info("intake_retry", extra={"error": type(exc).__name__})
                await asyncio.sleep(delay)
        else:
            result = await self._intake(keys=keys, args=args)
        new = result not in (0, b"0", "0")
        if new:
            self._wake.set()
        return new

    async def requeue(self, fields: Mapping[str, str]) -> str:
        """Append an entry without the dedupe check (a replayed dead letter)."""
        body: dict[Any, Any] = dict(fields)
        entry_id = await self.client.xadd(
            self.keys.stream(shard_of_fields(fields)), body, maxlen=STREAM_MAXLEN, approximate=True
        )
        self._wake.set()
        return _decode(entry_id)

    async def ensure_group(self) -> None:
        """Create the consumer group on every shard where it is missing (first start, or Redis
        came back empty)."""
        if self._group_ready:
            return
        async with self.client.pipeline(transaction=False) as pipe:
            for stream in self.keys.streams:
                pipe.xgroup_create(stream, STREAM_GROUP, id="0", mkstream=True)
            results = await pipe.execute(raise_on_error=False)
        created = 0
        for result in results:
            if isinstance(result, Exception):
                if "BUSYGROUP" not in str(result):
                    raise result
            else:
                created += 1
        if created and self._group_created_once:
            log.warning("intake_group_recreated", extra={"shards": created})
        self._group_ready = True
        self._group_created_once = True

    async def _grouped(self, call: Any) -> Any:
        """Run a consumer-group command; recreate the group once if Redis lost it."""
        await self.ensure_group()
        try:
            return await call()
        except ResponseError as exc:
            if not _lost_group(exc):
                raise
            self._group_ready = False
            await self.ensure_group()
            return await call()

    async def _pipelined(self, build: Any) -> list[Any]:
        """Run a non-transactional pipeline (split by node on a cluster); the first error is
        raised after every command ran, a lost group recreated and the pipeline run again."""

        async def run() -> list[Any]:
            async with self.client.pipeline(transaction=False) as pipe:
                build(pipe)
                results: list[Any] = await pipe.execute(raise_on_error=False)
            for result in results:
                if isinstance(result, Exception):
                    raise result
            return results

        return cast(list[Any], await self._grouped(run))

    async def read(self, consumer: str, *, count: int = 10, block_ms: int = 1000) -> list[Entry]:
        """New entries for this consumer (up to `count` per shard); waits up to `block_ms` when
        there are none (`block_ms=0`: answers at once, for a worker driven step by step).

        While a consumer keeps up, one blocking read of every shard (one round trip) answers as
        soon as any has entries. Once a read filled a shard's `count` (a backlog), the shards are
        read a window at a time, each consumer going round them from its own place: two workers
        under a backlog mostly read different shards, so they rarely fold the same thread at once
        (which would cost one of them a second read and fold). A window with nothing moves on to
        the next; when no shard has anything, the read waits on all of them. A cluster (which
        cannot block on many slots) always reads by window.
        """
        self._wake.clear()
        block = min(block_ms, READ_BLOCK_MS)
        can_block = not (self.cluster or self.embedded)
        if can_block and consumer not in self._behind:
            # keeping up: one blocking read of every shard answers at once if any has entries
            return self._noted(consumer, await self._read_all(consumer, count, block), count)
        start = self._read_at.setdefault(consumer, zlib.crc32(consumer.encode()) % SHARDS)
        for step in range(0, SHARDS, READ_WINDOW):
            first = (start + step) % SHARDS
            window = [(first + i) % SHARDS for i in range(READ_WINDOW)]
            entries = self._entries(await self._read_shards(consumer, window, count))
            if entries:
                self._read_at[consumer] = (first + READ_WINDOW) % SHARDS
                return self._noted(consumer, entries, count)
        self._behind.discard(consumer)
        if block <= 0:
            return []
        if can_block:
            return self._noted(consumer, await self._read_all(consumer, count, block), count)
        # a cluster cannot block on many slots at once; the embedded store cannot block
        wait = block / 1000 if self.embedded else min(block / 1000, CLUSTER_IDLE_POLL)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout=wait)
        return []

    async def _read_all(self, consumer: str, count: int, block: int) -> list[Entry]:
        rows = await self._grouped(
            lambda: self.reader.xreadgroup(
                STREAM_GROUP,
                consumer,
                {stream: ">" for stream in self.keys.streams},
                count=count,
                block=block if block > 0 else None,  # redis: BLOCK 0 would wait for ever
            )
        )
        return self._entries(rows)

    def _noted(self, consumer: str, entries: list[Entry], count: int) -> list[Entry]:
        """Remember whether this consumer is behind (a shard gave as many entries as asked):
        then its next read goes round the shards a window at a time."""
        per_shard: dict[int, int] = {}
        for entry in entries:
            per_shard[entry.shard] = per_shard.get(entry.shard, 0) + 1
        if per_shard and max(per_shard.values()) >= count:
            self._behind.add(consumer)
        else:
            self._behind.discard(consumer)
        return entries

    async def _read_shards(self, consumer: str, shards: list[int], count: int) -> Any:
        """New entries of some shards, without waiting."""
        if self.cluster:  # one read per shard (a command's keys must share a slot), in parallel
            rows: list[Any] = []
            for result in await self._pipelined(
                lambda pipe: [
                    pipe.xreadgroup(STREAM_GROUP, consumer, {self.keys.stream(i): ">"}, count=count)
                    for i in shards
                ]
            ):
                rows += result or []
            return rows
        streams = {self.keys.stream(i): ">" for i in shards}
        return await self._grouped(
            lambda: self.client.xreadgroup(
                STREAM_GROUP, consumer, streams, count=count  # type: ignore[arg-type]
            )
        )

    def _entries(self, rows: Any) -> list[Entry]:
        out: list[Entry] = []
        if isinstance(rows, dict):  # RESP3 answers a map of streams
            rows = list(rows.items())
        for stream, items in rows or []:
            shard = self._shard_of_stream.get(_decode(stream), 0)
            for entry_id, fields in items:
                out.append(
                    Entry(
                        _decode(entry_id),
                        {_decode(k): _decode(v) for k, v in fields.items()},
                        shard=shard,
                    )
                )
        return out

    async def claim_stale(self, consumer: str, *, min_idle_ms: int, count: int = 50) -> list[Entry]:
        """Take over entries another consumer read but never acknowledged (it died mid-way),
        shard by shard."""
        streams = self.keys.streams
        results = await self._pipelined(
            lambda pipe: [
                pipe.xautoclaim(
                    s, STREAM_GROUP, consumer, min_idle_time=min_idle_ms, start_id="0-0",
                    count=count,
                )
                for s in streams
            ]
        )
        claimed: dict[int, list[tuple[str, Any]]] = {}
        gone: dict[int, list[str]] = {}
        for shard, result in enumerate(results):
            items = [(_decode(i), f) for i, f in (result[1] if len(result) > 1 else []) if f]
            if items:
                claimed[shard] = items
            lost = [_decode(i) for i in (result[2] if len(result) > 2 else [])]
            if lost:
                gone[shard] = lost
        if gone:  # trimmed from the stream while pending: nothing left to process
            log.error("intake_entries_trimmed", extra={"count": sum(map(len, gone.values()))})
            await self._pipelined(
                lambda pipe: [pipe.xack(streams[i], STREAM_GROUP, *ids) for i, ids in gone.items()]
            )
        if not claimed:
            return []
        shards = list(claimed)
        pending = await self._pipelined(
            lambda pipe: [
                pipe.xpending_range(
                    streams[sh], STREAM_GROUP, min=claimed[sh][0][0], max=claimed[sh][-1][0],
                    count=len(claimed[sh]) + 1000,
                )
                for sh in shards
            ]
        )
        out: list[Entry] = []
        for shard, rows in zip(shards, pending, strict=True):
            times = {_decode(r["message_id"]): int(r["times_delivered"]) for r in rows}
            for i, f in claimed[shard]:
                fields = {_decode(k): _decode(v) for k, v in f.items()}
                out.append(Entry(i, fields, deliveries=times.get(i, 2), shard=shard))
        return out

    async def hand_back(self, consumer: str, entries: list[Entry]) -> None:
        """Entries this consumer read but will not process (shutting down): make them look
        abandoned so the next worker takes them over at once instead of after the idle time."""
        by_shard: dict[int, list[str]] = {}
        for entry in entries:
            by_shard.setdefault(entry.shard, []).append(entry.id)
        if by_shard:
            await self._pipelined(
                lambda pipe: [
                    pipe.xclaim(
                        self.keys.stream(shard), STREAM_GROUP, consumer, 0,
                        cast(list[Any], ids), idle=HAND_BACK_IDLE_MS, justid=True,
                    )
                    for shard, ids in by_shard.items()
                ]
            )

    async def ack(self, entries: Entry | list[Entry]) -> None:
        """Done with entries: acknowledge and delete them (their text leaves Redis)."""
        by_shard: dict[int, list[str]] = {}
        for entry in [entries] if isinstance(entries, Entry) else entries:
            by_shard.setdefault(entry.shard, []).append(entry.id)
        if not by_shard:
            return
        async with self.client.pipeline(transaction=False) as pipe:
            for shard, ids in by_shard.items():
                pipe.xack(self.keys.stream(shard), STREAM_GROUP, *ids)
                pipe.xdel(self.keys.stream(shard), *ids)
            await pipe.execute(raise_on_error=False)

    async def pending(self) -> int:
        """Entries read but not yet acknowledged (stream lag), over every shard."""
        infos = await self._pipelined(
            lambda pipe: [pipe.xpending(s, STREAM_GROUP) for s in self.keys.streams]
        )
        return sum(int(i["pending"]) for i in infos if isinstance(i, dict))

    async def intake_length(self) -> int:
        """Entries in the intake streams (not finished: finished ones are deleted)."""
        async with self.client.pipeline(transaction=False) as pipe:
            for stream in self.keys.streams:
                pipe.xlen(stream)
            return sum(int(n) for n in await pipe.execute())

    async def intake_stats(self, now: float) -> tuple[int, int, float]:
        """(pending, backlog, lag seconds): entries read but not acknowledged, entries not finished
        (finished ones are deleted), and the age of the oldest unfinished one (ids are ms times)."""
        pending = await self.pending()
        async with self.client.pipeline(transaction=False) as pipe:
            for stream in self.keys.streams:
                pipe.xlen(stream)
                pipe.xrange(stream, count=1)
            results = await pipe.execute()
        backlog = sum(int(n) for n in results[0::2])
        firsts = [_id_ms(_decode(rows[0][0])) for rows in results[1::2] if rows]
        if not firsts:
            return pending, backlog, 0.0
        return pending, backlog, max(0.0, now - min(firsts) / 1000)

    async def intake_health(self) -> IntakeHealth:
        """Is the group there on every shard, how old is the oldest unprocessed entry, how many
        dead letters."""
        dead = await self.dead.count()
        streams = self.keys.streams
        async with self.client.pipeline(transaction=False) as pipe:
            for stream in streams:
                pipe.xinfo_groups(stream)
            infos = await pipe.execute(raise_on_error=False)
        groups = []
        for info in infos:
            rows = [] if isinstance(info, Exception) else info  # no stream: nothing taken in yet
            group = next((g for g in rows if _decode(g.get("name")) == STREAM_GROUP), None)
            if group is None:
                return IntakeHealth(group=False, dead_letters=dead)
            groups.append(group)
        seconds, micros = await self.client.time()
        now_ms = int(seconds) * 1000 + int(micros) // 1000
        summaries = await self._pipelined(
            lambda pipe: [pipe.xpending(s, STREAM_GROUP) for s in streams]
        )
        async with self.client.pipeline(transaction=False) as pipe:
            for stream, group in zip(streams, groups, strict=True):
                last = _decode(group.get("last-delivered-id") or "0-0")
                pipe.xrange(stream, min=last, count=2)
            afters = await pipe.execute()
        pending = unread = 0
        oldest_pending = oldest_unread = 0.0
        for group, summary, after in zip(groups, summaries, afters, strict=True):
            count = int(summary.get("pending") or 0) if isinstance(summary, dict) else 0
            pending += count
            if count and summary.get("min"):
                age = max(0, now_ms - _id_ms(_decode(summary["min"]))) / 1000
                oldest_pending = max(oldest_pending, age)
            last = _decode(group.get("last-delivered-id") or "0-0")
            unread_ids = [_decode(i) for i, _ in after if _decode(i) != last]
            if unread_ids:
                oldest_unread = max(oldest_unread, max(0, now_ms - _id_ms(unread_ids[0])) / 1000)
            lag = group.get("lag")
            unread += int(lag) if lag is not None else len(unread_ids)
        return IntakeHealth(True, pending, oldest_pending, unread, oldest_unread, dead)

    # --- thread documents ---------------------------------------------------------------------

    @staticmethod
    def _versioned(raw: Any) -> Versioned:
        if not raw:
            return Versioned(0, None)
        data = {_decode(k): v for k, v in raw.items()}
        return Versioned(int(_decode(data["v"])), docjson.loads(data["doc"]))

    async def load_thread(self, ref: ThreadRef) -> Versioned:
        return self._versioned(await self.client.hgetall(self.keys.thread(ref)))

    async def load_threads(self, refs: list[ThreadRef]) -> dict[ThreadRef, Loaded]:
        """Many threads' documents and snoozes in one pipelined round trip (per node)."""
        if not refs:
            return {}
        async with self.client.pipeline(transaction=False) as pipe:
            for ref in refs:
                pipe.hgetall(self.keys.thread(ref))
                pipe.hgetall(self.keys.snoozes(ref))
            results = await pipe.execute()
        out: dict[ThreadRef, Loaded] = {}
        for i, ref in enumerate(refs):
            snoozes: dict[str, float] = {}
            for agent, until in (results[2 * i + 1] or {}).items():
                with contextlib.suppress(ValueError):
                    snoozes[_decode(agent)] = float(_decode(until))
            out[ref] = Loaded(self._versioned(results[2 * i]), snoozes)
        return out

    async def save_thread(
        self, ref: ThreadRef, expected: int, doc: dict[str, Any], ttl: int
    ) -> bool:
        """Write `doc` only if nobody else wrote since version `expected`."""
        result = await self._cas(
            keys=[self.keys.thread(ref)],
            args=[expected, docjson.dumps(doc), ttl],
        )
        return int(result) >= 0

    async def commit(self, commits: list[Commit], ttl: int) -> list[bool]:
        """Write a batch: per thread one script (its document by compare-and-set, its due time,
        its entries acknowledged), all pipelined. False for a thread someone else wrote first
        (nothing of it was written, its entries stay pending)."""
        if not commits:
            return []
        results = await run_pipelined(
            self.client,
            [
                (
                    "commit.lua",
                    [
                        self.keys.thread(c.ref),
                        self.keys.due(c.ref.shard),
                        self.keys.stream(c.ref.shard),
                    ],
                    [
                        "" if c.doc is None else c.expected,
                        "" if c.doc is None else docjson.dumps(c.doc),
                        ttl,
                        c.ref.key,
                        "" if c.due is None else repr(float(c.due)),
                        DUE_TTL,
                        STREAM_GROUP,
                        *(e.id for e in c.entries),
                    ],
                )
                for c in commits
            ],
        )
        for result in results:
            if isinstance(result, Exception):
                raise result
        due = {c.ref.shard for c in commits if c.due is not None}
        if due:
            self.ledger.nudge(due)
        return [int(r) >= 0 for r in results]

    # --- once-only actions, snoozes, counters ----------------------------------------------------

    async def claim_once(self, what: str, ttl: int = 7 * 24 * 3600) -> bool:
        """True the first time `what` is claimed (across every replica), e.g. a feedback click."""
        return bool(await self.client.set(self.keys.once(what), "1", nx=True, ex=ttl))

    async def snooze(self, agent: str, ref: ThreadRef, seconds: int, now: float) -> None:
        """No hints for `agent` in the thread for `seconds` (on the services' clock)."""
        key = self.keys.snoozes(ref)
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.hset(key, agent, repr(now + seconds))
            pipe.expire(key, seconds)
            await pipe.execute()

    async def is_snoozed(self, agent: str, ref: ThreadRef, now: float) -> bool:
        until = await self.client.hget(self.keys.snoozes(ref), agent)
        try:
            return until is not None and float(_decode(until)) > now
        except ValueError:
            return False

    async def count_feedback(self, hint_id: str, kind: str) -> None:
        async with self.client.pipeline(transaction=False) as pipe:  # keys of different slots
            pipe.hincrby(self.keys.feedback(hint_id), kind, 1)
            pipe.expire(self.keys.feedback(hint_id), 180 * 24 * 3600)
            pipe.sadd(self.keys.feedback_index(), hint_id)
            pipe.expire(self.keys.feedback_index(), 180 * 24 * 3600)
            await pipe.execute()

    async def feedback_counts(self) -> dict[str, dict[str, int]]:
        ids = sorted(_decode(i) for i in await self.client.smembers(self.keys.feedback_index()))
        out: dict[str, dict[str, int]] = {}
        for hint_id in ids:
            raw = await self.client.hgetall(self.keys.feedback(hint_id))
            out[hint_id] = {_decode(k): int(_decode(v)) for k, v in raw.items()}
        return out

    # --- App Home and alert indexes -----------------------------------------------------------

    async def touch_homes(self, items: list[tuple[str, ThreadRef, float]], ttl: int) -> None:
        """Put threads on agents' App Home lists: (agent, thread, when) each; one round trip,
        three commands per agent (not per thread)."""
        latest: dict[str, dict[str, float]] = {}
        for user, ref, at in items:
            latest.setdefault(user, {})[ref.key] = at
        async with self.client.pipeline(transaction=False) as pipe:
            for user, members in latest.items():
                key = self.keys.agent_home(user)
                pipe.zadd(key, members)
                pipe.zremrangebyrank(key, 0, -21)  # keep the 20 most recent threads
                pipe.expire(key, ttl)
            await pipe.execute()

    async def home_threads(self, user: str, limit: int = 10) -> list[ThreadRef]:
        keys = await self.client.zrevrange(self.keys.agent_home(user), 0, limit - 1)
        return [ThreadRef.parse(_decode(k)) for k in keys]

    async def set_open_alert(
        self, ref: ThreadRef, at: float, renotify_at: float | None, ttl: int
    ) -> None:
        """Index a live alert (score: when it last changed), bounded to the newest few hundred."""
        async with self.client.pipeline(transaction=False) as pipe:  # keys of different slots
            pipe.zadd(self.keys.open_alerts(), {ref.key: at})
            pipe.zremrangebyscore(self.keys.open_alerts(), "-inf", at - ttl)  # threads expired
            pipe.zremrangebyrank(self.keys.open_alerts(), 0, -(MAX_OPEN_ALERTS + 1))
            pipe.expire(self.keys.open_alerts(), ttl)
            if renotify_at is not None:
                pipe.zadd(self.keys.renotify(), {ref.key: renotify_at})
                pipe.zremrangebyscore(self.keys.renotify(), "-inf", at - ttl)
                pipe.zremrangebyrank(self.keys.renotify(), 0, -(MAX_OPEN_ALERTS + 1))
                pipe.expire(self.keys.renotify(), ttl)
            await pipe.execute()

    async def close_alert(self, ref: ThreadRef) -> None:
        async with self.client.pipeline(transaction=False) as pipe:  # keys of different slots
            pipe.zrem(self.keys.open_alerts(), ref.key)
            pipe.zrem(self.keys.renotify(), ref.key)
            await pipe.execute()

    async def open_alerts(self, limit: int = 20) -> list[ThreadRef]:
        keys = await self.client.zrevrange(self.keys.open_alerts(), 0, limit - 1)
        return [ThreadRef.parse(_decode(k)) for k in keys]

    async def quiet_alerts(self, changed_before: float, limit: int = 100) -> list[ThreadRef]:
        """Open alerts that have not changed since `changed_before` (to resolve or forget)."""
        keys = await self.client.zrangebyscore(
            self.keys.open_alerts(), "-inf", changed_before, start=0, num=limit
        )
        return [ThreadRef.parse(_decode(k)) for k in keys]

    async def open_alert_count(self) -> int:
        return int(await self.client.zcard(self.keys.open_alerts()))

    async def due_renotify(self, now: float) -> list[ThreadRef]:
        """Alerts whose re-notify time has come; each is handed out once (ZREM decides)."""
        keys = cast(list[bytes], await self.client.zrangebyscore(self.keys.renotify(), "-inf", now))
        due: list[ThreadRef] = []
        for k in keys:
            if await self.client.zrem(self.keys.renotify(), k):
                due.append(ThreadRef.parse(_decode(k)))
        return due

    # --- the watch tier: heating-up lists, roll-ups, new posts per channel ----------------------

    async def watch_add(self, channel: str, ref: ThreadRef, at: float, keep: float) -> None:
        """Put a thread on a supervisor channel's heating-up list (kept `keep` seconds)."""
        key = self.keys.watch(channel)
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.zadd(key, {ref.key: at}, nx=True)  # the first time it went on the list counts
            pipe.zremrangebyscore(key, "-inf", at - keep)
            pipe.zremrangebyrank(key, 0, -(MAX_WATCHED + 1))
            pipe.expire(key, int(keep))
            await pipe.execute()

    async def watched(
        self, channel: str, since: float, limit: int = MAX_WATCHED
    ) -> list[tuple[ThreadRef, float]]:
        """Threads put on the list after `since`, oldest first, with when they went on it."""
        rows = cast(
            list[tuple[bytes, float]],
            await self.client.zrangebyscore(
                self.keys.watch(channel), f"({since}", "+inf", start=0, num=limit, withscores=True
            ),
        )
        return [(ThreadRef.parse(_decode(k)), float(score)) for k, score in rows]

    async def unlisted(self, channel: str) -> list[tuple[ThreadRef, float]]:
        """Watched threads no roll-up of `channel` has listed yet, oldest first."""
        watched = await self.watched(channel, 0.0)
        listed = {
            _decode(k)
            for k in await self.client.zrange(self.keys.rolled_up(channel), 0, MAX_WATCHED)
        }
        return [(ref, at) for ref, at in watched if ref.key not in listed]

    async def is_rolled_up(self, channel: str, ref: ThreadRef) -> bool:
        return await self.client.zscore(self.keys.rolled_up(channel), ref.key) is not None

    async def rollup_done(
        self, channel: str, refs: list[ThreadRef], posted_at: float, keep: float
    ) -> None:
        """Remember which threads the roll-up listed and when it went out."""
        listed = self.keys.rolled_up(channel)
        async with self.client.pipeline(transaction=False) as pipe:  # keys of different slots
            if refs:
                pipe.zadd(listed, {ref.key: posted_at for ref in refs})
            pipe.zremrangebyscore(listed, "-inf", posted_at - keep)
            pipe.zremrangebyrank(listed, 0, -(MAX_WATCHED + 1))
            pipe.expire(listed, int(keep))
            pipe.set(self.keys.rollup_last(channel), str(posted_at), ex=int(keep))
            await pipe.execute()

    async def rollup_posted_at(self, channel: str) -> float:
        """When the last roll-up of `channel` went out (0: never, or forgotten)."""
        raw = await self.client.get(self.keys.rollup_last(channel))
        try:
            return float(_decode(raw)) if raw else 0.0
        except ValueError:
            return 0.0

    async def lock_rollup(self, channel: str, seconds: float) -> bool:
        """Hold `channel`'s roll-up for a moment (one process writes it); True when held."""
        key = self.keys.rollup_lock(channel)
        return bool(await self.client.set(key, "1", nx=True, px=int(seconds * 1000)))

    async def unlock_rollup(self, channel: str) -> None:
        await self.client.delete(self.keys.rollup_lock(channel))

    # --- dedicated workers: who is alive ------------------------------------------------------

    async def dedicated_worker_alive(self, name: str, now: float, keep: float) -> None:
        """Dedicated worker `name` is alive at `now` (forgotten `keep` seconds after its last)."""
        key = self.keys.dedicated_workers()
        async with self.client.pipeline(transaction=True) as pipe:  # one key
            pipe.zadd(key, {name: now})
            pipe.zremrangebyscore(key, "-inf", now - keep)
            pipe.expire(key, int(keep) + 60)
            await pipe.execute()

    async def dedicated_workers_alive(self, since: float) -> bool:
        """Whether some dedicated worker said it was alive after `since`."""
        return bool(await self.client.zcount(self.keys.dedicated_workers(), f"({since}", "+inf"))

    # --- overflow: a burst of alerts listed in one message ------------------------------------

    async def overflow_add(self, channel: str, ref: ThreadRef, at: float, keep: float) -> None:
        """`ref`'s alert waits for `channel`'s next overflow message (once; kept `keep` s)."""
        key = self.keys.overflow_waiting(channel)
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.zadd(key, {ref.key: at}, nx=True)
            pipe.expire(key, int(keep))
            await pipe.execute()

    async def overflow_waiting(self, channel: str, limit: int) -> list[ThreadRef]:
        """The alerts waiting for `channel`'s next overflow message, oldest first."""
        rows = await self.client.zrange(self.keys.overflow_waiting(channel), 0, limit - 1)
        return [ThreadRef.parse(_decode(k)) for k in rows]

    async def overflow_place(self, channel: str, ref: ThreadRef) -> tuple[bool, str]:
        """Whether `ref`'s alert waits for `channel`'s next overflow message, and the ts of the
        overflow message that lists it ('' = none)."""
        async with self.client.pipeline(transaction=False) as pipe:  # keys of different slots
            pipe.zscore(self.keys.overflow_waiting(channel), ref.key)
            pipe.get(self.keys.overflow_listed(channel, ref.key))
            waiting, listed = await pipe.execute()
        return waiting is not None, _decode(listed) if listed else ""

    async def overflow_posted(
        self, channel: str, ts: str, refs: list[ThreadRef], keep: float
    ) -> None:
        """The overflow message `ts` lists `refs`: they wait no more, and it can be re-rendered."""
        message = self.keys.overflow_message(channel, ts)
        async with self.client.pipeline(transaction=False) as pipe:  # keys of different slots
            pipe.zrem(self.keys.overflow_waiting(channel), *[ref.key for ref in refs])
            for ref in refs:
                pipe.set(self.keys.overflow_listed(channel, ref.key), ts, ex=int(keep))
            pipe.delete(message)
            pipe.rpush(message, *[ref.key for ref in refs])
            pipe.expire(message, int(keep))
            await pipe.execute()

    async def overflow_members(self, channel: str, ts: str) -> list[ThreadRef]:
        """The threads the overflow message `ts` of `channel` lists, in its order."""
        rows = await self.client.lrange(self.keys.overflow_message(channel, ts), 0, -1)
        return [ThreadRef.parse(_decode(k)) for k in rows]

    async def lock_overflow(self, channel: str, seconds: float) -> bool:
        """Hold `channel`'s overflow message for a moment (one process writes it)."""
        key = self.keys.overflow_lock(channel)
        return bool(await self.client.set(key, "1", nx=True, px=int(seconds * 1000)))

    async def unlock_overflow(self, channel: str) -> None:
        await self.client.delete(self.keys.overflow_lock(channel))

    # --- Slack's rate limits, shared by every process ---------------------------------------

    async def take_rate(
        self,
        team: str,
        method: str,
        budgets: list[tuple[str, float, int]],
        now: float,
        ticket: str = "",
    ) -> float:
        """Charge one call of `method` in workspace `team` to `budgets` (name, seconds between
        calls, burst): 0 when it may go now, else the seconds to wait. With a `ticket` (an
        effect's id) a call that has to wait keeps its place in line until it comes back; without
        one nothing is charged. A method paused after a 429 waits for the pause to end."""
        keys = [self.keys.rate(team, f"pause:{method}"), self.keys.rate(team, "tickets")]
        args: list[Any] = [repr(now), ticket]
        for name, interval, burst in budgets:
            keys.append(self.keys.rate(team, name))
            args += [name, repr(interval), burst]
        left = await self._rate(keys=keys, args=args)
        return max(0.0, float(_decode(left)))

    async def rate_line(
        self, team: str, name: str, interval: float, now: float, ticket: str = "", own: bool = False
    ) -> float:
        """How long a new call would wait in the one-at-a-time budget `name` (a channel's posts)
        of workspace `team` now, as `rate.lua` would reserve it; 0 when `ticket` holds a place in
        it already. `own`: how long until the place `ticket` holds comes round instead (0: it
        holds none, or its turn has come), so a burst waiting for its turn looks it up instead of
        preparing a post the budget would refuse. Charges nothing."""
        tickets = self.keys.rate(team, "tickets")
        async with self.client.pipeline(transaction=False) as pipe:  # one slot: {rl:<team>}
            pipe.get(self.keys.rate(team, name))
            pipe.hget(tickets, f"{name}|{ticket}" if ticket else f"{name}|")
            pipe.hget(tickets, f"{name}|last")
            tat, held, last = await pipe.execute()
        spaced = float(_decode(last)) + interval if last else 0.0
        if own:
            return max(0.0, float(_decode(held)) - now, spaced - now) if held is not None else 0.0
        if ticket and held is not None:
            return 0.0
        booked = float(_decode(tat)) if tat else 0.0
        return max(0.0, booked - now, spaced - now)

    async def pause_rate(self, team: str, method: str, seconds: float, now: float) -> None:
        """Slack answered 429: `method` waits `seconds` (services' clock) in every process."""
        key = self.keys.rate(team, f"pause:{method}")
        await self.client.set(key, repr(now + seconds), ex=int(seconds) + 60)

    # --- App Home: who has it open, and the debounce ----------------------------------------

    async def home_opened(self, user: str, seconds: int, debounce: float) -> None:
        """`user` opened their App Home (and it is published now): publish changes to it for
        `seconds`, the next one after `debounce`."""
        async with self.client.pipeline(transaction=True) as pipe:  # one slot: {home:<user>}
            pipe.set(self.keys.home_open(user), "1", ex=seconds)
            pipe.set(self.keys.home_published(user), "1", px=int(debounce * 1000))
            await pipe.execute()

    async def homes_due(self, users: list[str], debounce: float) -> dict[str, int]:
        """For each user: 1 publish now, 0 never (App Home not open), -1 later (debounced)."""
        if not users:
            return {}
        results = await run_pipelined(
            self.client,
            [
                (
                    "home_due.lua",
                    [self.keys.home_open(user), self.keys.home_published(user)],
                    [int(debounce * 1000)],
                )
                for user in users
            ],
        )
        for result in results:
            if isinstance(result, Exception):
                raise result
        return {user: int(r) for user, r in zip(users, results, strict=True)}

    # --- the leak guard's memory of shared channels --------------------------------------------

    async def mark_channel_shared(self, channel: str, ttl: int) -> None:
        await self.client.set(self.keys.shared_channel(channel), "1", ex=ttl)

    async def channel_marked_shared(self, channel: str) -> bool:
        return bool(await self.client.exists(self.keys.shared_channel(channel)))

    async def clear_channel_shared(self, channel: str) -> None:
        await self.client.delete(self.keys.shared_channel(channel))

    async def record_outcome(self, outcome: dict[str, Any]) -> None:
        """Append a supervisor's answer to an alert (ids and cue kinds only, no text)."""
        key = self.keys.alert_outcomes()
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.xadd(key, {"o": json.dumps(outcome)}, maxlen=50_000, approximate=True)
            pipe.expire(key, OUTCOME_TTL)
            await pipe.execute()

    async def outcomes(self) -> list[dict[str, Any]]:
        rows = cast(
            list[tuple[Any, dict[Any, Any]]], await self.client.xrange(self.keys.alert_outcomes())
        )
        out: list[dict[str, Any]] = []
        for _id, fields in rows:
            raw = fields.get(b"o", fields.get("o"))
            if raw is not None:
                out.append(cast(dict[str, Any], json.loads(_decode(raw))))
        return out

    # --- learning from answers: per-channel tuning (bot/flows/learning.py) ----------------------

    async def load_tuning(self, channel: str) -> Versioned:
        """A channel's learned shifts and the version they were read at (0: nothing learned)."""
        raw = await self.client.hgetall(self.keys.tuning(channel))
        if not raw:
            return Versioned(0, None)
        data = {_decode(k): v for k, v in raw.items()}
        return Versioned(int(_decode(data["v"])), docjson.loads(data["doc"]))

    async def save_tuning(
        self,
        channel: str,
        expected: int,
        doc: dict[str, Any] | None,
        changes: list[dict[str, Any]],
        *,
        answer_id: str | None = None,
        once_ttl: int = 0,
    ) -> Literal["saved", "conflict", "duplicate"]:
        """Write a channel's tuning (None: unchanged) and append `changes`, only if nobody wrote
        since version `expected`; with `answer_id`, only if that answer was not learned from
        before (marked for `once_ttl` seconds, in the same step)."""
        once = answer_id is not None and once_ttl > 0
        if changes:
            async with self.client.pipeline(transaction=True) as pipe:
                at = float(changes[-1].get("at") or 0.0)
                pipe.zadd(self.keys.tuning_index(), {channel: at})
                pipe.zremrangebyrank(self.keys.tuning_index(), 0, -(MAX_TUNED_CHANNELS + 1))
                pipe.expire(self.keys.tuning_index(), TUNING_TTL)
                await pipe.execute()
        result = await self._tune(
            keys=[
                self.keys.tuning(channel),
                self.keys.tuning_changes(channel),
                self.keys.tuning_once(channel, answer_id or "-"),
            ],
            args=[
                expected,
                "" if doc is None else docjson.dumps(doc),
                TUNING_TTL,
                TUNING_CHANGES_KEPT,
                once_ttl if once else 0,
                *(docjson.dumps(c) for c in changes),
            ],
        )
        code = int(result)
        return "duplicate" if code == -2 else "conflict" if code == -1 else "saved"

    async def tuning_changes(self, channel: str, limit: int = 10) -> list[dict[str, Any]]:
        """A channel's most recent changes, newest first."""
        rows = await self.client.lrange(self.keys.tuning_changes(channel), 0, max(0, limit - 1))
        out: list[dict[str, Any]] = []
        for row in rows:
            try:
                data = json.loads(_decode(row))
            except ValueError:
                continue
            if isinstance(data, dict):
                out.append(data)
        return out

    async def tuned_channels(self, limit: int = MAX_TUNED_CHANNELS) -> list[str]:
        """Channels whose tuning changed, most recently changed first."""
        keys = await self.client.zrevrange(self.keys.tuning_index(), 0, limit - 1)
        return [_decode(k) for k in keys]
