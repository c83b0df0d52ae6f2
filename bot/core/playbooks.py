"""/playbook answers: the topic list, loose topic matching, cards built from the coaching book."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from phrasebook.coaching import CoachingBook, Phrasing
from phrasebook.render import render

MAX_SUGGESTIONS = 5
MATCH_THRESHOLD = 50.0
SUGGEST_THRESHOLD = 25.0
_FILLER = frozenset(
    {"a", "an", "the", "for", "to", "how", "i", "do", "handle", "handling", "deal", "dealing"}
    | {"with", "customer", "customers", "client", "clients", "playbook", "playbooks", "about"}
    | {"on", "please", "me", "show"}
)
_NON_WORD = re.compile(r"[^a-z0-9 ]+")


class TopicKind(StrEnum):
    """What a /playbook topic is about."""

    CUSTOMER_TYPE = "customer_type"
    TRIGGER = "trigger"
    STEP = "step"
    FRAMEWORK = "framework"
    PLAYBOOK = "playbook"


# When two topics match equally well, a team's own playbook wins, then types, triggers, steps.
_KIND_RANK = {
    TopicKind.PLAYBOOK: 0,
    TopicKind.CUSTOMER_TYPE: 1,
    TopicKind.TRIGGER: 2,
    TopicKind.STEP: 3,
    TopicKind.FRAMEWORK: 4,
}


@dataclass(frozen=True, slots=True)
class Topic:
    """Something /playbook can show a card for."""

    kind: TopicKind
    id: str
    title: str
    aliases: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Unambiguous lookup key, e.g. "playbook:refund_request" (used as a button value)."""
        return f"{self.kind.value}:{self.id}"


@dataclass(frozen=True, slots=True)
class CardSection:
    """One block of a card: a title, what to do, and what to say."""

    title: str
    body: str
    phrasings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaybookCard:
    """A playbook card: the topic, a summary and a few sections."""

    topic: Topic
    summary: str
    sections: tuple[CardSection, ...]


@dataclass(frozen=True, slots=True)
class PlaybookAnswer:
    """The answer to `/playbook <query>`: a card, or the closest topics when nothing matched."""

    query: str
    card: PlaybookCard | None
    suggestions: tuple[Topic, ...] = ()


def list_topics(book: CoachingBook) -> list[Topic]:
    """Every topic: customer types, triggers, framework steps, frameworks, team playbooks."""
    topics = [
        Topic(TopicKind.CUSTOMER_TYPE, g.id.value, g.title, g.aliases)
        for g in book.customer_types.values()
    ]
    topics += [
        Topic(TopicKind.TRIGGER, g.id.value, g.title, g.aliases) for g in book.triggers.values()
    ]
    seen: set[str] = set()
    default = book.framework()
    for fw in (default, *(f for f in book.frameworks.values() if f.id != default.id)):
        for step in fw.steps:
            if step.id not in seen:
                seen.add(step.id)
                topics.append(Topic(TopicKind.STEP, step.id, step.title, step.aliases))
    topics += [Topic(TopicKind.FRAMEWORK, f.id, f.title) for f in book.frameworks.values()]
    topics += [Topic(TopicKind.PLAYBOOK, p.id, p.title, p.aliases) for p in book.playbooks]
    return topics


def find_playbook(book: CoachingBook, query: str) -> PlaybookAnswer:
    """A card for the best loosely-matching topic, or the closest topics; never an error."""
    topics = list_topics(book)
    wanted = query.strip()
    by_key = {t.key: t for t in topics}
    if wanted.lower() in by_key:
        topic = by_key[wanted.lower()]
        return PlaybookAnswer(query, build_card(book, topic))
    q = _normalize(wanted)
    if not q:
        return PlaybookAnswer(query, None, _spread(topics))
    scored = sorted(
        ((_score(q, t), t) for t in topics), key=lambda st: (-st[0], _KIND_RANK[st[1].kind])
    )
    best_score, best = scored[0]
    if best_score >= MATCH_THRESHOLD:
        return PlaybookAnswer(query, build_card(book, best))
    close = tuple(t for s, t in scored[:MAX_SUGGESTIONS] if s >= SUGGEST_THRESHOLD)
    return PlaybookAnswer(query, None, close or _spread(topics))


