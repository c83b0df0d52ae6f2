"""The effect ledger: who is sending an effect right now (a lease), which effects Slack already
accepted (a done-marker holding the receipt), and which threads have effects due (an index).

Every key has a TTL or is bounded; leases end by themselves when their holder dies.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from dataclasses import dataclass
from typing import Any, Literal

import redis.asyncio as aioredis

from bot.stores.keys import SHARDS, Keys, ThreadRef
from bot.stores.scripts import run_pipelined, script

DUE_TTL = 7 * 24 * 3600  # the due index outlives its busiest thread by far
DONE_TTL = 3600  # outlives every delivery round that read the outbox before the effect settled


@dataclass(frozen=True, slots=True)
class Claim:
    """The answer to "may I send this effect now?"."""

    state: Literal["claimed", "busy", "done"]
    token: str = ""  # the lease token (claimed)
    receipt: dict[str, Any] | None = None  # what Slack answered earlier (done)
    busy_for: float = 0.0  # seconds left on someone else's lease (busy)


@dataclass(frozen=True, slots=True)
class DueThreads:
    """Threads taken from the due index, and the score that marks them as ours."""

    score: str
    refs: list[ThreadRef]


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class EffectLedger:
    """Leases, done-markers and the due index (see module docs)."""

    def __init__(self, client: aioredis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        self._claim = client.register_script(script("effect_claim.lua"))
        self._release = client.register_script(script("effect_release.lua"))
        self._due_finish = client.register_script(script("due_finish.lua"))
        self.wake = asyncio.Event()  # set when this process schedules something due now
        self.woken: set[int] = set()  # the shards it scheduled something in since last looked

    def nudge(self, shards: set[int]) -> None:
        """Something is due now in these shards: wake this process's delivery loop."""
        self.woken |= shards
        self.wake.set()

    def take_woken(self) -> set[int]:
        woken, self.woken = self.woken, set()
        return woken

    async def claim(self, ref: ThreadRef, effect_id: str, lease_seconds: float) -> Claim:
        token = secrets.token_hex(8)
        result = await self._claim(
            keys=[self.keys.effect(ref, effect_id)], args=[token, int(lease_seconds * 1000)]
        )
        state = _text(result[0])
        if state == "done":
            return Claim("done", receipt=json.loads(_text(result[1])))
        if state == "busy":
            left = max(0, int(_text(result[1])))
            return Claim("busy", busy_for=left / 1000)
        return Claim("claimed", token=token)

    async def mark_done(self, ref: ThreadRef, effect_id: str, receipt: dict[str, Any]) -> None:
        """Slack accepted the effect: remember it (and where it landed) before anything else."""
        body = "D:" + json.dumps(receipt, separators=(",", ":"))
        await self.client.set(self.keys.effect(ref, effect_id), body, ex=DONE_TTL)

    async def release(self, ref: ThreadRef, effect_id: str, token: str) -> None:
        await self._release(keys=[self.keys.effect(ref, effect_id)], args=[token])

    async def forget(self, ref: ThreadRef, effect_ids: list[str]) -> None:
        """Drop done-markers once their effects left the outbox (they are no longer needed)."""
        if effect_ids:
            await self.client.delete(*(self.keys.effect(ref, i) for i in effect_ids))

    # --- the due index (one per intake shard) -------------------------------------------------

    async def schedule(self, ref: ThreadRef, at: float, *, soon: bool = True) -> None:
        """The thread has an effect due at `at` (an earlier time already set is kept); `soon`
        wakes this process's delivery loop."""
        key = self.keys.due(ref.shard)
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.zadd(key, {ref.key: at}, lt=True)
            pipe.expire(key, DUE_TTL)  # gone after a week without effects
            await pipe.execute()
        if soon:
            self.nudge({ref.shard})

    async def take_due(
        self, now: float, lease_seconds: float, limit: int = 32, shards: set[int] | None = None
    ) -> DueThreads:
        """Threads due by `now` from every shard (or only `shards`), at most `limit` from each,
        leased until `now + lease_seconds`."""
        until = repr(float(now + lease_seconds))  # exact: `finish` compares it with ZSCORE
        results = await run_pipelined(
            self.client,
            [
                ("due_claim.lua", [self.keys.due(shard)], [repr(float(now)), until, limit])
                for shard in (range(SHARDS) if shards is None else sorted(shards))
            ],
        )
        refs: list[ThreadRef] = []
        for result in results:
            if isinstance(result, Exception):
                raise result
            refs += [ThreadRef.parse(_text(m)) for m in result or []]
        return DueThreads(until, refs)

    async def finish(self, ref: ThreadRef, score: str, next_at: float | None) -> None:
        """Done with a thread taken by `take_due`: due again at `next_at`, or not at all."""
        await self._due_finish(
            keys=[self.keys.due(ref.shard)],
            args=[ref.key, score, "" if next_at is None else repr(float(next_at))],
        )

    async def due_stats(self, now: float) -> tuple[int, float]:
        """(threads with effects waiting, seconds the most overdue one is late)."""
        async with self.client.pipeline(transaction=False) as pipe:
            for shard in range(SHARDS):
                pipe.zcard(self.keys.due(shard))
                pipe.zrange(self.keys.due(shard), 0, 0, withscores=True)
            results = await pipe.execute()
        count = sum(int(n) for n in results[0::2])
        firsts = [float(rows[0][1]) for rows in results[1::2] if rows]
        late = max(0.0, now - min(firsts)) if firsts else 0.0
        return count, late
