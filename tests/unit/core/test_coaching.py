"""Specification of the coach: framework tracking, next-step hints, slips and anti-fatigue."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import pytest

from bot.core.coaching import Coach, CoachState, Hint, Severity
from bot.core.models import (
    Assessment,
    Cue,
    CueKind,
    CustomerType,
    Level,
    Role,
    Signal,
    Situation,
    Trend,
    Trigger,
    Turn,
)
from phrasebook.coaching import CoachingBook, HintPreset, load_coaching

BOOK = load_coaching()


@pytest.fixture
def book() -> CoachingBook:
    return BOOK


@pytest.fixture
def coach(book: CoachingBook) -> Coach:
    return Coach(book)


class Thread:
    """A small thread driver: keeps turn numbers honest and feeds the coach like the flow would."""

    def __init__(self, coach: Coach, framework: str | None = None) -> None:
        self.coach = coach
        self.state = coach.start(framework)
        self.turn = 0
        self.customer_turn = 0
        self.now = 1_000.0
        self.hints: list[Hint] = []
        self.heated = False  # the customer's words carry heat (the engine's `heated`)
        self.unsettled = False  # uneasy or worse before the agent's last reply too

    def agent(self, text: str) -> None:
        self.state = self.coach.observe_agent(self.state, Turn(Role.AGENT, text, self.now))
        self.turn += 1

    def customer(
        self,
        level: Level = Level.FRUSTRATED,
        trend: Trend = Trend.RISING,
        *,
        situation: Situation | None = None,
        wait: float = 600.0,
        snoozed: bool = False,
        signals: tuple[Signal, ...] = (),
        cues: tuple[Cue, ...] = (),
        escalate: bool = False,
        margin: float | None = None,
        preset: HintPreset | None = None,
        learned: float = 0.0,
    ) -> Hint | None:
        self.now += wait
        assessment = make_assessment(
            self.turn,
            self.customer_turn,
            level,
            trend,
            situation=situation,
            signals=signals,
            cues=cues,
            escalate=escalate,
            margin=margin,
        )
        assessment = dataclasses.replace(assessment, heated=self.heated, unsettled=self.unsettled)
        self.state, hint = self.coach.advise(
            self.state, assessment, self.now, snoozed=snoozed, preset=preset, learned=learned
        )
        self.turn += 1
        self.customer_turn += 1
        if hint is not None:
            self.hints.append(hint)
        return hint


def make_assessment(
    turn: int,
    customer_turn: int,
    level: Level,
    trend: Trend,
    *,
    situation: Situation | None = None,
    signals: tuple[Signal, ...] = (),
    cues: tuple[Cue, ...] = (),
    escalate: bool = False,
    margin: float | None = None,
) -> Assessment:
    score = {Level.CALM: 0.1, Level.UNEASY: 0.35, Level.FRUSTRATED: 0.6, Level.ANGRY: 0.85}[level]
    sure = {Level.CALM: -3.0, Level.UNEASY: -1.0, Level.FRUSTRATED: 1.5, Level.ANGRY: 3.0}[level]
    return Assessment(
        turn=turn,
        customer_turn=customer_turn,
        score=score,
        level=level,
        frustrated=level in (Level.FRUSTRATED, Level.ANGRY),
        heat=score,
        trend=trend,
        signals=signals,
        situation=situation or Situation(),
        cues=cues,
        escalate=escalate,
        margin=sure if margin is None else margin,
    )


# --- severity tiers ---------------------------------------------------------------------------


def test_calm_thread_gets_no_hint(coach: Coach) -> None:
    """A calm customer message never produces a whisper."""
    thread = Thread(coach)
    assert thread.customer(Level.CALM, Trend.RISING) is None
    assert thread.customer(Level.CALM, Trend.STEADY) is None


def test_uneasy_and_rising_stays_quiet_unless_the_channel_is_eager(coach: Coach) -> None:
    """Unease alone is no reason to interrupt an agent; an eager channel asks for a nudge."""
    assert Thread(coach).customer(Level.UNEASY, Trend.RISING) is None
    eager = BOOK.policy.presets["eager"]
    hint = Thread(coach).customer(Level.UNEASY, Trend.RISING, preset=eager)
    assert hint is not None and hint.severity is Severity.NUDGE


def test_a_borderline_reading_waits_for_the_next_message_to_confirm_it(coach: Coach) -> None:
    """Frustrated but just over the cut: held; the next message still upset sends the hint."""
    thread = Thread(coach)
    assert thread.customer(Level.FRUSTRATED, margin=0.2) is None
    assert thread.state.deferred is not None
    hint = thread.customer(Level.UNEASY, Trend.STEADY, margin=-0.1)
    assert hint is not None and hint.severity is Severity.NUDGE
    assert thread.state.deferred is None


PUSHBACK = Signal("dialog.pushback", "pushes back on an answer", "we did that. twice.", 0.78)
TONE_ONLY = Signal("tone.words", "overall wording", "", 0.2)


def test_a_customer_still_uneasy_after_the_reply_with_heat_and_pushback_gets_a_nudge(
    coach: Coach,
) -> None:
    """Uneasy before the agent answered and uneasy again after, pushing back with heat in the
    words ("we did that. twice. your tech did it too"): the reply did not land, a lead coaches."""
    thread = Thread(coach)
    thread.agent("Have you tried power cycling the machine?")
    thread.heated = thread.unsettled = True
    hint = thread.customer(Level.UNEASY, Trend.STEADY, margin=-0.3, signals=(PUSHBACK,))
    assert hint is not None and hint.severity is Severity.NUDGE


@pytest.mark.parametrize(
    ("heated", "unsettled", "signals"),
    [
        (False, True, (PUSHBACK,)),  # a plain follow-up, no heat in the words
        (True, False, (PUSHBACK,)),  # the first upset message after a calm one: wait and see
        (True, True, (TONE_ONLY,)),  # uneasy in tone only: no pushback, no repeat, no wait
    ],
    ids=["no-heat", "not-unsettled", "tone-only"],
)
def test_an_uneasy_reading_short_of_all_three_gets_no_nudge(
    coach: Coach, heated: bool, unsettled: bool, signals: tuple[Signal, ...]
) -> None:
    thread = Thread(coach)
    thread.agent("Have you tried power cycling the machine?")
    thread.heated, thread.unsettled = heated, unsettled
    assert thread.customer(Level.UNEASY, Trend.STEADY, margin=-0.3, signals=signals) is None


def test_a_conservative_channel_waits_for_frustration_before_it_coaches_unease(
    coach: Coach,
) -> None:
    thread = Thread(coach)
    thread.agent("Have you tried power cycling the machine?")
    thread.heated = thread.unsettled = True
    conservative = BOOK.policy.presets["conservative"]
    hint = thread.customer(
        Level.UNEASY, Trend.STEADY, margin=-0.3, signals=(PUSHBACK,), preset=conservative
    )
    assert hint is None


def test_a_held_reading_is_dropped_when_the_next_message_reads_well_below_the_cut(
    coach: Coach,
) -> None:
    """A plain follow-up ("here is the log") after a borderline message confirms nothing."""
    thread = Thread(coach)
    assert thread.customer(Level.FRUSTRATED, margin=0.2) is None
    assert thread.customer(Level.UNEASY, Trend.STEADY, margin=-0.6) is None
    assert thread.state.deferred is None and thread.hints == []


CHASE = Signal("wait.still", "still waiting", "?", 0.71)


def test_a_held_reading_is_confirmed_by_a_bare_chase(coach: Coach) -> None:
    """A borderline reading, then a bare "?" on the same matter: the customer chasing is the
    strain going on, however little the one character weighs; the same margin without the
    chase is dropped."""
    thread = Thread(coach)
    assert thread.customer(Level.FRUSTRATED, margin=0.3) is None
    hint = thread.customer(Level.UNEASY, Trend.STEADY, margin=-0.4, signals=(CHASE,))
    assert hint is not None and hint.severity is Severity.NUDGE
    quiet = Thread(coach)
    assert quiet.customer(Level.FRUSTRATED, margin=0.3) is None
    assert quiet.customer(Level.UNEASY, Trend.STEADY, margin=-0.4) is None
    assert quiet.hints == []


PRAISE = Signal("calm.praise", "praise or satisfaction", "you're a star", -0.75)


def test_a_held_reading_is_dropped_when_the_next_message_praises_the_agent(coach: Coach) -> None:
    """Borderline, then "oh brilliant, you're a star. DHL for the next few too" still reading
    uneasy from the heat carried over: the customer is content, the held hint is dropped."""
    thread = Thread(coach)
    assert thread.customer(Level.FRUSTRATED, margin=0.3) is None
    assert thread.customer(Level.UNEASY, Trend.COOLING, margin=-0.1, signals=(PRAISE,)) is None
    assert thread.hints == []


def test_a_borderline_reading_with_heated_words_whispers_at_once(coach: Coach) -> None:
    """Just over the cut with "useless" or "furious" in it: no misreading to wait out (except
    in a conservative channel)."""
    thread = Thread(coach)
    thread.heated = True
    assert thread.customer(Level.FRUSTRATED, margin=0.1) is not None
    careful = Thread(coach)
    careful.heated = True
    conservative = BOOK.policy.presets["conservative"]
    assert careful.customer(Level.FRUSTRATED, margin=0.1, preset=conservative) is None


def test_a_borderline_reading_after_an_uneasy_one_across_a_reply_is_confirmed(
    coach: Coach,
) -> None:
    """Uneasy, then the agent's answer, then frustrated just over the cut: the strain outlasted
    the reply, so the hint goes now (waiting for a third message only repeats the evidence). A
    double text is the same round and confirms nothing; a conservative channel still waits."""
    thread = Thread(coach)
    assert thread.customer(Level.UNEASY, Trend.STEADY, margin=-0.3) is None
    thread.agent("Your order is in the queue and will ship as soon as possible.")
    assert thread.customer(Level.FRUSTRATED, margin=0.2) is not None
    double = Thread(coach)
    assert double.customer(Level.UNEASY, Trend.STEADY, margin=-0.3) is None
    assert double.customer(Level.FRUSTRATED, margin=0.2) is None
    assert double.state.deferred is not None
    careful = Thread(coach)
    conservative = BOOK.policy.presets["conservative"]
    assert careful.customer(Level.UNEASY, Trend.STEADY, margin=-0.3, preset=conservative) is None
    careful.agent("Your order is in the queue and will ship as soon as possible.")
    assert careful.customer(Level.FRUSTRATED, margin=0.2, preset=conservative) is None


def test_a_calm_reading_clears_the_strain(coach: Coach) -> None:
    """Uneasy, a reply, calm, a reply, then a borderline reading: the strain did not last."""
    thread = Thread(coach)
    assert thread.customer(Level.UNEASY, Trend.STEADY, margin=-0.3) is None
    thread.agent("Checking now.")
    assert thread.customer(Level.CALM, Trend.COOLING) is None
    thread.agent("It ships Friday.")
    assert thread.customer(Level.FRUSTRATED, margin=0.2) is None


def test_a_borderline_reading_followed_by_calm_never_whispers(coach: Coach) -> None:
    """The customer calmed down on their own: the held hint is dropped, not sent late."""
    thread = Thread(coach)
    assert thread.customer(Level.FRUSTRATED, margin=0.2) is None
    assert thread.customer(Level.CALM, Trend.COOLING) is None
    assert thread.state.deferred is None and thread.hints == []


def test_a_clear_reading_whispers_at_once_and_an_eager_channel_never_waits(coach: Coach) -> None:
    """Confidence above the preset's margin, anger, or an eager channel: no waiting."""
    assert Thread(coach).customer(Level.FRUSTRATED, margin=1.0) is not None
    assert Thread(coach).customer(Level.ANGRY, margin=0.1) is not None
    eager = BOOK.policy.presets["eager"]
    assert Thread(coach).customer(Level.FRUSTRATED, margin=0.1, preset=eager) is not None


