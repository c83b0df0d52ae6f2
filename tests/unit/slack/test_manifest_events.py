"""The app manifests subscribe to the events the leak guard depends on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from handlers.events.channels import SHARING_EVENTS

MANIFESTS = sorted(
    (Path(__file__).resolve().parents[3] / "deploy" / "slack").glob("manifest*.yaml")
)


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_sharing_and_membership_events_are_subscribed(path: Path) -> None:
    manifest = yaml.safe_load(path.read_text(encoding="utf-8"))
    events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert set(SHARING_EVENTS) <= events
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"channels:read", "groups:read", "users:read", "usergroups:read"} <= scopes


def test_both_manifests_are_checked() -> None:
    assert [p.name for p in MANIFESTS] == ["manifest.dev.yaml", "manifest.yaml"]
