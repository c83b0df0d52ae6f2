"""Escalation cues recognised by meaning: nearest example sentences in an embedding space.

Beside the concept patterns of `cues.yaml`, every cue kind has example sentences (the phrasebook's
`cue_examples.yaml`, extendable by teams). A sentence of a customer message whose vector is close
enough to one example of a kind, and closer to it than to any look-alike, raises that cue. The
vectors come from the loader (the core does no I/O): WordLlama by default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from bot.core.models import CueKind
from bot.core.tone import Vector

MAX_SENTENCES = 4
MIN_WORDS = 3
_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(prose: str) -> list[str]:
    """Up to four sentences of a message worth comparing (three words or more)."""
    parts = [p.strip() for p in _SPLIT.split(prose) if len(p.split()) >= MIN_WORDS]
    return parts[:MAX_SENTENCES]


@dataclass(frozen=True, slots=True)
class BankMatch:
    """One cue kind a sentence reads like."""

    kind: CueKind
    similarity: float
    example: str  # the example sentence it is closest to
    sentence: int  # index of the message sentence that matched


@dataclass(frozen=True, slots=True)
class CueBank:
    """Example sentences per cue kind and look-alikes, as unit vectors."""

    kinds: tuple[CueKind, ...]
    examples: tuple[Vector, ...]  # one matrix (rows = unit vectors) per kind
    texts: tuple[tuple[str, ...], ...]
    lookalikes: Vector  # matrix of unit vectors
    threshold: float
    margin: float

    def match(self, vectors: list[Vector]) -> list[BankMatch]:
        """The kinds some sentence reads like, best match first (one per kind)."""
        best: dict[CueKind, BankMatch] = {}
        for s_index, vec in enumerate(vectors):
            if not vec.any():
                continue
            near_lookalike = float((self.lookalikes @ vec).max()) if len(self.lookalikes) else -1.0
            for kind, matrix, texts in zip(self.kinds, self.examples, self.texts, strict=True):
                sims = matrix @ vec
                i = int(np.argmax(sims))
                sim = float(sims[i])
                if sim < self.threshold or sim < near_lookalike + self.margin:
                    continue
                if kind not in best or sim > best[kind].similarity:
                    best[kind] = BankMatch(kind, sim, texts[i], s_index)
        return sorted(best.values(), key=lambda m: -m.similarity)
