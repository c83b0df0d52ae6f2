"""The frustration engine: reads a thread one message at a time and scores the customer's mood.

A customer message goes through a pipeline of small named steps (`bot.core.steps`): lexicon
families, guards against misreads (hyperbole, sarcasm, closings), shape, learned tone and thread
context. Each step adds or removes named features; a small learned logistic combiner
(`combiner.yaml`) turns them into a calibrated probability, and cut points into a level.

Strictly online and bounded: the state keeps a few numbers, counts and token-hash sets of the
last customer messages, never message text, so the cost per message stays flat as threads grow.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.core import features as F
from bot.core.cuebank import CueBank, sentences
from bot.core.features import Features
from bot.core.models import (
    Assessment,
    Cue,
    CueKind,
    CustomerType,
    Level,
    Request,
    RequestKind,
    Role,
    Signal,
    Situation,
    Trend,
    Trigger,
    Turn,
)
from bot.core.signals import Matcher, blank, compile_patterns, compile_regex, strip_quoted
from bot.core.situation import SituationReader
from bot.core.steps import (
    Pipeline,
    Reading,
    asks_question,
    default_pipeline,
    left_for_own_reason,
    says_own_reason,
)
from bot.core.text import Prepared, figure_hashes, link_hashes, prepare, ref_hashes
from bot.core.textindex import AnyOf, Vocabulary, WordPattern
from bot.core.textquote import SIGNAL_LIMIT, shorten
from bot.core.tone import ToneModels
from phrasebook.detection import DetectionRules

RECENT = 3  # customer messages remembered as token-hash sets
MAX_HASHES = 48  # per remembered message
MAX_SAID = 96  # content words remembered from all the agent's replies, the newest kept
MAX_REFS = 12  # reference numbers remembered from the customer's messages, the newest kept
_LOGIT_CAP = 12.0
SAME_ANSWER_OVERLAP = 0.6  # share of content words an agent reply repeats from the previous one
_QUIET_CUES = frozenset({CueKind.BEYOND_AUTHORITY, CueKind.STALEMATE})  # no heat of their own
# said laughing by a customer with nothing to complain about, these are a joke: "my dish doesn't
# do snow 😂 I'm considering suing Mother Nature"
_JOKE_PRONE = frozenset({CueKind.LEGAL, CueKind.THREAT_ABUSE})
_SENTENCES = re.compile(r"[^.!?\n]+[.!?]*")


# an "if" that says the trouble goes on unfixed is an ultimatum, not a supposition: "If this isn't
# sorted this week I'm posting the whole saga there", "if nobody calls me today ..." (a past
# counterfactual, "If it hadn't been that simple", stays a supposition)
_ULTIMATUM_IF = re.compile(
    r"^if (?:this|it|that|the [\w-]+|you(?: guys| lot)?|your [\w-]+|nobody|no one|someone|somebody|"
    r"i|we)(?:'s|'re| is| are)?(?: still)? (?:isn'?t|is not|aren'?t|are not|doesn'?t|does not|"
    r"don'?t|do not|can'?t|cannot|won'?t|will not|hasn'?t|has not|haven'?t|have not|not|still|"
    r"calls?|rings?|gets? back|fix(?:es)?|sorts?)\b"
)


# the customer counting their own asks ("Third time asking.", "I've asked for this three times"),
# not the agent's replies ("that's the same reply word for word")
_ASKS_COUNTED = re.compile(
    r"\b(?:third|3rd|fourth|4th|fifth|5th) time (?:(?:i'?m|i am|i'?ve|i have|we'?re|we'?ve|i|we) )?"
    r"(?:ask|request|chas)\w*|\b(?:asked|requested|chased)(?: (?:for )?(?:this|that|it))? "
    r"(?:three|four|five|3|4|5) times\b"
    # the count said as the reply's opening: "Third time: I have that one"
    r"|^(?:for the )?(?:third|3rd|fourth|4th|fifth|5th) time(?: now)?[:,.!]"
    # the question counted: "Same question a third time: ..."
    r"|\b(?:same|this|that|the|my) question,? (?:for )?(?:a|the) "
    r"(?:third|3rd|fourth|4th|fifth|5th) time\b"
    # ... or the asking counted: "I'm asking a simple question for the third time"
    r"|\b(?:ask|asking|request|requesting|chase|chasing)\b(?: [\w']+){0,4} (?:for )?(?:a|the) "
    r"(?:third|3rd|fourth|4th|fifth|5th) time\b"
)


# "you" in an aside that clears us ("(not you, don't worry)", "not your fault") names nobody
_CLEARING = re.compile(
    r"\(\s*not (?:you|your)\b[^()]*\)|\bnot (?:you|your (?:fault|problem|doing|team|side|end))\b"
)
_YOU_WORD = re.compile(r"\b(?:you|your|yours|u|ur|y'?all)\b")


def _names_us(lower: str, evidence: str) -> bool:
    """The sentence of `lower` at the middle of the cue's evidence (a window widened evenly round
    the match) names us, outside an aside clearing us; a message quoted whole is read whole."""
    span = _evidence_span(lower, evidence)
    if span is None:
        return True
    at, end = span
    middle = (at + end) // 2
    whole = at == 0 and end - at >= len(lower.strip()) - 2
    for m in _SENTENCES.finditer(lower):
        if whole or m.start() <= middle < m.end():
            if _YOU_WORD.search(_CLEARING.sub(" ", m.group(0))) is not None:
                return True
            if not whole:
                return False
    return whole is False


# a straight answer demanded: "yes or no?", "Do you have it or not?", "tell me plainly"
_STRAIGHT_ANSWER = re.compile(
    r"\byes ?(?:or|/) ?no\b|\bor not\b|\bplainly\b|\bstraight answer\b"
    r"|\ba simple (?:yes|no|answer)\b"
    # ... or the ask put as a plain instruction after the count: "Third time asking in this
    # thread: please issue the RMA."
    r"|(?:^|[:.!?] )please (?:just )?(?:issue|send|approve|release|process|refund|replace|ship|"
    r"book|reinstate|restore|unblock|lift|cancel|credit) (?:the|my|our|it|this|a|an|us|me)\b"
)


# the customer telling us the last reply said nothing new: "That's the same answer as before."
_SAME_REPLY = re.compile(
    r"\b(?:that'?s|that is|this is|it'?s|it is|you'?ve given|you gave|you sent|you'?ve sent|got|"
    r"getting)(?: me| us)? (?:just )?(?:the|exactly the|the exact|word for word the) same "
    r"(?:answer|reply|response|line|message|thing)(?: (?:as|you gave|you sent|i got))? "
    r"(?:(?:me |us )?before|last time|yesterday|earlier|on (?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)|(?:two|three|\d+) days ago|twice)\b"
)


def _still_holding(agent_families: list[str]) -> bool:
    """The reply promised a step of its own or held the line ("Our team is looking into it",
    "I'll pass your feedback on"), and did not repeat the reply before it."""
    return (
        any(f in ("agent.plan", "agent.canned") for f in agent_families)
        and F.SAME_ANSWER not in agent_families
    )


def _quotes_the_offer(asked: Sequence[Request], standing: Sequence[Request]) -> bool:
    """Every sum in the new asks is below the largest still standing: the customer names the
    smaller sum the agent offered, not a new ask."""
    top = max((r.amount for r in standing if r.amount is not None), default=None)
    return top is not None and all(r.amount is not None and r.amount < top for r in asked)


def _evidence_span(lower: str, evidence: str) -> tuple[int, int] | None:
    """Where a cue's evidence (a quote, ellipses trimmed) starts in `lower`, and its end."""
    probe = evidence.strip("…").strip().lower()
    at = lower.find(probe[:40]) if probe else -1
    return None if at < 0 else (at, at + len(probe))


