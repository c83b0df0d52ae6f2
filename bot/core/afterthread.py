"""The after-thread record (document and learn): what happened in a thread, kept once it is done.

While a thread runs, a `Tally` folds in each message: when it started, how hot it got and for how
long, which cues fired, which framework steps the agent took and when, hints sent and how they
were received, the first reply time. When the thread is resolved (a reaction, a button, or quiet),
`build_record` turns the tally, the promises and the alert into an `AfterThreadRecord`: scores,
ids and short evidence quotes only, never a transcript. Pure: no I/O, times passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

from bot.core.models import Assessment, Level
from bot.core.promises import PromiseState
from bot.core.textquote import shorten

HOT = (Level.FRUSTRATED, Level.ANGRY)
LEVELS = tuple(level.value for level in Level)
ResolvedBy = Literal["reaction", "button", "quiet"]


def _rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else 0


@dataclass(frozen=True, slots=True)
class Tally:
    """A running thread's facts for its record (JSON-safe, no customer text but one short quote)."""

    started_at: float = 0.0
    last_at: float = 0.0
    first_customer_at: float | None = None
    first_reply_at: float | None = None  # the first agent message after a customer message
    customer_messages: int = 0
    agent_messages: int = 0
    hot_since: float | None = None
    hot_seconds: float = 0.0
    peak_level: str = Level.CALM.value
    peak_score: float = 0.0
    final_level: str = Level.CALM.value
    final_score: float = 0.0
    cues: tuple[str, ...] = ()
    trigger: str = ""
    customer_type: str = ""
    evidence: str = ""  # a short quote of what made the peak (the strongest signal's evidence)
    steps: tuple[tuple[str, float], ...] = ()  # (step id, seconds after the start), in order
    slips: tuple[str, ...] = ()
    hints_sent: int = 0
    hints_used: int = 0
    hints_not_helpful: int = 0
    used_steps: tuple[str, ...] = ()  # steps of the hints marked "used it"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = (
                [list(v) if isinstance(v, tuple) else v for v in value]
                if isinstance(value, tuple)
                else value
            )
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any] | None) -> Tally:
        if not d:
            return cls()
        known = cls.__dataclass_fields__
        values: dict[str, Any] = {}
        for name, raw in d.items():
            if name not in known:
                continue
            if name == "steps":
                values[name] = tuple((str(s), float(t)) for s, t in raw)
            elif isinstance(raw, list):
                values[name] = tuple(str(x) for x in raw)
            else:
                values[name] = raw
        return cls(**values)

    # --- folding messages in -------------------------------------------------------------------

    def _started(self, at: float) -> Tally:
        return self if self.started_at else replace(self, started_at=at)

    def on_customer(self, at: float, a: Assessment, quote_limit: int = 80) -> Tally:
        t = self._started(at)
        hot = a.level in HOT
        hot_since, hot_seconds = t.hot_since, t.hot_seconds
        if hot and hot_since is None:
            hot_since = at
        elif not hot and hot_since is not None:
            hot_seconds += max(0.0, at - hot_since)
            hot_since = None
        peak = _rank(a.level.value) > _rank(t.peak_level) or (
            a.level.value == t.peak_level and a.score > t.peak_score
        )
        top = max(
            (s for s in a.signals if s.weight > 0 and s.evidence),
            key=lambda s: s.weight,
            default=None,
        )
        situation = a.situation
        return replace(
            t,
            last_at=at,
            first_customer_at=t.first_customer_at if t.first_customer_at is not None else at,
            customer_messages=t.customer_messages + 1,
            hot_since=hot_since,
            hot_seconds=hot_seconds,
            peak_level=a.level.value if peak else t.peak_level,
            peak_score=round(a.score, 3) if peak else t.peak_score,
            evidence=shorten(top.evidence, quote_limit)
            if peak and top and quote_limit
            else t.evidence,
            final_level=a.level.value,
            final_score=round(a.score, 3),
            cues=t.cues + tuple(c.kind.value for c in a.cues if c.kind.value not in t.cues),
            trigger=situation.trigger.value if situation.trigger else t.trigger,
            customer_type=(
                situation.customer_type.value if situation.customer_type else t.customer_type
            ),
        )

    def on_agent(self, at: float, steps: tuple[str, ...], slips: tuple[str, ...]) -> Tally:
        """An agent message; `steps` and `slips`: every step and slip id the thread shows so far
        (new ones are stamped with this message's time)."""
        t = self._started(at)
        have = {s for s, _ in t.steps}
        new_steps = tuple((s, round(at - t.started_at, 1)) for s in steps if s not in have)
        replied = t.first_reply_at is None and t.first_customer_at is not None
        return replace(
            t,
            last_at=at,
            agent_messages=t.agent_messages + 1,
            first_reply_at=at if replied else t.first_reply_at,
            steps=t.steps + new_steps,
            slips=t.slips + tuple(s for s in slips if s not in t.slips),
        )

    def on_hint(self) -> Tally:
        return replace(self, hints_sent=self.hints_sent + 1)

    def on_feedback(self, kind: str, step: str) -> Tally:
        if kind == "used":
            steps = self.used_steps + ((step,) if step and step not in self.used_steps else ())
            return replace(self, hints_used=self.hints_used + 1, used_steps=steps)
        if kind == "not_helpful":
            return replace(self, hints_not_helpful=self.hints_not_helpful + 1)
        return self

    def hot_total(self, now: float) -> float:
        """Seconds the thread spent frustrated or angry, up to `now`."""
        running = max(0.0, now - self.hot_since) if self.hot_since is not None else 0.0
        return self.hot_seconds + running


