"""Promises: found in an agent's own words, due in the team's time zone and business hours."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.promises import Promise, PromiseReader, PromiseState
from phrasebook import load_phrasebook
from phrasebook.escalation import BusinessHours

BOOK = load_phrasebook().followup.promises
NY = ZoneInfo("America/New_York")
HOURS = BusinessHours(time_zone="America/New_York", start="09:00", end="17:30")
MONDAY_1030 = datetime(2026, 11, 23, 10, 30, tzinfo=NY).timestamp()
FRIDAY_1800 = datetime(2026, 11, 27, 18, 0, tzinfo=NY).timestamp()


def due(text: str, now: float = MONDAY_1030) -> str | None:
    found = PromiseReader(BOOK, HOURS).find(text, "U1", "1.0", now)
    return None if found is None else datetime.fromtimestamp(found.due_at, NY).strftime("%a %H:%M")


@pytest.mark.parametrize(
    ("said", "when"),
    [
        ("I'll update you within the hour.", "Mon 11:30"),
        ("We'll get back to you in 2 hours.", "Mon 12:30"),
        ("I will have an answer by end of day", "Mon 17:30"),  # the team's close, its zone
        ("I'll call you tomorrow morning", "Tue 12:00"),
        ("I'll send it tomorrow", "Tue 17:30"),
        ("I'll confirm on Wednesday", "Wed 17:30"),
        ("I'll call you on Monday", "Mon 17:30"),  # said on a Monday: next Monday (date below)
        ("You'll have it by 3pm", "Mon 15:00"),
        ("I'll have it for you by 5", "Mon 17:00"),
        ("I will confirm within 2 business days.", "Wed 17:30"),
        ("Expect an update by the end of the week", "Fri 17:30"),
        ("I'm going to ping you tonight", "Mon 20:00"),
    ],
)
def test_due_times(said: str, when: str) -> None:
    assert due(said) == when


def test_on_monday_said_on_a_monday_means_next_week() -> None:
    found = PromiseReader(BOOK, HOURS).find("I'll call you on Monday", "U1", "1.0", MONDAY_1030)
    assert found is not None and found.due_at - MONDAY_1030 > 6 * 86400


def test_business_days_skip_the_weekend() -> None:
    assert due("I will confirm within 1 business day", FRIDAY_1800) == "Mon 17:30"
    assert due("by end of day, I'll send it", FRIDAY_1800) == "Fri 20:00"  # after close: tonight


@pytest.mark.parametrize(
    "said",
    [
        "I'll look into it.",  # no time
        "The outage started on Monday.",  # a time, no commitment
        "Refunds take 5-7 business days.",
        "Thanks for bearing with us today!",
    ],
)
def test_no_promise_without_a_commitment_and_a_time(said: str) -> None:
    assert due(said) is None


def test_the_quote_is_the_agents_own_sentence_and_short() -> None:
    text = "Thanks for the logs. " + "I'll " + "really " * 40 + "get back to you by tomorrow."
    found = PromiseReader(BOOK, HOURS).find(text, "U1", "1.0", MONDAY_1030)
    assert found is not None
    assert "Thanks for the logs" not in found.quote
    assert len(found.quote) <= BOOK.quote_limit


def _promise(due_at: float) -> Promise:
    return Promise("r", "I'll update you", "U1", 100.0, "100.0", due_at)


def test_an_update_keeps_a_promise_and_a_late_one_counts_as_overdue() -> None:
    state = PromiseState().on_agent(_promise(1000.0), 100.0, 100.0)
    kept = state.on_agent(None, 500.0, 500.0)
    assert kept.current is not None and not kept.current.open and kept.kept == 1
    late = state.on_agent(None, 1500.0, 1500.0)
    assert late.kept == 0 and late.overdue == 1


def test_an_overdue_promise_is_told_once() -> None:
    state = PromiseState().on_agent(_promise(1000.0), 100.0, 100.0)
    assert not state.needs_overdue_note(999.0)
    assert state.needs_overdue_note(1000.0)
    told = state.mark_reminded(1001.0)
    assert not told.needs_overdue_note(2000.0) and told.overdue == 1
    assert told.mark_reminded(3000.0) == told
    assert PromiseState.from_json(told.to_json()) == told
