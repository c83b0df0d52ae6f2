"""How each effect kind is sent, what its receipt changes in the thread, and what follows it.

One `Sender` per kind, in the one table `SENDERS`: the kind's own code lives in one place. A
sender renders nothing itself: the notifier (Slack) and the pagers render at send time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from bot.core.escalation import AlertState
from bot.core.models import Level
from bot.core.serialize import assessment_from_json
from bot.effects import (
    AlertReminder,
    AlertSync,
    CheckIn,
    DigestPost,
    Intent,
    NotReady,
    Page,
    PromiseReminder,
    Receipt,
    Rollup,
    SendFailed,
    Whisper,
)
from bot.effects.home import WatchedThread
from bot.flows import overflow
from bot.flows.briefs import briefing_from_json
from bot.flows.digest import send_digest as post_digest
from bot.flows.followup import Aftercare
from bot.paging import page_event
from bot.record import ThreadRecord
from bot.services import Services
from bot.stores.keys import ThreadRef
from phrasebook.render import render

REMINDER_WAIT = 5.0  # seconds: a reminder waits for its alert to be posted first


SendFn = Callable[[Services, ThreadRef, ThreadRecord, Any], Awaitable[Receipt]]


def _nothing(s: Services, rec: ThreadRecord, receipt: Receipt, now: float) -> None:
    """Most receipts change nothing in the thread."""


def _no_follow_up(s: Services, rec: ThreadRecord, now: float) -> None:
    """Most effects need nothing after them."""


async def _no_after(s: Services, ref: ThreadRef, receipt: Receipt, now: float) -> None:
    """Most effects need no index updated."""


@dataclass(frozen=True, slots=True)
class Sender:
    send_effect: SendFn
    absorb: Callable[[Services, ThreadRecord, Receipt, float], None] = _nothing
    follow_up: Callable[[Services, ThreadRecord, float], None] = _no_follow_up
    after: Callable[[Services, ThreadRef, Receipt, float], Awaitable[None]] = _no_after


# --- whisper ----------------------------------------------------------------------------------


async def send_whisper(s: Services, ref: ThreadRef, rec: ThreadRecord, w: Whisper) -> Receipt:
    return await s.notifier.send_whisper(w)


# --- alert -----------------------------------------------------------------------------------


async def _permalink(s: Services, ref: ThreadRef, rec: ThreadRecord) -> str:
    """The thread's permalink (an optional call: degrades to a link built locally, or '')."""
    return rec.permalink or await s.notifier.permalink(channel=ref.channel, ts=ref.thread_ts)


async def send_alert(s: Services, ref: ThreadRef, rec: ThreadRecord, a: AlertSync) -> Receipt:
    if rec.alert is None or not rec.summary.get("briefing"):
        raise SendFailed("no_alert", permanent=True)
    state = AlertState.from_json(rec.alert)
    channel = state.message_channel or a.channel
    # A new message waits for its channel's turn in the shared Slack budget (never more than
    # `watch.max_new_posts_per_second` into a supervisor channel): the notifier says how long.
    # An alert whose turn is far off (a burst) goes into the channel's overflow message instead.
    permalink = await _permalink(s, ref, rec)
    if state.message_ts and state.rolled_up:
        receipt = await overflow.resync(s, channel, state.message_ts)
    elif state.message_ts:
        receipt = await _sync_alert(s, ref, rec, state, channel, permalink)
    else:
        # A first post: the choice between its own post and the overflow message is made one
        # alert at a time per channel, each seeing the turns the ones before it took.
        async with s.first_posts.setdefault(channel, asyncio.Lock()):
            if await overflow.overflowing(s, channel, ref):
                receipt = await overflow.join(s, ref, channel)
            else:
                receipt = await _sync_alert(s, ref, rec, state, channel, permalink)
    return receipt.model_copy(update={"rev": rec.alert_rev, "permalink": permalink})


async def _sync_alert(
    s: Services, ref: ThreadRef, rec: ThreadRecord, state: AlertState, channel: str, link: str
) -> Receipt:
    briefing = briefing_from_json(rec.summary["briefing"])
    briefing = replace(briefing, permalink=briefing.permalink or link)
    return await s.notifier.sync_alert(
        channel=channel,
        ts=state.message_ts,
        briefing=briefing,
        state=state,
        thread=ref.key,
    )


