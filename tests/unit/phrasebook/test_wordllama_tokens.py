"""The embedder reads token ids word by word from a cache; they must be the tokenizer's own."""

from __future__ import annotations

import pytest

from phrasebook.models import MAX_TOKENS, wordllama

TEXTS = [
    "my invoice shows the wrong vat number. can you fix it?",
    "this is the third time i've asked!!! where is my refund",
    "a  b   c",  # runs of spaces
    "  leading spaces",
    "trailing space ",
    "trailing spaces   ",
    " ",
    "tabs\tand\nnew lines\n\n stay inside words",
    "émoji 😀 and ünïcödé, 日本語のテキスト",
    "<s>hi</s> there <unk> markers",  # the tokenizer's own markers: whole-text path
    "a<b and x>y are not markers",
    "word " * 200,  # longer than the token cap
]


@pytest.mark.parametrize("text", TEXTS)
def test_word_by_word_ids_are_the_tokenizers_own(text: str) -> None:
    embedder = wordllama()
    whole = embedder._encode(text, add_special_tokens=False).ids[:MAX_TOKENS]
    assert embedder.token_ids(text)[:MAX_TOKENS] == whole
    assert embedder.token_ids(text)[:MAX_TOKENS] == whole  # again, now from the cache


def test_the_vector_is_the_mean_of_the_tokenizers_ids() -> None:
    embedder = wordllama()
    text = "the export failed again and nobody answered"
    ids = embedder._encode(text, add_special_tokens=False).ids
    vec = embedder._matrix.take(ids, axis=0).sum(axis=0)
    expected = vec / (vec @ vec) ** 0.5
    assert embedder.embed(text) == pytest.approx(expected, abs=1e-6)
