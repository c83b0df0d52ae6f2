"""`undertone demo` shows the follow-through features too, and nothing reaches the customer."""

from __future__ import annotations

import pytest

from bot.demo import run_demo


async def test_the_demo_shows_a_reminder_a_record_and_a_practice_round(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert await run_demo() == 0
    out = capsys.readouterr().out
    assert "Your promise is due" in out
    assert "after-thread record" in out and "recovered:" in out
    assert "Scorecard: the indignant customer" in out
    assert "0 message(s) posted into the customer's channel" in out
