"""The scopes the code asks for (OAuth install, doctor) are the scopes the manifests grant."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.slack.scopes import BOT_SCOPES

SLACK_DIR = Path(__file__).resolve().parents[3] / "deploy" / "slack"
MANIFESTS = sorted(SLACK_DIR.glob("manifest*.yaml"))


def test_both_manifests_are_checked() -> None:
    assert [m.name for m in MANIFESTS] == ["manifest.dev.yaml", "manifest.yaml"]


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda m: m.name)
def test_the_manifest_grants_exactly_the_bot_scopes(manifest: Path) -> None:
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    assert data["oauth_config"]["scopes"]["bot"] == list(BOT_SCOPES)
