"""The small hashed model the engine ships: tokens, features and the shipped weights."""

from __future__ import annotations

from bot.core.lexmodel import MAX_TOKENS, LexModel, features, model_tokens
from phrasebook.detection import load_detection
from phrasebook.models import load_word_model


def test_words_after_a_negator_are_marked_until_the_clause_ends() -> None:
    assert model_tokens("i'm not angry at all, just tired") == [
        "i'm",
        "not",
        "!angry",
        "!at",
        "!all",
        "just",
        "tired",
    ]


def test_features_are_deterministic_and_in_range() -> None:
    toks = ["the", "parcel", "never", "came"]
    first = list(features(toks, 1024))
    assert first == list(features(toks, 1024))
    stems = sum(1 for t in toks if len(t) > 4)  # "parcel", "never"
    assert len(first) == 2 * len(toks) + stems and all(0 <= f < 1024 for f in first)


def test_token_count_is_capped() -> None:
    assert len(model_tokens("word " * 10_000)) == MAX_TOKENS


def test_logit_sums_bias_and_each_distinct_feature_once() -> None:
    toks = ["bad", "bad"]
    ids = set(features(toks, 64))
    model = LexModel(buckets=64, bias=-1.0, weights=dict.fromkeys(ids, 0.5))
    assert model.logit(toks) == -1.0 + 0.5 * len(ids)


def test_shipped_model_ranks_anger_above_small_talk() -> None:
    rules = load_detection()
    assert rules.tone_words_path is not None
    model, _ = load_word_model(rules.tone_words_path)
    angry = model.logit(model_tokens("this is so annoying, i hate it, what a stupid mess"))
    calm = model.logit(model_tokens("my favourite food is pasta with a bit of cheese"))
    assert angry > calm
