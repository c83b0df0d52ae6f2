"""Factories: the Bolt app and the aiohttp web app around it (nothing happens at import time)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from bot import metrics
from bot.middleware import inject_services, observe_sharing
from bot.ops import metrics_view
from bot.services import Services
from bot.slack import hygiene
from bot.slack.client import make_web_client
from bot.slack.installs import INSTALL_PATH, REDIRECT_PATH
from bot.worker import WorkerPool
from handlers import register_all

log = logging.getLogger("undertone.app")

SERVICES = web.AppKey("services", Services)
BOLT = web.AppKey("bolt", AsyncApp)
WORKERS = web.AppKey("workers", WorkerPool)
STALLED_SECONDS = 120.0  # /readyz fails when an entry waited this long unprocessed
MAX_BODY = hygiene.MAX_BODY
# What Bolt raises, rather than reports, when it reads context or matches listeners on a payload
# whose fields have unexpected types; listener and middleware failures never escape dispatch (they
# go to the error handler, and a store failure still answers 500 so Slack retries).
BOLT_PARSING_ERRORS = (TypeError, AttributeError, KeyError, IndexError, ValueError)


def create_app(services: Services) -> AsyncApp:
    """The Bolt app with every listener registered and the services injected."""
    settings = services.settings
    auth: dict[str, Any]
    if services.installs:  # many workspaces: each request's workspace from its installation
        auth = {"client": services.notifier.client, **services.installs.bolt_options()}
    else:
        # One workspace: requests are authorized from what start-up learnt (auth.test, once),
        # never by a Web API call per request, so a correctly signed event is taken in even
        # while Slack's Web API is unreachable.
        auth = {
            "client": make_web_client(None, settings.slack_api_url),
            "authorize": services.identity.authorizer(),
        }
    app = AsyncApp(
        # named here: without a name Bolt takes its caller's file name from inspect.stack(),
        # which reads the source of every frame on the stack (most of an app's start-up). Not
        # "undertone": Bolt resets the level of the logger its app is named after on every
        # request, and "undertone" is ours.
        name="undertone-bolt",
        signing_secret=settings.secret("slack_signing_secret") or None,
        raise_error_for_unhandled_request=True,
        ignoring_self_events_enabled=True,
        process_before_response=False,
        # `_slack_events` checks the signature and its timestamp before Bolt sees a request
        # (hygiene.check_signature); Socket Mode has none. Checking it twice cost every ack.
        request_verification_enabled=False,
        **auth,
    )
    if services.installs:  # app_uninstalled / tokens_revoked delete the stored tokens
        app.enable_token_revocation_listeners()
    app.use(inject_services(services))
    app.use(observe_sharing(services))
    register_all(app)
    return app


class CheckedSocketModeHandler(AsyncSocketModeHandler):
    """Socket Mode with the same payload checks as HTTP: a malformed envelope is acknowledged
    (so Slack does not deliver the poison again), logged with ids only, and dropped."""

    async def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        rejection = hygiene.check_socket_payload(req.type, req.payload)
        if rejection is None:
            try:
                await super().handle(client, req)
                return
            except BOLT_PARSING_ERRORS as exc:
                rejection = hygiene.Rejection(400, "unprocessable", {"error": type(exc).__name__})
        log.info("request_rejected", extra={"reason": rejection.reason, **rejection.ids})
        await client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))


def socket_handler(app: AsyncApp, app_token: str) -> AsyncSocketModeHandler:
    """The Socket Mode handler `undertone socket` runs."""
    return CheckedSocketModeHandler(app, app_token)


def _refuse(rejection: hygiene.Rejection) -> web.Response:
    log.info("request_rejected", extra={"reason": rejection.reason, **rejection.ids})
    return web.json_response({"error": rejection.reason}, status=rejection.status)


async def _slack_events(request: web.Request) -> web.Response:
    """Size, signature and shape are checked here (a 4xx, never a 5xx); then Bolt dispatches."""
    bolt = request.app[BOLT]
    services = request.app[SERVICES]
    rejection = hygiene.check_size(request.content_length)
    if rejection is not None:
        return _refuse(rejection)
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return _refuse(hygiene.Rejection(413, "too_large"))
    secret = services.settings.secret("slack_signing_secret")
    rejection = hygiene.check_signature(secret, request.headers, raw, time.time())
    if rejection is not None:
        return _refuse(rejection)
    text, rejection = hygiene.check_body(raw, request.content_type)
    if rejection is not None:
        return _refuse(rejection)
    headers: dict[str, str | Sequence[str]] = {}
    for name in request.headers:
        headers[name.lower()] = request.headers.getall(name)
    try:
        bolt_request = AsyncBoltRequest(body=text, query=request.query_string, headers=headers)
        kind = metrics.event_kind(bolt_request.body)
        metrics.EVENTS_RECEIVED.labels(kind=kind).inc()
        bolt_response = await bolt.async_dispatch(bolt_request)
    except BOLT_PARSING_ERRORS as exc:  # Bolt choked on a field of an odd type before any listener
        return _refuse(hygiene.Rejection(400, "unprocessable", {"error": type(exc).__name__}))
    if 200 <= bolt_response.status < 300:
        metrics.EVENTS_ACKED.labels(kind=kind).inc()
    return await to_aiohttp_response(bolt_response)


async def _oauth(request: web.Request) -> web.StreamResponse:
    """`GET /slack/install` (the Add to Slack page) and `GET /slack/oauth_redirect` (Slack sends
    the admin back here with a code; the bot token is exchanged and stored encrypted)."""
    flow = request.app[BOLT].oauth_flow
    if flow is None:
        raise web.HTTPNotFound()
    bolt_request = await to_bolt_request(request)
    if request.path == flow.install_path:
        bolt_response = await flow.handle_installation(bolt_request)
    else:
        bolt_response = await flow.handle_callback(bolt_request)
    return await to_aiohttp_response(bolt_response)


async def _healthz(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


READY_CHECK_SECONDS = 2.0


async def _alert_channel_status(services: Services, channel: str) -> str:
    try:
        return await asyncio.wait_for(services.guard.status(channel), READY_CHECK_SECONDS)
    except TimeoutError:
        return "unknown"


async def _readyz(request: web.Request) -> web.Response:
    """Ready when the store answers, the phrasebook loaded, events will be read (the consumer
    group exists) and none waited unprocessed for long. Reports intake health (pending, unread,
    dead letters), effects waiting, and warnings: alert channels the leak guard refuses (shared
    outside the organisation; every replica would fail alike, so not a readiness failure) and
    set-up problems that lose something."""
    services = request.app[SERVICES]
    body: dict[str, Any] = {"ok": False, "store": await services.store.ping()}
    body["phrasebook"] = services.phrasebook is not None
    channels = sorted(services.directory.alert_channels)
    states = [await _alert_channel_status(services, c) for c in channels]
    alerts = dict(zip(channels, states, strict=True))
    body["alert_channels"] = alerts
    body["warnings"] = [
        f"alerts to {c} are refused: the channel is shared outside the organisation"
        for c, state in alerts.items()
        if state == "shared"
    ] + readiness_warnings(services)
    if body["store"]:
        try:
            intake = await services.store.intake_health()
            waiting, late = await services.store.ledger.due_stats(services.clock())
        except Exception as exc:  # answered, but not well enough to tell: not ready
            body["error"] = type(exc).__name__
        else:
            body["intake"] = intake.to_json()
            body["effects"] = {"threads_waiting": waiting, "most_late_seconds": round(late, 1)}
            stalled = max(intake.oldest_pending_seconds, intake.oldest_unread_seconds)
            body["ok"] = bool(body["phrasebook"]) and intake.group and stalled < STALLED_SECONDS
    return web.json_response(body, status=200 if body["ok"] else 503)


def readiness_warnings(services: Services) -> list[str]:
    """Set-up problems that do not stop Undertone but lose something (told at start and here)."""
    warnings: list[str] = []
    if not services.settings.supervisor_channel and not services.phrasebook.escalation.routes:
        warnings.append("UNDERTONE_SUPERVISOR_CHANNEL is not set: escalations are not posted")
    if services.installs is None and services.identity.workspace is None:
        warnings.append("Slack's auth.test has not answered yet: workspace unknown")
    return warnings


def create_web_app(services: Services, *, workers: int | None = None) -> web.Application:
    """`POST /slack/events`, `GET /healthz`, `GET /readyz`, `GET /metrics`; optional in-process
    stream workers."""
    app = web.Application(client_max_size=MAX_BODY)
    app[SERVICES] = services
    app[BOLT] = create_app(services)
    app.router.add_post("/slack/events", _slack_events)
    app.router.add_get("/healthz", _healthz)
    app.router.add_get("/readyz", _readyz)
    app.router.add_get("/metrics", metrics_view(services))
    if services.installs is not None:
        app.router.add_get(INSTALL_PATH, _oauth)
        app.router.add_get(REDIRECT_PATH, _oauth)
    count = services.settings.workers if workers is None else workers

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        try:
            await services.store.ensure_group()  # events taken in from now on will be read
        except Exception as exc:  # Redis down: workers create it when it is back
            log.warning("intake_group_unavailable", extra={"error": type(exc).__name__})
        pool = WorkerPool(services, count)
        app[WORKERS] = pool
        pool.start()
        yield
        await pool.stop(services.settings.shutdown_grace_seconds)  # finish or hand back
        await services.close()

    app.cleanup_ctx.append(lifecycle)
    return app
