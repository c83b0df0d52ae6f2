"""What a Redis server says about itself, for `undertone doctor`: reachable, version,
persistence, memory policy. Plain facts; `bot.doctor` decides what is wrong."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from bot.stores.store import Store

MIN_VERSION = (6, 2)  # XAUTOCLAIM (taking over a dead worker's entries) arrived in Redis 6.2


@dataclass(frozen=True, slots=True)
class RedisFacts:
    reachable: bool
    error: str = ""
    embedded: bool = False
    version: str = ""
    aof: bool | None = None  # None: INFO unavailable (e.g. a managed Redis that hides it)
    rdb_saves: bool | None = None
    maxmemory: int | None = None
    policy: str = ""

    @property
    def version_tuple(self) -> tuple[int, ...]:
        parts = [p for p in self.version.split(".") if p.isdigit()]
        return tuple(int(p) for p in parts[:3])


def _int(info: dict[str, Any], key: str) -> int | None:
    try:
        return int(info[key])
    except (KeyError, TypeError, ValueError):
        return None


async def redis_facts(store: Store, timeout: float = 5.0) -> RedisFacts:
    """Ask the server (INFO server/persistence/memory, CONFIG GET save when allowed)."""
    if store.embedded:
        return RedisFacts(reachable=True, embedded=True)
    try:
        async with asyncio.timeout(timeout):
            await store.client.ping()
            info: dict[str, Any] = {}
            for section in ("server", "persistence", "memory"):
                info.update(await store.client.info(section))
            saves: bool | None = None
            try:
                save = await store.client.config_get("save")
                saves = bool(str(save.get("save") or "").strip())
            except Exception:  # CONFIG is often disabled on managed Redis
                saves = None
    except Exception as exc:
        return RedisFacts(reachable=False, error=f"{type(exc).__name__}: {exc}"[:200])
    return RedisFacts(
        reachable=True,
        version=str(info.get("redis_version") or ""),
        aof=None if "aof_enabled" not in info else bool(_int(info, "aof_enabled")),
        rdb_saves=saves,
        maxmemory=_int(info, "maxmemory"),
        policy=str(info.get("maxmemory_policy") or ""),
    )
