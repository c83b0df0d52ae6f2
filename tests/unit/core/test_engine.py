"""The frustration engine, specified on small hand-written threads (no eval data needed).

The engine reads one message at a time: a pipeline of named steps turns the message and its
thread into named features, a learned logistic combiner turns those into a probability, cut
points into a level. These tests pin behaviour a support lead would recognise, not weights.
"""

from __future__ import annotations

import json
import shutil
from functools import lru_cache
from pathlib import Path

import pytest

from bot.core import features as F
from bot.core.engine import EngineState, FrustrationEngine, logit
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
from phrasebook.models import load_engine

C, A = Role.CUSTOMER, Role.AGENT


@lru_cache(maxsize=1)
def engine() -> FrustrationEngine:
    return load_engine()


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


def features_of(*turns: tuple[Role, str]) -> set[str]:
    """The features of the last customer message of a thread (before the combiner)."""
    eng = engine()
    state = eng.start()
    *before, (_, text) = turns
    for role, said in before:
        state, _ = eng.read(state, Turn(role, said, 0.0))
    return set(eng.features(state, Turn(C, text, 0.0)).features.values)


def cue_kinds(a: Assessment) -> set[CueKind]:
    return {c.kind for c in a.cues}


# ---- rules as data -------------------------------------------------------------------------


def test_shipped_detection_rules_load_and_validate() -> None:
    rules = load_detection()
    assert isinstance(rules, DetectionRules)
    assert rules.lexicon.signals and rules.cues.cues and rules.agent.rules
    cuts = rules.combiner.cuts
    assert cuts.uneasy < cuts.frustrated < cuts.angry
    assert len(rules.combiner.weights) + len(rules.combiner.priors) <= 100
    assert set(rules.combiner.weights) <= rules.feature_ids()


def _copy_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "detection"
    shutil.copytree(DEFAULT_FOLDER, folder)
    return folder


@pytest.mark.parametrize(
    ("file", "key", "entry", "named"),
    [
        # a combiner weight, and a tuning list, naming a feature no rule produces
        (
            "combiner.yaml",
            "weights:\n",
            "  made.up: 1.0\n",
            "combiner names unknown features: made.up",
        ),
        (
            "tuning.yaml",
            "grievance:\n",
            "  - problm.\n",
            "tuning.yaml names unknown features: problm.",
        ),
    ],
)
def test_a_feature_nobody_produces_is_refused(
    tmp_path: Path, file: str, key: str, entry: str, named: str
) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(key, key + entry, 1), "utf-8")
    with pytest.raises(PhrasebookError) as err:
        load_detection(folder)
    assert named in err.value.problem, err.value.problem


def test_cut_points_out_of_order_raise_with_file_and_line(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "combiner.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("angry:"))
    lines[at] = "  angry: 0.01"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PhrasebookError) as err:
        load_detection(folder)
    assert err.value.path.endswith("combiner.yaml") and "cuts must rise" in err.value.problem


def _lexicon_led_by(tmp_path: Path, text: str) -> Path:
    """A copy of the shipped rules whose first lexicon pattern starts with `text` (written into
    a double-quoted YAML string as it stands)."""
    folder = _copy_rules(tmp_path)
    path = folder / "lexicon.yaml"
    lexicon = path.read_text(encoding="utf-8")
    path.write_text(lexicon.replace('"worst|', f'"{text}worst|', 1), encoding="utf-8")
    return folder


def test_invalid_regex_in_lexicon_raises_phrasebook_error(tmp_path: Path) -> None:
    with pytest.raises(PhrasebookError) as err:
        load_detection(_lexicon_led_by(tmp_path, "("))
    assert err.value.path.endswith("lexicon.yaml")
    assert err.value.line is not None and "bad pattern" in err.value.problem


