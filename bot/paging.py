"""On-call paging: PagerDuty Events API v2 and a signed generic webhook.

Pages carry ids, the cue label and the permalink only: no customer message text, and no Slack
markup, leaves for a pager. A page that does not go through raises `SendFailed` (retried by
delivery like every effect: timeouts, 429 and 5xx later, other 4xx never); pagers de-duplicate on
the thread key, so a retried page never opens a second incident.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp

from bot.effects import SendFailed
from phrasebook.render import render

log = logging.getLogger(__name__)

PAGERDUTY_URL = "https://events.pagerduty.com/v2/enqueue"
SIGNATURE_HEADER = "X-Undertone-Signature"
TIMESTAMP_HEADER = "X-Undertone-Timestamp"
SUMMARY_LIMIT = 1024  # PagerDuty payload.summary
DEDUP_LIMIT = 255  # PagerDuty dedup_key
DEFAULT_TIMEOUT = 10.0

# Severity values (bot.core.escalation.Severity) -> PagerDuty severities.
PD_SEVERITY = {3: "critical", 2: "error", 1: "warning"}


@dataclass(frozen=True, slots=True)
class PageEvent:
    """One page: a thread key to de-duplicate on, a short summary, and where to look."""

    dedup_key: str  # the thread key: re-pages of one thread collapse into one incident
    summary: str  # ids and labels only, never customer text
    severity: int  # Severity value: 1 low, 2 high, 3 critical
    permalink: str
    cue: str  # cue label (or kind)
    channel: str  # source channel id


class Pager(Protocol):
    """Something that can page on-call."""

    name: str

    async def page(self, event: PageEvent) -> bool:
        """Send the page: True when the service accepted it, else SendFailed."""
        ...


def pagerduty_body(routing_key: str, event: PageEvent) -> dict[str, Any]:
    """The Events API v2 `trigger` body for one page."""
    body: dict[str, Any] = {
        "routing_key": routing_key,
        "event_action": "trigger",
        "dedup_key": event.dedup_key[:DEDUP_LIMIT],
        "client": "Undertone",
        "payload": {
            "summary": event.summary[:SUMMARY_LIMIT],
            "source": f"slack:{event.channel}",
            "severity": PD_SEVERITY.get(event.severity, "warning"),
            "component": "support-thread",
            "class": event.cue,
            "custom_details": {
                "cue": event.cue,
                "channel": event.channel,
                "severity": event.severity,
                "thread": event.dedup_key,
            },
        },
    }
    if event.permalink:
        body["links"] = [{"href": event.permalink, "text": "Open the Slack thread"}]
    return body


def webhook_body(event: PageEvent) -> dict[str, Any]:
    """The generic webhook's JSON body."""
    return {
        "type": "undertone.page",
        "dedup_key": event.dedup_key,
        "summary": event.summary,
        "severity": PD_SEVERITY.get(event.severity, "warning"),
        "cue": event.cue,
        "channel": event.channel,
        "permalink": event.permalink,
    }


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """HMAC-SHA256 over `"<timestamp>." + body`, as `sha256=<hex>`."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    """Check a webhook signature (for receivers and tests), in constant time."""
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def _retry_after(headers: Any) -> float | None:
    try:
        value = headers.get("Retry-After")
        return max(0.0, float(value)) if value is not None else None
    except (TypeError, ValueError):
        return None


async def _post(
    session: aiohttp.ClientSession,
    name: str,
    url: str,
    data: bytes,
    headers: dict[str, str],
    timeout: float,
    event: PageEvent,
) -> bool:
    try:
        async with session.post(
            url, data=data, headers=headers, timeout=aiohttp.ClientTimeout(total=timeout)
        ) as resp:
            await resp.read()
            status, answer_headers = resp.status, resp.headers
    except TimeoutError as exc:
        log.warning(
            "page_failed", extra={"pager": name, "error": "timeout", "channel": event.channel}
        )
        raise SendFailed(f"{name}_timeout") from exc
    except Exception as exc:  # unreachable, refused, reset: retried later
        log.warning(
            "page_failed",
            extra={"pager": name, "error": type(exc).__name__, "channel": event.channel},
        )
        raise SendFailed(f"{name}_{type(exc).__name__}") from exc
    if 200 <= status < 300:
        log.info(
            "page_sent",
            extra={
                "pager": name,
                "status": status,
                "channel": event.channel,
                "severity": event.severity,
            },
        )
        return True
    log.warning("page_rejected", extra={"pager": name, "status": status, "channel": event.channel})
    transient = status == 429 or status >= 500 or status == 408
    raise SendFailed(
        f"{name}_http_{status}",
        permanent=not transient,
        retry_after=_retry_after(answer_headers) if status == 429 else None,
    )


class PagerDutyPager:
    """Pages through the PagerDuty Events API v2."""

    name = "pagerduty"

    def __init__(
        self,
        session: aiohttp.ClientSession,
        routing_key: str,
        url: str = PAGERDUTY_URL,
        *,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.session = session
        self._routing_key = routing_key
        self.url = url
        self.timeout = timeout

    async def page(self, event: PageEvent) -> bool:
        """Trigger (or re-trigger, same dedup key) an incident; SendFailed on any failure."""
        data = json.dumps(pagerduty_body(self._routing_key, event)).encode()
        headers = {"Content-Type": "application/json"}
        return await _post(self.session, "pagerduty", self.url, data, headers, self.timeout, event)


class WebhookPager:
    """Pages by POSTing JSON to a URL, signed with HMAC-SHA256 when a secret is set."""

    name = "webhook"

    def __init__(
        self,
        session: aiohttp.ClientSession,
        url: str,
        secret: str | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.session = session
        self.url = url
        self._secret = secret
        self.timeout = timeout
        self.clock = clock

    async def page(self, event: PageEvent) -> bool:
        """POST the page; SendFailed on any failure."""
        data = json.dumps(webhook_body(event)).encode()
        headers = {"Content-Type": "application/json"}
        if self._secret:
            stamp = str(int(self.clock()))
            headers[TIMESTAMP_HEADER] = stamp
            headers[SIGNATURE_HEADER] = sign(self._secret, stamp, data)
        return await _post(self.session, "webhook", self.url, data, headers, self.timeout, event)


def page_event(
    severity: int, cue: str, channel: str, dedup_key: str, permalink: str, summary_template: str
) -> PageEvent:
    """A PageEvent whose summary comes from the phrasebook's `page_summary` template."""
    labels = {3: "critical", 2: "high", 1: "watch"}
    values = {"severity": labels.get(severity, "watch"), "cue": cue, "channel": channel}
    summary = render(summary_template, values)
    return PageEvent(dedup_key, summary, severity, permalink, cue, channel)
