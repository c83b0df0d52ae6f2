"""Log lines: JSON off a terminal with a timestamp and ids, our own fields never clobbered,
exception messages and Slack library bodies kept out."""

from __future__ import annotations

import json
import logging
import re
import sys

from bot.logsetup import ConsoleFormatter, DropBodies, JsonFormatter, bind_ids


def record(name: str, severity: int, msg: str, **extra: object) -> logging.LogRecord:
    rec = logging.LogRecord(name, severity, __file__, 1, msg, (), None)
    for key, value in extra.items():
        setattr(rec, key, value)
    return rec


def test_json_lines_carry_the_event_and_extra_ids() -> None:
    line = JsonFormatter().format(
        record("undertone.flow", logging.INFO, "message_assessed", channel="C1", score=0.5)
    )
    data = json.loads(line)
    assert data["event"] == "message_assessed" and data["channel"] == "C1"
    assert data["level"] == "info"


def test_an_extra_named_level_cannot_overwrite_the_log_level() -> None:
    line = JsonFormatter().format(record("undertone.flow", logging.INFO, "x", level="angry"))
    assert json.loads(line)["level"] == "info"


def test_slack_library_debug_and_info_lines_are_dropped() -> None:
    keep = DropBodies()
    assert not keep.filter(record("slack_bolt.middleware", logging.INFO, "body=..."))
    assert not keep.filter(record("slack_sdk.web", logging.DEBUG, "params=..."))
    assert keep.filter(record("slack_sdk.web", logging.WARNING, "rate limited"))
    assert keep.filter(record("undertone.flow", logging.INFO, "message_assessed"))


def test_bolts_warning_about_the_client_we_give_it_is_not_an_operators_concern() -> None:
    keep = DropBodies()
    benign = "As you gave `client` as well, `token` will be unused."
    assert not keep.filter(record("slack_bolt.AsyncApp", logging.WARNING, benign))
    assert keep.filter(record("slack_bolt.AsyncApp", logging.WARNING, "something else"))


def test_every_json_line_starts_with_an_iso_utc_timestamp() -> None:
    rec = record("undertone.flow", logging.INFO, "message_assessed")
    rec.created = 1_795_400_000.25
    data = json.loads(JsonFormatter().format(rec))
    assert list(data)[:4] == ["timestamp", "level", "logger", "event"]
    assert data["timestamp"] == "2026-11-23T02:13:20.250Z"


def test_bound_ids_appear_on_every_line_inside_the_block_only() -> None:
    with bind_ids(team="T1", channel="C1", thread_ts="1.5", event_id=None):
        inside = json.loads(JsonFormatter().format(record("undertone.flow", logging.INFO, "x")))
    outside = json.loads(JsonFormatter().format(record("undertone.flow", logging.INFO, "x")))
    assert (inside["team"], inside["channel"], inside["thread_ts"]) == ("T1", "C1", "1.5")
    assert "event_id" not in inside and "team" not in outside


def test_an_id_given_at_the_call_site_wins_over_a_bound_one() -> None:
    with bind_ids(channel="C1"):
        data = json.loads(JsonFormatter().format(record("u", logging.INFO, "x", channel="C2")))
    assert data["channel"] == "C2"


def _failed(exc: Exception) -> logging.LogRecord:
    try:
        raise exc
    except Exception:
        rec = record("undertone.worker", logging.ERROR, "entry_failed")
        rec.exc_info = sys.exc_info()
        return rec


def test_an_exception_of_our_own_is_logged_by_type_and_place_never_its_message() -> None:
    data = json.loads(JsonFormatter().format(_failed(ValueError("customer said: I am furious"))))
    assert data["exc_type"] == "ValueError" and data["where"].startswith("test_logsetup.py:")
    assert "furious" not in json.dumps(data)


def test_an_exception_is_one_line_with_its_stack_only_at_debug_level() -> None:
    logger = logging.getLogger("undertone.worker")
    before = logger.level
    try:
        logger.setLevel(logging.INFO)
        quiet = json.loads(JsonFormatter().format(_failed(ValueError("x"))))
        console = ConsoleFormatter().format(_failed(ConnectionRefusedError("127.0.0.1:6379")))
        logger.setLevel(logging.DEBUG)
        loud = json.loads(JsonFormatter().format(_failed(ValueError("x"))))
    finally:
        logger.setLevel(before)
    assert "stack" not in quiet and "test_logsetup.py" in loud["stack"]
    assert "\n" not in console and "ConnectionRefusedError: 127.0.0.1:6379" in console


def test_an_infrastructure_error_keeps_its_message() -> None:
    data = json.loads(JsonFormatter().format(_failed(ConnectionRefusedError("127.0.0.1:6379"))))
    assert data["exc_type"] == "ConnectionRefusedError"
    assert data["exc_message"] == "127.0.0.1:6379"


def test_console_lines_are_for_people() -> None:
    with bind_ids(channel="C1"):
        line = ConsoleFormatter().format(record("undertone.flow", logging.WARNING, "effect_failed"))
    assert re.fullmatch(r"\d\d:\d\d:\d\d warn undertone\.flow effect_failed channel=C1", line)