def absorb_alert(s: Services, rec: ThreadRecord, receipt: Receipt, now: float) -> None:
    """Remember where the alert message lives (later changes edit it) and what it shows."""
    rec.permalink = rec.permalink or receipt.permalink
    if receipt.posted and rec.alert is not None:
        state = AlertState.from_json(rec.alert)
        if not state.message_ts:
            state = s.escalation.mark_posted(
                state, receipt.channel, receipt.ts, now, rolled_up=receipt.rolled_up
            )
            rec.alert = state.to_json()
    rec.alert_shown_rev = max(rec.alert_shown_rev, receipt.rev)


def alert_follow_up(s: Services, rec: ThreadRecord, now: float) -> None:
    """The alert changed while its message was being sent: send it once more."""
    if rec.alert is None or rec.alert_rev <= rec.alert_shown_rev or rec.pending("alert"):
        return
    state = AlertState.from_json(rec.alert)
    rec.queue(AlertSync(channel=state.message_channel or state.route_channel), now)


async def alert_posted(s: Services, ref: ThreadRef, receipt: Receipt, now: float) -> None:
    if receipt.posted:
        renotify_at = now + s.phrasebook.escalation.renotify_after_seconds
        await s.store.set_open_alert(ref, now, renotify_at, s.settings.thread_ttl_seconds)


async def send_reminder(
    s: Services, ref: ThreadRef, rec: ThreadRecord, r: AlertReminder
) -> Receipt:
    state = AlertState.from_json(rec.alert) if rec.alert else AlertState()
    if not state.message_ts:
        if rec.pending("alert"):
            raise NotReady(REMINDER_WAIT)
        raise SendFailed("alert_never_posted", permanent=True)
    briefing = briefing_from_json(rec.summary["briefing"])
    briefing = replace(briefing, permalink=briefing.permalink or rec.permalink)
    return await s.notifier.remind_alert(
        channel=state.message_channel,
        ts=state.message_ts,
        briefing=briefing,
        thread=ref.key,
        waited_seconds=r.waited_seconds,
    )


# --- roll-up (the watch tier) ----------------------------------------------------------------

ROLLUP_LOCK_SECONDS = 20.0
ROLLUP_BUSY_WAIT = 2.0
WATCH_KEEP_SECONDS = 24 * 3600.0


async def send_rollup(s: Services, ref: ThreadRef, rec: ThreadRecord, r: Rollup) -> Receipt:
    """List this thread in the channel's next roll-up; post the roll-up when one is due.

    The first due effect of a period posts every watched thread not listed yet; the others find
    their thread listed and are done. Duplicate window: a process that dies after Slack accepted
    the roll-up and before `rollup_done` makes the next one list those threads again (a line
    repeated, never one lost)."""
    watch = s.phrasebook.escalation.watch
    await s.store.watch_add(r.channel, ref, r.watched_at, WATCH_KEEP_SECONDS)
    if await s.store.is_rolled_up(r.channel, ref):
        return Receipt(channel=r.channel)  # an earlier roll-up listed it
    wait = await s.store.rollup_posted_at(r.channel) + watch.rollup_every_seconds - s.clock()
    if wait > 0:
        raise NotReady(wait)
    if not await s.store.lock_rollup(r.channel, ROLLUP_LOCK_SECONDS):
        raise NotReady(ROLLUP_BUSY_WAIT)  # another process is writing it: look again shortly
    try:
        rows = await s.store.unlisted(r.channel)
        found = [(row, await watched_thread(s, row[0], row[1])) for row in rows]
        threads = [(row[0], t) for row, t in found if t is not None]
        shown = threads[: watch.list_limit]
        receipt = await s.notifier.post_rollup(
            channel=r.channel, threads=[t for _, t in shown], more=len(threads) - len(shown)
        )
        listed = [row[0] for row, _ in found]  # expired ones too: they are not coming back
        await s.store.rollup_done(r.channel, listed, s.clock(), WATCH_KEEP_SECONDS)
        return receipt
    finally:
        await s.store.unlock_rollup(r.channel)