def test_not_helpful_answers_raise_the_bar_in_that_channel(coach: Coach) -> None:
    """What a channel learned from "not helpful" adds to the margin a hint needs."""
    assert Thread(coach).customer(Level.FRUSTRATED, margin=1.0) is not None
    assert Thread(coach).customer(Level.FRUSTRATED, margin=1.0, learned=0.8) is None


def test_uneasy_but_steady_stays_quiet_by_default(coach: Coach) -> None:
    """Unease that is not rising is left alone unless the policy asks for info hints."""
    assert Thread(coach).customer(Level.UNEASY, Trend.STEADY) is None
    policy = BOOK.policy.model_copy(update={"hint_when_uneasy_steady": True})
    chatty = Coach(BOOK.model_copy(update={"policy": policy}))
    hint = Thread(chatty).customer(Level.UNEASY, Trend.STEADY)
    assert hint is not None and hint.severity is Severity.INFO


@pytest.mark.parametrize("level", [Level.FRUSTRATED, Level.ANGRY])
def test_frustrated_or_angry_gets_an_urgent_hint(coach: Coach, level: Level) -> None:
    """Frustrated and angry customers get urgent hints, whatever the trend."""
    hint = Thread(coach).customer(level, Trend.COOLING)
    assert hint is not None and hint.severity is Severity.URGENT


