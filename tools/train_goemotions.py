"""Offline: fit the hashed logistic model on GoEmotions (frustrated = anger or annoyance).

usage: python tools/train_goemotions.py GOEMOTIONS.jsonl [OUT.json] [--holdout HELD_OUT.json]

--holdout also writes the model fitted without the held-out fifth, so the whole engine can be
measured on comments its weights never saw (see `held_out` in this file for the split).

Only GoEmotions (Apache-2.0) is used to fit shipped weights. Prints a held-out AUROC from a
hash split (1 in 5 comments held out), then refits on everything and writes the weights.
Pure python SGD with L2; takes about a minute.
"""

from __future__ import annotations

import json
import math
import random
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.lexmodel import LexModel, model_tokens, unique_features  # noqa: E402
from bot.core.text import prepare  # noqa: E402

BUCKETS = 1 << 20
EPOCHS = 20
L2 = 0.0
RATE = 0.05
PRUNE = 0.1
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "phrasebook/data/detection/learned.json"


def _load(path: Path) -> list[tuple[str, list[str], bool]]:
    rows = []
    for line in path.open(encoding="utf-8"):
        conv = json.loads(line)
        for turn in conv["turns"]:
            if turn["role"] == "customer" and turn.get("frustrated") is not None:
                toks = model_tokens(prepare(turn["text"]).lower)
                rows.append((conv["id"], toks, bool(turn["frustrated"])))
    return rows


def _fit(feats: list[list[int]], labels: list[bool]) -> tuple[float, dict[int, float]]:
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
                w[k] = old - rate * (g + L2 * len(feats) * old / 1000)
    return bias, {k: v for k, v in w.items() if abs(v) >= PRUNE}


def _auroc(labels: list[bool], scores: list[float]) -> float:
    pairs = sorted(zip(scores, labels, strict=True))
    rank_sum, pos = 0.0, 0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        for k in range(i, j):
            if pairs[k][1]:
                rank_sum += (i + j + 1) / 2
                pos += 1
        i = j
    neg = len(pairs) - pos
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def held_out(conversation_id: str) -> bool:
    """The fixed 1-in-5 hash split used to report an honest AUROC."""
    return zlib.crc32(conversation_id.encode()) % 5 == 0


def main() -> None:
    """Train, report held-out AUROC, refit on all rows, write JSON weights."""
    args = sys.argv[1:]
    holdout_out = None
    if "--holdout" in args:
        k = args.index("--holdout")
        holdout_out = Path(args[k + 1])
        del args[k : k + 2]
    src = Path(args[0])
    out = Path(args[1]) if len(args) > 1 else DEFAULT_OUT
    rows = _load(src)
    feats = unique_features([r[1] for r in rows], BUCKETS)
    labels = [r[2] for r in rows]
    held = [held_out(r[0]) for r in rows]
    tr = [i for i, h in enumerate(held) if not h]
    te = [i for i, h in enumerate(held) if h]
    bias, w = _fit([feats[i] for i in tr], [labels[i] for i in tr])
    scores = [bias + sum(w.get(k, 0.0) for k in feats[i]) for i in te]
    print(f"held-out AUROC {_auroc([labels[i] for i in te], scores):.4f} on {len(te)} comments")
    if holdout_out is not None:
        part = LexModel(buckets=BUCKETS, bias=bias, weights=w)
        holdout_out.write_text(json.dumps(part.to_json(), separators=(",", ":")), encoding="utf-8")
    bias, w = _fit(feats, labels)
    model = LexModel(buckets=BUCKETS, bias=bias, weights=w)
    out.write_text(json.dumps(model.to_json(), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size} bytes, {len(w)} weights)")


if __name__ == "__main__":
    main()
