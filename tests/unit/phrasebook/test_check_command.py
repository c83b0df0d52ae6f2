"""`undertone phrasebook check`: a clear verdict for a team folder."""

from __future__ import annotations

import io
from pathlib import Path

from phrasebook.check import check_main


def test_the_shipped_phrasebook_checks_ok() -> None:
    out = io.StringIO()
    assert check_main(None, out) == 0
    assert "phrasebook ok" in out.getvalue()
    assert "six_step" in out.getvalue()


def test_a_missing_team_folder_is_reported_not_raised(tmp_path: Path) -> None:
    out = io.StringIO()
    assert check_main(tmp_path / "nope", out) == 1
    assert "does not exist" in out.getvalue()


def test_a_broken_team_file_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "escalation.yaml").write_text("cooldown_seconds: [not, a, number]\n")
    out = io.StringIO()
    assert check_main(tmp_path, out) == 1
    assert "escalation.yaml:1" in out.getvalue()
