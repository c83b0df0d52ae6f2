"""Coaching phrasebook: shipped data loads, teams add and override, errors name file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.models import CustomerType, Trigger
from phrasebook.coaching import (
    GAP_VALUES,
    HEADLINE_LIMIT,
    HEADLINE_VALUES,
    PHRASING_VALUES,
    SHIPPED_DIR,
    SLIP_FIX_VALUES,
    TOPIC_LIMIT,
    WHY_VALUES,
    load_coaching,
    load_coaching_from,
)
from phrasebook.loader import PhrasebookError
from phrasebook.render import placeholders, render

BOOK = load_coaching()
SAMPLE: dict[str, str] = {
    "topic": "x" * TOPIC_LIMIT,
    "said": "as I already said",
    "ordinal": "3rd",
    "count": "3",
    "label": "says it is the third time",
    "evidence": "third time",
    "level": "angry",
    "trend": "rising",
}


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped coaching folder, to break on purpose."""
    target = tmp_path / "coaching"
    shutil.copytree(SHIPPED_DIR, target)
    return target


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- shipped data -----------------------------------------------------------------------------


def test_shipped_book_has_both_frameworks_and_six_step_by_default() -> None:
    """Six-step is the default framework; seven-step ships as the alternative."""
    assert BOOK.policy.framework == "six_step"
    assert set(BOOK.frameworks) == {"six_step", "seven_step"}
    seven = [s.id for s in BOOK.frameworks["seven_step"].steps]
    assert seven == [
        "initial_contact",
        "listen_actively",
        "de_escalate",
        "provide_solution",
        "escalate_if_needed",
        "follow_up",
        "reflect_improve",
    ]


def test_six_step_tracks_the_moves_of_the_product_issue() -> None:
    """Acknowledge, apologize, clarify, options, commit with time, follow up, document."""
    ids = [s.id for s in BOOK.frameworks["six_step"].steps]
    assert ids == [
        "listen_acknowledge",
        "empathize_apologize",
        "clarify_confirm",
        "offer_options",
        "commit_action",
        "follow_up",
        "document_learn",
    ]


def test_every_type_and_trigger_has_a_guide() -> None:
    """All four customer types and three triggers are covered."""
    assert set(BOOK.customer_types) == set(CustomerType)
    assert set(BOOK.triggers) == set(Trigger)


def test_sample_team_playbooks_ship() -> None:
    """Refund, outage and billing dispute playbooks ship as examples."""
    assert {p.id for p in BOOK.playbooks} == {
        "refund_request",
        "outage_incident",
        "billing_dispute",
    }


def test_every_shipped_template_renders() -> None:
    """Headlines, gaps, phrasings, slip fixes, reasons and playbook lines all render."""
    rendered = 0
    for fw in BOOK.frameworks.values():
        for step in fw.steps:
            assert len(render(step.headline, SAMPLE)) <= HEADLINE_LIMIT
            assert render(step.gap, SAMPLE)
            assert placeholders(step.headline) <= HEADLINE_VALUES
            assert placeholders(step.gap) <= GAP_VALUES
            rendered += 2
    for p in BOOK.phrasings:
        assert placeholders(p.text) <= PHRASING_VALUES
        assert "$" not in render(p.text, SAMPLE)
        rendered += 1
    for slip in BOOK.slips:
        assert placeholders(slip.fix) <= SLIP_FIX_VALUES
        assert SAMPLE["said"] in render(slip.fix, SAMPLE)
        rendered += 1
    for name in WHY_VALUES:
        assert render(getattr(BOOK.policy.why, name), SAMPLE)
        rendered += 1
    for pb in BOOK.playbooks:
        for pstep in pb.steps:
            for line in (pstep.do, *pstep.say):
                assert render(line, {}) == line.replace("$$", "$")
                rendered += 1
    assert rendered > 80


def test_every_phrasing_renders_for_every_type_and_trigger() -> None:
    """For each step, type and trigger, every phrasing that applies renders completely."""
    for step_id in BOOK.all_steps():
        for ctype in CustomerType:
            for trigger in Trigger:
                for p in BOOK.phrasings_for(step_id):
                    if p.customer_types and ctype not in p.customer_types:
                        continue
                    if p.triggers and trigger not in p.triggers:
                        continue
                    text = render(p.text, {"topic": "refund status"})
                    assert "$" not in text and len(text) <= 300


def test_every_whispered_step_has_a_generic_phrasing() -> None:
    """Whatever the customer type and trigger, each whispered step has words to offer."""
    for fw in BOOK.frameworks.values():
        for step in fw.steps:
            if step.whisper == "never":
                continue
            generic = [
                p for p in BOOK.phrasings_for(step.id) if not p.customer_types and not p.triggers
            ]
            assert generic, step.id


