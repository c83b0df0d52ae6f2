"""The message flow: one taken-in message -> score, coach, escalate -> effects queued.

Each thread is a versioned document (compare-and-set), so replicas and redeliveries cannot
double-count a message. What the message calls for is decided here as typed intents (a whisper,
the alert, pages) and written into the same document's outbox; the delivery loop sends them (see
`delivery`). A crash between saving and sending is repaired by the next delivery round.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field, replace

from bot import metrics
from bot.context import entry_context
from bot.core.briefing import build_briefing
from bot.core.coaching import CoachState, Hint
from bot.core.engine import EngineState
from bot.core.escalation import AlertDecision, AlertState, Severity
from bot.core.learning import ChannelTuning
from bot.core.models import Assessment, Level, Role, Turn
from bot.core.serialize import assessment_from_json, assessment_to_json
from bot.core.textquote import shorten
from bot.effects import (
    AlertSync,
    Effect,
    HintCard,
    Notice,
    OverdueNote,
    Page,
    Rollup,
    Whisper,
)
from bot.flows import followup, practice
from bot.flows.briefs import briefing_to_json
from bot.flows.home import refresh_homes, touch_homes
from bot.flows.learning import channel_tuning
from bot.flows.threads import MAX_CAS_ATTEMPTS, ConflictError
from bot.record import ThreadRecord
from bot.services import Services
from bot.slack.directory import Speaker
from bot.slack.payloads import InboundMessage
from bot.stores.keys import ThreadRef
from bot.stores.store import Commit, Entry, Loaded

log = logging.getLogger("undertone.flow")


def _ts(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


@dataclass(slots=True)
class _Message:
    """A taken-in message ready to fold: who wrote it, in which thread."""

    entry: Entry
    msg: InboundMessage
    speaker: Speaker

    @property
    def ref(self) -> ThreadRef:
        return ThreadRef(self.msg.team, self.msg.channel, self.msg.thread_ts)


@dataclass(slots=True)
class _Folded:
    """One thread's messages folded into its record (one attempt)."""

    record: ThreadRecord
    changed: bool = False
    assessed: list[tuple[_Message, Assessment, list[Effect]]] = field(default_factory=list)
    seconds: float = 0.0
    hint_before: object = None  # the summary's hint and level before the fold
    level_before: object = None


async def process_entry(s: Services, entry: Entry) -> None:
    """Score one taken-in message in its thread, once, and queue what it calls for (the entry is
    acknowledged with the save); raises what failed."""
    failed = await process_batch(s, [entry])
    if entry.id in failed:
        raise failed[entry.id]


async def process_batch(s: Services, entries: list[Entry]) -> dict[str, Exception]:
    """Score a batch of taken-in messages, each once, and queue what they call for.

    The lean path: the batch's thread documents (and snoozes) are read in one pipelined round
    trip; each thread's messages are folded into its document in the order they were written
    (by ts, whatever order they arrived in); every thread is written
    by one script (compare-and-set, due index, entries acknowledged) and the scripts are
    pipelined. A thread someone else wrote meanwhile is read and folded again. Returns the
    entries that failed (left pending: retried, then dead-lettered); every other entry is
    acknowledged.
    """
    failed: dict[str, Exception] = {}
    threads: dict[ThreadRef, list[_Message]] = {}
    skipped: list[Entry] = []
    for entry in entries:
        with entry_context(entry.fields):
            try:
                message = await _prepare(s, entry)
            except Exception as exc:  # e.g. Slack could not say who wrote it: retried
                failed[entry.id] = exc
                continue
        if message is None:
            skipped.append(entry)
        else:
            threads.setdefault(message.ref, []).append(message)
    if skipped:
        await s.store.ack(skipped)
    for messages in threads.values():
        # read in the order they were written: after an outage Slack's retries can bring a
        # thread's later line before its older ones, and a line is read in its thread's context
        messages.sort(key=lambda m: _ts(m.msg.ts))
    pending = threads
    for _ in range(MAX_CAS_ATTEMPTS):
        if not pending:
            break
        pending = await _fold_and_commit(s, pending)
    for messages in pending.values():  # still conflicting: retried as a new delivery
        for m in messages:
            failed[m.entry.id] = ConflictError(m.ref.key)
    return failed


