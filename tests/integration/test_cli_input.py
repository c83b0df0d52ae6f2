"""The command line for people: a version, defaults in --help, and bad `score`/`eval` input
answered with the file, the line and what to fix (never a traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import __version__
from bot.__main__ import main

GOOD = {
    "id": "c1",
    "turns": [
        {"role": "customer", "text": "Where is my order?", "frustrated": False},
        {"role": "agent", "text": "Let me check.", "frustrated": None},
        {"role": "customer", "text": "Third time asking. WHERE IS IT???", "frustrated": True},
    ],
    "escalation": False,
}


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"undertone {__version__}"


def test_serve_help_shows_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "(default: 0.0.0.0)" in out and "(default: 3000)" in out


def test_worker_help_explains_count(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["worker", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "stream consumers in this process" in out and "(default: 2)" in out


@pytest.mark.parametrize(
    ("lines", "where", "problem"),
    [
        (['{"id": "c1", "turns": []}', '{"id": "c2", "turns": [}'], 2, "not valid JSON"),
        (['{"id": "c1"}'], 1, '"turns" is missing'),
        (
            ['{"id": "c1", "turns": [{"role": "user", "text": "hi"}]}'],
            1,
            'turns[0].role is "user": it must be "customer" or "agent"',
        ),
        (["[1, 2]"], 1, "must be a JSON object"),
        (
            ['{"id": "c1", "turns": [{"role": "customer", "intensity": 4}]}'],
            1,
            "turns[0].intensity",
        ),
        ([json.dumps(GOOD), "", json.dumps(GOOD)], 3, 'id "c1" is already used on line 1'),
    ],
    ids=["json", "no-turns", "role-user", "not-object", "intensity", "duplicate-id"],
)
def test_score_names_file_line_and_problem(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lines: list[str],
    where: int,
    problem: str,
) -> None:
    path = write_lines(tmp_path / "convs.jsonl", *lines)
    assert main(["score", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{where}: " in err and problem in err, err
    assert "Traceback" not in err and "docs/input-format.md" in err


def test_score_on_a_missing_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", str(tmp_path / "nope.jsonl")]) == 2
    assert "nope.jsonl: no such file" in capsys.readouterr().err


def test_eval_stops_on_a_bad_set_with_its_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_lines(tmp_path / "good.dev.jsonl", json.dumps(GOOD))
    write_lines(tmp_path / "odd.dev.jsonl", json.dumps(GOOD), '{"id": "c9", "turns": "none"}')
    assert main(["eval", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'odd.dev.jsonl'}:2: turns: " in err


def test_eval_reports_progress_per_set_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_lines(tmp_path / "alpha.dev.jsonl", json.dumps(GOOD))
    write_lines(tmp_path / "beta.dev.jsonl", json.dumps(GOOD), json.dumps(GOOD | {"id": "c2"}))
    assert main(["eval", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    progress = captured.err.splitlines()
    assert progress[0].startswith("eval: set 1: alpha.dev.jsonl: 1 conversations read, scoring")
    assert progress[1].startswith("eval: set 2: beta.dev.jsonl: 2 conversations read, scoring")
    assert progress[2].startswith("eval: 2 set(s) in ")
    rows = [ln.split()[0] for ln in captured.out.splitlines()[3:]]  # after split, legend, header
    assert rows == ["alpha", "beta"]  # the metrics table stays on stdout, one row per set
