"""An agent's own growth, from their after-thread records (pure; shown to them alone).

Their recovery rate week by week, the framework steps they use most and least, the slips they
have stopped making (seen in earlier weeks, not in the last two), and the hints they marked
"used it". No comparison with colleagues.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.afterthread import AfterThreadRecord
from bot.core.digest import pct
from phrasebook.render import render

RECENT_DAYS = 14  # "stopped making": not seen in this many days, seen before


@dataclass(frozen=True, slots=True)
class Week:
    monday: date
    hot: int
    recovered: int

    @property
    def rate(self) -> float | None:
        return self.recovered / self.hot if self.hot else None


@dataclass(frozen=True, slots=True)
class Growth:
    threads: int
    weeks: tuple[Week, ...]
    most: tuple[str, ...]
    least: tuple[str, ...]
    stopped_slips: tuple[str, ...]
    useful: tuple[tuple[str, int], ...]


def build_growth(
    records: Iterable[AfterThreadRecord],
    now: float,
    zone: ZoneInfo,
    *,
    weeks: int,
    steps: Sequence[str],
) -> Growth:
    """`steps`: the framework's step ids (a step never taken counts as used least)."""
    rows = sorted(records, key=lambda r: r.resolved_at)
    today = datetime.fromtimestamp(now, zone).date()
    this_monday = today - timedelta(days=today.weekday())
    mondays = [this_monday - timedelta(days=7 * i) for i in reversed(range(weeks))]
    per_week = {m: [0, 0] for m in mondays}
    used: Counter[str] = Counter({s: 0 for s in steps})
    useful: Counter[str] = Counter()
    recent_cut = now - RECENT_DAYS * 86400
    early_slips: set[str] = set()
    recent_slips: set[str] = set()
    recent = 0
    for r in rows:
        day = datetime.fromtimestamp(r.resolved_at, zone).date()
        monday = day - timedelta(days=day.weekday())
        if monday in per_week and r.hot:
            per_week[monday][0] += 1
            per_week[monday][1] += bool(r.recovered)
        used.update(s for s, _ in r.steps if s in used)
        useful.update(r.hints_used_steps)
        if r.resolved_at >= recent_cut:
            recent += 1
            recent_slips.update(r.slips)
        else:
            early_slips.update(r.slips)
    ranked = [s for s, _ in sorted(used.items(), key=lambda kv: (-kv[1], steps.index(kv[0])))]
    taken = [s for s in ranked if used[s] > 0]
    return Growth(
        threads=len(rows),
        weeks=tuple(Week(m, *per_week[m]) for m in mondays),
        most=tuple(taken[:2]),
        least=tuple(reversed(ranked[-2:])) if ranked else (),
        stopped_slips=tuple(sorted(early_slips - recent_slips)) if recent else (),
        useful=tuple(useful.most_common(3)),
    )


def growth_lines(
    g: Growth, wording: Mapping[str, str], titles: Mapping[str, str]
) -> tuple[str, ...]:
    """The growth view as lines of text; `titles` names steps and slips for people."""
    if not g.threads:
        return (render(wording["home_growth_empty"], {}),)

    def name(key: str) -> str:
        return titles.get(key, key.replace("_", " "))

    weeks = " · ".join(f"{w.monday:%b %d} {pct(w.rate)}" for w in g.weeks)
    out = [render(wording["home_growth_recovery"], {"weeks": weeks})]
    if g.most:
        out.append(
            render(
                wording["home_growth_steps"],
                {
                    "most": ", ".join(name(s) for s in g.most),
                    "least": ", ".join(name(s) for s in g.least) or "none",
                },
            )
        )
    if g.stopped_slips:
        slips = ", ".join(name(s) for s in g.stopped_slips)
        out.append(render(wording["home_growth_slips"], {"slips": slips}))
    if g.useful:
        hints = ", ".join(f"{name(s)} ({n})" for s, n in g.useful)
        out.append(render(wording["home_growth_hints"], {"hints": hints}))
    return tuple(out)
