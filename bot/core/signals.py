"""Compiled lexicon rules matched on a prepared message, with negation and hyperbole guards."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.features import Hit
from bot.core.textindex import Vocabulary, WordPattern
from bot.core.textquote import SIGNAL_LIMIT, quote
from phrasebook.detection import DetectionRules, SignalRule

_QUOTE_LINES = re.compile(r"^>.*$", re.M)
_QUOTED = re.compile(r"\"[^\"\n]{3,400}\"|“[^”\n]{3,400}”|‘[^’\n]{3,400}’")
# a quote in single marks: opens before a letter, not inside a word; apostrophes between letters
# ("isn't", "I'll") stay inside it; closes after a word or its punctuation ("... rent.'")
_SINGLE_QUOTED = re.compile(
    r"(?<![\w'])'(?=[a-z])(?:[^'\n]|(?<=[a-z])'(?=[a-z])){3,400}?(?<=[a-z0-9.!?,])'(?![a-z0-9])"
)
_NEG_WINDOW = re.compile(r"[a-z']+")
# (a face closes its clause too, as a full stop would: "... but not pay 🙂 did you read it?")
_CLAUSE_END = re.compile("[.,!?;:\n\U0001f300-\U0001faff\u2600-\u27bf]")


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


def strip_quote_lines(lower: str) -> str:
    """Blank out `>` quote lines (words pasted in from someone else), positions kept."""
    return blank(lower, _QUOTE_LINES) if ">" in lower else lower


def strip_quoted(lower: str) -> str:
    """Blank out text the customer quotes (in double or single quotation marks, or `>` quote
    lines), keeping every other character at its position so matches map back to the original."""
    lower = strip_quote_lines(lower)
    if '"' in lower or "“" in lower or "‘" in lower:
        lower = blank(lower, _QUOTED)
    if "'" in lower:
        lower = blank(lower, _SINGLE_QUOTED)
    return lower


@dataclass(frozen=True, slots=True)
class CompiledSignal:
    """A lexicon family ready to run."""

    rule: SignalRule
    regex: WordPattern


def _clause_words(lower: str, start: int) -> list[str]:
    """The words of the clause just before `start` (at most 24 characters back), where a
    negation or a supposition governs the match that begins there."""
    return _NEG_WINDOW.findall(_CLAUSE_END.split(lower[max(0, start - 24) : start])[-1])


_COORDINATORS = frozenset({"and", "but"})
# a negator before one of these leaves the matched words standing: "can't keep chasing"
_GOES_ON = frozenset({"keep", "continue"})


class Matcher:
    """Runs the lexicon over a message, honouring negation and hyperbole guards."""

    def __init__(self, rules: DetectionRules, vocab: Vocabulary) -> None:
        lex = rules.lexicon
        self.vocab = vocab
        self.signals = [CompiledSignal(r, compile_patterns(r.patterns, vocab)) for r in lex.signals]
        self.negators = frozenset(lex.negators)
        self.supposing = frozenset(lex.hypotheticals)  # what makes any match a supposition
        self.guessing = self.supposing | frozenset(lex.hedges)  # ... and a problem a guess
        self.hyperbole = compile_patterns(lex.hyperbole, vocab)
        self.cancels = tuple(lex.hyperbole_cancels)

    def _negated(self, lower: str, start: int) -> bool:
        words = _clause_words(lower, start)[-3:]
        # a negation does not reach past "and" or "but": "still nothing and nobody's rung"
        for i in range(len(words) - 1, -1, -1):
            if words[i] in _COORDINATORS:
                words = words[i + 1 :]
                break
        # "nothing's wrong": a negator with its 's still negates; one that governs "keep" says
        # the thing goes on and cannot be borne: "we can't keep going round in circles"
        return any(
            (w in self.negators or w.endswith("n't") or w.removesuffix("'s") in self.negators)
            and (i + 1 >= len(words) or words[i + 1] not in _GOES_ON)
            for i, w in enumerate(words)
        )

    def _supposed(
        self, lower: str, start: int, problem: bool = False, recurrence: bool = False
    ) -> bool:
        """A supposition opens the clause just before `start` ("if anything goes wrong"): one of
        the phrasebook's `hypotheticals`, as whole words; for a `problem` family a hedge ("so
        maybe the reader is broken") does too; for a `recurrence` ("again") a plain "if" does
        ("if he double books again I'm sending him over")."""
        phrases = self.guessing if problem else self.supposing
        window = " " + " ".join(_clause_words(lower, start)) + " "
        if recurrence and " if " in window:
            return True
        return any(f" {phrase} " in window for phrase in phrases)

    def match(self, lower: str, evidence_text: str) -> list[Hit]:
        """The families fired by this lowercased message (evidence quoted from
        `evidence_text`, the same message in the customer's casing). A negated match of a
        family with `negated_feature` fires `<id>_not` instead ("not happy"); a family with
        `skip_quoted` does not read words in quotation marks."""
        found: list[Hit] = []
        unquoted: str | None = None  # `lower` with quoted words blanked, made when first needed
        live = self.vocab.index(lower).live  # most families have no word in the message
        for cs in self.signals:
            if cs.regex.pid not in live:
                continue
            rule = cs.rule
            text = lower
            first = cs.regex.search(text)  # most families miss: one cheap scan decides
            if first is not None and rule.skip_quoted:
                unquoted = strip_quoted(lower) if unquoted is None else unquoted
                text = unquoted
                first = cs.regex.search(text) if text != lower else first
            if first is None:
                continue
            first_neg: tuple[int, int] | None = None
            hit: tuple[int, int] | None = None
            problem = rule.id.startswith("problem.")
            # "if he double books again": a recurrence after a plain "if" is a supposition
            recurrence = rule.id.startswith("repeat.")
            if not rule.negatable or not (
                self._negated(text, first[0])
                or self._supposed(text, first[0], problem, recurrence)
            ):
                hit = first
            else:
                for span in cs.regex.finditer(text):
                    if self._supposed(text, span[0], problem, recurrence):
                        continue  # "if anything goes wrong": neither the problem nor its opposite
                    if self._negated(text, span[0]):
                        first_neg = first_neg or span
                        continue
                    hit = span
                    break
            if hit is not None:
                found.append(
                    Hit(rule.id, rule.label, quote(evidence_text, text, *hit, SIGNAL_LIMIT))
                )
            elif first_neg is not None and rule.negated_feature:
                evidence = quote(evidence_text, text, *first_neg, SIGNAL_LIMIT)
                found.append(Hit(f"{rule.id}_not", f"not: {rule.label}", evidence))
        return found

    def family(self, family_id: str) -> WordPattern | None:
        """The compiled patterns of one lexicon family (None if the phrasebook has none)."""
        return next((cs.regex for cs in self.signals if cs.rule.id == family_id), None)

    def exaggerates(self, lower: str) -> bool:
        """Friendly exaggeration ("killing it", "I'd kill for dark mode")."""
        return self.hyperbole.search(lower) is not None