# --- framework order --------------------------------------------------------------------------


AGENT_MOVES = {
    "listen_acknowledge": "I can see why this has been a real headache.",
    "empathize_apologize": "I'm so sorry about all of this.",
    "clarify_confirm": "Just to make sure I have it right, this is order 1234?",
    "offer_options": "I can offer two options: a replacement or a refund.",
    "commit_action": "I'll get the replacement shipped and update you by 3pm today.",
    "follow_up": "Just checking in: did the replacement arrive?",
}


def test_rising_thread_gets_the_steps_in_framework_order(coach: Coach) -> None:
    """An agent who follows each whisper is led through the six-step framework in order."""
    thread = Thread(coach)
    steps: list[str] = []
    for _ in range(4):
        hint = thread.customer(Level.FRUSTRATED, Trend.RISING)
        assert hint is not None
        steps.append(hint.step_id)
        thread.agent(AGENT_MOVES[hint.step_id])
    assert steps == [
        "listen_acknowledge",
        "empathize_apologize",
        "clarify_confirm",
        "offer_options",
    ]


def test_never_the_same_hint_twice(coach: Coach) -> None:
    """Even when the agent ignores every hint, no hint id repeats within a thread."""
    policy = BOOK.policy.model_copy(update={"budget": 20, "max_hints_per_step": 3})
    generous = Coach(BOOK.model_copy(update={"policy": policy}))
    thread = Thread(generous)
    for _ in range(30):
        thread.customer(Level.ANGRY, Trend.RISING)
        thread.agent("Okay.")
    ids = [h.id for h in thread.hints]
    assert len(ids) >= 5
    assert len(ids) == len(set(ids))
    phrasings = [p for h in thread.hints for p in h.phrasings]
    assert len(phrasings) == len(set(phrasings))


def test_never_more_hints_than_the_budget(coach: Coach) -> None:
    """A long angry thread stops getting hints once the per-thread budget is spent."""
    thread = Thread(coach)
    for _ in range(25):
        thread.customer(Level.ANGRY, Trend.RISING)
        thread.agent("Okay.")
    assert len(thread.hints) == BOOK.policy.budget


def test_ignored_step_is_not_nagged_beyond_its_limit(coach: Coach) -> None:
    """With one hint per step, an ignored step is skipped and the next missing one is offered."""
    thread = Thread(coach)
    first = thread.customer()
    thread.agent("Okay.")
    second = thread.customer()
    assert first is not None and second is not None
    assert first.step_id == "listen_acknowledge"
    assert second.step_id == "empathize_apologize"


