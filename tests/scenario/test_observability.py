"""What a platform team watches: `/metrics` moves with a real thread, logs are parseable JSON
with timestamps and ids, and never carry what a customer wrote or a secret."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import datetime

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot import __version__
from bot.fakeslack import payloads as p
from bot.logsetup import configure_logging
from tests.conftest import BOT_TOKEN, SIGNING_SECRET
from tests.scenario.conftest import Bot

OPENING = "orchid-5532 our nightly export has not delivered any files since Monday, can you check?"
ANGRY = (
    "zebra-8871 is STILL broken. Third time I'm reporting it and nobody fixed anything. "
    "Unacceptable, I am furious. Fix it today or we cancel the contract, I want your manager."
)
PRIVATE_WORDS = ("orchid-5532", "zebra-8871", "nightly export", "furious", "cancel the contract")

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def scrape(bot: Bot, accept: str = "text/plain") -> tuple[str, Samples]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{bot.url}/metrics", headers={"Accept": accept}) as resp,
    ):
        assert resp.status == 200
        content_type = resp.headers["Content-Type"]
        text = await resp.text()
    samples: Samples = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            samples[(s.name, frozenset(s.labels.items()))] = s.value
    return content_type, samples


def moved(before: Samples, after: Samples, name: str, **labels: str) -> float:
    key = (name, frozenset(labels.items()))
    return after.get(key, 0.0) - before.get(key, 0.0)


async def play_frustrated_thread(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, OPENING)
    await bot.say(p.AGENT, "Thanks for flagging, I'm looking at the export logs now.")
    await bot.say(p.CUSTOMER, ANGRY)
    await bot.drain()


async def test_metrics_after_a_thread_show_events_effects_hints_pings_and_latency(
    bot: Bot,
) -> None:
    content_type, before = await scrape(bot)
    assert content_type.startswith("text/plain; version=")

    await play_frustrated_thread(bot)
    retry = p.message_event(text="hello?", user=p.CUSTOMER, user_team=p.TEAM_CUST)
    await bot.driver.post_event(retry)
    await bot.driver.post_event(retry, retry_num=1)  # Slack retried: acked, not queued again
    await bot.drain()
    _, after = await scrape(bot)

    assert moved(before, after, "undertone_events_received_total", kind="message") == 5
    assert moved(before, after, "undertone_events_acked_total", kind="message") == 5
    assert moved(before, after, "undertone_events_taken_in_total") == 4
    assert moved(before, after, "undertone_events_duplicate_total") == 1
    assert moved(before, after, "undertone_entries_processed_total", outcome="ok") == 4
    assert moved(before, after, "undertone_effects_total", kind="whisper", outcome="sent") >= 1
    assert moved(before, after, "undertone_effects_total", kind="alert", outcome="sent") == 1
    hints = {
        (dict(labels)["step"], dict(labels)["level"]): value - before.get((name, labels), 0.0)
        for (name, labels), value in after.items()
        if name == "undertone_hints_total" and value > before.get((name, labels), 0.0)
    }
    assert list(hints.values()) == [1]
    ((step, level),) = hints
    steps = {st.id for st in bot.services.phrasebook.coaching.frameworks["six_step"].steps}
    assert step in steps and level in ("frustrated", "angry")
    pings = [
        dict(labels)
        for (name, labels), value in after.items()
        if name == "undertone_pings_total" and value > before.get((name, labels), 0.0)
    ]
    assert len(pings) == 1
    assert pings[0]["action"] == "post" and pings[0]["severity"] in ("high", "critical")
    assert pings[0]["cue"] in ("churn", "outrage", "manager_request", "threat")
    calls = moved(
        before, after, "undertone_slack_api_calls_total", method="chat.postEphemeral", outcome="ok"
    )
    assert calls >= 1
    assert moved(before, after, "undertone_scoring_seconds_count") == 4  # every message is read
    assert moved(before, after, "undertone_end_to_end_seconds_count") == 4
    assert after[("undertone_intake_backlog", frozenset())] == 0
    assert after[("undertone_intake_pending", frozenset())] == 0


async def test_metrics_speak_openmetrics_to_a_scraper_that_asks(bot: Bot) -> None:
    content_type, samples = await scrape(bot, accept="application/openmetrics-text; version=1.0.0")
    assert content_type.startswith("application/openmetrics-text")
    assert samples[("undertone_build_info", frozenset({("version", __version__)}))] == 1


async def test_a_rate_limited_slack_call_is_counted_by_method_and_still_sent(bot: Bot) -> None:
    _, before = await scrape(bot)
    bot.slack.fail_next("chat.postEphemeral", status=429, retry_after=0)
    await play_frustrated_thread(bot)
    _, after = await scrape(bot)
    assert (
        moved(before, after, "undertone_slack_api_rate_limited_total", method="chat.postEphemeral")
        == 1
    )
    assert moved(before, after, "undertone_effects_total", kind="whisper", outcome="sent") >= 1


async def test_a_failed_send_is_counted_as_retried_then_sent(bot: Bot) -> None:
    _, before = await scrape(bot)
    bot.slack.fail_next("chat.postMessage", status=200, error="internal_error")
    await play_frustrated_thread(bot)
    await bot.drain()
    bot.clock.advance(60)
    await bot.drain()  # the alert waited in its thread's outbox and is sent on the retry
    _, after = await scrape(bot)
    assert moved(before, after, "undertone_effects_total", kind="alert", outcome="retried") == 1
    assert moved(before, after, "undertone_effects_total", kind="alert", outcome="sent") == 1
    assert moved(before, after, "undertone_entries_processed_total", outcome="failed") == 0
    failed = moved(
        before,
        after,
        "undertone_slack_api_calls_total",
        method="chat.postMessage",
        outcome="internal_error",
    )
    assert failed == 1


# ---- logs ---------------------------------------------------------------------------------------


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """Everything logged, at DEBUG for our code and Slack's libraries, as the JSON handler
    writes it in production."""
    buffer = io.StringIO()
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    names = ("undertone", "bot", "handlers", "slack_bolt", "slack_sdk")
    saved_levels = {n: logging.getLogger(n).level for n in names}
    configure_logging("DEBUG", json_lines=True)
    handler = root.handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buffer)
    for name in ("slack_bolt", "slack_sdk"):
        logging.getLogger(name).setLevel(logging.DEBUG)  # they log bodies at debug: must not leak
    try:
        yield buffer
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)
        logging.captureWarnings(False)


async def test_logs_of_a_frustrated_thread_hold_ids_and_timestamps_but_no_text_or_secrets(
    bot: Bot, json_log: io.StringIO
) -> None:
    await play_frustrated_thread(bot)
    lines = [ln for ln in json_log.getvalue().splitlines() if ln.strip()]
    assert lines, "the thread logged nothing"
    records = [json.loads(ln) for ln in lines]  # every line is one JSON object
    for record in records:
        assert record["timestamp"].endswith("Z")
        datetime.fromisoformat(record["timestamp"])  # ISO-8601
        assert {"level", "logger", "event"} <= set(record)
    assessed = [r for r in records if r["event"] == "message_assessed"]
    assert len(assessed) == 2  # the two customer turns (agent turns are read, not scored)
    for r in assessed:
        assert r["team"] == p.TEAM_OURS and r["channel"] == p.CHANNEL_SHARED
        assert r["thread_ts"] == bot.parent() and r["event_id"].startswith("Ev")
    text = json_log.getvalue().lower()
    for secret in (*PRIVATE_WORDS, BOT_TOKEN, SIGNING_SECRET):
        assert secret.lower() not in text, secret


async def test_a_request_leaves_the_level_of_undertones_loggers_alone(bot: Bot) -> None:
    # Bolt resets the level of the logger its app is named after on every request; the app must
    # not be named after ours, or an operator's log level would be undone by the first event
    ours = logging.getLogger("undertone")
    saved = ours.level
    ours.setLevel(logging.DEBUG)
    try:
        response = await bot.say(p.CUSTOMER, OPENING)
        assert response.status == 200
        await bot.drain()
        assert ours.level == logging.DEBUG
    finally:
        ours.setLevel(saved)
