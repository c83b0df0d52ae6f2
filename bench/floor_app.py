"""The bare-Bolt floor for `bench/scale.py`: what any Bolt app pays, with no Redis and no scoring.

usage: python bench/floor_app.py PORT  (env: SLACK_SIGNING_SECRET, SLACK_API_URL)

A minimal `AsyncApp` served by aiohttp: Bolt checks the signature and acks; for a customer line
that carries the bench's anger marker it posts one `chat.postEphemeral` to the thread's agent.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization import AuthorizeResult
from slack_sdk.web.async_client import AsyncWebClient

MARKER = "UNACCEPTABLE"  # in every angry line of the bench traffic (bench/scale.py)
AGENT = os.environ.get("FLOOR_AGENT", "U_AGENT")


async def authorize(**_: Any) -> AuthorizeResult:
    return AuthorizeResult(enterprise_id=None, team_id="T_OURS", bot_token="xoxb-floor")


def main(port: int) -> None:
    client = AsyncWebClient(token="xoxb-floor", base_url=os.environ["SLACK_API_URL"])
    app = AsyncApp(
        signing_secret=os.environ["SLACK_SIGNING_SECRET"], client=client, authorize=authorize
    )

    @app.event("message")
    async def on_message(event: dict[str, Any], ack: Any) -> None:
        await ack()
        if MARKER in str(event.get("text") or "").upper():
            await client.chat_postEphemeral(
                channel=event["channel"],
                user=AGENT,
                thread_ts=event.get("thread_ts") or event["ts"],
                text="floor whisper",
            )

    async def events(request: web.Request) -> web.Response:
        response = await app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(response)

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    web_app = web.Application()
    web_app.router.add_post("/slack/events", events)
    web_app.router.add_get("/healthz", healthz)
    web.run_app(web_app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main(int(sys.argv[1]))