def _in_if_sentence(lower: str, evidence: str) -> bool:
    """The cue's evidence (a window of the message around the match) reaches into a sentence of
    `lower` that opens with "if" and is no ultimatum (`_ULTIMATUM_IF`)."""
    span = _evidence_span(lower, evidence)
    if span is None:
        return False
    at, end = span
    return any(
        m.group(0).lstrip().startswith("if ")
        and _ULTIMATUM_IF.match(m.group(0).lstrip()) is None
        and m.start() < end
        and at < m.end()
        for m in _SENTENCES.finditer(lower)
    )


# cues a reason of the customer's own keeps quiet for the rest of a thread with no complaint:
# leaving, and their own lawyer on their own paperwork (`left_for_own_reason`)
_OWN_REASON_QUIET = frozenset({CueKind.CHURN, CueKind.LEGAL})


# an ask disowned: "I wasn't asking for a refund"
_NOT_ASKING = re.compile(
    r"\b(?:i|we) (?:wasn'?t|was not|weren'?t|were not|am not|'m not|are not|'re not|didn'?t|"
    r"did not|never) (?:ask(?:ing|ed)?|want(?:ing|ed)?|after|looking for) (?:for |about )?"
    r"(?:a |an |the |any )?"
    r"(?:refund|credit|compensation|discount|money back|exchange|return|replacement)s?\b"
)


def _disowns_ask(lower: str) -> bool:
    """`_NOT_ASKING`, tried only on a message with a negation (most have none)."""
    return ("n't" in lower or "nt " in lower or "not" in lower or "never" in lower) and bool(
        _NOT_ASKING.search(lower)
    )


def _counts(cue: Cue, grievance: bool) -> bool:
    """A spoken cue is heat and a reason to escalate, except a cancellation with no complaint
    in the message or the thread: an account change for the agent."""
    return grievance or cue.kind is not CueKind.CHURN


def _newest(kept: list[int], new: list[int], limit: int) -> list[int]:
    """`kept` with the hashes of `new` it lacks added last, cut to the newest `limit`."""
    seen = set(kept)
    return (kept + [h for h in new if h not in seen])[-limit:]


def sigmoid(z: float) -> float:
    """The logistic function, safe for any input."""
    return 1.0 / (1.0 + math.exp(-max(-_LOGIT_CAP * 3, min(_LOGIT_CAP * 3, z))))


