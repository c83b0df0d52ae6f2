"""Detection rules as validated data: lexicons, cue patterns, weights and thresholds.

Every file of `phrasebook/data/detection/` maps to one part model below; `load_detection` reads
them all and raises `PhrasebookError(file, line, problem)` on the first bad one.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.core.models import CueKind, CustomerType, RequestKind, Trigger
from phrasebook.loader import PhrasebookError, load_model

DEFAULT_FOLDER = Path(__file__).parent / "data" / "detection"


def _check_patterns(patterns: list[str]) -> list[str]:
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"bad pattern {p!r}: {exc}") from exc
    return patterns


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SignalRule(_Frozen):
    """A lexicon rule: regex patterns (word-bounded, case-insensitive) that add `weight` logits."""

    id: str = Field(pattern=r"^[a-z_]+\.[a-z_]+$")
    label: str = Field(min_length=3, max_length=80)
    weight: float = Field(ge=-5, le=5)
    patterns: list[str] = Field(min_length=1)
    negatable: bool = True  # a negator just before the match cancels it ("not bad")
    negated_weight: float | None = None  # weight when negated ("not happy"), else dropped

    _ok = field_validator("patterns")(_check_patterns)


class Lexicon(_Frozen):
    """lexicon.yaml: customer-message signals, negators and guards against misreads."""

    signals: list[SignalRule] = Field(min_length=1)
    negators: list[str] = Field(min_length=1)
    hyperbole: list[str]  # friendly exaggeration that cancels threat/abuse words
    hyperbole_cancels: list[str]  # signal id prefixes a hyperbole match cancels

    _ok = field_validator("hyperbole")(_check_patterns)


class CueRule(_Frozen):
    """An escalation cue pattern with the sentence a supervisor sees."""

    kind: CueKind
    patterns: list[str] = Field(min_length=1)
    unless: list[str] = []  # look-alikes that cancel the cue ("my manager asked me")
    why: str = Field(min_length=5, max_length=160)
    strength: float = Field(ge=0, le=1)
    min_score: float = Field(default=0.0, ge=0, le=1)  # needs this much frustration (anger)

    _ok = field_validator("patterns", "unless")(_check_patterns)


class RequestRule(_Frozen):
    """A concrete ask (refund, credit...) that may exceed the agent's authority."""

    kind: RequestKind
    patterns: list[str] = Field(min_length=1)

    _ok = field_validator("patterns")(_check_patterns)


class Cues(_Frozen):
    """cues.yaml: typed escalation cues and beyond-authority requests."""

    cues: list[CueRule] = Field(min_length=1)
    requests: list[RequestRule] = Field(min_length=1)
    currencies: dict[str, str]  # symbol or word -> code


class AgentRule(_Frozen):
    """A pattern in an agent reply and how it moves the heat of the next customer turn."""

    id: str = Field(pattern=r"^agent\.[a-z_]+$")
    label: str = Field(min_length=3, max_length=80)
    weight: float = Field(ge=-5, le=5)
    patterns: list[str] = Field(min_length=1)

    _ok = field_validator("patterns")(_check_patterns)


class Agent(_Frozen):
    """agent.yaml: what agent replies do to the heat (apology and fix cool, canned heats)."""

    rules: list[AgentRule] = Field(min_length=1)


class TypeRule(_Frozen):
    """Evidence patterns for one customer type."""

    type: CustomerType
    patterns: list[str] = Field(min_length=1)
    signals: list[str] = []  # signal id prefixes that also count as evidence

    _ok = field_validator("patterns")(_check_patterns)


class TriggerRule(_Frozen):
    """Evidence patterns for one trigger."""

    trigger: Trigger
    patterns: list[str] = Field(min_length=1)
    signals: list[str] = []

    _ok = field_validator("patterns")(_check_patterns)


class TopicRule(_Frozen):
    """What the customer keeps asking about, e.g. "refund status"."""

    topic: str = Field(min_length=2, max_length=40)
    wants: str = Field(min_length=3, max_length=80)
    patterns: list[str] = Field(min_length=1)

    _ok = field_validator("patterns")(_check_patterns)


