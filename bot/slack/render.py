"""Typed effects and views -> Block Kit, at send time, with the team's wording.

The only place that turns what the flows decided into Slack messages for effects: flows and the
thread document never hold Block Kit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.core.briefing import Briefing
from bot.core.escalation import AlertState
from bot.effects import Notice, Whisper
from bot.effects.home import HomeExtras, HomeThread, WatchedThread
from bot.slack import alert_blocks, blocks, followup_blocks
from bot.slack.payloads import AlertRef, HintRef
from phrasebook.escalation import Wording
from phrasebook.render import render

Message = dict[str, Any]


def notice_text(notice: Notice, wording: Wording) -> str:
    """The agent's line about the thread's alert."""
    t = wording.templates
    if notice.kind == "claimed" and notice.supervisor:
        return render(t["agent_claimed"], {"user": notice.supervisor})
    if notice.kind == "false_alarm":
        return render(t["agent_false_alarm"], {})
    return render(t["agent_alerted"], {})


def whisper(w: Whisper, wording: Wording, followup: Mapping[str, str] | None = None) -> Message:
    """The agent's one ephemeral for a customer message: the hint, the notice, an overdue
    promise (`followup`: its wording), or several of them."""
    notice = notice_text(w.notice, wording) if w.notice else None
    if w.overdue is not None and followup is not None:
        overdue = w.overdue
        note = followup_blocks.overdue_note(followup, quote=overdue.quote, due_at=overdue.due_at)
        if w.hint is None and notice is None:
            section = {"type": "section", "text": {"type": "mrkdwn", "text": note}}
            return {"text": blocks.clip(note, 300), "blocks": [section]}
        notice = f"{note}\n{notice}" if notice else note
    if w.hint is not None:
        ref = HintRef(w.thread, w.hint.id).encode()
        return blocks.whisper_message(w.hint.hint(), w.hint.level, w.hint.trend, ref, notice=notice)
    if w.notice is None:
        raise ValueError("a whisper needs a hint or a notice")
    return alert_blocks.agent_notice(w.notice.kind, supervisor=w.notice.supervisor, wording=wording)


def alert(briefing: Briefing, state: AlertState, thread: str, wording: Wording) -> Message:
    """The supervisor's alert as the thread stands now (open, claimed, closed or resolved)."""
    resolved = state.closed_at if not state.live and not state.false_alarm else None
    return alert_blocks.alert_message(
        briefing,
        AlertRef(thread).encode(),
        claimed_by=state.claimed_by,
        claimed_at=state.claimed_at,
        false_alarm_by=state.false_alarm_by,
        resolved_at=resolved,
        wording=wording,
    )


def overflow(alerts: Sequence[tuple[str, Briefing, AlertState]], wording: Wording) -> Message:
    """Several alerts of a burst in one message (thread key, briefing, state each)."""
    listed = []
    for thread, briefing, state in alerts:
        resolved = state.closed_at if not state.live and not state.false_alarm else None
        listed.append(
            alert_blocks.ListedAlert(
                AlertRef(thread).encode(),
                briefing,
                claimed_by=state.claimed_by,
                claimed_at=state.claimed_at,
                false_alarm_by=state.false_alarm_by,
                resolved_at=resolved,
            )
        )
    return alert_blocks.overflow_message(listed, wording=wording)


def reminder(briefing: Briefing, thread: str, waited_seconds: float, wording: Wording) -> Message:
    """The one re-notification, posted as a broadcast reply under the alert."""
    return alert_blocks.renotify_message(
        briefing, AlertRef(thread).encode(), waited_seconds=waited_seconds, wording=wording
    )


def promise_reminder(
    wording: Mapping[str, str], *, quote: str, due_at: float, update: str, thread: str
) -> Message:
    """The private reminder of a promise come due (see `followup_blocks`)."""
    return followup_blocks.promise_reminder(
        wording, quote=quote, due_at=due_at, update=update, thread=thread
    )


def check_in(wording: Mapping[str, str], *, ago: str, topic: str) -> Message:
    """The suggested check-in after a thread was resolved."""
    return followup_blocks.check_in(wording, ago=ago, topic=topic)


def rollup(threads: Sequence[WatchedThread], more: int, wording: Wording) -> Message:
    """The watch tier's one message per supervisor channel and period."""
    return alert_blocks.rollup_message(threads, more, wording=wording)


def home(
    threads: Sequence[HomeThread],
    alerts: Sequence[tuple[str, AlertState, Briefing]] | None,
    wording: Wording,
    watched: Sequence[WatchedThread] = (),
    extras: HomeExtras | None = None,
    followup: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """An App Home: open alerts (thread key, state, briefing; None: no alert section at all)
    and, for supervisors, the threads heating up without a cue; then the user's promises and
    growth (`extras`, in the `followup` wording), then their threads."""
    section = None
    if alerts is not None:
        open_alerts = [
            alert_blocks.OpenAlert.from_state(state, briefing, AlertRef(thread).encode())
            for thread, state, briefing in alerts
        ]
        section = alert_blocks.home_alert_blocks(open_alerts, wording=wording)
        if watched:
            section = section + alert_blocks.home_watch_blocks(watched, wording=wording)
    view = blocks.app_home_view(list(threads), section)
    sections = followup_blocks.home_sections(followup, extras) if extras and followup else []
    if sections:
        room = blocks.MAX_HOME_BLOCKS - len(view["blocks"])
        view["blocks"][2:2] = list(sections)[: max(0, room)]
    return view
