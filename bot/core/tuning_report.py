"""What each channel learned from answers, as plain text for `undertone report` and `tune show`.

A team should see at a glance that a noisy channel quieted itself, by how much, and why (the
last few answers that moved it), and how to undo it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.core.learning import Change, ChannelTuning, Knob
from phrasebook.coaching import Learning

SHOWN = 5  # changes listed per channel and knob


@dataclass(frozen=True, slots=True)
class ChannelLearning:
    """One channel's tuning and its recent changes, newest first."""

    channel: str
    tuning: ChannelTuning
    changes: tuple[Change, ...] = ()


_ANSWERS = {
    "not_helpful": '"Not helpful"',
    "snooze": '"Snooze"',
    "used": '"Used it"',
    "false_alarm": '"False alarm"',
    "claimed": '"I\'m on it"',
    "unanswered": "unanswered ping",
    "reset": "reset",
}

_HEADINGS: dict[Knob, str] = {
    "hint_shift": (
        "Learned from answers: how much surer a reading must be before a hint is whispered\n"
        "(log-odds added to the margin it needs; 0 = as shipped, at most {max})"
    ),
    "alert_shift": (
        "Learned from answers: how much stronger a high-tier cue must be before it pings\n"
        "(cue strength added, 0-1; 0 = as shipped, at most {max}; critical cues always ping)"
    ),
}


def _when(at: float) -> str:
    return datetime.fromtimestamp(at, tz=UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def _bound(knob: Knob, bounds: Learning) -> float:
    return bounds.max_hint_shift if knob == "hint_shift" else bounds.max_alert_shift


def _change_line(change: Change) -> str:
    answer = _ANSWERS.get(change.answer, change.answer)
    return f"{_when(change.at)}  {answer:<17} {change.before:.2f} -> {change.after:.2f}"


def _state(shift: float, moved: int) -> str:
    if shift > 1e-9:
        return "quieter than shipped"
    return "as shipped" if not moved else "back to shipped"


def format_learning(rows: Sequence[ChannelLearning], knob: Knob, bounds: Learning) -> str:
    """One knob (`hint_shift` for `report hints`, `alert_shift` for `report alerts`) per
    channel, with the last few answers that moved it."""
    lines = [_HEADINGS[knob].format(max=f"{_bound(knob, bounds):.2f}")]
    if not bounds.enabled:
        lines.append("  Learning is off (coaching_policy.yaml: learning.enabled).")
    shown = [r for r in rows if any(c.knob == knob for c in r.changes) or getattr(r.tuning, knob)]
    if not shown:
        lines.append("  Nothing learned yet: every channel uses the shipped judgement.")
        return "\n".join(lines)
    width = max(len(r.channel) for r in shown)
    for row in shown:
        changes = [c for c in row.changes if c.knob == knob]
        shift = float(getattr(row.tuning, knob))
        lines.append(f"  {row.channel:<{width}}  {shift:+.2f}  {_state(shift, len(changes))}")
        lines.extend(f"      {_change_line(c)}" for c in changes[:SHOWN])
        if len(changes) > SHOWN:
            lines.append(f"      ... and {len(changes) - SHOWN} earlier")
    lines.append("  Undo: undertone tune reset CHANNEL")
    return "\n".join(lines)


def format_tuning(rows: Sequence[ChannelLearning], bounds: Learning) -> str:
    """`undertone tune show`: both knobs of each channel and its recent changes."""
    if not rows:
        return "Nothing learned yet: every channel uses the shipped judgement."
    lines: list[str] = []
    if not bounds.enabled:
        lines.append("Learning is off (coaching_policy.yaml: learning.enabled).")
    for row in rows:
        t = row.tuning
        last = f", last changed {_when(t.updated_at)}" if t.updated_at is not None else ""
        lines.append(
            f"{row.channel}: hint bar {t.hint_shift:+.2f} (at most {bounds.max_hint_shift:.2f}), "
            f"alert bar {t.alert_shift:+.2f} (at most {bounds.max_alert_shift:.2f}); "
            f"{t.changes} change{'s' if t.changes != 1 else ''}{last}"
        )
        for change in row.changes[: 2 * SHOWN]:
            knob = "hint bar " if change.knob == "hint_shift" else "alert bar"
            lines.append(f"    {knob}  {_change_line(change)}")
    return "\n".join(lines)
