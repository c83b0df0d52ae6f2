"""Specification of learning from answers: a noisy channel quiets itself, within bounds."""

from __future__ import annotations

from bot.core.learning import Change, ChannelTuning, learn, reset
from phrasebook.coaching import Learning

BOUNDS = Learning()


def test_not_helpful_raises_the_hint_bar_and_used_it_lowers_it_again() -> None:
    tuning, change = learn(ChannelTuning(), "not_helpful", "C1", 10.0, BOUNDS)
    assert change is not None and change.knob == "hint_shift"
    assert tuning.hint_shift == BOUNDS.not_helpful and change.before == 0.0
    tuning, change = learn(tuning, "used", "C1", 20.0, BOUNDS)
    assert change is not None and tuning.hint_shift < BOUNDS.not_helpful


def test_false_alarms_and_unanswered_pings_raise_the_alert_bar_claims_lower_it() -> None:
    tuning, _ = learn(ChannelTuning(), "false_alarm", "C1", 10.0, BOUNDS)
    tuning, _ = learn(tuning, "unanswered", "C1", 11.0, BOUNDS)
    assert tuning.alert_shift == BOUNDS.false_alarm + BOUNDS.unanswered
    lower, change = learn(tuning, "claimed", "C1", 12.0, BOUNDS)
    assert change is not None and lower.alert_shift < tuning.alert_shift


def test_the_bars_stay_within_the_teams_bounds() -> None:
    tuning = ChannelTuning()
    for i in range(100):
        tuning, _ = learn(tuning, "not_helpful", "C1", float(i), BOUNDS)
        tuning, _ = learn(tuning, "false_alarm", "C1", float(i), BOUNDS)
    assert tuning.hint_shift == BOUNDS.max_hint_shift
    assert tuning.alert_shift == BOUNDS.max_alert_shift
    at_zero, change = learn(ChannelTuning(), "used", "C1", 1.0, BOUNDS)
    assert change is None and at_zero.hint_shift == 0.0


def test_learning_can_be_switched_off() -> None:
    off = BOUNDS.model_copy(update={"enabled": False})
    assert learn(ChannelTuning(), "not_helpful", "C1", 1.0, off) == (ChannelTuning(), None)


def test_a_tuning_survives_json_and_bad_data_means_the_shipped_judgement() -> None:
    tuning, _ = learn(ChannelTuning(), "snooze", "C1", 5.0, BOUNDS)
    assert ChannelTuning.from_json(tuning.to_json()) == tuning
    assert ChannelTuning.from_json({"hint_shift": "lots"}) == ChannelTuning()


def test_a_reset_goes_back_to_the_shipped_judgement_as_one_change_per_moved_knob() -> None:
    tuning, _ = learn(ChannelTuning(), "not_helpful", "C1", 1.0, BOUNDS)
    back, changes = reset(tuning, "C1", 2.0)
    assert (back.hint_shift, back.alert_shift, back.changes) == (0.0, 0.0, 2)
    assert [(c.knob, c.answer, c.before, c.after) for c in changes] == [
        ("hint_shift", "reset", BOUNDS.not_helpful, 0.0)
    ]
    assert reset(back, "C1", 3.0) == (back, [])  # nothing to undo


def test_a_change_survives_json_and_an_unknown_one_is_skipped() -> None:
    _, change = learn(ChannelTuning(), "false_alarm", "C1", 5.0, BOUNDS)
    assert change is not None and Change.from_json(change.to_json()) == change
    assert Change.from_json({**change.to_json(), "answer": "vibes"}) is None
    assert Change.from_json({"answer": "reset", "knob": "hint_shift"}) is None
