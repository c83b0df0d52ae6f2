"""The coach: tracks which framework steps an agent took and whispers the next one, sparingly.

Pure and deterministic: no I/O, `now` is passed in. Wording comes from the coaching phrasebook; the
state kept per thread (`CoachState`) holds ids, turn numbers and short quotes of the *agent's* own
slips only, never customer text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from bot.core.models import Assessment, Level, Role, Situation, Trend, Turn
from bot.core.textquote import shorten
from phrasebook.coaching import (
    TOPIC_LIMIT,
    CoachingBook,
    Framework,
    HintPreset,
    Phrasing,
    Slip,
    Step,
    names_feature,
)
from phrasebook.render import render

HEADLINE_LIMIT = 90
WHY_LIMIT = 200
EVIDENCE_LIMIT = 60
SAID_LIMIT = 60
SCAN_HALF = 1500  # long replies: scan the first and last 1,500 chars (bounds the regex cost)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


class Severity(StrEnum):
    """How loudly a hint speaks: calm threads get none, rising unease a nudge, anger urgent."""

    INFO = "info"
    NUDGE = "nudge"
    URGENT = "urgent"


@dataclass(frozen=True, slots=True)
class Hint:
    """One whisper to the agent: the next step, why now, and what they could say."""

    id: str  # stable: "<framework>.<step>.<first phrasing or slip id>"
    step_id: str
    step_title: str
    severity: Severity
    headline: str  # one line, <= 90 chars
    why: str  # the reason, quoted from the assessment
    phrasings: tuple[str, ...]  # 1-2 suggestions, tailored to customer type and trigger
    slip_fix: str | None = None  # kinder alternative to the agent's own defensive/canned words


@dataclass(frozen=True, slots=True)
class StepMark:
    """A framework step, and the thread turn where the agent took it (None: not yet)."""

    step_id: str
    title: str
    turn: int | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    """Which steps of the framework a thread has covered, and which one comes next."""

    framework_id: str
    framework_title: str
    done: tuple[StepMark, ...]
    missing: tuple[StepMark, ...]
    next_step: StepMark | None

    @property
    def done_titles(self) -> tuple[str, ...]:
        """Titles of the steps taken, in framework order."""
        return tuple(m.title for m in self.done)


# what, beside praise, says the customer is still pressing: a rebuttal, a loaded question, the fault
_PRESSING = ("dialog.", "press.", "problem.", "repeat.", "neglect.", "wait.", "feel.", "verdict.")


@dataclass(frozen=True, slots=True)
class CoachState:
    """Per-thread coaching memory; JSON-safe and free of customer text."""

    framework_id: str
    done: tuple[tuple[str, int], ...] = ()  # (step id, turn) in the order they were taken
    shown: tuple[str, ...] = ()  # hint ids already whispered
    shown_phrasings: tuple[str, ...] = ()
    hinted_steps: tuple[str, ...] = ()  # step id of each hint whispered
    last_hint_at: float | None = None
    agent_turns: int = 0  # agent replies observed
    hint_agent_turns: int = -1  # agent replies observed when the last hint went out
    last_turn: int = -1  # highest thread turn index seen
    pending_slips: tuple[tuple[str, str], ...] = ()  # (slip id, the agent's words)
    fixed_slips: tuple[str, ...] = ()  # slip ids already coached
    deferred: int | None = None  # turn of a borderline reading waiting for confirmation
    # agent replies seen when the last customer reading was uneasy or worse (None: it was calm)
    strained_at: int | None = None

    @property
    def done_ids(self) -> frozenset[str]:
        """Ids of the steps taken."""
        return frozenset(step_id for step_id, _ in self.done)

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe dict (lists, strings, numbers)."""
        return {
            "v": 1,
            "framework_id": self.framework_id,
            "done": [[s, t] for s, t in self.done],
            "shown": list(self.shown),
            "shown_phrasings": list(self.shown_phrasings),
            "hinted_steps": list(self.hinted_steps),
            "last_hint_at": self.last_hint_at,
            "agent_turns": self.agent_turns,
            "hint_agent_turns": self.hint_agent_turns,
            "last_turn": self.last_turn,
            "pending_slips": [[i, s] for i, s in self.pending_slips],
            "fixed_slips": list(self.fixed_slips),
            "deferred": self.deferred,
            "strained_at": self.strained_at,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CoachState:
        """Rebuild a state written by `to_json`; raise ValueError on a malformed dict."""
        try:
            last = data.get("last_hint_at")
            return cls(
                framework_id=str(data["framework_id"]),
                done=tuple((str(s), int(t)) for s, t in data.get("done", [])),
                shown=tuple(str(x) for x in data.get("shown", [])),
                shown_phrasings=tuple(str(x) for x in data.get("shown_phrasings", [])),
                hinted_steps=tuple(str(x) for x in data.get("hinted_steps", [])),
                last_hint_at=None if last is None else float(last),
                agent_turns=int(data.get("agent_turns", 0)),
                hint_agent_turns=int(data.get("hint_agent_turns", -1)),
                last_turn=int(data.get("last_turn", -1)),
                pending_slips=tuple((str(i), str(s)) for i, s in data.get("pending_slips", [])),
                fixed_slips=tuple(str(x) for x in data.get("fixed_slips", [])),
                deferred=None if data.get("deferred") is None else int(data["deferred"]),
                strained_at=None if data.get("strained_at") is None else int(data["strained_at"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a coach state: {exc}") from exc


def _compile(patterns: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _clip(text: str, limit: int) -> str:
    """Our own wording cut at a word boundary (quotes of people use `textquote.shorten`)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Coach:
    """Framework tracking, next-step hints and anti-fatigue rules over one coaching book."""

    def __init__(self, book: CoachingBook) -> None:
        self.book = book
        self.policy = book.policy
        self._detectors = {name: _compile(p) for name, p in book.detectors.items()}
        self._slips: tuple[tuple[Slip, re.Pattern[str]], ...] = tuple(
            (s, _compile(s.patterns)) for s in book.slips
        )
        self._slip_by_id = {s.id: s for s in book.slips}
        self._phrasings = {step_id: book.phrasings_for(step_id) for step_id in book.all_steps()}

    # --- state -----------------------------------------------------------------------------

    def start(self, framework_id: str | None = None) -> CoachState:
        """A fresh thread state on the given framework (None: the policy default)."""
        fw = self.book.framework(framework_id)
        return CoachState(framework_id=fw.id)

    def _framework(self, state: CoachState) -> Framework:
        return self.book.frameworks.get(state.framework_id) or self.book.framework()

    def observe_agent(self, state: CoachState, turn: Turn) -> CoachState:
        """Record the steps an agent reply took and any slip in it (customer turns: ignored)."""
        if turn.role is not Role.AGENT:
            return state
        text = turn.text
        if len(text) > 2 * SCAN_HALF:
            text = f"{text[:SCAN_HALF]}\n…\n{text[-SCAN_HALF:]}"
        text = text.translate(_APOSTROPHES)
        index = state.last_turn + 1
        fw = self._framework(state)
        done = dict(state.done)
        by_id = {s.id: s for s in fw.steps}
        for step in fw.steps:
            if step.id in done or not any(self._detectors[d].search(text) for d in step.detect):
                continue
            done[step.id] = index
            for implied in step.implies:
                done.setdefault(implied, index)
        ordered = tuple((s, t) for s, t in done.items() if s in by_id)
        pending = list(state.pending_slips)
        known = {i for i, _ in pending} | set(state.fixed_slips)
        for slip, pattern in self._slips:
            match = None if slip.id in known else pattern.search(text)
            if match:
                pending.append((slip.id, shorten(match.group(0), SAID_LIMIT)))
        return replace(
            state,
            done=ordered,
            agent_turns=state.agent_turns + 1,
            last_turn=index,
            pending_slips=tuple(pending),
        )

    # --- advice ----------------------------------------------------------------------------

    def severity(self, assessment: Assessment) -> Severity | None:
        """Calm -> None; uneasy and rising -> nudge; frustrated or angry -> urgent."""
        if not assessment.handled_language:
            return None
        if assessment.level in (Level.FRUSTRATED, Level.ANGRY):
            return Severity.URGENT
        if assessment.level is Level.UNEASY:
            if assessment.trend is Trend.RISING or assessment.frustrated:
                return Severity.NUDGE
            return Severity.INFO if self.policy.hint_when_uneasy_steady else None
        return Severity.NUDGE if assessment.escalate else None

    def decide(
        self,
        state: CoachState,
        assessment: Assessment,
        preset: HintPreset,
        learned: float = 0.0,
        *,
        answered: bool = False,
    ) -> tuple[CoachState, Severity | None]:
        """Whisper now, wait for confirmation, or stay quiet, like a good team lead.

        Frustration present with confidence (angry, a spoken cue, or frustrated clearly above the
        cut: `preset.confident_margin` plus what the channel `learned` from "not helpful") ->
        whisper. A borderline frustrated reading is held until the next customer message: if
        that one is still uneasy or worse, the hint goes out; if it is calm, it never does. A
        borderline reading after an uneasy-or-worse one, with an agent reply between them, is
        confirmed already (`preset.strain_confirms`): the strain outlasted the agent's answer (a
        second message of the same round, a double text, confirms nothing).
        A calm reading that raises a cue of its own with the engine's escalate verdict (a regulator
        told evenly) gets a gentle hint: the agent still has a step to take.
        `answered`: the agent has already replied to this message (the thread's first agent
        joining after the customer opened upset): short of urgent, wait for how the customer
        takes the reply, as for a borderline reading.
        """
        if not assessment.handled_language:
            return state, None
        state, severity = self._decide(state, assessment, preset, learned, answered=answered)
        strained_at = None if assessment.level is Level.CALM else state.agent_turns
        return replace(state, strained_at=strained_at), severity

    def _decide(
        self,
        state: CoachState,
        assessment: Assessment,
        preset: HintPreset,
        learned: float,
        *,
        answered: bool,
    ) -> tuple[CoachState, Severity | None]:
        level = assessment.level
        waiting = state.deferred is not None and state.deferred < assessment.turn
        strained = (
            preset.strain_confirms
            and state.strained_at is not None
            and state.agent_turns > state.strained_at
        )
        urgent = level is Level.ANGRY or bool(assessment.escalate and assessment.cues)
        # a thread a supervisor was called to, and the agent's reply played it down ("just delete
        # it", "probably a display glitch"): the agent has a step to take, however evenly the
        # customer answers
        shrugged = assessment.escalate and assessment.agent_minimised
        # asked for what the customer gave at the start, who gives it back flatly ("24-118, as
        # above"): the agent did not read the thread, a step a lead would point out however
        # evenly the customer says it
        reread = assessment.agent_asked_given
        if level is Level.CALM:
            # said evenly, a cue this message raised (a regulator told, someone else's records in
            # view) still leaves the agent a step to take; an old cue in a calm reply does not
            fresh = urgent and any(c.turn == assessment.turn for c in assessment.cues)
            nudge = fresh or shrugged or reread
            return replace(state, deferred=None), Severity.NUDGE if nudge else None
        if level is Level.FRUSTRATED:
            # sure: clearly above the cut, or above it with heat in the words (a borderline
            # score with "useless", "furious" or "are you kidding" in it is no misreading)
            sure = assessment.margin >= preset.confident_margin + learned or (
                assessment.heated and preset.heat_is_sure and assessment.margin >= learned
            )
            # what gets a calm reading a nudge (the trouble played down in a thread a supervisor
            # was called to, the thread not read) is no borderline to wait on
            if (
                urgent
                or shrugged
                or reread
                or ((sure or waiting or strained) and not answered)
                or not preset.defer
            ):
                return replace(state, deferred=None), Severity.URGENT
            return replace(state, deferred=assessment.turn), None
        if urgent:
            return replace(state, deferred=None), Severity.URGENT
        if shrugged or reread:
            return replace(state, deferred=None), Severity.NUDGE
        if waiting:  # a borderline reading, then the next message: confirmed or dropped
            # "that'd be it, works now" settles it whatever the score still carries
            # (and so does praise with nothing pressing beside it: "oh brilliant, you're a star.
            # DHL for the next few orders too"; not "Good to know." after a rebuttal)
            ids = {sig.id for sig in assessment.signals}
            praised = "calm.praise" in ids and not any(i.startswith(_PRESSING) for i in ids)
            settled = "calm.resolved" in ids or praised
            # ... and a chase of the same matter ("?", "Hello?") is the strain going on
            chased = "wait.still" in ids
            if (assessment.margin >= preset.confirm_margin + learned or chased) and not settled:
                return replace(state, deferred=None), Severity.NUDGE  # confirmed: gentler
            return replace(state, deferred=None), None
        if preset.uneasy_rising and assessment.trend is Trend.RISING:
            return state, Severity.NUDGE
        if preset.uneasy_unsettled and self._unsettled(assessment):
            return state, Severity.NUDGE
        if self.policy.hint_when_uneasy_steady:
            return state, Severity.INFO
        return state, None

    def advise(
        self,
        state: CoachState,
        assessment: Assessment,
        now: float,
        *,
        snoozed: bool = False,
        preset: HintPreset | None = None,
        learned: float = 0.0,
        answered: bool = False,
    ) -> tuple[CoachState, Hint | None]:
        """On a customer message: maybe one hint, within budget, cooldown and snooze
        (`answered`: see `decide`)."""
        state = replace(state, last_turn=max(state.last_turn, assessment.turn))
        if snoozed or self._agent_replied_since(state, assessment):
            return state, None
        state, severity = self.decide(
            state, assessment, preset or self.policy.preset_for(""), learned, answered=answered
        )
        if severity is None or len(state.shown) >= self.policy.budget:
            return state, None
        # the cooldown stops a burst of hints inside one round; once an agent has replied since
        # the last hint and the customer is still upset, the next step is worth a whisper
        cooling = (
            state.last_hint_at is not None and now - state.last_hint_at < self.policy.cooldown_s
        )
        if cooling and state.agent_turns <= state.hint_agent_turns:
            return state, None
        hint, phrasing_ids, slip_id = self._compose(state, assessment, severity, fresh=True)
        if hint is None or hint.id in state.shown:
            return state, None
        return (
            replace(
                state,
                shown=(*state.shown, hint.id),
                shown_phrasings=(*state.shown_phrasings, *phrasing_ids),
                hinted_steps=(*state.hinted_steps, hint.step_id),
                last_hint_at=now,
                hint_agent_turns=state.agent_turns,
                pending_slips=tuple(p for p in state.pending_slips if p[0] != slip_id),
                fixed_slips=state.fixed_slips if slip_id is None else (*state.fixed_slips, slip_id),
            ),
            hint,
        )

    def reading(self, state: CoachState, assessment: Assessment | None, now: float) -> Hint | None:
        """The best hint right now for "Coach me on this thread", ignoring budget and cooldown."""
        del now  # a reading is on demand; kept for a uniform, clock-passing API
        severity = (self.severity(assessment) if assessment else None) or Severity.INFO
        hint, _, _ = self._compose(state, assessment, severity, fresh=False)
        return hint

    def progress(self, state: CoachState) -> Progress:
        """Steps done (with turns), steps missing, and the next step in framework order."""
        fw = self._framework(state)
        done_turns = dict(state.done)
        done = tuple(
            StepMark(s.id, s.title, done_turns[s.id]) for s in fw.steps if s.id in done_turns
        )
        missing = tuple(StepMark(s.id, s.title) for s in fw.steps if s.id not in done_turns)
        nxt = next(iter(self._candidates(state, None, escalating=False, fresh=False)), None)
        return Progress(
            framework_id=fw.id,
            framework_title=fw.title,
            done=done,
            missing=missing,
            next_step=StepMark(nxt.id, nxt.title) if nxt else None,
        )

    # --- internals -------------------------------------------------------------------------

    def _unsettled(self, assessment: Assessment) -> bool:
        """Uneasy again after the agent's answer, with heat in the words and pushback, the problem
        back, the wait or a broken promise in them ("we did that. twice. your tech did it too"):
        the reply did not land, which a lead would not leave uncoached."""
        names = self.policy.unsettled_signals
        return (
            assessment.unsettled
            and assessment.heated
            and any(
                sig.weight > 0 and any(names_feature(n, sig.id) for n in names)
                for sig in assessment.signals
            )
        )

    def _reopened(self, state: CoachState, assessment: Assessment | None) -> frozenset[str]:
        """Steps the agent took that this customer message says did not hold (`reopen_on`)."""
        if assessment is None:
            return frozenset()
        fired = [sig.id for sig in assessment.signals if sig.weight > 0]
        return frozenset(
            step.id
            for step in self._framework(state).steps
            if step.id in state.done_ids
            and any(names_feature(n, f) for n in step.reopen_on for f in fired)
        )

    @staticmethod
    def _agent_replied_since(state: CoachState, assessment: Assessment) -> bool:
        """True when an agent reply came after this customer message (it is already answered)."""
        return state.agent_turns > assessment.replies_before

    def _candidates(
        self,
        state: CoachState,
        situation: Situation | None,
        *,
        escalating: bool,
        fresh: bool,
        reopened: frozenset[str] = frozenset(),
    ) -> list[Step]:
        fw = self._framework(state)
        done = state.done_ids
        order = {s.id: i for i, s in enumerate(fw.steps)}
        furthest = max((order[s] for s in done if s in order), default=-1)
        lead: tuple[str, ...] = ()
        if situation is not None and situation.customer_type is not None:
            lead = self.book.customer_types[situation.customer_type].lead_steps
        first = [s for s in fw.steps if escalating and s.whisper == "on_escalation"]
        first += [s for s in fw.steps if s.id in lead and s not in first]
        steps = first + [s for s in fw.steps if s not in first]
        out: list[Step] = []
        for step in steps:
            if (step.id in done and step.id not in reopened) or step.whisper == "never":
                continue
            if step.whisper == "on_escalation" and not escalating:
                continue
            if not step.catch_up and order[step.id] < furthest and step.id not in reopened:
                continue
            if fresh and state.hinted_steps.count(step.id) >= self.policy.max_hints_per_step:
                continue
            out.append(step)
        return out

    def _pick_phrasings(
        self, step_id: str, situation: Situation, exclude: Sequence[str]
    ) -> tuple[Phrasing, ...]:
        ctype, trigger = situation.customer_type, situation.trigger
        fits = [
            p
            for p in self._phrasings.get(step_id, ())
            if p.id not in exclude
            and (not p.customer_types or ctype in p.customer_types)
            and (not p.triggers or trigger in p.triggers)
        ]
        fits.sort(key=lambda p: -(2 * bool(p.customer_types) + bool(p.triggers)))
        return tuple(fits[: self.policy.max_phrasings])

    def _topic(self, situation: Situation) -> str:
        return _clip(situation.ask_topic or self.policy.default_topic, TOPIC_LIMIT)

    def _why(self, assessment: Assessment | None, gap: str) -> str:
        parts: list[str] = []
        why = self.policy.why
        if assessment is not None:
            sit = assessment.situation
            signals = [s for s in assessment.signals if s.weight > 0]
            if sit.ask_topic and sit.ask_count >= 2:
                values = {"ordinal": _ordinal(sit.ask_count), "topic": self._topic(sit)}
                parts.append(render(why.ask, {**values, "count": sit.ask_count}))
            elif signals:
                top = max(signals, key=lambda s: s.weight)
                if top.evidence:
                    quote = shorten(top.evidence, EVIDENCE_LIMIT)
                    parts.append(render(why.signal_quote, {"label": top.label, "evidence": quote}))
                else:
                    parts.append(render(why.signal, {"label": top.label}))
            else:
                level = {"level": assessment.level.value, "trend": assessment.trend.value}
                parts.append(render(why.level, level))
        parts.append(gap)
        return _clip("; ".join(parts), WHY_LIMIT)

    def _compose(
        self,
        state: CoachState,
        assessment: Assessment | None,
        severity: Severity,
        *,
        fresh: bool,
    ) -> tuple[Hint | None, tuple[str, ...], str | None]:
        situation = assessment.situation if assessment else Situation()
        escalating = bool(assessment and assessment.escalate)
        topic = {"topic": self._topic(situation)}
        fw = self._framework(state)
        slip: Slip | None = None
        said = ""
        if state.pending_slips:
            slip_id, said = state.pending_slips[0]
            slip = self._slip_by_id.get(slip_id)
        exclude = state.shown_phrasings if fresh else ()
        reopened = self._reopened(state, assessment)
        for step in self._candidates(
            state, situation, escalating=escalating, fresh=fresh, reopened=reopened
        ):
            chosen = self._pick_phrasings(step.id, situation, exclude)
            if not chosen:
                continue
            hint = Hint(
                id=f"{fw.id}.{step.id}.{chosen[0].id}",
                step_id=step.id,
                step_title=step.title,
                severity=severity,
                headline=render(step.headline, topic, limit=HEADLINE_LIMIT),
                why=self._why(
                    assessment, render(step.reopen_gap if step.id in reopened else step.gap, topic)
                ),
                phrasings=tuple(render(p.text, topic) for p in chosen),
                slip_fix=render(slip.fix, {"said": said}) if slip else None,
            )
            return hint, tuple(p.id for p in chosen), slip.id if slip else None
        if slip is None:
            return None, (), None
        step = self.book.all_steps()[slip.step]
        hint = Hint(
            id=f"{fw.id}.{step.id}.{slip.id}",
            step_id=step.id,
            step_title=step.title,
            severity=severity,
            headline=render(self.policy.slip_headline, {"label": slip.label}, limit=HEADLINE_LIMIT),
            why=self._why(assessment, f'you wrote "{said}"'),
            phrasings=(),
            slip_fix=render(slip.fix, {"said": said}),
        )
        return hint, (), slip.id


__all__ = ["Coach", "CoachState", "Hint", "Progress", "Severity", "StepMark"]
