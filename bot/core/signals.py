"""Compiled lexicon rules matched on a prepared message, with negation and hyperbole guards."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.models import Signal
from bot.core.textindex import Vocabulary, WordPattern
from bot.core.textquote import SIGNAL_LIMIT, quote
from phrasebook.detection import DetectionRules, SignalRule

_QUOTED = re.compile(r"\"[^\"\n]{3,400}\"|“[^”\n]{3,400}”|^>.*$", re.M)
_NEG_WINDOW = re.compile(r"[a-z']+")
_CLAUSE_END = re.compile(r"[.,!?;:\n]")


def compile_regex(patterns: Sequence[str]) -> re.Pattern[str]:
    """One word-bounded regex alternation of all patterns, run on lowercased text."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])", re.M)


def compile_patterns(patterns: Sequence[str], vocab: Vocabulary) -> WordPattern:
    """All patterns as one fast word-bounded matcher (token lookup + regex for the rest)."""
    return WordPattern(patterns, vocab)


def blank(text: str, rx: re.Pattern[str]) -> str:
    """`text` with every match of `rx` blanked out by spaces (positions are kept)."""
    return rx.sub(lambda m: " " * len(m.group()), text)


def strip_quoted(lower: str) -> str:
    """Blank out text the customer quotes (in quotation marks or `>` quote lines), keeping
    every other character at its position so matches map back to the original."""
    if '"' not in lower and "“" not in lower and ">" not in lower:
        return lower
    return blank(lower, _QUOTED)


@dataclass(frozen=True, slots=True)
class CompiledSignal:
    """A lexicon rule ready to run."""

    rule: SignalRule
    regex: WordPattern


class Matcher:
    """Runs the lexicon over a message, honouring negation and hyperbole guards."""

    def __init__(self, rules: DetectionRules, vocab: Vocabulary) -> None:
        lex = rules.lexicon
        self.signals = [CompiledSignal(r, compile_patterns(r.patterns, vocab)) for r in lex.signals]
        self.negators = frozenset(lex.negators)
        self.hyperbole = compile_patterns(lex.hyperbole, vocab)
        self.cancels = tuple(lex.hyperbole_cancels)

    def _negated(self, lower: str, start: int) -> bool:
        window = _CLAUSE_END.split(lower[max(0, start - 24) : start])[-1]
        words = _NEG_WINDOW.findall(window)[-3:]
        return any(w in self.negators or w.endswith("n't") for w in words)

    def match(self, lower: str, evidence_text: str) -> list[Signal]:
        """Signals fired by this lowercased message (evidence quoted from `evidence_text`,
        the same message in the customer's casing)."""
        found: list[Signal] = []
        hyper = self.hyperbole.search(lower) is not None
        for cs in self.signals:
            rule = cs.rule
            if hyper and rule.id.startswith(self.cancels):
                continue
            hits = 0
            negated_hits = 0
            first_hit: tuple[int, int] | None = None
            first_neg: tuple[int, int] | None = None
            for span in cs.regex.finditer(lower):
                if rule.negatable and self._negated(lower, span[0]):
                    negated_hits += 1
                    first_neg = first_neg or span
                    continue
                hits += 1
                first_hit = first_hit or span
                if hits >= 3:
                    break
            if hits:
                weight = rule.weight * (1.0 + 0.25 * (min(hits, 3) - 1))
                label = rule.label
            elif negated_hits and rule.negated_weight is not None:
                weight = rule.negated_weight
                label = f"negated: {rule.label}"
            else:
                continue
            where = first_hit or first_neg
            assert where is not None
            evidence = quote(evidence_text, lower, *where, SIGNAL_LIMIT)
            found.append(Signal(rule.id, label, evidence, round(weight, 3)))
        return found
