"""Alert effects: the supervisor's message about a thread, and the one reminder under it.

`AlertSync` means "make the supervisor channel show this thread's alert as it is now": the first
send posts it, later sends edit that message. It is rendered from the thread's stored briefing and
alert state at send time, so several changes made while Slack was unreachable go out as one edit.
An alert stays worth sending for a day; a reminder for an hour. While Slack fails, an alert is tried
again at least every `RETRY_CAP` seconds, so it goes out soon after Slack returns.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from bot.effects.envelope import Intent


class AlertSync(Intent):
    """Post the thread's alert into `channel`, or edit the message already posted."""

    DEADLINE: ClassVar[float] = 24 * 3600.0
    RETRY_CAP: ClassVar[float] = 5.0  # a ping held back by a Slack outage is late already

    kind: Literal["alert"] = "alert"
    v: Literal[1] = 1
    channel: str  # the supervisor channel a first post goes to


class AlertReminder(Intent):
    """The one re-notification of an unclaimed alert: a broadcast reply under it."""

    DEADLINE: ClassVar[float] = 3600.0

    kind: Literal["alert_reminder"] = "alert_reminder"
    v: Literal[1] = 1
    waited_seconds: float
