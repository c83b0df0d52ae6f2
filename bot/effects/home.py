"""What an App Home shows, as plain data (the Slack layer renders it).

Not an outbox effect: a home view is refreshed best effort and republished whole each time.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.models import Level, Trend


@dataclass(frozen=True, slots=True)
class HomeThread:
    """One coached thread as the App Home lists it."""

    channel_id: str
    thread_ts: str
    permalink: str | None
    heat: float  # 0..1
    level: Level
    trend: Trend
    hint_headline: str | None
    updated_at: float  # seconds since the epoch


@dataclass(frozen=True, slots=True)
class WatchedThread:
    """A thread on the heating-up list: hot, with no cue worth a ping of its own."""

    channel_id: str
    thread_ts: str
    permalink: str | None
    level: Level
    why: str  # a short reason (the reading's strongest signal, named)
    watched_at: float  # seconds since the epoch
    agent: str | None = None  # who is handling it
