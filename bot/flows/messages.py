"""The message flow: one taken-in message -> score, coach, escalate -> effects queued and sent.

Each thread is a versioned document (compare-and-set), so replicas and redeliveries cannot
double-count a message. Side effects go to an outbox inside the same document and are claimed
once before they are sent (see `delivery`), so a crash between saving and sending is repaired
by the next delivery without sending anything twice.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from bot import metrics
from bot.core.briefing import Briefing, build_briefing
from bot.core.coaching import CoachState
from bot.core.engine import EngineState
from bot.core.escalation import AlertDecision, AlertState, Severity
from bot.core.models import Assessment, Role, Turn
from bot.core.serialize import assessment_to_json
from bot.flows.briefs import briefing_to_json
from bot.flows.delivery import deliver
from bot.flows.home import refresh_home, touch_home
from bot.flows.threads import mutate_thread
from bot.record import Effect, ThreadRecord
from bot.services import Services
from bot.slack import alert_blocks, blocks
from bot.slack.directory import Speaker
from bot.slack.payloads import AlertRef, HintRef, InboundMessage
from bot.stores.keys import ThreadRef
from bot.stores.store import Entry

log = logging.getLogger("undertone.flow")


def _ts(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


async def process_entry(s: Services, entry: Entry) -> None:
    """Score one taken-in message in its thread, once, and deliver what it calls for."""
    if entry.fields.get("kind") != "message":
        return
    msg = InboundMessage.from_fields(entry.fields)
    ref = ThreadRef(msg.team, msg.channel, msg.thread_ts)
    speaker = await s.directory.classify(
        user=msg.user, user_team=msg.user_team, is_ext_shared=msg.is_ext_shared
    )
    if speaker is Speaker.UNKNOWN:
        log.info(
            "message_skipped",
            extra={"reason": "unknown_author", "channel": msg.channel, "event_id": msg.event_id},
        )
        return
    started = time.perf_counter()
    before = ThreadRecord.from_json((await s.store.load_thread(ref)).doc)
    permalink, snoozed = before.permalink, False
    if speaker is Speaker.CUSTOMER:
        if not permalink:
            permalink = await s.notifier.permalink(channel=msg.channel, ts=msg.thread_ts)
        if before.agent:
            snoozed = await s.store.is_snoozed(before.agent, ref)
    assessed: list[Assessment | None] = []
    queued: list[Effect] = []

    def fold(record: ThreadRecord) -> bool:
        assessed.clear()
        queued.clear()
        if record.saw(msg.ts):
            return False  # a redelivery: scored already, only the outbox may be left to send
        record.permalink = record.permalink or permalink
        waiting = {e.id for e in record.outbox}
        assessed.append(_apply(s, record, ref, msg, speaker, snoozed))
        queued.extend(e for e in record.outbox if e.id not in waiting)
        return True

    record = await mutate_thread(s, ref, fold)
    assessment = assessed[0] if assessed else None
    if assessment is not None:
        _log_assessed(msg, ref, assessment, record, time.perf_counter() - started)
        _count_queued(queued, assessment, record)
    hinted = any(e.id.startswith("hint:") for e in record.outbox)
    if record.outbox:
        await deliver(s, ref)
    await touch_home(s, ref, record)
    changed = hinted or record.summary.get("level") != before.summary.get("level")
    if record.agent and assessment is not None and changed:
        await refresh_home(s, record.agent)


def _apply(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    msg: InboundMessage,
    speaker: Speaker,
    snoozed: bool,
) -> Assessment | None:
    """Fold one message into the record and queue its effects. Returns the assessment."""
    now = s.clock()
    rec.shared = rec.shared or msg.is_ext_shared
    rec.updated_at = now
    engine_state = EngineState.from_json(rec.engine) if rec.engine else s.engine.start()
    coach_state = CoachState.from_json(rec.coach) if rec.coach else s.coach.start()
    role = Role.CUSTOMER if speaker is Speaker.CUSTOMER else Role.AGENT
    turn = Turn(role=role, text=msg.text, ts=_ts(msg.ts))
    with metrics.SCORING_SECONDS.time():
        engine_state, assessment = s.engine.read(engine_state, turn)
    rec.mark(msg.ts)
    if role is Role.AGENT:
        rec.add_agent(msg.user)
        coach_state = s.coach.observe_agent(coach_state, turn)
    elif assessment is not None:
        rec.customer = msg.user
        rec.add_score(assessment.score)
        coach_state = _coach(s, rec, ref, assessment, coach_state, now, snoozed)
        _escalate(s, rec, ref, assessment, coach_state, now)
        rec.summary.update(
            {
                "level": assessment.level.value,
                "heat": round(assessment.heat, 3),
                "trend": assessment.trend.value,
                "score": round(assessment.score, 3),
                "last": assessment_to_json(assessment),
            }
        )
    rec.engine = engine_state.to_json()
    rec.coach = coach_state.to_json()
    return assessment


def _whisper(ref: ThreadRef, user: str, message: dict[str, Any]) -> dict[str, Any]:
    return {"channel": ref.channel, "user": user, "thread_ts": ref.thread_ts, "message": message}


def _coach(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    assessment: Assessment,
    state: CoachState,
    now: float,
    snoozed: bool,
) -> CoachState:
    if rec.agent is None:
        return state  # nobody to coach yet
    preset = s.coach.policy.preset_for(ref.channel)
    state, hint = s.coach.advise(state, assessment, now, snoozed=snoozed, preset=preset)
    if hint is None:
        return state
    message = blocks.hint_message(hint, assessment, HintRef(ref.key, hint.id).encode())
    rec.outbox.append(
        Effect(f"hint:{ref.key}:{hint.id}", "whisper", _whisper(ref, rec.agent, message))
    )
    rec.summary["hint"] = hint.headline
    return state


def _escalate(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    assessment: Assessment,
    coach_state: CoachState,
    now: float,
) -> None:
    state = AlertState.from_json(rec.alert) if rec.alert else AlertState()
    state, decision = s.escalation.assess(state, assessment, ref.channel, now, rec.history)
    rec.alert = state.to_json()
    if decision is None:
        return
    if decision.action == "watch":  # heating up, no cue worth a ping: listed, never posted alone
        rec.summary["watch"] = {"at": now, "cues": [k.value for k in decision.cue_kinds]}
        return
    briefing = build_briefing(
        decision,
        assessment,
        customer_id=rec.customer,
        channel_id=ref.channel,
        thread_ts=ref.thread_ts,
        history=rec.history,
        steps_done=[mark.title for mark in s.coach.progress(coach_state).done],
        permalink=rec.permalink,
        book=s.phrasebook.escalation,
    )
    rec.summary["briefing"] = briefing_to_json(briefing)
    rec.summary["cue_kind"] = decision.primary.kind.value if decision.primary else "unknown"
    _queue_alert(s, rec, ref, decision, state, briefing)


def _queue_alert(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    decision: AlertDecision,
    state: AlertState,
    briefing: Briefing,
) -> None:
    message = alert_blocks.alert_message(
        briefing,
        AlertRef(ref.key).encode(),
        claimed_by=state.claimed_by,
        claimed_at=state.claimed_at,
    )
    pending = [e for e in rec.outbox if e.kind == "alert" and e.data["action"] == "post"]
    rec.alert_seq += 1
    if pending:  # the first post has not gone out yet: send the latest briefing with it
        pending[-1].data["message"] = message
    else:
        data = {"action": decision.action, "channel": decision.route_channel, "message": message}
        rec.outbox.append(Effect(f"alert:{ref.key}:{rec.alert_seq}", "alert", data))
    if decision.action == "post" and rec.agent:
        notice = alert_blocks.agent_notice("alerted", supervisor=None)
        rec.outbox.append(
            Effect(f"notice:{ref.key}:{rec.alert_seq}", "whisper", _whisper(ref, rec.agent, notice))
        )
    if decision.page and s.pagers.configured():
        page = {
            "dedup_key": ref.key,
            "summary": f"{briefing.cue} in <#{ref.channel}>",
            "severity": int(decision.severity),
            "permalink": rec.permalink,
            "cue": briefing.cue,
            "channel": ref.channel,
        }
        rec.outbox.append(Effect(f"page:{ref.key}:{rec.alert_seq}", "page", page))


def _count_queued(queued: list[Effect], a: Assessment, rec: ThreadRecord) -> None:
    """Hints by framework step and level, pings by cue and severity (committed effects only)."""
    for effect in queued:
        if effect.id.startswith("hint:"):
            hint_id = effect.id.rsplit(":", 1)[-1]  # "<framework>.<step>.<phrasing>"
            metrics.hint(step=hint_id.split(".")[1] if "." in hint_id else "", level=a.level.value)
        elif effect.kind == "alert":
            severity = AlertState.from_json(rec.alert).severity if rec.alert else 0
            name = Severity(severity).key if severity else "none"
            cue = str(rec.summary.get("cue_kind") or "")
            metrics.ping(cue=cue, severity=name, action=str(effect.data.get("action")))


def _log_assessed(
    msg: InboundMessage, ref: ThreadRef, a: Assessment, rec: ThreadRecord, seconds: float
) -> None:
    log.info(
        "message_assessed",
        extra={
            "event_id": msg.event_id,
            "channel": ref.channel,
            "thread_ts": ref.thread_ts,
            "turn": a.turn,
            "score": round(a.score, 3),
            "frustration": a.level.value,
            "trend": a.trend.value,
            "cues": [c.kind.value for c in a.cues],
            "signals": [sig.id for sig in a.signals][:8],
            "effects": [e.kind for e in rec.outbox],
            "ms": round(seconds * 1000, 2),
        },
    )
