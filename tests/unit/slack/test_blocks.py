"""Block Kit builders: structure, ids, escaping, and Slack's limits on worst-case content."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core.coaching import Coach, Hint, Progress, Severity, StepMark
from bot.core.models import (
    Assessment,
    CustomerType,
    Level,
    Role,
    Signal,
    Situation,
    Trend,
    Trigger,
    Turn,
)
from bot.core.playbooks import Topic, TopicKind, find_playbook, list_topics
from bot.slack.blocks import (
    HomeThread,
    app_home_view,
    coach_reading_message,
    hint_feedback_ack,
    hint_message,
    playbook_message,
    topics_message,
)
from bot.slack.ids import ActionId
from phrasebook.coaching import load_coaching

BOOK = load_coaching()
HUGE = "Ünïcode & <b>markup</b> " * 400  # ~9,600 chars


def assess(
    level: Level = Level.ANGRY,
    *,
    situation: Situation | None = None,
    signals: tuple[Signal, ...] = (),
    escalate: bool = False,
    turn: int = 0,
    customer_turn: int = 0,
) -> Assessment:
    return Assessment(
        turn=turn,
        customer_turn=customer_turn,
        score=0.8,
        level=level,
        frustrated=True,
        heat=0.8,
        trend=Trend.RISING,
        signals=signals,
        situation=situation or Situation(),
        escalate=escalate,
    )


def within_limits(payload: dict[str, Any], *, max_blocks: int = 50, message: bool = True) -> None:
    """Assert Slack's documented limits on a message or view payload."""
    if message:
        assert isinstance(payload.get("text"), str) and payload["text"].strip()
        assert len(payload["text"]) <= 40_000
    blocks = payload["blocks"]
    assert 1 <= len(blocks) <= max_blocks
    for block in blocks:
        kind = block["type"]
        if kind == "section":
            assert 0 < len(block["text"]["text"]) <= 3000
        elif kind == "header":
            assert block["text"]["type"] == "plain_text"
            assert 0 < len(block["text"]["text"]) <= 150
        elif kind == "context":
            assert 1 <= len(block["elements"]) <= 10
        elif kind == "actions":
            assert 1 <= len(block["elements"]) <= 25
            for button in block["elements"]:
                assert button["type"] == "button"
                assert 0 < len(button["text"]["text"]) <= 75
                assert len(button["value"]) <= 2000
                assert button["action_id"] in set(ActionId)
        else:
            assert kind == "divider"


def all_text(payload: dict[str, Any]) -> str:
    """Every text string in a payload, joined (for content checks)."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    out.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(payload)
    return "\n".join(out)


def buttons(payload: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for b in payload["blocks"] if b["type"] == "actions" for e in b["elements"]]


HINT = Hint(
    id="six_step.commit_action.commit.time",
    step_id="commit_action",
    step_title="Commit to an action with a time",
    severity=Severity.URGENT,
    headline="Commit to the next action on the refund status with a time",
    why="3rd ask about the refund status; no timeline given yet",
    phrasings=("I'll update you by [time] today.", "You'll hear from me by [time]."),
    slip_fix='Instead of "per our policy", try: "I can\'t do X, but I can do Y."',
)


# --- whispers ---------------------------------------------------------------------------------


def test_whisper_shows_headline_reason_phrasings_and_fix() -> None:
    """The whisper carries the headline, the quoted reason, both phrasings and the slip fix."""
    msg = hint_message(HINT, assess(), "ref-1")
    within_limits(msg)
    text = all_text(msg)
    assert HINT.headline in msg["text"]
    assert ">3rd ask about the refund status; no timeline given yet" in text
    for phrasing in HINT.phrasings:
        assert f">{phrasing}" in text
    assert "per our policy" in text


def test_whisper_has_three_feedback_buttons_with_the_callers_value() -> None:
    """Used it / Not helpful / Snooze thread, with ActionId.HINT_* and the given value."""
    msg = hint_message(HINT, assess(), '{"t":"C1:1700.1","h":"x"}')
    found = [(b["text"]["text"], b["action_id"], b["value"]) for b in buttons(msg)]
    assert found == [
        ("Used it", ActionId.HINT_USED, '{"t":"C1:1700.1","h":"x"}'),
        ("Not helpful", ActionId.HINT_NOT_HELPFUL, '{"t":"C1:1700.1","h":"x"}'),
        ("Snooze thread", ActionId.HINT_SNOOZE, '{"t":"C1:1700.1","h":"x"}'),
    ]


def test_whisper_refuses_an_oversized_button_value() -> None:
    """A button value over 2,000 characters is a caller bug and raises, never silently cut."""
    hint_message(HINT, assess(), "v" * 2000)
    with pytest.raises(ValueError, match="2000"):
        hint_message(HINT, assess(), "v" * 2001)


def test_whisper_escapes_markup_from_customer_evidence() -> None:
    """Quoted customer words cannot ping channels or inject links."""
    hint = Hint(
        id="x",
        step_id="follow_up",
        step_title="Follow up",
        severity=Severity.NUDGE,
        headline="Check back",
        why='shouting: "<!channel> <@U1> & <https://evil|click>"',
        phrasings=("ok",),
    )
    text = all_text(hint_message(hint, assess(), "v"))
    assert "<!channel>" not in text and "<@U1>" not in text and "<https://" not in text
    assert "&lt;!channel&gt; &lt;@U1&gt; &amp; &lt;https://evil|click&gt;" in text


def test_whisper_with_worst_case_long_content_stays_within_limits() -> None:
    """Absurdly long headline, reason, phrasings and fix are clipped to Slack's limits."""
    hint = Hint(
        id="x" * 500,
        step_id="s",
        step_title=HUGE,
        severity=Severity.URGENT,
        headline=HUGE,
        why=HUGE,
        phrasings=(HUGE, HUGE),
        slip_fix=HUGE,
    )
    within_limits(hint_message(hint, assess(), "v" * 2000))


