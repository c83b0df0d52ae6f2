"""Delivery of a thread's outbox: each effect leased, sent, marked done, settled; retried with
backoff (Slack's Retry-After first) until its kind's deadline.

For one effect, in order:
1. claim: a lease on the effect (its key, SET NX PX) unless another worker holds one, or a
   done-marker says Slack already accepted it (then it is only settled);
2. send: rendered and sent by its kind's sender (`bot.flows.senders`);
3. Slack accepts it;
4. mark done: the receipt is written to the effect's key at once (one SET, retried briefly);
5. settle: the outbox entry is removed, its receipt absorbed, by compare-and-set of the thread.

A crash, kill or deploy before 3 loses nothing: the lease ends and any worker sends the effect
again. After 4, the next delivery finds the done-marker and settles without sending. Between 3
and 4 (one Redis round trip) a crash makes the effect go out twice: the one remaining duplicate
window, kept that small on purpose (AGENTS.md, "Delivery"). A failed send is retried after
Retry-After or a capped backoff; a permanent failure, or a deadline passed, gives the effect up
with a log line and a dead letter (ids and reason only).
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass, field
from typing import Literal

from bot import metrics
from bot.context import working_on
from bot.effects import Effect, NotReady, Receipt, SendFailed
from bot.flows.senders import SENDERS
from bot.flows.threads import mutate_thread
from bot.record import ThreadRecord
from bot.services import Services
from bot.slack.budget import sending
from bot.stores.keys import ThreadRef

log = logging.getLogger("undertone.delivery")

BACKOFF = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)  # seconds after the n-th failure without Retry-After
MARK_DONE_TRIES = (0.0, 0.2, 0.5, 1.0)  # Slack accepted: the done-marker must land


@dataclass(slots=True)
class Outcome:
    """What happened to one effect in this delivery round."""

    state: Literal["done", "retry", "failed", "expired", "busy", "waiting"]
    receipt: Receipt | None = None
    next_at: float = 0.0
    reason: str = ""
    token: str = ""  # our lease, handed back after settling
    rate_limited: bool = False
    fresh: bool = False  # sent in this round (not found done by an earlier one)


@dataclass(slots=True)
class Report:
    sent: int = 0
    outcomes: dict[str, Outcome] = field(default_factory=dict)


def backoff(step: int) -> float:
    """Seconds before the next attempt after `step` failures in a row (jittered down ≤ 20 %);
    each kind caps it (`Intent.RETRY_CAP`)."""
    base = BACKOFF[min(max(step, 1), len(BACKOFF)) - 1]
    return base * random.uniform(0.8, 1.0)


async def deliver(s: Services, ref: ThreadRef, *, claimed: str | None = None) -> int:
    """Attempt every due effect of the thread once; returns how many Slack accepted now.

    `claimed`: the due-index score this worker took the thread with (see `EffectLedger`). Slack
    calls use the bot token of the thread's workspace.
    """
    with working_on(team=ref.team, channel=ref.channel, thread_ts=ref.thread_ts):
        return await _deliver(s, ref, claimed)


async def _deliver(s: Services, ref: ThreadRef, claimed: str | None) -> int:
    current = await s.store.load_thread(ref)
    record = ThreadRecord.from_json(current.doc)
    now = s.clock()
    report = Report()
    for effect in [e for e in record.outbox if e.due(now)]:
        outcome = await _attempt(s, ref, record, effect, now)
        report.outcomes[effect.id] = outcome
        if outcome.state == "done" and outcome.receipt is not None and effect.intent is not None:
            SENDERS[effect.intent.kind].absorb(s, record, outcome.receipt, now)  # for what follows
            report.sent += outcome.fresh
    saved = record
    if report.outcomes:
        # settled on the document read above (senders and hooks replace the record's parts,
        # never change the document in place): no second read unless someone wrote meanwhile
        saved = await mutate_thread(
            s, ref, lambda rec: _settle(s, rec, report.outcomes, now), loaded=current
        )
    # An effect another worker is sending is looked at again when its lease ends (in case that
    # worker died), not before: its own retry time is the sender's to set.
    busy = {i: o.next_at for i, o in report.outcomes.items() if o.state == "busy"}
    times = [busy.get(e.id, min(e.next_at, e.deadline_at)) for e in saved.outbox]
    next_at = min(times) if times else None
    if claimed is not None:
        await s.store.ledger.finish(ref, claimed, next_at)
    elif next_at is not None:
        await s.store.ledger.schedule(ref, next_at, soon=next_at <= now)
    if report.outcomes:
        await _after(s, ref, record, report, now)
    return report.sent


async def _attempt(
    s: Services, ref: ThreadRef, record: ThreadRecord, effect: Effect, now: float
) -> Outcome:
    if effect.intent is None:  # unreadable by this build and past its wait
        return Outcome("expired", reason="unreadable")
    lease = s.settings.delivery_lease_seconds
    claim = await s.store.ledger.claim(ref, effect.id, lease)
    if claim.state == "done":
        return Outcome("done", receipt=Receipt.model_validate(claim.receipt or {}))
    if claim.state == "busy":  # another worker is sending it; look again when its lease ends
        return Outcome("busy", next_at=now + claim.busy_for + 0.5)
    if effect.expired(now):
        return Outcome("expired", token=claim.token, reason=effect.last_error or "deadline")
    sender = SENDERS[effect.intent.kind]
    place = sending.set(f"{ref.key}/{effect.id}")  # its place in line in Slack's rate budgets
    try:
        receipt = await sender.send_effect(s, ref, record, effect.intent)
    except NotReady as wait:
        return Outcome("waiting", token=claim.token, next_at=now + wait.seconds)
    except SendFailed as failed:
        return _failed(effect, failed, claim.token, now)
    except Exception as exc:  # a bug while rendering or sending: retried until the deadline
        log.warning(
            "effect_error",
            extra={"effect": effect.kind, "thread_key": ref.key, "error": type(exc).__name__},
            exc_info=exc,
        )
        return _failed(effect, SendFailed(f"error_{type(exc).__name__}"), claim.token, now)
    finally:
        sending.reset(place)
    await _mark_done(s, ref, effect, receipt)
    return Outcome("done", receipt=receipt, fresh=True)


def _failed(effect: Effect, failed: SendFailed, token: str, now: float) -> Outcome:
    if failed.permanent:
        return Outcome("failed", token=token, reason=failed.reason)
    limited = failed.retry_after is not None
    step = effect.backoff_step if limited else effect.backoff_step + 1
    cap = type(effect.intent).RETRY_CAP if effect.intent is not None else BACKOFF[-1]
    wait = failed.retry_after if failed.retry_after is not None else min(backoff(step), cap)
    return Outcome("retry", token=token, next_at=now + wait, reason=failed.reason,
                   rate_limited=limited)


async def _mark_done(s: Services, ref: ThreadRef, effect: Effect, receipt: Receipt) -> None:
    """Write the done-marker right after Slack accepted (the duplicate window closes here)."""
    body = receipt.model_dump(mode="json")
    for delay in MARK_DONE_TRIES:
        if delay:
            await asyncio.sleep(delay)
        try:
            await s.store.ledger.mark_done(ref, effect.id, body)
            return
        except Exception as exc:
            error = type(exc).__name__
    log.error(
        "effect_not_marked",
        extra={"effect": effect.kind, "id": effect.id, "thread_key": ref.key, "error": error},
    )


def _settle(s: Services, rec: ThreadRecord, outcomes: dict[str, Outcome], now: float) -> bool:
    kept: list[Effect] = []
    done: list[Effect] = []
    for effect in rec.outbox:
        outcome = outcomes.get(effect.id)
        if outcome is None:
            kept.append(effect)
        elif outcome.state == "done":
            done.append(effect)
            if effect.intent is not None and outcome.receipt is not None:
                SENDERS[effect.intent.kind].absorb(s, rec, outcome.receipt, now)
        elif outcome.state == "retry":
            step = 0 if outcome.rate_limited else effect.backoff_step + 1
            kept.append(
                effect.model_copy(
                    update={
                        "attempts": effect.attempts + 1,
                        "backoff_step": step,
                        "next_at": outcome.next_at,
                        "last_error": outcome.reason,
                    }
                )
            )
        elif outcome.state == "waiting":
            kept.append(effect.model_copy(update={"next_at": outcome.next_at}))
        elif outcome.state == "busy":  # its sender settles it (and may just have set a retry)
            kept.append(effect)
        # failed or expired: given up (logged and dead-lettered after the save)
    if all(o.state == "busy" for o in outcomes.values()):
        return False  # nothing of ours to write
    rec.outbox = kept
    for effect in done:  # e.g. an alert that changed while its message was being sent
        if effect.intent is not None:
            SENDERS[effect.intent.kind].follow_up(s, rec, now)
    return True


async def _after(
    s: Services, ref: ThreadRef, record: ThreadRecord, report: Report, now: float
) -> None:
    """Hand back leases, log what happened, bury what was given up, run kinds' after-hooks."""
    by_id = {e.id: e for e in record.outbox}
    for effect_id, outcome in report.outcomes.items():
        effect = by_id.get(effect_id)
        kind = effect.kind if effect else "unknown"
        if outcome.token and outcome.state != "done":
            await s.store.ledger.release(ref, effect_id, outcome.token)
        if outcome.state == "done":
            if effect is not None and effect.intent is not None and outcome.receipt is not None:
                await SENDERS[effect.intent.kind].after(s, ref, outcome.receipt, now)
            if outcome.fresh:
                metrics.effect(kind, "sent")
            log.info(
                "effect_delivered",
                extra={
                    "effect": kind,
                    "id": effect_id,
                    "thread_key": ref.key,
                    "attempts": (effect.attempts + 1) if effect else 0,
                    "ms": round((now - effect.created_at) * 1000) if effect else 0,
                },
            )
        elif outcome.state == "retry":
            metrics.effect(kind, "retried")
            log.info(
                "effect_retry",
                extra={
                    "effect": kind,
                    "id": effect_id,
                    "thread_key": ref.key,
                    "error": outcome.reason,
                    "in_s": round(outcome.next_at - now, 2),
                },
            )
        elif outcome.state in ("failed", "expired") and effect is not None:
            await _give_up(s, ref, effect, outcome, now)


async def _give_up(
    s: Services, ref: ThreadRef, effect: Effect, outcome: Outcome, now: float
) -> None:
    event = "effect_expired" if outcome.state == "expired" else "effect_failed"
    metrics.effect(effect.kind, "dropped")
    log.error(
        event,
        extra={
            "effect": effect.kind,
            "id": effect.id,
            "thread_key": ref.key,
            "attempts": effect.attempts,
            "error": outcome.reason,
        },
    )
    try:
        await s.store.dead.bury_effect(
            {
                "thread": ref.key,
                "effect": effect.id,
                "effect_kind": effect.kind,
                "reason": f"{outcome.state}: {outcome.reason}"[:200],
                "attempts": str(effect.attempts),
                "at": f"{now:.3f}",
            }
        )
    except Exception as exc:  # the log line above already tells the story
        log.warning("dead_letter_failed", extra={"error": type(exc).__name__})
