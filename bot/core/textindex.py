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
from collections import defaultdict
from collections.abc import Sequence

from bot.core.leading import (
    CLOSED,
    DIGIT,
    N,
    required_literals,
    token_prefixes,
    word_head,
    word_leads,
)

Span = tuple[int, int]

_RUN = re.compile(r"(?<![\w'])[a-z][a-z']*")
# every place a word-bounded match can start: a letter run (group 1) or a digit
_START = re.compile(r"(?<![\w'])(?:([a-z][a-z']*)|\d)")
_DIGIT_START = re.compile(r"(?<![\w'])\d")  # a word-bounded match may start with this digit
_TOKEN = re.compile(r"(?<![\w'])[a-z]+(?:'[a-z]+)*(?![\w'])")
WORD_CACHE = 50_000  # word starts whose patterns are remembered (cleared when full)
HEAD_CACHE = 4096  # word heads whose regex a pattern remembers (cleared when full)
_PAD = "\x03"  # pads a short lead into a head no lead begins with past it (`WordPattern.warm`)
_PLAIN = re.compile(r"[a-z]+(?:'[a-z]+)*(?: [a-z]+(?:'[a-z]+)*)*")


@functools.lru_cache(maxsize=65536)
def head_keys(head: str) -> tuple[str, ...]:
    """The lead prefixes a word start with this `head` (`word_head`, or DIGIT) can begin: its
    open prefixes of 1..N letters, or for a short word those and the whole word closed."""
    if head == DIGIT:
        return (head,)
    if head.endswith(CLOSED):  # a short word: its open prefixes and itself, closed
        return (*(head[:k] for k in range(1, len(head))), head)
    return tuple(head[:k] for k in range(1, N + 1))


class Vocabulary:
    """The plain words and phrases of a family of WordPatterns (one per engine), so that one
    pass over a message's tokens finds the token hits of all of them at once."""

    def __init__(self) -> None:
        self.words: dict[str, list[int]] = {}
        self.firsts: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self.openers: frozenset[str] = frozenset()  # every listed word and phrase's first word
        self.leads: dict[str, list[int]] = {}  # a prefix -> the patterns whose regex may start so
        self.always: set[int] = set()  # the patterns with alternatives searched everywhere
        self.size = 0
        self._cache: list[_Index] = []  # the last two texts (a message and its quote-free copy)
        # a word's first N letters -> the patterns that may start at it (all its prefixes);
        # bounded: heads are at most N of [a-z'] (a shorter word and CLOSED), or DIGIT
        self._starting: dict[str, tuple[int, ...]] = {}
        # ... and the word's head with them, by the whole word (None for a digit), looked up at
        # every word start
        self._at_word: dict[str | None, tuple[str, tuple[int, ...]]] = {}
        self.members: list[WordPattern] = []  # the patterns registered, for `warm`

    def register(
        self,
        words: set[str],
        phrases: dict[str, list[tuple[str, ...]]],
        leads: frozenset[str] = frozenset(),
        always: bool = False,
    ) -> int:
        """Add one pattern's words, phrases and the prefixes its regex may start with (and
        whether some of its alternatives are searched everywhere); return its id."""
        self.size += 1
        if always:
            self.always.add(self.size)
        for lead in leads:
            self.leads.setdefault(lead, []).append(self.size)
        for word in words:
            self.words.setdefault(word, []).append(self.size)
        for first, items in phrases.items():
            self.firsts.setdefault(first, []).extend((self.size, p) for p in items)
        self.openers = frozenset(self.words).union(self.firsts)
        self._cache.clear()
        self._starting.clear()
        self._at_word.clear()
        return self.size

    def warm(self) -> int:
        """Compile now every word-start regex the registered patterns can need, and return how
        many were new. They are otherwise compiled on first use, a few thousand of them: a
        process that takes traffic straight after start-up would spend its first seconds
        compiling while messages queue."""
        before = _compiled.cache_info().currsize
        for pattern in self.members:
            pattern.warm()
        return _compiled.cache_info().currsize - before

    def starting(self, head: str) -> tuple[int, ...]:
        """The patterns whose regex may start at a word with this `head` (`word_head`: its first
        N letters, or a shorter whole word and CLOSED; or DIGIT), each once; remembered
        across messages."""
        pids = self._starting.get(head)
        if pids is None:
            found: dict[int, None] = {}
            for key in head_keys(head):
                for pid in self.leads.get(key, ()):
                    found[pid] = None
            pids = self._starting[head] = tuple(found)
        return pids

    def starting_at(self, word: str | None) -> tuple[str, tuple[int, ...]]:
        """The head of a word start (its letter run, or None for a digit) and `starting` for
        it (remembered per word, up to WORD_CACHE words)."""
        known = self._at_word.get(word)
        if known is None:
            head = DIGIT if word is None else word_head(word)
            known = (head, self.starting(head))
            if len(self._at_word) >= WORD_CACHE:
                self._at_word.clear()
            self._at_word[word] = known
        return known

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

    __slots__ = ("text", "hits", "heads", "_prefixes", "_starts", "_live", "_vocab")

    def __init__(self, text: str, vocab: Vocabulary) -> None:
        self.text = text
        self.hits = _token_hits(text, vocab)
        self._prefixes: frozenset[str] | None = None
        self._starts: dict[int, list[int]] | None = None
        self.heads: dict[int, str] = {}  # a position in some pattern's `starts` -> its word head
        self._live: frozenset[int] | None = None
        self._vocab = vocab

    @property
    def live(self) -> frozenset[int]:
        """The patterns that may match this text at all: a word or phrase of theirs is in it,
        a word starts the way their regex can, or they have alternatives searched everywhere."""
        if self._live is None:
            self._live = frozenset(self.hits).union(self.starts, self._vocab.always)
        return self._live

    @property
    def starts(self) -> dict[int, list[int]]:
        """Pattern id -> the positions (in text order) where its regex may match: word starts
        whose first 1..N letters (or digit) the pattern's regex can begin with."""
        if self._starts is None:
            at_word = self._vocab._at_word
            starting_at = self._vocab.starting_at
            starts: defaultdict[int, list[int]] = defaultdict(list)
            heads = self.heads
            for m in _START.finditer(self.text):
                word = m.group(1)
                known = at_word.get(word)
                if known is None:
                    known = starting_at(word)
                head, pids = known
                if not pids:
                    continue
                pos = m.start()
                heads[pos] = head
                for pid in pids:
                    starts[pid].append(pos)
            self._starts = starts
        return self._starts

    @property
    def prefixes(self) -> frozenset[str]:
        """The 1..N-letter prefixes of the text's tokens (computed on first use)."""
        if self._prefixes is None:  # every letter run a word-bounded match could start at
            found = token_prefixes(_RUN.findall(self.text))
            self._prefixes = found | {DIGIT} if _DIGIT_START.search(self.text) else found
        return self._prefixes


