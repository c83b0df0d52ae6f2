"""Specification of the learning report: per channel, how far a knob moved, why, and how to undo."""

from __future__ import annotations

from bot.core.learning import Answer, Change, ChannelTuning, learn
from bot.core.tuning_report import SHOWN, ChannelLearning, format_learning, format_tuning
from phrasebook.coaching import Learning

BOUNDS = Learning()
T0 = 1_795_400_000.0  # 2026-11-23 02:13:20 UTC


def channel(name: str, *answers: Answer) -> ChannelLearning:
    tuning, changes = ChannelTuning(), []
    for i, answer in enumerate(answers):
        tuning, change = learn(tuning, answer, name, T0 + 60 * i, BOUNDS)
        if change is not None:
            changes.insert(0, change)
    return ChannelLearning(name, tuning, tuple(changes))


def test_the_hint_report_shows_each_channels_shift_and_the_answers_that_moved_it() -> None:
    text = format_learning([channel("C1", "not_helpful", "snooze")], "hint_shift", BOUNDS)
    assert "at most 1.00" in text
    assert "C1  +0.20  quieter than shipped" in text
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if '"Snooze"' in line)
    assert '"Not helpful"' in lines[first + 1]  # newest first
    assert "2026-11-23 02:14:20Z" in lines[first] and "0.15 -> 0.20" in lines[first]


def test_each_report_shows_its_own_knob_only() -> None:
    rows = [channel("C_HINTS", "not_helpful"), channel("C_ALERTS", "false_alarm")]
    hints = format_learning(rows, "hint_shift", BOUNDS)
    alerts = format_learning(rows, "alert_shift", BOUNDS)
    assert "C_HINTS" in hints and "C_ALERTS" not in hints
    assert "C_ALERTS" in alerts and "C_HINTS" not in alerts
    assert "critical cues always ping" in alerts


def test_a_channel_put_back_says_so_and_long_histories_are_cut_short() -> None:
    row = channel("C1", *(["not_helpful", "used"] * SHOWN))
    back = ChannelLearning(
        "C1",
        ChannelTuning(changes=row.tuning.changes + 1, updated_at=T0 + 3600),
        (Change("C1", "reset", "hint_shift", row.tuning.hint_shift, 0.0, T0 + 3600), *row.changes),
    )
    text = format_learning([back], "hint_shift", BOUNDS)
    assert "C1  +0.00  back to shipped" in text
    assert sum(1 for line in text.splitlines() if "->" in line) == SHOWN
    assert f"and {2 * SHOWN + 1 - SHOWN} earlier" in text


def test_nothing_learned_and_learning_switched_off_are_said_plainly() -> None:
    assert "Nothing learned yet" in format_learning([], "alert_shift", BOUNDS)
    off = BOUNDS.model_copy(update={"enabled": False})
    assert "Learning is off" in format_learning([], "hint_shift", off)
    assert "Learning is off" in format_tuning([channel("C1", "snooze")], off)


def test_tune_show_gives_both_knobs_with_their_bounds() -> None:
    text = format_tuning([channel("C1", "not_helpful", "false_alarm")], BOUNDS)
    assert text.splitlines()[0] == (
        "C1: hint bar +0.15 (at most 1.00), alert bar +0.05 (at most 0.20); 2 changes, "
        "last changed 2026-11-23 02:14:20Z"
    )
    assert "alert bar  2026-11-23 02:14:20Z" in text
