"""Business flows, called by handlers and the worker; no Slack payload shapes, no Block Kit, no
Redis commands."""

from __future__ import annotations

from bot.flows.alerts import alert_action, renotify_due, sweep_alerts
from bot.flows.briefs import briefing_from_json, briefing_to_json
from bot.flows.coaching import CoachReading, answer_playbook, coach_reading, record_hint_feedback
from bot.flows.delivery import deliver
from bot.flows.home import home_opened, publish_home
from bot.flows.messages import process_batch, process_entry
from bot.flows.threads import ConflictError, mutate_thread

__all__ = [
    "CoachReading",
    "ConflictError",
    "alert_action",
    "answer_playbook",
    "briefing_from_json",
    "briefing_to_json",
    "coach_reading",
    "deliver",
    "home_opened",
    "mutate_thread",
    "process_batch",
    "process_entry",
    "publish_home",
    "record_hint_feedback",
    "renotify_due",
    "sweep_alerts",
]
