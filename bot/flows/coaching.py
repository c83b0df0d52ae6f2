"""Whisper buttons, /playbook and the "Coach me on this thread" shortcut (typed answers; the
handlers render them)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import cast

from bot.core.coaching import CoachState, Hint, Progress
from bot.core.learning import HINT_ANSWERS, Answer
from bot.core.models import Assessment
from bot.core.playbooks import PlaybookAnswer, Topic, find_playbook, list_topics
from bot.core.serialize import assessment_from_json
from bot.flows import followup
from bot.flows.learning import learn_from_answer
from bot.record import ThreadRecord
from bot.services import Services
from bot.slack.payloads import HintRef
from bot.stores.keys import ThreadRef

log = logging.getLogger("undertone.flow")

SNOOZE_SECONDS = 4 * 3600
MAX_HINT_ID = 200  # hint ids are "<framework>.<step>.<phrasing>": short, from the phrasebook


async def record_hint_feedback(s: Services, user: str, value: str, kind: str) -> str:
    """Count a click on a whisper button; snooze when asked. Returns what to show instead
    ("used" | "not_helpful" | "snooze", or "invalid" for a button this build cannot read)."""
    ref = HintRef.decode(value)
    if ref is None or len(ref.hint_id) > MAX_HINT_ID:
        return "invalid"
    try:
        thread = ThreadRef.parse(ref.thread)
    except ValueError:
        return "invalid"
    # counted once per person, whisper and answer: a replayed or double click counts nothing
    if await s.store.claim_once(f"feedback:{user}:{ref.thread}:{ref.hint_id}:{kind}"):
        await s.store.count_feedback(ref.hint_id, kind)
        await followup.on_feedback(s, thread, kind, followup.step_of_hint(ref.hint_id))
    if kind in HINT_ANSWERS:  # the channel learns from it once per hint and answer
        answer = cast(Answer, kind)
        await learn_from_answer(
            s, thread.channel, answer, f"hint:{ref.thread}:{ref.hint_id}:{kind}"
        )
    if kind == "snooze":
        await s.store.snooze(user, thread, SNOOZE_SECONDS, s.clock())
    log.info("hint_feedback", extra={"hint": ref.hint_id, "kind": kind})
    return kind


# --- playbooks and the coach-me shortcut ------------------------------------------------------


def answer_playbook(s: Services, text: str) -> PlaybookAnswer | list[Topic]:
    """`/playbook [topic]`: every topic (no topic given), or a card or the closest topics."""
    query = " ".join(text.split())[:200]
    if not query:
        return list_topics(s.phrasebook.coaching)
    return find_playbook(s.phrasebook.coaching, query)


@dataclass(frozen=True, slots=True)
class CoachReading:
    """The current reading of a thread and the best next move."""

    assessment: Assessment | None
    progress: Progress
    hint: Hint | None


async def coach_reading(s: Services, team: str, channel: str, thread_ts: str) -> CoachReading:
    """The current reading and best hint for one thread (the "Coach me" message shortcut)."""
    ref = ThreadRef(team, channel, thread_ts)
    doc = (await s.store.load_thread(ref)).doc
    record = ThreadRecord.from_json(doc)
    coach_state = CoachState.from_json(record.coach) if record.coach else s.coach.start()
    assessment = _last_assessment(s, record)
    hint = s.coach.reading(coach_state, assessment, s.clock())
    return CoachReading(assessment, s.coach.progress(coach_state), hint)


def _last_assessment(s: Services, record: ThreadRecord) -> Assessment | None:
    last = record.summary.get("last")
    return assessment_from_json(last) if last else None
