"""The supervisor briefing as stored in the thread document (JSON both ways)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bot.core.briefing import Briefing
from bot.core.escalation import Severity
from bot.core.models import Level, Trend


def briefing_to_json(b: Briefing) -> dict[str, Any]:
    """A JSON-safe dict of a briefing (ids, labels and one short quote)."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(b).items()}


def briefing_from_json(d: dict[str, Any]) -> Briefing:
    """Inverse of `briefing_to_json` (enums and tuples restored)."""
    return Briefing(
        customer=str(d["customer"]),
        channel_id=str(d["channel_id"]),
        thread_ts=str(d["thread_ts"]),
        cue=str(d["cue"]),
        quote=str(d["quote"]),
        why=str(d["why"]),
        sparkline=str(d["sparkline"]),
        steps_done=tuple(d.get("steps_done") or ()),
        wants=str(d.get("wants") or ""),
        suggested_move=str(d["suggested_move"]),
        permalink=str(d.get("permalink") or ""),
        severity=Severity(int(d["severity"])),
        level=Level(d["level"]),
        trend=Trend(d["trend"]),
        other_cues=tuple(d.get("other_cues") or ()),
    )
