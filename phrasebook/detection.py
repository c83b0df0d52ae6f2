"""Detection rules as validated data: lexicons, cue patterns, weights and thresholds.

Every file of `phrasebook/data/detection/` maps to one part model below; `load_detection` reads
them all and raises `PhrasebookError(file, line, problem)` on the first bad one.
"""

from __future__ import annotations

import functools
import re
import re._constants as _sre_c  # the parse tree of a pattern, to check its branches
import re._parser as _sre
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bot.core.features import CORE_DIRECTIONS, CORE_FEATURES
from bot.core.models import CueKind, CustomerType, RequestKind, Trigger
from phrasebook.loader import PhrasebookError, load_model

DEFAULT_FOLDER = Path(__file__).parent / "data" / "detection"
_ZERO_WIDTH = (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT)


def _check_patterns(patterns: list[str]) -> list[str]:
    for p in patterns:
        if any(ord(c) < 32 and c not in "\n\t" for c in p):
            # "\b" written in a double-quoted YAML string is a backspace, not a word boundary
            raise ValueError(
                f"pattern {p[:80]!r} holds a control character: in a double-quoted YAML string "
                "write \\\\b, \\\\d, \\\\w (two backslashes)"
            )
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"bad pattern {p!r}: {exc}") from exc
    return patterns


def _check_word_patterns(patterns: list[str]) -> list[str]:
    """Patterns that are matched word-bounded: each must compile, and no way through one may end
    on a space or on a lone digit or word character. The engine wants a word boundary after
    every match, so "offer you (?:a |half)" never matches "offer you a refund" (its "a " branch
    is dead), and "since (?:monday|\\d)" never matches "since 12th". A team phrasebook with such
    a pattern is refused at load, with the pattern named."""
    _check_patterns(patterns)
    for p in patterns:
        problem = _dead_end(p)
        if problem is not None:
            raise ValueError(f"pattern {p[:80]!r}: {problem}")
    return patterns


@functools.lru_cache(maxsize=8192)
def _dead_end(pattern: str) -> str | None:
    """What makes a branch of `pattern` unable to match before a word boundary, if anything.
    Parsing every pattern costs about a tenth of a second; a process that loads the phrasebook
    again (a team's on top of the shipped one, the tests) parses each pattern once."""
    tree = _sre.parse(pattern)
    if _ends_on(tree, _is_space, once=False):
        return (
            "a branch ends on a space, so it can never match before the word boundary the "
            "engine adds; end it on the word instead"
        )
    if _ends_on(tree, _is_one_word_char, once=True):
        return (
            "a branch ends on one \\d or \\w, so with the word boundary after it only a "
            'one-character word matches (not "12"); end it on \\d+ or \\w+'
        )
    return None


def _is_space(op: Any, av: Any) -> bool:
    return bool(op is _sre_c.LITERAL and av == ord(" "))


def _is_one_word_char(op: Any, av: Any) -> bool:
    """A single \\d or \\w (a class of word characters taken once)."""
    return op is _sre_c.IN and any(
        o is _sre_c.CATEGORY and a in (_sre_c.CATEGORY_DIGIT, _sre_c.CATEGORY_WORD) for o, a in av
    )


