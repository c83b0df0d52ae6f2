"""`undertone report digest` and `undertone export`: the after-thread records, read from Redis.

Both read the records the bot keeps (`REDIS_URL`); with the embedded store there is nothing to
read between runs, and they say so. Times are ISO-8601 UTC; `--since` takes a duration (`30d`,
`12h`, `90m`) or a date (`2026-11-01`), `--until` a date or date-time (default: now).
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from bot.chart import INSTALL_HINT, available, chart_png
from bot.config import Settings
from bot.core.afterthread import FIELDS, AfterThreadRecord, csv_row
from bot.core.digest import build_digest, digest_lines
from bot.stores.store import Store
from phrasebook import load_phrasebook
from phrasebook.render import render

_DURATION = re.compile(r"^(\d+)\s*([dhm])$")
_EMOJI = re.compile(r":[a-z0-9_+-]+:\s*")
EXIT_USAGE = 2


class UsageError(ValueError):
    """A bad --since / --until value."""


def parse_time(value: str) -> float:
    """A date (`2026-11-01`, midnight UTC) or ISO date-time (UTC unless it names a zone)."""
    try:
        at = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise UsageError(f"not a date or ISO date-time: {value!r}") from exc
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).timestamp()


def parse_since(value: str, until: float) -> float:
    """`30d`, `12h`, `90m` before `until`, or a date."""
    match = _DURATION.match(value.strip().lower())
    if match:
        n, unit = int(match.group(1)), match.group(2)
        return until - n * {"d": 86400, "h": 3600, "m": 60}[unit]
    return parse_time(value)


def _store(settings: Settings, err: TextIO) -> Store:
    if not settings.redis_url:
        err.write("undertone: no REDIS_URL: the embedded store keeps no records between runs\n")
    return Store.from_url(settings.redis_url)


async def _records(store: Store, start: float, end: float) -> list[AfterThreadRecord]:
    rows = [AfterThreadRecord.from_json(r) for r in await store.records.between(start, end)]
    return sorted(rows, key=lambda r: (r.resolved_at, r.thread))


async def digest_main(
    settings: Settings,
    days: int,
    png: Path | None,
    until: str | None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Print the digest of the last `days` days; write its chart to `png`."""
    try:
        end = parse_time(until) if until else time.time()
    except UsageError as exc:
        err.write(f"undertone report digest: {exc}\n")
        return EXIT_USAGE
    if png is not None and not available():
        err.write(f"undertone report digest: {INSTALL_HINT}\n")
        return EXIT_USAGE
    book = load_phrasebook(settings.phrasebook_dir)
    store = _store(settings, err)
    try:
        records = await _records(store, end - days * 86400, end)
    finally:
        await store.close()
    zone = book.escalation.business_hours.zone
    report = build_digest(
        records, end - days * 86400, end, zone, top_triggers=book.followup.digest.top_triggers
    )
    for line in digest_lines(report, book.followup.wording):
        out.write(_EMOJI.sub("", line).replace("*", "") + "\n")
    if png is not None:
        span = {"start": report.days[0].day.isoformat(), "end": report.days[-1].day.isoformat()}
        image = chart_png(report, render(book.followup.wording["digest_chart_title"], span))
        assert image is not None  # available() said matplotlib is there
        png.write_bytes(image)
        err.write(f"chart written to {png} ({len(image)} bytes)\n")
    return 0


async def export_main(
    settings: Settings,
    since: str,
    until: str | None,
    fmt: str,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Print the records resolved in the window, one per line (jsonl) or as CSV with a header
    (fields: docs/records.md)."""
    try:
        end = parse_time(until) if until else time.time()
        start = parse_since(since, end)
    except UsageError as exc:
        err.write(f"undertone export: {exc}\n")
        return EXIT_USAGE
    store = _store(settings, err)
    try:
        records = await _records(store, start, end)
    finally:
        await store.close()
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(FIELDS), lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow(csv_row(record))
    else:
        for record in records:
            out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    err.write(f"{len(records)} record(s)\n")
    return 0
