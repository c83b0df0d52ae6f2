"""Metric labels stay bounded and still tell the events Undertone subscribes to apart."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot import metrics

SLACK_DIR = Path(__file__).resolve().parents[2] / "deploy" / "slack"
MANIFESTS = sorted(SLACK_DIR.glob("manifest*.yaml"))


def subscribed(path: Path) -> set[str]:
    manifest = yaml.safe_load(path.read_text(encoding="utf-8"))
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    return {str(e).split(".")[0] for e in events}  # message.channels arrives as "message"


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_every_subscribed_event_is_counted_under_its_own_kind(path: Path) -> None:
    for event in subscribed(path):
        body = {"type": "event_callback", "event": {"type": event}}
        assert metrics.event_kind(body) == event


def test_both_manifests_are_checked() -> None:
    assert [p.name for p in MANIFESTS] == ["manifest.dev.yaml", "manifest.yaml"]


def test_anything_else_is_other() -> None:
    assert metrics.event_kind({"type": "event_callback", "event": {"type": "team_join"}}) == "other"
    assert metrics.event_kind({"type": ["odd"]}) == "other"
    assert metrics.event_kind({"command": "/playbook"}) == "slash_command"
