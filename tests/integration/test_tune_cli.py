"""`undertone tune` and the learning lines of `undertone report`: a team sees what each channel
learned from answers, by how much and why, and can put a channel back to the shipped judgement."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest

from bot.__main__ import main
from bot.core.learning import ChannelTuning
from bot.flows.learning import apply_answer
from bot.stores.store import Store
from phrasebook.coaching import Learning

BOUNDS = Learning()
NOW = 1_795_400_000.0  # 2026-11-23 02:13:20 UTC


@pytest.fixture(autouse=True)
def keep_logging() -> Iterator[None]:
    """`tune` sets up logging for the process; give the test session its own back."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    ours = {n: logging.getLogger(n).level for n in ("undertone", "bot", "handlers")}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, lvl in ours.items():
        logging.getLogger(name).setLevel(lvl)


def answers(redis_url: str, *given: tuple[str, str]) -> None:
    """Record answers (channel, answer) as the bot would, each a distinct answer."""

    async def record() -> None:
        store = Store.from_url(redis_url)
        try:
            for i, (channel, answer) in enumerate(given):
                await apply_answer(store, channel, answer, f"a{i}", BOUNDS, NOW + i)  # type: ignore[arg-type]
        finally:
            await store.close()

    asyncio.run(record())


def stored(redis_url: str, channel: str) -> ChannelTuning:
    async def read() -> ChannelTuning:
        store = Store.from_url(redis_url)
        try:
            return ChannelTuning.from_json((await store.load_tuning(channel)).doc)
        finally:
            await store.close()

    return asyncio.run(read())


def test_report_hints_says_which_channel_quieted_itself_and_by_how_much(
    redis_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers(redis_url, ("C_NOISY", "not_helpful"), ("C_NOISY", "not_helpful"), ("C_CALM", "used"))
    monkeypatch.setenv("REDIS_URL", redis_url)
    assert main(["report", "hints"]) == 0
    out = capsys.readouterr().out
    assert "how much surer a reading must be before a hint is whispered" in out
    assert "C_NOISY  +0.30  quieter than shipped" in out
    assert '2026-11-23 02:13:21Z  "Not helpful"     0.15 -> 0.30' in out
    assert "C_CALM" not in out  # "Used it" at the shipped judgement moved nothing
    assert "undertone tune reset CHANNEL" in out


def test_report_alerts_lists_the_alert_bar_beside_the_precision_table(
    redis_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers(redis_url, ("C1", "false_alarm"), ("C1", "false_alarm"), ("C1", "claimed"))
    monkeypatch.setenv("REDIS_URL", redis_url)
    assert main(["report", "alerts"]) == 0
    out = capsys.readouterr().out
    assert "No alert outcomes recorded yet." in out  # the precision table (no outcomes here)
    assert "C1  +0.08  quieter than shipped" in out
    assert "02:13:22Z  \"I'm on it\"       0.10 -> 0.08" in out
    assert out.index("0.10 -> 0.08") < out.index("0.05 -> 0.10")  # newest first


def test_report_without_anything_learned_says_so(
    redis_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    assert main(["report", "hints"]) == 0
    assert "Nothing learned yet" in capsys.readouterr().out


def test_tune_show_and_reset_put_a_channel_back_to_the_shipped_judgement(
    redis_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers(redis_url, ("C1", "not_helpful"), ("C1", "false_alarm"), ("C2", "snooze"))
    monkeypatch.setenv("REDIS_URL", redis_url)
    assert main(["tune", "show"]) == 0
    out = capsys.readouterr().out
    assert "C1: hint bar +0.15 (at most 1.00), alert bar +0.05 (at most 0.20); 2 changes" in out
    assert "C2: hint bar +0.05" in out

    assert main(["tune", "reset", "C1"]) == 0
    captured = capsys.readouterr()
    assert "C1: back to the shipped judgement (hint bar +0.15 -> 0, alert bar +0.05 -> 0)" in (
        captured.out
    )
    assert captured.err.count("threshold_changed") == 2  # logged like any other change
    assert stored(redis_url, "C1").hint_shift == stored(redis_url, "C1").alert_shift == 0.0
    assert stored(redis_url, "C2").hint_shift == BOUNDS.snooze  # other channels keep theirs

    assert main(["tune", "show", "C1"]) == 0
    out = capsys.readouterr().out
    assert "C1: hint bar +0.00" in out and "reset" in out and "C2" not in out
    assert main(["tune", "reset", "C1"]) == 0
    assert "nothing learned" in capsys.readouterr().out


def test_tune_refuses_without_redis_or_with_a_channel_name(
    redis_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert main(["tune", "show"]) == 2
    assert "REDIS_URL" in capsys.readouterr().err
    monkeypatch.setenv("REDIS_URL", redis_url)
    assert main(["tune", "reset", "#support"]) == 2
    assert "channel id" in capsys.readouterr().err
