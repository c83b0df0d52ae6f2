"""`undertone score` and `undertone eval`: run the engine over labelled conversations and measure.

The metrics mirror the project's referee (turn AUROC/AUPRC, frustrated F1, escalation recall and
false-alert rate, early warning, in-thread trend) and are computed here independently. The VADER
peer (message alone, frustration = max(0, -compound), flagged at compound <= -0.05, escalate on
two flagged customer turns in a row) is printed beside ours when vaderSentiment is installed.
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from bot import convinput
from bot.core.engine import FrustrationEngine
from bot.core.models import Role, Turn
from bot.evalsplit import RULE, part_of
from phrasebook.models import load_engine

Conversation = dict[str, Any]
Prediction = dict[str, Any]
Predictor = Callable[[Conversation], list[Prediction]]


def load_conversations(path: Path) -> Iterator[Conversation]:
    """Conversations of a JSONL file, one a line (blank lines skipped), validated: a bad line
    raises `InputError` with the file and line (see `bot.convinput`)."""
    return convinput.load_conversations(path)


def engine_predictor(engine: FrustrationEngine) -> Predictor:
    """Predict every customer turn of a conversation online with the engine."""

    def predict(conv: Conversation) -> list[Prediction]:
        state = engine.start()
        out: list[Prediction] = []
        for i, t in enumerate(conv["turns"]):
            role = Role.CUSTOMER if t["role"] == "customer" else Role.AGENT
            state, a = engine.read(state, Turn(role, t.get("text") or "", float(t.get("ts") or 0)))
            if a is not None:
                out.append(
                    {
                        "id": conv["id"],
                        "turn": i,
                        "frustration": round(a.score, 4),
                        "frustrated": a.frustrated,
                        "escalate": a.escalate,
                    }
                )
        return out

    return predict


def vader_predictor() -> Predictor | None:
    """The VADER peer, or None when vaderSentiment is not installed."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    analyzer = SentimentIntensityAnalyzer()

    def predict(conv: Conversation) -> list[Prediction]:
        out: list[Prediction] = []
        prev = False
        for i, t in enumerate(conv["turns"]):
            if t["role"] != "customer":
                continue
            compound = analyzer.polarity_scores(t.get("text") or "")["compound"]
            flagged = compound <= -0.05
            out.append(
                {
                    "id": conv["id"],
                    "turn": i,
                    "frustration": round(max(0.0, -compound), 4),
                    "frustrated": flagged,
                    "escalate": flagged and prev,
                }
            )
            prev = flagged
        return out

    return predict


# ---- metrics -------------------------------------------------------------------------------


def _ranks(values: list[float]) -> list[float]:
    """1-based ranks with ties sharing their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and values[order[j]] == values[order[i]]:
            j += 1
        for k in range(i, j):
            ranks[order[k]] = (i + j + 1) / 2
        i = j
    return ranks


def auroc(labels: list[bool], scores: list[float]) -> float | None:
    """Area under the ROC curve (Mann-Whitney, ties count half); None without both classes."""
    pos = sum(labels)
    neg = len(labels) - pos
    if not pos or not neg:
        return None
    rank_pos = sum(r for r, y in zip(_ranks(scores), labels, strict=True) if y)
    return (rank_pos - pos * (pos + 1) / 2) / (pos * neg)


def auprc(labels: list[bool], scores: list[float]) -> float | None:
    """Average precision over the ranking by descending score."""
    pos = sum(labels)
    if not pos:
        return None
    tp = fp = 0
    total = 0.0
    for _, y in sorted(zip(scores, labels, strict=True), key=lambda p: -p[0]):
        if y:
            tp += 1
            total += tp / (tp + fp)
        else:
            fp += 1
    return total / pos


def prf(labels: list[bool], flags: list[bool]) -> tuple[float, float, float]:
    """(F1, precision, recall) of flags against labels."""
    tp = sum(1 for y, p in zip(labels, flags, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, flags, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, flags, strict=True) if y and not p)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def spearman(a: list[float], b: list[float]) -> float | None:
    """Spearman rank correlation; None when either side is constant."""
    ra, rb = _ranks(a), _ranks(b)
    if len(set(ra)) < 2 or len(set(rb)) < 2:
        return None
    ma, mb = statistics.fmean(ra), statistics.fmean(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    den = math.sqrt(sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb))
    return cov / den if den else None


@dataclass
class Metrics:
    """The referee's headline numbers for one set and one predictor."""

    turns: int = 0
    positive_rate: float | None = None
    auroc: float | None = None
    auprc: float | None = None
    f1: float = 0.0
    precision: float = 0.0
    recall: float = 0.0
    flag_rate: float | None = None
    esc_recall: float | None = None
    esc_precision: float | None = None
    esc_false_alert: float | None = None
    onsets: int = 0
    warned_before: float | None = None
    warned_by: float | None = None
    trend: float | None = None


def _onset(gold: list[bool | None]) -> int | None:
    for k, g in enumerate(gold):
        if g:
            return k if any(x is False for x in gold[:k]) else None
    return None