def _ends_on(
    items: Iterable[tuple[Any, Any]], last: Callable[[Any, Any], bool], *, once: bool
) -> bool:
    """Whether some way through a parsed pattern consumes, last, an item `last` accepts.
    `once`: the item must be taken exactly once ("\\d[\\d,]*" may go on past the lone digit,
    so it does not end on one); otherwise a repeat of it, or a repeat left out after it, counts
    too (a space repeated is still a space)."""
    consuming = [(op, av) for op, av in items if op not in _ZERO_WIDTH]
    if not consuming:
        return False
    op, av = consuming[-1]
    if op is _sre_c.BRANCH:
        return any(_ends_on(branch, last, once=once) for branch in av[1])
    if op is _sre_c.SUBPATTERN:
        return _ends_on(av[-1], last, once=once)
    if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
        low, high, body = av
        if once:
            return high == 1 and _ends_on(body, last, once=True)
        return _ends_on(body, last, once=False) or (
            low == 0 and _ends_on(consuming[:-1], last, once=False)
        )
    return last(op, av)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SignalRule(_Frozen):
    """A family of customer wording (one named feature of the combiner): word-bounded,
    case-insensitive regex patterns matched on the cleaned, lowercased message."""

    id: str = Field(pattern=r"^[a-z_]+\.[a-z_]+$")
    label: str = Field(min_length=3, max_length=80)
    patterns: list[str] = Field(min_length=1)
    direction: Literal["up", "down"]  # does this wording raise or lower frustration?
    negatable: bool = True  # a negator just before the match cancels it ("not bad")
    negated_feature: bool = False  # a negated match counts as its own feature `<id>_not`
    # words in quotation marks are a mention (an episode title, someone else's words), not the
    # customer's own: '"I Want To Speak To Your Manager" went live' asks for nobody
    skip_quoted: bool = False

    _ok = field_validator("patterns")(_check_word_patterns)


class Lexicon(_Frozen):
    """lexicon.yaml: customer-message signal families, negators and guards against misreads."""

    signals: list[SignalRule] = Field(min_length=1)
    negators: list[str] = Field(min_length=1)
    # words that make what follows a supposition ("if anything goes wrong", "in case it breaks"):
    # a problem word after one is no problem yet (and, unlike a negation, no opposite either)
    hypotheticals: list[str] = []
    # words that make a problem the customer names a guess at the cause ("so maybe the reader is
    # broken :("): read for the problem families only, so "maybe you're just incompetent" stays
    hedges: list[str] = []
    hyperbole: list[str]  # friendly exaggeration that cancels threat/abuse words
    hyperbole_cancels: list[str]  # signal id prefixes a hyperbole match cancels

    _ok = field_validator("hyperbole")(_check_word_patterns)

    def feature_ids(self) -> set[str]:
        """Every feature name the lexicon can produce."""
        return set(self.directions())

    def directions(self) -> dict[str, int]:
        """Feature name -> the sign its weight may take (+1 raises, -1 lowers frustration);
        a negated family (`<id>_not`) takes the opposite sign."""
        out: dict[str, int] = {}
        for s in self.signals:
            sign = 1 if s.direction == "up" else -1
            out[s.id] = sign
            if s.negated_feature:
                out[f"{s.id}_not"] = -sign
        return out


class CueRule(_Frozen):
    """An escalation cue: phrase patterns, concept combinations, and the sentence a supervisor
    sees. A concept combination is a list of word-bounded patterns that must all match within one
    sentence, in any order ("who" + "what" + "how"): it names the idea, not one phrasing."""

    kind: CueKind
    patterns: list[str] = Field(min_length=1)
    concepts: list[list[str]] = []
    unless: list[str] = []  # look-alikes that cancel the cue ("my manager asked me")
    why: str = Field(min_length=5, max_length=160)
    strength: float = Field(ge=0, le=1)
    min_score: float = Field(default=0.0, ge=0, le=1)  # needs this much frustration (anger)
    # a match inside a question ("does clause 9's 'material breach' cover us?") counts only from
    # an upset customer: asked calmly, legal words are a question, not a threat
    questions_need_upset: bool = False
    # case-sensitive patterns on the message as written, for names only capitals tell apart (a
    # body named by its acronym: "reporting this to the GPhC"); an acronym may as well be a team
    # or a company, so these count only from an upset customer
    cased: list[str] = []

    _ok = field_validator("patterns", "unless")(_check_word_patterns)
    _cased_ok = field_validator("cased")(_check_patterns)

    @field_validator("concepts")
    @classmethod
    def _concepts_ok(cls, value: list[list[str]]) -> list[list[str]]:
        for combo in value:
            if len(combo) < 2:
                raise ValueError("a concept combination needs at least two parts")
            _check_word_patterns(combo)
        return value


