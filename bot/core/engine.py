"""The frustration engine: reads a thread one message at a time and scores the customer's mood.

Strictly online and bounded: the state keeps a few numbers, counts and token-hash sets of the
last customer messages, never message text, so the cost per message stays flat as threads grow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from bot.core.lexmodel import LexModel, model_tokens
from bot.core.models import (
    Assessment,
    Cue,
    CueKind,
    CustomerType,
    Level,
    Role,
    Signal,
    Situation,
    Trend,
    Trigger,
    Turn,
)
from bot.core.signals import Matcher, compile_patterns, strip_quoted
from bot.core.situation import SituationReader
from bot.core.text import Prepared, prepare
from bot.core.textindex import Vocabulary
from bot.core.textquote import SIGNAL_LIMIT, shorten
from phrasebook.detection import DetectionRules

RECENT = 3  # customer messages remembered as token-hash sets
MAX_HASHES = 48  # per remembered message
_LOGIT_CAP = 6.0
# a Reddit-trained tone model may not talk a service complaint down (see learned_floor)
_SERVICE_SIGNALS = (
    "service.",
    "wait.",
    "money.",
    "unmet.",
    "negligence.",
    "repeat.",
    "correction.",
)
_PROBLEM_REPORT = ("service.", "wait.", "negligence.", "unmet.")  # an opening that reports these
_SHORT_REPLY = 10  # tokens
_REPLY_CORRECTIONS = frozenset({"correction.sorry", "correction.soft"})  # only after a reply
_PRAISE = frozenset({"positive.thanks", "positive.gratitude"})
_QUIET_CUES = frozenset({CueKind.BEYOND_AUTHORITY, CueKind.STALEMATE})  # add no heat
_HOLLOW_APOLOGY = frozenset(
    {"agent.failed", "agent.canned", "agent.negative"}
)  # apologies these make hollow


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-_LOGIT_CAP * 3, min(_LOGIT_CAP * 3, z))))


def _logit(p: float) -> float:
    p = min(0.999, max(0.001, p))
    return math.log(p / (1 - p))


@dataclass(slots=True)
class EngineState:
    """Per-thread online state: scores, counts and hashes only (no message text)."""

    turn: int = 0
    customer_turns: int = 0
    heat: float = 0.0
    level: Level = Level.CALM
    tipped_by: int | None = None
    escalated: bool = False
    frustrated_rounds: int = 0
    agent_effect: float = 0.0
    agent_signals: list[tuple[str, str, float]] = field(default_factory=list)
    last_role: str = ""
    last_customer_ts: float = 0.0
    recent_hashes: list[list[int]] = field(default_factory=list)
    recent_lengths: list[int] = field(default_factory=list)
    topic_counts: dict[str, int] = field(default_factory=dict)
    type_counts: dict[str, int] = field(default_factory=dict)
    type_evidence: dict[str, str] = field(default_factory=dict)
    trigger_counts: dict[str, int] = field(default_factory=dict)
    trigger_evidence: dict[str, str] = field(default_factory=dict)
    wants: str = ""

    def to_json(self) -> dict[str, Any]:
        """JSON-safe dict: numbers, hashes, counts and short evidence quotes only."""
        return {
            "turn": self.turn,
            "customer_turns": self.customer_turns,
            "heat": round(self.heat, 6),
            "level": self.level.value,
            "tipped_by": self.tipped_by,
            "escalated": self.escalated,
            "frustrated_rounds": self.frustrated_rounds,
            "agent_effect": round(self.agent_effect, 6),
            "agent_signals": [list(s) for s in self.agent_signals],
            "last_role": self.last_role,
            "last_customer_ts": self.last_customer_ts,
            "recent_hashes": [list(h) for h in self.recent_hashes],
            "recent_lengths": list(self.recent_lengths),
            "topic_counts": dict(self.topic_counts),
            "type_counts": dict(self.type_counts),
            "type_evidence": dict(self.type_evidence),
            "trigger_counts": dict(self.trigger_counts),
            "trigger_evidence": dict(self.trigger_evidence),
            "wants": self.wants,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EngineState:
        """Rebuild a state written by `to_json`."""
        return cls(
            turn=int(data["turn"]),
            customer_turns=int(data["customer_turns"]),
            heat=float(data["heat"]),
            level=Level(data["level"]),
            tipped_by=None if data["tipped_by"] is None else int(data["tipped_by"]),
            escalated=bool(data["escalated"]),
            frustrated_rounds=int(data["frustrated_rounds"]),
            agent_effect=float(data["agent_effect"]),
            agent_signals=[(str(a), str(b), float(c)) for a, b, c in data["agent_signals"]],
            last_role=str(data["last_role"]),
            last_customer_ts=float(data["last_customer_ts"]),
            recent_hashes=[[int(x) for x in h] for h in data["recent_hashes"]],
            recent_lengths=[int(x) for x in data["recent_lengths"]],
            topic_counts={str(k): int(v) for k, v in data["topic_counts"].items()},
            type_counts={str(k): int(v) for k, v in data["type_counts"].items()},
            type_evidence={str(k): str(v) for k, v in data["type_evidence"].items()},
            trigger_counts={str(k): int(v) for k, v in data["trigger_counts"].items()},
            trigger_evidence={str(k): str(v) for k, v in data["trigger_evidence"].items()},
            wants=str(data["wants"]),
        )

    def copy(self) -> EngineState:
        """A copy safe to mutate (containers are copied too)."""
        return replace(
            self,
            agent_signals=list(self.agent_signals),
            recent_hashes=[list(h) for h in self.recent_hashes],
            recent_lengths=list(self.recent_lengths),
            topic_counts=dict(self.topic_counts),
            type_counts=dict(self.type_counts),
            type_evidence=dict(self.type_evidence),
            trigger_counts=dict(self.trigger_counts),
            trigger_evidence=dict(self.trigger_evidence),
        )


class FrustrationEngine:
    """Scores customer frustration per message in thread context, from phrasebook rules."""

    def __init__(self, rules: DetectionRules) -> None:
        self.rules = rules
        self.w = rules.tuning.weights
        self.t = rules.tuning.thresholds
        vocab = Vocabulary()  # one token pass per message serves every word list below
        self.matcher = Matcher(rules, vocab)
        self.reader = SituationReader(rules, vocab)
        self.agent_rules = [(r, compile_patterns(r.patterns, vocab)) for r in rules.agent.rules]
        self.model = LexModel.load(rules.learned_path) if rules.learned_path else None

    def start(self) -> EngineState:
        """A fresh state for a new thread."""
        return EngineState()

    def read(self, state: EngineState, turn: Turn) -> tuple[EngineState, Assessment | None]:
        """Agent turns update state and return None; customer turns return an Assessment."""
        new = state.copy()
        index = new.turn
        new.turn += 1
        if turn.role is Role.AGENT:
            self._read_agent(new, turn)
            new.last_role = Role.AGENT.value
            return new, None
        assessment = self._read_customer(new, turn, index)
        new.last_role = Role.CUSTOMER.value
        return new, assessment

    def _read_agent(self, state: EngineState, turn: Turn) -> None:
        lower = prepare(turn.text).lower
        effect = state.agent_effect * self.w.agent_decay
        fired: list[tuple[str, str, float]] = []
        for rule, rx in self.agent_rules:
            if rx.search(lower):
                fired.append((rule.id, rule.label, rule.weight))
        if any(f[0] in _HOLLOW_APOLOGY for f in fired):  # "sorry, nothing found" is no comfort
            fired = [f for f in fired if f[0] != "agent.apology"]
        if any(f[0] == "agent.failed" for f in fired):  # "no, none left" is one failure, not two
            fired = [f for f in fired if f[0] != "agent.negative"]
        effect += sum(f[2] for f in fired)
        state.agent_effect = max(-2.0, min(2.0, effect))
        state.agent_signals = fired

    def _ironic_praise(self, signals: list[Signal]) -> list[Signal]:
        """Praise next to a clear complaint reads as irony ("brilliant advice", after a gripe)."""
        complaint = sum(s.weight for s in signals if s.weight > 0)
        if complaint < self.w.mixed_threshold:
            return signals
        praise = [s for s in signals if s.id in _PRAISE and s.weight < 0]
        if not praise:
            return signals
        kept = [s for s in signals if s not in praise]
        praise = [s for s in praise if s.id != "positive.gratitude"]
        if not praise:
            return kept
        irony = Signal(
            "sarcasm.mixed", "praise inside a complaint", praise[0].evidence, self.w.mixed_praise
        )
        return [*kept, irony]

    def _structural(self, state: EngineState, prep: Prepared, turn: Turn) -> list[Signal]:
        w = self.w
        out: list[Signal] = []
        if prep.caps_words >= 2 and prep.caps_words * 2 >= prep.long_words:
            out.append(Signal("shape.caps", "writes in capitals", "", w.caps))
        if prep.bursts:
            out.append(
                Signal(
                    "shape.burst",
                    "bursts of !? punctuation",
                    "",
                    round(w.burst * min(2.0, 0.5 + 0.5 * prep.bursts), 3),
                )
            )
        if state.recent_lengths and prep.chars > 200:
            avg = sum(state.recent_lengths) / len(state.recent_lengths)
            if prep.chars > 2 * avg:
                out.append(Signal("shape.longer", "messages getting longer", "", w.length_growth))
        if (
            state.last_role == Role.CUSTOMER.value
            and turn.ts > 0
            and state.last_customer_ts > 0
            and turn.ts - state.last_customer_ts < self.t.double_text_seconds
        ):
            out.append(
                Signal("pace.double_text", "writes again before any reply", "", w.double_text)
            )
        if prep.stripped_code:
            out.append(Signal("shape.code", "quotes code or logs", "", w.stripped_code))
        hashes = prep.content_hashes
        if len(hashes) >= 3:
            for old in state.recent_hashes:
                if len(old) < 3:
                    continue
                overlap = len(hashes.intersection(old)) / min(len(hashes), len(old))
                if overlap >= w.repeat_min_overlap:
                    out.append(
                        Signal(
                            "repeat.same_ask",
                            "repeats an earlier message",
                            "",
                            round(w.repeat * overlap, 3),
                        )
                    )
                    break
        return out

    def _read_customer(self, state: EngineState, turn: Turn, index: int) -> Assessment:
        prep = prepare(turn.text)
        w = self.w
        customer_turn = state.customer_turns
        state.customer_turns += 1
        if not prep.handled_language:
            return self._neutral(state, prep, turn, index, customer_turn)
        signals = self._ironic_praise(self.matcher.match(prep.lower, prep.prose))
        if len(prep.tokens) <= _SHORT_REPLY and any(s.id == "positive.gratitude" for s in signals):
            # "nope, got it now, thanks": a short "no" that thanks is a closing, not a correction
            signals = [s for s in signals if s.id != "correction.no"]
        if state.last_role != Role.AGENT.value:
            # "sorry to bother you" or "I just need the times" opens; it corrects no reply
            signals = [s for s in signals if s.id not in _REPLY_CORRECTIONS]
        signals.extend(self._structural(state, prep, turn))
        topic = self.reader.topic_of(prep.lower)
        if topic is not None:
            before = state.topic_counts.get(topic, 0)
            if before:
                signals.append(
                    Signal(
                        "repeat.topic",
                        f"asks about {topic} again",
                        topic,
                        round(w.ask_again * min(before, 3), 3),
                    )
                )
            state.topic_counts[topic] = before + 1
        if state.agent_signals:
            signals.extend(
                Signal(sid, label, "", round(weight, 3))
                for sid, label, weight in state.agent_signals
            )
            carried = state.agent_effect - sum(x[2] for x in state.agent_signals)
        else:
            carried = state.agent_effect
        if abs(carried) >= 0.01:
            signals.append(Signal("agent.earlier", "earlier agent replies", "", round(carried, 3)))
        opening = customer_turn == 0 and self._opening_problem(signals)
        if opening:  # thanks or praise around a problem report is manners, not satisfaction
            signals = [
                replace(s, weight=round(s.weight * w.opening_thanks, 3)) if s.id in _PRAISE else s
                for s in signals
            ]
        z = w.bias + sum(s.weight for s in signals)
        tone = self._tone(prep, signals)
        z += tone
        if abs(tone) >= 0.3:
            signals.append(Signal("model.tone", "overall wording", "", round(tone, 3)))
        if customer_turn == 0:
            context = w.first_turn
            if opening:  # a first message reporting a problem is a complaint even when calm
                context += w.opening_problem
                signals.append(
                    Signal("opening.problem", "opens with a problem report", "", w.opening_problem)
                )
        elif not prep.tokens:
            context = 0.0  # a bare link or emoji carries no mood of its own
        else:
            context = w.carry * max(-2.0, min(3.0, _logit(state.heat) - w.bias))
            if context >= 0.3:
                signals.append(
                    Signal("context.heat", "thread already heated", "", round(context, 3))
                )
        score = _sigmoid(z + context)
        state.agent_effect *= w.agent_decay
        state.agent_signals = []
        return self._finish(state, prep, turn, index, customer_turn, score, signals, topic)

    def _opening_problem(self, signals: list[Signal]) -> bool:
        """The thread's first message reports a service problem (weighted as a complaint)."""
        return self.w.opening_problem > 0 and any(
            s.weight > 0 and s.id.startswith(_PROBLEM_REPORT) for s in signals
        )

    def _tone(self, prep: Prepared, signals: list[Signal]) -> float:
        """The shipped GoEmotions model's say, bounded so it cannot veto a service complaint."""
        if self.model is None or not prep.tokens:
            return 0.0
        w = self.w
        about_service = any(s.id.startswith(_SERVICE_SIGNALS) for s in signals)
        floor = w.learned_floor if about_service else w.learned_floor_plain
        tone = max(
            floor, w.learned * (self.model.logit(model_tokens(prep.lower)) - w.learned_center)
        )
        if tone > 0 and self.matcher.hyperbole.search(prep.lower) is not None:
            return 0.0  # "killing it", "I'd kill for": the tone model reads these wrong
        return tone

    def _neutral(
        self, state: EngineState, prep: Prepared, turn: Turn, index: int, customer_turn: int
    ) -> Assessment:
        state.last_customer_ts = turn.ts
        return Assessment(
            turn=index,
            customer_turn=customer_turn,
            score=0.0,
            level=state.level,
            frustrated=False,
            heat=round(state.heat, 4),
            trend=Trend.STEADY,
            tipped_by=state.tipped_by,
            situation=self._situation(state),
            escalate=state.escalated,
            handled_language=False,
        )

    def _finish(
        self,
        state: EngineState,
        prep: Prepared,
        turn: Turn,
        index: int,
        customer_turn: int,
        score: float,
        signals: list[Signal],
        topic: str | None,
    ) -> Assessment:
        t = self.t
        reading = self.reader.read(
            prep.lower,
            strip_quoted(prep.lower),
            signals,
            score,
            index,
            topic,
            upset=score >= t.uneasy,
            original=prep.prose,
        )
        spoken = [c for c in reading.cues if c.kind not in _QUIET_CUES]
        if spoken:
            strongest = max(spoken, key=lambda c: c.strength)
            bump = self.w.cue_heat * strongest.strength
            signals.append(
                Signal(
                    f"cue.{strongest.kind.value}",
                    "escalation wording",
                    dict(reading.short_quotes).get(
                        strongest.kind, shorten(strongest.evidence, SIGNAL_LIMIT)
                    ),
                    round(bump, 3),
                )
            )
            score = _sigmoid(_logit(score) + bump)
        prev_heat = state.heat
        heat = (
            score if customer_turn == 0 else t.heat_alpha * score + (1 - t.heat_alpha) * prev_heat
        )
        state.heat = heat
        delta = heat - prev_heat if customer_turn else 0.0
        trend = (
            Trend.RISING
            if delta > t.trend_delta
            else (Trend.COOLING if delta < -t.trend_delta else Trend.STEADY)
        )
        level = (
            Level.ANGRY
            if score >= t.angry
            else Level.FRUSTRATED
            if score >= t.frustrated
            else Level.UNEASY
            if score >= t.uneasy
            else Level.CALM
        )
        heated = any(c.kind is not CueKind.BEYOND_AUTHORITY for c in reading.cues) or any(
            sig.id.startswith(t.angry_needs) for sig in signals
        )
        if level is Level.ANGRY and not heated:
            level = Level.FRUSTRATED  # a serious but polite complaint is not anger
        if level is not state.level:
            state.level = level
            state.tipped_by = index
        frustrated = score >= t.frustrated
        state.frustrated_rounds = state.frustrated_rounds + 1 if frustrated else 0
        for ctype, ev in reading.types:
            state.type_counts[ctype.value] = state.type_counts.get(ctype.value, 0) + 1
            state.type_evidence[ctype.value] = ev
        for trig, ev in reading.triggers:
            state.trigger_counts[trig.value] = state.trigger_counts.get(trig.value, 0) + 1
            state.trigger_evidence[trig.value] = ev
        cues = list(reading.cues)
        if (
            state.frustrated_rounds >= t.escalate_rounds
            and heat >= t.escalate_heat
            and any(s.id.startswith("repeat.") or s.id.startswith("correction.") for s in signals)
        ):
            ask = f"asked about {topic} {state.topic_counts.get(topic, 1)} times" if topic else ""
            cues.append(
                Cue(
                    CueKind.STALEMATE,
                    ask or "same ask repeated while still upset",
                    "Several rounds without progress while frustration stays high.",
                    index,
                    0.7,
                )
            )
        if (
            any(c.strength >= t.escalate_cue_strength for c in cues)
            or score >= t.escalate_score
            or (state.frustrated_rounds >= t.escalate_rounds and heat >= t.escalate_heat)
        ):
            state.escalated = True
        wants = self.reader.wants_for(topic, reading.requests)
        if wants:
            state.wants = wants
        self._remember(state, prep, turn)
        return Assessment(
            turn=index,
            customer_turn=customer_turn,
            score=round(score, 4),
            level=level,
            frustrated=frustrated,
            heat=round(heat, 4),
            trend=trend,
            signals=tuple(signals),
            tipped_by=state.tipped_by,
            situation=self._situation(state),
            cues=tuple(cues),
            requests=reading.requests,
            escalate=state.escalated,
        )

    def _remember(self, state: EngineState, prep: Prepared, turn: Turn) -> None:
        state.recent_hashes.append(sorted(prep.content_hashes)[:MAX_HASHES])
        state.recent_lengths.append(min(prep.chars, 100_000))
        del state.recent_hashes[:-RECENT]
        del state.recent_lengths[:-RECENT]
        state.last_customer_ts = turn.ts

    def _situation(self, state: EngineState) -> Situation:
        ctype = max(state.type_counts, key=lambda k: state.type_counts[k], default=None)
        trig = max(state.trigger_counts, key=lambda k: state.trigger_counts[k], default=None)
        topic = max(state.topic_counts, key=lambda k: state.topic_counts[k], default=None)
        return Situation(
            customer_type=CustomerType(ctype) if ctype else None,
            customer_type_evidence=state.type_evidence.get(ctype, "") if ctype else "",
            trigger=Trigger(trig) if trig else None,
            trigger_evidence=state.trigger_evidence.get(trig, "") if trig else "",
            ask_topic=topic,
            ask_count=state.topic_counts.get(topic, 0) if topic else 0,
            wants=state.wants,
        )
