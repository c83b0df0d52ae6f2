"""Prometheus metrics: one registry, every family named here, small helpers for the call sites.

Served at `GET /metrics` by `serve` (and by `worker` on its ops port). Labels are bounded sets
(event kinds, effect kinds, framework steps, cue kinds, Slack method names): never ids or text.
`docs/operations.md` lists the families and the alerts to set on them; the Grafana dashboard in
`deploy/grafana/` plots them (a test checks it names only families defined here).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    exposition,
)
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

from bot import __version__

REGISTRY = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)
GCCollector(registry=REGISTRY)

BUILD = Info("undertone_build", "Version of the running Undertone", registry=REGISTRY)
BUILD.info({"version": __version__})

# ---- Slack -> intake (serve) ------------------------------------------------------------------
EVENTS_RECEIVED = Counter(
    "undertone_events_received",
    "Requests Slack sent to POST /slack/events, by payload kind",
    ["kind"],
    registry=REGISTRY,
)
EVENTS_ACKED = Counter(
    "undertone_events_acked",
    "Requests answered with a 2xx (Slack will not retry them), by payload kind",
    ["kind"],
    registry=REGISTRY,
)
EVENTS_TAKEN_IN = Counter(
    "undertone_events_taken_in",
    "Support messages made durable in the intake stream (first delivery)",
    registry=REGISTRY,
)
EVENTS_DUPLICATE = Counter(
    "undertone_events_duplicate",
    "Message events already taken in (Slack retries, replicas): acknowledged, not queued again",
    registry=REGISTRY,
)

# ---- intake -> worker ---------------------------------------------------------------------------
ENTRIES_PROCESSED = Counter(
    "undertone_entries_processed",
    "Intake entries a worker finished (ok) or left pending for a retry (failed)",
    ["outcome"],
    registry=REGISTRY,
)
ENTRIES_DEAD_LETTERED = Counter(
    "undertone_entries_dead_lettered",
    "Intake entries given up on after repeated failures",
    registry=REGISTRY,
)
INTAKE_PENDING = Gauge(
    "undertone_intake_pending",
    "Entries a worker has read but not acknowledged yet (at scrape time)",
    registry=REGISTRY,
)
INTAKE_BACKLOG = Gauge(
    "undertone_intake_backlog",
    "Entries in the intake stream not finished yet, read or not (at scrape time)",
    registry=REGISTRY,
)
INTAKE_LAG = Gauge(
    "undertone_intake_lag_seconds",
    "Age of the oldest unfinished intake entry (0 when the stream is empty; at scrape time)",
    registry=REGISTRY,
)

# ---- what Undertone did -----------------------------------------------------------------------
EFFECTS = Counter(
    "undertone_effects",
    "Outbox effects (whisper, alert, page) by kind and outcome: sent, retried (will be), dropped",
    ["kind", "outcome"],
    registry=REGISTRY,
)
HINTS = Counter(
    "undertone_hints",
    "Coaching hints queued for an agent, by framework step and the customer's frustration level",
    ["step", "level"],
    registry=REGISTRY,
)
PINGS = Counter(
    "undertone_pings",
    "Supervisor alerts queued (post, update, renotify), by primary cue, severity and tier",
    ["cue", "severity", "tier", "action"],
    registry=REGISTRY,
)

# ---- Slack Web API ------------------------------------------------------------------------------
SLACK_CALLS = Counter(
    "undertone_slack_api_calls",
    "Slack Web API calls by method and outcome (ok, a Slack error code, or an exception name); "
    "response_url answers as method response_url (ok, http_<status>, or an exception name)",
    ["method", "outcome"],
    registry=REGISTRY,
)
SLACK_RATE_LIMITED = Counter(
    "undertone_slack_api_rate_limited",
    "HTTP 429 answers from the Slack Web API, by method (each is retried after Retry-After)",
    ["method"],
    registry=REGISTRY,
)
SLACK_BUDGET_WAITS = Counter(
    "undertone_slack_budget_waits",
    "Web API calls held back by the shared rate budget, by method (each waits its turn)",
    ["method"],
    registry=REGISTRY,
)

# ---- latency ------------------------------------------------------------------------------------
SCORING_SECONDS = Histogram(
    "undertone_scoring_seconds",
    "Time the engine takes to read one message in its thread",
    buckets=(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1),
    registry=REGISTRY,
)
END_TO_END_SECONDS = Histogram(
    "undertone_end_to_end_seconds",
    "From a message being taken in to its entry being finished (scored, effects sent)",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
    registry=REGISTRY,
)

EVENT_KINDS = frozenset(
    {
        "message",
        "app_home_opened",
        "channel_shared",  # the leak guard's events (issue 10)
        "channel_unshared",
        "member_joined_channel",
        "member_left_channel",
        "app_uninstalled",  # many-workspace installs
        "tokens_revoked",
        "reaction_added",  # a check mark resolves a thread (issue 13)
        "block_actions",
        "view_submission",
        "view_closed",
        "message_action",
        "shortcut",
        "slash_command",
        "url_verification",
        "ssl_check",
    }
)


def event_kind(body: dict[str, Any]) -> str:
    """A bounded label for a Slack payload: the event type, the interaction type, or `other`."""
    kind = body.get("type")
    if kind == "event_callback":
        kind = (body.get("event") or {}).get("type")
    elif kind is None and body.get("command"):
        kind = "slash_command"
    return kind if isinstance(kind, str) and kind in EVENT_KINDS else "other"


def effect(kind: str, outcome: str) -> None:
    """One outbox effect `sent`, `retried` or `dropped`."""
    EFFECTS.labels(kind=kind, outcome=outcome).inc()


def hint(step: str, level: str) -> None:
    HINTS.labels(step=step or "unknown", level=level or "unknown").inc()


def ping(cue: str, severity: str, action: str, tier: str = "") -> None:
    """A supervisor alert; `tier` stays empty until escalation tiers exist."""
    PINGS.labels(cue=cue or "unknown", severity=severity, tier=tier, action=action).inc()


def slack_call(method: str, outcome: str) -> None:
    SLACK_CALLS.labels(method=method, outcome=outcome).inc()


def end_to_end(entry_id: str, now: float | None = None) -> None:
    """Time from an intake entry being added (its stream id starts with a ms timestamp) to now."""
    try:
        added = int(entry_id.split("-")[0]) / 1000
    except ValueError:
        return
    END_TO_END_SECONDS.observe(max(0.0, (time.time() if now is None else now) - added))


def set_intake(pending: int, backlog: int, lag_seconds: float) -> None:
    INTAKE_PENDING.set(pending)
    INTAKE_BACKLOG.set(backlog)
    INTAKE_LAG.set(max(0.0, lag_seconds))


def render(accept: str | None) -> tuple[bytes, str]:
    """The exposition (Prometheus text, or OpenMetrics when asked) and its content type."""
    encoder, content_type = exposition.choose_encoder(accept or "")
    return encoder(REGISTRY), content_type


def sample(name: str, labels: dict[str, str] | None = None) -> float:
    """The current value of one sample (0 when absent): for tests and `doctor`."""
    value = REGISTRY.get_sample_value(name, labels or {})
    return 0.0 if value is None else value


def families() -> Iterable[str]:
    """Names of every metric family in the registry."""
    return [m.name for m in REGISTRY.collect()]
