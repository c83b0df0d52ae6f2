"""Offline: replay a support thread (probe thread YAML) through the pure core and show why.

usage: python tools/replay.py THREAD.yaml [...]

For each message: the reading (score, level, margin to the frustrated cut, trend), the top
features, cues, what the coach would do (whisper / hold / quiet) and what the escalation policy
decides (post / watch / nothing). No Slack, no Redis: the same engine, coach and policy the bot
runs, with the shipped phrasebook. Useful to see why a thread did or did not get a hint or ping.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.coaching import Coach  # noqa: E402
from bot.core.escalation import AlertState, EscalationPolicy  # noqa: E402
from bot.core.models import Role, Turn  # noqa: E402
from phrasebook import load_phrasebook  # noqa: E402
from phrasebook.models import load_engine  # noqa: E402

HOT = ("frustrated", "angry")


def replay(path: Path) -> None:
    """Print the core's reading of every message of one thread."""
    spec = yaml.safe_load(path.read_text("utf-8"))
    book = load_phrasebook()
    engine = load_engine(book.detection)
    coach = Coach(book.coaching)
    policy = EscalationPolicy(book.escalation, "C0SUPERVISE")
    state, cstate, astate = engine.start(), coach.start(), AlertState()
    history: list[float] = []
    # as the app: nobody is coached before the thread's first agent reply; that reply is coached
    # on the hottest opening reading only when it was frustrated or angry (`answered`)
    agent_seen = False
    opening = None
    preset = book.coaching.policy.preset_for("C0")
    print(f"== {spec['id']} ({spec.get('kind')}): expect {spec.get('expect')}")
    now = 1_000.0
    for i, msg in enumerate(spec["messages"], start=1):
        now += float(msg.get("delay", 1.0))
        role = Role.CUSTOMER if msg["who"] == "customer" else Role.AGENT
        author = str(msg.get("user") or spec.get(msg["who"]) or "")
        turn = Turn(role, msg["text"], now, author)
        state, a = engine.read(state, turn)
        if a is None:
            cstate = coach.observe_agent(cstate, turn)
            joined = ""
            if not agent_seen and opening is not None and opening.level.value in HOT:
                shifted = replace(opening, turn=opening.turn + 1)
                cstate, late = coach.advise(cstate, shifted, now, preset=preset, answered=True)
                joined = f"  joined: hint:{'yes' if late else 'no'}"
            agent_seen = True
            print(f"{i:>2} agent    {state.last_agent}{joined}")
            continue
        history.append(a.score)
        hint = None
        if agent_seen:
            cstate, hint = coach.advise(cstate, a, now, preset=preset)
        elif opening is None or a.score >= opening.score:
            opening = a
        astate, decision = policy.assess(astate, a, "C0SUPPORT", now, history)
        feats = ", ".join(f"{s.id}{s.weight:+.1f}" for s in a.signals[:5])
        cues = ",".join(f"{c.kind.value}:{c.strength:.2f}" for c in a.cues) or "-"
        if not agent_seen:
            hold = " (no agent yet)"
        else:
            hold = " (held)" if cstate.deferred is not None else ""
        print(
            f"{i:>2} customer {a.score:.2f} {a.level.value:<10} m{a.margin:+.1f} {a.trend.value:<7}"
            f" cues[{cues}] hint:{'yes' if hint else 'no'}{hold}"
            f" alert:{decision.action + '/' + decision.severity.key if decision else '-'}"
        )
        print(f"             {feats}")


def main() -> None:
    """Replay every thread file given."""
    for arg in sys.argv[1:]:
        replay(Path(arg))


if __name__ == "__main__":
    main()
