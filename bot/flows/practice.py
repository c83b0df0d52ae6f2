"""Practice mode: a private role-play in the agent's DM with Undertone.

`/playbook practice [type]` starts a round: the simulated customer (a phrasebook persona) opens,
and every reply the agent types in the DM gets the customer's reaction (`bot.core.practice`), the
live coach's whisper (the real engine reads the customer's lines, the real coach advises), and at
the end the scorecard. A round is a document of its own (`ut:practice:<user>`), never a thread:
nothing of practice reaches a channel, the thread indexes, the records, the metrics or reports.
Messages to send are written into the round before they are sent, so a retried entry sends what a
crash left unsent.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.core.coaching import CoachState
from bot.core.engine import EngineState
from bot.core.models import Role, Turn
from bot.core.practice import Round, Simulator, scorecard_lines
from bot.services import Services
from bot.slack.payloads import InboundMessage
from phrasebook import Phrasebook
from phrasebook.render import render

log = logging.getLogger("undertone.practice")

END_WORDS = frozenset({"end", "stop", "quit", "done", "exit"})
MAX_CAS = 8
_sims: dict[int, tuple[Phrasebook, Simulator]] = {}


def simulator(s: Services) -> Simulator:
    book = s.phrasebook
    cached = _sims.get(id(book))
    if cached is None or cached[0] is not book:
        cached = (book, Simulator(book.practice.policy, book.coaching))
        _sims[id(book)] = cached
    return cached[1]


def _ttl(s: Services) -> int:
    return s.phrasebook.practice.policy.session_minutes * 60


def choices(s: Services) -> str:
    """The "pick a customer type" line."""
    names = ", ".join(f"`{p.id}`" for p in s.phrasebook.practice.personas.values())
    return render(s.phrasebook.practice.policy.wording["choose"], {"personas": names})


async def start(s: Services, user: str, name: str) -> str | None:
    """Start a round with the persona `name` in the user's DM; returns the persona's title, or
    None when no persona has that name."""
    book = s.phrasebook.practice
    persona = book.find(name) if name.strip() else next(iter(book.personas.values()))
    if persona is None:
        return None
    sim = simulator(s)
    round_, line = sim.start(persona)
    wording = book.policy.wording
    pending: list[dict[str, Any]] = [
        {
            "lines": [
                render(wording["intro"], {"title": persona.title, "scenario": persona.scenario})
            ]
        },
    ]
    doc: dict[str, Any] = {"round": round_.to_json(), "seen": [], "pending": []}
    pending += _customer_turn(s, doc, line, round_.heat)
    doc["pending"] = pending
    version, _ = await s.store.records.load_practice(user)
    while not await s.store.records.save_practice(user, version, doc, _ttl(s)):
        version, _ = await s.store.records.load_practice(user)
    log.info("practice_started", extra={"user": user, "persona": persona.id})
    await _flush(s, user)
    return persona.title


def _customer_turn(
    s: Services, doc: dict[str, Any], line: str, heat: float
) -> list[dict[str, Any]]:
    """The customer's line, read by the real engine; the live coach's hint on it: the whisper a
    real thread would get, else (training) the coach's reading while the customer is still hot
    (`heat` at or above `cool_below`), never the same hint twice in a row."""
    wording = s.phrasebook.practice.policy.wording
    engine = EngineState.from_json(doc["engine"]) if doc.get("engine") else s.engine.start()
    coach = CoachState.from_json(doc["coach"]) if doc.get("coach") else s.coach.start()
    engine, assessment = s.engine.read(engine, Turn(Role.CUSTOMER, line, 0.0))
    out: list[dict[str, Any]] = [{"lines": [render(wording["customer"], {"line": line})]}]
    if assessment is not None:
        preset = s.coach.policy.preset_for("")
        coach, hint = s.coach.advise(coach, assessment, float(doc.get("clock", 0)), preset=preset)
        if hint is None and heat >= s.phrasebook.practice.policy.cool_below:
            hint = s.coach.reading(coach, assessment, 0.0)
        if hint is not None and hint.id == doc.get("last_hint"):
            hint = None
        if hint is not None:
            doc["last_hint"] = hint.id
            lines = [render(wording["coach"], {"headline": hint.headline})]
            lines += [render(wording["coach_phrasing"], {"phrasing": p}) for p in hint.phrasings]
            if hint.slip_fix:
                lines.append(hint.slip_fix)
            out.append({"lines": lines, "context": True})
    doc["engine"], doc["coach"] = engine.to_json(), coach.to_json()
    doc["clock"] = float(doc.get("clock", 0)) + 600.0  # coach cooldowns count in role-play turns
    return out


async def on_reply(s: Services, msg: InboundMessage) -> None:
    """An agent's message in their DM with Undertone: the next turn of their round."""
    user = msg.user
    for _ in range(MAX_CAS):
        version, doc = await s.store.records.load_practice(user)
        if doc is None:
            log.info("practice_dm_ignored", extra={"user": user, "reason": "no_round"})
            return
        if msg.ts in doc.get("seen", []):
            break  # a redelivery: only what is still unsent goes out
        round_ = Round.from_json(doc["round"])
        if round_.over:
            return
        doc = _turn(s, doc, round_, msg)
        if await s.store.records.save_practice(user, version, doc, _ttl(s)):
            break
    await _flush(s, user)


