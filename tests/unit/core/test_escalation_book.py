"""Escalation phrasebook: shipped defaults load, team files override, errors point at lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.models import CueKind, RequestKind
from phrasebook.escalation import SHIPPED_FILE, TEMPLATE_FIELDS, load_escalation
from phrasebook.loader import PhrasebookError
from phrasebook.render import render


def team(tmp_path: Path, text: str) -> Path:
    (tmp_path / "escalation.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_shipped_book_has_a_rule_and_a_suggested_move_for_every_cue_kind() -> None:
    book = load_escalation()
    assert set(book.cues) == set(CueKind)
    assert all(rule.suggested_move and rule.label for rule in book.cues.values())


def test_every_shipped_template_renders_with_its_declared_placeholders() -> None:
    book = load_escalation()
    for name, fields in TEMPLATE_FIELDS.items():
        text = render(book.wording.templates[name], {f: "x" for f in fields})
        assert "$" not in text, name


def test_shipped_defaults_are_conservative() -> None:
    book = load_escalation()
    assert not book.paging.enabled
    assert book.cues[CueKind.CHURN].needs_grievance  # a cancellation with no complaint stays quiet
    assert book.authority[RequestKind.CONTRACT_CHANGE].always


def test_no_team_dir_or_no_team_file_gives_the_shipped_book(tmp_path: Path) -> None:
    assert load_escalation(tmp_path) == load_escalation() == load_escalation(None)


def test_team_file_overrides_single_fields_and_keeps_the_rest(tmp_path: Path) -> None:
    book = load_escalation(
        team(
            tmp_path,
            """
authority:
  refund: {max: {USD: 250}}
routes: {C0SUPPORT: C0LEADS}
business_hours: {time_zone: Asia/Tokyo}
paging: {enabled: true}
""",
        )
    )
    refund = book.authority[RequestKind.REFUND].max
    assert (
        refund["USD"] == 250
        and refund["EUR"] == load_escalation().authority[RequestKind.REFUND].max["EUR"]
    )
    assert book.authority[RequestKind.CREDIT] == load_escalation().authority[RequestKind.CREDIT]
    assert book.routes == {"C0SUPPORT": "C0LEADS"}
    assert book.business_hours.time_zone == "Asia/Tokyo" and book.business_hours.start == "09:00"
    assert book.paging.enabled and book.paging.min_severity == "critical"


def test_team_file_error_names_the_team_file_and_line(tmp_path: Path) -> None:
    folder = team(tmp_path, "cooldown_seconds: 60\nbusiness_hours:\n  time_zone: Mars/Olympus\n")
    with pytest.raises(PhrasebookError) as err:
        load_escalation(folder)
    assert err.value.path == str(folder / "escalation.yaml")
    assert err.value.line == 3 and "Mars/Olympus" in err.value.problem


def test_unknown_field_in_a_team_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PhrasebookError, match="cooldown_minutes"):
        load_escalation(team(tmp_path, "cooldown_minutes: 5\n"))


def test_template_with_an_unknown_placeholder_is_refused(tmp_path: Path) -> None:
    folder = team(tmp_path, "wording:\n  templates:\n    header: '$severity for $customer_text'\n")
    with pytest.raises(PhrasebookError, match="customer_text"):
        load_escalation(folder)


def test_bad_business_hours_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PhrasebookError, match="start must be before end"):
        load_escalation(team(tmp_path, "business_hours: {start: '18:00', end: '09:00'}\n"))
    with pytest.raises(PhrasebookError, match="day names"):
        load_escalation(team(tmp_path, "business_hours: {days: [monday]}\n"))


def test_team_file_must_be_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(PhrasebookError, match="mapping"):
        load_escalation(team(tmp_path, "- cooldown_seconds\n"))


def test_the_shipped_file_lives_in_the_phrasebook_data_folder() -> None:
    assert SHIPPED_FILE.parts[-3:] == ("data", "escalation", "escalation.yaml")
