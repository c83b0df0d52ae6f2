"""A worker process yields the CPU to the acknowledgements.

`serve` must answer Slack within milliseconds; a worker's work (scoring, hints, pings) has a
budget of hundreds of milliseconds. When both share a host's cores, `undertone worker` lowers its
own scheduling priority so a request that arrives is read at once rather than after the worker's
time slice. It only ever lowers its priority (which needs no privilege), never raises another's.

Linux groups a session's processes for scheduling (autogroups): between processes that each lead
their own session (as supervisors and harnesses start them), a plain `nice` changes nothing, so a
worker that leads its session sets its group's nice value too. A worker that shares its session
with others leaves the group alone (that would slow them as well) and relies on the plain nice.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

AUTOGROUP = Path("/proc/self/autogroup")


def yield_cpu(
    nice: int,
    *,
    renice: Callable[[int], int] = os.nice,
    leads_session: Callable[[], bool] = lambda: os.getsid(0) == os.getpid(),
    autogroup: Path = AUTOGROUP,
) -> list[str]:
    """Lower this process's CPU priority by `nice` (0: leave it). Returns what was changed:
    `nice` and, when this process leads its own session and the kernel groups by session,
    `autogroup`."""
    if nice <= 0:
        return []
    changed: list[str] = []
    try:
        renice(nice)
        changed.append("nice")
    except OSError:
        pass
    if leads_session():
        try:
            autogroup.write_text(f"{nice}\n")
            changed.append("autogroup")
        except OSError:  # no autogroups (not Linux, or built without them): plain nice only
            pass
    return changed