def test_apology_and_timeline_mean_no_apology_hint(coach: Coach) -> None:
    """An agent who already apologized and gave a timeline is never told to apologize."""
    thread = Thread(coach)
    thread.agent("I'm really sorry about this. I'll have the refund processed by tomorrow.")
    for _ in range(6):
        hint = thread.customer(Level.ANGRY, Trend.RISING)
        if hint is not None:
            assert hint.step_id not in {"empathize_apologize", "listen_acknowledge"}
            assert hint.step_id != "commit_action"
        thread.agent("Okay.")
    done = coach.progress(thread.state).done_titles
    assert "Empathize and apologize" in done
    assert "Commit to an action with a time" in done


def test_a_promise_without_a_time_is_not_a_commitment(coach: Coach) -> None:
    """'I'll look into it' does not tick the commit step; a time does."""
    state = coach.observe_agent(coach.start(), Turn(Role.AGENT, "I'll look into it.", 1.0))
    assert "commit_action" not in state.done_ids
    state = coach.observe_agent(state, Turn(Role.AGENT, "I'll update you within 2 hours.", 2.0))
    assert "commit_action" in state.done_ids


def test_passed_steps_that_do_not_catch_up_are_skipped(coach: Coach) -> None:
    """Once options are offered and a time given, 'clarify' is no longer suggested."""
    thread = Thread(coach)
    thread.agent("I can offer two options: a refund or a replacement. I'll confirm by 5pm today.")
    hint = thread.customer()
    assert hint is not None
    assert hint.step_id == "listen_acknowledge"  # feelings still matter
    thread.agent("Thanks.")
    later = [thread.customer() for _ in range(4)]
    assert all(h is None or h.step_id != "clarify_confirm" for h in later)


def test_customer_turns_are_ignored_by_observe_agent(coach: Coach) -> None:
    """Only agent replies count as steps taken."""
    state = coach.start()
    after = coach.observe_agent(state, Turn(Role.CUSTOMER, "I'm so sorry to bother you", 1.0))
    assert after == state


def test_curly_apostrophes_are_understood(coach: Coach) -> None:
    """Replies typed with typographic apostrophes are read like plain ones."""
    state = coach.observe_agent(coach.start(), Turn(Role.AGENT, "I\u2019m so sorry.", 1.0))
    assert "empathize_apologize" in state.done_ids


# --- why and tailoring ------------------------------------------------------------------------


def test_why_quotes_the_repeated_ask_and_the_gap(coach: Coach) -> None:
    """A third ask for a refund status with no timeline is quoted as the reason."""
    thread = Thread(coach)
    thread.agent("I'm sorry about the wait.")
    situation = Situation(ask_topic="refund status", ask_count=3)
    thread.agent("Could you confirm the order number?")
    thread.agent("I can offer two options: a refund or store credit.")
    hint = thread.customer(situation=situation)
    assert hint is not None
    assert hint.step_id == "commit_action"
    assert hint.why == "3rd ask about the refund status; no timeline given yet"
    assert "refund status" in hint.headline


def test_why_quotes_the_strongest_signal_when_there_is_no_repeated_ask(coach: Coach) -> None:
    """Without a repeated ask, the reason names the strongest signal and its evidence."""
    signals = (
        Signal("caps", "shouting", "", 0.2),
        Signal("repeat.third_time", "says it is the third time", "third time", 0.5),
    )
    hint = Thread(coach).customer(signals=signals)
    assert hint is not None
    assert hint.why.startswith('says it is the third time: "third time"; ')


def test_a_long_evidence_quote_is_cut_at_whole_words(coach: Coach) -> None:
    """Quoted customer words keep whole words and mark the cut with an ellipsis."""
    evidence = "we have been waiting for the replacement router since the twelfth of last month"
    signals = (Signal("wait.long", "has been kept waiting", evidence, 0.6),)
    hint = Thread(coach).customer(signals=signals)
    assert hint is not None
    quoted = hint.why.split('"')[1]
    assert "…" in quoted
    words = set(evidence.split())
    assert all(w in words for w in quoted.replace("…", " ").split())


def test_hints_are_short(coach: Coach) -> None:
    """Headlines fit one line and no hint carries more than two phrasings."""
    long_topic = Situation(ask_topic="x" * 300, ask_count=12)
    thread = Thread(coach)
    for _ in range(4):
        hint = thread.customer(situation=long_topic)
        assert hint is not None
        assert len(hint.headline) <= 90
        assert 1 <= len(hint.phrasings) <= 2
        assert len(hint.why) <= 200


@pytest.mark.parametrize(
    ("ctype", "expected_step", "phrasing_id"),
    [
        (CustomerType.INDIGNANT, "listen_acknowledge", "ack.indignant"),
        (CustomerType.DEMANDING, "commit_action", "commit.demanding"),
        (CustomerType.UNINFORMED, "clarify_confirm", "clarify.uninformed"),
        (CustomerType.CHRONIC_COMPLAINER, "listen_acknowledge", "ack.chronic"),
    ],
)
def test_first_hint_is_tailored_to_the_customer_type(
    coach: Coach, book: CoachingBook, ctype: CustomerType, expected_step: str, phrasing_id: str
) -> None:
    """Each customer type leads with its own step and a phrasing written for that type."""
    hint = Thread(coach).customer(situation=Situation(customer_type=ctype))
    assert hint is not None
    assert hint.step_id == expected_step
    tailored = next(p for p in book.phrasings if p.id == phrasing_id)
    assert hint.phrasings[0] == tailored.text.replace("$topic", book.policy.default_topic)


