"""The Lua scripts shipped with the stores (read once, registered per client)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from redis.exceptions import NoScriptError


@cache
def script(name: str) -> str:
    return resources.files("bot.stores").joinpath("lua", name).read_text(encoding="utf-8")


@cache
def sha(name: str) -> str:
    return hashlib.sha1(script(name).encode()).hexdigest()  # noqa: S324  (Redis's script id)


Call = tuple[str, Sequence[Any], Sequence[Any]]  # script name, keys, args


async def run_pipelined(client: Any, calls: Sequence[Call]) -> list[Any]:
    """Run scripts in one non-transactional pipeline (split by node on a cluster) by their SHA;
    a server that does not know a script yet (first use, a restart) is taught it and only those
    calls run again. Errors come back as exception values, in order."""

    async def run(batch: Sequence[Call]) -> list[Any]:
        async with client.pipeline(transaction=False) as pipe:
            for name, keys, args in batch:
                pipe.execute_command("EVALSHA", sha(name), len(keys), *keys, *args)
            return list(await pipe.execute(raise_on_error=False))

    results = await run(calls)
    missing = [i for i, r in enumerate(results) if isinstance(r, NoScriptError)]
    if missing:
        for name in {calls[i][0] for i in missing}:
            await client.script_load(script(name))  # a cluster loads it on every primary
        for i, result in zip(missing, await run([calls[i] for i in missing]), strict=True):
            results[i] = result
    return results
