"""Every message Undertone sends goes through the notifier, so the leak guard sees it: no other
module calls a Slack method that posts, updates or shows something, or answers a response_url."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SENDING_METHODS = {
    "chat_postMessage",
    "chat_postEphemeral",
    "chat_update",
    "chat_delete",
    "chat_scheduleMessage",
    "chat_meMessage",
    "chat_unfurl",
    "views_publish",
    "views_open",
    "views_push",
    "views_update",
    "files_upload",
    "files_upload_v2",
    "files_completeUploadExternal",
    "send_dict",
    "send",
}
ALLOWED = {ROOT / "bot" / "slack" / "notifier.py"}


def sources() -> list[Path]:
    found = sorted((ROOT / "bot").rglob("*.py")) + sorted((ROOT / "handlers").rglob("*.py"))
    return [p for p in found if "fakeslack" not in p.parts and p not in ALLOWED]


def sends(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        call = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        if call and node.func.attr in SENDING_METHODS:  # type: ignore[attr-defined]
            out.append(f"{node.func.attr} (line {node.lineno})")  # type: ignore[attr-defined]
        if isinstance(node, ast.ImportFrom) and node.module and "webhook" in node.module:
            out.append(f"import {node.module} (line {node.lineno})")
        listener = "handlers" in path.relative_to(ROOT).parts
        if listener and isinstance(node, ast.arg) and node.arg in ("respond", "say", "client"):
            out.append(f"Bolt's {node.arg!r} in a listener (line {node.lineno})")
    return out


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_notifier_sends(path: Path) -> None:
    assert sends(path) == []


def test_the_notifier_is_where_sending_happens() -> None:
    notifier = ROOT / "bot" / "slack" / "notifier.py"
    assert len(sends(notifier)) >= 6  # the check above cannot pass by looking at nothing
