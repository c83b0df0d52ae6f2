"""Operations endpoints: `GET /metrics` for Prometheus, and the small ops server of `worker`.

`serve` adds `/metrics` beside its `/healthz` and `/readyz`; `undertone worker` has no Slack
endpoint, so it serves `/healthz`, `/readyz` and `/metrics` on its own port for probes and scraping.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot import metrics
from bot.services import Services

log = logging.getLogger("undertone.ops")

OPS_SERVICES = web.AppKey("ops_services", Services)
STATS_TIMEOUT = 2.0  # a slow Redis must not hang the scrape: the gauges keep their last values


async def refresh_intake_gauges(services: Services) -> None:
    """Read the intake stream's pending count, backlog and lag into their gauges."""
    try:
        stats = await asyncio.wait_for(
            services.store.intake_stats(time.time()), timeout=STATS_TIMEOUT
        )
    except Exception as exc:  # a scrape must still answer when Redis is away
        log.warning("intake_stats_failed", extra={"error": type(exc).__name__})
        return
    metrics.set_intake(*stats)


def metrics_view(
    services: Services,
) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """The `/metrics` handler (Prometheus text format, or OpenMetrics when the scraper asks)."""

    async def handler(request: web.Request) -> web.StreamResponse:
        await refresh_intake_gauges(services)
        body, content_type = metrics.render(request.headers.get("Accept"))
        return web.Response(body=body, headers={"Content-Type": content_type})

    return handler


async def _healthz(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def _readyz(request: web.Request) -> web.Response:
    ok = await request.app[OPS_SERVICES].store.ping()
    return web.json_response({"ok": ok, "store": ok}, status=200 if ok else 503)


def create_ops_app(services: Services) -> web.Application:
    """The worker's ops server: `/healthz`, `/readyz` (store reachable) and `/metrics`."""
    app = web.Application()
    app[OPS_SERVICES] = services
    app.router.add_get("/healthz", _healthz)
    app.router.add_get("/readyz", _readyz)
    app.router.add_get("/metrics", metrics_view(services))
    return app
