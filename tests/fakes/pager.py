"""Local fake of PagerDuty Events v2 and a paging webhook: aiohttp on port 0, records requests."""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any

from aiohttp import web

PAGERDUTY_PATH = "/v2/enqueue"
WEBHOOK_PATH = "/hook"


@dataclass(frozen=True)
class Recorded:
    """One request the fake received."""

    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)


class FakePager:
    """Answers like PagerDuty (202 + status/dedup_key) and like a webhook (200); scriptable.

    `script(path, 500, 429)` makes the next requests to `path` get those statuses;
    `script(path, "hang")` makes the next one wait until the fake stops (for client timeouts).
    """

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._scripts: dict[str, deque[int | str]] = defaultdict(deque)
        self._released = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """Base URL of the running fake."""
        return f"http://127.0.0.1:{self.port}"

    def script(self, path: str, *answers: int | str) -> None:
        """Queue answers (HTTP statuses or "hang") for the next requests to `path`."""
        self._scripts[path].extend(answers)

    async def start(self) -> FakePager:
        """Listen on a free local port."""
        app = web.Application()
        app.router.add_post(PAGERDUTY_PATH, self._handle)
        app.router.add_post(WEBHOOK_PATH, self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        """Release hung requests and shut down."""
        self._released.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.requests.append(Recorded(request.path, dict(request.headers), body))
        scripted = self._scripts[request.path]
        answer = scripted.popleft() if scripted else None
        if answer == "hang":
            await self._released.wait()
            return web.Response(status=503)
        if isinstance(answer, int):
            return web.json_response({"status": "error", "message": "scripted"}, status=answer)
        if request.path == PAGERDUTY_PATH:
            return self._pagerduty(body)
        return web.json_response({"ok": True})

    @staticmethod
    def _pagerduty(body: bytes) -> web.Response:
        try:
            data = json.loads(body)
        except ValueError:
            return web.json_response({"status": "invalid event", "message": "bad JSON"}, status=400)
        payload = data.get("payload") or {}
        valid = (
            isinstance(data.get("routing_key"), str)
            and len(data["routing_key"]) > 0
            and data.get("event_action") in ("trigger", "acknowledge", "resolve")
            and isinstance(payload.get("summary"), str)
            and isinstance(payload.get("source"), str)
            and payload.get("severity") in ("critical", "error", "warning", "info")
        )
        if not valid:
            return web.json_response(
                {"status": "invalid event", "message": "missing fields"}, status=400
            )
        return web.json_response(
            {"status": "success", "message": "Event processed", "dedup_key": data.get("dedup_key")},
            status=202,
        )
