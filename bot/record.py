"""The persisted state of one support thread: core states, who is who, scores, and the outbox of
typed effects still to send.

No customer message text is kept: the engine and coach states hold hashes, counts and short
evidence quotes, and the whole document expires with the thread TTL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.effects import Effect, Intent, Whisper, superseding

MAX_PROCESSED = 400  # message ts remembered to score each message once
MAX_HISTORY = 40  # customer scores kept for the sparkline
SCHEMA = 2  # 2: typed, versioned intents in the outbox (1 stored Block Kit)


@dataclass(slots=True)
class ThreadRecord:
    """Everything Undertone remembers about one thread."""

    engine: dict[str, Any] | None = None
    coach: dict[str, Any] | None = None
    alert: dict[str, Any] | None = None
    agents: list[str] = field(default_factory=list)  # most recent last
    customer: str = ""
    shared: bool = False
    history: list[float] = field(default_factory=list)
    processed: list[str] = field(default_factory=list)
    outbox: list[Effect] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)  # level, heat, trend, hint, briefing
    permalink: str = ""
    effect_seq: int = 0  # effect ids are "<kind>-<n>", never reused within a thread
    alert_rev: int = 0  # bumped whenever what the alert message should show changes
    alert_shown_rev: int = 0  # the revision the supervisor channel shows
    updated_at: float = 0.0  # last message folded in
    aftercare: dict[str, Any] | None = None  # promises, the record's tally, resolution

    @property
    def agent(self) -> str | None:
        return self.agents[-1] if self.agents else None

    def saw(self, ts: str) -> bool:
        return ts in self.processed

    def mark(self, ts: str) -> None:
        self.processed.append(ts)
        del self.processed[:-MAX_PROCESSED]

    def add_agent(self, user: str) -> None:
        if user in self.agents:
            self.agents.remove(user)
        self.agents.append(user)
        del self.agents[:-5]

    def add_score(self, score: float) -> None:
        self.history.append(round(score, 3))
        del self.history[:-MAX_HISTORY]

    def queue(self, intent: Intent, now: float, *, not_before: float | None = None) -> Effect:
        """Add an effect to the outbox (sent after the record is saved; not before
        `not_before` when given)."""
        self.effect_seq += 1
        effect = Effect.new(f"{intent.kind}-{self.effect_seq}", intent, now, not_before)
        self.outbox.append(effect)
        return effect

    def queue_whisper(self, whisper: Whisper, now: float) -> Effect:
        """Queue a whisper; one still waiting for the same agent here is folded into it."""
        for effect in [e for e in self.outbox if isinstance(e.intent, Whisper)]:
            assert isinstance(effect.intent, Whisper)
            if effect.intent.agent == whisper.agent:
                whisper = superseding(effect.intent, whisper)
                self.outbox.remove(effect)
        return self.queue(whisper, now)

    def pending(self, kind: str) -> list[Effect]:
        return [e for e in self.outbox if e.kind == kind]

    def next_due(self) -> float | None:
        """When the outbox next needs a delivery attempt (None: nothing left to send)."""
        times = [min(e.next_at, e.deadline_at) for e in self.outbox]
        return min(times) if times else None

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "engine": self.engine,
            "coach": self.coach,
            "alert": self.alert,
            "agents": self.agents,
            "customer": self.customer,
            "shared": self.shared,
            "history": self.history,
            "processed": self.processed,
            "outbox": [e.to_json() for e in self.outbox],
            "summary": self.summary,
            "permalink": self.permalink,
            "effect_seq": self.effect_seq,
            "alert_rev": self.alert_rev,
            "alert_shown_rev": self.alert_shown_rev,
            "updated_at": self.updated_at,
            "aftercare": self.aftercare,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any] | None) -> ThreadRecord:
        if not d:
            return cls()
        return cls(
            engine=d.get("engine"),
            coach=d.get("coach"),
            alert=d.get("alert"),
            agents=list(d.get("agents") or []),
            customer=str(d.get("customer") or ""),
            shared=bool(d.get("shared")),
            history=[float(x) for x in d.get("history") or []],
            processed=list(d.get("processed") or []),
            outbox=[Effect.from_json(e) for e in d.get("outbox") or [] if isinstance(e, dict)],
            summary=dict(d.get("summary") or {}),
            permalink=str(d.get("permalink") or ""),
            effect_seq=int(d.get("effect_seq") or 0),
            alert_rev=int(d.get("alert_rev") or 0),
            alert_shown_rev=int(d.get("alert_shown_rev") or 0),
            updated_at=float(d.get("updated_at") or 0.0),
            aftercare=d.get("aftercare") if isinstance(d.get("aftercare"), dict) else None,
        )
