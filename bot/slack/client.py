"""The Web API client every outgoing call goes through: counted by method, and, when Undertone is
installed in many workspaces, given the bot token of the workspace being worked on.

Single-workspace mode (`SLACK_BOT_TOKEN`): the client carries that token, as before.
Many workspaces (OAuth install): the client has no token of its own; the workspace is named by
`current_team` (set by the worker per entry and by a middleware per Slack request) and a
`TokenSource` returns its bot token (refreshed under a lock when token rotation is on).
"""

from __future__ import annotations

import asyncio
import contextvars
from typing import Any, Protocol, cast

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot import metrics
from bot.effects import SendFailed
from bot.slack.budget import SlackBudget
from bot.slack.errors import error_code

current_team: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "undertone_current_team", default=None
)


class NoTokenError(RuntimeError):
    """Many workspaces: no bot token for this call now (no workspace in context, or that
    workspace is not installed); callers that fail closed treat it like Slack not answering."""


class NoWorkspaceError(NoTokenError):
    """A Web API call in many-workspace mode with no workspace (team) in context."""


class TokenSource(Protocol):
    async def bot_token(self, team_id: str) -> str: ...


class RateLimitCounter(AsyncRetryHandler):
    """Counts every HTTP 429 by method and pauses the method for every process (the shared
    budget); never retries itself (the next handler does)."""

    budget: SlackBudget | None = None

    async def can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is not None and response.status_code == 429:
            method = request.url.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
            metrics.SLACK_RATE_LIMITED.labels(method=method).inc()
            if self.budget is not None:
                await self.budget.paused(current_team.get(), method, _retry_after(response))
        return False


def _retry_after(response: HttpResponse) -> float:
    values = {k.lower(): v for k, v in (response.headers or {}).items()}.get("retry-after")
    value = values[0] if isinstance(values, list) and values else values
    try:
        return max(0.0, float(str(value))) if value else 1.0
    except (TypeError, ValueError):
        return 1.0


def _call_args(kwargs: dict[str, Any]) -> dict[str, Any]:
    for part in ("json", "params", "data"):
        if isinstance(kwargs.get(part), dict):
            return cast(dict[str, Any], kwargs[part])
    return {}


def _has_credentials(kwargs: dict[str, Any]) -> bool:
    """The call names its own credentials (OAuth client auth, or `token=` as Bolt passes it)."""
    if kwargs.get("auth"):
        return True
    return any(
        isinstance(kwargs.get(part), dict) and kwargs[part].get("token")
        for part in ("params", "json", "data")
    )


class UndertoneWebClient(AsyncWebClient):
    """`AsyncWebClient` that counts calls and, without a token of its own, asks a `TokenSource`.

    A long-lived client (`keep_alive`) sends every call through one HTTP session per event loop,
    so connections to Slack (and their TLS handshakes) are reused: without a session of its own,
    slack_sdk opens and closes one, with a new connection, for every call. `close()` ends it."""

    tokens: TokenSource | None = None
    budget: SlackBudget | None = None
    keep_alive: bool = False
    _session_loop: asyncio.AbstractEventLoop | None = None

    def _ensure_session(self) -> None:
        loop = asyncio.get_running_loop()
        if self.session is None or self.session.closed or self._session_loop is not loop:
            self.session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.timeout)
            )
            self._session_loop = loop

    async def close(self) -> None:
        """Close the kept-alive session (a later call opens a new one)."""
        session, loop = self.session, self._session_loop
        self.session, self._session_loop = None, None
        if session is not None and not session.closed and loop is asyncio.get_running_loop():
            await session.close()

    def use_budget(self, budget: SlackBudget) -> None:
        """Charge calls to shared rate budgets, and pause methods Slack answered 429 for."""
        self.budget = budget
        for handler in self.retry_handlers:
            if isinstance(handler, RateLimitCounter):
                handler.budget = budget

    async def api_call(self, api_method: str, **kwargs: Any) -> AsyncSlackResponse:
        if self.budget is not None and self.budget.covers(api_method):
            wait = await self.budget.take(current_team.get(), api_method, _call_args(kwargs))
            if wait > 0:  # not sent: the effect waits its turn (as after a 429)
                metrics.slack_call(api_method, "budget_wait")
                raise SendFailed("rate_budget", retry_after=wait)
        if self.token is None and self.tokens is not None and not _has_credentials(kwargs):
            kwargs = await self._with_workspace_token(api_method, kwargs)
        if self.keep_alive:
            self._ensure_session()
        try:
            response = await super().api_call(api_method, **kwargs)
        except SlackApiError as exc:
            metrics.slack_call(api_method, error_code(exc) or "error")
            raise
        except Exception as exc:
            metrics.slack_call(api_method, type(exc).__name__)
            raise
        metrics.slack_call(api_method, "ok")
        return response

    async def _with_workspace_token(
        self, api_method: str, kwargs: dict[str, Any]
    ) -> dict[str, Any]:
        team = current_team.get()
        if not team:
            raise NoWorkspaceError(f"{api_method}: no workspace in context for its bot token")
        assert self.tokens is not None
        token = await self.tokens.bot_token(team)
        headers = dict(kwargs.get("headers") or {})
        headers["Authorization"] = f"Bearer {token}"
        return kwargs | {"headers": headers}


SLACK_TIMEOUT = 8  # seconds per Web API call; a delivery lease outlasts two of them


def make_web_client(
    token: str | None, base_url: str, *, tokens: TokenSource | None = None
) -> UndertoneWebClient:
    """A client that fails fast, every 429 and call counted. A 429 is not retried in-process:
    delivery reschedules the effect after Retry-After instead of holding a worker asleep
    (connection errors are retried once by slack_sdk's default handler)."""
    client = UndertoneWebClient(token=token or None, base_url=base_url, timeout=SLACK_TIMEOUT)
    client.tokens = tokens
    client.retry_handlers.insert(0, RateLimitCounter())
    return client