def _turn(s: Services, doc: dict[str, Any], round_: Round, msg: InboundMessage) -> dict[str, Any]:
    sim = simulator(s)
    book = s.phrasebook.practice
    persona = book.personas.get(round_.persona)
    doc = dict(doc)
    doc["seen"] = [*doc.get("seen", []), msg.ts][-50:]
    pending = list(doc.get("pending", []))
    if persona is None or msg.text.strip().lower() in END_WORDS:
        round_ = sim.end(round_)
    else:
        coach = CoachState.from_json(doc["coach"]) if doc.get("coach") else s.coach.start()
        doc["coach"] = s.coach.observe_agent(coach, Turn(Role.AGENT, msg.text, 0.0)).to_json()
        engine = EngineState.from_json(doc["engine"]) if doc.get("engine") else s.engine.start()
        engine, _ = s.engine.read(engine, Turn(Role.AGENT, msg.text, 0.0))
        doc["engine"] = engine.to_json()
        round_, reaction = sim.respond(round_, persona, msg.text)
        if round_.over:
            wording = book.policy.wording
            pending.append({"lines": [render(wording["customer"], {"line": reaction.line})]})
        else:
            pending += _customer_turn(s, doc, reaction.line, round_.heat)
    if round_.over and persona is not None:
        card = sim.scorecard(round_, persona)
        pending.append({"lines": list(scorecard_lines(card, book.policy.wording)), "card": True})
        log.info(
            "practice_ended",
            extra={"user": msg.user, "persona": persona.id, "outcome": round_.outcome},
        )
    doc["round"] = round_.to_json()
    doc["pending"] = pending
    return doc


async def _flush(s: Services, user: str) -> None:
    """Send the round's unsent messages into the user's DM, then forget them."""
    version, doc = await s.store.records.load_practice(user)
    if not doc or not doc.get("pending"):
        return
    sent = 0
    for item in doc["pending"]:
        await s.notifier.post_practice(
            user=user,
            lines=item["lines"],
            card=bool(item.get("card")),
            quiet=bool(item.get("context")),
        )
        sent += 1
    for _ in range(MAX_CAS):
        doc = dict(doc)
        doc["pending"] = doc["pending"][sent:]
        if await s.store.records.save_practice(user, version, doc, _ttl(s)):
            return
        version, fresh = await s.store.records.load_practice(user)
        if fresh is None:
            return
        doc = fresh
