"""The supervisor briefing: everything needed to act on an alert in ten seconds, as plain data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.escalation import AlertDecision, Severity
from bot.core.models import Assessment, Cue, Level, Request, Trend
from phrasebook.escalation import EscalationBook

SPARK_BARS = "▁▂▃▄▅▆▇█"
SPARK_POINTS = 12  # most recent customer messages shown
QUOTE_LIMIT = 200
WANTS_LIMIT = 160


@dataclass(frozen=True, slots=True)
class Briefing:
    """What the supervisor ping says (ids, labels and a short quote; no full message text)."""

    customer: str  # Slack user id of the customer
    channel_id: str
    thread_ts: str
    cue: str  # label of the cue that set the severity
    quote: str
    why: str
    sparkline: str
    steps_done: tuple[str, ...]
    wants: str  # "" when not known
    suggested_move: str
    permalink: str
    severity: Severity
    level: Level
    trend: Trend
    other_cues: tuple[str, ...] = ()  # labels of further cues in the same message


def sparkline(scores: Sequence[float]) -> str:
    """The last customer scores (0..1) as block characters, oldest first: "▁▂▄▆█"."""
    top = len(SPARK_BARS) - 1
    bars = []
    for score in list(scores)[-SPARK_POINTS:]:
        clamped = min(max(score, 0.0), 1.0)
        bars.append(SPARK_BARS[round(clamped * top)])
    return "".join(bars)


def _describe(req: Request) -> str:
    kind = req.kind.value.replace("_", " ")
    if req.amount is None:
        return kind
    amount = f"{req.amount:,.0f}" if float(req.amount).is_integer() else f"{req.amount:,.2f}"
    return f"{kind} of {amount} {req.currency}".rstrip()


def _wants(assessment: Assessment) -> str:
    if assessment.situation.wants:
        return assessment.situation.wants[:WANTS_LIMIT]
    if assessment.requests:
        return ", ".join(_describe(r) for r in assessment.requests)[:WANTS_LIMIT]
    return ""


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_briefing(
    decision: AlertDecision,
    assessment: Assessment,
    *,
    customer_id: str,
    channel_id: str,
    thread_ts: str,
    history: Sequence[float],
    steps_done: Sequence[str],
    permalink: str,
    book: EscalationBook,
) -> Briefing:
    """Turn an alert decision and the engine's reading into the briefing a supervisor sees."""
    primary: Cue | None = decision.primary
    kind = primary.kind if primary is not None else (decision.cue_kinds or (None,))[0]
    rule = book.cues[kind] if kind is not None else None
    others = tuple(
        dict.fromkeys(book.cues[c.kind].label for c in decision.cues[1:] if c.kind is not kind)
    )
    return Briefing(
        customer=customer_id,
        channel_id=channel_id,
        thread_ts=thread_ts,
        cue=rule.label if rule is not None else "",
        quote=_clip(primary.evidence, QUOTE_LIMIT) if primary is not None else "",
        why=_clip(primary.why, QUOTE_LIMIT) if primary is not None else "",
        sparkline=sparkline(history),
        steps_done=tuple(dict.fromkeys(s for s in steps_done if s)),
        wants=_wants(assessment),
        suggested_move=rule.suggested_move if rule is not None else "",
        permalink=permalink,
        severity=decision.severity,
        level=assessment.level,
        trend=assessment.trend,
        other_cues=others,
    )
