"""The supervisors' digest: weekly per supervisor channel, and on demand.

The weekly slot (`followup.yaml`, digest.weekday and time, in the team's time zone) is checked
by the worker's housekeeping. For each supervisor channel a `DigestPost` is queued in a document
of its own (`<team>:<channel>:digest-<slot>`), created by compare-and-set, so each channel gets
one digest per week however many workers look; delivery then sends it like any effect (leases,
retries, a day's deadline). A slot missed by more than a day (the bot was down, or installed
mid-week) is skipped, not posted late; a week with no resolved thread posts nothing.
"""

from __future__ import annotations

import logging

from bot.chart import chart_png
from bot.core.digest import DigestReport, build_digest, digest_lines, last_slot
from bot.effects import DigestPost, Receipt
from bot.flows.followup import records_between
from bot.flows.threads import mutate_thread
from bot.record import ThreadRecord
from bot.services import Services
from bot.stores.keys import ThreadRef
from phrasebook.render import render

log = logging.getLogger("undertone.digest")

WEEK = 7 * 86400.0
LATE_WINDOW = 86400.0  # a weekly slot is still posted this long after it passed
_queued: dict[str, float] = {}  # channel -> the slot this process saw queued (saves a read)


def supervisor_channels(s: Services) -> list[str]:
    channels = {s.settings.supervisor_channel or "", *s.phrasebook.escalation.routes.values()}
    return sorted(c for c in channels if c)


def _team(s: Services) -> str:
    workspace = s.identity.workspace
    if workspace is not None:
        return workspace.team_id
    return next(iter(s.settings.home_team_ids), "T") if s.settings.home_team_ids else "T"


def route_of(s: Services, channel: str) -> str:
    """The supervisor channel a support channel's alerts (and digest lines) go to."""
    return s.phrasebook.escalation.routes.get(channel, s.settings.supervisor_channel or "")


async def report(
    s: Services, start: float, end: float, channel: str | None = None
) -> DigestReport:
    """The digest of the threads resolved in [start, end) (those routed to `channel` when
    given: each supervisor channel reads about its own support channels)."""
    book = s.phrasebook
    records = await records_between(s, start, end)
    if channel is not None:
        records = [r for r in records if route_of(s, r.channel) == channel]
    return build_digest(
        records,
        start,
        end,
        book.escalation.business_hours.zone,
        top_triggers=book.followup.digest.top_triggers,
    )


async def queue(
    s: Services, channel: str, start: float, end: float, key: str, *, on_demand: bool = False
) -> bool:
    """Queue one digest of [start, end) for `channel` under `key` (once); True when queued now."""
    ref = ThreadRef(_team(s), channel, key)
    now = s.clock()
    queued: list[bool] = []

    def fold(rec: ThreadRecord) -> bool:
        queued.clear()
        if rec.summary.get("digest"):
            return False
        rec.summary["digest"] = {"start": start, "end": end, "queued_at": now}
        rec.updated_at = now
        rec.queue(DigestPost(channel=channel, start=start, end=end, on_demand=on_demand), now)
        queued.append(True)
        return True

    rec = await mutate_thread(s, ref, fold)
    if queued:
        due = rec.next_due()
        if due is not None:
            await s.store.ledger.schedule(ref, due, soon=True)
        log.info("digest_queued", extra={"channel": channel, "key": key})
    return bool(queued)


async def weekly_due(s: Services) -> int:
    """Housekeeping: queue this week's digest for each supervisor channel once its slot came."""
    book = s.phrasebook.followup.digest
    if not book.enabled:
        return 0
    now = s.clock()
    zone = s.phrasebook.escalation.business_hours.zone
    slot = last_slot(now, zone, book.weekday, book.time)
    if now - slot > LATE_WINDOW:
        return 0
    count = 0
    for channel in supervisor_channels(s):
        if _queued.get(f"{id(s)}:{channel}") == slot:
            continue
        count += await queue(s, channel, slot - WEEK, slot, f"digest-{int(slot)}")
        _queued[f"{id(s)}:{channel}"] = slot
    return count


async def on_demand(s: Services, channel: str) -> None:
    """`/playbook digest`: the last seven days, posted into `channel` now."""
    now = s.clock()
    await queue(s, channel, now - WEEK, now, f"digest-now-{int(now)}", on_demand=True)


async def send_digest(s: Services, ref: ThreadRef, rec: ThreadRecord, d: DigestPost) -> Receipt:
    """Render the digest from the records and post it with its chart (a `DigestPost` sender)."""
    wording = s.phrasebook.followup.wording
    rep = await report(s, d.start, d.end, d.channel)
    if rep.threads == 0 and not d.on_demand:
        log.info("digest_skipped", extra={"channel": d.channel, "reason": "no_threads"})
        return Receipt(channel=d.channel)
    lines = digest_lines(rep, wording)
    span = {"start": rep.days[0].day.isoformat(), "end": rep.days[-1].day.isoformat()}
    title = render(wording["digest_chart_title"], span)
    png = chart_png(rep, title)
    return await s.notifier.post_digest(
        channel=d.channel, lines=lines, png=png, title=title, alt=wording["digest_chart_alt"]
    )
