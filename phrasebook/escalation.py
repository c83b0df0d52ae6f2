"""Escalation policy as data: severities, thresholds, authority limits, routes, hours, wording."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bot.core.models import CueKind, Level, RequestKind
from phrasebook.loader import load_with_team
from phrasebook.render import placeholders

SeverityName = Literal["watch", "high", "critical"]

SHIPPED_DIR = Path(__file__).parent / "data" / "escalation"
SHIPPED_FILE = SHIPPED_DIR / "escalation.yaml"
TEAM_FILE_NAME = "escalation.yaml"

_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CueRule(_Frozen):
    """How one cue kind weighs: base severity, frustration needed, what a supervisor could do."""

    label: str = Field(min_length=1, max_length=60)
    severity: SeverityName
    min_level: Level = Level.CALM
    min_strength: float = Field(default=0.5, ge=0.0, le=1.0)
    # counts only with a grievance (a complaint in the message or a heated thread): leaving over
    # the service, not a routine account change
    needs_grievance: bool = False
    suggested_move: str = Field(min_length=1, max_length=300)


class AuthorityLimit(_Frozen):
    """What an agent may grant alone for one kind of request."""

    max: dict[str, float] = Field(default_factory=dict)  # currency code -> largest amount
    always: bool = False  # True: any request of this kind needs a supervisor

    @field_validator("max")
    @classmethod
    def _upper_non_negative(cls, value: dict[str, float]) -> dict[str, float]:
        for code, amount in value.items():
            if amount < 0:
                raise ValueError(f"limit for {code} must not be negative")
        return {code.upper(): amount for code, amount in value.items()}


class Stalemate(_Frozen):
    """A stalemate counts only after several rounds that stayed hot."""

    min_rounds: int = Field(default=3, ge=1)
    min_score: float = Field(default=0.5, ge=0.0, le=1.0)


class ChannelThreshold(_Frozen):
    """Per source channel overrides a team sets after learning from outcomes."""

    min_level: dict[CueKind, Level] = Field(default_factory=dict)
    min_strength: float | None = Field(default=None, ge=0.0, le=1.0)
    min_severity: SeverityName | None = None


class Watch(_Frozen):
    """The watch tier: heated threads with no escalation cue get no ping of their own; they are
    listed on the supervisors' App Home and rolled up into one message per supervisor channel."""

    min_level: Level = Level.ANGRY  # a thread this hot, with no cue, is watched
    rollup_every_seconds: float = Field(default=300.0, gt=0)  # at most one roll-up this often
    max_new_posts_per_second: float = Field(default=1.0, gt=0)  # per supervisor channel
    list_limit: int = Field(default=10, ge=1, le=50)  # threads named in one roll-up
    # A new ping that would wait longer than this for its channel's turn goes out in the next
    # overflow message instead (one post naming every alert of a burst); 0: every ping waits.
    overflow_after_seconds: float = Field(default=15.0, ge=0)


class Sensitivity(_Frozen):
    """A sensitivity preset a team can set per channel: how sure a reading must be to ping."""

    cue_level_shift: int = Field(default=0, ge=-2, le=2)  # steps added to each cue's min_level
    min_strength: float = Field(default=0.0, ge=0.0, le=1.0)  # floor on cue strength
    watch_level: Level | None = None  # overrides watch.min_level


class BusinessHours(_Frozen):
    """When supervisors are at their desks, in the team's own time zone."""

    time_zone: str = "UTC"
    days: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    start: str = "09:00"
    end: str = "17:00"
    holidays: tuple[date, ...] = ()

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA time zone {value!r}") from exc
        return value

    @field_validator("days")
    @classmethod
    def _day_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [d for d in value if d not in _DAYS]
        if bad:
            raise ValueError(f"unknown day names {bad}; use {', '.join(_DAYS)}")
        return value

    @field_validator("start", "end")
    @classmethod
    def _hhmm(cls, value: str) -> str:
        if not _HHMM.match(value):
            raise ValueError(f"{value!r} is not a HH:MM time")
        return value

    @model_validator(mode="after")
    def _start_before_end(self) -> BusinessHours:
        if self.start_time >= self.end_time:
            raise ValueError("start must be before end")
        return self

    @property
    def zone(self) -> ZoneInfo:
        """The configured zone as a ZoneInfo."""
        return ZoneInfo(self.time_zone)

    @property
    def start_time(self) -> time:
        """Opening time of day."""
        return time.fromisoformat(self.start)

    @property
    def end_time(self) -> time:
        """Closing time of day."""
        return time.fromisoformat(self.end)

    @property
    def weekdays(self) -> frozenset[int]:
        """Open days as datetime.weekday() numbers."""
        return frozenset(_DAYS.index(d) for d in self.days)


class Paging(_Frozen):
    """On-call paging: off unless a team turns it on."""

    enabled: bool = False
    min_severity: SeverityName = "critical"
    outside_hours_only: bool = True


