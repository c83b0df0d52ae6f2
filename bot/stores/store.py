"""State behind one port: the durable intake stream, versioned thread documents, once-keys and
counters.

The same code runs on a real Redis (REDIS_URL) and on an embedded in-process Redis (fakeredis)
when no URL is
given, so the embedded default has the same semantics as production (single process only).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, cast

import redis.asyncio as aioredis
from redis.exceptions import ResponseError

from bot.stores.keys import STREAM_GROUP, Keys, ThreadRef

log = logging.getLogger(__name__)

DEDUPE_TTL = 24 * 3600  # Slack retries for ~5 minutes; a day is a wide margin
STREAM_MAXLEN = 10_000
OUTCOME_TTL = 180 * 24 * 3600  # supervisor answers (ids and cue kinds) feed the precision report
MAX_OPEN_ALERTS = 1_000  # the open-alert index keeps the newest; App Home shows 20


def _script(name: str) -> str:
    return resources.files("bot.stores").joinpath("lua", name).read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Entry:
    """One intake stream entry."""

    id: str
    fields: dict[str, str]
    deliveries: int = 1


@dataclass(frozen=True, slots=True)
class Versioned:
    """A thread document and the version it was read at (0: it does not exist yet)."""

    version: int
    doc: dict[str, Any] | None


def _decode(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class Store:
    """Async access to Undertone's state; every key has a TTL or a bounded length."""

    def __init__(self, client: aioredis.Redis, *, embedded: bool, keys: Keys | None = None) -> None:
        self.client = client
        self.embedded = embedded
        self.keys = keys or Keys()
        self._intake = client.register_script(_script("intake.lua"))
        self._cas = client.register_script(_script("cas.lua"))
        self._wake = asyncio.Event()
        self._group_ready = False

    @classmethod
    def from_url(cls, url: str | None, *, prefix: str = "ut") -> Store:
        """A store on `url`, or on an embedded in-process Redis when `url` is None."""
        if url:
            return cls(aioredis.from_url(url), embedded=False, keys=Keys(prefix))
        from fakeredis import FakeAsyncRedis  # embedded default: no server to run

        return cls(FakeAsyncRedis(), embedded=True, keys=Keys(prefix))

    async def close(self) -> None:
        await self.client.aclose()

    async def ping(self) -> bool:
        try:
            return bool(await self.client.ping())
        except Exception:  # readiness probe: any failure means not ready
            return False

    # --- intake -------------------------------------------------------------------------------

    async def enqueue(self, source: str, event_id: str, fields: Mapping[str, str]) -> bool:
        """Take an event in once: True when new, False for a duplicate. Raises when Redis fails."""
        flat: list[str] = []
        for k, v in fields.items():
            flat += [k, v]
        result = await self._intake(
            keys=[self.keys.dedupe(source, event_id), self.keys.stream],
            args=[DEDUPE_TTL, STREAM_MAXLEN, *flat],
        )
        new = result not in (0, b"0", "0")
        if new:
            self._wake.set()
        return new

    async def ensure_group(self) -> None:
        if self._group_ready:
            return
        try:
            await self.client.xgroup_create(self.keys.stream, STREAM_GROUP, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
        self._group_ready = True

    async def read(self, consumer: str, *, count: int = 10, block_ms: int = 1000) -> list[Entry]:
        """New entries for this consumer; waits up to `block_ms` when there are none."""
        await self.ensure_group()
        self._wake.clear()
        rows = await self.client.xreadgroup(
            STREAM_GROUP,
            consumer,
            {self.keys.stream: ">"},
            count=count,
            block=None if self.embedded else block_ms,
        )
        entries = self._entries(rows)
        if not entries and self.embedded:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=block_ms / 1000)
        return entries

    @staticmethod
    def _entries(rows: Any) -> list[Entry]:
        out: list[Entry] = []
        for _stream, items in rows or []:
            for entry_id, fields in items:
                out.append(
                    Entry(_decode(entry_id), {_decode(k): _decode(v) for k, v in fields.items()})
                )
        return out

    async def claim_stale(self, consumer: str, *, min_idle_ms: int, count: int = 50) -> list[Entry]:
        """Take over entries another consumer read but never acknowledged (it died mid-way)."""
        await self.ensure_group()
        result = await self.client.xautoclaim(
            self.keys.stream,
            STREAM_GROUP,
            consumer,
            min_idle_time=min_idle_ms,
            start_id="0-0",
            count=count,
        )
        items = result[1] if len(result) > 1 else []
        return [
            Entry(_decode(i), {_decode(k): _decode(v) for k, v in f.items()}, deliveries=2)
            for i, f in items
            if f is not None
        ]

    async def ack(self, entry_id: str) -> None:
        """Done with an entry: acknowledge and delete it (its text leaves Redis)."""
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.xack(self.keys.stream, STREAM_GROUP, entry_id)
            pipe.xdel(self.keys.stream, entry_id)
            await pipe.execute()

    async def pending(self) -> int:
        """Entries read but not yet acknowledged (stream lag)."""
        await self.ensure_group()
        info = await self.client.xpending(self.keys.stream, STREAM_GROUP)
        return int(info["pending"]) if isinstance(info, dict) else 0

    async def intake_stats(self, now: float) -> tuple[int, int, float]:
        """(pending, backlog, lag seconds): entries read but not acknowledged, entries not finished
        (finished ones are deleted), and the age of the oldest unfinished one (ids are ms times)."""
        pending = await self.pending()
        backlog = int(await self.client.xlen(self.keys.stream))
        first = await self.client.xrange(self.keys.stream, count=1)
        if not first:
            return pending, backlog, 0.0
        added_ms = int(_decode(first[0][0]).split("-")[0])
        return pending, backlog, max(0.0, now - added_ms / 1000)

    # --- thread documents ---------------------------------------------------------------------

    async def load_thread(self, ref: ThreadRef) -> Versioned:
        raw = await self.client.hgetall(self.keys.thread(ref))
        if not raw:
            return Versioned(0, None)
        data = {_decode(k): v for k, v in raw.items()}
        return Versioned(int(_decode(data["v"])), json.loads(_decode(data["doc"])))

    async def save_thread(
        self, ref: ThreadRef, expected: int, doc: dict[str, Any], ttl: int
    ) -> bool:
        """Write `doc` only if nobody else wrote since version `expected`."""
        result = await self._cas(
            keys=[self.keys.thread(ref)],
            args=[expected, json.dumps(doc, separators=(",", ":")), ttl],
        )
        return int(result) >= 0

    # --- once-only effects, snoozes, counters ------------------------------------------------

    async def claim_once(self, effect_id: str, ttl: int = 7 * 24 * 3600) -> bool:
        """True the first time an effect id is claimed (across every replica)."""
        return bool(await self.client.set(self.keys.once(effect_id), "1", nx=True, ex=ttl))

    async def release_once(self, effect_id: str) -> None:
        await self.client.delete(self.keys.once(effect_id))

    async def snooze(self, agent: str, ref: ThreadRef, seconds: int) -> None:
        await self.client.set(self.keys.snooze(agent, ref), "1", ex=seconds)

    async def is_snoozed(self, agent: str, ref: ThreadRef) -> bool:
        return bool(await self.client.exists(self.keys.snooze(agent, ref)))

    async def count_feedback(self, hint_id: str, kind: str) -> None:
        async with self.client.pipeline(transaction=True) as pipe:
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

    async def touch_home(self, user: str, ref: ThreadRef, at: float, ttl: int) -> None:
        key = self.keys.agent_home(user)
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.zadd(key, {ref.key: at})
            pipe.zremrangebyrank(key, 0, -21)  # keep the 20 most recent threads
            pipe.expire(key, ttl)
            await pipe.execute()

    async def home_threads(self, user: str, limit: int = 10) -> list[ThreadRef]:
        keys = await self.client.zrevrange(self.keys.agent_home(user), 0, limit - 1)
        return [ThreadRef.parse(_decode(k)) for k in keys]

    async def set_open_alert(
        self, ref: ThreadRef, at: float, renotify_at: float | None, ttl: int
    ) -> None:
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.zadd(self.keys.open_alerts(), {ref.key: at})
            pipe.zremrangebyscore(self.keys.open_alerts(), "-inf", at - ttl)  # threads expired
            pipe.zremrangebyrank(self.keys.open_alerts(), 0, -(MAX_OPEN_ALERTS + 1))
            pipe.expire(self.keys.open_alerts(), ttl)
            if renotify_at is not None:
                pipe.zadd(self.keys.renotify(), {ref.key: renotify_at})
                pipe.zremrangebyscore(self.keys.renotify(), "-inf", at - ttl)
                pipe.expire(self.keys.renotify(), ttl)
            await pipe.execute()

    async def close_alert(self, ref: ThreadRef) -> None:
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.zrem(self.keys.open_alerts(), ref.key)
            pipe.zrem(self.keys.renotify(), ref.key)
            await pipe.execute()

    async def open_alerts(self, limit: int = 20) -> list[ThreadRef]:
        keys = await self.client.zrevrange(self.keys.open_alerts(), 0, limit - 1)
        return [ThreadRef.parse(_decode(k)) for k in keys]

    async def due_renotify(self, now: float) -> list[ThreadRef]:
        """Alerts whose re-notify time has come; each is handed out once (ZREM decides)."""
        keys = cast(list[bytes], await self.client.zrangebyscore(self.keys.renotify(), "-inf", now))
        due: list[ThreadRef] = []
        for k in keys:
            if await self.client.zrem(self.keys.renotify(), k):
                due.append(ThreadRef.parse(_decode(k)))
        return due

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
