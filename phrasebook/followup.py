"""Follow-through policy as data: recognising promises, resolving threads, records, the digest,
the growth view, and their wording.

Shipped defaults live in `phrasebook/data/followup/followup.yaml`; a team's `followup.yaml`
overrides any field (mappings merge key by key, as for `escalation.yaml`). Problems raise
`PhrasebookError(file, line, problem)`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from phrasebook.loader import check_wording, load_with_team

SHIPPED_FILE = Path(__file__).parent / "data" / "followup" / "followup.yaml"
TEAM_FILE_NAME = "followup.yaml"

_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

DueKind = Literal[
    "minutes",
    "hours",
    "days",
    "business_days",
    "end_of_day",
    "end_of_week",
    "morning",
    "afternoon",
    "evening",
    "weekday",
    "clock",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _compiles(patterns: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in patterns:
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"bad regex {pattern!r}: {exc}") from exc
    return patterns


class TimeRule(_Frozen):
    """A time expression in a promise and how its due time is computed."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    pattern: str = Field(min_length=1)
    due: DueKind
    amount: int = Field(default=0, ge=0, le=365)

    @field_validator("pattern")
    @classmethod
    def _regex(cls, value: str) -> str:
        return _compiles((value,))[0]

    @model_validator(mode="after")
    def _groups(self) -> TimeRule:
        groups = set(re.compile(self.pattern).groupindex)
        needs = {"weekday": {"day"}, "clock": {"hh"}}.get(self.due, set())
        if not needs <= groups:
            raise ValueError(f"a {self.due} rule needs the named group(s) {sorted(needs)}")
        if self.due in ("minutes", "hours", "days") and not self.amount and "n" not in groups:
            raise ValueError(f"a {self.due} rule needs an amount or a named group n")
        return self


class Promises(_Frozen):
    commitment: tuple[str, ...] = Field(min_length=1)
    times: tuple[TimeRule, ...] = Field(min_length=1)
    morning_end: str = "12:00"
    evening_end: str = "20:00"
    quote_limit: int = Field(default=100, ge=20, le=300)
    remind: bool = True

    @field_validator("commitment")
    @classmethod
    def _regexes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _compiles(value)

    @field_validator("morning_end", "evening_end")
    @classmethod
    def _hhmm(cls, value: str) -> str:
        if not _HHMM.match(value):
            raise ValueError(f"{value!r} is not a HH:MM time")
        return value

    @model_validator(mode="after")
    def _unique(self) -> Promises:
        ids = [t.id for t in self.times]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate time rule ids: {', '.join(dupes)}")
        return self


class Resolution(_Frozen):
    reactions: tuple[str, ...] = ("white_check_mark",)
    quiet_hours: float = Field(default=48.0, gt=0, le=24 * 6)  # under the 7-day thread TTL
    follow_up_after_hours: float = Field(default=24.0, ge=0, le=24 * 6)


class Records(_Frozen):
    retention_days: int = Field(default=180, ge=1, le=3650)
    quote_limit: int = Field(default=80, ge=0, le=200)


class Digest(_Frozen):
    enabled: bool = True
    weekday: str = "mon"
    time: str = "09:00"
    top_triggers: int = Field(default=3, ge=1, le=10)

    @field_validator("weekday")
    @classmethod
    def _day(cls, value: str) -> str:
        if value not in DAYS:
            raise ValueError(f"unknown day {value!r}; use {', '.join(DAYS)}")
        return value

    @field_validator("time")
    @classmethod
    def _hhmm(cls, value: str) -> str:
        if not _HHMM.match(value):
            raise ValueError(f"{value!r} is not a HH:MM time")
        return value


class Growth(_Frozen):
    weeks: int = Field(default=6, ge=1, le=26)
    supervisors_see_per_person: bool = False


# Placeholders each template may use; checked when the file loads.
WORDING_FIELDS: dict[str, frozenset[str]] = {
    "reminder_header": frozenset({"promise"}),
    "reminder_body": frozenset({"when"}),
    "reminder_suggestion": frozenset({"update"}),
    "suggested_update": frozenset({"topic", "next"}),
    "overdue_note": frozenset({"promise", "when"}),
    "followup_header": frozenset(),
    "followup_body": frozenset({"ago"}),
    "followup_suggestion": frozenset({"topic"}),
    "resolve_button": frozenset(),
    "home_promises_title": frozenset(),
    "home_promise_item": frozenset({"status", "when", "promise", "link"}),
    "home_followup_item": frozenset({"when", "link"}),
    "status_open": frozenset(),
    "status_overdue": frozenset(),
    "home_growth_title": frozenset(),
    "home_growth_recovery": frozenset({"weeks"}),
    "home_growth_steps": frozenset({"most", "least"}),
    "home_growth_slips": frozenset({"slips"}),
    "home_growth_hints": frozenset({"hints"}),
    "home_growth_empty": frozenset(),
    "home_team_growth_title": frozenset(),
    "home_team_growth_item": frozenset({"agent", "threads", "recovery"}),
    "digest_header": frozenset({"start", "end"}),
    "digest_summary": frozenset({"threads", "hot", "recovery", "first_reply"}),
    "digest_alerts": frozenset({"alerts"}),
    "digest_alert_item": frozenset({"cue", "tier", "count", "precision"}),
    "digest_no_alerts": frozenset(),
    "digest_triggers": frozenset({"triggers"}),
    "digest_promises": frozenset({"made", "overdue"}),
    "digest_chart_title": frozenset({"start", "end"}),
    "digest_chart_alt": frozenset(),
    "digest_requested": frozenset({"channel"}),
}


class FollowupBook(_Frozen):
    """Everything the follow-through features read from data."""

    promises: Promises
    resolution: Resolution = Resolution()
    records: Records = Records()
    digest: Digest = Digest()
    growth: Growth = Growth()
    wording: dict[str, str]

    @field_validator("wording")
    @classmethod
    def _wording(cls, value: dict[str, str]) -> dict[str, str]:
        return check_wording(value, WORDING_FIELDS)


def load_followup(team_dir: Path | None = None) -> FollowupBook:
    """Shipped follow-through policy, with `team_dir/followup.yaml` merged over it."""
    return load_with_team(FollowupBook, SHIPPED_FILE, team_dir, TEAM_FILE_NAME)
