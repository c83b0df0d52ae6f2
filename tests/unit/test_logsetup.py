"""Log lines: JSON off a terminal, our own fields never clobbered, Slack library bodies dropped."""

from __future__ import annotations

import json
import logging

from bot.logsetup import DropBodies, JsonFormatter


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
