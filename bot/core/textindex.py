"""Fast matching of word-list patterns: plain words and phrases by token lookup, the rest by regex.

Most lexicon alternatives are plain words ("worst") or fixed phrases ("fed up"). Trying each of
them at every position of a message is what makes a regex alternation slow, so a `WordPattern`
looks those up in a per-message token index (built once per text) and keeps a regex only for
the alternatives that need one. That regex is not scanned over the whole message either: a
match starts at a word start, so it is tried (`match` at a position) only at the word starts
whose first letters it can begin with (`bot.core.leading`; "i" followed by a space is tried at
the word "i", not at "it"), and only its alternatives that can begin with that word's first
letter are tried there; spans are the same as a scan's.
Matching is on lowercased text with the same word boundaries as the regex form: not preceded
or followed by a letter, digit, underscore or apostrophe.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from bot.core.leading import CLOSED, DIGIT, token_prefixes, word_head, word_leads

Span = tuple[int, int]

_RUN = re.compile(r"(?<![\w'])[a-z][a-z']*")
# every place a word-bounded match can start: a letter run (group 1) or a digit
_START = re.compile(r"(?<![\w'])(?:([a-z][a-z']*)|\d)")
_DIGIT_START = re.compile(r"(?<![\w'])\d")  # a word-bounded match may start with this digit
_TOKEN = re.compile(r"(?<![\w'])[a-z]+(?:'[a-z]+)*(?![\w'])")
_PLAIN = re.compile(r"[a-z]+(?:'[a-z]+)*(?: [a-z]+(?:'[a-z]+)*)*")


class Vocabulary:
    """The plain words and phrases of a family of WordPatterns (one per engine), so that one
    pass over a message's tokens finds the token hits of all of them at once."""

    def __init__(self) -> None:
        self.words: dict[str, list[int]] = {}
        self.firsts: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self.leads: dict[str, list[int]] = {}  # a prefix -> the patterns whose regex may start so
        self.size = 0
        self._cache: list[_Index] = []  # the last two texts (a message and its quote-free copy)
        # a word's first three letters -> the patterns that may start at it (all three prefixes);
        # bounded: heads are at most three of [a-z'] (a shorter word and CLOSED), or DIGIT
        self._starting: dict[str, tuple[int, ...]] = {}

    def register(
        self,
        words: set[str],
        phrases: dict[str, list[tuple[str, ...]]],
        leads: frozenset[str] = frozenset(),
    ) -> int:
        """Add one pattern's words, phrases and the prefixes its regex may start with; return
        its id."""
        self.size += 1
        for lead in leads:
            self.leads.setdefault(lead, []).append(self.size)
        for word in words:
            self.words.setdefault(word, []).append(self.size)
        for first, items in phrases.items():
            self.firsts.setdefault(first, []).extend((self.size, p) for p in items)
        self._cache.clear()
        self._starting.clear()
        return self.size

    def starting(self, head: str) -> tuple[int, ...]:
        """The patterns whose regex may start at a word with this `head` (`word_head`: its first
        three letters, or a shorter whole word and CLOSED; or DIGIT), each once; remembered
        across messages."""
        pids = self._starting.get(head)
        if pids is None:
            if head == DIGIT:
                keys: tuple[str, ...] = (head,)
            elif head.endswith(CLOSED):  # a short word: its open prefixes and itself, closed
                keys = (head[:1], head[:-1], head)
            else:
                keys = (head[:1], head[:2], head[:3])
            found: dict[int, None] = {}
            for key in keys:
                for pid in self.leads.get(key, ()):
                    found[pid] = None
            pids = self._starting[head] = tuple(found)
        return pids

    def index(self, text: str) -> _Index:
        """Token hits of every registered pattern in `text` (cached for the last two texts)."""
        cache = self._cache
        if cache and cache[0].text is text:  # the common case: one message, pattern after pattern
            return cache[0]
        for idx in cache:
            if idx.text is text or idx.text == text:
                return idx
        idx = _Index(text, self)
        self._cache.insert(0, idx)
        del self._cache[2:]
        return idx