async def _prepare(s: Services, entry: Entry) -> _Message | None:
    """Parse an entry and classify its author; None when there is nothing to fold."""
    if entry.fields.get("kind") == "resolve":  # a check-mark reaction
        await followup.on_reaction(s, entry.fields)
        return None
    if entry.fields.get("kind") != "message":
        return None
    msg = InboundMessage.from_fields(entry.fields)
    if msg.channel_type == "im":  # a practice round in a DM: never a support thread
        await practice.on_reply(s, msg)
        return None
    if entry.fields.get("refetch") == "1":  # a replayed dead letter: its text was not kept
        text = await s.notifier.message_text(
            channel=msg.channel, ts=msg.ts, thread_ts=msg.thread_ts
        )
        if text is None:
            log.warning("replay_text_unavailable", extra={"event_id": msg.event_id})
            return None
        msg = InboundMessage.from_fields({**entry.fields, "text": text})
    if s.installs is None and s.identity.workspace is None and msg.team:
        # One workspace, and Slack did not answer auth.test at start-up: the workspace this
        # event was addressed to is ours (replaced by auth.test's answer when it comes).
        s.directory.remember_home(frozenset({msg.team}))
    speaker = await s.directory.classify(
        user=msg.user, user_team=msg.user_team, is_ext_shared=msg.is_ext_shared
    )
    if speaker is Speaker.UNKNOWN:
        log.info(
            "message_skipped",
            extra={"reason": "unknown_author", "channel": msg.channel, "event_id": msg.event_id},
        )
        return None
    return _Message(entry, msg, speaker)


def _fold(
    s: Services,
    ref: ThreadRef,
    loaded: Loaded,
    messages: list[_Message],
    tuning: ChannelTuning,
) -> _Folded:
    """Fold a thread's new messages into its record, in order (pure: may run again on a race);
    `tuning`: what the thread's channel learned from answers."""
    started = time.perf_counter()
    folded = _Folded(ThreadRecord.from_json(loaded.current.doc))
    record = folded.record
    folded.hint_before = record.summary.get("hint")
    folded.level_before = record.summary.get("level")
    for m in messages:
        if record.saw(m.msg.ts):
            continue  # a redelivery: scored already, only the outbox may be left to send
        waiting = {e.id for e in record.outbox}
        snoozed = m.speaker is Speaker.CUSTOMER and loaded.snoozed(record.agent, s.clock())
        assessment = _apply(s, record, ref, m.msg, m.speaker, snoozed, tuning)
        folded.changed = True
        if assessment is not None:
            queued = [e for e in record.outbox if e.id not in waiting]
            folded.assessed.append((m, assessment, queued))
    folded.seconds = time.perf_counter() - started
    return folded


async def _fold_and_commit(
    s: Services, threads: dict[ThreadRef, list[_Message]]
) -> dict[ThreadRef, list[_Message]]:
    """One attempt for every thread: read, fold, write. Returns the threads that lost a race."""
    refs = list(threads)
    loaded = await s.store.load_threads(refs)
    # what each channel learned from answers (one small read per channel of the batch)
    channels = sorted({ref.channel for ref in refs})
    learned = dict(
        zip(
            channels,
            await asyncio.gather(*(channel_tuning(s, c) for c in channels)),
            strict=True,
        )
    )
    folds: list[_Folded] = []
    commits: list[Commit] = []
    for ref in refs:
        current = loaded[ref]
        folded = _fold(s, ref, current, threads[ref], learned[ref.channel])
        folds.append(folded)
        await asyncio.sleep(0)  # a batch never holds the event loop (serve acks Slack on it)
        # The due time is indexed before the entries are acknowledged (one script): a crash
        # before it redelivers the entries, which index the outbox again (a redelivery folds
        # nothing but still gets here).
        commits.append(
            Commit(
                ref=ref,
                expected=current.current.version,
                doc=folded.record.to_json() if folded.changed else None,
                due=folded.record.next_due(),
                entries=[m.entry for m in threads[ref]],
            )
        )
    saved = await s.store.commit(commits, s.settings.thread_ttl_seconds)
    lost: dict[ThreadRef, list[_Message]] = {}
    homes: list[tuple[str, ThreadRef, float]] = []
    changed_agents: set[str] = set()
    saved_records: list[tuple[ThreadRef, ThreadRecord]] = []
    for ref, folded, ok in zip(refs, folds, saved, strict=True):
        if not ok:
            lost[ref] = threads[ref]
            continue
        record = folded.record
        for m, assessment, queued in folded.assessed:
            if log.isEnabledFor(logging.INFO):  # its fields are not built for nothing
                with entry_context(m.entry.fields):
                    each = folded.seconds / max(1, len(folded.assessed))
                    _log_assessed(m.msg, ref, assessment, record, each)
            _count_queued(queued, assessment, record)
        if record.agent and record.summary:
            homes.append((record.agent, ref, record.updated_at))
        saved_records.append((ref, record))
        hinted = folded.assessed and record.summary.get("hint") != folded.hint_before
        changed = hinted or record.summary.get("level") != folded.level_before
        if record.agent and folded.assessed and changed:
            changed_agents.add(record.agent)
    await followup.after_messages(s, saved_records)
    await touch_homes(s, homes)
    await refresh_homes(s, sorted(changed_agents))
    return lost


