"""Factories: the Bolt app and the aiohttp web app around it (nothing happens at import time)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.signature import SignatureVerifier

from bot.middleware import inject_services
from bot.services import Services
from bot.worker import run_workers
from handlers import register_all

log = logging.getLogger("undertone.app")

SERVICES = web.AppKey("services", Services)
BOLT = web.AppKey("bolt", AsyncApp)
WORKERS = web.AppKey("workers", asyncio.Task[None])
MAX_BODY = 1024 * 1024  # Slack payloads are far smaller; anything bigger is refused with 413


def create_app(services: Services) -> AsyncApp:
    """The Bolt app with every listener registered and the services injected."""
    settings = services.settings
    app = AsyncApp(
        client=services.notifier.client,
        signing_secret=settings.secret("slack_signing_secret") or None,
        raise_error_for_unhandled_request=True,
        ignoring_self_events_enabled=True,
        process_before_response=False,
    )
    app.use(inject_services(services))
    register_all(app)
    return app


async def _slack_events(request: web.Request) -> web.Response:
    bolt = request.app[BOLT]
    services = request.app[SERVICES]
    try:
        bolt_request = await to_bolt_request(request)
    except Exception:  # unparseable body: say so, but only to a correctly signed caller
        raw = await request.text()
        verifier = SignatureVerifier(services.settings.secret("slack_signing_secret"))
        if not verifier.is_valid_request(raw, dict(request.headers)):
            return web.json_response({"error": "invalid request"}, status=401)
        return web.json_response({"error": "malformed payload"}, status=400)
    bolt_response = await bolt.async_dispatch(bolt_request)
    return await to_aiohttp_response(bolt_response)


async def _healthz(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def _readyz(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    store_ok = await services.store.ping()
    phrasebook_ok = services.phrasebook is not None
    status = 200 if store_ok and phrasebook_ok else 503
    return web.json_response(
        {"ok": status == 200, "store": store_ok, "phrasebook": phrasebook_ok}, status=status
    )


def create_web_app(services: Services, *, workers: int | None = None) -> web.Application:
    """`POST /slack/events`, `GET /healthz`, `GET /readyz`; optional in-process stream workers."""
    app = web.Application(client_max_size=MAX_BODY)
    app[SERVICES] = services
    app[BOLT] = create_app(services)
    app.router.add_post("/slack/events", _slack_events)
    app.router.add_get("/healthz", _healthz)
    app.router.add_get("/readyz", _readyz)
    count = services.settings.workers if workers is None else workers

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        task = asyncio.create_task(run_workers(services, count)) if count else None
        if task is not None:
            app[WORKERS] = task
        yield
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await services.close()

    app.cleanup_ctx.append(lifecycle)
    return app
