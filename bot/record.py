"""The persisted state of one support thread: core states, who is who, scores, and the effect
outbox.

No customer message text is kept: the engine and coach states hold hashes, counts and short
evidence quotes, and
the whole document expires with the thread TTL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_PROCESSED = 400  # message ts remembered to score each message once
MAX_HISTORY = 40  # customer scores kept for the sparkline


@dataclass(slots=True)
class Effect:
    """Something to send once the state is saved (a whisper, a ping, an update, a page)."""

    id: str  # globally unique, claimed once before sending
    kind: str  # whisper | alert | agent_notice | page | home
    data: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "data": self.data}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Effect:
        return cls(str(d["id"]), str(d["kind"]), dict(d["data"]))


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
    summary: dict[str, Any] = field(
        default_factory=dict
    )  # level, heat, trend, latest hint headline
    permalink: str = ""
    alert_seq: int = 0
    updated_at: float = 0.0

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

    def to_json(self) -> dict[str, Any]:
        return {
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
            "alert_seq": self.alert_seq,
            "updated_at": self.updated_at,
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
            outbox=[Effect.from_json(e) for e in d.get("outbox") or []],
            summary=dict(d.get("summary") or {}),
            permalink=str(d.get("permalink") or ""),
            alert_seq=int(d.get("alert_seq") or 0),
            updated_at=float(d.get("updated_at") or 0.0),
        )
