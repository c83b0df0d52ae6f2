"""Whisper: one private (ephemeral) message to the thread's agent for one customer message.

It carries the coaching hint, the "a supervisor has been told" notice, or both: an agent gets at
most one ephemeral per customer message. A whisper is worth sending for a few minutes only; after
that the conversation has moved on.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from bot.core.coaching import Hint, Severity
from bot.core.models import Level, Trend
from bot.effects.envelope import Intent
from bot.effects.followup import OverdueNote


class HintCard(BaseModel):
    """The hint the coach chose, with the reading it was chosen for (ids and short quotes)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    step_id: str
    step_title: str
    severity: Severity
    headline: str
    why: str
    phrasings: tuple[str, ...]
    slip_fix: str | None = None
    level: Level
    trend: Trend

    @classmethod
    def of(cls, hint: Hint, level: Level, trend: Trend) -> HintCard:
        return cls(
            id=hint.id,
            step_id=hint.step_id,
            step_title=hint.step_title,
            severity=hint.severity,
            headline=hint.headline,
            why=hint.why,
            phrasings=tuple(hint.phrasings),
            slip_fix=hint.slip_fix,
            level=level,
            trend=trend,
        )

    def hint(self) -> Hint:
        return Hint(
            id=self.id,
            step_id=self.step_id,
            step_title=self.step_title,
            severity=self.severity,
            headline=self.headline,
            why=self.why,
            phrasings=self.phrasings,
            slip_fix=self.slip_fix,
        )


NoticeKind = Literal["alerted", "claimed", "false_alarm"]


class Notice(BaseModel):
    """What happened to the thread's alert, told to the agent."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: NoticeKind
    supervisor: str | None = None


class Whisper(Intent):
    """An ephemeral to `agent` in the thread (a DM when they left the channel)."""

    DEADLINE: ClassVar[float] = 5 * 60.0

    kind: Literal["whisper"] = "whisper"
    v: Literal[1] = 1
    thread: str  # ThreadRef.key (the buttons carry it)
    channel: str
    thread_ts: str
    agent: str
    hint: HintCard | None = None
    notice: Notice | None = None
    overdue: OverdueNote | None = None  # the agent's promise came due and the customer asks again


def superseding(older: Whisper, newer: Whisper) -> Whisper:
    """A newer whisper to the same agent in the same thread replaces one not delivered yet (after
    an outage the agent gets the latest hint once, not a stack of stale ones); a notice rides
    along, and the older hint is kept when the newer whisper is only a notice."""
    return newer.model_copy(
        update={
            "hint": newer.hint or older.hint,
            "notice": newer.notice or older.notice,
            "overdue": newer.overdue or older.overdue,
        }
    )
