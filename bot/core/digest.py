"""The supervisors' weekly digest, computed from after-thread records (pure).

Threads handled, how many got hot, the recovery rate, alerts by cue and tier with their precision
from outcomes ("I'm on it" counts as needed, "False alarm" as not), the triggers behind most heat,
promises made and gone overdue, and a day-by-day series for the chart. Also the schedule: the
weekly slot (`last_slot`) in the team's time zone.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.afterthread import AfterThreadRecord
from phrasebook.render import render

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class AlertLine:
    cue: str
    tier: str
    count: int
    claimed: int
    false_alarms: int

    @property
    def precision(self) -> float | None:
        decided = self.claimed + self.false_alarms
        return self.claimed / decided if decided else None


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    threads: int
    hot: int
    alerts: int


@dataclass(frozen=True, slots=True)
class DigestReport:
    start: float
    end: float
    zone: str
    threads: int
    hot: int
    recovered: int
    first_reply_median: float | None  # minutes
    alerts: tuple[AlertLine, ...]
    triggers: tuple[tuple[str, int], ...]
    promises_made: int
    promises_overdue: int
    days: tuple[Day, ...]

    @property
    def recovery_rate(self) -> float | None:
        return self.recovered / self.hot if self.hot else None


def _local_day(at: float, zone: ZoneInfo) -> date:
    return datetime.fromtimestamp(at, zone).date()


def build_digest(
    records: Iterable[AfterThreadRecord],
    start: float,
    end: float,
    zone: ZoneInfo,
    *,
    top_triggers: int = 3,
) -> DigestReport:
    """The digest of the threads resolved in [start, end)."""
    rows = [r for r in records if start <= r.resolved_at < end]
    first = _local_day(start, zone)
    span = max(1, math.ceil((end - start) / 86400 - 1e-9))  # 7 days for a week from 09:00
    days = [first + timedelta(days=i) for i in range(span)]
    last = days[-1]
    per_day: dict[date, list[int]] = {d: [0, 0, 0] for d in days}
    alerts: dict[tuple[str, str], list[int]] = {}
    triggers: Counter[str] = Counter()
    for r in rows:
        d = min(max(_local_day(r.started_at, zone), first), last)
        bucket = per_day[d]
        bucket[0] += 1
        bucket[1] += r.hot
        bucket[2] += r.escalated
        if r.escalated:
            counts = alerts.setdefault((r.alert_cue or "unknown", r.alert_tier), [0, 0, 0])
            counts[0] += 1
            counts[1] += r.alert_outcome == "claimed"
            counts[2] += r.alert_outcome == "false_alarm"
        if r.hot:
            triggers[r.trigger or "unknown"] += 1
    replies = [r.first_reply_minutes for r in rows if r.first_reply_minutes is not None]
    lines = sorted(
        (AlertLine(cue, tier, *c) for (cue, tier), c in alerts.items()),
        key=lambda a: (-a.count, a.cue, a.tier),
    )
    return DigestReport(
        start=start,
        end=end,
        zone=str(zone),
        threads=len(rows),
        hot=sum(r.hot for r in rows),
        recovered=sum(bool(r.recovered) for r in rows if r.hot),
        first_reply_median=round(statistics.median(replies), 1) if replies else None,
        alerts=tuple(lines),
        triggers=tuple(triggers.most_common(top_triggers)),
        promises_made=sum(r.promises_made for r in rows),
        promises_overdue=sum(r.promises_overdue for r in rows),
        days=tuple(Day(d, *per_day[d]) for d in days),
    )


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.0f}%"


def minutes(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.0f} min" if value < 120 else f"{value / 60:.1f} h"


def _label(name: str) -> str:
    return name.replace("_", " ")


def digest_lines(report: DigestReport, wording: Mapping[str, str]) -> tuple[str, ...]:
    """The digest as lines of text (the first is the header), in the team's wording."""
    span = {"start": report.days[0].day.isoformat(), "end": report.days[-1].day.isoformat()}
    out = [
        render(wording["digest_header"], span),
        render(
            wording["digest_summary"],
            {
                "threads": report.threads,
                "hot": report.hot,
                "recovery": pct(report.recovery_rate),
                "first_reply": minutes(report.first_reply_median),
            },
        ),
    ]
    if report.alerts:
        items = [
            render(
                wording["digest_alert_item"],
                {
                    "cue": _label(a.cue),
                    "tier": a.tier,
                    "count": a.count,
                    "precision": pct(a.precision),
                },
            )
            for a in report.alerts
        ]
        out.append(render(wording["digest_alerts"], {"alerts": "; ".join(items)}))
    else:
        out.append(render(wording["digest_no_alerts"], {}))
    if report.triggers:
        named = ", ".join(f"{_label(t)} ({n})" for t, n in report.triggers)
        out.append(render(wording["digest_triggers"], {"triggers": named}))
    out.append(
        render(
            wording["digest_promises"],
            {"made": report.promises_made, "overdue": report.promises_overdue},
        )
    )
    return tuple(out)


def last_slot(now: float, zone: ZoneInfo, weekday: str, at: str) -> float:
    """The most recent weekly slot (`weekday` at `at`, in `zone`) at or before `now`."""
    local = datetime.fromtimestamp(now, zone)
    target = DAYS.index(weekday)
    back = (local.weekday() - target) % 7
    day = local.date() - timedelta(days=back)
    slot = datetime.combine(day, time.fromisoformat(at), tzinfo=zone)
    if slot > local:
        slot = datetime.combine(day - timedelta(days=7), time.fromisoformat(at), tzinfo=zone)
    return slot.timestamp()
