"""Replaying dead letters (`undertone deadletters replay`).

An entry goes back into the intake stream without its text (it was never kept): the worker reads
the message again from Slack before scoring it. An alert or a page given up on is queued again
from the thread's current state; a whisper is not (it is only worth sending for a few minutes).
"""

from __future__ import annotations

from bot.core.escalation import AlertState
from bot.effects import AlertSync
from bot.flows.threads import mutate_thread
from bot.record import ThreadRecord
from bot.services import Services
from bot.stores.deadletters import DeadLetter
from bot.stores.keys import ThreadRef

LETTER_FIELDS = ("dead", "entry_id", "reason", "deliveries", "at")


async def replay(s: Services, letter: DeadLetter) -> str:
    """Process a dead letter again; returns what was done, for the operator."""
    if letter.kind == "entry":
        fields = {k: v for k, v in letter.fields.items() if k not in LETTER_FIELDS}
        entry_id = await s.store.requeue({**fields, "refetch": "1"})
        await s.store.dead.remove(letter.id)
        return f"queued again as {entry_id} (its text is read back from Slack)"
    kind = letter.fields.get("effect_kind", "")
    if kind not in ("alert", "alert_reminder", "page") or "thread" not in letter.fields:
        return f"not replayed: a {kind or 'unknown'} effect is not worth sending late"
    ref = ThreadRef.parse(letter.fields["thread"])
    queued: list[bool] = []

    def requeue(record: ThreadRecord) -> bool:
        queued.clear()
        if record.alert is None or record.pending("alert"):
            return False
        state = AlertState.from_json(record.alert)
        record.alert_rev += 1
        record.queue(AlertSync(channel=state.message_channel or state.route_channel), s.clock())
        queued.append(True)
        return True

    async def index(record: ThreadRecord) -> None:
        due = record.next_due()
        if due is not None:
            await s.store.ledger.schedule(ref, due, soon=False)

    await mutate_thread(s, ref, requeue, before_save=index)
    await s.store.dead.remove(letter.id)
    if not queued:
        return "nothing to replay: the thread's alert is gone or already being sent"
    return f"the alert of {ref.key} is sent again as it stands now"
