"""Overflow: a burst of alerts into one supervisor channel goes out as one message.

A supervisor channel takes one new message a second (Slack's limit, and the supervisors' attention
budget). When thirty threads escalate in a minute (an outage), one post each would keep the last
supervisor waiting half a minute for a ping that says "urgent". So an alert whose turn is more
than `watch.overflow_after_seconds` away joins the channel's next overflow message instead: one
post that lists every alert waiting (each with its severity, cue, customer, quote, thread link
and its own buttons), sent at the next free turn. Every alert of the burst shares that one place
in line (`sending` names the overflow, not the alert), so the line never grows past a few posts.
A process decides for one first alert post of a channel at a time (`Services.first_posts`), so a
burst delivered at once still sees the turns its earlier alerts took; two processes deciding in
the same instant can each post one alert of their own before the line shows it.

An alert listed in an overflow message lives there: claiming it, closing it or a change of
severity re-renders the whole message in place (`chat.update`); its one reminder is a reply under
it. Nothing is lost: an alert beyond the message's `MAX_LISTED` waits for the next one.
Duplicate window (as for the watch roll-up): a process that dies after Slack accepted the message
and before `overflow_posted` makes the next one list those alerts again (a line repeated, never
one lost).
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.briefing import Briefing
from bot.core.escalation import AlertState
from bot.effects import NotReady, Receipt, SendFailed
from bot.flows.briefs import briefing_from_json
from bot.record import ThreadRecord
from bot.services import Services
from bot.slack.budget import sending
from bot.stores.keys import ThreadRef

LOCK_SECONDS = 20.0  # one process writes a channel's overflow message at a time
BUSY_WAIT = 1.0  # seconds: another process is writing it, or this alert is for the next one
KEEP_SECONDS = 24 * 3600.0  # as long as an alert is worth sending
MAX_LISTED = 20  # alerts in one overflow message (two blocks each, within Slack's 50)


async def overflowing(s: Services, channel: str, ref: ThreadRef) -> bool:
    """Whether `ref`'s first alert post goes into `channel`'s overflow message: it waits for or
    sits in one already, or its own turn is more than `overflow_after_seconds` away."""
    after = s.phrasebook.escalation.watch.overflow_after_seconds
    waiting, listed = await s.store.overflow_place(channel, ref)
    if waiting or listed:
        return True
    return after > 0 and await s.notifier.channel_line(channel) > after


async def join(s: Services, ref: ThreadRef, channel: str) -> Receipt:
    """Put `ref`'s alert into `channel`'s next overflow message, posting it when its turn has
    come. Returns where it is listed; raises `SendFailed` (its turn has not come) or `NotReady`
    (another process is posting it, or the alert waits for the next one)."""
    _, listed = await s.store.overflow_place(channel, ref)
    if listed:
        return Receipt(channel=channel, ts=listed, posted=True, rolled_up=True)
    await s.store.overflow_add(channel, ref, s.clock(), KEEP_SECONDS)
    if not await s.store.lock_overflow(channel, LOCK_SECONDS):
        raise NotReady(BUSY_WAIT)
    place = sending.set(f"overflow/{channel}")  # the whole burst shares one place in line
    try:
        _, listed = await s.store.overflow_place(channel, ref)  # posted while we looked
        if listed:
            return Receipt(channel=channel, ts=listed, posted=True, rolled_up=True)
        turn = await s.notifier.channel_line(channel, own=True)
        if turn > 0:  # the burst holds a later place in line: no need to render it yet
            raise SendFailed("rate_budget", retry_after=turn)
        waiting = await s.store.overflow_waiting(channel, MAX_LISTED)
        alerts = await listed_alerts(s, waiting)
        receipt = await s.notifier.sync_overflow(channel=channel, ts="", alerts=alerts)
        await s.store.overflow_posted(channel, receipt.ts, waiting, KEEP_SECONDS)
    finally:
        sending.reset(place)
        await s.store.unlock_overflow(channel)
    if ref not in waiting:
        raise NotReady(BUSY_WAIT)  # the message was full: the next one lists this alert
    return receipt


async def resync(s: Services, channel: str, ts: str) -> Receipt:
    """Re-render the overflow message `ts` from its alerts as they are now (an edit)."""
    members = await s.store.overflow_members(channel, ts)
    return await s.notifier.sync_overflow(
        channel=channel, ts=ts, alerts=await listed_alerts(s, members)
    )


async def listed_alerts(
    s: Services, refs: list[ThreadRef]
) -> list[tuple[str, Briefing, AlertState]]:
    """Each thread's alert as stored now (threads whose alert is gone are left out); the
    documents are read in one round trip."""
    out: list[tuple[str, Briefing, AlertState]] = []
    loaded = await s.store.load_threads(refs)
    for ref in refs:
        doc = loaded[ref].current.doc
        if not doc:
            continue
        rec = ThreadRecord.from_json(doc)
        if rec.alert is None or not rec.summary.get("briefing"):
            continue
        briefing = briefing_from_json(rec.summary["briefing"])
        link = briefing.permalink or rec.permalink
        link = link or await s.notifier.permalink(channel=ref.channel, ts=ref.thread_ts)
        out.append((ref.key, replace(briefing, permalink=link), AlertState.from_json(rec.alert)))
    return out
