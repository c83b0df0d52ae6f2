"""JSON round-trip of an Assessment (for the thread record's "latest reading")."""

from __future__ import annotations

from typing import Any

from bot.core.models import (
    Assessment,
    Cue,
    CueKind,
    CustomerType,
    Level,
    Request,
    RequestKind,
    Signal,
    Situation,
    Trend,
    Trigger,
)


def assessment_to_json(a: Assessment) -> dict[str, Any]:
    """A JSON-safe dict of an assessment (evidence quotes included, full text never)."""
    sit = a.situation
    return {
        "turn": a.turn,
        "customer_turn": a.customer_turn,
        "score": round(a.score, 4),
        "level": a.level.value,
        "frustrated": a.frustrated,
        "heat": round(a.heat, 4),
        "trend": a.trend.value,
        "tipped_by": a.tipped_by,
        "escalate": a.escalate,
        "agent_declined": a.agent_declined,
        "agent_refused": a.agent_refused,
        "agent_above_level": a.agent_above_level,
        "agent_minimised": a.agent_minimised,
        "agent_asked_given": a.agent_asked_given,
        "margin": round(a.margin, 3),
        "heated": a.heated,
        "grievance": a.grievance,
        "unsettled": a.unsettled,
        "handled_language": a.handled_language,
        "signals": [[s.id, s.label, s.evidence, s.weight] for s in a.signals],
        "cues": [[c.kind.value, c.evidence, c.why, c.turn, c.strength] for c in a.cues],
        "requests": [[r.kind.value, r.amount, r.currency, r.evidence, r.turn] for r in a.requests],
        "situation": {
            "customer_type": sit.customer_type.value if sit.customer_type else None,
            "customer_type_evidence": sit.customer_type_evidence,
            "trigger": sit.trigger.value if sit.trigger else None,
            "trigger_evidence": sit.trigger_evidence,
            "ask_topic": sit.ask_topic,
            "ask_count": sit.ask_count,
            "wants": sit.wants,
        },
    }


def assessment_from_json(d: dict[str, Any]) -> Assessment:
    """Inverse of `assessment_to_json`."""
    sit = d.get("situation") or {}
    return Assessment(
        turn=int(d["turn"]),
        customer_turn=int(d["customer_turn"]),
        score=float(d["score"]),
        level=Level(d["level"]),
        frustrated=bool(d["frustrated"]),
        heat=float(d["heat"]),
        trend=Trend(d["trend"]),
        tipped_by=d.get("tipped_by"),
        escalate=bool(d.get("escalate")),
        agent_declined=bool(d.get("agent_declined")),
        agent_refused=bool(d.get("agent_refused")),
        agent_above_level=bool(d.get("agent_above_level")),
        agent_minimised=bool(d.get("agent_minimised")),
        agent_asked_given=bool(d.get("agent_asked_given")),
        # readings saved before these were kept read as borderline (margin 0), not as sure
        margin=float(d.get("margin", 0.0)),
        heated=bool(d.get("heated")),
        grievance=bool(d.get("grievance")),
        unsettled=bool(d.get("unsettled")),
        handled_language=bool(d.get("handled_language", True)),
        signals=tuple(
            Signal(str(i), str(lbl), str(ev), float(w)) for i, lbl, ev, w in d["signals"]
        ),
        cues=tuple(
            Cue(CueKind(k), str(ev), str(why), int(t), float(st)) for k, ev, why, t, st in d["cues"]
        ),
        requests=tuple(
            Request(RequestKind(k), amt, str(cur), str(ev), int(t))
            for k, amt, cur, ev, t in d["requests"]
        ),
        situation=Situation(
            customer_type=CustomerType(sit["customer_type"]) if sit.get("customer_type") else None,
            customer_type_evidence=str(sit.get("customer_type_evidence", "")),
            trigger=Trigger(sit["trigger"]) if sit.get("trigger") else None,
            trigger_evidence=str(sit.get("trigger_evidence", "")),
            ask_topic=sit.get("ask_topic"),
            ask_count=int(sit.get("ask_count", 0)),
            wants=str(sit.get("wants", "")),
        ),
    )