def test_demanding_customer_hears_timeline_and_limits(coach: Coach) -> None:
    """A demanding customer's hint talks about a clear time and what cannot be done."""
    hint = Thread(coach).customer(situation=Situation(customer_type=CustomerType.DEMANDING))
    assert hint is not None
    assert "[time]" in hint.phrasings[0] and "can't" in hint.phrasings[0]


def test_trigger_tailoring_applies_when_no_type_is_known(coach: Coach) -> None:
    """A perceived-negligence thread gets the negligence phrasing first."""
    situation = Situation(trigger=Trigger.PERCEIVED_NEGLIGENCE)
    hint = Thread(coach).customer(situation=situation)
    assert hint is not None
    assert hint.id.endswith(".ack.negligence")


def test_phrasings_for_another_type_are_never_offered(coach: Coach, book: CoachingBook) -> None:
    """An uninformed customer never gets wording written for an indignant one."""
    indignant_only = {
        p.text for p in book.phrasings if p.customer_types == (CustomerType.INDIGNANT,)
    }
    thread = Thread(coach)
    for _ in range(4):
        hint = thread.customer(situation=Situation(customer_type=CustomerType.UNINFORMED))
        assert hint is not None
        assert not indignant_only & set(hint.phrasings)


# --- slips ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "slip_words"),
    [
        ("As I already said, the order shipped.", "As I already said"),
        ("Per our policy we cannot refund that.", "Per our policy"),
        ("Please calm down so I can help.", "calm down"),
        ("Unfortunately there is nothing more I can do.", "Unfortunately there is nothing"),
        ("It's stuck in the tier 2 ticket queue.", "tier 2"),
    ],
)
def test_a_slip_gets_a_kind_fix_in_the_next_hint(coach: Coach, reply: str, slip_words: str) -> None:
    """Defensive, canned or jargon wording in a reply comes back as a kinder alternative."""
    thread = Thread(coach)
    thread.agent(reply)
    hint = thread.customer()
    assert hint is not None and hint.slip_fix is not None
    assert f'"{slip_words}"' in hint.slip_fix


def test_a_slip_is_coached_once(coach: Coach) -> None:
    """The same slip is not pointed out again in later hints."""
    thread = Thread(coach)
    thread.agent("As I already said, it shipped.")
    first = thread.customer()
    thread.agent("As I already said, it shipped.")
    second = thread.customer()
    assert first is not None and first.slip_fix is not None
    assert second is None or second.slip_fix is None


def test_a_slip_alone_still_earns_a_hint(coach: Coach) -> None:
    """When every step is done, a slip still gets its fix in a hint of its own."""
    thread = Thread(coach)
    thread.agent("I can see why this is frustrating. I'm so sorry.")
    thread.agent("Just to make sure I have it right: order 42?")
    thread.agent("I can offer two options: a refund or a replacement.")
    thread.agent("I'll ship it today. Just checking in, did the parcel arrive? Per our policy, no.")
    hint = thread.customer()
    assert hint is not None
    assert hint.phrasings == ()
    assert hint.slip_fix is not None and "Per our policy" in hint.slip_fix


def test_no_slip_in_a_kind_reply(coach: Coach) -> None:
    """A friendly reply leaves nothing to fix."""
    thread = Thread(coach)
    thread.agent("I can see why this is frustrating, I'm on it.")
    hint = thread.customer()
    assert hint is not None and hint.slip_fix is None


# --- anti-fatigue -----------------------------------------------------------------------------


def test_snooze_suppresses_hints(coach: Coach) -> None:
    """A snoozed agent gets nothing, and the snoozed message uses up no budget."""
    thread = Thread(coach)
    assert thread.customer(Level.ANGRY, snoozed=True) is None
    assert thread.state.shown == ()
    assert thread.customer(Level.ANGRY) is not None


def test_cooldown_suppresses_then_expires(coach: Coach) -> None:
    """Within the cooldown no second hint; once it has passed, hints resume."""
    cooldown = BOOK.policy.cooldown_s
    thread = Thread(coach)
    assert thread.customer(wait=0) is not None
    assert thread.customer(wait=cooldown - 1) is None
    assert thread.customer(wait=1) is not None


def test_an_agent_reply_since_the_last_hint_ends_the_cooldown(coach: Coach) -> None:
    """The cooldown stops a burst inside one round. Once the agent has replied since the hint
    and the customer is still upset, the next step is whispered even a minute later (a thread
    can move that fast); the same hint is never repeated."""
    cooldown = BOOK.policy.cooldown_s
    thread = Thread(coach)
    first = thread.customer(wait=0)
    assert first is not None
    assert thread.customer(wait=cooldown / 3) is None  # the customer again, no reply between
    thread.agent("We are looking into it.")
    second = thread.customer(wait=cooldown / 3)
    assert second is not None and second.id != first.id


