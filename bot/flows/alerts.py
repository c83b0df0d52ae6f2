"""Supervisor answers to an alert (claim, reassign, false alarm) and the one re-notification."""

from __future__ import annotations

import logging

from bot import metrics
from bot.context import working_on
from bot.core.escalation import AlertState, Severity
from bot.flows.briefs import briefing_from_json
from bot.flows.delivery import deliver
from bot.flows.threads import mutate_thread
from bot.record import Effect, ThreadRecord
from bot.services import Services
from bot.slack import alert_blocks
from bot.slack.payloads import AlertRef
from bot.stores.keys import ThreadRef

log = logging.getLogger("undertone.flow")

ACTIONS = ("claim", "reassign", "false_alarm")


async def alert_action(s: Services, value: str, user: str, action: str, reason: str = "") -> bool:
    """Claim, reassign or dismiss an alert; update it for everyone and tell the agent.

    Applied once per alert state: a click that would not change the alert (a replayed request,
    a double click, a second claim, a hand-over to its current owner) changes nothing, tells
    nobody and records no outcome. Returns whether the click was applied. The caller has
    checked that `user` may do this (a supervisor).
    """
    decoded = AlertRef.decode(value)
    if decoded is None or action not in ACTIONS:
        return False
    try:
        ref = ThreadRef.parse(decoded.thread)
    except ValueError:
        return False
    now = s.clock()
    applied: list[bool] = []

    def answer(record: ThreadRecord) -> bool:
        applied.clear()
        if record.alert is None:
            return False
        before = AlertState.from_json(record.alert)
        if action == "claim":
            state = s.escalation.claim(before, user, now)
        elif action == "reassign":
            same_owner = before.claimed_by == user
            state = before if same_owner else s.escalation.reassign(before, user, now)
        else:
            state = s.escalation.false_alarm(before, user, reason, now)
        if state == before:
            return False  # nothing to change: a replay or a double click
        applied.append(True)
        record.alert = state.to_json()
        record.alert_seq += 1
        if record.summary.get("briefing"):
            message = alert_blocks.alert_message(
                briefing_from_json(record.summary["briefing"]),
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
            notice = alert_blocks.agent_notice("claimed", supervisor=state.claimed_by)
            record.outbox.append(
                Effect(
                    f"notice:{ref.key}:{record.alert_seq}",
                    "whisper",
                    {
                        "channel": ref.channel,
                        "user": record.agent,
                        "thread_ts": ref.thread_ts,
                        "message": notice,
                    },
                )
            )
        return True

    record = await mutate_thread(s, ref, answer)
    if not applied:
        log.info("alert_action_noop", extra={"action": action, "user": user, "thread_key": ref.key})
        return False
    await s.store.record_outcome(
        {
            "cue": str(record.summary.get("cue_kind") or "unknown"),
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
        with working_on(team=ref.team, channel=ref.channel, thread_ts=ref.thread_ts):
            if await _renotify(s, ref, now):
                sent += 1
                await deliver(s, ref)
    return sent


async def _renotify(s: Services, ref: ThreadRef, now: float) -> bool:
    queued: list[tuple[str, int]] = []  # (cue kind, severity) of the re-notified alert

    def remind(record: ThreadRecord) -> bool:
        queued.clear()
        if record.alert is None or not record.summary.get("briefing"):
            return False
        state = AlertState.from_json(record.alert)
        decision = s.escalation.due_renotify(state, now)
        if decision is None:
            return False
        state = s.escalation.mark_renotified(state, now)
        record.alert = state.to_json()
        record.alert_seq += 1
        message = alert_blocks.renotify_message(
            briefing_from_json(record.summary["briefing"]),
            AlertRef(ref.key).encode(),
            waited_seconds=now - (state.posted_at or now),
        )
        data = {"action": "renotify", "channel": decision.route_channel, "message": message}
        record.outbox.append(Effect(f"alert:{ref.key}:{record.alert_seq}", "alert", data))
        queued.append((str(record.summary.get("cue_kind") or ""), state.severity))
        return True

    await mutate_thread(s, ref, remind)
    for cue, severity in queued:
        name = Severity(severity).key if severity else "none"
        metrics.ping(cue=cue, severity=name, action="renotify")
    return bool(queued)
