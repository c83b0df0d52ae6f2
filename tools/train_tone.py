"""Offline: fit the tone models on GoEmotions (frustrated = anger or annoyance), fit part only.

usage: python tools/train_tone.py GOEMOTIONS.jsonl [OUT_DIR]

Writes OUT_DIR/tone_words.json (hashed unigram/bigram logistic model) and OUT_DIR/tone_embed.json
(a logistic probe over WordLlama sentence vectors), default the shipped detection folder. Only
GoEmotions (Apache-2.0) is used to fit shipped word-level weights. Rows: the tone part of the fit
split (`bot.evalsplit.for_tone`); the check split's AUROC is printed for both models.
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.lexmodel import LexModel, model_tokens, unique_features  # noqa: E402
from bot.core.text import prepare  # noqa: E402
from bot.evalsplit import for_tone, part_of  # noqa: E402
from bot.evaluation import auroc  # noqa: E402
from phrasebook.detection import DEFAULT_FOLDER  # noqa: E402
from phrasebook.models import wordllama  # noqa: E402

BUCKETS = 1 << 20
EPOCHS = 12
RATE = 0.05
L2 = 1e-6
PRUNE = 0.05
PROBE_L2 = 1.0


def _rows(path: Path) -> list[tuple[str, str, bool]]:
    rows = []
    for line in path.open(encoding="utf-8"):
        conv = json.loads(line)
        for turn in conv["turns"]:
            if turn["role"] == "customer" and turn.get("frustrated") is not None:
                rows.append(
                    (conv["id"], prepare(turn["text"] or "").lower, bool(turn["frustrated"]))
                )
    return rows


def fit_words(feats: list[list[int]], labels: list[bool]) -> LexModel:
    """Plain SGD logistic regression over hashed features (deterministic order)."""
    w: dict[int, float] = {}
    pos = sum(labels)
    bias = math.log(pos / (len(labels) - pos))
    order = list(range(len(feats)))
    rng = random.Random(7)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + epoch)
        for i in order:
            f = feats[i]
            z = bias + sum(w.get(k, 0.0) for k in f)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - (1.0 if labels[i] else 0.0)
            bias -= rate * g * 0.1
            for k in f:
                old = w.get(k, 0.0)
                w[k] = old - rate * (g + L2 * old)
    return LexModel(BUCKETS, bias, {k: v for k, v in w.items() if abs(v) >= PRUNE})


def fit_probe(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (small, dense)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 0.0
    for _ in range(30):
        z = xb @ beta
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        grad = xb.T @ (p - y) + reg * beta
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if float(np.abs(step).max()) < 1e-6:
            break
    return beta[:-1], float(beta[-1])


def main() -> None:
    """Train both tone models, report check AUROC, write the JSON files."""
    src = Path(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_FOLDER
    rows = _rows(src)
    train = [r for r in rows if for_tone(r[0])]
    check = [r for r in rows if part_of(r[0]) == "check"]
    print(f"{len(train)} comments to fit, {len(check)} to check", flush=True)
    labels = [r[2] for r in train]
    tokens = [model_tokens(r[1]) for r in train]
    words = fit_words(unique_features(tokens, BUCKETS), labels)
    center = float(np.mean([words.logit(t) for t in tokens]))
    check_labels = [r[2] for r in check]
    scores = [words.logit(model_tokens(r[1])) for r in check]
    print(f"words: check AUROC {auroc(check_labels, scores):.4f}, {len(words.weights)} weights")
    data = {**words.to_json(), "center": round(center, 4)}
    (out / "tone_words.json").write_text(json.dumps(data, separators=(",", ":")), "utf-8")

    emb = wordllama()
    x = np.stack([emb.embed(r[1]) for r in train]).astype(np.float64)
    y = np.array(labels, dtype=np.float64)
    weights, bias = fit_probe(x, y, PROBE_L2)
    logits = x @ weights + bias
    xc = np.stack([emb.embed(r[1]) for r in check]).astype(np.float64)
    print(f"embed: check AUROC {auroc(check_labels, list(xc @ weights + bias)):.4f}")
    probe = {
        "model": "wordllama l2_supercat 256, mean of token vectors, unit length",
        "weights": [round(float(v), 5) for v in weights],
        "bias": round(bias, 5),
        "center": round(float(logits.mean()), 5),
    }
    (out / "tone_embed.json").write_text(json.dumps(probe, separators=(",", ":")), "utf-8")
    print(f"wrote {out / 'tone_words.json'} and {out / 'tone_embed.json'}")


if __name__ == "__main__":
    main()