# --- team folder ------------------------------------------------------------------------------


TEAM_PLAYBOOK = """\
id: warranty_claim
title: Warranty claim
aliases: [warranty, broken device]
summary: A device failed inside its warranty period.
steps:
  - title: Check the purchase date
    step: clarify_confirm
    do: Confirm the purchase date and serial number.
    say: ["Could you send me the serial number on the back of the device?"]
"""


def test_team_folder_adds_playbooks_and_phrasings_and_overrides_policy(tmp_path: Path) -> None:
    """A team's playbooks and phrasings are added; its policy fields replace the shipped ones."""
    _write(tmp_path / "playbooks" / "warranty.yaml", TEAM_PLAYBOOK)
    _write(
        tmp_path / "phrasings.yaml",
        "phrasings:\n  - id: team.ack\n    steps: [listen_acknowledge]\n"
        '    text: "Thanks for sticking with us on the $topic."\n',
    )
    _write(tmp_path / "coaching_policy.yaml", "framework: seven_step\nbudget: 2\ncooldown_s: 30\n")
    book = load_coaching(tmp_path)
    assert "warranty_claim" in {p.id for p in book.playbooks}
    assert len(book.playbooks) == len(BOOK.playbooks) + 1
    assert "team.ack" in {p.id for p in book.phrasings}
    assert (book.policy.framework, book.policy.budget, book.policy.cooldown_s) == (
        "seven_step",
        2,
        30.0,
    )
    assert book.policy.max_phrasings == BOOK.policy.max_phrasings  # untouched fields stay


def test_team_slips_are_added(tmp_path: Path) -> None:
    """A team can add its own slip patterns."""
    _write(
        tmp_path / "slips.yaml",
        "slips:\n  - id: team.ticket\n    label: ticket talk\n    patterns: ['\\bticket #']\n"
        "    step: clarify_confirm\n    fix: 'Say what happens next instead of \"$said\".'\n",
    )
    assert "team.ticket" in {s.id for s in load_coaching(tmp_path).slips}


def test_empty_team_folder_changes_nothing(tmp_path: Path) -> None:
    """An empty team folder yields the shipped book."""
    assert load_coaching(tmp_path) == BOOK


def test_missing_team_folder_is_an_error(tmp_path: Path) -> None:
    """A team folder that does not exist is reported, not silently ignored."""
    with pytest.raises(PhrasebookError, match="does not exist"):
        load_coaching(tmp_path / "nope")


# --- errors name file, line and problem -------------------------------------------------------


def test_unknown_step_in_team_playbook(tmp_path: Path) -> None:
    """A playbook step pointing at an unknown framework step names file, line and id."""
    path = _write(
        tmp_path / "playbooks" / "bad.yaml",
        TEAM_PLAYBOOK.replace("step: clarify_confirm", "step: clarify_everything"),
    )
    with pytest.raises(PhrasebookError) as err:
        load_coaching(tmp_path)
    assert err.value.path == str(path)
    assert err.value.line == 7
    assert "unknown step id 'clarify_everything'" in err.value.problem


def test_unknown_placeholder_in_team_phrasing(tmp_path: Path) -> None:
    """A phrasing using a placeholder the coach does not fill is rejected with its line."""
    path = _write(
        tmp_path / "phrasings.yaml",
        "phrasings:\n  - id: team.x\n    steps: [follow_up]\n"
        "    text: 'Hi $first_name, all good?'\n",
    )
    with pytest.raises(PhrasebookError) as err:
        load_coaching(tmp_path)
    assert (err.value.path, err.value.line) == (str(path), 4)
    assert "$first_name" in err.value.problem and "$topic" in err.value.problem


def test_duplicate_phrasing_id_across_shipped_and_team(tmp_path: Path) -> None:
    """A team phrasing reusing a shipped id is a duplicate."""
    _write(
        tmp_path / "phrasings.yaml",
        "phrasings:\n  - id: ack.plain\n    steps: [follow_up]\n    text: 'Hello again.'\n",
    )
    with pytest.raises(PhrasebookError, match="duplicate phrasing id 'ack.plain'"):
        load_coaching(tmp_path)


def test_duplicate_playbook_id(tmp_path: Path) -> None:
    """Two playbooks with one id are rejected."""
    _write(
        tmp_path / "playbooks" / "a.yaml", TEAM_PLAYBOOK.replace("warranty_claim", "refund_request")
    )
    with pytest.raises(PhrasebookError, match="duplicate playbook id 'refund_request'"):
        load_coaching(tmp_path)


