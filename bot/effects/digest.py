"""The supervisors' digest: one message with a chart, posted into a supervisor channel.

Weekly (and on demand) a `DigestPost` is queued in a document of its own for that channel and
period (`digest-<start>`), so it goes out once per channel and week whatever the number of
workers. It is rendered at send time from the after-thread records of [start, end).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from bot.effects.envelope import Intent


class DigestPost(Intent):
    """Post the digest of [start, end) into `channel`, with its chart."""

    DEADLINE: ClassVar[float] = 24 * 3600.0

    kind: Literal["digest"] = "digest"
    v: Literal[1] = 1
    channel: str
    start: float
    end: float
    on_demand: bool = False  # asked for with /playbook digest (a weekly one with no threads is
    # not posted)
