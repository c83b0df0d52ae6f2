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


@dataclass(frozen=True, slots=True)
class HomePromise:
    """An open promise or a check-in due, as the agent's App Home lists it."""

    thread: str  # ThreadRef.key (the "Mark resolved" button carries it)
    link: str
    due_at: float
    quote: str  # the agent's own words ('' for a check-in)
    overdue: bool
    check_in: bool = False


@dataclass(frozen=True, slots=True)
class HomeExtras:
    """The follow-through part of an App Home: promises, the user's own growth (None: not shown)
    and, for supervisors when the team turned it on, each agent's numbers."""

    promises: tuple[HomePromise, ...] = ()
    growth: tuple[str, ...] | None = None
    team_growth: tuple[str, ...] | None = None
