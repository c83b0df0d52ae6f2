"""How each effect kind is sent, what its receipt changes in the thread, and what follows it.

One `Sender` per kind, in the one table `SENDERS`: the kind's own code lives in one place. A
sender renders nothing itself: the notifier (Slack) and the pagers render at send time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from bot.core.escalation import AlertState
from bot.effects import AlertReminder, AlertSync, Intent, Page, Receipt, SendFailed, Whisper
from bot.flows.briefs import briefing_from_json
from bot.paging import page_event
from bot.record import ThreadRecord
from bot.services import Services
from bot.stores.keys import ThreadRef

REMINDER_WAIT = 5.0  # seconds: a reminder waits for its alert to be posted first


class NotReady(Exception):  # noqa: N818  (a state, not an error)
    """The effect depends on another one not sent yet; look again in `seconds`."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"not ready for {seconds}s")
        self.seconds = seconds


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
    permalink = await _permalink(s, ref, rec)
    briefing = briefing_from_json(rec.summary["briefing"])
    briefing = replace(briefing, permalink=briefing.permalink or permalink)
    receipt = await s.notifier.sync_alert(
        channel=state.message_channel or a.channel,
        ts=state.message_ts,
        briefing=briefing,
        state=state,
        thread=ref.key,
    )
    return receipt.model_copy(update={"rev": rec.alert_rev, "permalink": permalink})


def absorb_alert(s: Services, rec: ThreadRecord, receipt: Receipt, now: float) -> None:
    """Remember where the alert message lives (later changes edit it) and what it shows."""
    rec.permalink = rec.permalink or receipt.permalink
    if receipt.posted and rec.alert is not None:
        state = AlertState.from_json(rec.alert)
        if not state.message_ts:
            state = s.escalation.mark_posted(state, receipt.channel, receipt.ts, now)
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


# --- page --------------------------------------------------------------------------------------


async def send_page(s: Services, ref: ThreadRef, rec: ThreadRecord, p: Page) -> Receipt:
    pager = await s.pagers.get(p.pager)
    if pager is None:
        raise SendFailed("pager_not_configured", permanent=True)
    template = s.phrasebook.escalation.wording.templates["page_summary"]
    permalink = await _permalink(s, ref, rec)
    await pager.page(page_event(p.severity, p.cue, p.channel, p.thread, permalink, template))
    return Receipt(permalink=permalink)


SENDERS: dict[str, Sender] = {
    "whisper": Sender(send_whisper),
    "alert": Sender(send_alert, absorb_alert, alert_follow_up, alert_posted),
    "alert_reminder": Sender(send_reminder),
    "page": Sender(send_page),
}


def _kinds_are_complete(kinds: tuple[type[Intent], ...]) -> None:
    missing = {k.model_fields["kind"].default for k in kinds} - set(SENDERS)
    if missing:
        raise RuntimeError(f"no sender for effect kinds {sorted(missing)}")


_kinds_are_complete((Whisper, AlertSync, AlertReminder, Page))
