"""Situation reading: customer type, trigger, ask topic, requests and escalation cues."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.leading import leading
from bot.core.models import Cue, CueKind, CustomerType, Request, RequestKind, Signal, Trigger
from bot.core.signals import blank, compile_patterns, compile_regex
from bot.core.text import LAUGH_OUT
from bot.core.textindex import Vocabulary, WordPattern
from bot.core.textquote import CUE_LIMIT, SIGNAL_LIMIT, quote, shorten
from phrasebook.detection import CueRule, DetectionRules

# an amount with its currency before or after it, in thousands or millions when it says so
# ("€18k", "$1.2m", "12k EUR")
# (a number ends in a digit, and a symbol that opens the next amount is not this one's: in
# "order CR-66120, $139" the amount is $139)
_AMOUNT = re.compile(
    r"([$£€])\s?(\d(?:[\d,]*\d)?(?:\.\d+)?)(k|m)?\b"
    r"|(?<![\w.-])(\d(?:[\d,]*\d)?(?:\.\d+)?)(k|m)?\s?"
    r"(usd|eur|gbp|dollars?|euros?|pounds|bucks|quid|[$£€](?!\s?\d))",
    re.I,
)
_SCALE = {"": 1.0, "k": 1_000.0, "m": 1_000_000.0}
# what follows a figure that makes it a rate or a plan's price: "$1,350/yr", "£38 a head"
_RATE = re.compile(
    r"\s?(?:/\s?(?:yr|year|mo|month|wk|week|day|hr|hour|head|unit|kg|box|seat|user)\b|"
    r"(?:a|per) (?:year|month|week|day|hour|head|unit|box|seat|user|kg)\b|(?:[ -]?(?:plan|tier|"
    r"subscription|package|licen[cs]e)\b))"
)


# a sentence ends at . ! ? ; before a space or the end, or at a line break: a file name, a version
# or an amount ("payroll.csv", "v2.3", "3.5k") stays inside its sentence, and so do an
# abbreviation's dot ("patients I have never treated, e.g. Margaret Li, DOB 1961") and a colon
# that introduces what the sentence is about ("results from another authority: names and home
# addresses")
# an abbreviation's dot, which ends no sentence
_ABBREVIATION = r"\b(?:e\.g|i\.e|vs|approx|incl)\.\s"
_SENTENCE = re.compile(r"(?:" + _ABBREVIATION + r"|[^.!?;\n]|[.!?;](?=[^\s.!?;]))+")
# a sentence that asks: it ends with a question mark ("(a food bank in Ohio?)" asks nothing)
# (tried only where a sentence starts, so a long message is scanned once)
# a sentence asked as a question, running on through "e.g." as `_SENTENCE` does ("Does the export
# include notes other people wrote, e.g. a volunteer's free text?"); "isn't mine??" or "?!" is
# disbelief said, not a question, and a statement with a hedge tagged on ("for a wedding in
# Savannah I think?") states, it does not ask
_QUESTION = re.compile(
    r"(?:(?<=[.!?\n])|^)(?:" + _ABBREVIATION + r"|[^.!?\n])*"
    r"(?<!\bi think)(?<!\bi guess)(?<!\bi believe)(?<!\bi reckon)(?<!\bmaybe)"
    r"\?(?![?!])(?=[\s\"']|$)"
)

# a laugh out loud ("lol", "haha", 😂, 🤣, 😆) in the sentence that holds a legal or threat cue:
# the sentence is a joke ("Next offence I'm calling the police 🚔😂", "Formal complaint from Maude
# (Harris hawk): she's refusing to be photographed 😂"), unless the message is in earnest
_LAUGH = re.compile(LAUGH_OUT + "|\U0001f606")
_LAUGH_PRONE = frozenset({CueKind.LEGAL, CueKind.THREAT_ABUSE})
# (its own bounds, not `_SENTENCE`'s: it finds the sentence around a match and the faces after
# its end mark, "... police. 😂"; "Formal complaint from Maude (Harris hawk): she's refusing to be
# photographed 😂" laughs at the whole line)
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")


def _sentence_laughs(text: str, start: int, end: int) -> bool:
    """The sentence around text[start:end] holds a laugh (the faces after its end mark too)."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    right = len(text) if after is None else after.start()
    # "... photographed 😂\n" and "... police. 😂" both laugh at the sentence they close
    tail = text[right : right + 4]
    return _LAUGH.search(text, left, right) is not None or _LAUGH.search(tail) is not None


