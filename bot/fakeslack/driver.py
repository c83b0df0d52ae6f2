"""Plays Slack's side of the HTTP conversation: signs payloads and POSTs them to the app."""

from __future__ import annotations

import json
import time
from typing import Any, NamedTuple
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

STALE_SECONDS = 301  # one second outside Slack's five-minute replay window


class DriverResponse(NamedTuple):
    """What the app answered: HTTP status, body text, and seconds until the answer arrived."""

    status: int
    body: str
    elapsed: float


class SlackDriver:
    """Sends signed Events API, slash-command and interactivity requests to an app's URL."""

    def __init__(self, base_url: str, signing_secret: str, path: str = "/slack/events") -> None:
        self.url = base_url.rstrip("/") + path
        self._verifier = SignatureVerifier(signing_secret)

    async def post_event(
        self,
        envelope: dict[str, Any],
        *,
        retry_num: int | None = None,
        forged: bool = False,
        stale: bool = False,
    ) -> DriverResponse:
        """POST an Events API envelope as JSON."""
        raw = json.dumps(envelope)
        return await self._post(raw, "application/json", retry_num, forged, stale)

    async def post_command(
        self,
        fields: dict[str, str],
        *,
        retry_num: int | None = None,
        forged: bool = False,
        stale: bool = False,
    ) -> DriverResponse:
        """POST slash-command form fields (also used for `ssl_check=1` probes)."""
        raw = urlencode(fields)
        return await self._post(raw, "application/x-www-form-urlencoded", retry_num, forged, stale)

    async def post_interaction(
        self,
        payload: dict[str, Any],
        *,
        retry_num: int | None = None,
        forged: bool = False,
        stale: bool = False,
    ) -> DriverResponse:
        """POST an interactivity payload as the form field `payload=<json>`."""
        raw = urlencode({"payload": json.dumps(payload)})
        return await self._post(raw, "application/x-www-form-urlencoded", retry_num, forged, stale)

    def signed_headers(
        self,
        raw: str,
        content_type: str,
        *,
        retry_num: int | None = None,
        forged: bool = False,
        stale: bool = False,
    ) -> dict[str, str]:
        """The headers Slack would send with `raw`: timestamp, `v0=` signature, retry markers."""
        ts = str(int(time.time()) - (STALE_SECONDS if stale else 0))
        signature = self._verifier.generate_signature(timestamp=ts, body=raw) or ""
        if forged:
            signature = "v0=" + "0" * 64
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature,
        }
        if retry_num is not None:
            headers["X-Slack-Retry-Num"] = str(retry_num)
            headers["X-Slack-Retry-Reason"] = "http_timeout"
        return headers

    async def _post(
        self, raw: str, content_type: str, retry_num: int | None, forged: bool, stale: bool
    ) -> DriverResponse:
        headers = self.signed_headers(
            raw, content_type, retry_num=retry_num, forged=forged, stale=stale
        )
        async with aiohttp.ClientSession() as session:
            started = time.perf_counter()
            async with session.post(self.url, data=raw.encode(), headers=headers) as resp:
                body = await resp.text()
                return DriverResponse(resp.status, body, time.perf_counter() - started)