@pytest.mark.parametrize(
    "dead",
    [
        "offer you (?:a |half)",  # the "a " branch needs a space right before the boundary
        "how many more ",
        "(?:than|then) (?:\\\\w+ )?",
        "since (?:yesterday|\\\\d)",  # "since 12th" never matches a lone digit
    ],
)
def test_a_pattern_branch_that_ends_on_a_space_is_refused(tmp_path: Path, dead: str) -> None:
    # patterns are matched with a word boundary after them: a branch ending on a space, or on
    # one digit where a number goes, never matches; a rule that looks present but is dead is
    # worse than none
    with pytest.raises(PhrasebookError) as err:
        load_detection(_lexicon_led_by(tmp_path, dead + "|"))
    assert err.value.path.endswith("lexicon.yaml") and "ends on" in err.value.problem


def test_a_yaml_escape_that_lost_its_backslash_is_refused(tmp_path: Path) -> None:
    # "\\b" in a double-quoted YAML string is a backspace: the pattern would silently never match
    with pytest.raises(PhrasebookError) as err:
        load_detection(_lexicon_led_by(tmp_path, "worst\\b|"))
    assert "control character" in err.value.problem


def test_a_space_inside_a_pattern_or_in_a_lookaround_is_fine(tmp_path: Path) -> None:
    fine = (
        "(?<=not )offer you (?:an? \\\\w+|half)(?= now)|how many more times|since \\\\d[\\\\d,]*|"
    )
    assert load_detection(_lexicon_led_by(tmp_path, fine)) is not None


