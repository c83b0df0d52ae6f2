"""The fake implements real Slack methods, with the arguments Slack's OpenAPI spec requires."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.fakeslack.methods import METHODS, NEWER_ARGS, NEWER_METHODS

SPEC_FILE = Path(__file__).resolve().parents[2] / "fixtures/slack-api-specs/web_api_methods.json"


@pytest.fixture(scope="module")
def spec_paths() -> dict[str, Any]:
    """The `paths` of Slack's Web API OpenAPI description, for the methods the fake implements
    (vendored in tests/fixtures by scripts/vendor-slack-spec)."""
    paths: dict[str, Any] = json.loads(SPEC_FILE.read_text())["paths"]
    return paths


def _parameters(spec_paths: dict[str, Any], method: str) -> list[dict[str, Any]]:
    (operation,) = spec_paths[f"/{method}"].values()
    params: list[dict[str, Any]] = operation.get("parameters", [])
    return [p for p in params if p["name"] != "token"]


SPECIFIED = sorted(set(METHODS) - NEWER_METHODS)


def test_the_fake_implements_eighteen_methods() -> None:
    """Guards the parametrised tests below against an accidentally empty table."""
    assert len(METHODS) == 18
    assert len(SPECIFIED) == 16


@pytest.mark.parametrize("method", SPECIFIED)
def test_every_method_exists_in_the_spec(spec_paths: dict[str, Any], method: str) -> None:
    """A method missing here was added to the fake without `scripts/vendor-slack-spec`, or is
    not in Slack's spec at all."""
    assert f"/{method}" in spec_paths


def test_newer_methods_are_really_absent_from_the_2021_spec(spec_paths: dict[str, Any]) -> None:
    """files.uploadV2's methods (2023) postdate the vendored snapshot: the fake follows Slack's
    method pages for them. Listed here only while the snapshot lacks them, so the list cannot
    excuse a method the spec does describe."""
    assert set(METHODS) >= NEWER_METHODS
    for method in NEWER_METHODS:
        assert f"/{method}" not in spec_paths


def test_the_upload_flow_takes_the_documented_arguments() -> None:
    """files.getUploadURLExternal: filename and length required; files.completeUploadExternal:
    files required, a channel, comment or thread optional (Slack's method documentation)."""
    get_url = METHODS["files.getUploadURLExternal"]
    complete = METHODS["files.completeUploadExternal"]
    assert get_url.required == {"filename", "length"}
    assert get_url.optional == {"alt_txt", "snippet_type"}
    assert complete.required == {"files"}
    assert {"channel_id", "initial_comment", "thread_ts"} <= complete.optional


@pytest.mark.parametrize("method", SPECIFIED)
def test_required_args_match_the_spec(spec_paths: dict[str, Any], method: str) -> None:
    spec_required = {p["name"] for p in _parameters(spec_paths, method) if p.get("required")}
    assert METHODS[method].required == spec_required


@pytest.mark.parametrize("method", SPECIFIED)
def test_optional_args_are_documented_by_the_spec(spec_paths: dict[str, Any], method: str) -> None:
    spec_optional = {p["name"] for p in _parameters(spec_paths, method) if not p.get("required")}
    assert METHODS[method].optional == spec_optional


def test_newer_args_are_really_absent_from_the_2020_spec(spec_paths: dict[str, Any]) -> None:
    """`NEWER_ARGS` only lists what the old spec lacks, so it cannot hide a typo in the table."""
    for method, newer in NEWER_ARGS.items():
        documented = {p["name"] for p in _parameters(spec_paths, method)}
        assert method in METHODS
        assert not newer & documented, method
