"""A small hashed unigram+bigram logistic model, pure-python inference.

Weights are fitted offline on GoEmotions (anger/annoyance) by `tools/train_tone.py` and
shipped as JSON next to the detection rules (read by `phrasebook.models`).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

MAX_TOKENS = 120  # cap work on long messages
STEM = 4  # longer words also count by their first four letters
_CLAUSE = re.compile(r"[.,!?;:\n]+")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
_NEGATORS = frozenset({"not", "no", "never", "nothing", "nobody", "without", "hardly"})


def model_tokens(lower: str) -> list[str]:
    """Tokens for the model, with words after a negator (to the clause end) marked "!word"."""
    out: list[str] = []
    for clause in _CLAUSE.split(lower):
        negated = False
        for tok in _WORD.findall(clause):
            out.append("!" + tok if negated else tok)
            if tok in _NEGATORS or tok.endswith("n't"):
                negated = True
            if len(out) >= MAX_TOKENS:
                return out
    return out


@lru_cache(maxsize=50_000)
def _token_buckets(tok: str, buckets: int) -> tuple[int, ...]:
    """The unigram and prefix buckets of one token (cached: words repeat across messages)."""
    uni = zlib.crc32(tok.encode()) % buckets
    if len(tok) > STEM:
        return (uni, zlib.crc32(f"P:{tok[:STEM]}".encode()) % buckets)
    return (uni,)


@lru_cache(maxsize=100_000)
def _step_buckets(prev: str, tok: str, buckets: int) -> tuple[int, ...]:
    """The buckets one token adds after `prev`, in `features` order: its unigram, the bigram
    and its prefix (cached: word pairs repeat across messages too)."""
    uni = _token_buckets(tok, buckets)
    bigram = zlib.crc32(f"{prev} {tok}".encode()) % buckets
    return (uni[0], bigram, uni[1]) if len(uni) > 1 else (uni[0], bigram)


def features(tokens: Sequence[str], buckets: int) -> Iterator[int]:
    """Hashed unigram, bigram and 4-letter-prefix (crude stem) bucket ids of a token sequence."""
    toks = tokens[:MAX_TOKENS]
    prev = "<s>"
    for tok in toks:
        uni = _token_buckets(tok, buckets)
        yield uni[0]
        yield zlib.crc32(f"{prev} {tok}".encode()) % buckets
        if len(uni) > 1:
            yield uni[1]
        prev = tok


@dataclass(frozen=True, slots=True)
class LexModel:
    """Logistic model over hashed features: `logit(tokens)` is the raw score."""

    buckets: int
    bias: float
    weights: dict[int, float]

    def logit(self, tokens: Sequence[str]) -> float:
        """Raw log-odds of anger/annoyance for these tokens (features counted once)."""
        w = self.weights
        total = self.bias
        buckets = self.buckets
        # the set `features` gives, filled in the same order (so summed in the same order)
        ids: set[int] = set()
        prev = "<s>"
        for tok in tokens[:MAX_TOKENS]:
            ids.update(_step_buckets(prev, tok, buckets))
            prev = tok
        for idx in ids:
            total += w.get(idx, 0.0)
        return total

    def to_json(self) -> dict[str, object]:
        """Compact JSON form: sparse weights keyed by bucket id."""
        return {
            "buckets": self.buckets,
            "bias": round(self.bias, 4),
            "weights": {str(k): round(v, 3) for k, v in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LexModel:
        """Rebuild a model written by `to_json`; raise ValueError when it is not one."""
        try:
            raw = data["weights"]
            if not isinstance(raw, dict):
                raise TypeError("weights must be a mapping")
            model = cls(
                buckets=int(str(data["buckets"])),
                bias=float(str(data["bias"])),
                weights={int(k): float(v) for k, v in raw.items()},
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"not a model file: {exc!r}") from exc
        if model.buckets <= 0 or any(not 0 <= k < model.buckets for k in model.weights):
            raise ValueError("weights fall outside the hashed buckets")
        return model


def unique_features(rows: Iterable[Sequence[str]], buckets: int) -> list[list[int]]:
    """Feature lists (deduplicated) for many token sequences; used by training."""
    return [sorted(set(features(toks, buckets))) for toks in rows]
