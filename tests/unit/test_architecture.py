"""Layer rules, checked on the source: the core stays pure, Redis and Slack stay at the edges."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("path", modules("bot/core"), ids=lambda p: p.name)
def test_the_core_imports_no_io_libraries(path: Path) -> None:
    forbidden = {"slack_sdk", "slack_bolt", "redis", "aiohttp", "asyncio", "fakeredis", "handlers"}
    assert not {top(n) for n in imports_of(path)} & forbidden


@pytest.mark.parametrize("path", modules("bot/core"), ids=lambda p: p.name)
def test_the_core_depends_only_on_itself_and_phrasebook(path: Path) -> None:
    ours = {n for n in imports_of(path) if top(n) in {"bot", "handlers", "phrasebook"}}
    assert all(n.startswith(("bot.core", "phrasebook")) for n in ours), ours


@pytest.mark.parametrize("path", modules("phrasebook"), ids=lambda p: p.name)
def test_the_phrasebook_is_data_and_models_only(path: Path) -> None:
    forbidden = {"slack_sdk", "slack_bolt", "redis", "aiohttp", "handlers"}
    names = {top(n) for n in imports_of(path)}
    assert not names & forbidden
    assert not any(n.startswith("bot.") and not n.startswith("bot.core") for n in imports_of(path))


def test_only_the_stores_import_redis() -> None:
    offenders = [
        p
        for p in modules("bot") + modules("handlers")
        if "redis" in {top(n) for n in imports_of(p)} and "stores" not in p.parts
    ]
    assert offenders == []


def test_only_the_app_imports_handlers() -> None:
    offenders = [
        p.relative_to(ROOT)
        for p in modules("bot")
        if "handlers" in {top(n) for n in imports_of(p)} and p.name != "app.py"
    ]
    assert offenders == []


def imported(path: Path) -> set[str]:
    """Every module a file imports, with `from pkg import mod` counted as `pkg.mod`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


BLOCK_KIT = {
    "bot.slack.blocks",
    "bot.slack.alert_blocks",
    "bot.slack.followup_blocks",
    "bot.slack.render",
}


@pytest.mark.parametrize("path", modules("bot/flows"), ids=lambda p: p.name)
def test_flows_decide_typed_intents_and_never_build_block_kit(path: Path) -> None:
    assert not imported(path) & BLOCK_KIT


@pytest.mark.parametrize("path", modules("bot/effects"), ids=lambda p: p.name)
def test_effects_are_plain_data_about_the_core(path: Path) -> None:
    ours = {n for n in imports_of(path) if top(n) in {"bot", "handlers", "phrasebook"}}
    assert all(n.startswith(("bot.core", "bot.effects")) for n in ours), ours
    forbidden = {"slack_sdk", "slack_bolt", "redis", "aiohttp", "asyncio", "fakeredis"}
    assert not {top(n) for n in imports_of(path)} & forbidden


def test_block_kit_is_built_only_in_the_slack_layer_handlers_and_the_demo() -> None:
    allowed = ("bot/slack/", "handlers/", "bot/demo.py", "bot/fakeslack/")
    offenders = [
        str(p.relative_to(ROOT))
        for p in modules("bot") + modules("handlers")
        if imported(p) & BLOCK_KIT and not str(p.relative_to(ROOT)).startswith(allowed)
    ]
    assert offenders == []