def logit(p: float) -> float:
    """Log-odds of a probability (clipped away from 0 and 1)."""
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
    grieved: bool = False  # an earlier customer message complained about the service (uneasy+)
    own_reason: bool = False  # an earlier customer message said the reason is not the service
    # an earlier customer message put the upset with someone else ("not your fault, the
    # courier ..."): a later "they" with nothing of us is that someone
    vented_elsewhere: bool = False
    frustrated_rounds: int = 0
    last_logit: float | None = None  # the previous customer message's score, as a logit
    peak_logit: float | None = None  # the hottest customer message so far, as a logit
    last_agent: list[str] = field(default_factory=list)  # agent families of the last reply
    agent_joked: bool = False  # the last reply joked (kept until the next reply, unlike last_agent)
    agent_hashes: list[int] = field(default_factory=list)  # content words of the last reply
    agent_figures: list[int] = field(default_factory=list)  # its figures with units ("48h")
    given_refs: list[int] = field(default_factory=list)  # reference numbers the customer gave
    agent_said: list[int] = field(default_factory=list)  # content words of every agent reply
    last_asked: bool = False  # the customer's previous message asked a question
    was_warm: bool = False  # an earlier customer message greeted, thanked, smiled or praised
    open_requests: list[list[Any]] = field(default_factory=list)  # [kind, amount, cur, quote, turn]
    # request kinds the thread has shown are owed, not a grant ("charged twice", "the refund you
    # promised"): a later ask of that kind chases what is owed
    owed: list[str] = field(default_factory=list)
    stuck_rounds: int = (
        0  # customer messages in a row asking again after a reply that did not deliver
    )
    # agent replies that answered a customer message (a second agent message in a row, "let me
    # check" then the answer, is the same reply)
    answers: int = 0
    last_role: str = ""
    last_customer_ts: float = 0.0
    last_customer: str = ""  # who wrote the previous customer message ("" when unknown)
    recent_hashes: list[list[int]] = field(default_factory=list)
    topic_counts: dict[str, int] = field(default_factory=dict)
    type_counts: dict[str, int] = field(default_factory=dict)
    type_evidence: dict[str, str] = field(default_factory=dict)
    trigger_counts: dict[str, int] = field(default_factory=dict)
    trigger_evidence: dict[str, str] = field(default_factory=dict)
    wants: str = ""

    def to_json(self) -> dict[str, Any]:
        """JSON-safe dict: numbers, hashes, counts and short evidence quotes only."""
        return {
            "v": 2,
            "turn": self.turn,
            "customer_turns": self.customer_turns,
            "heat": round(self.heat, 6),
            "level": self.level.value,
            "tipped_by": self.tipped_by,
            "escalated": self.escalated,
            "grieved": self.grieved,
            "own_reason": self.own_reason,
            "vented_elsewhere": self.vented_elsewhere,
            "frustrated_rounds": self.frustrated_rounds,
            "last_logit": None if self.last_logit is None else round(self.last_logit, 4),
            "peak_logit": None if self.peak_logit is None else round(self.peak_logit, 4),
            "last_agent": list(self.last_agent),
            "agent_joked": self.agent_joked,
            "agent_hashes": list(self.agent_hashes),
            "agent_figures": list(self.agent_figures),
            "given_refs": list(self.given_refs),
            "agent_said": list(self.agent_said),
            "stuck_rounds": self.stuck_rounds,
            "answers": self.answers,
            "last_asked": self.last_asked,
            "was_warm": self.was_warm,
            "open_requests": [list(r) for r in self.open_requests],
            "owed": list(self.owed),
            "last_role": self.last_role,
            "last_customer_ts": self.last_customer_ts,
            "last_customer": self.last_customer,
            "recent_hashes": [list(h) for h in self.recent_hashes],
            "topic_counts": dict(self.topic_counts),
            "type_counts": dict(self.type_counts),
            "type_evidence": dict(self.type_evidence),
            "trigger_counts": dict(self.trigger_counts),
            "trigger_evidence": dict(self.trigger_evidence),
            "wants": self.wants,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EngineState:
        """Rebuild a state written by `to_json` (a state of an older version starts afresh
        on the scores and keeps its counts)."""
        last = data.get("last_logit")
        peak = data.get("peak_logit")
        return cls(
            turn=int(data["turn"]),
            customer_turns=int(data["customer_turns"]),
            heat=float(data["heat"]),
            level=Level(data["level"]),
            tipped_by=None if data["tipped_by"] is None else int(data["tipped_by"]),
            escalated=bool(data["escalated"]),
            grieved=bool(data.get("grieved", False)),
            own_reason=bool(data.get("own_reason", False)),
            vented_elsewhere=bool(data.get("vented_elsewhere", False)),
            frustrated_rounds=int(data["frustrated_rounds"]),
            last_logit=None if last is None else float(last),
            peak_logit=None if peak is None else float(peak),
            last_agent=[str(x) for x in data.get("last_agent", [])],
            agent_joked=bool(data.get("agent_joked", False)),
            agent_hashes=[int(x) for x in data.get("agent_hashes", [])],
            agent_figures=[int(x) for x in data.get("agent_figures", [])],
            given_refs=[int(x) for x in data.get("given_refs", [])],
            agent_said=[int(x) for x in data.get("agent_said", [])],
            stuck_rounds=int(data.get("stuck_rounds", 0)),
            # a state saved before answers were counted: every agent message counted
            answers=int(data.get("answers", int(data["turn"]) - int(data["customer_turns"]))),
            last_asked=bool(data.get("last_asked", False)),
            was_warm=bool(data.get("was_warm", False)),
            open_requests=[list(r) for r in data.get("open_requests", [])],
            owed=[str(k) for k in data.get("owed", [])],
            last_role=str(data["last_role"]),
            last_customer_ts=float(data["last_customer_ts"]),
            last_customer=str(data.get("last_customer", "")),
            recent_hashes=[[int(x) for x in h] for h in data["recent_hashes"]],
            topic_counts={str(k): int(v) for k, v in data["topic_counts"].items()},
            type_counts={str(k): int(v) for k, v in data["type_counts"].items()},
            type_evidence={str(k): str(v) for k, v in data["type_evidence"].items()},
            trigger_counts={str(k): int(v) for k, v in data["trigger_counts"].items()},
            trigger_evidence={str(k): str(v) for k, v in data["trigger_evidence"].items()},
            wants=str(data["wants"]),
        )

    def copy(self) -> EngineState:
        """A copy safe to mutate (containers are copied too). Built field by field, cheaper
        than `dataclasses.replace`; `tests/unit/core/test_engine.py` checks no field is left out."""
        return EngineState(
            turn=self.turn,
            customer_turns=self.customer_turns,
            heat=self.heat,
            level=self.level,
            tipped_by=self.tipped_by,
            escalated=self.escalated,
            grieved=self.grieved,
            own_reason=self.own_reason,
            vented_elsewhere=self.vented_elsewhere,
            frustrated_rounds=self.frustrated_rounds,
            last_logit=self.last_logit,
            peak_logit=self.peak_logit,
            last_agent=list(self.last_agent),
            agent_joked=self.agent_joked,
            agent_hashes=list(self.agent_hashes),
            agent_figures=list(self.agent_figures),
            given_refs=list(self.given_refs),
            agent_said=list(self.agent_said),
            last_asked=self.last_asked,
            was_warm=self.was_warm,
            open_requests=[list(r) for r in self.open_requests],
            owed=list(self.owed),
            stuck_rounds=self.stuck_rounds,
            answers=self.answers,
            last_role=self.last_role,
            last_customer_ts=self.last_customer_ts,
            last_customer=self.last_customer,
            recent_hashes=[list(h) for h in self.recent_hashes],
            topic_counts=dict(self.topic_counts),
            type_counts=dict(self.type_counts),
            type_evidence=dict(self.type_evidence),
            trigger_counts=dict(self.trigger_counts),
            trigger_evidence=dict(self.trigger_evidence),
            wants=self.wants,
        )


class FrustrationEngine:
    """Scores customer frustration per message in thread context, from phrasebook rules."""

    def __init__(
        self, rules: DetectionRules, tone: ToneModels | None = None, bank: CueBank | None = None
    ) -> None:
        self.rules = rules
        self.combiner = rules.combiner
        self._uneasy_z = logit(rules.combiner.cuts.uneasy)  # the cuts as log-odds, once
        self._frustrated_z = logit(rules.combiner.cuts.frustrated)
        self.tuning = rules.tuning
        t = rules.tuning
        self._appreciate_if = re.compile("|".join(f"(?:{p})" for p in t.appreciate_if))
        self._pass_on = re.compile("|".join(f"(?:{p})" for p in t.pass_on))
        self._not_theirs = AnyOf(t.not_theirs)
        self._no_fault = AnyOf(t.no_fault)
        # heat in the words other than a problem coming back ("again", "second time")
        self._heat_beyond_recurrence = tuple(
            n for n in t.angry_needs if not n.startswith("repeat.")
        )
        self.tone = tone or ToneModels()
        self.bank = bank
        vocab = self._vocab = Vocabulary()  # one token pass per message serves every word list
        self.matcher = Matcher(rules, vocab)
        self.reader = SituationReader(rules, vocab)
        self.agent_rules: list[tuple[str, WordPattern, re.Pattern[str] | None]] = [
            (
                r.id,
                compile_patterns(r.patterns, vocab),
                compile_regex(r.unless) if r.unless else None,
            )
            for r in rules.agent.rules
        ]
        self.pipeline: Pipeline = default_pipeline(
            self.matcher, self.reader, self.tone, rules, self._no_fault
        )
        self._weights = {**rules.combiner.weights, **rules.combiner.priors}

    @staticmethod
    def open_requests(state: EngineState) -> tuple[Request, ...]:
        """The customer's latest concrete asks (a refund of 500 USD, out of the contract)."""
        return tuple(
            Request(RequestKind(k), None if a is None else float(a), str(c), str(e), int(t))
            for k, a, c, e, t in state.open_requests
        )

    @staticmethod
    def said_above_them(state: EngineState) -> bool:
        """The agent's last reply said the ask needs someone above them ("I'm not able to
        authorise a full refund on a contract order myself"): beyond their authority in their
        own words, whatever the amount and however calm the customer was."""
        return F.AGENT_ABOVE_LEVEL in state.last_agent

    @staticmethod
    def refused_open_request(state: EngineState) -> bool:
        """The agent's last reply said no, or that it is not theirs to grant, while the
        customer's ask is open: the moment a request beyond the agent's authority is known. A
        reply that only cites a policy or offers something else ("per our policy we offer a
        credit"), or says no with a counter-offer ("I can't waive it, but I can take 50% off"),
        waits for the customer's answer: they may take the offer. Not when the agent says the ask
        is above them ("I'm not able to authorise a refund of that size, but I can arrange a
        replacement"): only someone above them can answer it, offer or not."""
        said = state.last_agent
        return (
            bool(state.open_requests)
            and any(f in F.REFUSED for f in said)
            and (F.AGENT_OFFER not in said or F.AGENT_ABOVE_LEVEL in said)
        )

    def start(self) -> EngineState:
        """A fresh state for a new thread."""
        return EngineState()

    def warm(self) -> int:
        """Compile now the word-start regexes otherwise built on first use (a few seconds'
        work a worker does before it takes traffic); return how many were compiled."""
        return self._vocab.warm()

    def read(self, state: EngineState, turn: Turn) -> tuple[EngineState, Assessment | None]:
        """Agent turns update state and return None; customer turns return an Assessment."""
        new = state.copy()
        index = new.turn
        new.turn += 1
        if turn.role is Role.AGENT:
            self._read_agent(new, turn)
            return new, None
        assessment = self._read_customer(new, turn, index)
        new.last_role = Role.CUSTOMER.value
        return new, assessment

    def agent_families(self, text: str) -> list[str]:
        """The agent families an agent reply shows (apology, fix, canned wording...)."""
        return self._agent_families(prepare(text).lower)

    def _agent_families(self, lower: str) -> list[str]:
        live = self._vocab.index(lower).live  # most families have no word in the reply
        families = [
            rid
            for rid, rx, unless in self.agent_rules
            if rx.pid in live
            and rx.search(lower) is not None
            and (unless is None or rx.search(blank(lower, unless)) is not None)
        ]
        if F.AGENT_JOKING in families:  # "haha tell him it's sold out": a joke, not a refusal
            families = [f for f in families if f not in F.AGENT_SETBACKS]
        return families

    def _read_agent(self, state: EngineState, turn: Turn) -> None:
        prep = prepare(turn.text)
        families = self._agent_families(prep.lower)
        if "?" in prep.prose:
            families.append(F.AGENT_ASKED)
        hashes = sorted(prep.content_hashes | link_hashes(turn.text))[:MAX_HASHES]
        if len(hashes) >= 4 and len(state.agent_hashes) >= 4:
            shared = len(set(hashes).intersection(state.agent_hashes))
            if shared / min(len(hashes), len(state.agent_hashes)) >= SAME_ANSWER_OVERLAP:
                families.append(F.SAME_ANSWER)
        if F.AGENT_DONE in families:
            state.stuck_rounds = 0
        beyond_them = F.AGENT_ABOVE_LEVEL in families or (
            F.AGENT_CANNOT_GRANT in families and self._not_theirs.found(prep.lower)
        )
        if beyond_them and not state.open_requests:
            # the customer's ask had no words we know ("reconnect us now"), but the agent's
            # answer says it is beyond what they may grant: that is the ask, still open (a
            # plain "we can't" of the service's, "we're unable to make manual bookings", is not)
            said = shorten(prep.prose, SIGNAL_LIMIT)
            state.open_requests = [[RequestKind.EXCEPTION.value, None, "", said, state.turn - 1]]
        if state.last_role != Role.AGENT.value:
            state.answers += 1
        state.last_agent = families
        state.agent_joked = F.AGENT_JOKING in families
        state.agent_hashes = hashes
        state.agent_said = _newest(state.agent_said, hashes, MAX_SAID)
        state.agent_figures = sorted(figure_hashes(prep.lower))[:MAX_HASHES]
        state.last_role = Role.AGENT.value

    # --- customer messages -------------------------------------------------------------------

    def features(self, state: EngineState, turn: Turn, prep: Prepared | None = None) -> Reading:
        """Run the pipeline on one customer message (the state is read, not changed)."""
        reading = Reading(
            prep=prep or prepare(turn.text),
            turn=turn,
            state=state,
            customer_turn=state.customer_turns,
            after_agent=state.last_role == Role.AGENT.value,
            features=Features(),
        )
        for _, step in self.pipeline:
            step(reading)
        return reading

    def combine(self, feats: Features) -> tuple[float, list[Signal]]:
        """The combiner's logit and the contribution of every feature, largest first."""
        z = self.combiner.bias
        signals: list[Signal] = []
        for name, value in feats.values.items():
            w = self._weights.get(name, 0.0)
            part = w * value
            z += part
            hit = feats.hits.get(name)
            if hit is not None and abs(part) >= 0.01:
                signals.append(Signal(name, hit.label, hit.evidence, round(part, 3)))
        signals.sort(key=lambda s: -abs(s.weight))
        return z, signals

    def _read_customer(self, state: EngineState, turn: Turn, index: int) -> Assessment:
        reading = self.features(state, turn)
        prep = reading.prep
        customer_turn = state.customer_turns
        state.customer_turns += 1
        if not prep.handled_language:
            return self._neutral(state, turn, index, customer_turn)
        z, signals = self.combine(reading.features)
        score = sigmoid(z)
        return self._finish(state, reading, index, customer_turn, z, score, signals)

    def _neutral(
        self, state: EngineState, turn: Turn, index: int, customer_turn: int
    ) -> Assessment:
        state.last_customer_ts = turn.ts
        state.last_customer = turn.author
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

    def level_of(self, score: float, warm: bool, heated: bool) -> Level:
        """The level for a score. "Frustrated" needs a blunt message or some heat beyond a
        problem report (`warm`), "angry" heat in the words or a spoken cue (`heated`); short of
        that a score reads one level lower: a polite problem report is uneasy, a serious
        polite complaint frustrated."""
        cuts = self.combiner.cuts
        if score >= cuts.angry and heated:
            return Level.ANGRY
        if score >= cuts.frustrated and (warm or heated):
            return Level.FRUSTRATED
        if score >= cuts.uneasy:
            return Level.UNEASY
        return Level.CALM

    def _meant(self, reading: Reading) -> list[tuple[CueKind, str, str]]:
        """Cue kinds the message reads like by meaning (its sentences against the bank)."""
        if self.bank is None or self.tone.embedder is None or not reading.prep.tokens:
            return []
        parts = sentences(reading.prep.prose)
        if len(parts) <= 1 and reading.vector is not None:
            vectors = [reading.vector]
            parts = parts or [reading.prep.prose]
        else:
            vectors = [self.tone.embedder.embed(p.lower()) for p in parts]
        return [
            (m.kind, parts[m.sentence], m.example)
            for m in self.bank.match(vectors)
            if self.bank.holds(m.kind, parts[m.sentence])
        ]

    def _was_heated(self, state: EngineState) -> bool:
        """The previous customer message was frustrated already (heat carries over)."""
        return state.level in (Level.FRUSTRATED, Level.ANGRY)

    def trend_of(self, state: EngineState, z: float) -> Trend:
        """Rising when this message scores clearly above the previous one (in log-odds)."""
        if state.last_logit is None:
            return Trend.STEADY
        delta = max(-_LOGIT_CAP, min(_LOGIT_CAP, z)) - state.last_logit
        if delta > self.tuning.trend_logit:
            return Trend.RISING
        if delta < -self.tuning.trend_logit:
            return Trend.COOLING
        return Trend.STEADY

    def _finish(
        self,
        state: EngineState,
        reading: Reading,
        index: int,
        customer_turn: int,
        z: float,
        score: float,
        signals: list[Signal],
    ) -> Assessment:
        t = self.tuning
        prep, turn = reading.prep, reading.turn
        topic = reading.topic
        situation = self.reader.read(
            prep.lower,
            strip_quoted(prep.lower),
            signals,
            score,
            index,
            topic,
            upset=score >= self.combiner.cuts.uneasy,
            original=prep.prose,
            # likeness to the cue examples only counts for an upset customer, and not in a vent
            # about someone else ("... not your problem, I know"): skip it otherwise
            meant=(
                self._meant(reading)
                if score >= self.combiner.cuts.uneasy and not reading.features.has("calm.elsewhere")
                else []
            ),
            in_earnest=score >= self.combiner.cuts.frustrated
            or reading.features.has(*t.laugh_is_scorn),
        )
        was_heated = self._was_heated(state)
        # a complaint about the service in this message, or an earlier one that read uneasy or
        # worse ("for the fourth week the trucks vanish from the map" ... "we replace the vendor")
        # "not a complaint", "we moved" (the own-reason step may have looked already)
        no_fault = reading.no_fault
        if no_fault is None:
            no_fault = self._no_fault.found(prep.lower)
        complains = reading.features.has(*t.grievance) and not no_fault
        grievance = was_heated or state.grieved or complains
        thanking = reading.features.has("calm.praise") or (
            reading.features.has("calm.thanks") and self._appreciate_if.search(prep.lower) is None
        )
        if thanking and not grievance and self._pass_on.search(prep.lower):
            # thanks to pass up to someone's manager ask for no manager (in a thread with no
            # complaint: after one, "thanks, now pass this to your manager" is one)
            calm_cues = tuple(c for c in situation.cues if c.kind is not CueKind.MANAGER_REQUEST)
            situation = replace(situation, cues=calm_cues)
        if (
            reading.features.has("calm.cheer")
            and not grievance
            and score < self.combiner.cuts.uneasy
        ):
            jokes = tuple(c for c in situation.cues if c.kind not in _JOKE_PRONE)
            situation = replace(situation, cues=jokes)
        # (and so is a temper the message itself puts on in a supposition, `supposed_temper`)
        calm_now = (
            score < self.combiner.cuts.uneasy
            or reading.features.has("calm.own_slip", "calm.resolved")
            or reading.put_on
        )
        if not (was_heated or state.grieved) and calm_now:
            # a menace put as a supposition in a calm thread with no complaint before is banter:
            # "if it does this during the christmas rush I'm driving over there with my hottest
            # soldering iron 🔥🔨", "If it hadn't been that simple I was going to post our
            # angriest cuckoo clock to your office"
            supposed = tuple(
                c
                for c in situation.cues
                if not (c.kind is CueKind.THREAT_ABUSE and _in_if_sentence(prep.lower, c.evidence))
            )
            situation = replace(situation, cues=supposed)
        if reading.features.has("calm.elsewhere") or reading.aimed_away:
            # names called in a message that says the upset is not with us (or puts it with
            # someone else, `aimed_elsewhere`), and reads no more than
            # uneasy, are someone else's ("yes I know it's *them* not you ... absolute clowns 🤡");
            # hotter, they are when their sentence names nobody of ours but in the aside clearing
            # us ("Our courier (not you, don't worry) has let us down again, useless lot.")
            cool = score < self.combiner.cuts.frustrated
            aimed = tuple(
                c
                for c in situation.cues
                if c.kind is not CueKind.THREAT_ABUSE
                or (not cool and _names_us(prep.lower, c.evidence))
            )
            situation = replace(situation, cues=aimed)
        if left_for_own_reason(state, reading.features):
            # "does cancelling the plan delete everything?" after "our parent company moved
            # everyone to one provider": how to leave, for a reason given earlier (`own_reason`);
            # and "cc our counsel, she's the one filing" after "nothing wrong, just customs
            # formalities": the customer's own lawyer on their own paperwork
            staying = tuple(c for c in situation.cues if c.kind not in _OWN_REASON_QUIET)
            situation = replace(situation, cues=staying)
        elif says_own_reason(no_fault, reading.features):
            # leaving for a reason of their own given now, whatever came before ("the sync
            # failed twice" ... "cancel the storm add-on. Nothing wrong with it, our reinsurer
            # covers it now"); a lawyer named in the same breath keeps their cue ("our counsel is
            # drafting a formal notice of breach")
            staying = tuple(c for c in situation.cues if c.kind is not CueKind.CHURN)
            situation = replace(situation, cues=staying)
        disowned = _disowns_ask(prep.lower)
        for kind in situation.owed:
            if kind.value not in state.owed:
                state.owed.append(kind.value)
        if state.owed and any(r.kind.value in state.owed for r in situation.requests):
            # asked again for what the thread showed is owed ("charged 2 times ... refund one",
            # then "It is 340 euro. Yes or no, you refund it??"): chasing it, not a grant
            left = tuple(r for r in situation.requests if r.kind.value not in state.owed)
            kept = (
                situation.cues
                if left
                else tuple(c for c in situation.cues if c.kind is not CueKind.BEYOND_AUTHORITY)
            )
            situation = replace(situation, cues=kept, requests=left)
        if disowned:
            # the ask the agent refused was never made: "I wasn't asking for a refund, I was
            # asking what I do with him"
            asked = tuple(c for c in situation.cues if c.kind is not CueKind.BEYOND_AUTHORITY)
            situation = replace(situation, cues=asked, requests=())
        spoken = [c for c in situation.cues if c.kind not in _QUIET_CUES and _counts(c, grievance)]
        heated = bool(spoken) or reading.features.has(*t.angry_needs)
        if heated and not spoken and customer_turn == 0 and reading.features.has(*t.polite):
            # a polite opening report of a problem that came back ("Hello, ... same thing happened
            # last month. Can you please refund the double one?"): the recurrence is its news, not
            # heat in the words
            heated = reading.features.has(*self._heat_beyond_recurrence)
        warm = (
            not reading.features.has(*t.polite)
            or reading.features.has(*t.frustrated_needs)
            or (reading.after_agent and reading.features.has(*t.frustrated_needs_after_agent))
            or was_heated
        )
        level = self.level_of(score, warm, heated)
        state.grieved = state.grieved or (complains and level is not Level.CALM)
        # a reason of their own for what they change, said calmly, holds for the thread
        if level in (Level.CALM, Level.UNEASY) and no_fault:
            state.own_reason = True
        trend = self.trend_of(state, z)
        heat = (
            score if customer_turn == 0 else t.heat_alpha * score + (1 - t.heat_alpha) * state.heat
        )
        state.heat = heat
        if level is not state.level:
            state.level = level
            state.tipped_by = index
        frustrated = level in (Level.FRUSTRATED, Level.ANGRY)
        state.frustrated_rounds = state.frustrated_rounds + 1 if frustrated else 0
        for ctype, ev in situation.types:
            state.type_counts[ctype.value] = state.type_counts.get(ctype.value, 0) + 1
            state.type_evidence[ctype.value] = ev
        for trig, ev in situation.triggers:
            state.trigger_counts[trig.value] = state.trigger_counts.get(trig.value, 0) + 1
            state.trigger_evidence[trig.value] = ev
        if topic is not None:
            state.topic_counts[topic] = state.topic_counts.get(topic, 0) + 1
        cues = list(situation.cues)
        # going round: the customer asks again after an agent reply that delivered nothing
        delivered = any(f in F.PROGRESS for f in state.last_agent)
        asked_again = reading.after_agent and not delivered and reading.features.has(*F.STUCK)
        if asked_again and level is not Level.CALM and not reading.features.has("calm.resolved"):
            state.stuck_rounds += 1
        elif reading.features.has("calm.resolved") or (
            # a calm message resets the rounds only once the agent has moved something: a polite
            # third "Is there a date I can give our quality manager?" after holding lines is still
            # the same ask
            level is Level.CALM and (delivered or not reading.after_agent)
        ):
            state.stuck_rounds = 0
        # "third time I've asked", "we are going in circles", after as many agent answers as rounds
        # (two agent messages in a row are one answer), or counted by the asks themselves: the ask
        # put a third time after two replies that moved nothing ("Third time asking. Yes or no?")
        says_so = reading.features.has(F.SAYS_LOOP) and (
            state.answers >= t.escalate_rounds
            or (
                # (rounds of asking again imply as many replies, so the replies are counted),
                # whatever they asked back ("Could you also recalibrate the probe?" ... "Third
                # time asking: ... yes or no?")
                reading.after_agent
                and state.answers >= t.escalate_rounds - 1
                and F.AGENT_DONE not in state.last_agent
                and _ASKS_COUNTED.search(prep.lower) is not None
                # ... and demanding a straight answer ("yes or no?", "or not?"), unless the last
                # reply promised a step of its own or held the line ("I'll chase billing today",
                # "Our team is looking into it"): the count then presses what is still open, the
                # thread is rising, not yet a loop; or the customer says the reply only said
                # again what the one before did ("That's the same answer as before. I'm asking a
                # simple question for the third time")
                and (
                    (
                        _STRAIGHT_ANSWER.search(prep.lower) is not None
                        and not _still_holding(state.last_agent)
                    )
                    or _SAME_REPLY.search(prep.lower) is not None
                )
            )
        )
        if (state.stuck_rounds >= t.escalate_rounds and frustrated) or (says_so and frustrated):
            ask = f"asked about {topic} {state.topic_counts.get(topic, 1)} times" if topic else ""
            cues.append(
                Cue(
                    CueKind.STALEMATE,
                    ask or "same ask repeated while still upset",
                    "The customer has asked again for several rounds without progress.",
                    index,
                    0.7,
                )
            )
        if level is Level.ANGRY or any(
            c.strength >= t.escalate_cue_strength
            for c in cues
            if c.kind is not CueKind.BEYOND_AUTHORITY and _counts(c, grievance)
        ):
            state.escalated = True
        wants = self.reader.wants_for(topic, situation.requests)
        if wants:
            state.wants = wants
        # a "no" that comes with something the agent can give instead answers the ask: it stays
        # open only if the customer asks again
        declined = (
            reading.after_agent
            and any(f in F.DECLINED for f in state.last_agent)
            and F.AGENT_OFFER not in state.last_agent
        )
        # a plain no ("unfortunately the class had to be cancelled") refuses an ask already open
        # when the agent answered, or one the customer insists on against it ("No. I want sage
        # waistcoats by Friday"): an ask first made in this message, unpushed ("a new date, a
        # refund?"), has had no answer yet; saying it is not theirs to grant refuses whatever is
        # asked
        insisted = reading.features.has("dialog.no", "dialog.pushback")
        refused = reading.after_agent and (
            any(f in F.NOT_THEIRS for f in state.last_agent)
            or (F.PLAIN_NO in state.last_agent and (bool(state.open_requests) or insisted))
        )
        above_level = reading.after_agent and F.AGENT_ABOVE_LEVEL in state.last_agent
        minimised = reading.after_agent and F.AGENT_MINIMISED in state.last_agent
        requests = situation.requests
        if (
            requests
            and reading.after_agent
            and F.AGENT_OFFER in state.last_agent
            and state.open_requests
            and _quotes_the_offer(requests, self.open_requests(state))
        ):
            # the offer quoted back as too little is no new ask ("I'd like a credit for that
            # (€2,900)" ... "I can apply the standard SLA credit (€49)" ... "€49. That's not a
            # credit, that's an insult."): the first ask still stands
            requests = self.open_requests(state)
            situation = replace(situation, requests=requests)
        if disowned:
            state.open_requests = []
        if requests:  # the customer's latest asks stay open until they ask something else
            state.open_requests = [
                [r.kind.value, r.amount, r.currency, r.evidence, r.turn] for r in requests[:3]
            ]
        elif declined and state.open_requests:  # "I can't approve that": the ask is still open
            requests = self.open_requests(state)
        unsettled = (
            reading.after_agent
            and state.last_logit is not None
            and state.last_logit >= self._uneasy_z
        )
        self._remember(state, prep, turn, z, reading.asks)
        state.was_warm = state.was_warm or reading.features.has(*F.WARM_PREFIXES)
        state.vented_elsewhere = (
            state.vented_elsewhere or reading.aimed_away or reading.features.has("calm.elsewhere")
        )
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
            requests=requests,
            escalate=state.escalated,
            agent_declined=declined,
            agent_refused=refused,
            agent_above_level=above_level,
            agent_minimised=minimised,
            agent_asked_given=reading.gave_again,
            heated=heated,
            grievance=grievance,
            unsettled=unsettled,
            margin=round(z - self._frustrated_z, 3),
        )

    def _remember(
        self, state: EngineState, prep: Prepared, turn: Turn, z: float, asks: bool | None
    ) -> None:
        state.recent_hashes.append(sorted(prep.content_hashes)[:MAX_HASHES])
        del state.recent_hashes[:-RECENT]
        refs = ref_hashes(prep.lower)
        if refs:
            state.given_refs = _newest(state.given_refs, sorted(refs), MAX_REFS)
        state.last_customer_ts = turn.ts
        state.last_customer = turn.author
        state.last_asked = asks_question(turn.text) if asks is None else asks
        state.last_logit = max(-_LOGIT_CAP, min(_LOGIT_CAP, z))
        state.peak_logit = max(state.last_logit, state.peak_logit or -_LOGIT_CAP)
        state.last_agent = []

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
