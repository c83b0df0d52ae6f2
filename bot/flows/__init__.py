"""Business flows, called by handlers and the worker; no Slack payload shapes, no Redis commands."""

from __future__ import annotations

from bot.flows.alerts import alert_action, renotify_due
from bot.flows.briefs import briefing_from_json, briefing_to_json
from bot.flows.coaching import answer_playbook, coach_reading, record_hint_feedback
from bot.flows.delivery import DeliveryError, deliver
from bot.flows.home import publish_home
from bot.flows.messages import process_entry
from bot.flows.threads import ConflictError, mutate_thread

__all__ = [
    "ConflictError",
    "DeliveryError",
    "alert_action",
    "answer_playbook",
    "briefing_from_json",
    "briefing_to_json",
    "coach_reading",
    "deliver",
    "mutate_thread",
    "process_entry",
    "publish_home",
    "record_hint_feedback",
    "renotify_due",
]