class _Index:
    """One pass over a text's tokens: the token hits of every pattern of a vocabulary."""

    __slots__ = ("text", "hits", "words", "_prefixes", "_starts", "_vocab")

    def __init__(self, text: str, vocab: Vocabulary) -> None:
        self.text = text
        hits: dict[int, list[Span]] = {}
        spans: list[Span] = []
        words: list[str] = []
        for m in _TOKEN.finditer(text):
            spans.append(m.span())
            words.append(m.group())
        for i, word in enumerate(words):
            for pid in vocab.words.get(word, ()):
                hits.setdefault(pid, []).append(spans[i])
            for pid, phrase in vocab.firsts.get(word, ()):
                end = i + len(phrase)
                if tuple(words[i:end]) == phrase and all(
                    spans[k][1] + 1 == spans[k + 1][0] and text[spans[k][1]] == " "
                    for k in range(i, end - 1)
                ):
                    hits.setdefault(pid, []).append((spans[i][0], spans[end - 1][1]))
        self.hits = hits
        self.words = words
        self._prefixes: frozenset[str] | None = None
        self._starts: dict[int, list[int]] | None = None
        self._vocab = vocab

    @property
    def starts(self) -> dict[int, list[int]]:
        """Pattern id -> the positions (in text order) where its regex may match: word starts
        whose first 1..3 letters (or digit) the pattern's regex can begin with."""
        if self._starts is None:
            starting = self._vocab.starting
            starts: dict[int, list[int]] = {}
            for m in _START.finditer(self.text):
                pos = m.start()
                word = m.group(1)
                for pid in starting(DIGIT if word is None else word_head(word)):
                    found = starts.get(pid)
                    if found is None:
                        starts[pid] = [pos]
                    else:
                        found.append(pos)
            self._starts = starts
        return self._starts

    @property
    def prefixes(self) -> frozenset[str]:
        """The 1..3-letter prefixes of the text's tokens (computed on first use)."""
        if self._prefixes is None:  # every letter run a word-bounded match could start at
            found = token_prefixes(_RUN.findall(self.text))
            self._prefixes = found | {DIGIT} if _DIGIT_START.search(self.text) else found
        return self._prefixes


def split_alternatives(pattern: str) -> list[str]:
    """Split a regex at its top-level `|` (not inside groups, classes or escapes)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _word_regex(parts: Sequence[str]) -> re.Pattern[str] | None:
    body = "|".join(f"(?:{p})" for p in parts)
    return _compiled(rf"(?<![\w'])(?:{body})(?![\w'])") if body else None


@functools.lru_cache(maxsize=16384)
def _compiled(pattern: str) -> re.Pattern[str]:
    # an engine compiles a few thousand of these; `re`'s own cache keeps 512, so a second
    # engine (a team's phrasebook, a test) would compile them all again
    return re.compile(pattern, re.M)


class WordPattern:
    """A word-bounded alternation of patterns, matched fast on lowercased text."""

    def __init__(self, patterns: Sequence[str], vocab: Vocabulary | None = None) -> None:
        self.words: set[str] = set()
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        complex_parts: list[str] = []
        for pattern in patterns:
            for alt in split_alternatives(pattern):
                if _PLAIN.fullmatch(alt):
                    words = tuple(alt.split(" "))
                    if len(words) == 1:
                        self.words.add(words[0])
                    else:
                        self.phrases.setdefault(words[0], []).append(words)
                else:
                    complex_parts.append(alt)
        # alternatives whose first letters are known are tried only at the word starts that
        # begin that way (a match starts at a word start); the others (emoji, symbols first)
        # are searched for everywhere
        with_leads = [(p, word_leads(p)) for p in complex_parts]
        self.leads: frozenset[str] = frozenset().union(*[lead for _, lead in with_leads if lead])
        # one regex per first character (a letter, or DIGIT): at a word start only the
        # alternatives that can begin with its letter are tried, in their order, so a match is
        # the one the whole alternation would give there
        by_first: dict[str, list[str]] = {}
        for part, lead in with_leads:
            for first in sorted({prefix[0] for prefix in lead or ()}):
                by_first.setdefault(first, []).append(part)
        self._by_first: dict[str, re.Pattern[str]] = {}
        for first, parts in by_first.items():
            rx = _word_regex(parts)
            if rx is not None:
                self._by_first[first] = rx
        self._digit = self._by_first.pop(DIGIT, None)
        # whether some alternatives are tried at word starts
        self.led = bool(self._by_first) or self._digit is not None
        self.always = _word_regex([p for p, lead in with_leads if lead is None])
        self.vocab = vocab if vocab is not None else Vocabulary()
        self.pid = self.vocab.register(self.words, self.phrases, self.leads)

    def finditer(self, text: str) -> list[Span]:
        """All match spans in text order (regex matches do not overlap each other)."""
        idx = self.vocab.index(text)
        hits = list(idx.hits.get(self.pid, ()))
        if self.led:
            by_first, digit = self._by_first, self._digit
            end = 0
            for pos in idx.starts.get(self.pid, ()):
                if pos < end:  # inside the previous match, as a scan would skip it
                    continue
                m = by_first.get(text[pos], digit).match(text, pos)  # type: ignore[union-attr]
                if m is not None:
                    hits.append(m.span())
                    end = m.end()
        if self.always is not None:
            hits.extend(m.span() for m in self.always.finditer(text))
        hits.sort()
        return hits

    def search(self, text: str) -> Span | None:
        """The earliest match span, or None."""
        idx = self.vocab.index(text)
        found = idx.hits.get(self.pid)
        best: Span | None = min(found) if found else None
        if self.led:
            starts = idx._starts  # read once per text; the property builds it on first use
            if starts is None:
                starts = idx.starts
            by_first, digit = self._by_first, self._digit
            for pos in starts.get(self.pid, ()):
                if best is not None and pos >= best[0]:
                    break
                m = by_first.get(text[pos], digit).match(text, pos)  # type: ignore[union-attr]
                if m is not None:
                    best = m.span()
                    break
        if self.always is not None:
            m = self.always.search(text)
            if m is not None and (best is None or m.start() < best[0]):
                best = m.span()
        return best