def test_unknown_key_is_rejected(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "agent.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "surprise: 1\n", encoding="utf-8")
    with pytest.raises(PhrasebookError) as err:
        load_detection(folder)
    assert err.value.path.endswith("agent.yaml") and "surprise" in err.value.problem


def test_a_corrupt_tone_model_file_raises_phrasebook_error(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    (folder / "tone_words.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PhrasebookError) as err:
        load_engine(load_detection(folder))
    assert err.value.path.endswith("tone_words.json")


def test_every_family_has_a_direction_and_weights_respect_it() -> None:
    """A learned weight never contradicts what a family means (a thanks cannot add heat)."""
    rules = load_detection()
    directions = rules.directions()
    for name, weight in rules.combiner.weights.items():
        assert directions.get(name, 0) * weight >= 0, name


# ---- the read contract -----------------------------------------------------------------------


def test_agent_turns_return_none_and_customer_turns_an_assessment() -> None:
    eng = engine()
    state = eng.start()
    state, first = eng.read(state, Turn(A, "Hi, how can I help?", 0.0))
    assert first is None
    state, second = eng.read(state, Turn(C, "My order is late.", 0.0))
    assert second is not None
    assert second.turn == 1 and second.customer_turn == 0 and 0.0 <= second.score <= 1.0


def test_read_does_not_mutate_the_given_state() -> None:
    eng = engine()
    state = eng.start()
    before = json.dumps(state.to_json(), sort_keys=True)
    eng.read(state, Turn(C, "This is the third time I ask, still broken!!", 0.0))
    assert json.dumps(state.to_json(), sort_keys=True) == before


def test_the_margin_says_how_far_the_score_is_from_the_frustrated_cut() -> None:
    a = last((C, "This is the third time I ask and it is STILL broken!! Unacceptable."))
    cut = load_detection().combiner.cuts.frustrated
    assert a.margin == pytest.approx(logit(a.score) - logit(cut), abs=0.01)


# ---- levels a support lead would agree with ---------------------------------------------------


def test_a_calm_question_is_calm() -> None:
    a = last((C, "Hi, could you tell me when the store opens on Sunday?"))
    assert a.level is Level.CALM and not a.frustrated and not a.escalate


@pytest.mark.parametrize(
    "opener",
    [
        "Hi, my invoice shows the wrong VAT number. Can you fix it?",
        "Hello team, the CSV export has been failing since this morning. Could you take a look?",
        "Hi! Our webhook returns 401 after we rotated the key. Any idea what we missed? Thanks",
    ],
)
def test_a_polite_problem_report_is_calm_or_uneasy_never_frustrated(opener: str) -> None:
    a = last((C, opener))
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()
    assert not a.frustrated and not a.escalate


def test_a_blunt_complaint_with_heat_is_frustrated_and_a_furious_one_angry() -> None:
    blunt = last((C, "Still no refund after three weeks. This is getting ridiculous."))
    furious = last((C, "This is the THIRD time I'm asking!! Absolutely useless, I am furious."))
    assert blunt.frustrated and blunt.level in (Level.FRUSTRATED, Level.ANGRY)
    # the angry cut sits 2 log-odds over the frustrated one (kept where the check split's false
    # escalations stay under 10 %): a furious message reads at or just under it, heated
    assert furious.heated and furious.margin >= 1.8 > blunt.margin


def test_a_serious_but_polite_complaint_is_frustrated_not_angry() -> None:
    a = last(
        (C, "Our payroll run failed and 40 people were not paid today."),
        (A, "I'm looking into it."),
        (C, "Please treat this as urgent, we still can't pay anyone and it has been a day."),
    )
    assert a.level is not Level.ANGRY


def test_the_trend_rises_when_the_score_rises() -> None:
    """0.79 -> 0.95 -> 1.00 is rising, not "steady" (trend is read in log-odds)."""
    eng = engine()
    state = EngineState(customer_turns=1, last_logit=logit(0.79), last_role="agent")
    z = logit(0.95)
    assert eng.trend_of(state, z) is Trend.RISING
    assert eng.trend_of(EngineState(last_logit=z), logit(0.999)) is Trend.RISING
    assert eng.trend_of(EngineState(last_logit=z), logit(0.6)) is Trend.COOLING


def test_trend_rises_then_cools_in_a_thread() -> None:
    calm, hot, better = read_thread(
        (C, "Hi, could you check order 1234 for me?"),
        (A, "Sure, give me a minute."),
        (C, "Still nothing?! This is the third time I'm asking. Unacceptable."),
        (A, "I'm so sorry. I've refunded the order and sent a replacement."),
        (C, "Thanks, that works now, appreciate it."),
    )
    assert hot.trend is Trend.RISING and better.trend is Trend.COOLING


def test_tipped_by_points_at_the_message_that_changed_the_level() -> None:
    *_, a = read_thread(
        (C, "Hi, could you check order 1234 for me?"),
        (A, "Sure."),
        (C, "It has been a week and nobody replies. This is ridiculous!!"),
        (A, "Looking."),
        (C, "Still ridiculous and still nothing!!"),
    )
    assert a.tipped_by == 2


# ---- the pipeline's steps --------------------------------------------------------------------


def test_lexicon_families_fire_with_evidence_in_the_customers_casing() -> None:
    a = last((C, "Honestly this is RIDICULOUS, the app keeps crashing."))
    top = {s.id: s for s in a.signals}
    assert "verdict.harsh" in top and top["verdict.harsh"].evidence.lower().count("ridiculous")
    assert "RIDICULOUS" in top["verdict.harsh"].evidence


def test_corrections_only_count_as_answers_to_an_agent() -> None:
    assert "dialog.no" not in features_of((C, "No idea why, but the export stopped."))
    assert "dialog.no" in features_of(
        (C, "Export failed."), (A, "Try again?"), (C, "No, I said it fails.")
    )


def test_friendly_hyperbole_cancels_the_hot_words_it_borrows() -> None:
    feats = features_of((C, "This flaky test is killing our build, any tips?"))
    assert F.HYPERBOLE in feats and "esc.threat" not in feats


def test_sarcasm_takes_the_calm_out_of_praise_and_thanks() -> None:
    feats = features_of((C, "Great, another outage. Thanks a lot."))
    assert "press.sarcasm" in feats and "calm.praise" not in feats and "calm.thanks" not in feats


def test_praise_before_a_but_does_not_talk_the_complaint_down() -> None:
    assert "calm.praise" not in features_of((C, "I love the app but it crashes on every login."))
    assert "calm.praise" in features_of((C, "The new dashboard is great, thanks!"))


def test_no_thanks_is_a_closing_not_a_correction() -> None:
    feats = features_of((C, "I need a hotel."), (A, "Anything else?"), (C, "No, thanks."))
    assert "dialog.no" not in feats


def test_a_blunt_opening_problem_differs_from_a_polite_one() -> None:
    assert F.BLUNT_PROBLEM in features_of((C, "my invoice shows the wrong VAT number"))
    assert F.BLUNT_PROBLEM not in features_of((C, "Hi, my invoice shows the wrong VAT number."))


def test_code_and_logs_are_stripped_before_reading() -> None:
    feats = features_of(
        (C, "Here's the output:\n```\nFATAL: worker killed, everything failed\n```")
    )
    assert F.CODE in feats and "problem.broken" not in feats


def test_the_agents_last_reply_is_context_for_the_next_customer_message() -> None:
    feats = features_of(
        (C, "Where is my refund?"), (A, "Sorry, I couldn't find any refund."), (C, "Why not?")
    )
    assert {"agent.failed", "agent.apology"} <= feats


def test_an_agent_repeating_their_answer_reads_as_the_same_answer() -> None:
    canned = "Refunds take five to ten business days to appear on your statement."
    feats = features_of(
        (C, "Where is my refund?"), (A, canned), (C, "It's been 15 days."), (A, canned), (C, "And?")
    )
    assert F.SAME_ANSWER in feats


def test_tone_models_speak_on_words_and_stay_silent_on_empty_messages() -> None:
    assert {F.TONE_WORDS, F.TONE_EMBED} <= features_of((C, "this is so annoying, I hate it"))
    assert F.TONE_WORDS not in features_of((C, ":tada:"))


def test_a_nudge_before_any_reply_presses_and_a_request_in_pieces_does_not() -> None:
    nudge = read_thread((C, "Hello?"), (C, "Anyone there?"), ts=[1000.0, 1030.0])[-1]
    assert "press.question" in {s.id for s in nudge.signals}
    pieces = read_thread(
        (C, "hi! quick one on order 4410"), (C, "can we add two more mugs?"), ts=[1000.0, 1010.0]
    )[-1]
    assert F.DOUBLE_TEXT not in {s.id for s in pieces.signals}


def test_writing_again_quickly_after_a_reply_is_a_pace_signal() -> None:
    a = read_thread(
        (C, "Our export failed."),
        (A, "Checking."),
        (C, "Any news?"),
        (C, "Hello?"),
        ts=[1000.0, 1010.0, 1020.0, 1050.0],
    )[-1]
    assert F.DOUBLE_TEXT in {s.id for s in a.signals}


# ---- the thread -------------------------------------------------------------------------------


def test_appending_later_turns_never_changes_earlier_assessments() -> None:
    turns = [(C, "Hi, my order is late."), (A, "Checking."), (C, "Any news? It's been a week.")]
    first = read_thread(*turns[:1])[0]
    again = read_thread(*turns)[0]
    assert first == again


def test_state_json_round_trip_continues_identically() -> None:
    eng = engine()
    state = eng.start()
    for role, text in [(C, "My order is late."), (A, "Sorry, checking."), (C, "Still late!!")]:
        state, _ = eng.read(state, Turn(role, text, 0.0))
    restored = EngineState.from_json(json.loads(json.dumps(state.to_json())))
    nxt = Turn(C, "This is the third time I ask, where is it?", 0.0)
    assert eng.read(state, nxt)[1] == eng.read(restored, nxt)[1]


def test_state_json_holds_no_message_text() -> None:
    eng = engine()
    state = eng.start()
    state, _ = eng.read(state, Turn(C, "xylophone-banana-secret order never arrived", 0.0))
    assert "xylophone" not in json.dumps(state.to_json())


def test_state_stays_bounded_as_the_thread_grows() -> None:
    eng = engine()
    state = eng.start()
    sizes = []
    for i in range(200):
        role = C if i % 2 == 0 else A
        state, _ = eng.read(state, Turn(role, f"message number {i} about order {i * 7}", 0.0))
        sizes.append(len(json.dumps(state.to_json())))
    assert sizes[-1] < 3000 and sizes[-1] - sizes[50] < 200


def test_ask_topic_is_counted_across_messages() -> None:
    a = last(
        (C, "Where is my refund?"),
        (A, "Checking."),
        (C, "Any news on the refund?"),
        (A, "Still checking."),
        (C, "Refund. Please."),
    )
    assert a.situation.ask_topic == "refund status" and a.situation.ask_count == 3


def test_customer_types_and_triggers_are_read_with_evidence() -> None:
    a = last((C, "This is unacceptable, I want it fixed today. Nobody even replied to my email."))
    assert a.situation.customer_type in (CustomerType.INDIGNANT, CustomerType.DEMANDING)
    assert a.situation.trigger is Trigger.PERCEIVED_NEGLIGENCE
    assert a.situation.trigger_evidence


# ---- cues ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("If this isn't fixed today our lawyers will be in touch.", CueKind.LEGAL),
        ("I'm filing a complaint with the regulator about this.", CueKind.LEGAL),
        ("I want to speak to your manager, now.", CueKind.MANAGER_REQUEST),
        ("Get me whoever you report to. This has gone on for weeks.", CueKind.MANAGER_REQUEST),
        ("We are cancelling our contract, this is the last straw!", CueKind.CHURN),
        ("Unacceptable. We will not renew and we're moving to another provider.", CueKind.CHURN),
        ("You people are useless idiots.", CueKind.THREAT_ABUSE),
        ("I know where your office is. You'll regret this.", CueKind.THREAT_ABUSE),
        ("I can see another company's invoices in our account.", CueKind.DATA_EXPOSURE),
        (
            "Our salary report was emailed to an external address we don't know.",
            CueKind.DATA_EXPOSURE,
        ),
    ],
)
def test_escalation_cues_are_recognised_by_concept_not_one_phrasing(
    text: str, kind: CueKind
) -> None:
    assert kind in cue_kinds(last((C, text)))


@pytest.mark.parametrize(
    "text",
    [
        "My manager asked me to check the invoice dates for March.",
        "Please cancel order #123, I picked the wrong size.",
        "The legal entity name on the invoice is wrong.",
        "Could you send the terms as a PDF for our lawyers to review?",
        "I'd kill for dark mode.",
        "Can you kill the hung runner for us?",
        "We're renewing for another year, where do I send the PO?",
        "How do I remove another user from our workspace?",
    ],
)
def test_cue_look_alikes_stay_quiet(text: str) -> None:
    assert not cue_kinds(last((C, text))) - {CueKind.BEYOND_AUTHORITY}


def test_quoted_contract_text_is_not_a_legal_threat() -> None:
    a = last((C, 'Clause 9 says "either party may take legal action". Does that apply to us?'))
    assert CueKind.LEGAL not in cue_kinds(a)


def test_a_stalemate_is_the_same_ask_after_replies_that_did_not_move() -> None:
    canned = "Engineering is working on it, we'll update you when we know more."
    *_, a = read_thread(
        (C, "When will the upload timeouts be fixed?"),
        (A, canned),
        (C, "Do you have a date for the fix? This is blocking us."),
        (A, canned),
        (C, "I still need a date. This is getting frustrating."),
        (A, canned),
        (C, "Third time I'm asking: when will it be fixed? This is ridiculous."),
    )
    assert CueKind.STALEMATE in cue_kinds(a)


def test_a_thread_that_gets_answers_is_no_stalemate() -> None:
    *_, a = read_thread(
        (C, "When will the upload timeouts be fixed?"),
        (A, "Do you have the request id?"),
        (C, "req_123. When will it be fixed?"),
        (A, "Could you also send the time it happened?"),
        (C, "10:15 UTC. When will it be fixed?"),
        (A, "I've deployed the fix to your region."),
        (C, "OK, when will it be fixed everywhere?"),
    )
    assert CueKind.STALEMATE not in cue_kinds(a)


def test_requests_carry_amount_and_currency() -> None:
    a = last((C, "I want a refund of $2,400 for the outage."))
    (req,) = a.requests
    assert (req.kind, req.amount, req.currency) == (RequestKind.REFUND, 2400.0, "USD")
    eur = last((C, "Please refund the 120 euros."))
    assert eur.requests[0].currency == "EUR"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Refund the €18k of product that spoiled.", 18_000.0),
        ("We want a refund of $1.2m for the lost contract.", 1_200_000.0),
        ("A refund of 12k EUR, today.", 12_000.0),
        ("Please refund $5 more than last time.", 5.0),
    ],
)
def test_an_amount_in_thousands_or_millions_counts_in_full(text: str, amount: float) -> None:
    (req,) = last((C, text)).requests
    assert req.amount == amount