def test_unknown_framework_in_team_policy(tmp_path: Path) -> None:
    """Choosing a framework that does not exist names the policy file and line."""
    path = _write(tmp_path / "coaching_policy.yaml", "budget: 3\nframework: nine_step\n")
    with pytest.raises(PhrasebookError) as err:
        load_coaching(tmp_path)
    assert (err.value.path, err.value.line) == (str(path), 2)
    assert "nine_step" in err.value.problem


def test_policy_typo_is_rejected(tmp_path: Path) -> None:
    """Unknown policy keys are not silently ignored."""
    _write(tmp_path / "coaching_policy.yaml", "budgett: 3\n")
    with pytest.raises(PhrasebookError, match="budgett"):
        load_coaching(tmp_path)


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    """A YAML syntax error points at its line."""
    path = _write(tmp_path / "playbooks" / "x.yaml", "id: x\ntitle: [unclosed\n")
    with pytest.raises(PhrasebookError) as err:
        load_coaching(tmp_path)
    assert err.value.path == str(path) and err.value.line is not None


def test_unknown_detector_in_a_framework(shipped_copy: Path) -> None:
    """A step that names a detector nobody defined is rejected."""
    fw = shipped_copy / "frameworks" / "six_step.yaml"
    fw.write_text(fw.read_text().replace("detect: [apologize]", "detect: [grovel]"))
    with pytest.raises(PhrasebookError, match="unknown detector id 'grovel'") as err:
        load_coaching_from(shipped_copy)
    assert err.value.path == str(fw)


def test_duplicate_step_id_in_a_framework(shipped_copy: Path) -> None:
    """Two steps with the same id in one framework are rejected."""
    fw = shipped_copy / "frameworks" / "seven_step.yaml"
    fw.write_text(fw.read_text().replace("id: de_escalate", "id: initial_contact"))
    with pytest.raises(PhrasebookError, match="duplicate step id 'initial_contact'"):
        load_coaching_from(shipped_copy)


def test_bad_regex_in_a_detector(shipped_copy: Path) -> None:
    """An invalid regular expression is reported with its detector."""
    path = shipped_copy / "detectors.yaml"
    path.write_text(path.read_text().replace("follow_up:\n", "follow_up:\n    - '(unclosed'\n"))
    with pytest.raises(PhrasebookError, match="bad regex") as err:
        load_coaching_from(shipped_copy)
    assert err.value.line is not None


def test_overlong_headline(shipped_copy: Path) -> None:
    """A headline that cannot be read in one line is rejected at load."""
    fw = shipped_copy / "frameworks" / "six_step.yaml"
    long = "headline: " + "Really " * 20 + "long"
    fw.write_text(
        fw.read_text().replace("headline: Give two concrete options and let them choose", long)
    )
    with pytest.raises(PhrasebookError, match="headline longer"):
        load_coaching_from(shipped_copy)


def test_whispered_step_without_phrasings(shipped_copy: Path) -> None:
    """A step the coach may whisper must have at least one phrasing."""
    path = shipped_copy / "phrasings.yaml"
    path.write_text(path.read_text().replace("[de_escalate]", "[follow_up]"))
    with pytest.raises(PhrasebookError, match="'de_escalate'"):
        load_coaching_from(shipped_copy)


def test_model_is_frozen() -> None:
    """Loaded models cannot be changed at run time."""
    with pytest.raises(ValueError):
        BOOK.policy.budget = 99  # type: ignore[misc]


def test_the_unsettled_and_reopening_signals_name_detection_features() -> None:
    """`unsettled_signals` and each step's `reopen_on` are checked at load against the detection
    features: a family that no longer exists (a typo, a renamed rule) fails loudly instead of
    never matching."""
    from phrasebook import PhrasebookError, _check_feature_names

    features = {"dialog.pushback", "repeat.again", "ctx.repeat"}
    _check_feature_names("policy", "unsettled_signals", ("dialog.", "ctx.repeat"), features)
    with pytest.raises(PhrasebookError, match="pushbak"):
        _check_feature_names("policy", "unsettled_signals", ("dialog.pushbak",), features)
    with pytest.raises(PhrasebookError, match="commit_action.reopen_on: 'promise.'"):
        _check_feature_names("frameworks", "commit_action.reopen_on", ("promise.",), features)
    reopening = {s.id: s.reopen_on for s in BOOK.all_steps().values() if s.reopen_on}
    assert reopening == {
        "commit_action": ("promise.broken", "wait."),
        "provide_solution": ("promise.broken", "wait."),
    }