class RequestRule(_Frozen):
    """A concrete ask (refund, credit...) that may exceed the agent's authority."""

    kind: RequestKind
    patterns: list[str] = Field(min_length=1)
    # said in the same message, the ask is not a grant ("charged twice ... can you refund one?"
    # asks us to correct our error, not to give something)
    unless: list[str] = []

    _ok = field_validator("patterns", "unless")(_check_word_patterns)


class Cues(_Frozen):
    """cues.yaml: typed escalation cues and beyond-authority requests."""

    cues: list[CueRule] = Field(min_length=1)
    requests: list[RequestRule] = Field(min_length=1)
    currencies: dict[str, str]  # symbol or word -> code


class CueExamples(_Frozen):
    """cue_examples.yaml: example sentences per cue kind and look-alikes, matched by meaning."""

    examples: dict[CueKind, list[str]]
    lookalikes: list[str] = []
    threshold: float = Field(default=0.58, gt=0, lt=1)  # cosine similarity to count as a match
    margin: float = Field(default=0.0, ge=0, lt=1)  # how much closer than any look-alike
    strength: float = Field(default=0.75, ge=0, le=1)  # strength of a cue raised by meaning
    # what a sentence must also say to be read as a kind by likeness alone: its one essential
    # word ("someone else's", "leaked" for data exposure), as a word-bounded pattern
    needs: dict[CueKind, str] = {}

    @field_validator("needs")
    @classmethod
    def _needs_ok(cls, value: dict[CueKind, str]) -> dict[CueKind, str]:
        _check_word_patterns(list(value.values()))
        return value

    @field_validator("examples")
    @classmethod
    def _some(cls, value: dict[CueKind, list[str]]) -> dict[CueKind, list[str]]:
        for kind, items in value.items():
            if not items or any(not x.strip() for x in items):
                raise ValueError(f"{kind.value}: examples must be non-empty sentences")
        return value


class AgentRule(_Frozen):
    """A family of agent wording; the customer's next message reads it as context."""

    id: str = Field(pattern=r"^agent\.[a-z_]+$")
    label: str = Field(min_length=3, max_length=80)
    patterns: list[str] = Field(min_length=1)
    # wording that looks like the family but is not ("until the assessment is complete" is no
    # work done): blanked before the patterns are tried again
    unless: list[str] = []

    _ok = field_validator("patterns", "unless")(_check_word_patterns)


class Agent(_Frozen):
    """agent.yaml: what an agent reply did (apologised, fixed, failed, sounded canned...)."""

    rules: list[AgentRule] = Field(min_length=1)


class TypeRule(_Frozen):
    """Evidence patterns for one customer type."""

    type: CustomerType
    patterns: list[str] = Field(min_length=1)
    signals: list[str] = []  # signal id prefixes that also count as evidence

    _ok = field_validator("patterns")(_check_word_patterns)


class TriggerRule(_Frozen):
    """Evidence patterns for one trigger."""

    trigger: Trigger
    patterns: list[str] = Field(min_length=1)
    signals: list[str] = []

    _ok = field_validator("patterns")(_check_word_patterns)


class TopicRule(_Frozen):
    """What the customer keeps asking about, e.g. "refund status"."""

    topic: str = Field(min_length=2, max_length=40)
    wants: str = Field(min_length=3, max_length=80)
    patterns: list[str] = Field(min_length=1)

    _ok = field_validator("patterns")(_check_word_patterns)


class SituationRules(_Frozen):
    """situation.yaml: customer types, triggers and ask topics."""

    types: list[TypeRule] = Field(min_length=1)
    triggers: list[TriggerRule] = Field(min_length=1)
    topics: list[TopicRule] = Field(min_length=1)


class Cuts(_Frozen):
    """Cut points on the calibrated probability: the reading's level."""

    uneasy: float = Field(gt=0, lt=1)
    frustrated: float = Field(gt=0, lt=1)
    angry: float = Field(gt=0, lt=1)

    @model_validator(mode="after")
    def _ordered(self) -> Cuts:
        if not self.uneasy < self.frustrated < self.angry:
            raise ValueError("cuts must rise: uneasy < frustrated < angry")
        return self


