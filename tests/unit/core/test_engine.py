"""The frustration engine, pinned on small hand-written threads (no eval data needed)."""

from __future__ import annotations

import json
import shutil
from functools import lru_cache
from pathlib import Path

import pytest

from bot.core.engine import EngineState, FrustrationEngine
from bot.core.models import (
    Assessment,
    CueKind,
    CustomerType,
    Level,
    RequestKind,
    Role,
    Trend,
    Trigger,
    Turn,
)
from phrasebook.detection import DEFAULT_FOLDER, DetectionRules, load_detection
from phrasebook.loader import PhrasebookError

C, A = Role.CUSTOMER, Role.AGENT


@lru_cache(maxsize=1)
def engine() -> FrustrationEngine:
    return FrustrationEngine(load_detection())


def read_thread(*turns: tuple[Role, str], ts: list[float] | None = None) -> list[Assessment]:
    """Assessments of the customer turns of a thread read in order."""
    eng = engine()
    state = eng.start()
    out: list[Assessment] = []
    for i, (role, text) in enumerate(turns):
        state, a = eng.read(state, Turn(role, text, ts[i] if ts else 0.0))
        if a is not None:
            out.append(a)
    return out


def last(*turns: tuple[Role, str]) -> Assessment:
    return read_thread(*turns)[-1]


def signal_ids(a: Assessment) -> set[str]:
    return {s.id for s in a.signals}


def cue_kinds(a: Assessment) -> set[CueKind]:
    return {c.kind for c in a.cues}


# ---- rules as data ---------------------------------------------------------------------------


def test_shipped_detection_rules_load_and_validate() -> None:
    rules = load_detection()
    assert isinstance(rules, DetectionRules)
    assert rules.lexicon.signals and rules.cues.cues and rules.agent.rules
    assert rules.tuning.thresholds.uneasy < rules.tuning.thresholds.frustrated
    assert rules.tuning.thresholds.frustrated < rules.tuning.thresholds.angry


def _copy_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "detection"
    shutil.copytree(DEFAULT_FOLDER, folder)
    return folder


def test_malformed_tuning_value_raises_with_file_and_line(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "tuning.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = next(i for i, line in enumerate(lines) if line.strip().startswith("caps:"))
    lines[bad] = "  caps: very high"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PhrasebookError) as err:
        load_detection(folder)
    assert err.value.path.endswith("tuning.yaml")
    assert err.value.line == bad + 1
    assert "caps" in err.value.problem