_Combination = tuple[tuple[re.Pattern[str], ...], tuple[frozenset[str], ...]]

# a word inside a file name or a path ("favicon.ico", "/bbb/"), next to a dot or a slash
_IN_PATH = re.compile(r"[./\\]\w|\w[./\\](?=\w)")


def _code_like(original: str, start: int, end: int) -> bool:
    """A one-word match that is a name or a code, not the word: written in mixed case ("the
    BBb tubas", a B-flat key, is no Better Business Bureau) or part of a file name or a path
    ("GET /favicon.ico 404" names no data regulator)."""
    word = original[start:end]
    if not word.isalpha():
        return False
    if not (word.islower() or word.isupper() or word.istitle()):
        return True
    around = original[max(0, start - 1) : end + 1]
    return _IN_PATH.search(around) is not None


def _combination(parts: Sequence[str]) -> _Combination:
    leads = (leading(part) for part in parts)
    return (
        tuple(compile_regex([part]) for part in parts),
        tuple(lead for lead in leads if lead is not None),
    )


@dataclass(frozen=True, slots=True)
class _CompiledCue:
    rule: CueRule
    regex: WordPattern
    unless: re.Pattern[str] | None
    # each combination of concept parts, with the first letters its parts can begin with
    # (`leading`; a part that may begin with anything is left out: it rules nothing out)
    concepts: tuple[_Combination, ...] = ()
    cased: re.Pattern[str] | None = None
    # the same look-alikes as `unless`, matched fast: most messages have none, and then the
    # blanking scan (a regex over the whole message) is skipped
    unless_probe: WordPattern | None = None

    def cased_span(self, original: str, lower: str, text: str) -> tuple[int, int] | None:
        """The span of a case-sensitive match in `original` whose words are still in `text`
        (the lowered message with quotes and look-alikes blanked, position for position)."""
        if self.cased is None or len(original) != len(text):
            return None
        for m in self.cased.finditer(original):
            start, end = m.span()
            if text[start:end] == lower[start:end]:
                return start, end
        return None

    def concept_span(self, text: str, prefixes: frozenset[str]) -> tuple[int, int] | None:
        """The span of the first sentence where every part of some combination matches.

        `prefixes` are the message's token prefixes: a part whose first letters none of them
        has cannot match, so its combination is skipped without running a regex."""
        # a combination one of whose parts is nowhere in the message cannot match any sentence
        live: list[tuple[re.Pattern[str], ...]] = []
        for combo, leads in self.concepts:
            for lead in leads:
                if lead.isdisjoint(prefixes):
                    break
            else:
                if _all_found(combo, text):
                    live.append(combo)
        if not live:
            return None
        for sentence in _SENTENCE.finditer(text):
            piece = sentence.group()
            for combo in live:
                if all(rx.search(piece) for rx in combo):
                    return sentence.span()
        return None


def _all_found(combo: tuple[re.Pattern[str], ...], text: str) -> bool:
    for rx in combo:  # noqa: SIM110
        if rx.search(text) is None:
            return False
    return True


@dataclass(frozen=True, slots=True)
class Reading:
    """What one customer message says about the situation."""

    types: tuple[tuple[CustomerType, str], ...]
    triggers: tuple[tuple[Trigger, str], ...]
    topic: str | None
    cues: tuple[Cue, ...]
    requests: tuple[Request, ...]
    short_quotes: tuple[tuple[CueKind, str], ...] = ()  # cue evidence cut to signal length
    # request kinds this message asks for as owed, not as a grant ("charged twice, can you refund
    # one", "the refund you promised"): the request rule's `unless`
    owed: tuple[RequestKind, ...] = ()


