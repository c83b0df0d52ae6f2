"""Learning from supervisors' answers: alert outcomes per cue type and channel, precision report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot.core.escalation import AlertState

OutcomeKind = Literal["claimed", "false_alarm", "unanswered"]
OUTCOMES: tuple[OutcomeKind, ...] = ("claimed", "false_alarm", "unanswered")
MIN_DECIDED = 5  # answered alerts needed before a precision is judged
LOW_PRECISION = 0.5  # below this, the report suggests raising the threshold


@dataclass(frozen=True, slots=True)
class Outcome:
    """How supervisors answered one alert."""

    cue_kind: str
    channel_id: str
    outcome: OutcomeKind
    at: float

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe dict."""
        return {
            "cue_kind": self.cue_kind,
            "channel_id": self.channel_id,
            "outcome": self.outcome,
            "at": self.at,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Outcome | None:
        """Read a stored outcome (also `cue` / `channel` keys); None when it is not one."""
        kind = data.get("cue_kind", data.get("cue"))
        channel = data.get("channel_id", data.get("channel"))
        outcome = data.get("outcome")
        if not kind or channel is None or outcome not in OUTCOMES:
            return None
        try:
            at = float(data.get("at", 0.0))
        except (TypeError, ValueError):
            return None
        return cls(str(kind), str(channel), outcome, at)


def outcome_of(state: AlertState, cue_kind: str, channel_id: str, at: float) -> Outcome:
    """The outcome an alert state shows: false alarm, claimed, or nobody answered."""
    kind: OutcomeKind = "unanswered"
    if state.false_alarm:
        kind = "false_alarm"
    elif state.claimed_by:
        kind = "claimed"
    return Outcome(cue_kind, channel_id, kind, at)


@dataclass(frozen=True, slots=True)
class CueStats:
    """Answers to one cue type's alerts (in one channel, or all when `channel_id` is "")."""

    cue_kind: str
    channel_id: str
    alerts: int
    claimed: int
    false_alarms: int
    unanswered: int

    @property
    def precision(self) -> float | None:
        """Claimed / (claimed + false alarms); None before anyone answered."""
        decided = self.claimed + self.false_alarms
        return self.claimed / decided if decided else None

    @property
    def needs_review(self) -> bool:
        """Enough answers, and most of them said the alert was not needed."""
        p = self.precision
        return (
            p is not None and self.claimed + self.false_alarms >= MIN_DECIDED and p < LOW_PRECISION
        )


def precision_by_cue(outcomes: Iterable[Outcome], *, by_channel: bool = False) -> list[CueStats]:
    """Count outcomes per cue type (and channel if asked), worst precision first."""
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for o in outcomes:
        key = (o.cue_kind, o.channel_id if by_channel else "")
        bucket = counts.setdefault(key, dict.fromkeys(OUTCOMES, 0))
        bucket[o.outcome] += 1
    stats = [
        CueStats(kind, channel, sum(c.values()), c["claimed"], c["false_alarm"], c["unanswered"])
        for (kind, channel), c in counts.items()
    ]

    def order(s: CueStats) -> tuple[float, str, str]:
        p = s.precision
        return (2.0 if p is None else p, s.cue_kind, s.channel_id)

    return sorted(stats, key=order)


def _pct(value: float | None) -> str:
    return "  n/a" if value is None else f"{value * 100:4.0f}%"


def format_report(stats: list[CueStats]) -> str:
    """A plain-text table for `undertone report alerts`, with threshold suggestions."""
    if not stats:
        return "No alert outcomes recorded yet."
    by_channel = any(s.channel_id for s in stats)
    kind_w = max(len("cue"), *(len(s.cue_kind) for s in stats))
    chan_w = max(len("channel"), *(len(s.channel_id) for s in stats)) if by_channel else 0
    head = f"{'cue':<{kind_w}}  " + (f"{'channel':<{chan_w}}  " if by_channel else "")
    lines = [head + "alerts  claimed  false  unanswered  precision"]
    for s in stats:
        row = f"{s.cue_kind:<{kind_w}}  " + (f"{s.channel_id:<{chan_w}}  " if by_channel else "")
        row += (
            f"{s.alerts:>6}  {s.claimed:>7}  {s.false_alarms:>5}  {s.unanswered:>10}  "
            f"{_pct(s.precision):>9}"
        )
        lines.append(row.rstrip())
    review = [s for s in stats if s.needs_review]
    if review:
        lines.append("")
        lines.append("Mostly false alarms; consider raising the threshold in escalation.yaml:")
        for s in review:
            where = f"channel_thresholds.{s.channel_id}" if s.channel_id else "cues"
            lines.append(
                f"  - {s.cue_kind}: {where} -> min_level / min_strength "
                f"({s.false_alarms} of {s.claimed + s.false_alarms} were false alarms)"
            )
    return "\n".join(lines)
