"""Dead letters: intake entries that failed too often and effects given up on.

A dead letter keeps ids, times and the reason, never the message text: the entry's text is
removed when it is buried, and `replay` fetches it again from Slack. The stream is capped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, cast

import redis.asyncio as aioredis

from bot.stores.keys import STREAM_GROUP, Keys, shard_of_fields

DEAD_MAXLEN = 10_000
TEXT_FIELDS = ("text",)


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """One buried entry or effect."""

    id: str
    fields: dict[str, str]

    @property
    def kind(self) -> str:
        return self.fields.get("dead", "")


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _letters(rows: Any) -> list[DeadLetter]:
    pairs = cast(list[tuple[Any, dict[Any, Any]]], rows or [])
    return [DeadLetter(_text(i), {_text(k): _text(v) for k, v in f.items()}) for i, f in pairs]


class DeadLetters:
    """The dead-letter stream."""

    def __init__(self, client: aioredis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys

    async def bury_entry(
        self, entry_id: str, fields: dict[str, str], reason: str, deliveries: int, at: float
    ) -> None:
        """Move an intake entry here (without its text) and drop it from the intake stream."""
        kept: dict[Any, Any] = {k: v for k, v in fields.items() if k not in TEXT_FIELDS}
        kept |= {
            "dead": "entry",
            "entry_id": entry_id,
            "reason": reason[:200],
            "deliveries": str(deliveries),
            "at": f"{at:.3f}",
        }
        # Two steps (the dead letters and the shard's stream live in different slots): a crash
        # in between leaves the entry pending, and it is buried again (two letters, no loss).
        await self.client.xadd(self.keys.dead_letters, kept, maxlen=DEAD_MAXLEN, approximate=True)
        stream = self.keys.stream(shard_of_fields(fields))
        async with self.client.pipeline(transaction=True) as pipe:
            pipe.xack(stream, STREAM_GROUP, entry_id)
            pipe.xdel(stream, entry_id)
            await pipe.execute()

    async def bury_effect(self, fields: dict[str, str]) -> None:
        """Record an effect given up on (thread key, effect id and kind, reason, attempts)."""
        body: dict[Any, Any] = {"dead": "effect", **fields}
        await self.client.xadd(self.keys.dead_letters, body, maxlen=DEAD_MAXLEN, approximate=True)

    async def count(self) -> int:
        return int(await self.client.xlen(self.keys.dead_letters))

    async def newest(self, limit: int = 100) -> list[DeadLetter]:
        """The most recent dead letters, newest first."""
        rows = await self.client.xrevrange(self.keys.dead_letters, count=limit)
        return _letters(rows)

    async def get(self, ids: list[str]) -> list[DeadLetter]:
        out: list[DeadLetter] = []
        for dead_id in ids:
            out += _letters(await self.client.xrange(self.keys.dead_letters, dead_id, dead_id))
        return out

    async def remove(self, dead_id: str) -> None:
        await self.client.xdel(self.keys.dead_letters, dead_id)


def describe(letter: DeadLetter) -> str:
    """One line for `undertone deadletters list`."""
    f = letter.fields
    if letter.kind == "entry":
        what = f"message {f.get('channel', '?')}/{f.get('ts', '?')} event {f.get('event_id', '?')}"
    else:
        what = f"{f.get('effect_kind', '?')} {f.get('effect', '?')} in {f.get('thread', '?')}"
    extra = {k: f[k] for k in ("deliveries", "attempts") if k in f}
    return f"{letter.id}  {letter.kind:6} {what}  reason={f.get('reason', '?')} {json.dumps(extra)}"
