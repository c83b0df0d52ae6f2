"""A small bounded cache with a time to live: what a process remembers about Slack never grows
without limit and never outlives its TTL."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class TtlCache(Generic[K, V]):
    """At most `size` entries, each kept `ttl` seconds; the least recently written go first."""

    def __init__(
        self, *, size: int, ttl: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if size < 1 or ttl <= 0:
            raise ValueError("a cache needs a positive size and TTL")
        self.size, self.ttl = size, ttl
        self._clock = clock
        self._items: OrderedDict[K, tuple[float, V]] = OrderedDict()

    def get(self, key: K) -> V | None:
        """The value, or None when absent or expired (expired entries are dropped)."""
        item = self._items.get(key)
        if item is None:
            return None
        if self._clock() >= item[0]:
            del self._items[key]
            return None
        return item[1]

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None  # type: ignore[arg-type]

    def put(self, key: K, value: V, ttl: float | None = None) -> None:
        """Remember `value` for `ttl` seconds (the cache's TTL unless shorter is asked)."""
        life = self.ttl if ttl is None else min(ttl, self.ttl)
        self._items.pop(key, None)
        self._items[key] = (self._clock() + life, value)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def pop(self, key: K) -> None:
        self._items.pop(key, None)

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