def test_slip_only_hint_renders_without_phrasings() -> None:
    """A hint with only a slip fix renders without an empty phrasing section."""
    hint = Hint("x", "s", "Step", Severity.NUDGE, "Kinder wording", "why", (), "Try this instead")
    msg = hint_message(hint, assess(), "v")
    within_limits(msg)
    assert "You could say" not in all_text(msg)


def _run_thread(coach: Coach, framework: str, situation: Situation) -> tuple[list[Hint], set[str]]:
    """Every hint a never-improving agent would get, including all slips and escalation."""
    state = coach.start(framework)
    slips = (
        "As I already said. Per our policy. Calm down. Unfortunately there is nothing. "
        "You should have. We apologize for any inconvenience. The SLA."
    )
    state = coach.observe_agent(state, Turn(Role.AGENT, slips, 0.0))
    hints: list[Hint] = []
    for n in range(60):
        a = assess(situation=situation, escalate=True, turn=2 * n + 1, customer_turn=n)
        state, hint = coach.advise(state, a, float(n))
        state = coach.observe_agent(state, Turn(Role.AGENT, "Okay.", float(n)))
        if hint is not None:
            hints.append(hint)
    return hints, set(state.shown_phrasings)


def test_every_shipped_phrasing_renders_as_a_whisper_for_every_type_and_trigger() -> None:
    """All frameworks x customer types x triggers: every hint renders within limits, and
    together they use every shipped phrasing and every slip fix."""
    policy = BOOK.policy.model_copy(
        update={"budget": 20, "cooldown_s": 0.0, "max_hints_per_step": 5}
    )
    coach = Coach(BOOK.model_copy(update={"policy": policy}))
    used: set[str] = set()
    fixes: set[str] = set()
    count = 0
    for framework in BOOK.frameworks:
        for ctype in (None, *CustomerType):
            for trigger in (None, *Trigger):
                situation = Situation(
                    customer_type=ctype, trigger=trigger, ask_topic="refund status", ask_count=3
                )
                hints, shown = _run_thread(coach, framework, situation)
                used |= shown
                for hint in hints:
                    within_limits(hint_message(hint, assess(situation=situation), "v"))
                    assert "$" not in all_text(hint_message(hint, assess(), "v"))
                    if hint.slip_fix:
                        fixes.add(hint.slip_fix.split('"')[1])
                    count += 1
    assert used == {p.id for p in BOOK.phrasings}
    assert len(fixes) == len(BOOK.slips)
    assert count > 100


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (ActionId.HINT_USED, "Thanks — noted"),
        (ActionId.HINT_NOT_HELPFUL, "Thanks — noted"),
        (ActionId.HINT_SNOOZE, "snoozed"),
        ("used", "Glad it helped"),
        ("not_helpful", "tune the hints"),
        ("snooze", "snoozed"),
        ("invalid", "expired"),
        ("something_else", "Thanks — noted"),
    ],
)
def test_feedback_ack_replaces_the_whisper(kind: str, words: str) -> None:
    """After a click the whisper becomes a short acknowledgement with no buttons."""
    msg = hint_feedback_ack(kind)
    within_limits(msg)
    assert words in msg["text"]
    assert buttons(msg) == []


# --- /playbook --------------------------------------------------------------------------------


def test_every_topic_card_renders_within_limits() -> None:
    """Each topic's card has a header, its sections, and fits Slack's limits."""
    for topic in list_topics(BOOK):
        msg = playbook_message(find_playbook(BOOK, topic.key))
        within_limits(msg)
        assert msg["blocks"][0] == {
            "type": "header",
            "text": {"type": "plain_text", "text": topic.title},
        }
        assert "$" not in all_text(msg)


