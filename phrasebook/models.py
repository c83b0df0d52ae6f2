"""Loading the learned models the engine reads: tone weights (JSON) and the WordLlama embedder.

The core does no file I/O; this module reads the files and hands the engine ready objects.
WordLlama (MIT, https://github.com/dleemiller/WordLlama) ships its token vectors and tokenizer
inside its wheel; we read those two files directly (its own loader reaches for the network when
a file is not where it expects it), so nothing is ever downloaded at run time.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from bot.core.cuebank import CueBank
from bot.core.engine import FrustrationEngine
from bot.core.lexmodel import LexModel
from bot.core.tone import EmbeddingProbe, ToneModels, Vector
from phrasebook.detection import DetectionRules
from phrasebook.loader import PhrasebookError

WORDLLAMA_WEIGHTS = "weights/l2_supercat_256.safetensors"
WORDLLAMA_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
MAX_TOKENS = 160  # the prepared message is capped already; this bounds the pooling work
PIECE_CACHE = 100_000  # words whose token ids are remembered (cleared when full)
# a word with the spaces before it: the tokenizer never merges a space into the end of a token
_SEGMENT = re.compile(r" *[^ ]+| +")
_SPECIAL = ("<s>", "</s>", "<unk>")  # the tokenizer's own markers split a text differently


class WordLlamaEmbedder:
    """Averaged WordLlama token vectors of a lowercased text, scaled to unit length."""

    def __init__(self, tokenizer: object, matrix: Vector) -> None:
        self._encode = tokenizer.encode  # type: ignore[attr-defined]
        self._matrix = matrix
        self.dim = int(matrix.shape[1])
        self._zero: Vector = np.zeros(self.dim, dtype=np.float32)
        self._pieces: dict[str, list[int]] = {}
        plain = len(self._encode("a", add_special_tokens=False).ids)
        self._lone_space: list[int] = self._encode("a ", add_special_tokens=False).ids[plain:]

    def token_ids(self, text: str) -> list[int]:
        """The tokenizer's ids for `text`, word by word from a cache.

        The tokenizer (Llama-2 BPE, no pre-tokenizer) turns every space into "▁" and has no
        token with a "▁" after another character, so no token spans the boundary before a
        space: the ids of a text are the ids of its words (each with the spaces before it)
        one after another. Calling the tokenizer once per message costs more than the rest of
        the embedding; words repeat, so each is encoded once."""
        if "<" in text and any(mark in text for mark in _SPECIAL):
            return list(self._encode(text, add_special_tokens=False).ids)
        pieces = self._pieces
        out: list[int] = []
        first = True
        for segment in _SEGMENT.findall(text):  # the words as strings, no match objects
            # the text's first word gets its "▁" from the tokenizer; later ones from their space
            piece = segment if first else segment[1:]
            first = False
            ids = pieces.get(piece)
            if ids is None:
                ids = self._lone_space
                if piece:
                    ids = self._encode(piece, add_special_tokens=False).ids
                if len(pieces) >= PIECE_CACHE:
                    pieces.clear()
                pieces[piece] = ids
            out.extend(ids)
            if len(out) >= MAX_TOKENS:
                break
        return out

    def embed(self, text: str) -> Vector:
        """The unit vector of `text` (the zero vector when it has no tokens)."""
        if not text.strip():
            return self._zero
        ids = self.token_ids(text)[:MAX_TOKENS]
        if not ids:
            return self._zero
        # `np.add.reduce` is what `.sum` calls, without its Python wrapper (the same sum)
        vec: Vector = np.add.reduce(self._matrix.take(ids, axis=0), axis=0)
        norm = float(np.sqrt(vec @ vec))
        return vec / norm if norm > 0 else self._zero


@lru_cache(maxsize=1)
def wordllama() -> WordLlamaEmbedder:
    """The packaged WordLlama embedder (loaded once per process, about 30 MB of vectors)."""
    from safetensors import safe_open
    from tokenizers import Tokenizer

    try:
        root = resources.files("wordllama")
        with resources.as_file(root / WORDLLAMA_TOKENIZER) as tok_path:
            tokenizer = Tokenizer.from_file(str(tok_path))
        with (
            resources.as_file(root / WORDLLAMA_WEIGHTS) as w_path,
            safe_open(str(w_path), framework="np") as fh,
        ):
            matrix = np.asarray(fh.get_tensor("embedding.weight"), dtype=np.float32)
    except (ModuleNotFoundError, OSError) as exc:
        raise PhrasebookError("wordllama", None, f"packaged model not found: {exc}") from exc
    return WordLlamaEmbedder(tokenizer, matrix)


def _read_json(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PhrasebookError(path, None, f"cannot read file: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise PhrasebookError(path, exc.lineno, f"not valid JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise PhrasebookError(path, None, "not a model file: expected a JSON object")
    return data


def load_word_model(path: Path) -> tuple[LexModel, float]:
    """The hashed n-gram tone model and its centre."""
    data = _read_json(path)
    try:
        return LexModel.from_json(data), float(str(data.get("center", 0.0)))
    except ValueError as exc:
        raise PhrasebookError(path, None, str(exc)) from exc


def load_probe(path: Path, dim: int) -> EmbeddingProbe:
    """The embedding probe of the tone model, checked against the embedder's size."""
    data = _read_json(path)
    try:
        weights = np.asarray(data["weights"], dtype=np.float32)
        probe = EmbeddingProbe(weights, float(str(data["bias"])), float(str(data["center"])))
    except (KeyError, TypeError, ValueError) as exc:
        raise PhrasebookError(path, None, f"not a probe file: {exc!r}") from exc
    if weights.shape != (dim,):
        raise PhrasebookError(path, None, f"probe has {weights.shape} weights, embedder {dim}")
    return probe


def load_tone(rules: DetectionRules) -> ToneModels:
    """Every tone model the rules name, ready for the engine."""
    words, center = (None, 0.0)
    if rules.tone_words_path is not None:
        words, center = load_word_model(rules.tone_words_path)
    embedder = wordllama()
    probe = load_probe(rules.tone_embed_path, embedder.dim) if rules.tone_embed_path else None
    return ToneModels(words=words, words_center=center, embedder=embedder, probe=probe)


def load_cue_bank(rules: DetectionRules, embedder: WordLlamaEmbedder) -> CueBank | None:
    """The cue example sentences as vectors (None when the rules have none)."""
    book = rules.cue_examples
    if book is None:
        return None
    kinds = tuple(book.examples)
    zero = np.zeros((0, embedder.dim), dtype=np.float32)
    lookalikes = (
        np.stack([embedder.embed(x.lower()) for x in book.lookalikes]) if book.lookalikes else zero
    )
    return CueBank(
        kinds=kinds,
        examples=tuple(
            np.stack([embedder.embed(x.lower()) for x in book.examples[k]]) for k in kinds
        ),
        texts=tuple(tuple(book.examples[k]) for k in kinds),
        lookalikes=lookalikes,
        needs={kind: re.compile(rf"\b(?:{rx})\b") for kind, rx in book.needs.items()},
        threshold=book.threshold,
        margin=book.margin,
    )


def load_engine(rules: DetectionRules | None = None) -> FrustrationEngine:
    """A frustration engine over the shipped (or given) detection rules and its models."""
    from phrasebook.detection import load_detection

    rules = rules or load_detection()
    return FrustrationEngine(rules, load_tone(rules), load_cue_bank(rules, wordllama()))