def _apply(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    msg: InboundMessage,
    speaker: Speaker,
    snoozed: bool,
    tuning: ChannelTuning,
) -> Assessment | None:
    """Fold one message into the record and queue its effects. Returns the assessment."""
    now = s.clock()
    rec.shared = rec.shared or msg.is_ext_shared
    rec.updated_at = now
    engine_state = EngineState.from_json(rec.engine) if rec.engine else s.engine.start()
    coach_state = CoachState.from_json(rec.coach) if rec.coach else s.coach.start()
    role = Role.CUSTOMER if speaker is Speaker.CUSTOMER else Role.AGENT
    turn = Turn(role=role, text=msg.text, ts=_ts(msg.ts), author=msg.user or "")
    with metrics.SCORING_SECONDS.time():
        engine_state, assessment = s.engine.read(engine_state, turn)
    rec.mark(msg.ts)
    if role is Role.AGENT:
        late = _ts(msg.ts) < _ts(str(rec.summary.get("uncoached_ts") or "0"))
        # the thread's first agent, after a customer message nobody could be coached on
        joined = rec.agent is None and bool(rec.summary.get("uncoached_ts"))
        rec.add_agent(msg.user)
        coach_state = s.coach.observe_agent(coach_state, turn)
        followup.on_agent(s, rec, ref, msg, coach_state, turn.ts or now)
        if late or joined:
            coach_state = _coach_late(
                s, rec, ref, coach_state, now, tuning.hint_shift, answered=not late
            )
        if s.engine.refused_open_request(engine_state):
            _refused(s, rec, ref, engine_state, coach_state, now, tuning.alert_shift)
    elif assessment is not None:
        rec.customer = msg.user
        rec.add_score(assessment.score)
        # Slack redelivered it after a newer customer message was read (an outage, a retry):
        # scored once, cues still escalate, but it starts no hint and is not the thread's
        # current reading (the hint and the reading follow what the customer said last)
        stale = _ts(msg.ts) < _ts(str(rec.summary.get("customer_ts") or "0"))
        if not stale:
            rec.summary["customer_ts"] = msg.ts
        if rec.agent is None:  # remembered: an agent reply written earlier may still arrive
            _remember_uncoached(rec, msg.ts, assessment)
        else:
            rec.summary.pop("uncoached_ts", None)
            rec.summary.pop("uncoached", None)
        hint = None
        if not stale:
            coach_state, hint = _coach(
                s, rec, assessment, coach_state, now, snoozed, ref.channel, tuning.hint_shift
            )
        decision = _escalate(s, rec, ref, assessment, coach_state, now, tuning.alert_shift)
        overdue = followup.on_customer(s, rec, ref, assessment, turn.ts or now)
        _whisper(rec, ref, assessment, hint, decision, now, overdue)
        if not stale:
            rec.summary.update(
                {
                    "level": assessment.level.value,
                    "heat": round(assessment.heat, 3),
                    "trend": assessment.trend.value,
                    "score": round(assessment.score, 3),
                    "last": assessment_to_json(assessment),
                }
            )
    rec.engine = engine_state.to_json()
    rec.coach = coach_state.to_json()
    return assessment


