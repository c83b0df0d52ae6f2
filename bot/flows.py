"""Business flows: one taken-in message -> score, coach, escalate -> effects delivered once.

Each thread is a versioned document (compare-and-set), so replicas and redeliveries cannot
double-count a
message. Side effects go to an outbox inside the same document and are claimed once (SET NX)
before they are
sent, so a crash between saving and sending is repaired by the next delivery without sending
anything twice.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict
from typing import Any

from bot.core.briefing import Briefing, build_briefing
from bot.core.coaching import CoachState
from bot.core.engine import EngineState
from bot.core.escalation import AlertDecision, AlertState, Severity
from bot.core.models import Assessment, Level, Role, Trend, Turn
from bot.core.playbooks import find_playbook, list_topics
from bot.core.serialize import assessment_from_json, assessment_to_json
from bot.paging import PageEvent
from bot.record import Effect, ThreadRecord
from bot.services import Services
from bot.slack import alert_blocks, blocks
from bot.slack.directory import Speaker
from bot.slack.notifier import LeakGuardError
from bot.slack.payloads import AlertRef, HintRef, InboundMessage
from bot.stores.keys import ThreadRef
from bot.stores.store import Entry

log = logging.getLogger("undertone.flow")

MAX_CAS_ATTEMPTS = 16
MAX_EFFECT_ATTEMPTS = 3
SNOOZE_SECONDS = 4 * 3600


class ConflictError(RuntimeError):
    """A thread document kept changing under us; the entry will be retried."""


class DeliveryError(RuntimeError):
    """Some effects could not be sent yet; the entry stays pending and is retried."""


def _ts(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


# --- the message flow ---------------------------------------------------------------------------


async def process_entry(s: Services, entry: Entry) -> None:
    """Score one taken-in message in its thread, once, and deliver what it calls for."""
    if entry.fields.get("kind") != "message":
        return
    msg = InboundMessage.from_fields(entry.fields)
    ref = ThreadRef(msg.team, msg.channel, msg.thread_ts)
    s.notifier.forget_shared(msg.channel, msg.is_ext_shared)
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
    current = await s.store.load_thread(ref)
    record = ThreadRecord.from_json(current.doc)
    permalink = record.permalink
    snoozed = False
    if speaker is Speaker.CUSTOMER:
        if not permalink:
            permalink = await s.notifier.permalink(channel=msg.channel, ts=msg.thread_ts)
        if record.agent:
            snoozed = await s.store.is_snoozed(record.agent, ref)
    assessment: Assessment | None = None
    level_before = record.summary.get("level")
    for _ in range(MAX_CAS_ATTEMPTS):
        if record.saw(msg.ts):
            break
        record.permalink = record.permalink or permalink
        assessment = _apply(s, record, ref, msg, speaker, snoozed)
        if await s.store.save_thread(
            ref, current.version, record.to_json(), s.settings.thread_ttl_seconds
        ):
            break
        current = await s.store.load_thread(ref)
        record = ThreadRecord.from_json(current.doc)
    else:
        raise ConflictError(ref.key)
    if assessment is not None:
        _log_assessed(msg, ref, assessment, record, time.perf_counter() - started)
    hinted = any(e.kind == "whisper" and e.id.startswith("hint:") for e in record.outbox)
    if record.outbox:
        await deliver(s, ref)
    await _touch_home(s, ref, record)
    if (
        record.agent
        and assessment is not None
        and (hinted or record.summary.get("level") != level_before)
    ):
        await _refresh_home(s, record.agent)


def _apply(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    msg: InboundMessage,
    speaker: Speaker,
    snoozed: bool,
) -> Assessment | None:
    """Pure step: fold one message into the record and queue its effects. Returns the assessment."""
    now = s.clock()
    rec.shared = rec.shared or msg.is_ext_shared
    rec.updated_at = now
    engine_state = EngineState.from_json(rec.engine) if rec.engine else s.engine.start()
    coach_state = CoachState.from_json(rec.coach) if rec.coach else s.coach.start()
    role = Role.CUSTOMER if speaker is Speaker.CUSTOMER else Role.AGENT
    turn = Turn(role=role, text=msg.text, ts=_ts(msg.ts))
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


def _coach(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    assessment: Assessment,
    state: CoachState,
    now: float,
    snoozed: bool,
) -> CoachState:
    agent = rec.agent
    if agent is None:
        return state
    state, hint = s.coach.advise(state, assessment, now, snoozed=snoozed)
    if hint is None:
        return state
    message = blocks.hint_message(hint, assessment, HintRef(ref.key, hint.id).encode())
    rec.outbox.append(
        Effect(
            f"hint:{ref.key}:{hint.id}",
            "whisper",
            {
                "channel": ref.channel,
                "user": agent,
                "thread_ts": ref.thread_ts,
                "message": message,
            },
        )
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
    if decision is None or not decision.route_channel:
        if decision is not None:
            log.warning("escalation_unrouted", extra={"channel": ref.channel})
        return
    progress = s.coach.progress(coach_state)
    briefing = build_briefing(
        decision,
        assessment,
        customer_id=rec.customer,
        channel_id=ref.channel,
        thread_ts=ref.thread_ts,
        history=rec.history,
        steps_done=[mark.title for mark in progress.done],
        permalink=rec.permalink,
        book=s.phrasebook.escalation,
    )
    rec.summary["briefing"] = _briefing_json(briefing)
    rec.summary["cue_kind"] = decision.primary.kind.value if decision.primary else "unknown"
    _queue_alert(s, rec, ref, decision, briefing, now)


def _queue_alert(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    decision: AlertDecision,
    briefing: Briefing,
    now: float,
) -> None:
    rec.alert_seq += 1
    alert_ref = AlertRef(ref.key).encode()
    state = AlertState.from_json(rec.alert) if rec.alert else AlertState()
    message = alert_blocks.alert_message(
        briefing, alert_ref, claimed_by=state.claimed_by, claimed_at=state.claimed_at
    )
    rec.outbox.append(
        Effect(
            f"alert:{ref.key}:{rec.alert_seq}",
            "alert",
            {
                "action": decision.action,
                "channel": decision.route_channel,
                "message": message,
            },
        )
    )
    if decision.action == "post" and rec.agent:
        rec.outbox.append(
            Effect(
                f"notice:{ref.key}:{rec.alert_seq}",
                "whisper",
                {
                    "channel": ref.channel,
                    "user": rec.agent,
                    "thread_ts": ref.thread_ts,
                    "message": alert_blocks.agent_notice("alerted", supervisor=None),
                },
            )
        )
    if decision.page and s.pagers.configured():
        rec.outbox.append(
            Effect(
                f"page:{ref.key}:{rec.alert_seq}",
                "page",
                {
                    "dedup_key": ref.key,
                    "summary": f"{briefing.cue} in <#{ref.channel}>",
                    "severity": int(decision.severity),
                    "permalink": rec.permalink,
                    "cue": briefing.cue,
                    "channel": ref.channel,
                },
            )
        )


def _briefing_json(b: Briefing) -> dict[str, Any]:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(b).items()}


def briefing_from_json(d: dict[str, Any]) -> Briefing:
    """Inverse of `_briefing_json` (enums and tuples restored)."""
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
            "level": a.level.value,
            "trend": a.trend.value,
            "cues": [c.kind.value for c in a.cues],
            "signals": [sig.id for sig in a.signals][:8],
            "effects": [e.kind for e in rec.outbox],
            "ms": round(seconds * 1000, 2),
        },
    )


# --- delivery -----------------------------------------------------------------------------------


async def deliver(s: Services, ref: ThreadRef) -> None:
    """Send every queued effect of a thread once; raise DeliveryError if some must be retried."""
    current = await s.store.load_thread(ref)
    record = ThreadRecord.from_json(current.doc)
    finished: dict[str, dict[str, Any]] = {}
    failed: set[str] = set()
    for effect in record.outbox:
        if not await s.store.claim_once(effect.id):
            finished[effect.id] = {}
            continue
        try:
            finished[effect.id] = await _send(s, record, effect)
            if effect.kind == "alert" and effect.data.get("action") == "post":
                now = s.clock()
                await s.store.set_open_alert(
                    ref,
                    now,
                    now + s.phrasebook.escalation.renotify_after_seconds,
                    s.settings.thread_ttl_seconds,
                )
        except Exception as exc:  # a failed send must not lose the effect: retry later
            await s.store.release_once(effect.id)
            attempts = int(effect.data.get("attempts", 0)) + 1
            log.warning(
                "effect_failed",
                extra={"effect": effect.kind, "attempt": attempts, "error": type(exc).__name__},
            )
            if attempts >= MAX_EFFECT_ATTEMPTS or isinstance(exc, LeakGuardError):
                log.error("effect_dropped", extra={"effect": effect.kind, "channel": ref.channel})
                finished[effect.id] = {}
            else:
                failed.add(effect.id)
                effect.data["attempts"] = attempts
    attempts_by_id = {e.id: e.data.get("attempts", 0) for e in record.outbox}
    await _settle(s, ref, finished, attempts_by_id)
    if failed:
        raise DeliveryError(f"{len(failed)} effect(s) of {ref.key} will be retried")


async def _settle(
    s: Services, ref: ThreadRef, finished: dict[str, dict[str, Any]], attempts: dict[str, Any]
) -> None:
    """Remove sent effects from the outbox and record what they produced (e.g. the alert's ts)."""
    for _ in range(MAX_CAS_ATTEMPTS):
        current = await s.store.load_thread(ref)
        record = ThreadRecord.from_json(current.doc)
        kept: list[Effect] = []
        for effect in record.outbox:
            if effect.id in finished:
                _absorb(s, record, effect, finished[effect.id])
            else:
                effect.data["attempts"] = attempts.get(effect.id, effect.data.get("attempts", 0))
                kept.append(effect)
        record.outbox = kept
        if await s.store.save_thread(
            ref, current.version, record.to_json(), s.settings.thread_ttl_seconds
        ):
            return
    raise ConflictError(ref.key)


def _absorb(s: Services, record: ThreadRecord, effect: Effect, result: dict[str, Any]) -> None:
    if effect.kind == "alert" and effect.data.get("action") == "post" and result.get("ts"):
        state = AlertState.from_json(record.alert) if record.alert else AlertState()
        state = s.escalation.mark_posted(state, result["channel"], result["ts"], s.clock())
        record.alert = state.to_json()


async def _send(s: Services, record: ThreadRecord, effect: Effect) -> dict[str, Any]:
    d = effect.data
    if effect.kind == "whisper":
        await s.notifier.whisper(
            channel=d["channel"], user=d["user"], thread_ts=d["thread_ts"], message=d["message"]
        )
        return {}
    if effect.kind == "alert":
        state = AlertState.from_json(record.alert) if record.alert else AlertState()
        if d["action"] in ("update", "claim") and state.message_ts:
            await s.notifier.update_internal(
                channel=state.message_channel, ts=state.message_ts, message=d["message"]
            )
            return {}
        if d["action"] == "renotify" and state.message_ts:  # a reply under the alert, broadcast
            posted = await s.notifier.post_internal(
                channel=state.message_channel, message=d["message"], thread_ts=state.message_ts
            )
            return {"channel": posted.channel, "ts": posted.ts}
        posted = await s.notifier.post_internal(channel=d["channel"], message=d["message"])
        return {"channel": posted.channel, "ts": posted.ts}
    if effect.kind == "page":
        event = PageEvent(
            dedup_key=d["dedup_key"],
            summary=d["summary"],
            severity=int(d["severity"]),
            permalink=d["permalink"],
            cue=d["cue"],
            channel=d["channel"],
        )
        for pager in await s.pagers.all():
            await pager.page(event)
        return {}
    raise ValueError(f"unknown effect kind {effect.kind}")


# --- App Home -----------------------------------------------------------------------------------


async def _touch_home(s: Services, ref: ThreadRef, record: ThreadRecord) -> None:
    if record.agent and record.summary:
        await s.store.touch_home(
            record.agent, ref, record.updated_at, s.settings.thread_ttl_seconds
        )


async def _refresh_home(s: Services, user: str) -> None:
    """Keep the agent's App Home current (best effort: a failure never blocks scoring)."""
    try:
        await publish_home(s, user)
    except Exception as exc:
        log.warning("home_refresh_failed", extra={"error": type(exc).__name__})


async def publish_home(s: Services, user: str) -> None:
    """Refresh a user's App Home: their active threads and the open alerts."""
    threads: list[blocks.HomeThread] = []
    for ref in await s.store.home_threads(user):
        doc = (await s.store.load_thread(ref)).doc
        if not doc:
            continue
        rec = ThreadRecord.from_json(doc)
        summ = rec.summary
        threads.append(
            blocks.HomeThread(
                channel_id=ref.channel,
                thread_ts=ref.thread_ts,
                permalink=rec.permalink or None,
                heat=float(summ.get("heat", 0.0)),
                level=Level(summ.get("level", "calm")),
                trend=Trend(summ.get("trend", "steady")),
                hint_headline=summ.get("hint"),
                updated_at=rec.updated_at,
            )
        )
    alerts = await _open_alerts(s)
    view = blocks.app_home_view(threads, alert_blocks.home_alert_blocks(alerts) if alerts else None)
    await s.notifier.publish_home(user=user, view=view)


async def _open_alerts(s: Services) -> list[alert_blocks.OpenAlert]:
    out: list[alert_blocks.OpenAlert] = []
    for ref in await s.store.open_alerts():
        doc = (await s.store.load_thread(ref)).doc
        if not doc:
            continue
        rec = ThreadRecord.from_json(doc)
        if rec.alert and rec.summary.get("briefing"):
            state = AlertState.from_json(rec.alert)
            if state.false_alarm or state.closed_at:
                continue
            out.append(
                alert_blocks.OpenAlert.from_state(
                    state, briefing_from_json(rec.summary["briefing"]), AlertRef(ref.key).encode()
                )
            )
    return out


# --- whisper buttons ----------------------------------------------------------------------------


async def record_hint_feedback(s: Services, user: str, value: str, kind: str) -> dict[str, Any]:
    """Count a click on a whisper button; snooze when asked. Returns what replaces the whisper."""
    ref = HintRef.decode(value)
    if ref is None:
        return blocks.hint_feedback_ack("invalid")
    await s.store.count_feedback(ref.hint_id, kind)
    if kind == "snooze":
        await s.store.snooze(user, ThreadRef.parse(ref.thread), SNOOZE_SECONDS)
    log.info("hint_feedback", extra={"hint": ref.hint_id, "kind": kind})
    return blocks.hint_feedback_ack(kind)


# --- playbooks and the coach-me shortcut ------------------------------------------------------


def answer_playbook(s: Services, text: str) -> dict[str, Any]:
    """`/playbook [topic]`: the topic list, a card, or suggestions for an unknown topic."""
    query = " ".join(text.split())[:200]
    if not query:
        return blocks.topics_message(list_topics(s.phrasebook.coaching))
    return blocks.playbook_message(find_playbook(s.phrasebook.coaching, query))


async def coach_reading(s: Services, team: str, channel: str, thread_ts: str) -> dict[str, Any]:
    """The current reading and best hint for one thread (the "Coach me" message shortcut)."""
    ref = ThreadRef(team, channel, thread_ts)
    doc = (await s.store.load_thread(ref)).doc
    record = ThreadRecord.from_json(doc)
    coach_state = CoachState.from_json(record.coach) if record.coach else s.coach.start()
    assessment = _last_assessment(s, record)
    hint = s.coach.reading(coach_state, assessment, s.clock())
    return blocks.coach_reading_message(assessment, s.coach.progress(coach_state), hint)


def _last_assessment(s: Services, record: ThreadRecord) -> Assessment | None:
    last = record.summary.get("last")
    return assessment_from_json(last) if last else None


# --- alert buttons ------------------------------------------------------------------------------


async def alert_action(s: Services, value: str, user: str, action: str, reason: str = "") -> bool:
    """Claim, reassign or dismiss an alert; update it for everyone and tell the agent."""
    ref_value = AlertRef.decode(value)
    if ref_value is None:
        return False
    ref = ThreadRef.parse(ref_value.thread)
    now = s.clock()
    for _ in range(MAX_CAS_ATTEMPTS):
        current = await s.store.load_thread(ref)
        if current.doc is None:
            return False
        record = ThreadRecord.from_json(current.doc)
        state = AlertState.from_json(record.alert) if record.alert else AlertState()
        if action == "claim":
            state = s.escalation.claim(state, user, now)
        elif action == "reassign":
            state = s.escalation.reassign(state, user, now)
        else:
            state = s.escalation.false_alarm(state, user, reason, now)
        record.alert = state.to_json()
        briefing = (
            briefing_from_json(record.summary["briefing"])
            if record.summary.get("briefing")
            else None
        )
        record.alert_seq += 1
        if briefing is not None:
            message = alert_blocks.alert_message(
                briefing,
                AlertRef(ref.key).encode(),
                claimed_by=state.claimed_by,
                claimed_at=state.claimed_at,
                false_alarm_by=state.false_alarm_by,
            )
            record.outbox.append(
                Effect(
                    f"alert:{ref.key}:{record.alert_seq}",
                    "alert",
                    {"action": "update", "channel": state.message_channel, "message": message},
                )
            )
        if record.agent and action in ("claim", "reassign"):
            record.outbox.append(
                Effect(
                    f"notice:{ref.key}:{record.alert_seq}",
                    "whisper",
                    {
                        "channel": ref.channel,
                        "user": record.agent,
                        "thread_ts": ref.thread_ts,
                        "message": alert_blocks.agent_notice(
                            "claimed", supervisor=state.claimed_by
                        ),
                    },
                )
            )
        if await s.store.save_thread(
            ref, current.version, record.to_json(), s.settings.thread_ttl_seconds
        ):
            break
    else:
        raise ConflictError(ref.key)
    cue = str(record.summary.get("cue_kind") or "unknown")
    await s.store.record_outcome(
        {
            "cue": cue,
            "channel": ref.channel,
            "at": now,
            "outcome": "false_alarm" if action == "false_alarm" else "claimed",
            "reason_given": bool(reason),
        }
    )
    if action == "false_alarm":
        await s.store.close_alert(ref)
    else:
        await s.store.set_open_alert(ref, now, None, s.settings.thread_ttl_seconds)
    await deliver(s, ref)
    return True


async def renotify_due(s: Services) -> int:
    """Re-notify unclaimed severe alerts whose delay has passed (each once)."""
    now = s.clock()
    sent = 0
    for ref in await s.store.due_renotify(now):
        for _ in range(MAX_CAS_ATTEMPTS):
            current = await s.store.load_thread(ref)
            if current.doc is None:
                break
            record = ThreadRecord.from_json(current.doc)
            state = AlertState.from_json(record.alert) if record.alert else AlertState()
            decision = s.escalation.due_renotify(state, now)
            if decision is None or not record.summary.get("briefing"):
                break
            state = s.escalation.mark_renotified(state, now)
            record.alert = state.to_json()
            record.alert_seq += 1
            briefing = briefing_from_json(record.summary["briefing"])
            waited = now - (state.posted_at or now)
            record.outbox.append(
                Effect(
                    f"alert:{ref.key}:{record.alert_seq}",
                    "alert",
                    {
                        "action": "renotify",
                        "channel": decision.route_channel,
                        "message": alert_blocks.renotify_message(
                            briefing, AlertRef(ref.key).encode(), waited_seconds=waited
                        ),
                    },
                )
            )
            if await s.store.save_thread(
                ref, current.version, record.to_json(), s.settings.thread_ttl_seconds
            ):
                sent += 1
                await deliver(s, ref)
                break
    return sent
