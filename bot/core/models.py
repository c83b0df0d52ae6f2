"""Value types shared by the pure core: the engine, the coach and the escalation policy.

Everything here is plain data: frozen, slotted dataclasses (cheap on the per-message hot path),
no Slack, Redis or asyncio. Thread state that must be persisted exposes `to_json()` / `from_json()`
with JSON-safe dicts; it never holds full customer message text (short evidence quotes only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """Who wrote a message, from the support team's point of view."""

    CUSTOMER = "customer"
    AGENT = "agent"


class Level(StrEnum):
    """How frustrated the customer is right now, in words a supervisor would use."""

    CALM = "calm"
    UNEASY = "uneasy"
    FRUSTRATED = "frustrated"
    ANGRY = "angry"


class Trend(StrEnum):
    """Direction of the thread's heat over the last few customer messages."""

    RISING = "rising"
    STEADY = "steady"
    COOLING = "cooling"


class CustomerType(StrEnum):
    """The four difficult-customer types of the source guides."""

    INDIGNANT = "indignant"
    UNINFORMED = "uninformed"
    DEMANDING = "demanding"
    CHRONIC_COMPLAINER = "chronic_complainer"


class Trigger(StrEnum):
    """What set the frustration off, per the source guides."""

    LACK_OF_INFORMATION = "lack_of_information"
    UNMET_EXPECTATIONS = "unmet_expectations"
    PERCEIVED_NEGLIGENCE = "perceived_negligence"


class CueKind(StrEnum):
    """Typed escalation cues: reasons a supervisor may need to step in."""

    THREAT_ABUSE = "threat_abuse"
    LEGAL = "legal"
    DATA_EXPOSURE = "data_exposure"
    SAFETY = "safety"  # someone hurt or put in danger by the product, the service or the staff
    CHURN = "churn"
    OUTRAGE = "outrage"
    MANAGER_REQUEST = "manager_request"
    STALEMATE = "stalemate"
    BEYOND_AUTHORITY = "beyond_authority"


@dataclass(frozen=True, slots=True)
class Turn:
    """One message of a thread as the core sees it (text is never stored by the core)."""

    role: Role
    text: str
    ts: float  # seconds since the epoch (Slack `ts` as float)
    author: str = ""  # who wrote it (a Slack user id), "" when unknown


@dataclass(frozen=True, slots=True)
class Signal:
    """A reason behind a score: which rule fired, on what words, with what weight."""

    id: str  # rule id from the phrasebook, e.g. "repeat.third_time"
    label: str  # human wording, e.g. "says it is the third time"
    evidence: str  # the short phrase that matched (<= 80 chars), or "" for structural signals
    weight: float


@dataclass(frozen=True, slots=True)
class Cue:
    """An escalation cue raised by a customer message, with the quote and why it fired."""

    kind: CueKind
    evidence: str  # quoted excerpt of the message (<= 200 chars)
    why: str  # one sentence a supervisor can check
    turn: int  # index of the message in the thread (all roles)
    strength: float = 1.0  # 0..1, how clear the cue is


class RequestKind(StrEnum):
    """Things a customer asks for that may need more authority than the agent has."""

    REFUND = "refund"
    CREDIT = "credit"
    DISCOUNT = "discount"
    COMPENSATION = "compensation"
    CONTRACT_CHANGE = "contract_change"
    # an ask the agent has said is not theirs to grant ("I'm not able to bypass the queue"),
    # known from the agent's reply rather than from the customer's words: it has no amount
    EXCEPTION = "exception"


@dataclass(frozen=True, slots=True)
class Request:
    """A concrete ask found in a customer message (e.g. a refund of 500 USD)."""

    kind: RequestKind
    amount: float | None  # None when no amount was stated
    currency: str  # ISO-ish code or "" when unknown
    evidence: str  # the phrase that carried it (<= 120 chars)
    turn: int


@dataclass(frozen=True, slots=True)
class Situation:
    """The engine's reading of what kind of situation this is."""

    customer_type: CustomerType | None = None
    customer_type_evidence: str = ""
    trigger: Trigger | None = None
    trigger_evidence: str = ""
    ask_topic: str | None = None  # what the customer keeps asking for, e.g. "refund status"
    ask_count: int = 0  # how many customer messages asked it
    wants: str = ""  # short paraphrase of what the customer wants, for briefings


@dataclass(frozen=True, slots=True)
class Assessment:
    """The engine's verdict on one customer message, read in the context of its thread."""

    turn: int  # index of this message in the thread (all roles)
    customer_turn: int  # index among customer messages only
    score: float  # frustration of this message in context, 0..1
    level: Level
    frustrated: bool
    heat: float  # smoothed thread frustration, 0..1
    trend: Trend
    signals: tuple[Signal, ...] = ()
    tipped_by: int | None = None  # turn index of the message that tipped the thread to its level
    situation: Situation = field(default_factory=Situation)
    cues: tuple[Cue, ...] = ()
    requests: tuple[Request, ...] = ()  # concrete asks in this message (refund 500 USD, ...)
    escalate: bool = False  # the engine's own view: this thread needs a supervisor
    agent_declined: bool = (
        False  # the agent's last reply said no, or that it is not theirs to grant
    )
    agent_refused: bool = False  # ... and it said no outright, or not theirs to grant
    # ... and it said the ask is above what they may grant ("anything over $2,000 is signed off
    # above my level"): beyond the agent's authority in the agent's own words
    agent_above_level: bool = False
    # the agent's last reply played the problem down ("just delete it", "a display glitch")
    agent_minimised: bool = False
    # the agent's last reply asked for a reference the customer had given, and they gave it back
    # flatly ("24-118, as above"): the agent did not read the thread
    agent_asked_given: bool = False
    margin: float = (
        0.0  # log-odds above (+) or below (-) the frustrated cut: how sure the reading is
    )
    heated: bool = False  # heat in the words (a verdict, feelings, swearing, pressure) or a cue
    grievance: bool = False  # a complaint about the service here, or the thread was heated
    # the agent has answered since the customer's previous message, which was uneasy or worse too:
    # the reply did not settle them
    unsettled: bool = False
    handled_language: bool = True  # False: text not in a language we read; stayed neutral

    @property
    def replies_before(self) -> int:
        """How many messages from others (agents) came before this one in the thread."""
        return self.turn - self.customer_turn

    def explain(self) -> str:
        """A one-line explanation a person can check."""
        if not self.handled_language:
            return "language not handled; staying neutral"
        top = sorted(self.signals, key=lambda s: -abs(s.weight))[:3]
        parts = [f"{s.label} ({s.evidence!r})" if s.evidence else s.label for s in top]
        why = "; ".join(parts) if parts else "no frustration signals"
        return f"{self.level.value} ({self.score:.2f}, {self.trend.value}): {why}"
