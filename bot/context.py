"""What a task is working on: the workspace (for its bot token) and the ids its log lines carry.

The worker enters `entry_context` for each intake entry; Slack requests enter `working_on` with the
ids of their payload. Both are context variables, so concurrent tasks never see each other's ids.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping

from bot.logsetup import bind_ids
from bot.slack.client import current_team


@contextlib.contextmanager
def working_on(
    *,
    team: str | None,
    channel: str | None = None,
    thread_ts: str | None = None,
    event_id: str | None = None,
) -> Iterator[None]:
    """Calls to Slack use `team`'s token; log lines carry these ids until the block ends."""
    token = current_team.set(team or None)
    try:
        with bind_ids(team=team, channel=channel, thread_ts=thread_ts, event_id=event_id):
            yield
    finally:
        current_team.reset(token)


@contextlib.contextmanager
def entry_context(fields: Mapping[str, str]) -> Iterator[None]:
    """`working_on` the ids of one intake entry (absent fields are left out)."""
    with working_on(
        team=fields.get("team"),
        channel=fields.get("channel"),
        thread_ts=fields.get("thread_ts"),
        event_id=fields.get("event_id"),
    ):
        yield
