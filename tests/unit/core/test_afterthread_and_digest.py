"""The after-thread record, the digest and the growth view, from plain values."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.core.afterthread import (
    FIELDS,
    AfterThreadRecord,
    AlertSummary,
    Tally,
    build_record,
    csv_row,
)
from bot.core.digest import build_digest, digest_lines, last_slot
from bot.core.growth import build_growth, growth_lines
from bot.core.models import Assessment, Level, Signal, Trend
from bot.core.promises import PromiseState
from phrasebook import load_phrasebook

BOOK = load_phrasebook()
UTC_ZONE = ZoneInfo("UTC")
T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC).timestamp()


def reading(level: Level, score: float) -> Assessment:
    signal = Signal("x", "says it is the third time", "third time I'm asking, seriously now", 1.0)
    return Assessment(
        0,
        0,
        score,
        level,
        level in (Level.FRUSTRATED, Level.ANGRY),
        score,
        Trend.STEADY,
        signals=(signal,),
    )


def hot_then_calm() -> Tally:
    t = Tally().on_customer(T0, reading(Level.UNEASY, 0.4))
    t = t.on_agent(T0 + 120, (), ("slip.policy",))
    t = t.on_customer(T0 + 240, reading(Level.ANGRY, 0.9))
    t = t.on_agent(T0 + 360, ("listen_acknowledge", "empathize_apologize"), ("slip.policy",))
    return t.on_customer(T0 + 1440, reading(Level.CALM, 0.1))


def record(t: Tally, **kw: object) -> AfterThreadRecord:
    values: dict[str, object] = {
        "thread": "T1:C1:1.0",
        "agent": "U1",
        "customer": "U2",
        "resolved_at": T0 + 3600,
        "resolved_by": "reaction",
    }
    return build_record(t, PromiseState(), AlertSummary(), **(values | kw))  # type: ignore[arg-type]


def test_a_thread_that_cooled_after_the_agents_steps_recovered() -> None:
    r = record(hot_then_calm())
    assert (r.peak_level, r.final_level, r.recovered) == ("angry", "calm", True)
    assert r.hot_minutes == 20.0  # hot from its 3rd message to the calm 5th
    assert r.first_reply_minutes == 2.0
    assert r.steps == (("listen_acknowledge", 6.0), ("empathize_apologize", 6.0))
    assert r.slips == ("slip.policy",)
    assert len(r.evidence) <= 60


def test_still_hot_is_not_recovered_and_calm_threads_have_no_verdict() -> None:
    still = Tally().on_customer(T0, reading(Level.ANGRY, 0.9)).on_agent(T0 + 60, ("a",), ())
    assert record(still).recovered is False
    assert record(Tally().on_customer(T0, reading(Level.CALM, 0.1))).recovered is None


def test_the_exported_fields_are_the_documented_ones_and_round_trip() -> None:
    r = record(hot_then_calm())
    assert tuple(r.to_json()) == FIELDS
    assert AfterThreadRecord.from_json(r.to_json()) == r
    row = csv_row(r)
    assert row["steps"] == "listen_acknowledge@6;empathize_apologize@6"
    assert row["recovered"] == "true" and row["resolved_at"] == "2026-11-23T11:00:00Z"
    assert Tally.from_json(hot_then_calm().to_json()) == hot_then_calm()


def test_the_digest_counts_heat_recovery_alerts_and_promises() -> None:
    hot = record(hot_then_calm())
    alerted = replace(
        hot,
        thread="T1:C1:2.0",
        alert_tier="high",
        alert_cue="manager_request",
        alert_outcome="claimed",
        recovered=False,
        trigger="unmet_expectations",
        promises_made=2,
        promises_overdue=1,
    )
    dismissed = replace(alerted, thread="T1:C1:3.0", alert_outcome="false_alarm")
    calm = replace(hot, thread="T1:C1:4.0", peak_level="calm", recovered=None, trigger="")
    outside = replace(hot, thread="T1:C1:5.0", resolved_at=T0 + 8 * 86400)
    rep = build_digest([hot, alerted, dismissed, calm, outside], T0, T0 + 7 * 86400, UTC_ZONE)
    assert (rep.threads, rep.hot, rep.recovered) == (4, 3, 1)
    [line] = rep.alerts
    assert (line.cue, line.tier, line.count, line.precision) == ("manager_request", "high", 2, 0.5)
    assert rep.triggers[0] == ("unmet_expectations", 2)
    assert (rep.promises_made, rep.promises_overdue) == (4, 2)
    assert [d.threads for d in rep.days] == [4, 0, 0, 0, 0, 0, 0]
    text = "\n".join(digest_lines(rep, BOOK.followup.wording))
    assert "4 threads handled · 3 got hot · recovery rate 33%" in text
    assert "manager request (high) 2, precision 50%" in text


def test_the_weekly_slot_is_in_the_teams_zone() -> None:
    ny = ZoneInfo("America/New_York")
    tuesday = datetime(2026, 11, 24, 12, 0, tzinfo=ny).timestamp()
    assert (
        last_slot(tuesday, ny, "mon", "09:00")
        == datetime(2026, 11, 23, 9, 0, tzinfo=ny).timestamp()
    )
    monday_early = datetime(2026, 11, 23, 8, 0, tzinfo=ny).timestamp()
    assert (
        last_slot(monday_early, ny, "mon", "09:00")
        == datetime(2026, 11, 16, 9, 0, tzinfo=ny).timestamp()
    )


def test_growth_shows_recovery_by_week_steps_and_slips_stopped() -> None:
    early = replace(record(hot_then_calm()), resolved_at=T0 - 21 * 86400)
    recent = replace(record(hot_then_calm()), slips=(), hints_used_steps=("listen_acknowledge",))
    steps = [s.id for s in BOOK.coaching.framework().steps if s.whisper != "never"]
    g = build_growth([early, recent], T0 + 3600, UTC_ZONE, weeks=4, steps=steps)
    assert [w.rate for w in g.weeks] == [1.0, None, None, 1.0]
    assert g.most == ("listen_acknowledge", "empathize_apologize")
    assert g.stopped_slips == ("slip.policy",)
    titles = {"slip.policy": "hiding behind policy"}
    text = "\n".join(growth_lines(g, BOOK.followup.wording, titles))
    assert "Slips you have stopped making: hiding behind policy" in text
    assert "Hints you found useful" in text
