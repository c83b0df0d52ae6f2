"""Coaching phrasebook: frameworks, phrasings, slips, playbooks, customer types, triggers, policy.

Shipped data lives in `phrasebook/data/coaching/`:

- `frameworks/*.yaml`   one `Framework` per file (steps, detectors they use, headlines, gaps)
- `detectors.yaml`      named regex sets that recognise a step in an agent's reply
- `phrasings.yaml`      suggested wording per step, optionally tailored to customer types / triggers
- `slips.yaml`          defensive or canned agent phrasing and a kinder alternative
- `customer_types.yaml` the four difficult-customer types (aliases, approach, lead steps)
- `triggers.yaml`       the three triggers (aliases, approach)
- `policy.yaml`         hint budget, cooldown, default framework, reason wording
- `playbooks/*.yaml`    sample team-style playbooks, one per file

A team folder (`load_coaching(team_dir)`) may hold:

- `team_dir/playbooks/*.yaml`     playbooks ADDED to the shipped ones (shape of a shipped playbook)
- `team_dir/phrasings.yaml`       phrasings ADDED to the shipped ones (shape of `phrasings.yaml`)
- `team_dir/slips.yaml`           slips ADDED to the shipped ones (shape of `slips.yaml`)
- `team_dir/coaching_policy.yaml` fields that OVERRIDE the shipped policy (subset of `policy.yaml`)

Every file is validated at load; cross-reference problems (unknown step or detector ids, unknown
placeholders, duplicate ids, bad regexes, over-long headlines) raise
`PhrasebookError(file, line, problem)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.core.models import CustomerType, Trigger
from phrasebook.loader import PhrasebookError, load_model, load_models_in, read_yaml
from phrasebook.render import placeholders

SHIPPED_DIR = Path(__file__).parent / "data" / "coaching"

# Which $placeholders each kind of template may use (checked at load time).
PHRASING_VALUES = frozenset({"topic"})
HEADLINE_VALUES = frozenset({"topic"})
GAP_VALUES = frozenset({"topic"})
SLIP_FIX_VALUES = frozenset({"said"})
WHY_VALUES = {
    "ask": frozenset({"ordinal", "topic", "count"}),
    "signal": frozenset({"label"}),
    "signal_quote": frozenset({"label", "evidence"}),
    "level": frozenset({"level", "trend"}),
}
SLIP_HEADLINE_VALUES = frozenset({"label"})
HEADLINE_LIMIT = 90  # characters, with the longest allowed topic
TOPIC_LIMIT = 40  # the coach cuts `$topic` to this many characters


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Step(_Frozen):
    """One step of a framework, as the coach tracks and whispers it."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=1, max_length=60)
    goal: str = Field(min_length=1, max_length=300)
    aliases: tuple[str, ...] = ()
    detect: tuple[str, ...] = ()  # detector ids; empty: not visible in a thread (e.g. documenting)
    implies: tuple[str, ...] = ()  # steps that count as done when this one is
    whisper: Literal["always", "on_escalation", "never"] = "always"
    catch_up: bool = True  # still worth suggesting once a later step is done
    # detection features (or families, "wait.") in a customer message that make this step due
    # again although the agent took it: a commitment reported broken ("that was monday. it's
    # thursday now") asks for a new one
    reopen_on: tuple[str, ...] = ()
    headline: str = Field(min_length=1)
    gap: str = Field(min_length=1, max_length=80)  # what is missing, e.g. "no timeline given yet"
    # what is missing when the step is due again (`reopen_on`)
    reopen_gap: str = Field(default="the last commitment did not hold", min_length=1, max_length=80)


class Framework(_Frozen):
    """An ordered de-escalation framework (six-step, seven-step, ...)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=1, max_length=80)
    summary: str = Field(min_length=1, max_length=500)
    steps: tuple[Step, ...] = Field(min_length=1)


class DetectorsFile(_Frozen):
    """Named regex sets (case-insensitive) that recognise moves in an agent's reply."""

    detectors: dict[str, tuple[str, ...]]