def test_crediting_the_full_value_or_waiving_a_fee_is_a_request() -> None:
    credit = last((C, "I want the full value credited and the freight waived, €18k."))
    assert {r.kind for r in credit.requests} == {RequestKind.CREDIT, RequestKind.COMPENSATION}
    assert credit.requests[0].amount == 18_000.0
    assert not last((C, "Which fields does the credit card form need?")).requests
    (cover,) = last((C, "The delay was on your side, we expect you to cover the $18,000.")).requests
    assert (cover.kind, cover.amount) == (RequestKind.COMPENSATION, 18_000.0)


def test_an_agent_saying_it_is_not_theirs_to_grant_is_read() -> None:
    a = last(
        (C, "Can we get a credit of $2,700 for the downtime?"),
        (A, "I understand, but I can't approve a credit of that size myself."),
        (C, "OK, who can?"),
    )
    assert a.agent_declined


def test_a_calm_thread_does_not_escalate() -> None:
    *_, a = read_thread(
        (C, "Hi, how do I export my invoices?"),
        (A, "Go to Billing, then Export."),
        (C, "Found it, thanks!"),
    )
    assert not a.escalate and a.level is Level.CALM


def test_an_agent_joking_along_is_not_an_agent_who_failed() -> None:
    engine = load_engine()
    assert "agent.failed" in engine.agent_families("Sorry, that show is sold out.")
    joking = engine.agent_families("Haha tell him it's sold out")
    assert "agent.joking" in joking and "agent.failed" not in joking


