"""Specification of the alert outcome report: precision per cue type and per channel."""

from __future__ import annotations

from bot.core.alert_report import (
    MIN_DECIDED,
    Outcome,
    OutcomeKind,
    format_report,
    outcome_of,
    precision_by_cue,
)
from bot.core.escalation import AlertState

FALSE: OutcomeKind = "false_alarm"
CLAIMED: OutcomeKind = "claimed"


def outcomes(kind: str, channel: str, *answers: OutcomeKind) -> list[Outcome]:
    return [Outcome(kind, channel, a, float(i)) for i, a in enumerate(answers)]


def test_precision_is_claimed_over_answered_and_ignores_unanswered() -> None:
    data = outcomes("legal", "C1", "claimed", "claimed", "claimed", "false_alarm", "unanswered")
    (s,) = precision_by_cue(data)
    assert (s.alerts, s.claimed, s.false_alarms, s.unanswered) == (5, 3, 1, 1)
    assert s.precision == 0.75


def test_precision_is_unknown_until_someone_answers() -> None:
    (s,) = precision_by_cue(outcomes("churn", "C1", "unanswered", "unanswered"))
    assert s.precision is None and not s.needs_review


def test_stats_per_cue_pool_channels_unless_asked_to_split() -> None:
    data = outcomes("churn", "C1", "claimed") + outcomes("churn", "C2", "false_alarm")
    assert [(s.cue_kind, s.channel_id, s.alerts) for s in precision_by_cue(data)] == [
        ("churn", "", 2)
    ]
    split = precision_by_cue(data, by_channel=True)
    assert [(s.channel_id, s.precision) for s in split] == [("C2", 0.0), ("C1", 1.0)]


def test_worst_precision_comes_first() -> None:
    data = (
        outcomes("legal", "C1", "claimed", "claimed")
        + outcomes("outrage", "C1", "false_alarm", "claimed")
        + outcomes("stalemate", "C1", "unanswered")
    )
    assert [s.cue_kind for s in precision_by_cue(data)] == ["outrage", "legal", "stalemate"]


def test_review_needs_enough_answers_and_mostly_false_alarms() -> None:
    few = precision_by_cue(outcomes("churn", "C1", *([FALSE] * (MIN_DECIDED - 1))))
    many = precision_by_cue(outcomes("churn", "C1", *([FALSE] * MIN_DECIDED)))
    good = precision_by_cue(outcomes("churn", "C1", *([CLAIMED] * MIN_DECIDED)))
    assert [few[0].needs_review, many[0].needs_review, good[0].needs_review] == [False, True, False]


def test_report_lists_every_cue_with_its_counts_and_precision() -> None:
    data = outcomes("legal", "C1", "claimed", "claimed", "claimed", "false_alarm")
    report = format_report(precision_by_cue(data))
    header, row = report.splitlines()
    assert header.split() == ["cue", "alerts", "claimed", "false", "unanswered", "precision"]
    assert row.split() == ["legal", "4", "3", "1", "0", "75%"]


def test_report_suggests_raising_the_channel_threshold_for_noisy_cues() -> None:
    data = outcomes("churn", "C0NOISY", *([FALSE] * 4 + [CLAIMED]))
    report = format_report(precision_by_cue(data, by_channel=True))
    assert "channel_thresholds.C0NOISY" in report and "churn" in report
    assert "4 of 5" in report


def test_report_without_data_says_so() -> None:
    assert format_report([]) == "No alert outcomes recorded yet."


def test_outcome_of_reads_the_alert_state() -> None:
    assert outcome_of(AlertState(live=True), "legal", "C1", 1.0).outcome == "unanswered"
    claimed = AlertState(live=True, claimed_by="U1")
    assert outcome_of(claimed, "legal", "C1", 1.0).outcome == "claimed"
    closed = AlertState(false_alarm=True, claimed_by="U1")
    assert outcome_of(closed, "legal", "C1", 1.0).outcome == "false_alarm"


def test_outcomes_round_trip_and_accept_the_flow_s_keys() -> None:
    o = Outcome("legal", "C1", "claimed", 12.5)
    assert Outcome.from_json(o.to_json()) == o
    flow = {"cue": "legal", "channel": "C1", "outcome": "false_alarm", "at": 3}
    assert Outcome.from_json(flow) == Outcome("legal", "C1", "false_alarm", 3.0)
    assert Outcome.from_json({"cue": "legal", "channel": "C1", "outcome": "maybe"}) is None