class Phrasing(_Frozen):
    """A suggested sentence for the agent, for one or more steps, maybe tailored."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_.]*$")
    steps: tuple[str, ...] = Field(min_length=1)
    text: str = Field(min_length=1, max_length=300)
    customer_types: tuple[CustomerType, ...] = ()  # empty: any type
    triggers: tuple[Trigger, ...] = ()  # empty: any trigger


class PhrasingsFile(_Frozen):
    """The `phrasings.yaml` file shape."""

    phrasings: tuple[Phrasing, ...]


class Slip(_Frozen):
    """Defensive or canned agent wording, and a kinder alternative."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_.]*$")
    label: str = Field(min_length=1, max_length=60)
    patterns: tuple[str, ...] = Field(min_length=1)
    step: str  # the framework step the fix serves
    fix: str = Field(min_length=1, max_length=300)  # may use $said (the agent's own words)


class SlipsFile(_Frozen):
    """The `slips.yaml` file shape."""

    slips: tuple[Slip, ...]


class CustomerTypeGuide(_Frozen):
    """How to handle one of the four difficult-customer types."""

    id: CustomerType
    title: str
    aliases: tuple[str, ...] = ()
    summary: str = Field(max_length=500)
    approach: tuple[str, ...] = Field(min_length=1)
    lead_steps: tuple[str, ...] = ()  # steps the coach suggests first for this type


class CustomerTypesFile(_Frozen):
    """The `customer_types.yaml` file shape."""

    customer_types: tuple[CustomerTypeGuide, ...]


class TriggerGuide(_Frozen):
    """How to handle one of the three frustration triggers."""

    id: Trigger
    title: str
    aliases: tuple[str, ...] = ()
    summary: str = Field(max_length=500)
    approach: tuple[str, ...] = Field(min_length=1)


class TriggersFile(_Frozen):
    """The `triggers.yaml` file shape."""

    triggers: tuple[TriggerGuide, ...]


class PlaybookStep(_Frozen):
    """One step of a team playbook: what to do, and what to say."""

    title: str = Field(min_length=1, max_length=80)
    do: str = Field(min_length=1, max_length=500)
    say: tuple[str, ...] = ()
    step: str | None = None  # optional link to a framework step id


