"""Practice mode as data: the simulated customers (personas) and how they react.

Shipped: `phrasebook/data/practice/practice.yaml` (reactions and wording) and
`phrasebook/data/practice/personas/*.yaml` (one customer per file). A team folder may hold
`practice/*.yaml` personas (ADDED; a persona with a shipped id replaces it) and
`practice/practice.yaml` (fields that OVERRIDE the shipped reactions and wording).
Step and slip ids are checked against the coaching book when the phrasebook loads.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.core.models import CustomerType, Trigger
from phrasebook.loader import (
    PhrasebookError,
    check_wording,
    describe,
    load_model,
    nearest_line,
    read_yaml,
)

SHIPPED_DIR = Path(__file__).parent / "data" / "practice"
TEAM_FOLDER = "practice"
POLICY_FILE = "practice.yaml"

WORDING_FIELDS: dict[str, frozenset[str]] = {
    "intro": frozenset({"title", "scenario"}),
    "customer": frozenset({"line"}),
    "coach": frozenset({"headline"}),
    "coach_phrasing": frozenset({"phrasing"}),
    "scorecard_header": frozenset({"title"}),
    "outcome_resolved": frozenset({"turns"}),
    "outcome_walked_away": frozenset({"turns"}),
    "outcome_out_of_turns": frozenset({"turns"}),
    "outcome_ended": frozenset({"turns"}),
    "steps": frozenset({"steps"}),
    "steps_none": frozenset(),
    "in_order": frozenset(),
    "out_of_order": frozenset({"order"}),
    "missing": frozenset({"steps"}),
    "slips": frozenset({"slips"}),
    "slips_none": frozenset(),
    "cooled": frozenset({"turns"}),
    "never_cooled": frozenset(),
    "heat": frozenset({"path"}),
    "choose": frozenset({"personas"}),
    "started": frozenset({"title"}),
    "not_in_round": frozenset(),
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Lines(_Frozen):
    """What the customer says next, by how the agent's reply landed."""

    hotter: tuple[str, ...] = Field(min_length=1)
    same: tuple[str, ...] = Field(min_length=1)
    cooler: tuple[str, ...] = Field(min_length=1)
    resolved: tuple[str, ...] = Field(min_length=1)
    walked_away: tuple[str, ...] = Field(min_length=1)


class Persona(_Frozen):
    """One simulated customer: a type, a trigger, a situation and their lines."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=1, max_length=80)
    aliases: tuple[str, ...] = ()
    customer_type: CustomerType
    trigger: Trigger
    scenario: str = Field(min_length=1, max_length=400)
    start_heat: float | None = Field(default=None, gt=0, lt=1)
    opening: tuple[str, ...] = Field(min_length=1)
    lines: Lines

    @field_validator("opening")
    @classmethod
    def _short(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for line in value:
            if len(line) > 500:
                raise ValueError("an opening line is longer than 500 characters")
        return value


class Moves(_Frozen):
    steps: dict[str, float] = Field(default_factory=dict)
    slips: dict[str, float] = Field(default_factory=dict)
    slip: float = Field(default=0.15, ge=-1, le=1)
    nothing: float = Field(default=0.08, ge=-1, le=1)

    @field_validator("steps", "slips")
    @classmethod
    def _bounded(cls, value: dict[str, float]) -> dict[str, float]:
        for key, delta in value.items():
            if not -1 <= delta <= 1:
                raise ValueError(f"{key}: a heat change must be between -1 and 1")
        return value


class PracticePolicy(_Frozen):
    start_heat: float = Field(default=0.65, gt=0, lt=1)
    cool_below: float = Field(default=0.35, gt=0, lt=1)
    walk_away_at: float = Field(default=1.0, gt=0, le=1)
    resolve_max_heat: float = Field(default=0.6, gt=0, le=1)
    max_turns: int = Field(default=8, ge=1, le=30)
    session_minutes: int = Field(default=60, ge=5, le=24 * 60)
    not_scored: tuple[str, ...] = ()
    moves: Moves = Moves()
    wording: dict[str, str]

    @field_validator("wording")
    @classmethod
    def _wording(cls, value: dict[str, str]) -> dict[str, str]:
        return check_wording(value, WORDING_FIELDS)


class PracticeBook(_Frozen):
    policy: PracticePolicy
    personas: dict[str, Persona]

    def find(self, name: str) -> Persona | None:
        """A persona by id or alias (case and spacing ignored)."""
        key = " ".join(name.lower().replace("-", " ").split())
        for persona in self.personas.values():
            names = {persona.id, persona.id.replace("_", " ")}
            names |= {a.lower() for a in persona.aliases}
            if key in names:
                return persona
        return None

    def cross_check(self, step_ids: Iterable[str], slip_ids: Iterable[str]) -> None:
        """Every step and slip id in `moves` exists in the coaching book."""
        steps, slips = set(step_ids), set(slip_ids)
        named = set(self.policy.moves.steps) | set(self.policy.not_scored)
        bad = sorted(named - steps) + sorted(set(self.policy.moves.slips) - slips)
        if bad:
            raise PhrasebookError(
                SHIPPED_DIR / POLICY_FILE, None, f"moves name unknown step or slip ids: {bad}"
            )


def _merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        return {k: _merge(base[k], v) if k in base else v for k, v in (base | over).items()}
    return over


def _policy(team_dir: Path | None) -> PracticePolicy:
    base, base_lines = read_yaml(SHIPPED_DIR / POLICY_FILE)
    data: Any = base or {}
    team_path = team_dir / TEAM_FOLDER / POLICY_FILE if team_dir is not None else None
    lines: dict[tuple[Any, ...], int] = base_lines
    path = SHIPPED_DIR / POLICY_FILE
    if team_path is not None and team_path.is_file():
        team, lines = read_yaml(team_path)
        if team is not None and not isinstance(team, dict):
            raise PhrasebookError(team_path, 1, "(top level): expected a mapping of fields")
        data = _merge(data, team or {})
        path = team_path
    try:
        return PracticePolicy.model_validate(data)
    except ValidationError as exc:
        loc, problem = describe(exc)
        raise PhrasebookError(path, nearest_line(loc, lines, allow_root=False), problem) from exc


def load_practice(team_dir: Path | None = None) -> PracticeBook:
    """Shipped personas and reactions, plus a team's own `practice/` folder."""
    files = sorted((SHIPPED_DIR / "personas").glob("*.yaml"))
    if team_dir is not None and (team_dir / TEAM_FOLDER).is_dir():
        files += [
            p for p in sorted((team_dir / TEAM_FOLDER).glob("*.yaml")) if p.name != POLICY_FILE
        ]
    personas: dict[str, Persona] = {}
    for path in files:
        persona = load_model(path, Persona)
        personas[persona.id] = persona  # a team persona with a shipped id replaces it
    if not personas:
        raise PhrasebookError(SHIPPED_DIR / "personas", None, "no practice personas found")
    return PracticeBook(policy=_policy(team_dir), personas=personas)