def test_invalid_regex_in_lexicon_raises_phrasebook_error(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "lexicon.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"worst|', '"(worst|', 1), encoding="utf-8")
    with pytest.raises(PhrasebookError) as err:
        load_detection(folder)
    assert err.value.path.endswith("lexicon.yaml")
    assert err.value.line is not None
    assert "bad pattern" in err.value.problem


def test_unknown_key_is_rejected(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "agent.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "surprise: 1\n", encoding="utf-8")
    with pytest.raises(PhrasebookError) as err:
        load_detection(folder)
    assert err.value.path.endswith("agent.yaml")
    assert "surprise" in err.value.problem


# ---- the read contract -----------------------------------------------------------------------


def test_agent_turns_return_none_and_customer_turns_an_assessment() -> None:
    eng = engine()
    state = eng.start()
    state, first = eng.read(state, Turn(A, "Hi, how can I help?", 0.0))
    assert first is None
    state, second = eng.read(state, Turn(C, "My order is late.", 0.0))
    assert second is not None
    assert second.turn == 1 and second.customer_turn == 0
    assert 0.0 <= second.score <= 1.0


def test_calm_question_is_calm() -> None:
    a = last((C, "Hi, could you tell me when the store opens on Sunday?"))
    assert a.level is Level.CALM and not a.frustrated and not a.escalate


def test_read_does_not_mutate_the_given_state() -> None:
    eng = engine()
    state = eng.start()
    before = json.dumps(state.to_json(), sort_keys=True)
    eng.read(state, Turn(C, "This is the third time I ask, still broken!!", 0.0))
    assert json.dumps(state.to_json(), sort_keys=True) == before


# ---- signals beyond polarity -----------------------------------------------------------------


def test_third_time_and_again_are_repeat_signals() -> None:
    plain = last((C, "My router drops the connection."))
    again = last((C, "Third time asking: my router drops the connection again."))
    assert "repeat.again" in signal_ids(again)
    assert again.score > plain.score


def test_the_same_ask_repeated_is_read_from_context() -> None:
    ask = "Can you tell me where my replacement card is and when it ships?"
    turns = read_thread((C, ask), (A, "Let me look into that."), (C, ask))
    assert "repeat.same_ask" in signal_ids(turns[1])
    assert turns[1].score > turns[0].score


def test_waiting_and_broken_promises_raise_the_score() -> None:
    calm = last((C, "When is my delivery due?"))
    waited = last((C, "Still waiting for my delivery, you promised it would be here on Monday."))
    assert {"wait.delay", "wait.promise"} <= signal_ids(waited)
    assert waited.frustrated and waited.score > calm.score


def test_unmet_expectation_signal() -> None:
    a = last((C, "I got the wrong item and you charged me twice."))
    assert "unmet.expectation" in signal_ids(a)
    assert a.frustrated


def test_sarcasm_reads_as_frustration_not_praise() -> None:
    a = last((C, "Great, another week of waiting. Thanks for nothing."))
    assert "sarcasm.fake_praise" in signal_ids(a)
    assert a.frustrated


def test_praise_inside_a_complaint_is_not_counted_as_calming() -> None:
    a = last((C, "Still broken after three calls, brilliant support, thanks."))
    assert [s.id for s in a.signals].count("sarcasm.mixed") == 1
    assert not {"positive.thanks", "positive.gratitude"} & signal_ids(a)


def test_all_caps_and_punctuation_bursts_add_heat() -> None:
    quiet = last((C, "why is the app not loading"))
    loud = last((C, "WHY IS THE APP NOT LOADING?!?!"))
    assert {"shape.caps", "shape.burst"} <= signal_ids(loud)
    assert loud.score > quiet.score


def test_a_much_longer_message_than_before_adds_heat() -> None:
    long = (
        "I have explained this already, the invoice lists a plan I never ordered and the "
        "amount does not match what your colleague quoted on the phone last week. "
    ) * 3
    turns = read_thread((C, "Invoice is wrong."), (A, "Could you tell me more?"), (C, long))
    assert "shape.longer" in signal_ids(turns[1])


def test_writing_again_quickly_before_any_reply_is_a_pace_signal() -> None:
    turns = read_thread(
        (C, "Is anyone there?"), (C, "Hello? I need an answer."), ts=[1000.0, 1030.0]
    )
    assert "pace.double_text" in signal_ids(turns[1])


def test_a_calm_customer_message_after_a_slow_gap_is_not_a_pace_signal() -> None:
    turns = read_thread(
        (C, "Is anyone there?"), (C, "Hello? I need an answer."), ts=[1000.0, 9000.0]
    )
    assert "pace.double_text" not in signal_ids(turns[1])


def test_agent_apology_or_fix_cools_and_canned_or_defensive_heats() -> None:
    follow = "ok so what happens with my order now"
    opener = (C, "My order arrived damaged.")
    fixed = read_thread(
        opener, (A, "I'm so sorry. I have refunded the order in full."), (C, follow)
    )[-1]
    canned = read_thread(
        opener, (A, "We apologize for any inconvenience. Please DM us."), (C, follow)
    )[-1]
    defensive = read_thread(opener, (A, "As I said, there is nothing we can do."), (C, follow))[-1]
    assert "agent.fix" in signal_ids(fixed)
    assert "agent.canned" in signal_ids(canned)
    assert "agent.defensive" in signal_ids(defensive)
    assert fixed.score < canned.score < defensive.score


def test_an_apology_that_reports_failure_does_not_cool() -> None:
    turns = read_thread(
        (C, "Book a table for two tonight."),
        (A, "I'm sorry, there are no tables available tonight."),
        (C, "Then try tomorrow at eight."),
    )
    ids = signal_ids(turns[-1])
    assert "agent.failed" in ids and "agent.apology" not in ids


def test_polite_corrections_read_as_dissatisfaction() -> None:
    calm = last((A, "Shall I book the 9:00 train?"), (C, "Yes, the 9:00 train is fine."))
    correction = last(
        (A, "Shall I book the 9:00 train?"),
        (C, "No, I said the 11:00 train, that's not what I asked."),
    )
    assert "correction.no" in signal_ids(correction)
    assert correction.score > calm.score


def test_no_thanks_is_a_closing_not_a_correction() -> None:
    a = last((A, "Anything else I can do?"), (C, "No, thanks, that's all."))
    assert "correction.no" not in signal_ids(a)
    assert a.level is Level.CALM


def test_every_signal_carries_a_short_evidence_and_label() -> None:
    a = last((C, "This is the worst service, still waiting after 3 weeks!!"))
    assert a.signals
    for s in a.signals:
        assert len(s.evidence) <= 80 and s.label
    assert "worst" in a.explain()


# ---- trend, heat and tipped_by ---------------------------------------------------------------


def test_trend_rises_then_cools() -> None:
    turns = read_thread(
        (C, "Hi, my parcel has not arrived yet."),
        (A, "Let me check."),
        (C, "Still nothing, this is ridiculous, third time I'm asking!!"),
        (A, "I'm sorry. I have sent a replacement with next-day delivery, tracking 123."),
        (C, "Thank you, that is great, much appreciated."),
    )
    assert turns[1].trend is Trend.RISING
    assert turns[2].trend is Trend.COOLING
    assert turns[1].heat > turns[0].heat > 0


def test_tipped_by_points_at_the_message_that_changed_the_level() -> None:
    turns = read_thread(
        (C, "Hello, question about my bill."),
        (A, "Sure, what is it?"),
        (C, "You charged me twice and nobody answers, this is unacceptable!"),
        (A, "Looking into it."),
        (C, "Ok."),
    )
    assert turns[0].tipped_by is None or turns[0].tipped_by == 0
    assert turns[1].level in (Level.FRUSTRATED, Level.ANGRY)
    assert turns[1].tipped_by == 2
    assert turns[2].tipped_by == 4 if turns[2].level is not turns[1].level else 2


# ---- online-ness and state -------------------------------------------------------------------

THREAD = [
    (C, "My internet keeps dropping."),
    (A, "Have you tried restarting the router?"),
    (C, "Yes, three times already. Still dropping!"),
    (A, "Sorry to hear that. I have booked an engineer for tomorrow morning."),
    (C, "Fine. I want a refund of 40 pounds for the week without service."),
    (A, "I can offer a credit."),
    (C, "No, I said a refund. Let me speak to your supervisor."),
]


def test_appending_later_turns_never_changes_earlier_assessments() -> None:
    full = read_thread(*THREAD)
    for cut in range(1, len(THREAD)):
        prefix = read_thread(*THREAD[:cut])
        assert full[: len(prefix)] == prefix


def test_state_json_round_trip_continues_identically() -> None:
    eng = engine()
    state = eng.start()
    for role, text in THREAD[:4]:
        state, _ = eng.read(state, Turn(role, text, 0.0))
    restored = EngineState.from_json(json.loads(json.dumps(state.to_json())))
    assert restored.to_json() == state.to_json()
    for role, text in THREAD[4:]:
        state, a1 = eng.read(state, Turn(role, text, 0.0))
        restored, a2 = eng.read(restored, Turn(role, text, 0.0))
        assert a1 == a2


def test_state_json_holds_no_message_text() -> None:
    secret = "Zanzibarquux my account number is 99887766 and my address is 12 Elmwood Lane"
    eng = engine()
    state = eng.start()
    for role, text in [(C, secret), (A, "Thanks, checking."), (C, "ok thanks")]:
        state, _ = eng.read(state, Turn(role, text, 0.0))
    dumped = json.dumps(state.to_json()).lower()
    for word in ("zanzibarquux", "99887766", "elmwood"):
        assert word not in dumped


def test_state_stays_bounded_as_the_thread_grows() -> None:
    eng = engine()
    state = eng.start()
    sizes = {}
    for i in range(200):
        role = C if i % 2 == 0 else A
        text = f"message {i}: the {['modem', 'invoice', 'parcel', 'app'][i % 4]} is still broken"
        state, _ = eng.read(state, Turn(role, text, float(i)))
        if i in (19, 199):
            sizes[i] = len(json.dumps(state.to_json()))
    assert sizes[199] <= sizes[19] * 1.5


# ---- situation -------------------------------------------------------------------------------


def test_ask_topic_is_counted_across_messages() -> None:
    turns = read_thread(
        (C, "Where is my refund?"),
        (A, "Checking."),
        (C, "Any news on the refund?"),
        (A, "Still checking."),
        (C, "It is the third time I ask about my refund."),
    )
    sit = turns[-1].situation
    assert sit.ask_topic == "refund status" and sit.ask_count == 3
    assert sit.wants


def test_customer_types_are_read_with_evidence() -> None:
    cases = {
        CustomerType.INDIGNANT: "This is unacceptable and frankly a disgrace.",
        CustomerType.DEMANDING: "I demand this is fixed immediately, today, it is urgent!",
        CustomerType.CHRONIC_COMPLAINER: "Every single time I order, it is broken. Yet again!",
        CustomerType.UNINFORMED: "I don't understand this bill at all, it is so frustrating.",
    }
    for ctype, text in cases.items():
        sit = last((C, text)).situation
        assert sit.customer_type is ctype, text
        assert sit.customer_type_evidence


def test_triggers_are_read_with_evidence() -> None:
    cases = {
        Trigger.PERCEIVED_NEGLIGENCE: "I have been ignored for a week, nobody answers my emails!",
        Trigger.UNMET_EXPECTATIONS: "You promised next-day delivery and it is late, not working.",
        Trigger.LACK_OF_INFORMATION: "No update for days, what's going on with my order??",
    }
    for trigger, text in cases.items():
        sit = last((C, text)).situation
        assert sit.trigger is trigger, text
        assert sit.trigger_evidence


# ---- escalation cues and their look-alikes ---------------------------------------------------


def test_threat_or_abuse_is_a_cue_and_escalates() -> None:
    a = last((C, "You are useless idiots, I'll find you and hurt you."))
    assert CueKind.THREAT_ABUSE in cue_kinds(a)
    assert a.escalate


def test_legal_threat_is_a_cue() -> None:
    a = last((C, "Fix this today or I will take you to court and report you to the regulator."))
    assert CueKind.LEGAL in cue_kinds(a)
    cue = next(c for c in a.cues if c.kind is CueKind.LEGAL)
    assert "court" in cue.evidence and cue.why and cue.turn == 0


def test_quoted_legal_text_in_a_contract_question_is_not_a_legal_cue() -> None:
    a = last(
        (
            C,
            'Clause 7 says "the provider may take legal action for late payment". '
            "What does that mean for me?",
        )
    )
    assert CueKind.LEGAL not in cue_kinds(a)


def test_angry_cancel_is_a_churn_cue_but_a_calm_cancel_is_not() -> None:
    angry = last(
        (
            C,
            "This is ridiculous, third outage this week. Cancel my account, "
            "I'm switching to another provider!",
        )
    )
    calm = last((C, "Please cancel order #123, thanks."))
    assert CueKind.CHURN in cue_kinds(angry)
    assert CueKind.CHURN not in cue_kinds(calm)
    assert not calm.escalate


def test_outrage_is_a_cue() -> None:
    a = last((C, "This is absolutely unacceptable, the worst service I have ever had."))
    assert CueKind.OUTRAGE in cue_kinds(a)


def test_manager_request_is_a_cue_but_my_manager_asked_is_not() -> None:
    ask = last((C, "Let me speak to your manager."))
    mention = last((C, "My manager asked me to check the invoice dates."))
    assert CueKind.MANAGER_REQUEST in cue_kinds(ask) and ask.escalate
    assert CueKind.MANAGER_REQUEST not in cue_kinds(mention) and not mention.escalate


def test_stalemate_when_the_same_ask_repeats_while_frustration_stays_high() -> None:
    turns = read_thread(
        (C, "My refund has not arrived, this is ridiculous."),
        (A, "Refunds take 5-10 days."),
        (C, "I already told you it has been three weeks! Where is my refund?"),
        (A, "Refunds take 5-10 days."),
        (C, "Again: where is my refund?? Still nothing, this is useless."),
    )
    assert CueKind.STALEMATE in cue_kinds(turns[-1])
    assert turns[-1].escalate


def test_i_already_told_you_is_a_stalemate_cue() -> None:
    a = last((C, "I already told you my account number twice."))
    assert CueKind.STALEMATE in cue_kinds(a)


def test_requests_carry_amount_and_currency_and_flag_a_beyond_authority_candidate() -> None:
    a = last((C, "I want a refund of $250 and some compensation for the wasted day."))
    kinds = {r.kind for r in a.requests}
    assert {RequestKind.REFUND, RequestKind.COMPENSATION} <= kinds
    refund = next(r for r in a.requests if r.kind is RequestKind.REFUND)
    assert refund.amount == 250.0 and refund.currency == "USD"
    assert CueKind.BEYOND_AUTHORITY in cue_kinds(a)
    assert "refund" in a.situation.wants


def test_pounds_and_euros_are_recognised() -> None:
    gbp = last((C, "Please refund the 40 pounds."))
    eur = last((C, "I expect a discount of €15."))
    assert gbp.requests[0].amount == 40.0 and gbp.requests[0].currency == "GBP"
    assert eur.requests[0].kind is RequestKind.DISCOUNT and eur.requests[0].currency == "EUR"


def test_a_calm_thread_does_not_escalate() -> None:
    turns = read_thread(
        (C, "Hi, can I change my delivery address?"),
        (A, "Of course, what is the new address?"),
        (C, "Flat 2, 10 High Street. Thanks!"),
    )
    assert not any(t.escalate for t in turns)
    assert not any(t.cues for t in turns)


def test_churn_phrasings_in_anger_are_cues() -> None:
    for text in (
        "This is the last straw, nobody cares. We are cancelling our subscription.",
        "Three failures this week, useless. We're moving to your competitor.",
    ):
        assert CueKind.CHURN in cue_kinds(last((C, text))), text


def test_a_corrupt_learned_model_file_raises_phrasebook_error(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    (folder / "learned.json").write_text('{"buckets": 8, "bias": 0.0, "weights": {"99": 1.0}}')
    with pytest.raises(PhrasebookError) as err:
        FrustrationEngine(load_detection(folder))
    assert err.value.path.endswith("learned.json")
    (folder / "learned.json").write_text("{not json")
    with pytest.raises(PhrasebookError):
        FrustrationEngine(load_detection(folder))


def test_cue_look_alikes_stay_quiet() -> None:
    """Hot words without the situation: no outrage, stalemate or manager cue."""
    cases = {
        CueKind.OUTRAGE: "Quick one: is it unacceptable to send the form twice? Just checking.",
        CueKind.STALEMATE: "I already told my colleague about the new plan, thanks for the help!",
        CueKind.MANAGER_REQUEST: "Our team manager will join the call tomorrow, is 10am fine?",
    }
    for kind, text in cases.items():
        assert kind not in cue_kinds(last((C, text))), text


def test_a_serious_but_polite_complaint_is_frustrated_not_angry() -> None:
    """A high score alone does not make anger: angry needs heated words, caps, bursts or a cue."""
    polite = last(
        (
            Role.CUSTOMER,
            "Hi, we were charged twice for the March invoice. Our account "
            "still shows both payments. Can you refund the duplicate charge?",
        )
    )
    assert polite.level in (Level.UNEASY, Level.FRUSTRATED)
    shouted = last((Role.CUSTOMER, "CHARGED TWICE AGAIN??? This is the worst service ever!!!"))
    assert shouted.level is Level.ANGRY