def _token_hits(text: str, vocab: Vocabulary) -> dict[int, list[Span]]:
    """Pattern id -> the spans of its plain words and phrases in `text`."""
    words = _TOKEN.findall(text)
    if vocab.openers.isdisjoint(words):  # most texts have no listed word or phrase opening
        return {}
    spans = [m.span() for m in _TOKEN.finditer(text)]
    hits: dict[int, list[Span]] = {}
    openers = vocab.openers
    for i, word in enumerate(words):
        if word not in openers:  # most words of a message are in no list
            continue
        for pid in vocab.words.get(word, ()):
            hits.setdefault(pid, []).append(spans[i])
        for pid, phrase in vocab.firsts.get(word, ()):
            end = i + len(phrase)
            if tuple(words[i:end]) == phrase and all(
                spans[k][1] + 1 == spans[k + 1][0] and text[spans[k][1]] == " "
                for k in range(i, end - 1)
            ):
                hits.setdefault(pid, []).append((spans[i][0], spans[end - 1][1]))
    return hits


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


GATE_MAX = 24  # literals: a gate of more costs about what the regex it guards does


def _literal_gate(parts: Sequence[str]) -> re.Pattern[str] | None:
    """A cheap scan for the literals one of which every match of `parts` contains (None when
    some part has none we can name, or they are too many to be worth it): where it finds none,
    the regex of `parts` cannot match."""
    needed: set[str] = set()
    for part in parts:
        found = required_literals(part)
        if found is None:
            return None
        needed |= found
    if not needed or len(needed) > GATE_MAX:
        return None
    return _compiled("|".join(re.escape(n) for n in sorted(needed, key=lambda n: (-len(n), n))))


class AnyOf:
    """Whether some of `patterns` occurs in a text: what a search of their alternation says,
    each pattern run only over a text that holds one of the literals its matches need (an
    alternation of many phrases scans a text slowly; most texts hold none of their words)."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self._gated = [(_literal_gate([p]), re.compile(p)) for p in patterns]

    def found(self, text: str) -> bool:
        """Some pattern matches somewhere in `text`."""
        for gate, rx in self._gated:
            if gate is not None and gate.search(text) is None:
                continue
            if rx.search(text) is not None:
                return True
        return False


@functools.lru_cache(maxsize=16384)
def _compiled(pattern: str) -> re.Pattern[str]:
    # an engine compiles a few thousand of these; `re`'s own cache keeps 512, so a second
    # engine (a team's phrasebook, a test) would compile them all again
    return re.compile(pattern, re.M)


def _shadowed(plain: str, earlier: set[str] | None) -> bool:
    """A plain alternative's first word may start a match of an earlier regex alternative."""
    if earlier is None:
        return True
    first = plain.split(" ", 1)[0]
    return not earlier.isdisjoint(head_keys(word_head(first)))


