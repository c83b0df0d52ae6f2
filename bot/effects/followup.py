"""Follow-through effects: the reminder of a promise come due, and the check-in after a thread
was resolved. Both are whispers to the thread's agent, due at a time of their own (queued with
`not_before`), and both find out at send time whether they are still needed: a promise kept or
already reminded, a thread reopened, sends nothing.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from bot.effects.envelope import Intent


class PromiseReminder(Intent):
    """Remind the agent of the promise made in `made_ts` (an ephemeral in the thread)."""

    DEADLINE: ClassVar[float] = 3600.0  # after its due time

    kind: Literal["promise_reminder"] = "promise_reminder"
    v: Literal[1] = 1
    thread: str
    channel: str
    thread_ts: str
    agent: str
    made_ts: str  # which promise (a newer one, or an update, makes this one moot)


class CheckIn(Intent):
    """Suggest the agent checks in with the customer, some time after the thread was resolved."""

    DEADLINE: ClassVar[float] = 6 * 3600.0

    kind: Literal["check_in"] = "check_in"
    v: Literal[1] = 1
    thread: str
    channel: str
    thread_ts: str
    agent: str
    resolved_at: float


class OverdueNote(BaseModel):
    """Rides on a whisper when the customer writes again after a promise came due."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    quote: str  # the agent's own words, short
    due_at: float
