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


EXAMPLE = Path(__file__).resolve().parents[3] / "deploy" / "team-phrasebook-example"


def test_the_example_team_folder_checks_ok_and_its_settings_apply() -> None:
    from bot.core.playbooks import find_playbook
    from phrasebook import load_phrasebook

    out = io.StringIO()
    assert check_main(EXAMPLE, out) == 0, out.getvalue()
    book = load_phrasebook(EXAMPLE)
    assert book.coaching.policy.framework == "seven_step"
    assert book.escalation.routes["C0ENTERPRISE"] == "C0ENTLEADS"
    answer = find_playbook(book.coaching, "sla")
    assert answer.card is not None and answer.card.topic.key == "playbook:sla_breach"
