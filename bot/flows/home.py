"""App Home by role: supervisors see the open alerts and their threads, agents their own threads
(whispers vanish on reload), anyone else a short explanation. The flow gathers plain data; the
notifier renders and publishes it."""

from __future__ import annotations

import asyncio
import logging

from bot.core.access import Role
from bot.core.briefing import Briefing
from bot.core.escalation import AlertState
from bot.core.models import Level, Trend
from bot.effects.home import HomeThread, WatchedThread
from bot.flows import followup
from bot.flows.briefs import briefing_from_json
from bot.flows.senders import watched_thread
from bot.record import ThreadRecord
from bot.services import Services
from bot.slack.directory import LookupFailed
from bot.stores.keys import ThreadRef

log = logging.getLogger("undertone.flow")

REFRESH_TIMEOUT = 3.0  # seconds: an App Home refresh is optional and never holds up scoring
REFRESH_EVERY = 15.0  # seconds: at most one refresh per user (every process together) this often
HOME_OPEN_SECONDS = 30 * 60  # after `app_home_opened`, changes are published for this long


async def touch_homes(s: Services, items: list[tuple[str, ThreadRef, float]]) -> None:
    """Put threads on their agents' App Home lists (agent, thread, when), in one round trip."""
    if items:
        await s.store.touch_homes(items, s.settings.thread_ttl_seconds)


async def home_opened(s: Services, user: str) -> None:
    """Someone opened their App Home: publish it now, and changes to it for a while."""
    await s.store.home_opened(user, HOME_OPEN_SECONDS, REFRESH_EVERY)
    await publish_home(s, user)


async def refresh_homes(s: Services, users: list[str]) -> None:
    """Keep App Home current for the people who have it open (best effort: a failure never
    blocks scoring).

    Only people who opened their App Home in the last HOME_OPEN_SECONDS (Slack says when a tab
    is opened, never when it is closed) are published to, each at most every REFRESH_EVERY
    seconds across every process: later changes wait for `refresh_pending_homes` (the
    worker's housekeeping)."""
    if not users:
        return
    try:
        due = await s.store.homes_due(users, REFRESH_EVERY)
    except Exception as exc:
        log.warning("home_refresh_failed", extra={"error": type(exc).__name__})
        return
    for user, state in due.items():
        if state < 0:
            s.home_pending.add(user)
            continue
        s.home_pending.discard(user)
        if state > 0:
            try:
                await asyncio.wait_for(publish_home(s, user), timeout=REFRESH_TIMEOUT)
            except Exception as exc:
                log.warning("home_refresh_failed", extra={"error": type(exc).__name__})


async def refresh_pending_homes(s: Services) -> None:
    """Publish the homes whose refresh was held back (they are published once their debounce
    has passed)."""
    await refresh_homes(s, sorted(s.home_pending))


async def publish_home(s: Services, user: str) -> None:
    """Refresh a user's App Home with what their role may see (left as it is when Slack cannot
    say who they are right now)."""
    try:
        role = await s.directory.role_of(user, strict=True)
    except LookupFailed:
        log.warning("home_not_published", extra={"user": user, "reason": "role_unknown"})
        return
    if not role.is_support_team:
        wording = s.phrasebook.access
        text = wording.home_other if role is Role.OTHER else wording.home_outsider
        log.info("home_published", extra={"user": user, "role": role.value})
        await s.notifier.publish_notice_home(user=user, title=wording.home_other_title, text=text)
        return
    threads: list[HomeThread] = []
    loaded: list[tuple[ThreadRef, ThreadRecord]] = []
    for ref in await s.store.home_threads(user):
        doc = (await s.store.load_thread(ref)).doc
        if not doc:
            continue
        rec = ThreadRecord.from_json(doc)
        loaded.append((ref, rec))
        summ = rec.summary
        threads.append(
            HomeThread(
                channel_id=ref.channel,
                thread_ts=ref.thread_ts,
                permalink=rec.permalink or s.identity.permalink(ref.channel, ref.thread_ts) or None,
                heat=float(summ.get("heat", 0.0)),
                level=Level(summ.get("level", "calm")),
                trend=Trend(summ.get("trend", "steady")),
                hint_headline=summ.get("hint"),
                updated_at=rec.updated_at,
            )
        )
    # only supervisors see alerts and the heating-up list, even when there are none
    supervisor = role is Role.SUPERVISOR
    alerts = await _open_alerts(s) if supervisor else None
    watched = await _heating_up(s) if supervisor else []
    extras = await followup.home_extras(s, user, supervisor, loaded)
    log.info("home_published", extra={"user": user, "role": role.value})
    await s.notifier.publish_home(
        user=user, threads=threads, alerts=alerts, watched=watched, extras=extras
    )


HEATING_UP_HOURS = 12.0


async def _heating_up(s: Services) -> list[WatchedThread]:
    """Threads on the heating-up lists of the supervisor channels, from the last hours."""
    book = s.escalation.book
    channels = {c for c in (s.settings.supervisor_channel or "", *book.routes.values()) if c}
    since = s.clock() - HEATING_UP_HOURS * 3600
    out: list[WatchedThread] = []
    for channel in sorted(channels):
        for ref, at in await s.store.watched(channel, since, limit=50):
            item = await watched_thread(s, ref, at)
            if item is not None:
                out.append(item)
    return out


async def _open_alerts(s: Services) -> list[tuple[str, AlertState, Briefing]]:
    out: list[tuple[str, AlertState, Briefing]] = []
    for ref in await s.store.open_alerts():
        doc = (await s.store.load_thread(ref)).doc
        if not doc:
            continue
        rec = ThreadRecord.from_json(doc)
        if rec.alert and rec.summary.get("briefing"):
            state = AlertState.from_json(rec.alert)
            if state.false_alarm or state.closed_at:
                continue
            out.append((ref.key, state, briefing_from_json(rec.summary["briefing"])))
    return out
