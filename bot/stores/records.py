"""After-thread records, the index of threads still open, and practice rounds.

Records hold scores, ids and short evidence quotes only (never a transcript) and expire after the
team's retention (`followup.yaml`, records.retention_days); the indexes are trimmed to it. Practice
rounds are versioned documents of their own, never thread documents: nothing of practice reaches
the thread indexes, the records or the metrics.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

import redis.asyncio as aioredis

from bot.stores.keys import Keys, ThreadRef

MAX_ACTIVE = 10_000  # open threads tracked for the quiet sweep (the newest)
MAX_AGENT_RECORDS = 2_000
MAX_RECORDS = 100_000  # records indexed at once (each expires on its own)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class RecordStore:
    """Records by thread, by time and by agent; the open-thread index; practice rounds."""

    def __init__(self, client: aioredis.Redis, keys: Keys, cas: Any) -> None:
        self.client = client
        self.keys = keys
        self._cas = cas

    async def save(
        self, record: dict[str, Any], *, thread: str, agent: str, at: float, retention: int
    ) -> None:
        """Write (or rewrite, when a reopened thread is resolved again) one record."""
        body = json.dumps(record, separators=(",", ":"))
        indexes = [(self.keys.record_index(), MAX_RECORDS)]
        if agent:
            indexes.append((self.keys.agent_records(agent), MAX_AGENT_RECORDS))
        # Not atomic across keys (they lie in different slots on a cluster): the record first,
        # then its indexes; a crash in between is mended when the resolution is retried (it saves
        # the record again).
        async with self.client.pipeline(transaction=False) as pipe:
            pipe.set(self.keys.record(thread), body, ex=retention)
            for key, cap in indexes:
                pipe.zadd(key, {thread: at})
                pipe.zremrangebyscore(key, "-inf", at - retention)
                pipe.zremrangebyrank(key, 0, -(cap + 1))
                pipe.expire(key, retention)
            await pipe.execute()

    async def between(self, start: float, end: float) -> list[dict[str, Any]]:
        """Records resolved in [start, end), oldest first."""
        keys = await self.client.zrangebyscore(self.keys.record_index(), start, f"({end}")
        return await self._load([_text(k) for k in keys])

    async def of_agent(self, agent: str, since: float) -> list[dict[str, Any]]:
        keys = await self.client.zrangebyscore(self.keys.agent_records(agent), since, "+inf")
        return await self._load([_text(k) for k in keys])

    async def _load(self, threads: list[str]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for start in range(0, len(threads), 500):
            chunk = threads[start : start + 500]
            raws = await self.client.mget([self.keys.record(t) for t in chunk])
            out += [cast(dict[str, Any], json.loads(_text(r))) for r in raws if r is not None]
        return out

    # --- open threads (the quiet sweep) --------------------------------------------------------

    async def touch_active(self, seen: Sequence[tuple[ThreadRef, float]], ttl: int) -> None:
        """Open threads and the time of their last message, one round trip for a whole batch."""
        if not seen:
            return
        key = self.keys.active_threads()
        newest = max(at for _, at in seen)
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.zadd(key, {ref.key: at for ref, at in seen})
            pipe.zremrangebyscore(key, "-inf", newest - ttl)  # those threads have expired
            pipe.zremrangebyrank(key, 0, -(MAX_ACTIVE + 1))
            pipe.expire(key, ttl)
            await pipe.execute()

    async def quiet(self, before: float, limit: int = 100) -> list[ThreadRef]:
        """Open threads whose last message is older than `before`."""
        keys = await self.client.zrangebyscore(
            self.keys.active_threads(), "-inf", before, start=0, num=limit
        )
        return [ThreadRef.parse(_text(k)) for k in keys]

    async def drop_active(self, ref: ThreadRef) -> None:
        await self.client.zrem(self.keys.active_threads(), ref.key)

    # --- practice rounds -----------------------------------------------------------------------

    async def load_practice(self, user: str) -> tuple[int, dict[str, Any] | None]:
        raw = await self.client.hgetall(self.keys.practice(user))
        if not raw:
            return 0, None
        data = {_text(k): v for k, v in raw.items()}
        return int(_text(data["v"])), cast(dict[str, Any], json.loads(_text(data["doc"])))

    async def save_practice(self, user: str, version: int, doc: dict[str, Any], ttl: int) -> bool:
        """Compare-and-set, as for thread documents."""
        body = json.dumps(doc, separators=(",", ":"))
        result = await self._cas(keys=[self.keys.practice(user)], args=[version, body, ttl])
        return int(result) >= 0
