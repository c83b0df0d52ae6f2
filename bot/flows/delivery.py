"""Delivery of a thread's outbox: each effect claimed once, sent, then removed from the outbox."""

from __future__ import annotations

import logging
from typing import Any

from bot import metrics
from bot.core.escalation import AlertState
from bot.flows.threads import mutate_thread
from bot.paging import PageEvent
from bot.record import Effect, ThreadRecord
from bot.services import Services
from bot.slack.notifier import LeakGuardError
from bot.stores.keys import ThreadRef

log = logging.getLogger("undertone.flow")

MAX_EFFECT_ATTEMPTS = 3


class DeliveryError(RuntimeError):
    """Some effects could not be sent yet; the entry stays pending and is retried."""


async def deliver(s: Services, ref: ThreadRef) -> None:
    """Send every queued effect of a thread once; raise DeliveryError if some must be retried."""
    record = ThreadRecord.from_json((await s.store.load_thread(ref)).doc)
    finished: dict[str, dict[str, Any]] = {}
    failed: dict[str, int] = {}
    for effect in record.outbox:
        if not await s.store.claim_once(effect.id):
            finished[effect.id] = {}  # another worker sent it (or is sending it)
            continue
        try:
            finished[effect.id] = await _send(s, record, effect)
        except Exception as exc:  # a failed send must not lose the effect: retry later
            await s.store.release_once(effect.id)
            attempts = int(effect.data.get("attempts", 0)) + 1
            log.warning(
                "effect_failed",
                extra={"effect": effect.kind, "attempt": attempts, "error": type(exc).__name__},
            )
            if attempts >= MAX_EFFECT_ATTEMPTS or isinstance(exc, LeakGuardError):
                log.error("effect_dropped", extra={"effect": effect.kind, "channel": ref.channel})
                metrics.effect(effect.kind, "dropped")
                finished[effect.id] = {}
            else:
                metrics.effect(effect.kind, "retried")
                failed[effect.id] = attempts
        else:
            metrics.effect(effect.kind, "sent")
            if finished[effect.id].get("root"):
                _absorb(s, record, finished[effect.id])  # later effects edit this message
                now = s.clock()
                renotify_at = now + s.phrasebook.escalation.renotify_after_seconds
                await s.store.set_open_alert(ref, now, renotify_at, s.settings.thread_ttl_seconds)

    def settle(rec: ThreadRecord) -> bool:
        kept: list[Effect] = []
        for effect in rec.outbox:
            if effect.id in finished:
                _absorb(s, rec, finished[effect.id])
            else:
                if effect.id in failed:
                    effect.data["attempts"] = failed[effect.id]
                kept.append(effect)
        rec.outbox = kept
        return True

    await mutate_thread(s, ref, settle)
    if failed:
        raise DeliveryError(f"{len(failed)} effect(s) of {ref.key} will be retried")


def _absorb(s: Services, record: ThreadRecord, result: dict[str, Any]) -> None:
    """Remember where a new alert message landed, so later changes update it in place."""
    if result.get("ts") and result.get("root"):
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
        return await _send_alert(s, record, d)
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


async def _send_alert(s: Services, record: ThreadRecord, d: dict[str, Any]) -> dict[str, Any]:
    """Post the alert once, then edit that same message; a re-notify is a broadcast reply."""
    state = AlertState.from_json(record.alert) if record.alert else AlertState()
    if state.message_ts and d["action"] == "renotify":
        posted = await s.notifier.post_internal(
            channel=state.message_channel, message=d["message"], thread_ts=state.message_ts
        )
        return {"channel": posted.channel, "ts": posted.ts}
    if state.message_ts:
        await s.notifier.update_internal(
            channel=state.message_channel, ts=state.message_ts, message=d["message"]
        )
        return {}
    posted = await s.notifier.post_internal(channel=d["channel"], message=d["message"])
    return {"channel": posted.channel, "ts": posted.ts, "root": True}
