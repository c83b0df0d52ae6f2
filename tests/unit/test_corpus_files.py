"""The independent corpus is well-formed: thread files the probe can play, labelled cue lines
without near-duplicates, and load line pools the harness accepts (tests/threads/README.md)."""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import pytest
import yaml

from tests.corpus import (
    CUE_LABELS,
    KINDS,
    ThreadSpec,
    line_pool_files,
    load_cue_paraphrases,
    load_line_pool,
    load_thread,
    load_threads,
    normalised,
    thread_files,
)


def test_there_are_at_least_sixty_threads_and_each_kind_is_about_a_third() -> None:
    kinds = Counter(spec.kind for spec in load_threads())
    assert sum(kinds.values()) >= 60
    assert set(kinds) == set(KINDS)
    assert all(count >= sum(kinds.values()) // 4 for count in kinds.values()), kinds


@pytest.mark.parametrize("path", thread_files(), ids=lambda path: path.stem)
def test_each_thread_is_valid_named_after_its_file_and_says_why(path: Path) -> None:
    spec = load_thread(path)
    assert spec.id == path.stem
    assert spec.product and len(spec.why) > 40


@pytest.mark.parametrize("spec", load_threads(), ids=lambda spec: spec.id)
def test_each_kind_carries_the_expectation_it_stands_for(spec: ThreadSpec) -> None:
    exp = spec.expect
    if spec.kind == "calm":
        assert (exp.whisper, exp.escalate) == ("no", "no")
    elif spec.kind == "rising":
        assert exp.whisper == "yes" and exp.escalate != "yes"
    else:
        assert spec.kind == "escalate" and exp.escalate == "yes"


def test_cue_paraphrases_cover_every_cue_with_hard_negatives() -> None:
    cues = load_cue_paraphrases()
    assert set(cues) == set(CUE_LABELS)
    assert sum(map(len, cues.values())) >= 150
    assert all(len(lines) >= 20 for lines in cues.values())
    assert len(cues["none"]) >= 40


def test_no_two_cue_lines_are_near_duplicates() -> None:
    lines = [normalised(text) for texts in load_cue_paraphrases().values() for text in texts]
    close = []
    for i, a in enumerate(lines):
        for b in lines[i + 1 :]:
            words_a, words_b = set(a.split()), set(b.split())
            overlap = len(words_a & words_b) / len(words_a | words_b)
            if overlap > 0.6 or SequenceMatcher(None, a, b).ratio() > 0.8:
                close.append((a, b))
    assert close == []


def test_there_are_alternative_line_pools_the_load_harness_accepts() -> None:
    pools = line_pool_files()
    assert len(pools) >= 2
    for path in pools:
        load_line_pool(path)  # raises with the file and template at fault


def test_sarcasm_banks_pair_sarcastic_lines_with_sincere_look_alikes_and_never_repeat() -> None:
    path = Path(__file__).resolve().parents[1] / "data" / "sarcasm_lines.yaml"
    banks = yaml.safe_load(path.read_text("utf-8"))["banks"]
    assert set(banks) == {"dev", "dev2", "holdout"}
    lines = []
    for bank in banks.values():
        assert set(bank) == {"sarcastic", "sincere"}
        assert all(len(bank[kind]) >= 20 for kind in bank)
        lines += [normalised(text) for kind in bank for text in bank[kind]]
    assert len(lines) == len(set(lines))
