"""`undertone doctor` judges a channel's sharing exactly as the leak guard does."""

from __future__ import annotations

from typing import Any

import pytest

from bot.slack import workspace
from bot.slack.guard import shared_beyond_us


class OneChannel:
    """Answers `conversations.info` with one channel object."""

    def __init__(self, info: dict[str, Any]) -> None:
        self.info = info

    async def conversations_info(self, channel: str) -> dict[str, Any]:
        return {"channel": {"id": channel} | self.info}


@pytest.mark.parametrize(
    ("info", "shared"),
    [
        ({}, False),
        ({"is_shared": True, "is_org_shared": True}, False),  # Enterprise Grid: still ours
        ({"is_org_shared": True}, False),
        ({"is_shared": True}, True),
        ({"is_ext_shared": True}, True),  # Slack Connect
        ({"is_pending_ext_shared": True}, True),  # an invitation out is pending
    ],
)
async def test_the_doctor_calls_shared_what_the_guard_refuses(
    info: dict[str, Any], shared: bool
) -> None:
    facts = await workspace.channel_facts(OneChannel(info), "C1")  # type: ignore[arg-type]
    assert facts.found
    assert facts.is_shared is shared_beyond_us(info) is shared
