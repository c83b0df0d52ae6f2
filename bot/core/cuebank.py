"""Escalation cues recognised by meaning: nearest example sentences in an embedding space.

Beside the concept patterns of `cues.yaml`, every cue kind has example sentences (the phrasebook's
`cue_examples.yaml`, extendable by teams). A sentence of a customer message whose vector is close
enough to one example of a kind, and closer to it than to any look-alike, raises that cue. The
vectors come from the loader (the core does no I/O): WordLlama by default.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class CueBank:
    """Example sentences per cue kind and look-alikes, as unit vectors."""

    kinds: tuple[CueKind, ...]
    examples: tuple[Vector, ...]  # one matrix (rows = unit vectors) per kind
    texts: tuple[tuple[str, ...], ...]
    lookalikes: Vector  # matrix of unit vectors
    threshold: float
    margin: float
    # a kind's essential word, which a sentence read as that kind by likeness must also hold
    # (lowercased sentence); kinds without one need none
    needs: Mapping[CueKind, re.Pattern[str]] = field(default_factory=dict)

    def holds(self, kind: CueKind, sentence: str) -> bool:
        """The sentence says what `kind` cannot do without (see `needs`)."""
        rx = self.needs.get(kind)
        return rx is None or rx.search(sentence.lower()) is not None

    def __post_init__(self) -> None:
        # one stacked matrix: a single product per sentence gives every similarity at once
        blocks = [*self.examples, self.lookalikes]
        stacked = np.vstack([b for b in blocks if len(b)]) if any(len(b) for b in blocks) else None
        bounds, start = [], 0
        for block in self.examples:
            bounds.append((start, start + len(block)))
            start += len(block)
        object.__setattr__(self, "_stacked", stacked)
        object.__setattr__(self, "_bounds", tuple(bounds))
        object.__setattr__(self, "_look", (start, start + len(self.lookalikes)))

    def match(self, vectors: list[Vector]) -> list[BankMatch]:
        """The kinds some sentence reads like, best match first (one per kind)."""
        best: dict[CueKind, BankMatch] = {}
        stacked = self._stacked  # type: ignore[attr-defined]
        if stacked is None:
            return []
        lo, hi = self._look  # type: ignore[attr-defined]
        for s_index, vec in enumerate(vectors):
            if not vec.any():
                continue
            sims = stacked @ vec
            near_lookalike = float(sims[lo:hi].max()) if hi > lo else -1.0
            for kind, (a, b), texts in zip(
                self.kinds, self._bounds, self.texts, strict=True  # type: ignore[attr-defined]
            ):
                if b <= a:
                    continue
                i = a + int(np.argmax(sims[a:b]))
                sim = float(sims[i])
                if sim < self.threshold or sim < near_lookalike + self.margin:
                    continue
                if kind not in best or sim > best[kind].similarity:
                    best[kind] = BankMatch(kind, sim, texts[i - a], s_index)
        return sorted(best.values(), key=lambda m: -m.similarity)
