"""The simulated customer of practice mode, and the scorecard."""

from __future__ import annotations

from bot.core.practice import Simulator, scorecard_lines
from phrasebook import load_phrasebook

BOOK = load_phrasebook()
SIM = Simulator(BOOK.practice.policy, BOOK.coaching)
PERSONA = BOOK.practice.personas["demanding"]


def play(*replies: str):  # type: ignore[no-untyped-def]
    round_, _ = SIM.start(PERSONA)
    reactions = []
    for text in replies:
        round_, reaction = SIM.respond(round_, PERSONA, text)
        reactions.append(reaction)
        if round_.over:
            break
    return round_, reactions


def test_acknowledging_and_apologising_cool_policy_talk_heats() -> None:
    _, [good] = play("I'm so sorry, I completely understand how stressful this is.")
    _, [poor] = play("Per our policy exports take 48 hours.")
    assert good.bucket == "cooler" and good.delta < 0
    assert poor.bucket == "hotter" and poor.delta > 0 and "slip.policy" in poor.slips
    assert good.line in PERSONA.lines.cooler and poor.line in PERSONA.lines.hotter


def test_a_concrete_next_action_with_a_time_resolves_once_cool_enough() -> None:
    round_, reactions = play(
        "I'm sorry, I understand how stressful this is.",
        "I'll have the export in your inbox by 8pm today.",
    )
    assert round_.outcome == "resolved" and reactions[-1].line in PERSONA.lines.resolved
    still_hot, _ = play("I'll have the export by 8pm today, as I already said.")
    assert still_hot.outcome is None  # a slip in the same breath resolves nothing


def test_defensiveness_drives_the_customer_away_and_time_runs_out() -> None:
    gone, reactions = play(
        "As I already said, you have to wait.", "Calm down, per our policy that's it."
    )
    assert gone.outcome == "walked_away" and reactions[-1].line in PERSONA.lines.walked_away
    neutral = ["Okay."] * BOOK.practice.policy.max_turns
    stalled, _ = play(*neutral)
    assert stalled.outcome in ("out_of_turns", "walked_away")


def test_the_scorecard_lists_steps_in_order_slips_and_cooling() -> None:
    round_, _ = play(
        "Per our policy exports take 48 hours.",
        "I'm so sorry, I understand how stressful this is.",
        "I'll have the export in your inbox by 8pm today.",
    )
    card = SIM.scorecard(round_, PERSONA)
    assert card.outcome == "resolved" and card.turns == 3
    assert card.steps[:2] == ("Listen and acknowledge", "Empathize and apologize")
    assert card.in_order and card.slips == ("hiding behind policy",)
    assert card.cooled_at == 3
    text = "\n".join(scorecard_lines(card, BOOK.practice.policy.wording))
    assert "Resolved after 3 replies" in text and "Follow up" not in text


def test_rounds_round_trip_as_json() -> None:
    round_, _ = play("I'm sorry.", "Per our policy, no.")
    assert type(round_).from_json(round_.to_json()) == round_
