"""Follow-through in a thread: promises kept or reminded, the after-thread record, the check-in.

Hooks called by the message fold (`on_agent`, `on_customer`) keep the thread's `aftercare`: the
open promise, the tally for the record, and whether the thread is resolved. A promise queues a
`PromiseReminder` due when the promise is; an agent update removes it; a customer asking again
after the due time gets the agent an overdue note on the whisper instead (once either way).
`resolve` (a reaction, the App Home button, or the quiet sweep) writes the record and queues the
`CheckIn`; a customer writing again reopens the thread (its record is rewritten when it is
resolved again).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from bot.core.afterthread import AfterThreadRecord, AlertSummary, Tally, build_record
from bot.core.coaching import CoachState
from bot.core.digest import pct
from bot.core.escalation import AlertState, Severity
from bot.core.growth import build_growth, growth_lines
from bot.core.models import Assessment
from bot.core.promises import PromiseReader, PromiseState
from bot.effects import CheckIn, OverdueNote, PromiseReminder
from bot.effects.home import HomeExtras, HomePromise
from bot.flows.threads import mutate_thread
from bot.record import ThreadRecord
from bot.services import Services
from bot.slack.payloads import InboundMessage
from bot.stores.keys import ThreadRef
from phrasebook import Phrasebook
from phrasebook.followup import FollowupBook
from phrasebook.render import render

log = logging.getLogger("undertone.followup")

_readers: dict[int, tuple[Phrasebook, PromiseReader]] = {}


def promise_reader(s: Services) -> PromiseReader:
    """The promise reader of the loaded phrasebook (built once)."""
    book = s.phrasebook
    cached = _readers.get(id(book))
    if cached is None or cached[0] is not book:
        cached = (book, PromiseReader(book.followup.promises, book.escalation.business_hours))
        _readers[id(book)] = cached
    return cached[1]


@dataclass(slots=True)
class Aftercare:
    """The thread's follow-through state, kept in its document (`ThreadRecord.aftercare`)."""

    tally: Tally
    promises: PromiseState
    resolved_at: float | None = None
    resolved_by: str = ""

    @classmethod
    def of(cls, rec: ThreadRecord) -> Aftercare:
        d = rec.aftercare or {}
        at = d.get("resolved_at")
        return cls(
            tally=Tally.from_json(d.get("tally")),
            promises=PromiseState.from_json(d.get("promises")),
            resolved_at=None if at is None else float(at),
            resolved_by=str(d.get("resolved_by") or ""),
        )

    def save(self, rec: ThreadRecord) -> None:
        rec.aftercare = {
            "tally": self.tally.to_json(),
            "promises": self.promises.to_json(),
            "resolved_at": self.resolved_at,
            "resolved_by": self.resolved_by,
        }


