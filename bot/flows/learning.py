"""Learning from answers, wired: each answer moves its channel's thresholds once, for good.

Agents' and supervisors' answers arrive on any replica, often at the same moment. Each one is
folded into its channel's tuning (`bot.core.learning.learn`) by compare-and-set, retried when
another replica wrote first, together with a once-key naming the answer: a replayed request or
a double click learns nothing more. Every change is one `threshold_changed` log line and an entry
in the channel's change list (ids and numbers only), which `undertone report` and `undertone
tune` read; `reset_tuning` puts a channel back to the shipped judgement, logged the same way.
"""

from __future__ import annotations

import asyncio
import logging
import random

from bot.core.learning import Answer, Change, ChannelTuning, learn, reset
from bot.core.tuning_report import ChannelLearning
from bot.services import Services
from bot.stores.store import Store
from phrasebook.coaching import Learning

log = logging.getLogger("undertone.learning")

ONCE_TTL = 30 * 24 * 3600  # an answer is remembered as learned from this long
ATTEMPTS = 50  # compare-and-set rounds before an answer is given up on (one log line)
BACKOFF_SECONDS = 0.002  # after a lost round, wait up to this times the round (random: no lockstep)
CHANGES_READ = 50  # recent changes read per channel for the reports


class TuningContended(RuntimeError):
    """Other writers kept changing the channel's tuning; nothing was written."""


async def channel_tuning(s: Services, channel: str) -> ChannelTuning:
    """What a channel has learned so far (the shipped judgement when nothing)."""
    return ChannelTuning.from_json((await s.store.load_tuning(channel)).doc)


async def learn_from_answer(
    s: Services, channel: str, answer: Answer, answer_id: str
) -> Change | None:
    """Fold one answer into its channel's tuning, once; the change made, if any."""
    return await apply_answer(
        s.store, channel, answer, answer_id, s.coach.policy.learning, s.clock()
    )


async def apply_answer(
    store: Store, channel: str, answer: Answer, answer_id: str, bounds: Learning, now: float
) -> Change | None:
    """`learn_from_answer` on a bare store (None when nothing moved or it was learned before)."""
    if not channel or not bounds.enabled:
        return None
    for attempt in range(ATTEMPTS):
        if attempt:
            await _back_off(attempt)
        current = await store.load_tuning(channel)
        moved, change = learn(ChannelTuning.from_json(current.doc), answer, channel, now, bounds)
        result = await store.save_tuning(
            channel,
            current.version,
            moved.to_json() if change is not None else None,
            [change.to_json()] if change is not None else [],
            answer_id=answer_id,
            once_ttl=ONCE_TTL,
        )
        if result == "duplicate":
            log.info("answer_already_learned", extra={"channel": channel, "answer": answer})
            return None
        if result == "saved":
            if change is not None:
                _log_change(change)
            return change
    log.warning("tuning_contended", extra={"channel": channel, "answer": answer})
    return None


async def reset_tuning(store: Store, channel: str, now: float) -> list[Change]:
    """Back to the shipped judgement; the changes made (none when nothing had been learned).
    Raises `TuningContended` when answers kept arriving faster than it could write."""
    for attempt in range(ATTEMPTS):
        if attempt:
            await _back_off(attempt)
        current = await store.load_tuning(channel)
        back, changes = reset(ChannelTuning.from_json(current.doc), channel, now)
        if not changes:
            return []
        saved = await store.save_tuning(
            channel, current.version, back.to_json(), [c.to_json() for c in changes]
        )
        if saved == "saved":
            for change in changes:
                _log_change(change)
            return changes
    raise TuningContended(channel)


async def learned_by_channel(
    store: Store, channels: list[str] | None = None
) -> list[ChannelLearning]:
    """Each channel's tuning and recent changes (`channels`: those; None: every channel that
    learned something, most recently changed first)."""
    names = channels if channels is not None else await store.tuned_channels()
    out: list[ChannelLearning] = []
    for channel in names:
        tuning = ChannelTuning.from_json((await store.load_tuning(channel)).doc)
        rows = await store.tuning_changes(channel, CHANGES_READ)
        changes = tuple(c for c in (Change.from_json(r) for r in rows) if c is not None)
        out.append(ChannelLearning(channel, tuning, changes))
    return out


async def _back_off(attempt: int) -> None:
    """Another replica wrote first: try again a little later, at a random moment, so writers
    that all lost the same round do not all collide again."""
    await asyncio.sleep(random.uniform(0, BACKOFF_SECONDS * min(attempt, 10)))


def _log_change(change: Change) -> None:
    log.info(
        "threshold_changed",
        extra={
            "channel": change.channel,
            "answer": change.answer,
            "knob": change.knob,
            "before": round(change.before, 4),
            "after": round(change.after, 4),
        },
    )