class FitInfo(_Frozen):
    """Where the combiner's numbers came from (written by tools/fit_combiner.py)."""

    split: str  # the documented fit/check rule
    sets: dict[str, float]  # dev set -> weight it had in the fit
    date: str
    note: str = ""


class Combiner(_Frozen):
    """combiner.yaml: the learned logistic combiner over the engine's named features.

    probability = sigmoid(bias + sum(weights[f] * x[f]) + sum(priors[f] * x[f])). `weights` are
    fitted on the fit parts of the dev sets; `priors` are hand-set, for the few features the dev
    data cannot teach (time waited, double texting), and say so.
    """

    bias: float = Field(ge=-10, le=10)
    weights: dict[str, float]
    priors: dict[str, float] = {}
    cuts: Cuts
    fitted: FitInfo

    @field_validator("weights", "priors")
    @classmethod
    def _bounded(cls, value: dict[str, float]) -> dict[str, float]:
        for name, w in value.items():
            if not -8 <= w <= 8:
                raise ValueError(f"weight of {name} out of range: {w}")
        return value

    @model_validator(mode="after")
    def _small(self) -> Combiner:
        if len(self.weights) + len(self.priors) > 100:
            raise ValueError("a combiner has at most 100 numbers")
        both = set(self.weights) & set(self.priors)
        if both:
            raise ValueError(f"features both fitted and hand-set: {sorted(both)}")
        return self


class Tuning(_Frozen):
    """tuning.yaml: the hand-set rules around the learned score (trend, heat, escalation)."""

    heat_alpha: float = Field(gt=0, le=1)  # EMA weight of the newest score in the thread's heat
    trend_logit: float = Field(gt=0)  # logit change that counts as rising or cooling
    double_text_seconds: float = Field(gt=0)
    repeat_min_overlap: float = Field(gt=0, le=1)
    # a customer who wrote warmly earlier in the thread and now restates a problem in at most
    # this many words, with no greeting, please, thanks or smile, has gone curt
    curt_max_words: int = Field(ge=1)
    # asked again for a reference number they gave earlier, a customer who gives it back in at
    # most this many words, unsoftened, is pushing back ("24-118, as above")
    gave_again_max_words: int = Field(default=25, ge=1)
    # ... and needs no pointer back ("as above") or pushback of its own in at most this many
    gave_again_bare_words: int = Field(default=5, ge=1)
    # readings of a whole message (regexes on the lowercased text): a polite request worded as
    # appreciation is not thanks; praise passed on to someone's manager asks for no manager; a
    # customer saying the reason is not the service is not complaining
    appreciate_if: list[str] = Field(min_length=1)
    pass_on: list[str] = Field(min_length=1)
    no_fault: list[str] = Field(min_length=1)
    # a hurry the customer waives ("no crazy rush"); an "again" they would choose ("now I want to
    # move again"); someone else named as the one at fault ("our SIS vendor", "city IT")
    no_rush: list[str] = Field(min_length=1)
    # a burst of "!!" closing a yes or a cheer ("yes!! grab them"): excitement, not heat
    glad_bursts: list[str] = Field(min_length=1)
    wish_again: list[str] = Field(min_length=1)
    third_party: list[str] = Field(min_length=1)
    # someone else's feeling, told as theirs ("the tenant is pretty fed up with him")
    their_feeling: list[str] = Field(min_length=1)
    # an agent's "no" that says the ask is not theirs to grant (their own limit, "I'm not able
    # to", "the most I can do"; a rule bypassed, an approval; someone else's decision), not that
    # the service does not do it at all ("we're unable to make manual bookings"): only such a no
    # holds an ask with no words of its own open as an exception
    not_theirs: list[str] = Field(min_length=1)
    _message_patterns = field_validator(
        "appreciate_if",
        "pass_on",
        "no_fault",
        "no_rush",
        "glad_bursts",
        "wish_again",
        "third_party",
        "their_feeling",
        "not_theirs",
    )(_check_patterns)
    escalate_rounds: int = Field(ge=1)  # frustrated customer turns in a row for a stalemate
    escalate_cue_strength: float = Field(ge=0, le=1)
    # a polite message needs some heat to read "frustrated": a feature with one of these
    # prefixes; a polite problem report ("Hi, my invoice shows the wrong VAT number, can you
    # fix it?") stays calm or uneasy however sure the score is that something is wrong
    frustrated_needs: tuple[str, ...]
    # more of them, read only as an answer to the agent: "it broke again" after a fix, "don't
    # send me the checklist again" (in an opening message "again" is a plain recurrence report)
    frustrated_needs_after_agent: tuple[str, ...] = ()
    polite: tuple[str, ...]  # features that make a message a polite one (greeting, please, thanks)
    # "angry" needs heat in the words, not only a high score: a feature with one of these
    # prefixes (or a spoken cue); a serious but polite complaint reads as "frustrated"
    angry_needs: tuple[str, ...]
    # a complaint about the service in the message (a feature with one of these prefixes) or a
    # heated thread: what turns "we won't renew" from an account change into leaving over it
    grievance: tuple[str, ...]
    # a laugh in the sentence of a legal or threat cue makes it a joke ("Next offence I'm calling
    # the police 🚔😂"), short of a frustrated score or one of these features (the laugh is scorn:
    # "lol ... I'm calling the police 😂 absolutely useless")
    laugh_is_scorn: tuple[str, ...] = ()


