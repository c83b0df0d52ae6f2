"""Page: on-call is paged through one pager (PagerDuty or the webhook) for a severe alert.

One effect per pager, so a pager that is down is retried without re-paging the other one. The
summary is rendered at send time from the phrasebook's `page_summary` template: ids and labels
only, no customer text and no Slack markup.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from bot.effects.envelope import Intent

PagerName = Literal["pagerduty", "webhook"]


class Page(Intent):
    """Page on-call about the thread (de-duplicated on the thread key by the pager)."""

    DEADLINE: ClassVar[float] = 3600.0

    kind: Literal["page"] = "page"
    v: Literal[1] = 1
    pager: PagerName
    thread: str  # ThreadRef.key: the pager's dedup key
    severity: int  # bot.core.escalation.Severity value
    cue: str  # cue label
    channel: str  # source channel id
