"""Fast word-list matching gives the same answers as the word-bounded regex it replaces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.core import textindex
from bot.core.leading import (
    CLOSED,
    DIGIT,
    required_literals,
    word_head,
    word_leads,
)
from bot.core.signals import compile_regex
from bot.core.textindex import AnyOf, Vocabulary, WordPattern, split_alternatives


def test_alternatives_split_only_at_top_level() -> None:
    assert split_alternatives(r"a|b(?:c|d)|[|x]|e\|f") == ["a", "b(?:c|d)", "[|x]", r"e\|f"]


def test_words_phrases_and_complex_parts_all_match() -> None:
    wp = WordPattern(["worst|fed up|(?:great|nice)[,!.]* another|can't", "i said"])
    text = "the worst, fed up. i said great, another can't"
    found = [text[a:b] for a, b in wp.finditer(text)]
    assert found == ["worst", "fed up", "i said", "great, another", "can't"]
    assert wp.search(text) == (4, 9)


@pytest.mark.parametrize(
    "text",
    ["worsts", "unworst", "fed, up", "fed  up", "worst's", "2worst", "cant", ""],
)
def test_word_boundaries_match_the_regex_form(text: str) -> None:
    patterns = ["worst|fed up|can't"]
    regex = compile_regex(patterns)
    ours = WordPattern(patterns).finditer(text)
    assert ours == [m.span() for m in regex.finditer(text)]


def test_search_returns_none_without_a_match() -> None:
    assert WordPattern(["refund|money back"]).search("where is my parcel") is None


def test_shipped_patterns_find_the_same_first_match_as_regex() -> None:
    from phrasebook.detection import load_detection

    text = (
        "no, i said the refund is still not here, this is the third time!! "
        "you promised it would arrive, worst service, let me speak to your manager"
    )
    for rule in load_detection().lexicon.signals:
        regex = re.compile(compile_regex(rule.patterns).pattern, re.M)
        first = regex.search(text)
        ours = WordPattern(rule.patterns).search(text)
        assert (first.start() if first else None) == (ours[0] if ours else None), rule.id


def test_patterns_sharing_a_vocabulary_see_only_their_own_words() -> None:
    vocab = Vocabulary()
    angry = WordPattern(["furious|fed up"], vocab)
    calm = WordPattern(["thanks"], vocab)
    text = "fed up, thanks"
    assert angry.finditer(text) == [(0, 6)]
    assert calm.finditer(text) == [(8, 14)]


def test_a_second_engine_does_not_change_the_first_ones_answers() -> None:
    from bot.core.engine import FrustrationEngine
    from bot.core.models import Role, Turn
    from phrasebook.detection import load_detection

    turn = Turn(Role.CUSTOMER, "Still waiting, third time I ask, this is useless!!", 0.0)
    first = FrustrationEngine(load_detection())
    before = first.read(first.start(), turn)[1]
    FrustrationEngine(load_detection())
    assert first.read(first.start(), turn)[1] == before


DIGIT_LED = ["(?:\\d+|two|three) times", "\\d+ ?% off", "(?:1|one)[- ]star reviews?", "[0-9]+ days"]


@pytest.mark.parametrize(
    "text",
    [
        "3 times now",  # a digit starts a word
        "asked two times",
        "50% off, then 50 % off",
        "a 1-star review",
        "١٢ days",  # Arabic-Indic digits are digits to `\\d` too
        "12 days",
        "mp3 times",  # a digit inside a word starts no match
        "x3 times and a3 days",
        "no numbers at all",
        "",
    ],
)
def test_a_pattern_that_may_start_with_a_digit_runs_only_when_a_word_does(text: str) -> None:
    for pattern in DIGIT_LED:
        ours = WordPattern([pattern])
        assert ours.led and ours.always is None  # led, not run on every message
        regex = compile_regex([pattern])
        assert ours.finditer(text) == [m.span() for m in regex.finditer(text)], pattern


@pytest.mark.parametrize(
    "text",
    [
        "not working, not working again",  # two matches, the second after the first's end
        "not not working",  # a word start inside a longer match is not tried again
        "2nd time, 3 times, 10x",  # digit-led alternatives at digit word starts only
        "café not working",  # a letter run after a non-ASCII letter is not a word start
        "x2nd time and don't work",  # a digit inside a word is not a start either
        "it's broken again!!!",
        "",
    ],
)
def test_regex_parts_tried_at_word_starts_find_what_a_scan_finds(text: str) -> None:
    patterns = [r"not (?:not )?work(?:ing)?(?: again)?", r"\d+(?:nd|x)?(?: times?)?"]
    patterns += [r"don'?t work", r"it'?s broken(?: again)?!*", r"(?:a|an) issue"]
    regex = compile_regex(patterns)
    ours = WordPattern(patterns)
    assert ours.finditer(text) == [m.span() for m in regex.finditer(text)]
    first = regex.search(text)
    assert ours.search(text) == (first.span() if first else None)


def test_every_shipped_pattern_finds_what_its_regex_finds() -> None:
    from phrasebook.detection import load_detection

    rules = load_detection()
    families = [r.patterns for r in rules.lexicon.signals]
    families += [c.patterns for c in rules.cues.cues] + [r.patterns for r in rules.agent.rules]
    families += [c.unless for c in rules.cues.cues if c.unless]  # probed before blanking
    texts = [
        "no, i said the refund is still not here, this is the third time!! you promised it "
        "would arrive, worst service, let me speak to your manager or i'll call my lawyer",
        "2nd time i ask. 3 days waiting, 50% off is not what we agreed. cancel my account",
        "thanks so much, that fixed it :) we're all good now, have a great weekend",
        "i can't approve that refund, let me check with my supervisor and get back to you",
    ]
    vocab = Vocabulary()
    for patterns in families:
        ours = WordPattern(patterns, vocab)
        regex = compile_regex(patterns)
        for text in texts:
            spans = [m.span() for m in regex.finditer(text)]
            found = ours.search(text)
            assert (found[0] if found else None) == (spans[0][0] if spans else None), patterns


def test_warming_compiles_every_regex_a_message_can_need() -> None:
    """After `warm`, no message makes a pattern compile a regex: not the words its leads
    name, not longer words that begin with them, not digits."""
    from phrasebook.detection import load_detection

    rules = load_detection()
    families = [r.patterns for r in rules.lexicon.signals]
    families += [c.patterns for c in rules.cues.cues] + [r.patterns for r in rules.agent.rules]
    vocab = Vocabulary()
    patterns = [WordPattern(p, vocab) for p in families]
    vocab.warm()
    words = {"7", "42nd"}
    for ours in patterns:
        for lead in ours.leads:
            stem = lead.rstrip(CLOSED + DIGIT)
            words |= {stem, stem + "s", stem + "zzy", stem[:-1], stem + "'ll"} - {""}
    text = " ".join(sorted(words))
    compiled = textindex._compiled.cache_info().misses
    for ours in patterns:
        ours.finditer(text)
    assert textindex._compiled.cache_info().misses == compiled
    assert vocab.warm() == 0  # warming twice compiles nothing more


SHORT_WORD_LED = [
    r"i (?:want|need) (?:a )?refund",
    r"(?:we|i)(?:'m| am)? (?:so )?done",
    r"a (?:refund|credit) of \d+",
]


@pytest.mark.parametrize(
    "text",
    [
        "i want a refund",
        "it wants a refund, in i need refund",  # "it" and "in" begin with "i" but are not "i"
        "i'm done. we am done",
        "i2 want a refund",  # a digit after the letter: the word is still "i"
        "a refund of 20 and a credit of 5",
        "as refund of 20",
        "",
    ],
)
def test_a_pattern_led_by_a_short_word_finds_what_a_scan_finds(text: str) -> None:
    regex = compile_regex(SHORT_WORD_LED)
    ours = WordPattern(SHORT_WORD_LED)
    assert ours.finditer(text) == [m.span() for m in regex.finditer(text)]


def test_a_pattern_led_by_a_short_word_is_not_tried_at_longer_words() -> None:
    vocab = Vocabulary()
    ours = WordPattern([r"i (?:want|need) (?:a )?refund"], vocab)
    assert word_leads(r"i (?:want|need)") == {"i" + CLOSED}
    assert ours.pid in vocab.starting(word_head("i"))
    assert ours.pid not in vocab.starting(word_head("it"))
    assert ours.pid not in vocab.starting(word_head("ignored"))


def test_at_a_word_start_the_alternatives_keep_their_order() -> None:
    # the whole alternation takes the first alternative that matches at a position; split by
    # first letter, the alternatives sharing that letter are still tried in the same order
    patterns = [r"not (?:work\w*)", r"(?:no|not) \w+ (?:at all|again)", r"x?not \w+"]
    regex = compile_regex(patterns)
    ours = WordPattern(patterns)
    for text in ["not working again", "no luck at all", "it is not fine", "xnot ok, not ok"]:
        assert ours.finditer(text) == [m.span() for m in regex.finditer(text)], text


def test_a_word_cut_short_by_a_class_keeps_the_letters_before_it() -> None:
    """ "fil\\w*" starts with "fil" (so it is tried at "file" and "filing"), not only at a
    word that is exactly "fil"."""
    assert word_leads(r"(?:fil\w*|lodg\w*) (?:a )?police report") == {"fil", "lodg"}
    patterns = [r"(?:fil\w*|lodg\w*) (?:a )?police report\b"]
    regex = compile_regex(patterns)
    ours = WordPattern(patterns)
    for text in ["i would file a police report.", "filing police report", "fil a police report"]:
        assert ours.search(text) == regex.search(text).span(), text  # type: ignore[union-attr]


def test_a_match_contains_one_of_the_required_literals() -> None:
    assert required_literals(r"\w+ ?(?:→|->) ?\w+") == {"→", "->"}
    assert required_literals(r"(?:tried|done)[.,!]+ (?:still )?nothing") == {"nothing"}
    assert required_literals(r"\w+") is None  # nothing we can name
    assert required_literals(r"(?i)refund") is None  # the text's case is not the pattern's


def test_on_the_corpus_every_shipped_pattern_finds_what_its_regex_finds() -> None:
    """Every family of the shipped phrasebook, on a thousand and more real-looking messages
    (the corpus threads): the same first match as its plain regex alternation."""
    from phrasebook.detection import load_detection

    rules = load_detection()
    families = [r.patterns for r in rules.lexicon.signals]
    families += [c.patterns for c in rules.cues.cues] + [r.patterns for r in rules.agent.rules]
    families += [c.unless for c in rules.cues.cues if c.unless]
    families += [t.patterns for t in rules.situation.types + rules.situation.triggers]
    threads = sorted((Path(__file__).parents[2] / "threads").glob("*.yaml"))[::80]
    texts = [
        str(m["text"]).lower() for t in threads for m in yaml.safe_load(t.read_text())["messages"]
    ]
    assert len(texts) > 400
    vocab = Vocabulary()
    for patterns in families:
        ours = WordPattern(patterns, vocab)
        regex = compile_regex(patterns)
        for text in texts:
            first = regex.search(text)
            assert ours.search(text) == (first.span() if first else None), (patterns[0], text)


@pytest.mark.parametrize(
    "text", ["so annoyed 😡", "ugh :( again", "all good", "x -> y -> z", "x → y → z", ""]
)
def test_a_pattern_searched_everywhere_finds_what_a_scan_finds(text: str) -> None:
    patterns = ["😡|😠|:-?\\(", r"\w+ ?(?:→|->) ?\w+ ?(?:→|->) ?\w+"]
    regex = compile_regex(patterns)
    ours = WordPattern(patterns)
    assert ours.finditer(text) == [m.span() for m in regex.finditer(text)]
    first = regex.search(text)
    assert ours.search(text) == (first.span() if first else None)


def test_any_of_the_shipped_no_fault_patterns_is_found_where_their_alternation_is() -> None:
    from phrasebook.detection import load_detection

    patterns = load_detection().tuning.no_fault
    alternation = re.compile("|".join(f"(?:{p})" for p in patterns))
    ours = AnyOf(patterns)
    texts = [
        "not a complaint, we moved to a new office and no longer need the second seat",
        "our vet put him on a kidney diet so we won't need the food anymore",
        "nothing wrong with the product, the board decided to consolidate vendors",
        "we've finally moved into the new house",
        "the app is broken again and nobody answers",  # none of their words
        "removed the moved items",  # a literal inside a longer word
        "",
    ]
    for text in texts:
        assert ours.found(text) == (alternation.search(text) is not None), text
