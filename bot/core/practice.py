"""Practice mode: a simulated customer who reacts to what the agent does, and the scorecard.

The customer (a phrasebook persona: type, trigger, situation, lines) starts at some heat. Each
agent reply is read for framework steps (the coaching book's detectors) and slips (its slip
patterns): steps cool the customer, slips heat them up, a reply with no step at all makes them
impatient (amounts from `practice.yaml`). A reply that commits to a next action with a time, once
the customer is cool enough, resolves the round; too much heat and they walk away; otherwise the
round ends after `max_turns` replies. The scorecard lists the steps in the order taken, the
slips, and how fast the customer cooled. Pure: no I/O; nothing here touches real threads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from phrasebook.coaching import CoachingBook, Framework
from phrasebook.practice import Persona, PracticePolicy
from phrasebook.render import render

Outcome = Literal["resolved", "walked_away", "out_of_turns", "ended"]
Bucket = Literal["hotter", "same", "cooler", "resolved", "walked_away"]
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
SCAN_LIMIT = 3000
SAME = 0.02  # a heat change this small reads as "no change"
RESOLVING_STEPS = frozenset({"commit_action", "provide_solution"})


@dataclass(frozen=True, slots=True)
class Round:
    """One practice round (JSON-safe)."""

    persona: str
    framework: str
    heat: float
    turn: int = 0  # agent replies so far
    path: tuple[float, ...] = ()  # heat at the start and after each reply
    steps: tuple[tuple[str, int], ...] = ()  # (step id, reply number), first time taken
    slips: tuple[tuple[str, int], ...] = ()
    said: tuple[str, ...] = ()  # customer lines used (not repeated)
    cooled_at: int | None = None  # reply number after which the customer was cool
    outcome: Outcome | None = None

    @property
    def over(self) -> bool:
        return self.outcome is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "persona": self.persona,
            "framework": self.framework,
            "heat": self.heat,
            "turn": self.turn,
            "path": list(self.path),
            "steps": [list(s) for s in self.steps],
            "slips": [list(s) for s in self.slips],
            "said": list(self.said),
            "cooled_at": self.cooled_at,
            "outcome": self.outcome,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Round:
        cooled = d.get("cooled_at")
        outcome = d.get("outcome")
        return cls(
            persona=str(d["persona"]),
            framework=str(d["framework"]),
            heat=float(d["heat"]),
            turn=int(d.get("turn") or 0),
            path=tuple(float(x) for x in d.get("path") or []),
            steps=tuple((str(s), int(t)) for s, t in d.get("steps") or []),
            slips=tuple((str(s), int(t)) for s, t in d.get("slips") or []),
            said=tuple(str(x) for x in d.get("said") or []),
            cooled_at=None if cooled is None else int(cooled),
            outcome=outcome
            if outcome in ("resolved", "walked_away", "out_of_turns", "ended")
            else None,
        )


@dataclass(frozen=True, slots=True)
class Reaction:
    """How the customer took one reply, and what they say back."""

    bucket: Bucket
    line: str
    steps: tuple[str, ...]  # steps this reply took
    slips: tuple[str, ...]  # slips in this reply
    delta: float


@dataclass(frozen=True, slots=True)
class Scorecard:
    title: str
    outcome: Outcome
    turns: int
    steps: tuple[str, ...]  # step titles, in the order taken
    in_order: bool
    framework_order: tuple[str, ...]
    missing: tuple[str, ...]
    slips: tuple[str, ...]  # slip labels
    cooled_at: int | None
    path: tuple[float, ...]


class Simulator:
    """Plays personas against agent replies, with the coaching book's detectors and slips."""

    def __init__(self, policy: PracticePolicy, coaching: CoachingBook) -> None:
        self.policy = policy
        self.coaching = coaching
        self._detectors = {
            name: re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
            for name, pats in coaching.detectors.items()
        }
        self._slips = tuple(
            (s.id, re.compile("|".join(f"(?:{p})" for p in s.patterns), re.IGNORECASE))
            for s in coaching.slips
        )
        self._slip_labels = {s.id: s.label for s in coaching.slips}

    def framework(self, round_: Round) -> Framework:
        return self.coaching.frameworks.get(round_.framework) or self.coaching.framework()

    def start(self, persona: Persona) -> tuple[Round, str]:
        """A new round and the customer's opening line."""
        heat = persona.start_heat or self.policy.start_heat
        line = persona.opening[0]
        fw = self.coaching.framework()
        return Round(persona.id, fw.id, heat, path=(round(heat, 3),), said=(line,)), line

    def moves(self, round_: Round, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The framework steps and the slips one agent reply shows."""
        text = text[:SCAN_LIMIT].translate(_APOSTROPHES)
        steps: list[str] = []
        for step in self.framework(round_).steps:
            if any(self._detectors[d].search(text) for d in step.detect):
                steps.append(step.id)
                steps += [s for s in step.implies if s not in steps]
        slips = tuple(sid for sid, pattern in self._slips if pattern.search(text))
        return tuple(dict.fromkeys(steps)), slips

    def respond(self, round_: Round, persona: Persona, text: str) -> tuple[Round, Reaction]:
        """The customer's reaction to one agent reply."""
        moves = self.policy.moves
        steps, slips = self.moves(round_, text)
        delta = sum(moves.steps.get(s, 0.0) for s in steps)
        delta += sum(moves.slips.get(s, moves.slip) for s in slips)
        if not steps:
            delta += moves.nothing
        heat = min(1.0, max(0.0, round_.heat + delta))
        turn = round_.turn + 1
        taken = {s for s, _ in round_.steps}
        noted = {s for s, _ in round_.slips}
        new = replace(
            round_,
            heat=heat,
            turn=turn,
            path=(*round_.path, round(heat, 3)),
            steps=round_.steps + tuple((s, turn) for s in steps if s not in taken),
            slips=round_.slips + tuple((s, turn) for s in slips if s not in noted),
            cooled_at=round_.cooled_at
            if round_.cooled_at is not None or heat >= self.policy.cool_below
            else turn,
        )
        resolving = bool(RESOLVING_STEPS & set(steps)) and not slips
        bucket: Bucket
        outcome: Outcome | None
        if heat >= self.policy.walk_away_at and turn >= 2:  # one bad reply gets a second try
            bucket, outcome = "walked_away", "walked_away"
        elif resolving and heat <= self.policy.resolve_max_heat:
            bucket, outcome = "resolved", "resolved"
        else:
            bucket = "cooler" if delta < -SAME else "hotter" if delta > SAME else "same"
            outcome = "out_of_turns" if turn >= self.policy.max_turns else None
        line = self._line(new, persona, bucket)
        cooled = new.cooled_at if new.cooled_at is not None or outcome != "resolved" else turn
        new = replace(new, said=(*new.said, line), outcome=outcome, cooled_at=cooled)
        return new, Reaction(bucket, line, steps, slips, round(delta, 3))

    def end(self, round_: Round) -> Round:
        """The agent stopped the round."""
        return round_ if round_.over else replace(round_, outcome="ended")

    def _line(self, round_: Round, persona: Persona, bucket: Bucket) -> str:
        lines: tuple[str, ...] = getattr(persona.lines, bucket)
        fresh = [line for line in lines if line not in round_.said]
        return fresh[0] if fresh else lines[round_.turn % len(lines)]

    def scorecard(self, round_: Round, persona: Persona) -> Scorecard:
        fw = self.framework(round_)
        titles = {s.id: s.title for s in fw.steps}
        skip = set(self.policy.not_scored)
        order = [s.id for s in fw.steps if s.whisper != "never" and s.id not in skip]
        taken = [s for s, _ in round_.steps if s in titles]
        ranks = [order.index(s) for s in taken if s in order]
        return Scorecard(
            title=persona.title,
            outcome=round_.outcome or "ended",
            turns=round_.turn,
            steps=tuple(titles[s] for s in taken),
            in_order=ranks == sorted(ranks),
            framework_order=tuple(titles[s] for s in order),
            missing=tuple(titles[s] for s in order if s not in taken),
            slips=tuple(self._slip_labels.get(s, s) for s, _ in round_.slips),
            cooled_at=round_.cooled_at,
            path=round_.path,
        )


def scorecard_lines(card: Scorecard, wording: dict[str, str]) -> tuple[str, ...]:
    """The scorecard as lines of text (the first is the header)."""
    out = [
        render(wording["scorecard_header"], {"title": card.title}),
        render(wording[f"outcome_{card.outcome}"], {"turns": card.turns}),
    ]
    if card.steps:
        out.append(render(wording["steps"], {"steps": " → ".join(card.steps)}))
        out.append(
            render(wording["in_order"], {})
            if card.in_order
            else render(wording["out_of_order"], {"order": " → ".join(card.framework_order)})
        )
    else:
        out.append(render(wording["steps_none"], {}))
    if card.missing:
        out.append(render(wording["missing"], {"steps": ", ".join(card.missing)}))
    if card.slips:
        out.append(render(wording["slips"], {"slips": ", ".join(card.slips)}))
    else:
        out.append(render(wording["slips_none"], {}))
    if card.cooled_at is not None:
        out.append(render(wording["cooled"], {"turns": card.cooled_at}))
    else:
        out.append(render(wording["never_cooled"], {}))
    path = " → ".join(f"{h:.2f}" for h in card.path)
    out.append(render(wording["heat"], {"path": path}))
    return tuple(out)
