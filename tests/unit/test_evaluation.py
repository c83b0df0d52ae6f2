"""`undertone score` / `undertone eval` and their metric functions, against hand-computed values."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.evaluation import auprc, auroc, eval_main, measure, prf, score_main, spearman


def test_auroc_counts_correctly_ordered_pairs() -> None:
    # positives 0.9, 0.4; negatives 0.1, 0.5 -> pairs won: (0.9>0.1), (0.9>0.5), (0.4>0.1) = 3/4
    assert auroc([True, False, True, False], [0.9, 0.1, 0.4, 0.5]) == pytest.approx(0.75)


def test_auroc_ties_count_half_and_needs_both_classes() -> None:
    assert auroc([True, False], [0.5, 0.5]) == pytest.approx(0.5)
    assert auroc([True, True], [0.1, 0.2]) is None


def test_auprc_is_average_precision_at_each_positive() -> None:
    # ranking: 0.9(T) 0.5(F) 0.4(T) 0.1(F) -> precision at positives 1/1 and 2/3 -> mean 5/6
    assert auprc([True, False, True, False], [0.9, 0.1, 0.4, 0.5]) == pytest.approx(5 / 6)


def test_prf_on_a_two_by_two_case() -> None:
    f1, p, r = prf([True, True, False, False], [True, False, True, False])
    assert (f1, p, r) == (pytest.approx(0.5), pytest.approx(0.5), pytest.approx(0.5))
    f1, p, r = prf([True, True, True, False], [True, True, False, False])
    assert p == pytest.approx(1.0) and r == pytest.approx(2 / 3) and f1 == pytest.approx(0.8)


def test_spearman_monotone_reversed_and_constant() -> None:
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 2, 3], [5, 5, 5]) is None


def _conv(cid: str, golds: list[bool | None], escalation: bool | None) -> dict[str, object]:
    turns: list[dict[str, object]] = []
    for g in golds:
        turns.append({"role": "customer", "text": "x", "frustrated": g, "intensity": None})
        turns.append({"role": "agent", "text": "y", "frustrated": None, "intensity": None})
    return {"id": cid, "turns": turns, "escalation": escalation}


def _pred(cid: str, flags: list[bool], esc: list[bool]) -> list[dict[str, object]]:
    return [
        {"id": cid, "turn": 2 * k, "frustration": 0.9 if f else 0.1, "frustrated": f, "escalate": e}
        for k, (f, e) in enumerate(zip(flags, esc, strict=True))
    ]


def test_measure_escalation_and_early_warning_by_hand() -> None:
    convs = [
        _conv("a", [False, False, True], True),  # onset at customer turn 2
        _conv("b", [False, True], False),  # onset at 1
        _conv("c", [True, True], True),  # opened frustrated: no onset
        _conv("d", [False, False], False),
    ]
    preds = {
        "a": _pred("a", [False, True, True], [False, False, True]),  # warned 1 turn early
        "b": _pred("b", [False, True], [False, False]),  # warned at onset
        "c": _pred("c", [True, True], [False, False]),  # escalation missed
        "d": _pred("d", [False, False], [True, False]),  # false alert
    }
    m = measure(convs, preds)
    assert m.turns == 9
    assert m.esc_recall == pytest.approx(0.5)  # a caught, c missed
    assert m.esc_false_alert == pytest.approx(0.5)  # d alerted, b quiet
    assert m.onsets == 2
    assert m.warned_before == pytest.approx(0.5)  # only a
    assert m.warned_by == pytest.approx(1.0)
    # turn flags: a: F,T,T vs F,F,T; b: F,T; c: T,T; d: F,F -> tp 4, fp 1, fn 0
    assert m.precision == pytest.approx(0.8) and m.recall == pytest.approx(1.0)


def test_missing_predictions_count_as_calm() -> None:
    m = measure([_conv("a", [True, False], None)], {})
    assert m.recall == 0.0 and m.auroc == pytest.approx(0.5)


def _write_set(folder: Path) -> Path:
    convs = [
        {
            "id": "t-1",
            "escalation": True,
            "turns": [
                {
                    "role": "customer",
                    "text": "Hi, where is my parcel?",
                    "frustrated": False,
                    "intensity": 0.0,
                },
                {"role": "agent", "text": "Please DM us.", "frustrated": None, "intensity": None},
                {
                    "role": "customer",
                    "text": "THIRD time asking!! This is ridiculous, I'll sue you.",
                    "frustrated": True,
                    "intensity": 1.0,
                },
            ],
        },
        {
            "id": "t-2",
            "escalation": False,
            "turns": [
                {"role": "agent", "text": "Hello!", "frustrated": None, "intensity": None},
                {
                    "role": "customer",
                    "text": "Thanks, all sorted now.",
                    "frustrated": False,
                    "intensity": 0.0,
                },
            ],
        },
    ]
    path = folder / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in convs) + "\n", encoding="utf-8")
    return path


def test_score_writes_one_line_per_customer_turn(tmp_path: Path) -> None:
    out = io.StringIO()
    assert score_main(_write_set(tmp_path), out) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["id"], r["turn"]) for r in rows] == [("t-1", 0), ("t-1", 2), ("t-2", 1)]
    assert set(rows[0]) == {"id", "turn", "frustration", "frustrated", "escalate"}
    assert rows[1]["frustrated"] and rows[1]["escalate"]
    assert not rows[2]["frustrated"]


def test_eval_prints_a_row_per_set(tmp_path: Path) -> None:
    _write_set(tmp_path)
    out = io.StringIO()
    assert eval_main(tmp_path, out) == 0
    text = out.getvalue()
    assert "AUROC" in text
    row = next(line for line in text.splitlines() if line.startswith("tiny"))
    assert "1.00" in row  # the angry turn outranks both calm ones


def test_eval_on_an_empty_folder_fails_cleanly(tmp_path: Path) -> None:
    out = io.StringIO()
    assert eval_main(tmp_path, out) == 1
    assert "no *.jsonl" in out.getvalue()