def test_unknown_topic_message_offers_buttons_to_the_closest_topics() -> None:
    """An unknown topic gets a friendly line and PLAYBOOK_OPEN buttons, never an error."""
    answer = find_playbook(BOOK, "refnd <stuff>")
    msg = playbook_message(answer)
    within_limits(msg)
    assert "refnd &lt;stuff&gt;" in all_text(msg)
    values = [b["value"] for b in buttons(msg)]
    assert values == [t.key for t in answer.suggestions]
    assert all(b["action_id"] == ActionId.PLAYBOOK_OPEN for b in buttons(msg))


def test_topics_message_lists_every_topic_as_a_button() -> None:
    """The topic list has one PLAYBOOK_OPEN button per topic, grouped by kind."""
    topics = list_topics(BOOK)
    msg = topics_message(topics)
    within_limits(msg)
    assert [b["value"] for b in buttons(msg)] == [
        t.key for kind in TopicKind for t in topics if t.kind is kind
    ]


def test_topics_message_with_hundreds_of_team_playbooks_stays_within_limits() -> None:
    """Many long-named playbooks are chunked into button rows and capped at 50 blocks."""
    many = [Topic(TopicKind.PLAYBOOK, f"p{i}", "Playbook " + "x" * 200) for i in range(2000)]
    within_limits(topics_message(many))


# --- coach reading ----------------------------------------------------------------------------


def test_coach_reading_shows_heat_progress_and_next_move() -> None:
    """The reading shows the level, the steps done and missing, and the best hint."""
    coach = Coach(BOOK)
    state = coach.observe_agent(coach.start(), Turn(Role.AGENT, "I'm so sorry.", 1.0))
    signal = Signal("caps", "shouting <here>", "WHY", 0.4)
    a = assess(signals=(signal,), turn=2, customer_turn=1)
    msg = coach_reading_message(a, coach.progress(state), coach.reading(state, a, 2.0))
    within_limits(msg)
    text = all_text(msg)
    assert "angry" in text and "shouting &lt;here&gt;" in text
    assert ":white_check_mark: Empathize and apologize" in text
    assert ":white_square: Clarify and confirm" in text
    assert "Play the problem back" in text


def test_coach_reading_without_assessment_or_hint() -> None:
    """A thread with no scored message and nothing to suggest still gets a useful reading."""
    progress = Progress("six_step", "Six-step", (), (StepMark("a", "A"),), None)
    msg = coach_reading_message(None, progress, None)
    within_limits(msg)
    assert "Nothing to suggest" in all_text(msg)


def test_coach_reading_with_worst_case_content() -> None:
    """Huge titles and hints are clipped within limits."""
    marks = tuple(StepMark(str(i), HUGE, i) for i in range(30))
    progress = Progress("x", HUGE, marks, marks, None)
    hint = Hint("x", "s", HUGE, Severity.URGENT, HUGE, HUGE, (HUGE, HUGE), HUGE)
    within_limits(coach_reading_message(assess(), progress, hint))


# --- App Home ---------------------------------------------------------------------------------


def _thread(i: int, **kw: Any) -> HomeThread:
    base: dict[str, Any] = {
        "channel_id": "C123",
        "thread_ts": f"1700000000.{i:06d}",
        "permalink": f"https://example.slack.com/archives/C123/p{i}",
        "heat": 0.7,
        "level": Level.FRUSTRATED,
        "trend": Trend.RISING,
        "hint_headline": "Give two concrete options and let them choose",
        "updated_at": 1_700_000_000.0 + i,
    }
    base.update(kw)
    return HomeThread(**base)


def test_home_lists_threads_newest_first_with_links_and_hints() -> None:
    """Threads appear newest first, linked by permalink, with level, trend and latest hint."""
    view = app_home_view([_thread(1), _thread(2, permalink=None, hint_headline=None)])
    assert view["type"] == "home"
    within_limits(view, max_blocks=100, message=False)
    sections = [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]
    assert "Thread in <#C123>" in sections[0]  # thread 2, newer, no permalink
    assert "<https://example.slack.com/archives/C123/p1|Open thread>" in sections[1]
    assert ":bulb: Give two concrete options" in sections[1]
    assert "frustrated" in sections[1] and "rising" in sections[1]


def test_home_with_no_threads() -> None:
    """An empty home says so."""
    view = app_home_view([])
    within_limits(view, max_blocks=100, message=False)
    assert "No coached threads yet" in all_text(view)


def test_home_caps_at_100_blocks_and_says_how_many_are_hidden() -> None:
    """Hundreds of threads plus alerts still fit in 100 blocks, with a note on the rest."""
    alerts = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"alert {i}"}} for i in range(80)
    ]
    view = app_home_view([_thread(i, hint_headline=HUGE) for i in range(500)], alerts)
    within_limits(view, max_blocks=100, message=False)
    assert "older threads not shown" in view["blocks"][-1]["elements"][0]["text"]
    assert "alert 0" in all_text(view)
