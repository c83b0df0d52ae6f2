"""/playbook: topics, loose matching, cards, and helpful answers for unknown topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.playbooks import TopicKind, build_card, find_playbook, list_topics
from phrasebook.coaching import load_coaching

BOOK = load_coaching()


def test_topics_cover_types_triggers_steps_frameworks_and_playbooks() -> None:
    """The topic list names every customer type, trigger, step, framework and team playbook."""
    topics = list_topics(BOOK)
    by_kind = {kind: {t.id for t in topics if t.kind is kind} for kind in TopicKind}
    assert by_kind[TopicKind.CUSTOMER_TYPE] == {t.value for t in BOOK.customer_types}
    assert by_kind[TopicKind.TRIGGER] == {t.value for t in BOOK.triggers}
    assert by_kind[TopicKind.STEP] == set(BOOK.all_steps())
    assert by_kind[TopicKind.FRAMEWORK] == {"six_step", "seven_step"}
    assert by_kind[TopicKind.PLAYBOOK] == {"refund_request", "outage_incident", "billing_dispute"}


def test_topic_keys_are_unique() -> None:
    """Every topic has its own key (used as a button value)."""
    keys = [t.key for t in list_topics(BOOK)]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("indignant", "customer_type:indignant"),
        ("Indignant customer", "customer_type:indignant"),
        ("how do I handle an angry customer", "customer_type:indignant"),
        ("indignent", "customer_type:indignant"),  # typo
        ("chronic", "customer_type:chronic_complainer"),
        ("demanding", "customer_type:demanding"),
        ("empathy", "step:empathize_apologize"),
        ("apology", "step:empathize_apologize"),
        ("timeline", "step:commit_action"),
        ("follow-up", "step:follow_up"),
        ("lack of info", "trigger:lack_of_information"),
        ("LACK_OF_INFORMATION", "trigger:lack_of_information"),
        ("negligence", "trigger:perceived_negligence"),
        ("refund", "playbook:refund_request"),
        ("outage", "playbook:outage_incident"),
        ("charged twice", "playbook:billing_dispute"),
        ("seven step", "framework:seven_step"),
        ("playbook:refund_request", "playbook:refund_request"),
    ],
)
def test_loose_matching_finds_the_card(query: str, key: str) -> None:
    """Topics match on ids, titles and aliases, ignoring case, filler words and small typos."""
    answer = find_playbook(BOOK, query)
    assert answer.card is not None, answer.suggestions
    assert answer.card.topic.key == key


def test_unknown_topic_gets_closest_topics_not_an_error() -> None:
    """A near miss suggests the closest topics and shows no card."""
    answer = find_playbook(BOOK, "refnd stuff")
    assert answer.card is None
    assert answer.suggestions[0].key == "playbook:refund_request"
    assert 1 <= len(answer.suggestions) <= 5


def test_gibberish_still_gets_suggestions() -> None:
    """Even a query that resembles nothing gets a few topics to try."""
    answer = find_playbook(BOOK, "qqqq zzzz")
    assert answer.card is None
    assert len({t.kind for t in answer.suggestions}) >= 3


def test_empty_query_gets_suggestions() -> None:
    """An empty query is answered with topics to pick from."""
    answer = find_playbook(BOOK, "   ")
    assert answer.card is None and answer.suggestions


def test_customer_type_card_leads_with_its_steps_and_tailored_words() -> None:
    """The demanding card starts with its approach, then its lead step with tailored wording."""
    card = find_playbook(BOOK, "demanding").card
    assert card is not None
    assert card.sections[0].title == "How to handle"
    assert card.sections[1].title == "Commit to an action with a time"
    tailored = next(p for p in BOOK.phrasings if p.id == "commit.demanding").text
    assert card.sections[1].phrasings == (tailored,)


def test_step_card_has_general_and_tailored_wording() -> None:
    """A step card shows general phrasings and, separately, those for particular customers."""
    card = find_playbook(BOOK, "empathy").card
    assert card is not None
    assert card.sections[0].title == "What to say" and card.sections[0].phrasings
    titles = [s.title for s in card.sections]
    assert "Indignant customer" in titles
    assert "Trigger: Perceived negligence" in titles


def test_trigger_card_has_approach_and_tailored_phrasings() -> None:
    """A trigger card lists the approach and phrasings written for that trigger."""
    card = find_playbook(BOOK, "lack of information").card
    assert card is not None
    assert card.sections[0].body.startswith("• ")
    said = [p for s in card.sections for p in s.phrasings]
    assert any("[facts]" in p for p in said)


def test_team_playbook_card_has_its_steps() -> None:
    """A team playbook shows each of its steps with what to do and say."""
    card = find_playbook(BOOK, "refund").card
    assert card is not None
    pb = next(p for p in BOOK.playbooks if p.id == "refund_request")
    assert [s.title for s in card.sections] == [s.title for s in pb.steps]
    assert card.sections[0].phrasings == pb.steps[0].say


def test_team_added_playbook_is_found(tmp_path: Path) -> None:
    """A playbook from a team folder is listed and matched by its alias."""
    folder = tmp_path / "playbooks"
    folder.mkdir()
    (folder / "w.yaml").write_text(
        "id: warranty_claim\ntitle: Warranty claim\naliases: [warranty]\n"
        "summary: Device failed under warranty.\n"
        "steps:\n  - title: Check the date\n    do: Confirm the purchase date.\n"
    )
    book = load_coaching(tmp_path)
    answer = find_playbook(book, "warranty")
    assert answer.card is not None and answer.card.topic.key == "playbook:warranty_claim"


def test_every_topic_has_a_card_with_content() -> None:
    """Every listed topic builds a card with a summary and at least one section."""
    for topic in list_topics(BOOK):
        card = build_card(BOOK, topic)
        assert card.summary and card.sections, topic.key
        assert all("$" not in p for s in card.sections for p in s.phrasings)