class Playbook(_Frozen):
    """A team-owned playbook for a recurring situation (refunds, outages, ...)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=1, max_length=80)
    aliases: tuple[str, ...] = ()
    summary: str = Field(min_length=1, max_length=500)
    steps: tuple[PlaybookStep, ...] = Field(min_length=1, max_length=12)


class WhyTemplates(_Frozen):
    """Wording of the quoted reason under a hint."""

    ask: str = "$ordinal ask about the $topic"
    signal: str = "$label"
    signal_quote: str = '$label: "$evidence"'
    level: str = "$level and $trend"


def names_feature(name: str, feature: str) -> bool:
    """`name` is the feature itself, or its family when it ends in a dot ("dialog.")."""
    return feature == name or (name.endswith(".") and feature.startswith(name))


class HintPreset(_Frozen):
    """How sure the coach must be before it whispers (a channel's sensitivity)."""

    confident_margin: float = Field(default=0.5, ge=0, le=4)  # log-odds above the frustrated cut
    defer: bool = True  # a borderline reading waits for the next customer message to confirm it
    heat_is_sure: bool = True  # frustrated with heated words is sure enough (no deferral)
    # a borderline reading right after an uneasy-or-worse one is already confirmed: the strain
    # has lasted two customer messages (the next message would only repeat the evidence)
    strain_confirms: bool = True
    # what confirms a held reading: the next customer message reads no lower than this (log-odds
    # from the frustrated cut; 0 = frustrated itself)
    confirm_margin: float = Field(default=-0.25, ge=-2, le=0)
    uneasy_rising: bool = False  # a nudge when an uneasy reading is rising
    # a nudge when the customer stays uneasy across an agent reply, with heat in the words and
    # pushback, a repeat, a wait or a broken promise in them (`CoachingPolicy.unsettled_signals`)
    uneasy_unsettled: bool = True


class Learning(_Frozen):
    """How supervisors' and agents' answers move a channel's thresholds, within bounds."""

    enabled: bool = True
    not_helpful: float = Field(default=0.15, ge=0, le=1)  # log-odds added to the hint margin
    snooze: float = Field(default=0.05, ge=0, le=1)
    used: float = Field(default=0.05, ge=0, le=1)  # taken back when a hint was used
    max_hint_shift: float = Field(default=1.0, ge=0, le=3)
    false_alarm: float = Field(default=0.05, ge=0, le=0.5)  # cue strength a ping then needs
    unanswered: float = Field(default=0.02, ge=0, le=0.5)
    claimed: float = Field(default=0.02, ge=0, le=0.5)
    max_alert_shift: float = Field(default=0.2, ge=0, le=0.5)


class CoachingPolicy(_Frozen):
    """Knobs of the coach; a team may override any of them."""

    framework: str = "six_step"
    budget: int = Field(default=4, ge=0, le=20)  # hints per thread
    cooldown_s: float = Field(default=90.0, ge=0)  # seconds between two hints in one reply round
    max_hints_per_step: int = Field(default=1, ge=1, le=5)
    max_phrasings: int = Field(default=2, ge=1, le=2)
    hint_when_uneasy_steady: bool = False  # uneasy but not rising -> an `info` hint
    # signal families that show an unsettled customer is not just asking a follow-up question:
    # pushing back on the answer, the problem back again, the wait, a promise not kept
    unsettled_signals: tuple[str, ...] = (
        "dialog.",
        "repeat.",
        "wait.",
        "promise.",
        "neglect.",
        "press.",
        "ctx.repeat",
    )
    default_topic: str = Field(default="issue", min_length=1, max_length=TOPIC_LIMIT)
    slip_headline: str = Field(default="A kinder way to say it: avoid $label", max_length=90)
    why: WhyTemplates = WhyTemplates()
    sensitivity: str = "balanced"  # the preset of channels not listed in channel_sensitivity
    presets: dict[str, HintPreset] = Field(
        default_factory=lambda: {
            "conservative": HintPreset(
                confident_margin=1.0,
                heat_is_sure=False,
                uneasy_unsettled=False,
                strain_confirms=False,
            ),
            "balanced": HintPreset(),
            "eager": HintPreset(confident_margin=0.0, defer=False, uneasy_rising=True),
        }
    )
    channel_sensitivity: dict[str, str] = Field(default_factory=dict)
    learning: Learning = Learning()

    @model_validator(mode="after")
    def _presets_known(self) -> CoachingPolicy:
        names = {self.sensitivity, *self.channel_sensitivity.values()}
        unknown = sorted(n for n in names if n not in self.presets)
        if unknown:
            raise ValueError(f"unknown sensitivity presets: {', '.join(unknown)}")
        return self

    def preset_for(self, channel_id: str) -> HintPreset:
        """The hint preset of a channel (its own, else the default)."""
        return self.presets[self.channel_sensitivity.get(channel_id, self.sensitivity)]


class PolicyOverride(_Frozen):
    """`team_dir/coaching_policy.yaml`: any subset of the policy fields."""

    framework: str | None = None
    budget: int | None = Field(default=None, ge=0, le=20)
    cooldown_s: float | None = Field(default=None, ge=0)
    max_hints_per_step: int | None = Field(default=None, ge=1, le=5)
    max_phrasings: int | None = Field(default=None, ge=1, le=2)
    hint_when_uneasy_steady: bool | None = None
    default_topic: str | None = Field(default=None, min_length=1, max_length=TOPIC_LIMIT)
    slip_headline: str | None = Field(default=None, max_length=90)
    why: WhyTemplates | None = None
    sensitivity: str | None = None
    presets: dict[str, HintPreset] | None = None
    channel_sensitivity: dict[str, str] | None = None
    learning: Learning | None = None


class CoachingBook(_Frozen):
    """Everything the coach and /playbook need, validated and cross-checked."""

    frameworks: dict[str, Framework]
    detectors: dict[str, tuple[str, ...]]
    phrasings: tuple[Phrasing, ...]
    slips: tuple[Slip, ...]
    customer_types: dict[CustomerType, CustomerTypeGuide]
    triggers: dict[Trigger, TriggerGuide]
    playbooks: tuple[Playbook, ...]
    policy: CoachingPolicy

    def framework(self, framework_id: str | None = None) -> Framework:
        """The framework with this id, or the policy default."""
        return self.frameworks[framework_id or self.policy.framework]

    def all_steps(self) -> dict[str, Step]:
        """Every step id of every framework (first definition wins for shared ids)."""
        out: dict[str, Step] = {}
        for fw in self.frameworks.values():
            for step in fw.steps:
                out.setdefault(step.id, step)
        return out

    def phrasings_for(self, step_id: str) -> tuple[Phrasing, ...]:
        """Phrasings that serve a step, in file order."""
        return tuple(p for p in self.phrasings if step_id in p.steps)


_G = TypeVar("_G", CustomerTypeGuide, TriggerGuide)


def load_coaching(team_dir: Path | None = None) -> CoachingBook:
    """Load shipped coaching data, add a team's playbooks/phrasings/slips, apply its policy."""
    return load_coaching_from(SHIPPED_DIR, team_dir)


def load_coaching_from(shipped: Path, team_dir: Path | None = None) -> CoachingBook:
    """Same as `load_coaching`, with the shipped folder given (for tests of broken data)."""
    fw_files = load_models_in(shipped / "frameworks", Framework)
    if not fw_files:
        raise PhrasebookError(shipped / "frameworks", None, "no framework files found")
    detectors_path = shipped / "detectors.yaml"
    detectors = load_model(detectors_path, DetectorsFile).detectors
    phrasing_files = [
        (shipped / "phrasings.yaml", load_model(shipped / "phrasings.yaml", PhrasingsFile))
    ]
    slip_files = [(shipped / "slips.yaml", load_model(shipped / "slips.yaml", SlipsFile))]
    types_path = shipped / "customer_types.yaml"
    types = load_model(types_path, CustomerTypesFile).customer_types
    triggers_path = shipped / "triggers.yaml"
    triggers = load_model(triggers_path, TriggersFile).triggers
    policy_path = shipped / "policy.yaml"
    policy = load_model(policy_path, CoachingPolicy)
    playbook_files = load_models_in(shipped / "playbooks", Playbook)

    if team_dir is not None:
        if not team_dir.is_dir():
            raise PhrasebookError(team_dir, None, "team folder does not exist")
        playbook_files += load_models_in(team_dir / "playbooks", Playbook)
        if (team_dir / "phrasings.yaml").is_file():
            path = team_dir / "phrasings.yaml"
            phrasing_files.append((path, load_model(path, PhrasingsFile)))
        if (team_dir / "slips.yaml").is_file():
            path = team_dir / "slips.yaml"
            slip_files.append((path, load_model(path, SlipsFile)))
        if (team_dir / "coaching_policy.yaml").is_file():
            policy_path = team_dir / "coaching_policy.yaml"
            override = load_model(policy_path, PolicyOverride)
            policy = policy.model_copy(update=override.model_dump(exclude_none=True))
            policy = CoachingPolicy.model_validate(policy.model_dump())

    _check_detectors(detectors_path, detectors)
    frameworks = _check_frameworks(fw_files, detectors)
    step_ids = {s.id for fw in frameworks.values() for s in fw.steps}
    phrasings = _check_phrasings(phrasing_files, step_ids)
    slips = _check_slips(slip_files, step_ids)
    type_map = _unique_by_id(types_path, "customer_types", types)
    for guide in types:
        _check_known(types_path, ("customer_types",), guide.lead_steps, step_ids, "step")
    _check_complete(types_path, "customer type", {g.id for g in types}, set(CustomerType))
    trigger_map = _unique_by_id(triggers_path, "triggers", triggers)
    _check_complete(triggers_path, "trigger", {g.id for g in triggers}, set(Trigger))
    playbooks = _check_playbooks(playbook_files, step_ids)
    _check_policy(policy_path, policy, frameworks)
    _check_every_step_has_phrasings(frameworks, phrasings, shipped / "phrasings.yaml")
    return CoachingBook(
        frameworks=frameworks,
        detectors=detectors,
        phrasings=phrasings,
        slips=slips,
        customer_types=type_map,
        triggers=trigger_map,
        playbooks=playbooks,
        policy=policy,
    )


def _line(path: Path, keys: tuple[Any, ...]) -> int | None:
    _, lines = read_yaml(path)
    for cut in range(len(keys), -1, -1):
        if keys[:cut] in lines:
            return lines[keys[:cut]]
    return None


def _fail(path: Path, keys: tuple[Any, ...], problem: str) -> PhrasebookError:
    return PhrasebookError(path, _line(path, keys), problem)


def _check_template(
    path: Path, keys: tuple[Any, ...], template: str, allowed: frozenset[str]
) -> None:
    try:
        used = placeholders(template)
    except ValueError as exc:  # pragma: no cover - string.Template pattern never raises here
        raise _fail(path, keys, f"bad template: {exc}") from exc
    unknown = sorted(used - allowed)
    if unknown:
        names = ", ".join(f"${n}" for n in unknown)
        ok = ", ".join(f"${n}" for n in sorted(allowed)) or "none"
        raise _fail(path, keys, f"unknown placeholder {names} (allowed: {ok})")
    if re.search(r"\$(?![A-Za-z_{$])", template.replace("$$", "")):
        raise _fail(path, keys, "stray '$' (write $$ for a literal dollar sign)")


def _check_regexes(path: Path, keys: tuple[Any, ...], patterns: Sequence[str]) -> None:
    for i, pattern in enumerate(patterns):
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise _fail(path, (*keys, i), f"bad regex {pattern!r}: {exc}") from exc


def _check_known(
    path: Path, keys: tuple[Any, ...], ids: Iterable[str], known: set[str], what: str
) -> None:
    for ref in ids:
        if ref not in known:
            raise _fail(path, keys, f"unknown {what} id {ref!r}")


def _check_detectors(path: Path, detectors: dict[str, tuple[str, ...]]) -> None:
    for name, patterns in detectors.items():
        if not patterns:
            raise _fail(path, ("detectors", name), f"detector {name!r} has no patterns")
        _check_regexes(path, ("detectors", name), patterns)


def _check_frameworks(
    files: list[tuple[Path, Framework]], detectors: dict[str, tuple[str, ...]]
) -> dict[str, Framework]:
    out: dict[str, Framework] = {}
    for path, fw in files:
        if fw.id in out:
            raise _fail(path, ("id",), f"duplicate framework id {fw.id!r}")
        seen: set[str] = set()
        for i, step in enumerate(fw.steps):
            keys = ("steps", i)
            if step.id in seen:
                raise _fail(path, (*keys, "id"), f"duplicate step id {step.id!r}")
            seen.add(step.id)
            _check_known(path, (*keys, "detect"), step.detect, set(detectors), "detector")
            _check_template(path, (*keys, "headline"), step.headline, HEADLINE_VALUES)
            _check_template(path, (*keys, "gap"), step.gap, GAP_VALUES)
            longest = step.headline.replace("$topic", "x" * TOPIC_LIMIT)
            if len(longest) > HEADLINE_LIMIT:
                raise _fail(
                    path, (*keys, "headline"), f"headline longer than {HEADLINE_LIMIT} characters"
                )
        for i, step in enumerate(fw.steps):
            _check_known(path, ("steps", i, "implies"), step.implies, seen, "step")
        out[fw.id] = fw
    return out


def _check_phrasings(
    files: list[tuple[Path, PhrasingsFile]], step_ids: set[str]
) -> tuple[Phrasing, ...]:
    seen: set[str] = set()
    out: list[Phrasing] = []
    for path, pf in files:
        for i, p in enumerate(pf.phrasings):
            keys = ("phrasings", i)
            if p.id in seen:
                raise _fail(path, (*keys, "id"), f"duplicate phrasing id {p.id!r}")
            seen.add(p.id)
            _check_known(path, (*keys, "steps"), p.steps, step_ids, "step")
            _check_template(path, (*keys, "text"), p.text, PHRASING_VALUES)
            out.append(p)
    return tuple(out)


def _check_slips(files: list[tuple[Path, SlipsFile]], step_ids: set[str]) -> tuple[Slip, ...]:
    seen: set[str] = set()
    out: list[Slip] = []
    for path, sf in files:
        for i, s in enumerate(sf.slips):
            keys = ("slips", i)
            if s.id in seen:
                raise _fail(path, (*keys, "id"), f"duplicate slip id {s.id!r}")
            seen.add(s.id)
            _check_known(path, (*keys, "step"), (s.step,), step_ids, "step")
            _check_regexes(path, (*keys, "patterns"), s.patterns)
            _check_template(path, (*keys, "fix"), s.fix, SLIP_FIX_VALUES)
            out.append(s)
    return tuple(out)


def _unique_by_id(path: Path, key: str, guides: Sequence[_G]) -> dict[Any, _G]:
    out: dict[Any, _G] = {}
    for i, guide in enumerate(guides):
        if guide.id in out:
            raise _fail(path, (key, i, "id"), f"duplicate id {guide.id.value!r}")
        out[guide.id] = guide
    return out


def _check_complete(path: Path, what: str, have: set[Any], want: set[Any]) -> None:
    missing = sorted(str(x) for x in want - have)
    if missing:
        raise _fail(path, (), f"no entry for {what} {', '.join(missing)}")


def _check_playbooks(
    files: list[tuple[Path, Playbook]], step_ids: set[str]
) -> tuple[Playbook, ...]:
    seen: set[str] = set()
    out: list[Playbook] = []
    for path, pb in files:
        if pb.id in seen:
            raise _fail(path, ("id",), f"duplicate playbook id {pb.id!r}")
        seen.add(pb.id)
        for i, step in enumerate(pb.steps):
            if step.step is not None:
                _check_known(path, ("steps", i, "step"), (step.step,), step_ids, "step")
            for j, line in enumerate(step.say):
                _check_template(path, ("steps", i, "say", j), line, frozenset())
            _check_template(path, ("steps", i, "do"), step.do, frozenset())
        out.append(pb)
    return tuple(out)


def _check_policy(path: Path, policy: CoachingPolicy, frameworks: dict[str, Framework]) -> None:
    if policy.framework not in frameworks:
        known = ", ".join(sorted(frameworks))
        raise _fail(path, ("framework",), f"unknown framework {policy.framework!r} ({known})")
    _check_template(path, ("slip_headline",), policy.slip_headline, SLIP_HEADLINE_VALUES)
    for name, allowed in WHY_VALUES.items():
        _check_template(path, ("why", name), getattr(policy.why, name), allowed)


def _check_every_step_has_phrasings(
    frameworks: dict[str, Framework], phrasings: tuple[Phrasing, ...], path: Path
) -> None:
    covered = {s for p in phrasings for s in p.steps}
    for fw in frameworks.values():
        for step in fw.steps:
            if step.whisper != "never" and step.id not in covered:
                raise PhrasebookError(
                    path, None, f"step {step.id!r} of {fw.id!r} is whispered but has no phrasings"
                )