class SituationReader:
    """Applies the situation and cue rules of the phrasebook to one message."""

    def __init__(self, rules: DetectionRules, vocab: Vocabulary) -> None:
        self.cues = [
            _CompiledCue(
                c,
                compile_patterns(c.patterns, vocab),
                compile_regex(c.unless) if c.unless else None,
                tuple(_combination(combo) for combo in c.concepts),
                re.compile("|".join(f"(?:{p})" for p in c.cased)) if c.cased else None,
                compile_patterns(c.unless, vocab) if c.unless else None,
            )
            for c in rules.cues.cues
        ]
        self.vocab = vocab
        self.rules_by_kind = {c.kind: c for c in rules.cues.cues}
        # a likeness is checked against the same look-alikes as the words ("Boss, is 4:15 now"
        # reads like a manager request to the embedding; its rule knows better)
        self.unless_by_kind = {cc.rule.kind: cc.unless for cc in self.cues if cc.unless}
        examples = rules.cue_examples
        self.meaning_strength = examples.strength if examples is not None else 0.0
        self.requests = [
            (
                r.kind,
                compile_patterns(r.patterns, vocab),
                compile_regex(r.unless) if r.unless else None,
            )
            for r in rules.cues.requests
        ]
        self.currencies = rules.cues.currencies
        sit = rules.situation
        self.types = [
            (t.type, compile_patterns(t.patterns, vocab), tuple(t.signals)) for t in sit.types
        ]
        self.triggers = [
            (t.trigger, compile_patterns(t.patterns, vocab), tuple(t.signals)) for t in sit.triggers
        ]
        self.topics = [(t.topic, compile_patterns(t.patterns, vocab)) for t in sit.topics]
        self.wants = {t.topic: t.wants for t in sit.topics}

    def topic_of(self, lower: str) -> str | None:
        """The first ask topic this message is about, if any."""
        live = self.vocab.index(lower).live  # most topics have no word in the message
        for topic, rx in self.topics:
            if rx.pid in live and rx.search(lower):
                return topic
        return None

    def _amount(self, text: str, near: tuple[int, int] = (0, 0)) -> tuple[float | None, str]:
        """The sum asked for: of the amounts in the message, the one nearest the ask's words
        (`near`, their span), so the loss it asks to have credited counts, not a price named on
        the way ("At £38 a head that's about £4,500 of covers we lost. I want that credited")."""
        found = list(_AMOUNT.finditer(text))
        if not found:
            return None, ""
        # a rate or a plan's price is what things cost, not the sum asked for ("We're on the
        # $1,350/yr plan so it's around $40"), when the message names another sum
        sums = [a for a in found if _RATE.match(text, a.end()) is None]
        found = sums or found
        start, end = near
        m = min(found, key=lambda a: max(0, a.start() - end, start - a.end()))
        if m.group(1):
            sym, num, scale = m.group(1), m.group(2), m.group(3)
        else:
            sym, num, scale = m.group(6), m.group(4), m.group(5)
        try:
            value = float(num.replace(",", "")) * _SCALE[(scale or "").lower()]
        except ValueError:
            return None, ""
        return value, self.currencies.get(sym.lower(), "")

    def read(
        self,
        lower: str,
        cue_text: str,
        signals: list[Signal],
        score: float,
        turn: int,
        topic: str | None,
        upset: bool,
        original: str = "",
        meant: Sequence[tuple[CueKind, str, str]] = (),
        in_earnest: bool = False,
    ) -> Reading:
        """Types and triggers (only when `upset`), cues and requests of one message.

        `lower` is the normalised message and `cue_text` the same with quoted text blanked out;
        evidence is quoted from `original` (the message in the customer's casing) when given.
        `meant` are cue kinds the message reads like by meaning (kind, its sentence, the example
        it is close to); each adds a cue unless the patterns found that kind already. Unless the
        message is `in_earnest` (frustrated, or scornful), a legal or threat cue whose sentence
        laughs out loud is a joke (`_LAUGH`).
        """
        original = original or lower
        fired = tuple(s.id for s in signals if s.weight > 0)
        types: list[tuple[CustomerType, str]] = []
        triggers: list[tuple[Trigger, str]] = []
        if upset:
            for ctype, rx, sig in self.types:
                ev = _evidence(rx, lower, original, fired, sig, signals)
                if ev is not None:
                    types.append((ctype, ev))
            for trig, rx, sig in self.triggers:
                ev = _evidence(rx, lower, original, fired, sig, signals)
                if ev is not None:
                    triggers.append((trig, ev))
        cues: list[Cue] = []
        short: list[tuple[CueKind, str]] = []
        # the patterns with a word or a possible start in the message (most have none); a
        # blanked copy is searched in full, as blanking can open a new word start
        live = self.vocab.index(cue_text).live
        for cc in self.cues:
            if score < cc.rule.min_score:
                continue
            probe, text = cc.unless_probe, cue_text
            if (
                cc.unless is not None
                and probe is not None
                and probe.pid in live
                and probe.search(text) is not None
            ):
                text = blank(cue_text, cc.unless)
            if cc.rule.questions_need_upset and not upset and "?" in text:
                text = blank(text, _QUESTION)
            skip = text is cue_text and cc.regex.pid not in live
            m = None if skip else cc.regex.search(text)
            if m is not None and len(original) == len(text) and _code_like(original, *m):
                m = next((s for s in cc.regex.finditer(text) if not _code_like(original, *s)), None)
            if m is None and cc.concepts:
                m = cc.concept_span(text, self.vocab.index(text).prefixes)
            if m is None and upset and cc.cased is not None:
                m = cc.cased_span(original, lower, text)
            if (
                m is not None
                and not in_earnest
                and cc.rule.kind in _LAUGH_PRONE
                and _sentence_laughs(lower, *m)
            ):
                m = None
            if m is not None:
                cues.append(
                    Cue(
                        cc.rule.kind,
                        quote(original, lower, *m, CUE_LIMIT),
                        cc.rule.why,
                        turn,
                        cc.rule.strength,
                    )
                )
                short.append((cc.rule.kind, quote(original, lower, *m, SIGNAL_LIMIT)))
        found = {c.kind for c in cues}
        for meant_kind, sentence, example in meant:
            rule = self.rules_by_kind.get(meant_kind)
            # a likeness alone is weaker evidence than the words: it needs an upset customer
            if meant_kind in found or rule is None or score < rule.min_score or not upset:
                continue
            unless = self.unless_by_kind.get(meant_kind)
            if unless is not None and unless.search(sentence.lower()) is not None:
                continue
            found.add(meant_kind)
            why = f"{rule.why} Reads like: \u201c{shorten(example, 60)}\u201d."
            evidence = shorten(sentence, CUE_LIMIT)
            cues.append(Cue(meant_kind, evidence, why, turn, self.meaning_strength))
            short.append((meant_kind, shorten(sentence, SIGNAL_LIMIT)))
        requests: list[Request] = []
        owed: list[RequestKind] = []
        for kind, rx, not_a_grant in self.requests:
            m = rx.search(cue_text) if rx.pid in live else None
            if m is None:
                continue
            if not_a_grant is not None and not_a_grant.search(cue_text) is not None:
                owed.append(kind)
            else:
                amount, cur = self._amount(cue_text, m)
                evidence = quote(original, lower, *m, CUE_LIMIT)
                requests.append(Request(kind, amount, cur, evidence, turn))
        if requests:
            big = any(r.amount is not None or r.kind in _BIG_ASKS for r in requests)
            cues.append(
                Cue(
                    CueKind.BEYOND_AUTHORITY,
                    requests[0].evidence,
                    "The customer asks for something that may need a supervisor's sign-off.",
                    turn,
                    0.5 if big else 0.3,
                )
            )
        return Reading(
            tuple(types),
            tuple(triggers),
            topic,
            tuple(cues),
            tuple(requests),
            tuple(short),
            tuple(owed),
        )

    def wants_for(self, topic: str | None, requests: tuple[Request, ...]) -> str:
        """A short paraphrase of what the customer wants."""
        if requests:
            r = requests[0]
            amount = f" of {r.amount:g} {r.currency}".rstrip() if r.amount is not None else ""
            return f"a {r.kind.value.replace('_', ' ')}{amount}"
        return self.wants.get(topic, "") if topic else ""


_BIG_ASKS = frozenset({RequestKind.COMPENSATION, RequestKind.CONTRACT_CHANGE})


def _evidence(
    rx: WordPattern,
    lower: str,
    original: str,
    fired: tuple[str, ...],
    prefixes: tuple[str, ...],
    signals: list[Signal],
) -> str | None:
    m = rx.search(lower)
    if m is not None:
        return quote(original, lower, *m, SIGNAL_LIMIT)
    for s in signals:
        if s.id in fired and s.id.startswith(prefixes) and prefixes:
            return s.evidence
    return None
