"""Group commit: calls of one script that arrive while a round trip is in flight share the next.

Every intake is one script call, and on this kind of machine the socket write of a small
request costs as much as the script itself. When Slack sends a burst (or a stall of the process
is followed by many requests at once) the calls pile up behind the one in flight; they go out
together in one pipelined round trip as soon as it returns, instead of one write and one read
each. A call that finds nothing in flight goes out at once, alone, so a quiet process adds no
delay. Each caller gets its own result or its own error, as if it had called alone.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from bot.stores.scripts import run_pipelined

_Pending = tuple[Sequence[Any], Sequence[Any], "asyncio.Future[Any]"]


class GroupCommit:
    """Runs one script for many concurrent callers, batching those that wait."""

    def __init__(self, client: Any, name: str, alone: Any) -> None:
        self._client = client
        self._name = name
        self._alone = alone  # the registered script: one call, redis-py's own NOSCRIPT handling
        self._pending: list[_Pending] = []
        self._task: asyncio.Task[None] | None = None  # the drain in flight (held: never dropped)
        self.round_trips = 0  # for tests and benchmarks: how many round trips carried the calls

    async def __call__(self, keys: Sequence[Any], args: Sequence[Any]) -> Any:
        """The script's result for these keys and args (its error raised here)."""
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending.append((keys, args, future))
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        # no await between the last look at `_pending` and the task ending: a call arriving
        # later sees the task done and starts the next drain
        while self._pending:
            batch, self._pending = self._pending, []
            await self._send(batch)

    async def _send(self, batch: list[_Pending]) -> None:
        self.round_trips += 1
        try:
            if len(batch) == 1:
                keys, args, _ = batch[0]
                results: list[Any] = [await self._alone(keys=keys, args=args)]
            else:
                calls = [(self._name, keys, args) for keys, args, _ in batch]
                results = await run_pipelined(self._client, calls)
        except BaseException as exc:  # the round trip failed: every caller in it hears so
            for _, _, future in batch:
                if not future.done():
                    future.set_exception(exc if isinstance(exc, Exception) else RuntimeError(exc))
            if not isinstance(exc, Exception):
                raise
            return
        for (_, _, future), result in zip(batch, results, strict=True):
            if future.done():  # its caller went away (a request cancelled)
                continue
            if isinstance(result, Exception):
                future.set_exception(result)
            else:
                future.set_result(result)