def test_a_held_reading_is_not_confirmed_by_a_message_that_settles_it(coach: Coach) -> None:
    """A borderline reading waits for the next customer message; "that'd be it, works now"
    does not confirm it, even while the score still carries the thread's earlier heat."""
    resolved = (Signal("calm.resolved", "says it works now", "that'd be it", -0.1),)
    for signals, expect_hint in (((), True), (resolved, False)):
        thread = Thread(coach)
        assert thread.customer(margin=0.1, trend=Trend.STEADY) is None  # held
        hint = thread.customer(Level.UNEASY, Trend.STEADY, margin=-0.1, signals=signals)
        assert (hint is not None) is expect_hint


def test_no_hint_while_the_agent_has_answered_since(coach: Coach) -> None:
    """If the agent replied after this customer message, the whisper would be stale: none."""
    state = coach.start()
    late = make_assessment(0, 0, Level.ANGRY, Trend.RISING)
    state = coach.observe_agent(state, Turn(Role.AGENT, "On it.", 5.0))
    state, hint = coach.advise(state, late, 2_000.0)
    assert hint is None
    answered = make_assessment(2, 1, Level.ANGRY, Trend.RISING)
    state, hint = coach.advise(state, answered, 2_001.0)
    assert hint is not None


def test_language_not_handled_means_no_hint(coach: Coach) -> None:
    """When the engine stayed neutral on an unknown language, the coach stays quiet."""
    angry = make_assessment(0, 0, Level.ANGRY, Trend.RISING)
    neutral = dataclasses.replace(angry, handled_language=False)
    assert coach.advise(coach.start(), angry, 1.0)[1] is not None
    assert coach.advise(coach.start(), neutral, 1.0)[1] is None


# --- seven-step framework ---------------------------------------------------------------------


def test_seven_step_framework_when_chosen(coach: Coach) -> None:
    """A team on the seven-step procedure is coached through its own steps."""
    thread = Thread(coach, "seven_step")
    first = thread.customer()
    assert first is not None and first.step_id == "initial_contact"
    assert first.id.startswith("seven_step.")
    thread.agent("I understand how annoying this is, and I'm sorry.")
    second = thread.customer()
    assert second is not None and second.step_id == "listen_actively"
    thread.agent("Just to make sure I follow: the app crashes at login?")
    third = thread.customer()
    assert third is not None and third.step_id == "de_escalate"
    progress = coach.progress(thread.state)
    assert progress.framework_id == "seven_step"
    assert [m.step_id for m in progress.done] == ["initial_contact", "listen_actively"]


def test_seven_step_escalation_is_only_whispered_on_escalation(coach: Coach) -> None:
    """'Escalate if necessary' appears only when the assessment carries escalation cues."""
    thread = Thread(coach, "seven_step")
    thread.agent("I'm sorry. Just to confirm I have it: the invoice is wrong? Let's sort this out.")
    thread.agent("Here's what I can do: a full credit by Friday.")
    assert thread.customer() is None or thread.hints[-1].step_id != "escalate_if_needed"
    cue = Cue(CueKind.LEGAL, "my lawyer", "mentions a lawyer", turn=thread.turn)
    hint = thread.customer(cues=(cue,), escalate=True)
    assert hint is not None and hint.step_id == "escalate_if_needed"


STILL_WAITING = Signal("wait.still", "still waiting", "any news? that was monday", 0.71)


@pytest.mark.parametrize(
    ("framework", "commit"), [("six_step", "commit_action"), ("seven_step", "provide_solution")]
)
def test_a_commitment_reported_broken_is_due_again(
    coach: Coach, framework: str, commit: str
) -> None:
    """Batch 151: the agent said sorry, promised an answer "today" and then only "following up";
    when the customer says the day came and went, the commitment is the step to take again,
    not a check-in on a fix that never came. A message with no wait or broken promise in it
    leaves the step taken."""
    replies = (
        "Just to make sure I follow: the cover arrived stained? Let's sort this out together.",
        "Sorry to hear that! I'll check with the warehouse and get back to you today.",
        "Just following up on this, apologies.",
    )
    waiting, pushing = Thread(coach, framework), Thread(coach, framework)
    for thread in (waiting, pushing):
        for reply in replies:
            thread.agent(reply)
        assert commit in thread.state.done_ids
    other = pushing.customer(signals=(PUSHBACK,))
    assert other is None or other.step_id != commit
    hint = waiting.customer(signals=(STILL_WAITING,))
    assert hint is not None and hint.step_id == commit, hint
    assert hint.why.endswith("the last commitment did not hold"), hint.why


def test_policy_default_framework(coach: Coach) -> None:
    """start() without a framework uses the policy default (six-step as shipped)."""
    assert coach.start().framework_id == BOOK.policy.framework == "six_step"


# --- progress, reading, state -----------------------------------------------------------------


def test_progress_lists_done_with_turns_and_the_next_step(coach: Coach) -> None:
    """Progress shows steps done with the turn they were taken on, what is missing, what is next."""
    thread = Thread(coach)
    thread.customer(Level.CALM)
    thread.agent("I'm sorry about the delay.")
    progress = coach.progress(thread.state)
    assert [(m.step_id, m.turn) for m in progress.done] == [
        ("listen_acknowledge", 1),
        ("empathize_apologize", 1),
    ]
    assert progress.next_step is not None and progress.next_step.step_id == "clarify_confirm"
    assert "document_learn" in [m.step_id for m in progress.missing]