@dataclass(frozen=True, slots=True)
class AlertSummary:
    """What escalation did in the thread (empty when nobody was alerted)."""

    tier: str = ""  # watch | high | critical
    cue: str = ""
    outcome: str = ""  # claimed | false_alarm | unanswered


@dataclass(frozen=True, slots=True)
class AfterThreadRecord:
    """One resolved thread, as exported (`docs/records.md` documents every field)."""

    thread: str
    team: str
    channel: str
    thread_ts: str
    agent: str
    customer: str
    started_at: float
    resolved_at: float
    resolved_by: str
    customer_messages: int
    agent_messages: int
    peak_level: str
    peak_score: float
    final_level: str
    final_score: float
    hot_minutes: float
    recovered: bool | None
    cues: tuple[str, ...]
    trigger: str
    customer_type: str
    evidence: str
    steps: tuple[tuple[str, float], ...]  # (step id, minutes after the start)
    slips: tuple[str, ...]
    hints_sent: int
    hints_used: int
    hints_not_helpful: int
    hints_used_steps: tuple[str, ...]
    alert_tier: str
    alert_cue: str
    alert_outcome: str
    first_reply_minutes: float | None
    promises_made: int
    promises_kept: int
    promises_overdue: int

    @property
    def hot(self) -> bool:
        return _rank(self.peak_level) >= _rank(Level.FRUSTRATED.value)

    @property
    def escalated(self) -> bool:
        return bool(self.alert_tier)

    def to_json(self) -> dict[str, Any]:
        """The exported row (JSON lines): ISO-8601 UTC times, lists as lists."""
        return {
            "thread": self.thread,
            "team": self.team,
            "channel": self.channel,
            "thread_ts": self.thread_ts,
            "agent": self.agent,
            "customer": self.customer,
            "started_at": iso(self.started_at),
            "resolved_at": iso(self.resolved_at),
            "resolved_by": self.resolved_by,
            "customer_messages": self.customer_messages,
            "agent_messages": self.agent_messages,
            "peak_level": self.peak_level,
            "peak_score": self.peak_score,
            "final_level": self.final_level,
            "final_score": self.final_score,
            "hot_minutes": self.hot_minutes,
            "recovered": self.recovered,
            "cues": list(self.cues),
            "trigger": self.trigger,
            "customer_type": self.customer_type,
            "evidence": self.evidence,
            "steps": [{"step": s, "after_minutes": m} for s, m in self.steps],
            "slips": list(self.slips),
            "hints_sent": self.hints_sent,
            "hints_used": self.hints_used,
            "hints_not_helpful": self.hints_not_helpful,
            "hints_used_steps": list(self.hints_used_steps),
            "escalated": self.escalated,
            "alert_tier": self.alert_tier,
            "alert_cue": self.alert_cue,
            "alert_outcome": self.alert_outcome,
            "first_reply_minutes": self.first_reply_minutes,
            "promises_made": self.promises_made,
            "promises_kept": self.promises_kept,
            "promises_overdue": self.promises_overdue,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> AfterThreadRecord:
        steps = tuple(
            (str(s.get("step")), float(s.get("after_minutes") or 0.0))
            for s in d.get("steps") or []
            if isinstance(s, dict)
        )
        reply = d.get("first_reply_minutes")
        return cls(
            thread=str(d.get("thread") or ""),
            team=str(d.get("team") or ""),
            channel=str(d.get("channel") or ""),
            thread_ts=str(d.get("thread_ts") or ""),
            agent=str(d.get("agent") or ""),
            customer=str(d.get("customer") or ""),
            started_at=from_iso(d.get("started_at")),
            resolved_at=from_iso(d.get("resolved_at")),
            resolved_by=str(d.get("resolved_by") or ""),
            customer_messages=int(d.get("customer_messages") or 0),
            agent_messages=int(d.get("agent_messages") or 0),
            peak_level=str(d.get("peak_level") or "calm"),
            peak_score=float(d.get("peak_score") or 0.0),
            final_level=str(d.get("final_level") or "calm"),
            final_score=float(d.get("final_score") or 0.0),
            hot_minutes=float(d.get("hot_minutes") or 0.0),
            recovered=d.get("recovered") if isinstance(d.get("recovered"), bool) else None,
            cues=tuple(str(c) for c in d.get("cues") or []),
            trigger=str(d.get("trigger") or ""),
            customer_type=str(d.get("customer_type") or ""),
            evidence=str(d.get("evidence") or ""),
            steps=steps,
            slips=tuple(str(s) for s in d.get("slips") or []),
            hints_sent=int(d.get("hints_sent") or 0),
            hints_used=int(d.get("hints_used") or 0),
            hints_not_helpful=int(d.get("hints_not_helpful") or 0),
            hints_used_steps=tuple(str(s) for s in d.get("hints_used_steps") or []),
            alert_tier=str(d.get("alert_tier") or ""),
            alert_cue=str(d.get("alert_cue") or ""),
            alert_outcome=str(d.get("alert_outcome") or ""),
            first_reply_minutes=None if reply is None else float(reply),
            promises_made=int(d.get("promises_made") or 0),
            promises_kept=int(d.get("promises_kept") or 0),
            promises_overdue=int(d.get("promises_overdue") or 0),
        )


# The exported fields, in order (`to_json` keys; the CSV columns).
FIELDS = (
    "thread", "team", "channel", "thread_ts", "agent", "customer", "started_at", "resolved_at",
    "resolved_by", "customer_messages", "agent_messages", "peak_level", "peak_score",
    "final_level", "final_score", "hot_minutes", "recovered", "cues", "trigger", "customer_type",
    "evidence", "steps", "slips", "hints_sent", "hints_used", "hints_not_helpful",
    "hints_used_steps", "escalated", "alert_tier", "alert_cue", "alert_outcome",
    "first_reply_minutes", "promises_made", "promises_kept", "promises_overdue",
)  # fmt: skip


def csv_row(record: AfterThreadRecord) -> dict[str, str]:
    """One CSV row: the JSON fields flattened (lists joined with ';', steps as step@minutes)."""
    data = record.to_json()
    row: dict[str, str] = {}
    for name in FIELDS:
        value = data[name]
        if name == "steps":
            row[name] = ";".join(f"{s['step']}@{s['after_minutes']:g}" for s in value)
        elif isinstance(value, list):
            row[name] = ";".join(str(v) for v in value)
        elif value is None:
            row[name] = ""
        elif isinstance(value, bool):
            row[name] = "true" if value else "false"
        else:
            row[name] = str(value)
    return row


def iso(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def from_iso(value: Any) -> float:
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str) or not value:
        return 0.0
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return 0.0


def recovered(t: Tally) -> bool | None:
    """Did frustration fall after the agent's steps? None when the thread never got hot."""
    if _rank(t.peak_level) < _rank(Level.FRUSTRATED.value):
        return None
    cooled = _rank(t.final_level) < _rank(Level.FRUSTRATED.value) and t.final_score < t.peak_score
    return cooled and bool(t.steps)


def build_record(
    t: Tally,
    promises: PromiseState,
    alert: AlertSummary,
    *,
    thread: str,
    agent: str,
    customer: str,
    resolved_at: float,
    resolved_by: str,
) -> AfterThreadRecord:
    """The record of a resolved thread."""
    team, channel, thread_ts = (thread.split(":", 2) + ["", ""])[:3]
    started = t.started_at or resolved_at
    reply = (
        round((t.first_reply_at - t.first_customer_at) / 60, 1)
        if t.first_reply_at is not None and t.first_customer_at is not None
        else None
    )
    end = max(resolved_at, t.last_at)
    hot_end = t.last_at if t.hot_since is not None else end  # hot until the last message
    return AfterThreadRecord(
        thread=thread,
        team=team,
        channel=channel,
        thread_ts=thread_ts,
        agent=agent,
        customer=customer,
        started_at=started,
        resolved_at=resolved_at,
        resolved_by=resolved_by,
        customer_messages=t.customer_messages,
        agent_messages=t.agent_messages,
        peak_level=t.peak_level,
        peak_score=t.peak_score,
        final_level=t.final_level,
        final_score=t.final_score,
        hot_minutes=round(t.hot_total(hot_end) / 60, 1),
        recovered=recovered(t),
        cues=t.cues,
        trigger=t.trigger,
        customer_type=t.customer_type,
        evidence=t.evidence,
        steps=tuple((s, round(sec / 60, 1)) for s, sec in t.steps),
        slips=t.slips,
        hints_sent=t.hints_sent,
        hints_used=t.hints_used,
        hints_not_helpful=t.hints_not_helpful,
        hints_used_steps=t.used_steps,
        alert_tier=alert.tier,
        alert_cue=alert.cue,
        alert_outcome=alert.outcome,
        first_reply_minutes=reply,
        promises_made=promises.made,
        promises_kept=promises.kept,
        promises_overdue=promises.overdue + (1 if promises.needs_overdue_note(end) else 0),
    )
