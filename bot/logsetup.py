"""Logging: one line per event, ids only (never message text or tokens).

Off a terminal (containers, systemd, CI) every line is one JSON object:
`{"timestamp": "2026-01-31T09:15:02.123Z", "level": "info", "logger": "undertone.flow",
"event": "message_assessed", "team": "T1", "channel": "C1", "thread_ts": "...", ...}`.
On a terminal (and for `undertone demo`) lines are for people: `09:15:02 info  undertone.flow
message_assessed channel=C1 ...`. Python warnings and the last-resort crash report go through
the same formatter, so a log stack never sees a line it cannot parse.

Ids of the work in hand (team, channel, thread, event) come from `bind_ids`, so call sites need
not repeat them; an id passed explicitly in `extra` wins.

An exception is one line: its type, where it was raised, and (for infrastructure errors only) its
message; the stack is added only when the logger is at DEBUG, so an outage is not a wall of
tracebacks.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
import logging
import sys
import traceback
from collections.abc import Iterator
from typing import Any

_STD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None)).keys()) | {
    "message",
    "asctime",
    "taskName",
}
_OWN = ("timestamp", "level", "logger", "event")

# Exceptions whose messages name hosts, ports and error codes, never what a customer wrote; any
# other exception is logged by type and stack only (its message might quote a payload).
_SAFE_MESSAGE_MODULES = ("redis", "aiohttp", "slack_sdk", "slack_bolt", "asyncio", "socket", "ssl")

_ids: contextvars.ContextVar[dict[str, str]] = contextvars.ContextVar("undertone_log_ids")


@contextlib.contextmanager
def bind_ids(**ids: str | None) -> Iterator[None]:
    """Every log line inside the block carries these ids (None values are left out)."""
    merged = dict(_ids.get({}))
    merged.update({k: v for k, v in ids.items() if v})
    token = _ids.set(merged)
    try:
        yield
    finally:
        _ids.reset(token)


def _timestamp(created: float) -> str:
    moment = dt.datetime.fromtimestamp(created, tz=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    out: dict[str, Any] = dict(_ids.get({}))
    out.update({k: v for k, v in vars(record).items() if k not in _STD and k not in _OWN})
    return out


def safe_message(exc: BaseException) -> str:
    """An exception's message when it can only name hosts, ports and error codes, else ''."""
    kind = type(exc)
    if (kind.__module__ or "").split(".")[0] in _SAFE_MESSAGE_MODULES or issubclass(
        kind, (OSError, TimeoutError)
    ):
        return str(exc)[:300]
    return ""


def describe_exception(exc_info: Any, *, stack: bool = False) -> dict[str, Any]:
    """Type, where it was raised, the message of infrastructure errors, and the stack if asked."""
    kind, value, tb = exc_info
    if kind is None:
        return {}
    out: dict[str, Any] = {"exc_type": kind.__name__}
    message = safe_message(value) if value is not None else ""
    if message:
        out["exc_message"] = message
    frames = traceback.extract_tb(tb) if tb is not None else []
    if frames:
        last = frames[-1]
        out["where"] = f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno} in {last.name}"
    if stack:
        out["stack"] = "".join(traceback.format_tb(tb)).rstrip()
    return out


def _wants_stack(record: logging.LogRecord) -> bool:
    return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: timestamp (ISO-8601, UTC), level, logger, event, then ids."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "timestamp": _timestamp(record.created),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        out.update(_fields(record))
        if record.exc_info:
            out.update(describe_exception(record.exc_info, stack=_wants_stack(record)))
        return json.dumps(out, default=str)


class ConsoleFormatter(logging.Formatter):
    """For people: local time, level, logger, event, then key=value ids."""

    def format(self, record: logging.LogRecord) -> str:
        when = dt.datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        extra = " ".join(f"{k}={v}" for k, v in _fields(record).items())
        line = f"{when} {record.levelname[:4].lower():<4} {record.name} {record.getMessage()}"
        line = f"{line} {extra}".rstrip()
        if record.exc_info:
            info = describe_exception(record.exc_info, stack=_wants_stack(record))
            problem = f"{info.get('exc_type')}: {info.get('exc_message', '')}".rstrip(": ")
            line += f" exc={problem!r} where={info.get('where', '?')!r}"
            if "stack" in info:
                line += f"\n{info['stack']}"
        return line


# Bolt reads SLACK_BOT_TOKEN itself and warns that the client we hand it (carrying that same
# token) wins: true, intended, and alarming in an operator's log at every start.
_BENIGN = frozenset({"As you gave `client` as well, `token` will be unused."})


class DropBodies(logging.Filter):
    """Slack libraries log request bodies at debug (and Bolt on a bad signature at info): drop
    them, and Bolt's one benign start-up warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(("slack_bolt", "slack_sdk")):
            return True
        return record.levelno >= logging.WARNING and record.getMessage() not in _BENIGN


def configure_logging(level: str = "INFO", json_lines: bool | None = None) -> None:
    """Route every log line (ours, libraries', Python warnings) through one formatter."""
    handler = logging.StreamHandler(sys.stderr)
    use_json = (not sys.stderr.isatty()) if json_lines is None else json_lines
    handler.setFormatter(JsonFormatter() if use_json else ConsoleFormatter())
    handler.addFilter(DropBodies())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    for name in ("undertone", "bot", "handlers"):
        logging.getLogger(name).setLevel(level.upper())
    quiet_slack_libraries()
    logging.captureWarnings(True)  # `warnings.warn` lines become log lines too


def quiet_slack_libraries() -> None:
    """Slack's libraries log every request and response body at debug (customer words in hints
    and pings): they log warnings and errors only, whatever level the rest of the app logs at."""
    for name in ("slack_bolt", "slack_sdk"):
        logging.getLogger(name).setLevel(logging.WARNING)


def log_crash(logger: logging.Logger, event: str) -> None:
    """The last word of a command that failed: one log line with the exception's type and where
    it was raised (the stack at DEBUG)."""
    logger.critical(event, exc_info=sys.exc_info())