def _ts(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


def _drop(rec: ThreadRecord, kind: str) -> None:
    """Remove effects of `kind` not sent yet (a kept promise's reminder, a reopened check-in)."""
    rec.outbox = [e for e in rec.outbox if e.kind != kind]


# --- hooks of the message fold ---------------------------------------------------------------


def on_agent(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    msg: InboundMessage,
    coach: CoachState,
    now: float,
) -> None:
    """An agent message written at `now` (its Slack time): steps and slips for the record; an
    update keeps the open promise; a new promise is remembered and its reminder queued for when
    it is due."""
    care = Aftercare.of(rec)
    slips = tuple(i for i, _ in coach.pending_slips) + coach.fixed_slips
    care.tally = care.tally.on_agent(now, tuple(step for step, _ in coach.done), slips)
    promise = promise_reader(s).find(msg.text, msg.user, msg.ts, now)
    before = care.promises.current
    care.promises = care.promises.on_agent(promise, _ts(msg.ts), now)
    if before is not None and care.promises.current is not before:
        _drop(rec, "promise_reminder")  # kept, or replaced by a newer promise
    if promise is not None and s.phrasebook.followup.promises.remind:
        reminder = PromiseReminder(
            thread=ref.key,
            channel=ref.channel,
            thread_ts=ref.thread_ts,
            agent=msg.user,
            made_ts=msg.ts,
        )
        rec.queue(reminder, now, not_before=promise.due_at)
    if care.resolved_at is not None and "follow_up" in {step for step, _ in coach.done}:
        _drop(rec, "check_in")  # they checked in already
    care.save(rec)


def on_customer(
    s: Services, rec: ThreadRecord, ref: ThreadRef, a: Assessment, now: float
) -> OverdueNote | None:
    """A customer message written at `now` (its Slack time): folded into the tally; it reopens a
    resolved thread; written after a promise came due with no update, it gets the agent an
    overdue note on their whisper (once)."""
    care = Aftercare.of(rec)
    care.tally = care.tally.on_customer(now, a, s.phrasebook.followup.records.quote_limit)
    if care.resolved_at is not None:
        care.resolved_at, care.resolved_by = None, ""
        _drop(rec, "check_in")
    note = None
    current = care.promises.current
    if current is not None and care.promises.needs_overdue_note(now):
        note = OverdueNote(quote=current.quote, due_at=current.due_at)
        care.promises = care.promises.mark_reminded(now)
        _drop(rec, "promise_reminder")
    care.save(rec)
    return note


def still_open(rec: ThreadRecord) -> bool:
    """A thread the quiet sweep watches: it has been read and is not resolved (read straight
    from the document: parsing the whole `Aftercare` for it was 1 % of a worker's samples)."""
    return bool(rec.summary) and (rec.aftercare or {}).get("resolved_at") is None


async def after_messages(s: Services, seen: list[tuple[ThreadRef, ThreadRecord]]) -> None:
    """After a batch's folds were saved: its open threads are indexed for the quiet sweep (one
    round trip for the batch)."""
    active = [(ref, rec.updated_at) for ref, rec in seen if still_open(rec)]
    await s.store.records.touch_active(active, s.settings.thread_ttl_seconds)


# --- resolution and the record ---------------------------------------------------------------


def alert_summary(rec: ThreadRecord) -> AlertSummary:
    if not rec.alert or not rec.summary.get("briefing"):
        return AlertSummary()
    state = AlertState.from_json(rec.alert)
    if not state.severity:
        return AlertSummary()
    outcome = (
        "false_alarm" if state.false_alarm else "claimed" if state.claimed_by else ("unanswered")
    )
    return AlertSummary(
        tier=Severity(state.severity).key,
        cue=str(rec.summary.get("cue_kind") or ""),
        outcome=outcome,
    )


def record_of(s: Services, ref: ThreadRef, rec: ThreadRecord) -> AfterThreadRecord | None:
    """The after-thread record of a resolved thread (None while it is open)."""
    care = Aftercare.of(rec)
    if care.resolved_at is None:
        return None
    coach = CoachState.from_json(rec.coach) if rec.coach else None
    tally = care.tally
    if coach is not None and coach.shown:
        tally = replace(tally, hints_sent=len(coach.shown))
    return build_record(
        tally,
        care.promises,
        alert_summary(rec),
        thread=ref.key,
        agent=rec.agent or "",
        customer=rec.customer,
        resolved_at=care.resolved_at,
        resolved_by=care.resolved_by,
    )


async def resolve(s: Services, ref: ThreadRef, how: str) -> AfterThreadRecord | None:
    """Mark the thread resolved (once), keep its record, queue the check-in. None when there is
    no such thread or it was resolved already."""
    now = s.clock()
    book = s.phrasebook.followup
    changed: list[bool] = []

    def fold(rec: ThreadRecord) -> bool:
        changed.clear()
        if not rec.summary:
            return False  # no thread we coached
        care = Aftercare.of(rec)
        if care.resolved_at is not None:
            return False
        care.resolved_at, care.resolved_by = now, how
        care.save(rec)
        _drop(rec, "promise_reminder")  # a resolved thread needs no "you promised an update"
        after = book.resolution.follow_up_after_hours * 3600
        if rec.agent and after > 0:
            check = CheckIn(
                thread=ref.key,
                channel=ref.channel,
                thread_ts=ref.thread_ts,
                agent=rec.agent,
                resolved_at=now,
            )
            rec.queue(check, now, not_before=now + after)
        changed.append(True)
        return True

    rec = await mutate_thread(s, ref, fold)
    record = record_of(s, ref, rec)
    if record is None:
        return None
    # Saved even when this call resolved nothing: a resolution retried after a crash (the
    # reaction redelivered, the quiet sweep run again) writes the record it may have lost.
    await save_record(s, record)
    due = rec.next_due()  # the check-in (indexed again on a retry, which is harmless)
    if due is not None:
        await s.store.ledger.schedule(ref, due, soon=False)
    await s.store.records.drop_active(ref)
    if changed:
        log.info("thread_resolved", extra={"thread_key": ref.key, "how": how})
        return record
    return None


async def save_record(s: Services, record: AfterThreadRecord) -> None:
    retention = s.phrasebook.followup.records.retention_days * 86400
    await s.store.records.save(
        record.to_json(),
        thread=record.thread,
        agent=record.agent,
        at=record.resolved_at,
        retention=retention,
    )


async def sweep_quiet(s: Services) -> int:
    """Resolve threads with no message for `resolution.quiet_hours` (housekeeping)."""
    quiet = s.phrasebook.followup.resolution.quiet_hours * 3600
    done = 0
    for ref in await s.store.records.quiet(s.clock() - quiet):
        if await resolve(s, ref, "quiet") is None:
            await s.store.records.drop_active(ref)  # gone, or resolved another way
        else:
            done += 1
    return done


async def records_between(s: Services, start: float, end: float) -> list[AfterThreadRecord]:
    return [AfterThreadRecord.from_json(r) for r in await s.store.records.between(start, end)]


async def on_feedback(s: Services, ref: ThreadRef, kind: str, step: str) -> None:
    """A whisper button was clicked (counted once): into the thread's tally."""

    def fold(rec: ThreadRecord) -> bool:
        if not rec.summary:
            return False
        care = Aftercare.of(rec)
        care.tally = care.tally.on_feedback(kind, step)
        care.save(rec)
        return True

    await mutate_thread(s, ref, fold)


def step_of_hint(hint_id: str) -> str:
    """Hint ids are "<framework>.<step>.<phrasing>"."""
    parts = hint_id.split(".")
    return parts[1] if len(parts) >= 2 else ""


async def on_reaction(s: Services, fields: dict[str, str]) -> None:
    """A resolving reaction by someone of the support team, on a thread's message."""
    user, channel, ts = fields.get("user", ""), fields.get("channel", ""), fields.get("ts", "")
    role = await s.directory.role_of(user)
    if not role.is_support_team:
        log.info("reaction_ignored", extra={"user": user, "reason": role.value})
        return
    ref = ThreadRef(fields.get("team", ""), channel, ts)
    if not (await s.store.load_thread(ref)).doc:  # a reply: find its thread
        parent = await s.notifier.thread_of(channel=channel, ts=ts)
        if parent is None or parent == ts:
            return
        ref = ThreadRef(ref.team, channel, parent)
    await resolve(s, ref, "reaction")


# --- App Home: the agent's promises and growth -----------------------------------------------


async def home_extras(
    s: Services, user: str, supervisor: bool, threads: list[tuple[ThreadRef, ThreadRecord]]
) -> HomeExtras:
    """What the user's App Home adds: their open promises and check-ins, their own growth, and
    (supervisors, when the team turned it on) each agent's numbers."""
    now = s.clock()
    book = s.phrasebook
    items: list[HomePromise] = []
    for ref, rec in threads:
        link = rec.permalink or s.identity.permalink(ref.channel, ref.thread_ts) or ""
        promise = Aftercare.of(rec).promises.current
        if promise is not None and promise.open and promise.agent == user:
            items.append(
                HomePromise(ref.key, link, promise.due_at, promise.quote, promise.overdue(now))
            )
        for effect in rec.outbox:
            if isinstance(effect.intent, CheckIn) and effect.intent.agent == user:
                items.append(HomePromise(ref.key, link, effect.next_at, "", False, check_in=True))
    items.sort(key=lambda p: p.due_at)
    zone = book.escalation.business_hours.zone
    weeks = book.followup.growth.weeks
    since = now - (weeks + 1) * 7 * 86400
    mine = [AfterThreadRecord.from_json(r) for r in await s.store.records.of_agent(user, since)]
    titles = {k: v.title for k, v in book.coaching.all_steps().items()}
    titles |= {slip.id: slip.label for slip in book.coaching.slips}
    growth = None
    if mine or not supervisor:
        steps = [st.id for st in book.coaching.framework().steps if st.whisper != "never"]
        g = build_growth(mine, now, zone, weeks=weeks, steps=steps)
        growth = growth_lines(g, book.followup.wording, titles)
    team: tuple[str, ...] | None = None
    if supervisor and book.followup.growth.supervisors_see_per_person:
        rows = await records_between(s, now - 28 * 86400, now + 1)
        team = tuple(_team_growth(rows, book.followup))
    return HomeExtras(tuple(items), growth, team)


def _team_growth(records: list[AfterThreadRecord], book: FollowupBook) -> list[str]:
    """Each agent's threads and recovery rate (by user id: no ranking)."""
    by_agent: dict[str, list[AfterThreadRecord]] = {}
    for r in records:
        if r.agent:
            by_agent.setdefault(r.agent, []).append(r)
    lines = []
    for agent in sorted(by_agent):
        rows = by_agent[agent]
        hot = [r for r in rows if r.hot]
        rate = sum(bool(r.recovered) for r in hot) / len(hot) if hot else None
        values = {"agent": agent, "threads": len(rows), "recovery": pct(rate)}
        lines.append(render(book.wording["home_team_growth_item"], values))
    return lines