class SituationRules(_Frozen):
    """situation.yaml: customer types, triggers and ask topics."""

    types: list[TypeRule] = Field(min_length=1)
    triggers: list[TriggerRule] = Field(min_length=1)
    topics: list[TopicRule] = Field(min_length=1)


class Weights(_Frozen):
    """Logit weights of structural and context features."""

    bias: float
    learned: float = Field(ge=0)  # weight of the shipped GoEmotions model's logit
    learned_center: float  # logit subtracted before weighting
    learned_floor: float = Field(le=0)  # how far the model may lower a service complaint
    learned_floor_plain: float = Field(le=0)  # ... and any other message
    caps: float
    burst: float
    length_growth: float
    double_text: float
    repeat: float
    repeat_min_overlap: float = Field(gt=0, le=1)
    ask_again: float  # per earlier customer turn with the same ask topic
    carry: float = Field(ge=0, le=1)  # share of the previous heat logit carried into a turn
    agent_decay: float = Field(ge=0, le=1)  # how long an agent reply's effect lasts
    mixed_threshold: float = Field(gt=0)  # complaint weight above which praise reads as irony
    mixed_praise: float  # weight of praise inside a complaint ("thanks a lot, still broken")
    stripped_code: float
    first_turn: float
    opening_problem: float = 0.0  # an opening message that reports a service problem
    opening_thanks: float = Field(default=1.0, ge=0, le=1)  # share of thanks kept there
    cue_heat: float = Field(ge=0)  # logit added per unit of the strongest spoken cue


class Thresholds(_Frozen):
    """Cut points on the 0..1 score and the escalation rule."""

    uneasy: float = Field(gt=0, lt=1)
    frustrated: float = Field(gt=0, lt=1)
    angry: float = Field(gt=0, lt=1)
    heat_alpha: float = Field(gt=0, le=1)  # EMA weight of the newest score
    trend_delta: float = Field(gt=0, lt=1)
    escalate_heat: float = Field(gt=0, lt=1)
    escalate_rounds: int = Field(ge=1)  # frustrated customer turns needed for a stalemate
    escalate_score: float = Field(gt=0, le=1)  # one message this hot escalates on its own
    escalate_cue_strength: float = Field(ge=0, le=1)
    double_text_seconds: float = Field(gt=0)
    # "angry" needs heat in the words, not only a high score: at least one signal whose id starts
    # with one of these (or a cue); a polite but serious complaint reads as "frustrated"
    angry_needs: tuple[str, ...] = (
        "neg.strong", "neg.feeling", "neg.profanity", "neg.insult", "anger.", "sarcasm.",
        "threat.", "churn.", "shape.caps", "shape.burst", "repeat.", "urgency.", "negligence.",
        "context.heat", "cue.",
    )


class Tuning(_Frozen):
    """tuning.yaml: weights and thresholds."""

    weights: Weights
    thresholds: Thresholds


class DetectionRules(_Frozen):
    """All detection data the engine needs (lexicons, weights, thresholds)."""

    lexicon: Lexicon
    cues: Cues
    agent: Agent
    situation: SituationRules
    tuning: Tuning
    learned_path: Path | None = None  # JSON weights of the hashed logistic model, if shipped


def load_detection(folder: Path | None = None) -> DetectionRules:
    """Load and validate every detection file of `folder` (default: the shipped one)."""
    base = folder or DEFAULT_FOLDER
    tuning = load_model(base / "tuning.yaml", Tuning)
    learned = base / "learned.json"
    use_learned = learned.exists() and tuning.weights.learned > 0
    try:
        return DetectionRules(
            lexicon=load_model(base / "lexicon.yaml", Lexicon),
            cues=load_model(base / "cues.yaml", Cues),
            agent=load_model(base / "agent.yaml", Agent),
            situation=load_model(base / "situation.yaml", SituationRules),
            tuning=tuning,
            learned_path=learned if use_learned else None,
        )
    except ValueError as exc:  # pragma: no cover - parts are already validated
        raise PhrasebookError(base, None, str(exc)) from exc