def test_reading_ignores_budget_cooldown_and_repeats(coach: Coach) -> None:
    """The coach-me reading gives the best hint even when advise() would stay silent."""
    policy = BOOK.policy.model_copy(update={"budget": 0})
    silent = Coach(BOOK.model_copy(update={"policy": policy}))
    state = silent.start()
    assessment = make_assessment(0, 0, Level.ANGRY, Trend.RISING)
    state, hint = silent.advise(state, assessment, 1.0)
    assert hint is None
    reading = silent.reading(state, assessment, 1.0)
    assert reading is not None and reading.step_id == "listen_acknowledge"
    assert silent.reading(state, None, 1.0) is not None


def test_reading_of_a_complete_thread_is_none(coach: Coach) -> None:
    """Nothing left to suggest (and no slip) means no reading hint."""
    state = coach.start()
    for text in AGENT_MOVES.values():
        state = coach.observe_agent(state, Turn(Role.AGENT, text, 1.0))
    assert coach.reading(state, make_assessment(9, 3, Level.ANGRY, Trend.RISING), 5.0) is None


def test_state_round_trips_through_json(coach: Coach) -> None:
    """to_json() is JSON-safe and from_json() rebuilds the same state."""
    thread = Thread(coach)
    thread.customer()
    thread.agent("As I already said, I'm sorry.")
    thread.customer()
    data = json.loads(json.dumps(thread.state.to_json()))
    assert CoachState.from_json(data) == thread.state


def test_state_keeps_no_customer_text(coach: Coach) -> None:
    """Customer words (evidence, topic, wants) never end up in the persisted state."""
    secret = "my card 4111 and my address 12 Elm"
    thread = Thread(coach)
    situation = Situation(ask_topic="refund", ask_count=2, wants=secret)
    thread.customer(situation=situation, signals=(Signal("x", "label", secret, 0.9),))
    assert secret not in json.dumps(thread.state.to_json())


def test_malformed_state_raises_value_error() -> None:
    """A corrupt stored state is reported as ValueError, not a random crash."""
    with pytest.raises(ValueError):
        CoachState.from_json({"done": "nope"})


def _all_assessments() -> Iterator[Assessment]:
    for ctype in (None, *CustomerType):
        for trigger in (None, *Trigger):
            yield make_assessment(
                0,
                0,
                Level.ANGRY,
                Trend.RISING,
                situation=Situation(customer_type=ctype, trigger=trigger, ask_topic="refund"),
            )


def test_every_type_and_trigger_combination_gets_a_first_hint(coach: Coach) -> None:
    """No combination of customer type and trigger leaves the coach without words."""
    for assessment in _all_assessments():
        for framework in BOOK.frameworks:
            _, hint = coach.advise(coach.start(framework), assessment, 1.0)
            assert hint is not None and hint.phrasings


def test_a_very_long_reply_is_still_read_at_both_ends(coach: Coach) -> None:
    """In a long reply, an apology at the start and a timeline at the end both count."""
    text = "I'm so sorry. " + "Details follow. " * 1000 + "I'll update you by 5pm today."
    state = coach.observe_agent(coach.start(), Turn(Role.AGENT, text, 1.0))
    assert {"empathize_apologize", "commit_action"} <= state.done_ids


def test_seven_step_escalation_comes_first_when_cues_fire(coach: Coach) -> None:
    """When the engine says escalate, a seven-step team is told first to bring in a supervisor."""
    thread = Thread(coach, "seven_step")
    cue = Cue(CueKind.LEGAL, "my lawyer", "mentions a lawyer", turn=0)
    hint = thread.customer(Level.ANGRY, cues=(cue,), escalate=True)
    assert hint is not None and hint.step_id == "escalate_if_needed"


def test_a_cue_without_the_engines_escalate_verdict_does_not_push_escalation(coach: Coach) -> None:
    """A churn mention alone does not make the coach tell the agent to escalate."""
    thread = Thread(coach, "seven_step")
    cue = Cue(CueKind.CHURN, "I'll cancel", "mentions cancelling", turn=0)
    hint = thread.customer(Level.ANGRY, cues=(cue,), escalate=False)
    assert hint is not None and hint.step_id == "initial_contact"


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Sorry for the wait!", {"empathize_apologize", "listen_acknowledge"}),
        ("Apologies for the delay on this.", {"empathize_apologize", "listen_acknowledge"}),
        ("I understand, that's really frustrating.", {"listen_acknowledge"}),
        ("Can I get your order number?", {"clarify_confirm"}),
        ("What's your account email?", {"clarify_confirm"}),
        ("Would you like a refund or a replacement?", {"offer_options"}),
        ("I'll get back to you within 24 hours.", {"commit_action"}),
        ("It should arrive by Friday.", {"commit_action"}),
        ("Just following up: is everything working now?", {"follow_up"}),
        ("I'll look into it.", set()),
        ("I don't understand what you mean.", set()),
        ("Okay.", set()),
    ],
)
def test_realistic_replies_tick_the_right_steps(
    coach: Coach, reply: str, expected: set[str]
) -> None:
    """Everyday agent replies are read as the steps they take, and no more."""
    state = coach.observe_agent(coach.start(), Turn(Role.AGENT, reply, 1.0))
    assert set(state.done_ids) == expected