def measure(convs: list[Conversation], preds: dict[str, list[Prediction]]) -> Metrics:
    """Compute the metrics of `preds` (by conversation id) against gold conversations."""
    labels: list[bool] = []
    scores: list[float] = []
    flags: list[bool] = []
    esc_gold: list[bool] = []
    esc_pred: list[bool] = []
    leads: list[int | None] = []
    trends: list[float] = []
    blank: Prediction = {"frustration": 0.0, "frustrated": False, "escalate": False}
    for conv in convs:
        by_turn = {int(p["turn"]): p for p in preds.get(conv["id"], [])}
        cust = [i for i, t in enumerate(conv["turns"]) if t["role"] == "customer"]
        ps = [by_turn.get(i, blank) for i in cust]
        for i, p in zip(cust, ps, strict=True):
            gold = conv["turns"][i].get("frustrated")
            if gold is not None:
                labels.append(bool(gold))
                scores.append(float(p["frustration"]))
                flags.append(bool(p["frustrated"]))
        if conv.get("escalation") is not None:
            esc_gold.append(bool(conv["escalation"]))
            esc_pred.append(any(bool(p["escalate"]) for p in ps))
        onset = _onset([conv["turns"][i].get("frustrated") for i in cust])
        if onset is not None:
            alert = next((k for k, p in enumerate(ps) if p["frustrated"] or p["escalate"]), None)
            leads.append(None if alert is None else onset - alert)
        pairs = [
            (conv["turns"][i].get("intensity"), float(p["frustration"]))
            for i, p in zip(cust, ps, strict=True)
        ]
        known = [(float(g), s) for g, s in pairs if g is not None]
        if len(known) >= 3:
            rho = spearman([g for g, _ in known], [s for _, s in known])
            if rho is not None:
                trends.append(rho)
    m = Metrics(turns=len(labels))
    if labels:
        m.positive_rate = sum(labels) / len(labels)
        m.auroc, m.auprc = auroc(labels, scores), auprc(labels, scores)
        m.f1, m.precision, m.recall = prf(labels, flags)
        m.flag_rate = sum(flags) / len(flags)
    if esc_gold:
        _, m.esc_precision, m.esc_recall = prf(esc_gold, esc_pred)
        negs = [p for g, p in zip(esc_gold, esc_pred, strict=True) if not g]
        m.esc_false_alert = sum(negs) / len(negs) if negs else None
    if leads:
        m.onsets = len(leads)
        m.warned_before = sum(1 for x in leads if x is not None and x >= 1) / len(leads)
        m.warned_by = sum(1 for x in leads if x is not None and x >= 0) / len(leads)
    if trends:
        m.trend = statistics.fmean(trends)
    return m


# ---- commands ------------------------------------------------------------------------------


def score_main(path: Path, out: TextIO) -> int:
    """`undertone score FILE.jsonl`: one JSON line per customer turn, computed online."""
    predict = engine_predictor(load_engine())
    for conv in load_conversations(path):
        for p in predict(conv):
            out.write(json.dumps(p) + "\n")
    return 0


def _fmt(x: float | None, width: int = 4) -> str:
    return "-".rjust(width) if x is None else f"{x:.2f}".rjust(width)


def _gap(fit: float | None, check: float | None) -> str:
    return "    -" if fit is None or check is None else f"{check - fit:+.2f}".rjust(5)


HEADER = (
    f"{'set':<11} {'turns':>11} | {'AUROC fit/check':>15} {'gap':>5} | {'F1 fit/check':>12} "
    f"{'P':>4} {'R':>4} | {'escR':>4} {'escFA':>5} | {'warn<':>5} {'trend':>5} | {'VADER':>5}"
)


def _row(name: str, fit: Metrics, check: Metrics, peer: Metrics | None) -> str:
    """One set: fit and check side by side; escalation, warning and trend on check."""
    return (
        f"{name:<11} {fit.turns:>5}/{check.turns:<5} | {_fmt(fit.auroc, 7)}/{_fmt(check.auroc, 7)} "
        f"{_gap(fit.auroc, check.auroc)} | {_fmt(fit.f1, 6)}/{_fmt(check.f1, 5)} "
        f"{_fmt(check.precision)} {_fmt(check.recall)} | {_fmt(check.esc_recall)} "
        f"{_fmt(check.esc_false_alert, 5)} | {_fmt(check.warned_before, 5)} "
        f"{_fmt(check.trend, 5)} | {_fmt(peer.auroc if peer else None, 5)}"
    )


def eval_main(folder: Path, out: TextIO, sets: list[str] | None = None) -> int:
    """`undertone eval DIR`: metrics on the fit and check parts of every *.jsonl set."""
    files = sorted(folder.glob("*.jsonl"))
    if sets:
        files = [f for f in files if f.name.split(".")[0] in sets]
    if not files:
        out.write(f"no *.jsonl sets in {folder}\n")
        return 1
    ours = engine_predictor(load_engine())
    peer = vader_predictor()
    out.write(f"split: {RULE} (tune on fit, confirm on check)\n")
    out.write("escR/escFA = escalation recall and false-alert rate; warn< = warned before onset; ")
    out.write("VADER = the peer's AUROC on check" if peer else "VADER peer not installed")
    out.write("\n" + HEADER + "\n")
    for f in files:
        convs = list(load_conversations(f))
        preds = {c["id"]: ours(c) for c in convs}
        fit = [c for c in convs if part_of(c["id"]) == "fit"]
        check = [c for c in convs if part_of(c["id"]) == "check"]
        theirs = measure(check, {c["id"]: peer(c) for c in check}) if peer else None
        out.write(
            _row(f.name.split(".")[0], measure(fit, preds), measure(check, preds), theirs) + "\n"
        )
        out.flush()
    return 0