def test_saying_it_goes_in_circles_is_a_stalemate_once_the_asks_outnumber_the_answers() -> None:
    """The third ask after two replies that moved nothing is a stalemate when the customer counts
    it and demands a straight answer; after one reply the count is the customer's history
    elsewhere (an email, a call), and after a reply that promised a step of its own or held the
    line ("Our team is looking into it") what is asked is still open: the thread is rising, not
    yet going round."""
    circles = "This is the third time I'm asking about the export. Every answer is copy-paste."
    counted = "Third time I'm asking: will the export be fixed this week, yes or no?"
    two = last(
        (C, "The export fails."),
        (A, "Please clear your cache."),
        (C, "Still failing."),
        (A, "Please try another browser."),
        (C, counted),
    )
    assert CueKind.STALEMATE in cue_kinds(two), two.explain()
    # ... with no straight answer demanded, the count alone waits for a third reply
    said = last(
        (C, "The export fails."),
        (A, "Please clear your cache."),
        (C, "Still failing."),
        (A, "Please try another browser."),
        (C, circles),
    )
    assert CueKind.STALEMATE not in cue_kinds(said) and said.frustrated, said.explain()
    one = last(
        (C, "The export fails. I emailed and rang about it last week."),
        (A, "Please clear your cache."),
        (C, circles),
    )
    assert CueKind.STALEMATE not in cue_kinds(one) and one.frustrated, one.explain()
    planned = last(
        (C, "The export fails."),
        (A, "Please clear your cache."),
        (C, "Still failing."),
        (A, "Sorry about that, I'll chase the export team today."),
        (C, circles),
    )
    assert CueKind.STALEMATE not in cue_kinds(planned), planned.explain()
    held = last(
        (C, "The export fails."),
        (A, "Thanks for letting us know, we'll look into it."),
        (C, "Still failing, any update?"),
        (A, "Thanks for your patience! Our team is looking into it."),
        (C, circles),
    )
    assert CueKind.STALEMATE not in cue_kinds(held), held.explain()
    # "let me check" and then the answer are one answer, not two
    checked_first = last(
        (C, "The export fails. I emailed and rang about it last week."),
        (A, "Let me check."),
        (A, "Please clear your cache."),
        (C, circles),
    )
    assert CueKind.STALEMATE not in cue_kinds(checked_first), checked_first.explain()


