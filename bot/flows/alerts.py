"""Supervisor answers to an alert (claim, reassign, false alarm), the one re-notification, and
the sweep that resolves alerts whose claimed threads went quiet (and keeps the index bounded)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot import metrics
from bot.context import working_on
from bot.core.escalation import AlertState, Severity
from bot.core.learning import Answer
from bot.effects import AlertReminder, AlertSync, Notice, Whisper
from bot.flows.delivery import deliver
from bot.flows.learning import learn_from_answer
from bot.flows.threads import mutate_thread
from bot.record import ThreadRecord
from bot.services import Services
from bot.slack.payloads import AlertRef
from bot.stores.keys import ThreadRef

log = logging.getLogger("undertone.flow")

ACTIONS = ("claim", "reassign", "false_alarm")
VERDICTS: dict[str, Answer] = {"claim": "claimed", "false_alarm": "false_alarm"}  # learned from


def _sync_alert(record: ThreadRecord, state: AlertState, now: float) -> None:
    """The alert message should show the new state (one pending sync renders the latest)."""
    record.alert_rev += 1
    if record.summary.get("briefing") and not record.pending("alert"):
        record.queue(AlertSync(channel=state.message_channel or state.route_channel), now)


async def _index(s: Services, ref: ThreadRef, record: ThreadRecord) -> None:
    due = record.next_due()
    if due is not None:
        await s.store.ledger.schedule(ref, due, soon=False)


def _indexer(s: Services, ref: ThreadRef) -> Callable[[ThreadRecord], Awaitable[None]]:
    async def index(record: ThreadRecord) -> None:
        await _index(s, ref, record)

    return index


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
    changed: list[int] = []  # the number of the alert answered (its thread may raise more)

    def answer(record: ThreadRecord) -> bool:
        changed.clear()
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
        record.alert = state.to_json()
        _sync_alert(record, state, now)
        if record.agent and action in ("claim", "reassign"):
            notice = Notice(kind="claimed", supervisor=state.claimed_by)
            record.queue_whisper(
                Whisper(
                    thread=ref.key,
                    channel=ref.channel,
                    thread_ts=ref.thread_ts,
                    agent=record.agent,
                    notice=notice,
                ),
                now,
            )
        changed.append(state.alerts_raised)
        return True

    record = await mutate_thread(s, ref, answer, before_save=_indexer(s, ref))
    if not changed:
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
    learned = VERDICTS.get(action)
    if learned is not None:  # a hand-over is no verdict on the alert
        await learn_from_answer(s, ref.channel, learned, f"alert:{ref.key}:{changed[0]}:{learned}")
    await deliver(s, ref)  # at once; the delivery loop retries whatever did not go through
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
    queued: list[tuple[str, int, int]] = []  # (cue kind, severity, number) of the alert

    def remind(record: ThreadRecord) -> bool:
        queued.clear()
        if record.alert is None or not record.summary.get("briefing"):
            return False
        state = AlertState.from_json(record.alert)
        if s.escalation.due_renotify(state, now) is None:
            return False
        state = s.escalation.mark_renotified(state, now)
        record.alert = state.to_json()
        record.queue(AlertReminder(waited_seconds=now - (state.posted_at or now)), now)
        queued.append(
            (str(record.summary.get("cue_kind") or ""), state.severity, state.alerts_raised)
        )
        return True

    await mutate_thread(s, ref, remind, before_save=_indexer(s, ref))
    for cue, severity, number in queued:
        name = Severity(severity).key if severity else "none"
        metrics.ping(cue=cue, severity=name, action="renotify")
        # nobody took it within the re-notify delay: this channel's pings ask a little much
        await learn_from_answer(
            s, ref.channel, "unanswered", f"alert:{ref.key}:{number}:unanswered"
        )
    return bool(queued)


async def sweep_alerts(s: Services, limit: int = 100) -> int:
    """Resolve claimed alerts whose threads went quiet; forget closed and expired ones.

    Returns how many were resolved. Unclaimed live alerts stay open (looked at again after
    another quiet period); the index itself is capped when alerts are added.
    """
    now = s.clock()
    quiet = s.phrasebook.escalation.resolve_quiet_seconds
    resolved = 0
    for ref in await s.store.quiet_alerts(changed_before=now - quiet, limit=limit):
        verdict: list[str] = []

        def resolve(record: ThreadRecord, verdict: list[str] = verdict) -> bool:
            verdict.clear()
            if record.alert is None:
                verdict.append("gone")
                return False
            state = AlertState.from_json(record.alert)
            if not state.live:
                verdict.append("closed")
                return False
            if not state.claimed_by or now - record.updated_at < quiet:
                verdict.append("open")
                return False
            state = s.escalation.resolve(state, now)
            record.alert = state.to_json()
            _sync_alert(record, state, now)
            verdict.append("resolved")
            return True

        await mutate_thread(s, ref, resolve, before_save=_indexer(s, ref))
        if verdict == ["open"]:
            await s.store.set_open_alert(ref, now, None, s.settings.thread_ttl_seconds)
            continue
        await s.store.close_alert(ref)
        if verdict == ["resolved"]:
            resolved += 1
            log.info("alert_resolved", extra={"thread_key": ref.key, "reason": "quiet"})
            await s.store.ledger.schedule(ref, now, soon=True)
    return resolved
