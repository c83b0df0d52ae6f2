"""The Lua scripts shipped with the stores (read once, registered per client)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def script(name: str) -> str:
    return resources.files("bot.stores").joinpath("lua", name).read_text(encoding="utf-8")