class DetectionRules(_Frozen):
    """All detection data the engine needs (lexicons, cues, combiner, tuning)."""

    lexicon: Lexicon
    cues: Cues
    agent: Agent
    situation: SituationRules
    combiner: Combiner
    tuning: Tuning
    cue_examples: CueExamples | None = None
    tone_words_path: Path | None = None  # hashed n-gram tone model (JSON), when shipped
    tone_embed_path: Path | None = None  # embedding probe of the tone model (JSON), when shipped

    def feature_ids(self) -> set[str]:
        """Every feature name the engine produces with these rules."""
        return self.lexicon.feature_ids() | {r.id for r in self.agent.rules} | set(CORE_FEATURES)

    def directions(self) -> dict[str, int]:
        """The sign each feature's weight may take (0: free, learned from the data)."""
        return {
            **dict.fromkeys(self.feature_ids(), 0),
            **CORE_DIRECTIONS,
            **self.lexicon.directions(),
        }

    @model_validator(mode="after")
    def _known_features(self) -> DetectionRules:
        known = self.feature_ids()
        unknown = sorted((set(self.combiner.weights) | set(self.combiner.priors)) - known)
        if unknown:
            raise ValueError(f"combiner names unknown features: {', '.join(unknown)}")
        t = self.tuning
        named = (
            t.frustrated_needs
            + t.frustrated_needs_after_agent
            + t.polite
            + t.angry_needs
            + t.grievance
            + t.laugh_is_scorn
        )
        # a name is a feature, or a family of them ("problem." for every problem feature)
        stray = sorted(
            {n for n in named if n not in known and not any(k.startswith(n) for k in known)}
        )
        if stray:
            raise ValueError(f"tuning.yaml names unknown features: {', '.join(stray)}")
        return self


def load_detection(folder: Path | None = None) -> DetectionRules:
    """Load and validate every detection file of `folder` (default: the shipped one)."""
    base = folder or DEFAULT_FOLDER
    words = base / "tone_words.json"
    embed = base / "tone_embed.json"
    examples = base / "cue_examples.yaml"
    combiner = load_model(base / "combiner.yaml", Combiner)
    try:
        return DetectionRules(
            lexicon=load_model(base / "lexicon.yaml", Lexicon),
            cues=load_model(base / "cues.yaml", Cues),
            agent=load_model(base / "agent.yaml", Agent),
            situation=load_model(base / "situation.yaml", SituationRules),
            combiner=combiner,
            tuning=load_model(base / "tuning.yaml", Tuning),
            cue_examples=load_model(examples, CueExamples) if examples.exists() else None,
            tone_words_path=words if words.exists() else None,
            tone_embed_path=embed if embed.exists() else None,
        )
    except ValueError as exc:
        raise PhrasebookError(base / "combiner.yaml", None, str(exc)) from exc
