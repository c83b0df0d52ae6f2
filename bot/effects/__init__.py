"""Typed effects: what the fold decides should reach people, kept in the thread's outbox.

Every kind lives in its own module (the intent, its deadline and its docs); this module is the one
list of kinds. Adding a kind: a module here with its `Intent` subclass, a member of `AnyIntent`, a
sender in `bot.flows.senders`, and its rendering in `bot.slack.render`.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.effects.alert import AlertReminder, AlertSync
from bot.effects.digest import DigestPost
from bot.effects.envelope import Intent, NotReady, Receipt, SendFailed
from bot.effects.followup import CheckIn, OverdueNote, PromiseReminder
from bot.effects.page import Page, PagerName
from bot.effects.rollup import Rollup
from bot.effects.whisper import HintCard, Notice, Whisper, superseding

AnyIntent = Annotated[
    Whisper | AlertSync | AlertReminder | Page | Rollup | PromiseReminder | CheckIn | DigestPost,
    Field(discriminator="kind"),
]

UNREADABLE_KEEP_SECONDS = 24 * 3600.0  # an entry this build cannot read waits this long at most


class Effect(BaseModel):
    """One outbox entry. `intent` is None when this build cannot read `raw` (kept as written)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str  # unique within its thread; names its lease and done-marker
    intent: AnyIntent | None = None
    raw: dict[str, Any] | None = None
    created_at: float = 0.0
    deadline_at: float = 0.0
    attempts: int = 0
    backoff_step: int = 0  # failures in a row without a Retry-After (sets the backoff)
    next_at: float = 0.0  # not before (retry backoff, Retry-After, a lease held elsewhere)
    last_error: str = ""

    @property
    def kind(self) -> str:
        if self.intent is not None:
            return self.intent.kind
        return str((self.raw or {}).get("intent", {}).get("kind") or "unknown")

    @classmethod
    def new(
        cls, effect_id: str, intent: Intent, now: float, not_before: float | None = None
    ) -> Effect:
        """`not_before`: a time of its own (a reminder when a promise comes due); the deadline
        counts from it."""
        start = now if not_before is None else max(now, not_before)
        return cls(
            id=effect_id,
            intent=intent,
            created_at=now,
            deadline_at=start + type(intent).DEADLINE,
            next_at=start,
        )

    def due(self, now: float) -> bool:
        return self.next_at <= now or self.expired(now)

    def expired(self, now: float) -> bool:
        return now >= self.deadline_at

    def to_json(self) -> dict[str, Any]:
        if self.intent is None and self.raw is not None:
            return dict(self.raw)
        return self.model_dump(mode="json", exclude={"raw"})

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Effect:
        try:
            return cls.model_validate(data)
        except ValidationError:
            created = data.get("created_at")
            born = float(created) if isinstance(created, int | float) else 0.0
            return cls(
                id=str(data.get("id") or "unreadable"),
                raw=dict(data),
                created_at=born,
                deadline_at=born + UNREADABLE_KEEP_SECONDS,
                next_at=float("inf"),
            )


__all__ = [
    "AlertReminder",
    "AlertSync",
    "AnyIntent",
    "CheckIn",
    "DigestPost",
    "Effect",
    "HintCard",
    "Intent",
    "Notice",
    "OverdueNote",
    "Page",
    "PagerName",
    "PromiseReminder",
    "Receipt",
    "Rollup",
    "NotReady",
    "SendFailed",
    "Whisper",
    "superseding",
]