class WordPattern:
    """A word-bounded alternation of patterns, matched fast on lowercased text."""

    def __init__(self, patterns: Sequence[str], vocab: Vocabulary | None = None) -> None:
        self.words: set[str] = set()
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        complex_parts: list[str] = []
        # the first letters an earlier regex alternative may start with (None: anything): a plain
        # word after one that can start at the same word is tried in order with the regexes, or
        # the word would win where the alternation takes the earlier, longer match ("trading
        # standards did a test purchase" for "trading standards" after "trading standards\b...")
        earlier: set[str] | None = set()
        for pattern in patterns:
            for alt in split_alternatives(pattern):
                if _PLAIN.fullmatch(alt) and not _shadowed(alt, earlier):
                    words = tuple(alt.split(" "))
                    if len(words) == 1:
                        self.words.add(words[0])
                    else:
                        self.phrases.setdefault(words[0], []).append(words)
                else:
                    complex_parts.append(alt)
                    if earlier is not None:
                        leads = word_leads(alt)
                        earlier = None if leads is None else earlier | leads
        # alternatives whose first letters are known are tried only at the word starts that
        # begin that way (a match starts at a word start); the others (emoji, symbols first)
        # are searched for everywhere
        with_leads = [(p, word_leads(p)) for p in complex_parts]
        self.leads: frozenset[str] = frozenset().union(*[lead for _, lead in with_leads if lead])
        # one regex per word head (`word_head`, or DIGIT), built when first needed: at a word
        # start only the alternatives that can begin the way its word does are tried, in their
        # order, so a match is the one the whole alternation would give there
        self._led_parts = [(part, lead) for part, lead in with_leads if lead]
        self._by_head: dict[str, re.Pattern[str]] = {}
        # whether some alternatives are tried at word starts
        self.led = bool(self._led_parts)
        unled = [p for p, lead in with_leads if lead is None]
        self.always = _word_regex(unled)
        # most messages have none of the emoji or arrows these need: then they are not scanned
        self._always_gate = _literal_gate(unled)
        self.vocab = vocab if vocab is not None else Vocabulary()
        self.pid = self.vocab.register(
            self.words, self.phrases, self.leads, always=self.always is not None
        )
        self.vocab.members.append(self)

    def finditer(self, text: str) -> list[Span]:
        """All match spans in text order (regex matches do not overlap each other)."""
        idx = self.vocab.index(text)
        hits = list(idx.hits.get(self.pid, ()))
        if self.led:
            by_head = self._by_head
            end = 0
            starts = idx.starts  # builds idx.heads
            heads = idx.heads
            for pos in starts.get(self.pid, ()):
                if pos < end:  # inside the previous match, as a scan would skip it
                    continue
                head = heads[pos]
                rx = by_head.get(head)
                if rx is None:
                    rx = self._at_head(head)
                m = rx.match(text, pos)
                if m is not None:
                    hits.append(m.span())
                    end = m.end()
        if self.always is not None and self._may_always(text):
            hits.extend(m.span() for m in self.always.finditer(text))
        hits.sort()
        return hits

    def search(self, text: str) -> Span | None:
        """The earliest match span, or None."""
        cache = self.vocab._cache  # the common case inline: the text the last pattern read
        idx = cache[0] if cache and cache[0].text is text else self.vocab.index(text)
        live = idx._live  # read once per text; the property builds it on first use
        if self.pid not in (idx.live if live is None else live):
            return None
        found = idx.hits.get(self.pid)
        best: Span | None = min(found) if found else None
        if self.led:
            starts = idx._starts  # read once per text; the property builds it on first use
            if starts is None:
                starts = idx.starts
            by_head, heads = self._by_head, idx.heads
            for pos in starts.get(self.pid, ()):
                if best is not None and pos >= best[0]:
                    break
                head = heads[pos]
                rx = by_head.get(head)
                if rx is None:
                    rx = self._at_head(head)
                m = rx.match(text, pos)
                if m is not None:
                    best = m.span()
                    break
        if self.always is not None and self._may_always(text):
            m = self.always.search(text)
            if m is not None and (best is None or m.start() < best[0]):
                best = m.span()
        return best

    def _at_head(self, head: str) -> re.Pattern[str]:
        """The regex of the alternatives that may start at a word with this head (remembered);
        the vocabulary tries this pattern there only when it has some."""
        rx = _word_regex(self._parts_at(head))
        assert rx is not None, f"no alternative of {self.pid} starts at {head!r}"
        if len(self._by_head) >= HEAD_CACHE:
            self._by_head.clear()
        self._by_head[head] = rx
        return rx

    def _parts_at(self, head: str) -> list[str]:
        """The alternatives, in order, that may start at a word with this head."""
        keys = head_keys(head)
        return [part for part, lead in self._led_parts if not lead.isdisjoint(keys)]

    def warm(self) -> None:
        """Compile the regex of every head this pattern can be tried at (see `Vocabulary.warm`).

        Which alternatives a head gets depends only on the longest of the pattern's leads that
        the head begins with, so one head per lead stands for all: the lead itself when it is
        a whole head (N letters, a closed short word or DIGIT), else the lead padded with a
        character no lead holds."""
        for lead in self.leads:
            whole = lead == DIGIT or lead.endswith(CLOSED) or len(lead) >= N
            _word_regex(self._parts_at(lead if whole else lead.ljust(N, _PAD)))

    def _may_always(self, text: str) -> bool:
        """The alternatives searched everywhere may match: `text` has a literal they need."""
        gate = self._always_gate
        return gate is None or gate.search(text) is not None
