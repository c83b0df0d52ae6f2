"""Signed payloads with fields of the wrong type or missing, over real HTTP: each is answered below
500 and nothing (Bolt, a listener, the leak guard) logs an error or a stack trace, not even after
the ack. Every field of every payload Undertone handles is tried with null, a number, a list, an
object and an empty string."""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bot.fakeslack import payloads as p
from bot.slack.ids import ActionId, BlockId, CallbackId
from tests.scenario.conftest import Bot, LogWatch

ODD: list[Any] = [None, 42, [], {}, ""]
REF = json.dumps({"a": "T_OURS:C_SHARED:1.000001"})


def paths(value: Any, prefix: tuple[Any, ...] = (), depth: int = 3) -> Iterator[tuple[Any, ...]]:
    """Every key path into dicts (and the first item of lists), `depth` levels deep."""
    if depth == 0:
        return
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*prefix, key)
            yield from paths(child, (*prefix, key), depth - 1)
    elif isinstance(value, list) and value:
        yield (*prefix, 0)
        yield from paths(value[0], (*prefix, 0), depth - 1)


def variants(payload: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for path in paths(payload):
        for odd in ODD:
            changed = copy.deepcopy(payload)
            target = changed
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = odd
            yield changed
        dropped = copy.deepcopy(payload)
        target = dropped
        for key in path[:-1]:
            target = target[key]
        if isinstance(target, dict):
            del target[path[-1]]
            yield dropped


def press(action: ActionId, value: str, *, ephemeral: bool) -> Callable[[Bot], dict[str, Any]]:
    return lambda bot: p.block_action(
        action.value,
        value,
        user=p.SUPERVISOR,
        channel=p.CHANNEL_SUP,
        message_ts="1.000001",
        is_ephemeral=ephemeral,
        response_url=bot.slack.response_url(),
    )


INTERACTIONS: dict[str, Callable[[Bot], dict[str, Any]]] = {
    "alert claim": press(ActionId.ALERT_CLAIM, REF, ephemeral=False),
    "alert reassign": press(ActionId.ALERT_REASSIGN, REF, ephemeral=False),
    "hint used": press(ActionId.HINT_USED, json.dumps({"t": "T:C:1", "h": "x"}), ephemeral=True),
    "playbook open": press(ActionId.PLAYBOOK_OPEN, "indignant", ephemeral=True),
    "mark resolved": press(
        ActionId.THREAD_RESOLVE, json.dumps({"r": "T_OURS:C_SHARED:1.000001"}), ephemeral=False
    ),
    "coach me": lambda bot: p.message_shortcut(
        CallbackId.COACH_THREAD.value,
        p.message_object(text="hi", user=p.CUSTOMER, ts="1.000001"),
        response_url=bot.slack.response_url(),
    ),
    "reassign modal": lambda bot: p.view_submission(
        CallbackId.REASSIGN_MODAL.value,
        REF,
        {BlockId.REASSIGN_USER.value: {"u": {"type": "users_select", "selected_user": p.AGENT}}},
    ),
}
EVENTS: dict[str, Callable[[], dict[str, Any]]] = {
    "message": lambda: p.message_event(text="WHERE IS MY REFUND", user=p.CUSTOMER),
    "app_home_opened": lambda: p.app_home_opened(p.AGENT),
    "member_joined_channel": lambda: p.member_joined_channel(p.CUSTOMER, p.CHANNEL_SUP),
    "channel_shared": lambda: p.channel_shared(p.CHANNEL_HELP),
    "reaction_added": lambda: p.reaction_added(
        "white_check_mark", user=p.AGENT, channel=p.CHANNEL_SHARED, ts="1.000001"
    ),
    "practice reply": lambda: p.message_event(
        text="I'm so sorry.",
        user=p.AGENT,
        channel=f"D_{p.AGENT}",
        channel_type="im",
        is_ext_shared_channel=False,
    ),
}


async def quiet(before: set[asyncio.Task[Any]]) -> None:
    """Wait for the work the requests started (Bolt runs listeners after the ack); not for the
    fake Slack's handler of a kept-alive connection, which waits for the next request."""
    current = asyncio.current_task()
    started = [
        t
        for t in asyncio.all_tasks()
        if t not in before and t is not current and not _serves_a_connection(t)
    ]
    if started:
        await asyncio.wait(started, timeout=10)


def _serves_a_connection(task: asyncio.Task[Any]) -> bool:
    return getattr(task.get_coro(), "__qualname__", "").startswith("RequestHandler.")


@pytest.mark.parametrize("name", sorted(INTERACTIONS))
async def test_interactions_with_odd_fields(bot: Bot, logs: LogWatch, name: str) -> None:
    before = asyncio.all_tasks()
    statuses = set()
    for payload in variants(INTERACTIONS[name](bot)):
        statuses.add((await bot.driver.post_interaction(payload)).status)
    await quiet(before)
    assert max(statuses) < 500, statuses
    assert [r.getMessage() for r in logs.failures()] == []


@pytest.mark.parametrize("name", sorted(EVENTS))
async def test_events_with_odd_fields(bot: Bot, logs: LogWatch, name: str) -> None:
    before = asyncio.all_tasks()
    statuses = set()
    for envelope in variants(EVENTS[name]()):
        if isinstance(envelope.get("event_id"), str):
            envelope["event_id"] = f"{envelope['event_id']}-{len(statuses)}-{id(envelope)}"
        statuses.add((await bot.driver.post_event(envelope)).status)
    await bot.drain()
    await quiet(before)
    assert max(statuses) < 500, statuses
    assert [r.getMessage() for r in logs.failures()] == []


@pytest.mark.parametrize("text", ["angry", "practice indignant", "digest"])
async def test_slash_commands_with_odd_fields(bot: Bot, logs: LogWatch, text: str) -> None:
    before = asyncio.all_tasks()
    base = p.slash_command("/playbook", text, response_url=bot.slack.response_url())
    statuses = set()
    for key in base:
        for odd in ("", "x" * 5000, "%00", "\u202e"):
            statuses.add((await bot.driver.post_command(base | {key: odd})).status)
        statuses.add(
            (await bot.driver.post_command({k: v for k, v in base.items() if k != key})).status
        )
    await quiet(before)
    assert max(statuses) < 500, statuses
    assert [r.getMessage() for r in logs.failures()] == []