# Placeholders each template may use; checked when the file loads.
TEMPLATE_FIELDS: dict[str, frozenset[str]] = {
    "fallback": frozenset({"severity", "cue", "customer", "channel", "permalink"}),
    "header": frozenset({"severity", "cue"}),
    "summary": frozenset({"customer", "channel", "level", "trend"}),
    "quote": frozenset({"quote", "why"}),
    "sparkline": frozenset({"sparkline", "level", "trend"}),
    "steps_done": frozenset({"steps"}),
    "no_steps": frozenset(),
    "wants": frozenset({"wants"}),
    "wants_unknown": frozenset(),
    "suggested_move": frozenset({"move"}),
    "other_cues": frozenset({"cues"}),
    "claimed": frozenset({"user", "when"}),
    "false_alarm": frozenset({"user"}),
    "resolved": frozenset({"when"}),
    "button_claim": frozenset(),
    "button_join": frozenset(),
    "button_reassign": frozenset(),
    "button_false_alarm": frozenset(),
    "false_alarm_title": frozenset(),
    "false_alarm_label": frozenset(),
    "false_alarm_submit": frozenset(),
    "reassign_title": frozenset(),
    "reassign_label": frozenset(),
    "reassign_submit": frozenset(),
    "cancel": frozenset(),
    "agent_alerted": frozenset(),
    "agent_claimed": frozenset({"user"}),
    "agent_false_alarm": frozenset(),
    "renotify": frozenset({"severity", "cue", "minutes"}),
    "home_title": frozenset(),
    "home_empty": frozenset(),
    "home_item": frozenset({"severity", "cue", "channel", "when", "owner"}),
    "home_unowned": frozenset(),
    "home_more": frozenset({"count"}),
    "page_summary": frozenset({"severity", "cue", "channel"}),
    "rollup_header": frozenset({"count"}),
    "rollup_item": frozenset({"channel", "count", "agents"}),
    "rollup_more": frozenset({"count"}),
    "overflow_header": frozenset({"count"}),
    "overflow_item": frozenset({"emoji", "severity", "cue", "customer", "channel", "link"}),
    "overflow_quote": frozenset({"quote"}),
    "home_watch_title": frozenset(),
    "home_watch_item": frozenset({"channel", "level", "why", "when", "link"}),
    "beyond_authority_why": frozenset({"kind", "amount", "limit"}),
    "beyond_authority_any": frozenset({"kind"}),
    "beyond_authority_refused": frozenset({"kind"}),
}


class Wording(_Frozen):
    """Supervisor ping, modal, agent notice and page wording, with `$placeholders`."""

    severity_labels: dict[SeverityName, str]
    severity_emoji: dict[SeverityName, str] = Field(default_factory=dict)
    templates: dict[str, str]

    @model_validator(mode="after")
    def _templates_complete(self) -> Wording:
        missing = sorted(set(TEMPLATE_FIELDS) - set(self.templates))
        if missing:
            raise ValueError(f"templates missing: {', '.join(missing)}")
        unknown = sorted(set(self.templates) - set(TEMPLATE_FIELDS))
        if unknown:
            raise ValueError(f"unknown templates: {', '.join(unknown)}")
        for name, text in self.templates.items():
            extra = placeholders(text) - TEMPLATE_FIELDS[name]
            if extra:
                raise ValueError(f"template {name} uses unknown placeholders {sorted(extra)}")
        for sev in ("watch", "high", "critical"):
            if sev not in self.severity_labels:
                raise ValueError(f"severity_labels missing {sev}")
        return self


class EscalationBook(_Frozen):
    """Everything the escalation policy and the supervisor ping read from data."""

    cues: dict[CueKind, CueRule]
    authority: dict[RequestKind, AuthorityLimit] = Field(default_factory=dict)
    default_currency: str = "USD"
    stalemate: Stalemate = Stalemate()
    cooldown_seconds: float = Field(default=900.0, ge=0)
    renotify_after_seconds: float = Field(default=600.0, gt=0)
    renotify_min_severity: SeverityName = "high"
    resolve_quiet_seconds: float = Field(default=3600.0, gt=0)
    routes: dict[str, str] = Field(default_factory=dict)  # source channel -> supervisor channel
    channel_thresholds: dict[str, ChannelThreshold] = Field(default_factory=dict)
    min_severity: SeverityName = "watch"
    watch: Watch = Watch()
    sensitivity: dict[str, Sensitivity] = Field(default_factory=dict)
    channel_sensitivity: dict[str, str] = Field(default_factory=dict)
    business_hours: BusinessHours = BusinessHours()
    paging: Paging = Paging()
    wording: Wording

    @model_validator(mode="after")
    def _consistent(self) -> EscalationBook:
        missing = sorted(k.value for k in CueKind if k not in self.cues)
        if missing:
            raise ValueError(f"cues missing rules for: {', '.join(missing)}")
        for channel, preset in self.channel_sensitivity.items():
            if preset not in self.sensitivity:
                raise ValueError(f"channel {channel} uses unknown sensitivity {preset!r}")
        for source, target in self.routes.items():
            if source == target:
                raise ValueError(f"route for {source} points back at the customer channel")
        return self


def load_escalation(team_dir: Path | None = None) -> EscalationBook:
    """Shipped escalation defaults, with fields of `team_dir/escalation.yaml` merged over them."""
    return load_with_team(EscalationBook, SHIPPED_FILE, team_dir, TEAM_FILE_NAME)