def test_answers_are_counted_in_a_saved_state_too() -> None:
    """The count of answers travels with the thread's saved state; a state saved before it was
    kept counts every agent message, as the engine did then."""
    eng = engine()
    state = eng.start()
    for role, text in ((C, "Hi"), (A, "Let me check."), (A, "Found it."), (C, "Thanks")):
        state, _ = eng.read(state, Turn(role, text, 0.0))
    saved = state.to_json()
    assert saved["answers"] == 1
    assert EngineState.from_json(saved).answers == 1
    del saved["answers"]
    assert EngineState.from_json(saved).answers == 2


def test_the_same_reply_had_for_the_third_time_is_the_customer_counting_rounds() -> None:
    """ "That's the third time I've had that exact reply", after three answers that moved
    nothing: the customer says it goes round, as "third time I'm asking" does."""
    said = last(
        (C, "Our invoices stopped syncing to the ledger on Friday. Any idea when it's fixed?"),
        (A, "Thanks, the team is looking into it."),
        (C, "Thanks. Is there an ETA? Month end is on Tuesday."),
        (A, "No ETA yet, the team is looking into it."),
        (C, "It's been three days, I need an ETA or a workaround."),
        (A, "Understood, the team is still looking into it."),
        (C, "That's the third time I've had that exact reply. When will it be fixed?"),
    )
    assert CueKind.STALEMATE in cue_kinds(said), said.explain()


