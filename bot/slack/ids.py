"""Every Slack identifier Undertone defines (action ids, callback ids), in one place."""

from __future__ import annotations

from enum import StrEnum


class ActionId(StrEnum):
    """`action_id` of interactive elements."""

    HINT_USED = "hint_used"
    HINT_NOT_HELPFUL = "hint_not_helpful"
    HINT_SNOOZE = "hint_snooze"
    ALERT_CLAIM = "alert_claim"
    ALERT_JOIN = "alert_join"  # a URL button to the thread's permalink; acked and counted only
    ALERT_REASSIGN = "alert_reassign"
    ALERT_FALSE_ALARM = "alert_false_alarm"
    PLAYBOOK_OPEN = "playbook_open"  # buttons on the /playbook topic list
    THREAD_RESOLVE = "thread_resolve"  # "Mark resolved" (App Home, promise reminders)


class CallbackId(StrEnum):
    """`callback_id` of shortcuts and modals."""

    COACH_THREAD = "coach_thread"  # message shortcut "Coach me on this thread"
    FALSE_ALARM_MODAL = "false_alarm_reason"
    REASSIGN_MODAL = "reassign_alert"


class BlockId(StrEnum):
    """`block_id` of inputs read back from modals."""

    FALSE_ALARM_REASON = "false_alarm_reason"
    REASSIGN_USER = "reassign_user"