def build_card(book: CoachingBook, topic: Topic) -> PlaybookCard:
    """The card for one topic, with phrasings rendered for a generic situation."""
    values = {"topic": book.policy.default_topic}

    def say(phrasings: list[Phrasing] | tuple[Phrasing, ...]) -> tuple[str, ...]:
        return tuple(render(p.text, values) for p in phrasings)

    if topic.kind is TopicKind.PLAYBOOK:
        pb = next(p for p in book.playbooks if p.id == topic.id)
        return PlaybookCard(
            topic, pb.summary, tuple(CardSection(s.title, s.do, s.say) for s in pb.steps)
        )
    if topic.kind is TopicKind.FRAMEWORK:
        fw = book.frameworks[topic.id]
        return PlaybookCard(
            topic, fw.summary, tuple(CardSection(s.title, s.goal) for s in fw.steps)
        )
    if topic.kind is TopicKind.STEP:
        step = book.all_steps()[topic.id]
        own = book.phrasings_for(step.id)
        general = [p for p in own if not p.customer_types and not p.triggers]
        parts = [CardSection("What to say", step.goal, say(general[:3]))]
        for guide in book.customer_types.values():
            tailored = [p for p in own if guide.id in p.customer_types]
            if tailored:
                parts.append(CardSection(guide.title, "", say(tailored[:2])))
        for trig in book.triggers.values():
            tailored = [p for p in own if trig.id in p.triggers and not p.customer_types]
            if tailored:
                parts.append(CardSection(f"Trigger: {trig.title}", "", say(tailored[:2])))
        return PlaybookCard(topic, step.goal, tuple(parts))
    fw = book.framework()
    if topic.kind is TopicKind.CUSTOMER_TYPE:
        guide = next(g for g in book.customer_types.values() if g.id.value == topic.id)
        approach = CardSection("How to handle", _bullets(guide.approach))
        steps = [s for s in fw.steps if s.whisper != "never"]
        lead = [s for s in steps if s.id in guide.lead_steps]
        rest = [s for s in steps if s.id not in guide.lead_steps]
        parts = [approach]
        for step in (*lead, *rest):
            fits = [p for p in book.phrasings_for(step.id) if guide.id in p.customer_types]
            fits += [
                p for p in book.phrasings_for(step.id) if not p.customer_types and not p.triggers
            ]
            parts.append(CardSection(step.title, step.goal, say(fits[:1])))
        return PlaybookCard(topic, guide.summary, tuple(parts))
    trig = next(g for g in book.triggers.values() if g.id.value == topic.id)
    parts = [CardSection("How to handle", _bullets(trig.approach))]
    for step in fw.steps:
        fits = [p for p in book.phrasings_for(step.id) if trig.id in p.triggers]
        if fits:
            parts.append(CardSection(step.title, step.goal, say(fits[:2])))
    return PlaybookCard(topic, trig.summary, tuple(parts))


def _bullets(lines: tuple[str, ...]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _normalize(text: str) -> str:
    words = _NON_WORD.sub(" ", text.lower().replace("_", " ").replace("-", " ")).split()
    kept = [w for w in words if w not in _FILLER]
    return " ".join(kept or words)


def _names(topic: Topic) -> list[str]:
    return [n for n in {_normalize(x) for x in (topic.id, topic.title, *topic.aliases)} if n]


def _score(q: str, topic: Topic) -> float:
    """0..100: how well a normalized query names a topic (exact > prefix > words > fuzzy)."""
    q_words = q.split()
    best = 0.0
    for name in _names(topic):
        words = name.split()
        if q == name:
            return 100.0
        if len(q) >= 3 and name.startswith(q):
            best = max(best, 80.0)
        elif all(any(w.startswith(qw) for w in words) for qw in q_words if len(qw) >= 3) and any(
            len(qw) >= 3 for qw in q_words
        ):
            best = max(best, 70.0)
        best = max(best, 60.0 * SequenceMatcher(None, q, name).ratio())
    return best


def _spread(topics: list[Topic]) -> tuple[Topic, ...]:
    """A few topics of different kinds, for when the query gives nothing to go on."""
    picked: list[Topic] = []
    for kind in TopicKind:
        picked += [t for t in topics if t.kind is kind][:1]
    return tuple(picked[:MAX_SUGGESTIONS])