@pytest.mark.parametrize(
    "counted",
    [
        "I've now asked for a delivery day four times and had the same answer back four times.",
        "That's three goes at the same question. Is a courtesy car coming or not?",
        "You keep answering a question I haven't asked. I want the courtesy car, not the part.",
    ],
)
def test_rounds_counted_out_by_the_customer_are_a_stalemate(counted: str) -> None:
    """Batches 197 and 198: the customer counts the rounds ("asked for a date three times and
    had the same line back three times", "three goes at the same question") after three
    answers that moved nothing."""
    said = last(
        (C, "Our van has been in your garage 9 days. The plan promises a courtesy car after 7."),
        (A, "The garage is waiting on the part, ETA next week."),
        (C, "Understood about the part. I'm asking about the courtesy car."),
        (A, "The garage is chasing the part daily."),
        (C, "Courtesy car. Yes or no."),
        (A, "Thanks for your patience, the part should ship early next week."),
        (C, counted),
    )
    assert CueKind.STALEMATE in cue_kinds(said), said.explain()


def test_an_ask_the_agent_cannot_authorise_is_refused_even_with_an_offer_beside_it() -> None:
    """Batch 201: "I'm not able to authorise a refund of that size, but I can arrange collection
    and a replacement" puts the ask above the agent now; a plain no with a counter-offer ("I
    can't refund it, but I can take 50% off") still waits for the customer's answer."""
    eng = load_engine()
    ask = "The syrup crystallised in our tanks. We'd like a full refund for the batch, £6,300."
    above = "I'm not able to authorise a refund of that size, but I can arrange a replacement."
    plain = "I can't refund it, but I can take 50% off your next order."
    for reply, refused in ((above, True), (plain, False)):
        state = eng.start()
        state, _ = eng.read(state, Turn(Role.CUSTOMER, ask, 1.0))
        state, _ = eng.read(state, Turn(Role.AGENT, reply, 2.0))
        assert eng.refused_open_request(state) is refused, (reply, state.last_agent)


