"""The letters a regex match must start with: a cheap, exact prefilter for word patterns.

A lexicon pattern is matched at a word start, so its match begins with one of the message's
tokens. If we know the first (up to) N = 4 letters every match of a pattern can begin with, a
message none of whose tokens begins that way cannot match, and the regex need not run at all.
`leading` reads the pattern's parse tree; when a pattern may begin with something we cannot
name (`\\w`, an emoji, a class of symbols) it says `None`, and the pattern always runs. A match
that may begin with a digit ("3 times", "2nd time") has the prefix `DIGIT`: it runs only when a
word of the message starts with a digit.
"""

from __future__ import annotations

import functools
import re
import re._constants as C  # noqa: N812 - the stdlib's own module name
import re._parser as P  # noqa: N812
from collections.abc import Callable
from typing import Any

N = 4  # letters of a prefix: enough to rule out almost every word, cheap to index
CLOSED = "\x00"  # marks a prefix that ended before N letters (the match continues non-letter)
OPEN = "\x02"  # marks a prefix cut short by what we cannot name (the word may go on with anything)
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz'")
DIGIT = "\x01"  # the prefix of a match that starts with a digit (a decimal digit, as `\\d`)
_DIGIT_RANGES = {(ord("0"), ord("9")), (ord("1"), ord("9"))}


def leading(pattern: str) -> frozenset[str] | None:
    """Every prefix (1..N letters) a match of `pattern` can start with, or None if unknown."""
    exact = word_leads(pattern)
    return None if exact is None else frozenset(p.rstrip(CLOSED + OPEN) for p in exact)


@functools.lru_cache(maxsize=16384)
def word_leads(pattern: str) -> frozenset[str] | None:
    """Like `leading`, but a prefix of fewer than N letters after which the match goes on
    with something other than a letter ("i" in "i (?:want|need)") ends with `CLOSED`: the match
    can only start at a word that is exactly those letters ("i", not "it" or "in")."""
    try:
        tree = P.parse(pattern)
    except re.error:  # pragma: no cover - patterns are validated when the phrasebook loads
        return None
    out = _sequence(list(tree))
    if out is None:
        return None
    found = frozenset(DIGIT if p.startswith(DIGIT) else p.removesuffix(OPEN) for p in out)
    # may start with no letter at all: always run
    return None if "" in found or CLOSED in found else found


def word_head(word: str) -> str:
    """The key `Vocabulary` files a word start under: its first N letters, or the whole
    word followed by `CLOSED` when it is shorter (so closed prefixes can be told apart)."""
    return word[:N] if len(word) >= N else word + CLOSED


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    prefixes = {""}
    for op, av in items:
        if all(_done(p) for p in prefixes):
            break
        node = _node(op, av)
        if node is None:
            if "" in prefixes:
                return None
            # "refund\w*" at N = 8: every match starts with "refund", whatever comes next
            return {p if _done(p) else p + OPEN for p in prefixes}
        grown: set[str] = set()
        for p in prefixes:
            if _done(p):
                grown.add(p)
                continue
            for s in node:
                grown.add(_join(p, s))
        prefixes = grown
    return prefixes


def _done(p: str) -> bool:
    return len(p) >= N or p.endswith((CLOSED, OPEN))


def _join(p: str, s: str) -> str:
    out = p
    for ch in s:
        if _done(out):
            break
        if ch == DIGIT or (ch.isdecimal() and not out):
            out += DIGIT + CLOSED if not out else CLOSED  # a digit first: the whole prefix
        elif ch == OPEN:  # a part cut short by what we cannot name: so is the whole
            out += OPEN
        else:
            out += ch if ch in _LETTERS else CLOSED
    return out


def _each_branch(
    branches: Any, read: Callable[[list[tuple[Any, Any]]], set[str] | None]
) -> set[str] | None:
    """What every alternative of a branch yields, together; None when one of them yields none."""
    out: set[str] = set()
    for branch in branches:
        got = read(list(branch))
        if got is None:
            return None
        out |= got
    return out


def _node(op: Any, av: Any) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is C.BRANCH:
        return _each_branch(av[1], _sequence)
    if op is C.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is C.LITERAL:
                chars.add(chr(value))
            elif (kind is C.CATEGORY and value is C.CATEGORY_DIGIT) or (
                kind is C.RANGE and tuple(value) in _DIGIT_RANGES
            ):
                chars.add(DIGIT)
            else:
                return None
        return chars
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, high, item = av
        inner = _sequence(list(item))
        if inner is None:
            return None
        # "ah+" is "ah", "ahh", "ahhh"...: every count from `low` up to what fills a prefix
        counts: set[str] = set()
        reps = {""}
        for count in range(N + 1):
            if count >= low:
                counts |= reps
            if count >= high:
                break
            reps = {_join(r, s) for r in reps for s in inner}
        return counts
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {""}  # zero width: the match still starts with what follows
    return None


def token_prefixes(tokens: list[str]) -> frozenset[str]:
    """Every 1..N-letter prefix of the tokens of a message."""
    return frozenset(t[:k] for t in tokens for k in range(1, N + 1))


# --- required literals -------------------------------------------------------------------------
#
# Beside where a match starts, what it must contain: a pattern like "(?:not|\w+n't) (?:something
# |a thing) i have the (?:authority|permission) to" cannot match a message that has neither
# "authority" nor "permission" in it. `required_literals` names such a set of strings (one of
# them is in every match), so a pattern whose words are nowhere in the message is not run.
# Substring tests are exact: the check only rules out texts the regex could not match anyway.

# flags under which the literals of a parse tree are not the text's
_NO_CASE = re.IGNORECASE | re.VERBOSE


@functools.lru_cache(maxsize=16384)
def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains, or None if we cannot name any
    (the most selective set found: the one whose shortest string is longest)."""
    try:
        tree = P.parse(pattern)
    except re.error:  # pragma: no cover - patterns are validated when the phrasebook loads
        return None
    if tree.state.flags & _NO_CASE:
        return None
    found = _required(list(tree))
    return None if found is None or "" in found else frozenset(found)


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The best required set of a sequence: a run of literal characters, or what one of its
    items requires."""
    candidates: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append({run})
            run = ""
        sub = _required_item(op, av)
        if sub is not None:
            candidates.append(sub)
    if run:
        candidates.append({run})
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _required_item(op: Any, av: Any) -> set[str] | None:
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & _NO_CASE else _required(list(sub))
    if op is C.BRANCH:
        return _each_branch(av[1], _required)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, item = av
        return _required(list(item)) if low >= 1 else None
    if op is C.IN and all(kind is C.LITERAL for kind, _ in av):
        return {chr(value) for _, value in av}
    return None  # zero-width assertions, classes, any character: nothing required of the match
