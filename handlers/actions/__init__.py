"""Interactivity: whisper buttons, alert buttons and modals, the "Coach me" message shortcut."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.ids import ActionId, CallbackId
from handlers.actions.alerts import (
    handle_alert_claim,
    handle_alert_false_alarm,
    handle_alert_join,
    handle_alert_reassign,
    handle_false_alarm_submitted,
    handle_reassign_submitted,
)
from handlers.actions.coach_shortcut import handle_coach_shortcut
from handlers.actions.hint_feedback import handle_hint_feedback
from handlers.actions.playbook_open import handle_playbook_open
from handlers.actions.resolve import handle_resolve


def register(app: AsyncApp) -> None:
    for action in (ActionId.HINT_USED, ActionId.HINT_NOT_HELPFUL, ActionId.HINT_SNOOZE):
        app.action(action.value)(handle_hint_feedback)
    app.action(ActionId.ALERT_CLAIM.value)(handle_alert_claim)
    app.action(ActionId.ALERT_JOIN.value)(handle_alert_join)
    app.action(ActionId.ALERT_REASSIGN.value)(handle_alert_reassign)
    app.action(ActionId.ALERT_FALSE_ALARM.value)(handle_alert_false_alarm)
    app.action(ActionId.PLAYBOOK_OPEN.value)(handle_playbook_open)
    app.action(ActionId.THREAD_RESOLVE.value)(handle_resolve)
    app.view(CallbackId.FALSE_ALARM_MODAL.value)(handle_false_alarm_submitted)
    app.view(CallbackId.REASSIGN_MODAL.value)(handle_reassign_submitted)
    app.shortcut(CallbackId.COACH_THREAD.value)(handle_coach_shortcut)
