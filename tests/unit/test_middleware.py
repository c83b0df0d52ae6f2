"""The global middleware: every listener works on the workspace of its request."""

from __future__ import annotations

from typing import Any

import pytest

from bot.middleware import inject_services
from bot.slack.client import current_team


async def workspace_seen(context: dict[str, Any]) -> str | None:
    seen: list[str | None] = []

    async def listener() -> None:
        seen.append(current_team.get())

    await inject_services(services=object())(context, listener)  # type: ignore[arg-type]
    return seen[0]


class Authorized:
    team_id = "T_INSTALLED"


async def test_the_authorized_workspace_wins_over_the_payloads_team() -> None:
    context = {"authorize_result": Authorized(), "team_id": "T_PAYLOAD"}
    assert await workspace_seen(context) == "T_INSTALLED"


async def test_without_authorization_the_payloads_team_is_the_workspace() -> None:
    assert await workspace_seen({"team_id": "T_PAYLOAD"}) == "T_PAYLOAD"


@pytest.mark.parametrize("odd", [None, 42, ["T1"], {"id": "T1"}, ""])
async def test_a_team_field_that_is_not_an_id_names_no_workspace(odd: Any) -> None:
    assert await workspace_seen({"team_id": odd}) is None
    assert current_team.get() is None  # and nothing leaks out of the request
