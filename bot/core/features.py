"""The engine's named features: what one customer message and its thread say, as numbers.

The frustration score is a small logistic combiner over these names (`phrasebook/data/detection/
combiner.yaml`). Lexicon and agent families are named by their phrasebook ids; the features the
core computes itself are listed here, so the phrasebook loader can check every name it is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# shape of the message itself
CAPS = "shape.caps"  # writes in capitals
BURST = "shape.burst"  # bursts of !? punctuation
LENGTH = "shape.length"  # log(1 + words), saturating at 30 words
CODE = "shape.code"  # code blocks or log lines were stripped
EMPTY = "shape.empty"  # nothing left to read (a bare link, an emoji, a file)
# guards against misreads
HYPERBOLE = "misread.hyperbole"  # friendly exaggeration ("killing it", "I'd kill for")
# the thread around the message
OPENING = "ctx.opening"  # the customer's first message of the thread
OPENING_PROBLEM = "ctx.opening_problem"  # ... and it reports a problem
BLUNT_PROBLEM = "ctx.blunt_problem"  # an opening problem report with no greeting, please or thanks
AFTER_AGENT = "ctx.after_agent"  # an agent replied since the customer last wrote
REPEAT = "ctx.repeat"  # share of words repeated from an earlier customer message (0..1)
TOPIC_AGAIN = "ctx.topic_again"  # asks about the same topic as before (count, capped)
ASKS_AGAIN = "ctx.asks_again"  # asks a question again after a reply, having asked one before
PREVIOUS = "ctx.previous"  # the previous customer message's score, as a centred logit
PEAK = "ctx.peak"  # the thread's hottest customer message so far, as a centred logit
POSITION = "ctx.position"  # log(1 + earlier customer messages in the thread)
CURT = "ctx.curt"  # a customer who wrote warmly before now restates a problem in a clipped line
# one clipped word and a full stop after an agent reply that did nothing ("k.", "fine.", "when.")
CLIPPED = "ctx.clipped"
AGENT_JOKING = "agent.joking"  # the agent's reply laughs or winks
SAYS_LOOP = "repeat.loop"  # "fourth time I'm asking", "going round in circles"
AGENT_CANNOT_GRANT = "agent.cannot_grant"  # "I'm not able to approve that": not theirs to grant
AGENT_ABOVE_LEVEL = "agent.above_level"  # "that has to be signed off above my level"
AGENT_DONE = (
    "agent.done"  # "I've refunded it", "Sure, billing contact updated to ...": did the thing
)
AGENT_DEFENSIVE = "agent.defensive"  # an excuse, the terms quoted, the fault put on the customer
AGENT_CANNED = "agent.canned"  # a template or a holding line: "as soon as I hear back"
AGENT_MINIMISED = "agent.minimised"  # "just delete it", "probably a cache glitch"
AGENT_OFFER = "agent.offer"  # "..., but I can take 50% off": something they can give instead
AGENT_SETBACKS = ("agent.failed", "agent.negative")  # what a joking reply does not mean
DOUBLE_TEXT = "pace.double_text"  # writes again before any reply, quickly
WAITED = "pace.waited"  # log(1 + minutes) the customer waited for this reply round
SAME_ANSWER = "agent.same_answer"  # the agent's last reply repeats their previous one (canned)
AGENT_ASKED = "agent.question"  # the agent's last reply asked the customer something
# ... or asked for something without a question mark ("please send us your order number"; the
# phrasebook's agent.request family, with no weight of its own)
AGENT_REQUESTED = "agent.request"
AGENT_CHOICE = "agent.choice"  # ... offering something the customer may turn down
# learned tone models
TONE_WORDS = "tone.words"  # hashed n-gram model fitted on GoEmotions (centred logit)
TONE_EMBED = "tone.embed"  # embedding probe fitted on GoEmotions (centred logit)

CORE_FEATURES: tuple[str, ...] = (
    CAPS,
    BURST,
    LENGTH,
    CODE,
    EMPTY,
    HYPERBOLE,
    OPENING,
    OPENING_PROBLEM,
    BLUNT_PROBLEM,
    AFTER_AGENT,
    REPEAT,
    TOPIC_AGAIN,
    ASKS_AGAIN,
    PREVIOUS,
    PEAK,
    POSITION,
    CURT,
    CLIPPED,
    DOUBLE_TEXT,
    WAITED,
    SAME_ANSWER,
    AGENT_ASKED,
    TONE_WORDS,
    TONE_EMBED,
)

# the sign a core feature's weight may take (domain knowledge; others are learned freely)
CORE_DIRECTIONS: dict[str, int] = {
    CAPS: 1,
    BURST: 1,
    HYPERBOLE: -1,
    OPENING_PROBLEM: 1,
    BLUNT_PROBLEM: 1,
    REPEAT: 1,
    TOPIC_AGAIN: 1,
    ASKS_AGAIN: 1,
    PREVIOUS: 1,
    PEAK: 1,
    CURT: 1,
    CLIPPED: 1,
    DOUBLE_TEXT: 1,
    WAITED: 1,
    SAME_ANSWER: 1,
    TONE_WORDS: 1,
    TONE_EMBED: 1,
}

# lexicon families that report a problem with the service (an opening that has one is a complaint)
PROBLEM_PREFIXES: tuple[str, ...] = (
    "problem.broken",
    "problem.missing",
    "problem.wrong",
    "problem.cancelled",
    "problem.conduct",
    "wait.",
    "promise.",
    "neglect.",
    "verdict.harsh",
    "verdict.loaded",
)  # not problem.money: an invoice question is no problem report
POLITE_PREFIXES: tuple[str, ...] = ("calm.greeting", "calm.polite", "calm.thanks")
# the register of a friendly customer: greeting, please, thanks, a smile or praise
WARM_PREFIXES: tuple[str, ...] = (*POLITE_PREFIXES, "calm.cheer", "calm.praise")
# anything that softens a line or settles the matter (a clipped "works now, ta" is not curt)
SOFTENED_PREFIXES: tuple[str, ...] = (
    *WARM_PREFIXES,
    "calm.closing",
    "calm.resolved",
    "calm.own_slip",
    "misread.",
)
# what a clipped line restates: a problem, a correction, a chase or pressure
COMPLAINT_PREFIXES: tuple[str, ...] = (
    *PROBLEM_PREFIXES,
    "dialog.",
    "repeat.",
    "press.",
    "feel.",
    "emoji.upset",
    "pace.",
)
# agent families that say "no" or "not mine to give" (a request above the limit then needs a
# supervisor even in a calm thread)
DECLINED = (
    "agent.negative",
    AGENT_CANNOT_GRANT,
    AGENT_ABOVE_LEVEL,
    "agent.failed",
    AGENT_DEFENSIVE,
)
# ... of which the replies that refuse the ask itself ("No, we can't", "that needs approval"):
# a plain no, or the ask said not to be the agent's to grant
PLAIN_NO = "agent.negative"
NOT_THEIRS = (AGENT_CANNOT_GRANT, AGENT_ABOVE_LEVEL)
REFUSED = (PLAIN_NO, *NOT_THEIRS)
# what keeps a thread going round: the customer asks again, corrects, or says it keeps happening
# (not a recurrence they report: "the class was cancelled three times" is the problem, not a loop)
STUCK = (
    "ctx.repeat",
    "ctx.topic_again",
    "ctx.asks_again",
    "repeat.again",
    SAYS_LOOP,
    "dialog.no",
    "dialog.pushback",
    "neglect.",
)
# agent replies that move a thread on: something done, or a question that gathers what is needed
PROGRESS = (AGENT_DONE, "agent.question", "agent.confirm")
# agent replies that did not move things on (a customer asking again after one is going round)
NO_PROGRESS = (
    "agent.same_answer",
    "agent.canned",
    "agent.negative",
    "agent.failed",
    AGENT_DEFENSIVE,
    "agent.cannot_grant",
    "agent.plan",
)
PRAISE = "calm.praise"  # the family of praise words (not meant in a sarcastic message)


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon family that fired on a message, with the words that fired it."""

    id: str
    label: str
    evidence: str  # short quote in the customer's casing, "" for structural features


@dataclass(slots=True)
class Features:
    """The named features of one message and the evidence behind them."""

    values: dict[str, float] = field(default_factory=dict)
    hits: dict[str, Hit] = field(default_factory=dict)

    def add(self, hit: Hit, value: float = 1.0) -> None:
        """Record a fired family (the first evidence of each family is kept)."""
        self.values[hit.id] = value
        self.hits.setdefault(hit.id, hit)

    def set(self, name: str, value: float, label: str = "") -> None:
        """Set a computed feature; zero values are not stored."""
        if value:
            self.values[name] = value
            if label:
                self.hits[name] = Hit(name, label, "")
        else:
            self.values.pop(name, None)
            self.hits.pop(name, None)

    def drop(self, name: str) -> None:
        """Remove a feature (a guard decided it was a misread)."""
        self.values.pop(name, None)
        self.hits.pop(name, None)

    def has(self, *prefixes: str) -> bool:
        """Some feature starting with one of `prefixes` is present."""
        for name in self.values:  # noqa: SIM110 - a loop: asked about a dozen times a message
            if name.startswith(prefixes):
                return True
        return False
