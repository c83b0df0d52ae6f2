"""The learned tone models the engine reads beside its lexicon (pure: weights are passed in).

- `LexModel` (bot.core.lexmodel): a hashed unigram/bigram logistic model.
- `EmbeddingProbe`: a logistic probe over a sentence embedding, e.g. WordLlama's averaged token
  vectors; the `Embedder` that turns text into a vector is handed over by the loader.

Both are fitted offline on GoEmotions (Apache-2.0; anger or annoyance = frustrated) by
`tools/train_tone.py`, on its fit part only. Each reports a centred logit: 0 is a typical comment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from bot.core.lexmodel import LexModel, model_tokens

Vector = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Text -> a unit-length sentence vector (empty text: the zero vector)."""

    dim: int

    def embed(self, text: str) -> Vector:
        """The vector of one text."""
        ...


@dataclass(frozen=True, slots=True)
class EmbeddingProbe:
    """A logistic probe over sentence vectors."""

    weights: Vector
    bias: float
    center: float = 0.0

    def logit(self, vector: Vector) -> float:
        """Centred log-odds for one vector."""
        return float(vector @ self.weights) + self.bias - self.center


@dataclass(frozen=True, slots=True)
class ToneModels:
    """The learned tone models the engine uses (any may be missing: its feature stays 0)."""

    words: LexModel | None = None
    words_center: float = 0.0
    embedder: Embedder | None = None
    probe: EmbeddingProbe | None = None

    def words_logit(self, lower: str) -> float:
        """Centred logit of the hashed n-gram model (0 without one)."""
        if self.words is None:
            return 0.0
        return self.words.logit(model_tokens(lower)) - self.words_center

    def embed(self, lower: str) -> Vector | None:
        """The sentence vector of a lowercased message (None without an embedder)."""
        return None if self.embedder is None else self.embedder.embed(lower)

    def embed_logit(self, vector: Vector | None) -> float:
        """Centred logit of the embedding probe (0 without one)."""
        if vector is None or self.probe is None:
            return 0.0
        return self.probe.logit(vector)


def cosine_best(vector: Vector, bank: Vector) -> tuple[float, int]:
    """The highest cosine similarity of a unit vector to the rows of a unit-row matrix."""
    if bank.shape[0] == 0:
        return 0.0, -1
    sims = bank @ vector
    i = int(np.argmax(sims))
    return float(sims[i]), i


def as_vector(values: Sequence[float]) -> Vector:
    """A float32 vector from plain numbers."""
    return np.asarray(values, dtype=np.float32)