def test_an_agent_refusal_is_seen_by_the_next_customer_message() -> None:
    *_, a = read_thread(
        (C, "We lost a whole sales day to the outage. We want service credit for all sites."),
        (A, "I'm sorry. Anything above the SLA schedule needs separate approval."),
        (C, "Then get it approved. Not reviewed, approved, today."),
    )
    assert a.agent_refused and a.agent_declined
    *_, b = read_thread(
        (C, "We lost a whole sales day to the outage. We want service credit for all sites."),
        (A, "I'm sorry. I've applied the credit to all four sites."),
        (C, "Thanks."),
    )
    assert not b.agent_refused


def test_a_plain_cant_of_the_services_holds_no_ask_open_as_an_exception() -> None:
    """ "We're unable to make manual bookings" says what the service does not do, not that the
    ask is above the agent: no exception is held open for a supervisor, however heated the
    customer gets (a refusal that names a rule bypassed still is one)."""
    *_, a = read_thread(
        (C, "The booking page won't take my kids, it says guardian age exceeds maximum."),
        (A, "Unfortunately we're unable to make manual bookings. Please try again later."),
        (C, "Try again later. Great. So I refresh until the class is full. Brilliant system."),
    )
    assert not a.requests and a.agent_refused, a.explain()
    *_, b = read_thread(
        (C, "The booking page won't take my kids, it says guardian age exceeds maximum."),
        (A, "Unfortunately I'm not able to bypass the age check on the booking."),
        (C, "Then find someone who can. The class is full by Thursday."),
    )
    assert [r.kind for r in b.requests] == [RequestKind.EXCEPTION], b.explain()


def test_an_ask_the_agent_says_is_not_theirs_to_grant_stays_open_as_an_exception() -> None:
    """No words we know for the ask ("reconnect us now"), but the agent's answer says what it
    was: an exception they may not grant, still open when the customer writes again. An ETA the
    agent cannot give is news they lack, not an ask refused."""
    *_, a = read_thread(
        (C, "Our power was cut this morning and my husband is on home oxygen. Reconnect us now."),
        (A, "I understand. Unfortunately I'm not able to bypass the reconnection queue."),
        (C, "Then get me someone who can. Right now."),
    )
    assert [r.kind for r in a.requests] == [RequestKind.EXCEPTION] and a.agent_refused
    eng = engine()
    for said in (
        "It's security policy and not something I have the authority to override.",
        "I'm not able to disable MFA without identity verification.",
    ):
        assert F.AGENT_CANNOT_GRANT in eng.agent_families(said), said
    *_, b = read_thread(
        (C, "When will the fix ship? We need it for the launch."),
        (A, "I'm sorry, I can't give an exact date yet."),
        (C, "ok, keep me posted"),
    )
    assert b.requests == () and not b.agent_refused


def test_a_state_copy_keeps_every_field_and_shares_no_container() -> None:
    import dataclasses

    state = EngineState()
    for f in dataclasses.fields(EngineState):  # a value unlike the default in every field
        default = getattr(state, f.name)
        if isinstance(default, bool):
            value: object = not default
        elif isinstance(default, (int, float)) or default is None:
            value = 7
        elif isinstance(default, str):
            value = "x"
        elif isinstance(default, list):
            value = [[1, 2]]
        elif isinstance(default, dict):
            value = {"k": 1}
        else:
            continue  # the level: set below
        setattr(state, f.name, value)
    state.level = Level.FRUSTRATED
    twin = state.copy()
    assert twin == state
    for f in dataclasses.fields(EngineState):
        value = getattr(state, f.name)
        if isinstance(value, (list, dict)):
            assert getattr(twin, f.name) is not value, f.name


@pytest.mark.parametrize("text", ["Where is my parcel", "Still broken?", "Still broken."])
def test_whether_a_message_asked_is_remembered_with_or_without_the_context_step(
    text: str,
) -> None:
    from bot.core.steps import asks_question

    full = engine()
    bare = FrustrationEngine(full.rules, full.tone, full.bank)
    bare.pipeline = [(name, step) for name, step in full.pipeline if name != "context"]
    for eng in (full, bare):
        state, _ = eng.read(eng.start(), Turn(C, text, 0.0))
        assert state.last_asked is asks_question(text)