async def watched_thread(s: Services, ref: ThreadRef, at: float) -> WatchedThread | None:
    """A thread on the heating-up list as a roll-up or App Home shows it (None: expired)."""
    doc = (await s.store.load_thread(ref)).doc
    if not doc:
        return None
    rec = ThreadRecord.from_json(doc)
    watch = rec.summary.get("watch") or {}
    return WatchedThread(
        channel_id=ref.channel,
        thread_ts=ref.thread_ts,
        permalink=rec.permalink or s.identity.permalink(ref.channel, ref.thread_ts) or None,
        level=Level(str(watch.get("level") or rec.summary.get("level") or "angry")),
        why=str(watch.get("why") or ""),
        watched_at=at,
        agent=rec.agent,
    )


# --- page --------------------------------------------------------------------------------------


async def send_page(s: Services, ref: ThreadRef, rec: ThreadRecord, p: Page) -> Receipt:
    pager = await s.pagers.get(p.pager)
    if pager is None:
        raise SendFailed("pager_not_configured", permanent=True)
    template = s.phrasebook.escalation.wording.templates["page_summary"]
    permalink = await _permalink(s, ref, rec)
    await pager.page(page_event(p.severity, p.cue, p.channel, p.thread, permalink, template))
    return Receipt(permalink=permalink)


# --- follow-through: promise reminders, check-ins, the digest --------------------------------


def _topic(s: Services, rec: ThreadRecord) -> str:
    """What the customer keeps asking about (the last reading's topic), else the default."""
    last = rec.summary.get("last")
    topic = assessment_from_json(last).situation.ask_topic if last else None
    return (topic or s.coach.policy.default_topic)[:40]


async def send_promise_reminder(
    s: Services, ref: ThreadRef, rec: ThreadRecord, r: PromiseReminder
) -> Receipt:
    """Remind the agent of a promise come due; nothing when it was kept, replaced or already
    told (then the effect is done without a message)."""
    care = Aftercare.of(rec)
    promise = care.promises.current
    if (
        promise is None
        or promise.made_ts != r.made_ts
        or not promise.open
        or promise.reminded_at is not None
        or care.resolved_at is not None
    ):
        return Receipt(channel=r.channel)
    wording = s.phrasebook.followup.wording
    topic = _topic(s, rec)
    update = render(wording["suggested_update"], {"topic": topic, "next": "the end of the day"})
    return await s.notifier.remind_promise(
        channel=r.channel,
        user=r.agent,
        thread_ts=r.thread_ts,
        thread=ref.key,
        quote=promise.quote,
        due_at=promise.due_at,
        update=update,
    )


def absorb_promise_reminder(s: Services, rec: ThreadRecord, receipt: Receipt, now: float) -> None:
    """The reminder went out: the promise counts as overdue and is not told again."""
    if receipt.posted:
        care = Aftercare.of(rec)
        care.promises = care.promises.mark_reminded(now)
        care.save(rec)


async def send_check_in(s: Services, ref: ThreadRef, rec: ThreadRecord, c: CheckIn) -> Receipt:
    """Suggest a check-in; nothing when the thread was reopened since."""
    care = Aftercare.of(rec)
    if care.resolved_at is None or abs(care.resolved_at - c.resolved_at) > 1e-6:
        return Receipt(channel=c.channel)
    hours = max(1, round((s.clock() - c.resolved_at) / 3600))
    ago = f"{hours} hour{'s' if hours != 1 else ''} ago"
    topic = _topic(s, rec)
    return await s.notifier.suggest_check_in(
        channel=c.channel, user=c.agent, thread_ts=c.thread_ts, ago=ago, topic=topic
    )


async def send_digest(s: Services, ref: ThreadRef, rec: ThreadRecord, d: DigestPost) -> Receipt:
    return await post_digest(s, ref, rec, d)


SENDERS: dict[str, Sender] = {
    "whisper": Sender(send_whisper),
    "alert": Sender(send_alert, absorb_alert, alert_follow_up, alert_posted),
    "alert_reminder": Sender(send_reminder),
    "page": Sender(send_page),
    "rollup": Sender(send_rollup),
    "promise_reminder": Sender(send_promise_reminder, absorb_promise_reminder),
    "check_in": Sender(send_check_in),
    "digest": Sender(send_digest),
}


def _kinds_are_complete(kinds: tuple[type[Intent], ...]) -> None:
    missing = {k.model_fields["kind"].default for k in kinds} - set(SENDERS)
    if missing:
        raise RuntimeError(f"no sender for effect kinds {sorted(missing)}")


_kinds_are_complete(
    (Whisper, AlertSync, AlertReminder, Page, Rollup, PromiseReminder, CheckIn, DigestPost)
)