def test_a_message_the_agent_already_answered_waits_for_the_customer_unless_urgent(
    coach: Coach,
) -> None:
    """The thread's first agent joins after the customer opened upset: the reply already answers
    that message, so a clear but not urgent reading waits for how the customer takes the reply;
    anger or a spoken cue is whispered at once."""
    preset = BOOK.policy.preset_for("")
    state = coach.start()
    clear = make_assessment(1, 0, Level.FRUSTRATED, Trend.STEADY, margin=1.5)
    held, severity = coach.decide(state, clear, preset, answered=True)
    assert severity is None and held.deferred == clear.turn
    _, severity = coach.decide(state, clear, preset)
    assert severity is not None, "not yet answered: a clear reading whispers at once"
    angry = make_assessment(1, 0, Level.ANGRY, Trend.STEADY, margin=2.5)
    _, severity = coach.decide(state, angry, preset, answered=True)
    assert severity is not None


def test_a_cue_raised_evenly_still_leaves_the_agent_a_step(coach: Coach) -> None:
    """Batch 198: "I've also sent the details to trading standards" said without heat reads
    calm, but the regulator it brings in is news the agent must act on: a gentle hint. A calm
    reply in a thread whose cue came earlier gets none, and neither does a calm message without
    the engine's escalate verdict."""
    thread = Thread(coach)
    thread.agent("Could you send your order number and a photo of the spring?")
    cue = Cue(CueKind.LEGAL, "sent the details to trading standards", "a regulator", turn=1)
    hint = thread.customer(Level.CALM, Trend.STEADY, cues=(cue,), escalate=True)
    assert hint is not None and hint.severity is Severity.NUDGE
    thread.agent("Thank you, I've passed this to our safety team.")
    assert thread.customer(Level.CALM, Trend.STEADY, cues=(cue,), escalate=True) is None
    quiet = Thread(coach)
    quiet.agent("Could you send your order number?")
    fresh = Cue(CueKind.CHURN, "we'll switch", "mentions leaving", turn=1)
    assert quiet.customer(Level.CALM, Trend.STEADY, cues=(fresh,), escalate=False) is None


def test_asking_for_what_the_customer_already_gave_leaves_the_agent_a_step(coach: Coach) -> None:
    """Batches 243-246: the agent asks for the lot number given in the first message and the
    customer gives it back flatly ("24-118, as above"): however calm or uneasy the reading, the
    agent did not read the thread, and a lead would say so (a gentle hint). The same reading
    without that slip gets none."""
    for level in (Level.CALM, Level.UNEASY):
        thread = Thread(coach)
        thread.agent("Of course, could you let me know the lot number?")
        reading = make_assessment(thread.turn, 0, level, Trend.STEADY)
        _, hint = coach.advise(
            thread.state, dataclasses.replace(reading, agent_asked_given=True), thread.now + 600
        )
        assert hint is not None and hint.severity is Severity.NUDGE
        assert coach.advise(thread.state, reading, thread.now + 600)[1] is None


def test_a_reply_that_played_an_alarm_down_leaves_the_agent_a_step(coach: Coach) -> None:
    """Batches 208-217: someone else's records reported, a supervisor pinged, and the agent says
    "You can just delete that PDF" or "probably a display glitch": however evenly the customer
    answers, the agent has a step to take (a gentle hint). The same calm answer after a reply
    that did not play it down, or in a thread no supervisor was called to, gets none."""
    thread = Thread(coach)
    thread.agent("You can just delete that PDF and I'll regenerate your report.")
    calm = make_assessment(thread.turn, 0, Level.CALM, Trend.STEADY, escalate=True)
    _, hint = coach.advise(
        thread.state, dataclasses.replace(calm, agent_minimised=True), thread.now + 600
    )
    assert hint is not None and hint.severity is Severity.NUDGE
    _, none = coach.advise(thread.state, calm, thread.now + 600)
    assert none is None
    no_alarm = dataclasses.replace(calm, escalate=False, agent_minimised=True)
    assert coach.advise(thread.state, no_alarm, thread.now + 600)[1] is None


def test_a_borderline_frustration_after_a_slip_a_calm_reading_would_be_coached_on_is_not_held(
    coach: Coach,
) -> None:
    """Batches 303-306: someone else's manuscript reported, a supervisor pinged, the agent
    answers "clear your cache", and the customer pushes back just over the frustrated cut ("It
    isn't my cache. ... I need to know today whether someone else has it."). A calm reading there
    gets a gentle hint; a frustrated one must not be held for the next message, which may never
    come. The same borderline reading with no such slip is still held."""
    thread = Thread(coach)
    thread.customer(Level.CALM, Trend.STEADY)
    thread.agent("That's odd! It could be an old file in your browser cache.")
    borderline = make_assessment(
        thread.turn, thread.customer_turn, Level.FRUSTRATED, Trend.RISING, margin=0.05
    )
    shrugged = dataclasses.replace(borderline, escalate=True, agent_minimised=True)
    _, hint = coach.advise(thread.state, shrugged, thread.now + 600)
    assert hint is not None and hint.severity is Severity.URGENT
    reread = dataclasses.replace(borderline, agent_asked_given=True)
    _, hint = coach.advise(thread.state, reread, thread.now + 600)
    assert hint is not None
    assert coach.advise(thread.state, borderline, thread.now + 600)[1] is None
