"""Typed effects: versioned data in the outbox, a deadline per kind, and kept (not lost) when a
newer build wrote something this one cannot read."""

from __future__ import annotations

import json

from bot.core.coaching import Hint, Severity
from bot.core.models import Level, Trend
from bot.effects import AlertReminder, AlertSync, Effect, HintCard, Notice, Page, Whisper
from bot.record import ThreadRecord

HINT = Hint(
    id="six_step.listen.ack",
    step_id="listen",
    step_title="Listen and acknowledge",
    severity=Severity.URGENT,
    headline="Name what went wrong before anything else",
    why="3rd ask about the refund",
    phrasings=("I hear you: this is the third time you've asked.",),
)


def whisper(**kw: object) -> Whisper:
    base: dict[str, object] = {
        "thread": "T1:C1:1.0",
        "channel": "C1",
        "thread_ts": "1.0",
        "agent": "U_AGENT",
        "hint": HintCard.of(HINT, Level.ANGRY, Trend.RISING),
    }
    return Whisper.model_validate(base | kw)


def test_an_outbox_survives_the_trip_through_json_with_its_types() -> None:
    record = ThreadRecord()
    record.queue(whisper(notice=Notice(kind="alerted")), now=100.0)
    record.queue(AlertSync(channel="C_SUP"), now=100.0)
    page = Page(pager="pagerduty", thread="T1:C1:1.0", severity=3, cue="legal", channel="C1")
    record.queue(page, 100.0)
    again = ThreadRecord.from_json(json.loads(json.dumps(record.to_json())))
    assert [e.intent for e in again.outbox] == [e.intent for e in record.outbox]
    assert [e.id for e in again.outbox] == ["whisper-1", "alert-2", "page-3"]
    restored = again.outbox[0].intent
    assert isinstance(restored, Whisper) and restored.hint is not None
    assert restored.hint.hint() == HINT


def test_no_block_kit_is_stored_only_decisions() -> None:
    record = ThreadRecord()
    record.queue(whisper(notice=Notice(kind="alerted")), now=1.0)
    stored = json.dumps(record.to_json())
    assert '"blocks"' not in stored and '"type": "section"' not in stored
    assert '"v": 1' in stored  # every intent says which version of its kind it is


def test_each_kind_has_its_own_deadline() -> None:
    record = ThreadRecord()
    hint = record.queue(whisper(), now=0.0)
    alert = record.queue(AlertSync(channel="C_SUP"), now=0.0)
    reminder = record.queue(AlertReminder(waited_seconds=600), now=0.0)
    assert hint.deadline_at == 300.0  # a hint is stale after a few minutes
    assert alert.deadline_at == 24 * 3600.0  # a supervisor still needs the alert hours later
    assert reminder.deadline_at == 3600.0
    assert hint.expired(300.0) and not alert.expired(300.0)


def test_an_entry_this_build_cannot_read_is_kept_as_written_until_a_day_passed() -> None:
    newer = {
        "id": "digest-9",
        "intent": {"kind": "digest", "v": 1, "channel": "C_SUP"},
        "created_at": 1000.0,
        "deadline_at": 5000.0,
    }
    effect = Effect.from_json(newer)
    assert effect.intent is None and effect.kind == "digest"
    assert effect.to_json() == newer  # a rolling deploy's newer worker can still send it
    assert not effect.due(1000.0 + 3600) and effect.due(1000.0 + 24 * 3600)


def test_a_newer_version_of_a_known_kind_is_kept_too() -> None:
    raw = Effect.new("whisper-1", whisper(), now=5.0).to_json()
    raw["intent"]["v"] = 2
    raw["intent"]["tone"] = "gentle"
    effect = Effect.from_json(raw)
    assert effect.intent is None and effect.to_json() == raw


def test_the_next_delivery_is_due_at_the_earliest_retry_or_deadline() -> None:
    record = ThreadRecord()
    assert record.next_due() is None
    first = record.queue(whisper(), now=10.0)
    record.outbox[0] = first.model_copy(update={"next_at": 50.0})
    record.queue(AlertSync(channel="C_SUP"), now=20.0)
    assert record.next_due() == 20.0
