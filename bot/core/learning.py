"""Learning from answers: a noisy channel quiets itself, within bounds the team sets.

Agents answer hints ("Used it", "Not helpful", "Snooze") and supervisors answer pings ("I'm on it",
"False alarm", or nothing at all). Each answer nudges two numbers kept per channel:

- `hint_shift`: log-odds added to the margin a reading needs before the coach whispers;
- `alert_shift`: strength added to what a cue needs before it pings a supervisor.

"Not helpful", "Snooze", "False alarm" and unanswered pings raise them; "Used it" and "I'm on it"
lower them again; neither goes below zero or above the team's bound. Every change is returned
as a record (what moved, why, from what to what) so it can be logged, reported and undone.
Pure: no I/O, `now` is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal, get_args

from phrasebook.coaching import Learning

Answer = Literal["used", "not_helpful", "snooze", "claimed", "false_alarm", "unanswered"]
Reason = Literal["used", "not_helpful", "snooze", "claimed", "false_alarm", "unanswered", "reset"]
Knob = Literal["hint_shift", "alert_shift"]
KNOBS: tuple[Knob, ...] = ("hint_shift", "alert_shift")
REASONS: frozenset[str] = frozenset(get_args(Reason))
HINT_ANSWERS: frozenset[str] = frozenset({"used", "not_helpful", "snooze"})
ALERT_ANSWERS: frozenset[str] = frozenset({"claimed", "false_alarm", "unanswered"})


@dataclass(frozen=True, slots=True)
class ChannelTuning:
    """What one channel has learned so far (both start at zero: the shipped judgement)."""

    hint_shift: float = 0.0
    alert_shift: float = 0.0
    changes: int = 0
    updated_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe dict."""
        return {
            "hint_shift": round(self.hint_shift, 4),
            "alert_shift": round(self.alert_shift, 4),
            "changes": self.changes,
            "updated_at": self.updated_at,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ChannelTuning:
        """Rebuild from `to_json()`; missing or malformed data is the shipped judgement."""
        if not data:
            return cls()
        try:
            updated = data.get("updated_at")
            return cls(
                hint_shift=float(data.get("hint_shift", 0.0)),
                alert_shift=float(data.get("alert_shift", 0.0)),
                changes=int(data.get("changes", 0)),
                updated_at=None if updated is None else float(updated),
            )
        except (TypeError, ValueError):
            return cls()


@dataclass(frozen=True, slots=True)
class Change:
    """One move of a channel's thresholds, for the log and the reports."""

    channel: str
    answer: Reason
    knob: Knob
    before: float
    after: float
    at: float

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe dict (ids and numbers only)."""
        return {
            "channel": self.channel,
            "answer": self.answer,
            "knob": self.knob,
            "before": round(self.before, 4),
            "after": round(self.after, 4),
            "at": self.at,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change | None:
        """Rebuild from `to_json()`; None when it is not a change this build knows."""
        answer, knob = data.get("answer"), data.get("knob")
        if answer not in REASONS or knob not in KNOBS:
            return None
        try:
            return cls(
                str(data.get("channel", "")),
                answer,
                knob,
                float(data["before"]),
                float(data["after"]),
                float(data["at"]),
            )
        except (KeyError, TypeError, ValueError):
            return None


def reset(tuning: ChannelTuning, channel: str, now: float) -> tuple[ChannelTuning, list[Change]]:
    """Back to the shipped judgement: one change per knob that had moved (none when neither)."""
    changes = [
        Change(channel, "reset", knob, getattr(tuning, knob), 0.0, now)
        for knob in KNOBS
        if abs(getattr(tuning, knob)) >= 1e-9
    ]
    if not changes:
        return tuning, []
    back = ChannelTuning(changes=tuning.changes + len(changes), updated_at=now)
    return back, changes


def learn(
    tuning: ChannelTuning, answer: Answer, channel: str, now: float, bounds: Learning
) -> tuple[ChannelTuning, Change | None]:
    """Fold one answer into a channel's tuning; None when nothing moved (off, or at a bound)."""
    if not bounds.enabled:
        return tuning, None
    if answer in HINT_ANSWERS:
        step = {"not_helpful": bounds.not_helpful, "snooze": bounds.snooze, "used": -bounds.used}
        before = tuning.hint_shift
        after = min(bounds.max_hint_shift, max(0.0, before + step[answer]))
        knob: Knob = "hint_shift"
    else:
        step = {
            "false_alarm": bounds.false_alarm,
            "unanswered": bounds.unanswered,
            "claimed": -bounds.claimed,
        }
        before = tuning.alert_shift
        after = min(bounds.max_alert_shift, max(0.0, before + step[answer]))
        knob = "alert_shift"
    if abs(after - before) < 1e-9:
        return tuning, None
    moved = replace(tuning, changes=tuning.changes + 1, updated_at=now, **{knob: after})
    return moved, Change(channel, answer, knob, before, after, now)
