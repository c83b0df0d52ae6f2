"""The watch tier's effect: make sure a heated thread appears in its supervisor channel's roll-up.

A thread that is heating up with no cue worth a ping (the watch tier) is never posted on its own.
It goes on the channel's heating-up list and into the next roll-up: one message that lists every
thread watched since the last one, posted at most once per `watch.rollup_every_seconds` per
supervisor channel. Each watched thread queues one `Rollup`; the first one due posts for all of
them, the others find their thread already listed and are done. A roll-up is worth sending for a
few hours.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from bot.effects.envelope import Intent


class Rollup(Intent):
    """List this thread in the next roll-up of `channel` (a supervisor channel)."""

    DEADLINE: ClassVar[float] = 6 * 3600.0

    kind: Literal["rollup"] = "rollup"
    v: Literal[1] = 1
    channel: str
    watched_at: float  # when the thread went on the list (the roll-up lists newer ones)
