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

from bot.stores.keys import Keys, ThreadRef
from bot.stores.scripts import script

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
        self._due_claim = client.register_script(script("due_claim.lua"))
        self._due_finish = client.register_script(script("due_finish.lua"))
        self.wake = asyncio.Event()  # set when this process schedules something due now

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

    # --- the due index ------------------------------------------------------------------------

    async def schedule(self, ref: ThreadRef, at: float, *, soon: bool = True) -> None:
        """The thread has an effect due at `at` (an earlier time already set is kept); `soon`
        wakes this process's delivery loop."""
        async with self.client.pipeline(transaction=False) as pipe:
            pipe.zadd(self.keys.due(), {ref.key: at}, lt=True)
            pipe.expire(self.keys.due(), DUE_TTL)  # gone after a week without effects
            await pipe.execute()
        if soon:
            self.wake.set()

    async def take_due(self, now: float, lease_seconds: float, limit: int = 32) -> DueThreads:
        until = repr(float(now + lease_seconds))  # exact: `finish` compares it with ZSCORE
        rows = await self._due_claim(keys=[self.keys.due()], args=[repr(float(now)), until, limit])
        return DueThreads(until, [ThreadRef.parse(_text(m)) for m in rows or []])

    async def finish(self, ref: ThreadRef, score: str, next_at: float | None) -> None:
        """Done with a thread taken by `take_due`: due again at `next_at`, or not at all."""
        await self._due_finish(
            keys=[self.keys.due()],
            args=[ref.key, score, "" if next_at is None else repr(float(next_at))],
        )

    async def due_stats(self, now: float) -> tuple[int, float]:
        """(threads with effects waiting, seconds the most overdue one is late)."""
        count = int(await self.client.zcard(self.keys.due()))
        first = await self.client.zrange(self.keys.due(), 0, 0, withscores=True)
        late = max(0.0, now - float(first[0][1])) if first else 0.0
        return count, late