def _coach(
    s: Services,
    rec: ThreadRecord,
    assessment: Assessment,
    state: CoachState,
    now: float,
    snoozed: bool,
    channel: str = "",
    learned: float = 0.0,
    answered: bool = False,
) -> tuple[CoachState, Hint | None]:
    if rec.agent is None:
        return state, None  # nobody to coach yet
    preset = s.coach.policy.preset_for(channel)
    state, hint = s.coach.advise(
        state, assessment, now, snoozed=snoozed, preset=preset, learned=learned, answered=answered
    )
    if hint is not None:
        rec.summary["hint"] = hint.headline
    return state, hint


def _remember_uncoached(rec: ThreadRecord, ts: str, assessment: Assessment) -> None:
    """A customer message nobody could be coached on yet. Kept: the newest such ts (an agent
    reply written before it is late) and the hottest such reading. Messages can arrive out of
    order after an outage, and an older, calmer opening must not hide an angry line."""
    if _ts(ts) > _ts(str(rec.summary.get("uncoached_ts") or "0")):
        rec.summary["uncoached_ts"] = ts
    held = rec.summary.get("uncoached")
    if not held or assessment.score >= assessment_from_json(held).score:
        rec.summary["uncoached"] = assessment_to_json(assessment)


def _coach_late(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    state: CoachState,
    now: float,
    learned: float = 0.0,
    *,
    answered: bool = False,
) -> CoachState:
    """Coach the customer's last message now, as if this agent reply had been there when it was
    read: the reply arrived after a later customer message it was written before (Slack
    redelivered it late, e.g. across a Redis restart), or it is the thread's first agent reply
    after a customer opened hot (`answered`: nobody could be coached then; the agent joining is
    whispered at once only when it is urgent, otherwise the customer's next message decides,
    with what their reply already did taken into account)."""
    rec.summary.pop("uncoached_ts", None)
    last = rec.summary.pop("uncoached", None) or rec.summary.get("last")
    if not last:
        return state
    assessment = assessment_from_json(last)
    # the agent joining a thread whose opening already pinged a supervisor is told so (the ping
    # may have come from a calmer message than the hottest one kept here)
    told = answered and rec.alert is not None and AlertState.from_json(rec.alert).live
    if assessment.level not in (Level.FRUSTRATED, Level.ANGRY):
        # read without the reply, a mild message looks worse than it was: no hint; the next
        # customer message is coached as usual
        if told:
            _whisper(rec, ref, assessment, None, None, now, alerted=True)
        return state
    shifted = replace(assessment, turn=assessment.turn + 1)  # the reply counts as before it
    state, hint = _coach(
        s,
        rec,
        shifted,
        state,
        now,
        snoozed=False,
        channel=ref.channel,
        learned=learned,
        answered=answered,
    )
    if hint is not None or told:
        _whisper(rec, ref, assessment, hint, None, now, alerted=told)
    return state


def _refused(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    engine_state: EngineState,
    coach_state: CoachState,
    now: float,
    learned: float = 0.0,
) -> None:
    """The agent has just said no to the customer's open ask, or that it is not theirs to grant.
    If the ask is beyond what the team lets an agent grant (or has no amount, and the customer
    was already heated or the agent said it is above them), a supervisor has to decide: ping now,
    not when the customer next writes (they may not: "understood, who will follow up?")."""
    last = rec.summary.get("last")
    if not last:
        return
    # the customer's latest reading, with the open ask and the agent's answer to it; its spoken
    # cues were weighed when it was read
    reading = replace(
        assessment_from_json(last),
        cues=(),
        requests=s.engine.open_requests(engine_state),
        agent_declined=True,
        agent_refused=True,
        agent_above_level=s.engine.said_above_them(engine_state),
    )
    # an ask with no amount counts when the customer was already heated, or when the agent has
    # just said it is above them ("Full refund." then "I'm not able to authorise a full refund
    # myself")
    no_amount_counts = s.escalation.heated(reading) or reading.agent_above_level
    if not s.escalation.beyond_authority(
        reading.requests,
        refused_in_heat=no_amount_counts,
        # "I'm only able to authorise credits up to €1,000 myself": their word outweighs the
        # amount read from the ask (a unit price)
        above_level=reading.agent_above_level,
    ):
        return
    decision = _escalate(s, rec, ref, reading, coach_state, now, learned)
    _whisper(rec, ref, reading, None, decision, now)


