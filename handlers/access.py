"""Who is asking, what their role allows, and the polite refusal when it does not (handlers only).

The role comes from the one place that decides it (`services.directory.role_of`); refusals go
through the notifier, so the leak guard sees them too, and say nothing about any thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.core.access import Role
from bot.services import Services
from bot.slack import blocks
from bot.slack.directory import LookupFailed

log = logging.getLogger("undertone.access")


def text(value: Any) -> str:
    """A payload field that should be a string ('' when it is not)."""
    return value if isinstance(value, str) else ""


def field(payload: dict[str, Any], key: str) -> dict[str, Any]:
    """A payload field that should be an object ({} when it is not)."""
    value = payload.get(key)
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True, slots=True)
class Caller:
    """The person behind an interaction or command, and where an answer to them can go."""

    user: str
    team_hint: str  # the user's team as the payload states it ('' when it does not)
    channel: str
    response_url: str
    original_is_visible: bool  # the clicked message is a channel message, not an ephemeral

    @classmethod
    def of(cls, body: dict[str, Any]) -> Caller:
        user, channel, container = (field(body, k) for k in ("user", "channel", "container"))
        return cls(
            user=text(user.get("id")) or text(body.get("user_id")),
            team_hint=text(user.get("team_id")),
            channel=text(channel.get("id")) or text(body.get("channel_id")),
            response_url=text(body.get("response_url")),
            original_is_visible=container.get("type") == "message"
            and not container.get("is_ephemeral"),
        )


async def role_of(services: Services, caller: Caller) -> Role:
    return await services.directory.role_of(caller.user, team_hint=caller.team_hint)


async def answer_privately(services: Services, caller: Caller, message: dict[str, Any]) -> None:
    """An ephemeral answer with internal content, to the caller only."""
    if caller.response_url:
        await services.notifier.answer(
            caller.response_url, message, user=caller.user, channel=caller.channel, internal=True
        )


async def refuse(
    services: Services, caller: Caller, text: str | None, *, what: str, role: Role | None
) -> None:
    """Log the refusal (ids only; role None: Slack could not say) and, given a text, tell the
    caller privately; nothing else happens."""
    shown = role.value if role else "unknown"
    log.info("request_refused", extra={"user": caller.user, "role": shown, "what": what})
    if not (caller.response_url and text):
        return
    await services.notifier.answer(
        caller.response_url,
        blocks.notice_message(text),
        user=caller.user,
        channel=caller.channel,
        internal=False,
    )


async def allow(
    services: Services,
    caller: Caller,
    *,
    what: str,
    needs: Callable[[Role], bool],
    refusal: str,
) -> bool:
    """True when the caller's role passes `needs`; otherwise refuse politely and return False.
    When Slack cannot say who the caller is, nothing happens and they are asked to try again."""
    try:
        role = await services.directory.role_of(
            caller.user, team_hint=caller.team_hint, strict=True
        )
    except LookupFailed:
        text = services.phrasebook.access.try_again
        await refuse(services, caller, text, what=what, role=None)
        return False
    if needs(role):
        return True
    await refuse(services, caller, refusal, what=what, role=role)
    return False


async def allow_support_team(services: Services, caller: Caller, *, what: str) -> bool:
    """`allow` for what only the support team (agents and supervisors) may do."""
    return await allow(
        services,
        caller,
        what=what,
        needs=is_support_team,
        refusal=services.phrasebook.access.support_team_only,
    )


def is_supervisor(role: Role) -> bool:
    return role is Role.SUPERVISOR


def is_support_team(role: Role) -> bool:
    return role.is_support_team
