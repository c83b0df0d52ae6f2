"""Slack's rate limits as budgets shared by every process (kept in Redis, on the bot's clock).

Slack limits each method per workspace, and `chat.postMessage` also to about one message a second
per channel. Every replica and worker charges the same budgets before a call, so together they
stay inside them; a call over budget is not made: the effect waits for its turn (delivery
reschedules it after the wait, as after a 429), and keeps its place in line: a burst is sent in
the order it came, one slot after another. When Slack answers 429 all the same, its
`Retry-After` pauses that method in that workspace for every process.

The per-workspace budgets sit above Slack's published tier minimums ("100+ per minute" for Tier
4): Slack's real limits are higher and not published, and its 429 is the authority; the budgets
keep a burst from many processes from turning into a storm of 429s. The per-channel budget is the
supervisor channels' attention budget too (`watch.max_new_posts_per_second` in the phrasebook).
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from bot import metrics

log = logging.getLogger(__name__)

# The effect being sent ("<thread>/<effect id>"): its place in a budget's line is kept for it.
sending: contextvars.ContextVar[str] = contextvars.ContextVar("undertone_sending", default="")


@dataclass(frozen=True, slots=True)
class Limit:
    per_minute: float
    burst: int

    @property
    def interval(self) -> float:
        return 60.0 / self.per_minute


# Per workspace and method (calls a minute, calls at once). Methods not named are not budgeted.
METHOD_LIMITS: dict[str, Limit] = {
    "chat.postEphemeral": Limit(6000, 200),
    "chat.postMessage": Limit(600, 60),  # Slack: "several hundred a minute" per workspace
    "chat.update": Limit(600, 50),
    "views.publish": Limit(1200, 100),
}
PER_CHANNEL = ("chat.postMessage",)  # also about one new message a second per channel


class RateStore(Protocol):
    async def take_rate(
        self,
        team: str,
        method: str,
        budgets: list[tuple[str, float, int]],
        now: float,
        ticket: str = "",
    ) -> float: ...

    async def pause_rate(self, team: str, method: str, seconds: float, now: float) -> None: ...

    async def rate_line(
        self, team: str, name: str, interval: float, now: float, ticket: str = "", own: bool = False
    ) -> float: ...


class SlackBudget:
    """Charges calls to the shared budgets; records 429 pauses."""

    def __init__(
        self,
        store: RateStore,
        *,
        clock: Callable[[], float],
        channel_per_second: float = 1.0,
        default_team: Callable[[], str] = lambda: "",
        limits: dict[str, Limit] | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.channel_interval = 1.0 / channel_per_second
        self.default_team = default_team
        self.limits = METHOD_LIMITS if limits is None else limits

    def covers(self, method: str) -> bool:
        return method in self.limits

    async def take(self, team: str | None, method: str, args: dict[str, Any]) -> float:
        """Seconds to wait before `method` may be called (0: go, the call is charged). An effect
        being sent (`sending`) keeps its place in line while it waits; a call outside an effect
        is never held back. Fails open: when Redis cannot answer, the call is made (Slack's 429
        still protects)."""
        limit = self.limits.get(method)
        if limit is None:
            return 0.0
        budgets = [(method, limit.interval, limit.burst)]
        channel = args.get("channel")
        if method in PER_CHANNEL and isinstance(channel, str) and channel:
            budgets.append((f"chan:{channel}", self.channel_interval, 1))
        workspace = team or self.default_team() or "-"
        try:
            wait = await self.store.take_rate(
                workspace, method, budgets, self.clock(), sending.get()
            )
        except Exception as exc:
            log.warning("rate_budget_unavailable", extra={"error": type(exc).__name__})
            return 0.0
        if wait > 0 and not sending.get():
            # Not an effect but a call a person is waiting on (a slash command's answer, a
            # practice round in their DM): never held back (it has no turn to wait for); it is
            # charged when it fits, and Slack's own 429 still guards it.
            return 0.0
        if wait > 0:
            metrics.SLACK_BUDGET_WAITS.labels(method=method).inc()
        return wait

    async def line(self, team: str | None, channel: str, *, own: bool = False) -> float:
        """Seconds a new post into `channel` would wait for its turn now; 0 when the effect being
        sent already holds its place in line. `own`: seconds until that place comes round (0: it
        holds none yet, or its turn has come). Charges nothing. Fails open (0)."""
        workspace = team or self.default_team() or "-"
        try:
            return await self.store.rate_line(
                workspace,
                f"chan:{channel}",
                self.channel_interval,
                self.clock(),
                sending.get(),
                own=own,
            )
        except Exception as exc:
            log.warning("rate_budget_unavailable", extra={"error": type(exc).__name__})
            return 0.0

    async def paused(self, team: str | None, method: str, seconds: float) -> None:
        """Slack answered 429 with `Retry-After: seconds`: every process waits that long."""
        workspace = team or self.default_team() or "-"
        try:
            await self.store.pause_rate(workspace, method, seconds, self.clock())
        except Exception as exc:
            log.warning("rate_pause_unrecorded", extra={"error": type(exc).__name__})