def _whisper(
    rec: ThreadRecord,
    ref: ThreadRef,
    assessment: Assessment,
    hint: Hint | None,
    decision: AlertDecision | None,
    now: float,
    overdue: OverdueNote | None = None,
    *,
    alerted: bool = False,
) -> None:
    """One ephemeral per agent per customer message: the hint, the alert notice, an overdue
    promise, or several of them (`alerted`: a supervisor was pinged before this agent joined)."""
    posted = alerted or (decision is not None and decision.action == "post")
    notice = Notice(kind="alerted") if posted else None
    if rec.agent is None or (hint is None and notice is None and overdue is None):
        return
    card = HintCard.of(hint, assessment.level, assessment.trend) if hint is not None else None
    rec.queue_whisper(
        Whisper(
            thread=ref.key,
            channel=ref.channel,
            thread_ts=ref.thread_ts,
            agent=rec.agent,
            hint=card,
            notice=notice,
            overdue=overdue,
        ),
        now,
    )


def _escalate(
    s: Services,
    rec: ThreadRecord,
    ref: ThreadRef,
    assessment: Assessment,
    coach_state: CoachState,
    now: float,
    learned: float = 0.0,
) -> AlertDecision | None:
    state = AlertState.from_json(rec.alert) if rec.alert else AlertState()
    state, decision = s.escalation.assess(
        state, assessment, ref.channel, now, rec.history, learned=learned
    )
    rec.alert = state.to_json()
    if decision is None:
        return None
    if decision.action == "watch":  # heating up, no cue worth a ping: listed and rolled up
        rec.summary["watch"] = {
            "at": now,
            "cues": [k.value for k in decision.cue_kinds],
            "level": assessment.level.value,
            "why": _why(assessment),
        }
        rec.queue(Rollup(channel=decision.route_channel, watched_at=now), now)
        return None
    briefing = build_briefing(
        decision,
        assessment,
        customer_id=rec.customer,
        channel_id=ref.channel,
        thread_ts=ref.thread_ts,
        history=rec.history,
        steps_done=[mark.title for mark in s.coach.progress(coach_state).done],
        permalink=rec.permalink,
        book=s.phrasebook.escalation,
    )
    rec.summary["briefing"] = briefing_to_json(briefing)
    rec.summary["cue_kind"] = decision.primary.kind.value if decision.primary else "unknown"
    rec.alert_rev += 1
    if not rec.pending("alert"):  # a pending one is rendered from the latest state when sent
        rec.queue(AlertSync(channel=decision.route_channel), now)
    if decision.page:
        for pager in s.pagers.names():
            page = Page(
                pager=pager,
                thread=ref.key,
                severity=int(decision.severity),
                cue=briefing.cue,
                channel=ref.channel,
            )
            rec.queue(page, now)
    return decision


WHY_LIMIT = 60


def _why(a: Assessment) -> str:
    """A short reason for the heating-up list: the strongest signal's label. No quote: a roll-up
    names many threads, and the customer's words stay in their thread."""
    top = next((sig for sig in a.signals if sig.weight > 0), None)
    return shorten(top.label, WHY_LIMIT) if top is not None else a.level.value


def _count_queued(queued: list[Effect], a: Assessment, rec: ThreadRecord) -> None:
    """Hints by framework step and level, pings by cue and severity (committed effects only)."""
    for effect in queued:
        intent = effect.intent
        if isinstance(intent, Whisper) and intent.hint is not None:
            metrics.hint(step=intent.hint.step_id, level=a.level.value)
        elif isinstance(intent, AlertSync):
            state = AlertState.from_json(rec.alert) if rec.alert else AlertState()
            name = Severity(state.severity).key if state.severity else "none"
            action = "update" if state.message_ts else "post"
            metrics.ping(cue=str(rec.summary.get("cue_kind") or ""), severity=name, action=action)


def _log_assessed(
    msg: InboundMessage, ref: ThreadRef, a: Assessment, rec: ThreadRecord, seconds: float
) -> None:
    log.info(
        "message_assessed",
        extra={
            "event_id": msg.event_id,
            "channel": ref.channel,
            "thread_ts": ref.thread_ts,
            "turn": a.turn,
            "score": round(a.score, 3),
            "frustration": a.level.value,
            "trend": a.trend.value,
            "cues": [c.kind.value for c in a.cues],
            "signals": [sig.id for sig in a.signals][:8],
            "effects": [e.kind for e in rec.outbox],
            "ms": round(seconds * 1000, 2),
        },
    )
