"""Follow-through and practice wording are validated data a team can extend."""

from __future__ import annotations

from pathlib import Path

import pytest

from phrasebook import PhrasebookError, load_phrasebook


def test_a_team_overrides_follow_through_policy(tmp_path: Path) -> None:
    (tmp_path / "followup.yaml").write_text(
        "resolution:\n  quiet_hours: 12\nrecords:\n  retention_days: 30\n"
        "digest:\n  weekday: fri\n  time: '16:00'\n"
    )
    book = load_phrasebook(tmp_path).followup
    assert book.resolution.quiet_hours == 12 and book.records.retention_days == 30
    assert (book.digest.weekday, book.digest.time) == ("fri", "16:00")
    assert book.resolution.follow_up_after_hours == 24  # the rest stays shipped


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("promises:\n  commitment: ['(unclosed']\n", "bad regex"),
        ("wording:\n  reminder_body: 'due $nope'\n", "unknown placeholders"),
        ("digest:\n  weekday: someday\n", "unknown day"),
        ("resolution:\n  quiet_hours: 500\n", "less than or equal"),
    ],
)
def test_a_bad_team_followup_file_names_file_and_line(
    tmp_path: Path, text: str, problem: str
) -> None:
    (tmp_path / "followup.yaml").write_text(text)
    with pytest.raises(PhrasebookError) as err:
        load_phrasebook(tmp_path)
    assert "followup.yaml" in str(err.value) and problem in str(err.value)
    assert err.value.line is not None


PERSONA = """\
id: vip_reseller
title: the VIP reseller
customer_type: demanding
trigger: unmet_expectations
scenario: A reseller's launch is blocked by a licence that never activated.
opening: ["Our launch is in two hours and the licence still doesn't work."]
lines:
  hotter: ["Not good enough."]
  same: ["And?"]
  cooler: ["Okay, go on."]
  resolved: ["Fine, thanks."]
  walked_away: ["We're done here."]
"""


def test_a_team_adds_practice_personas_and_tunes_reactions(tmp_path: Path) -> None:
    (tmp_path / "practice").mkdir()
    (tmp_path / "practice" / "vip.yaml").write_text(PERSONA)
    (tmp_path / "practice" / "practice.yaml").write_text("max_turns: 4\n")
    book = load_phrasebook(tmp_path).practice
    assert book.find("vip_reseller") is not None and book.find("indignant") is not None
    assert book.policy.max_turns == 4 and book.policy.moves.steps  # merged, not replaced


def test_practice_moves_must_name_real_steps(tmp_path: Path) -> None:
    (tmp_path / "practice").mkdir()
    (tmp_path / "practice" / "practice.yaml").write_text("moves:\n  steps:\n    hug: -0.5\n")
    with pytest.raises(PhrasebookError, match="unknown step or slip ids"):
        load_phrasebook(tmp_path)
