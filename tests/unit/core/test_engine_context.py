"""What the thread around a message adds to its reading: a friendly customer going curt, a
colleague joining in, a correction sent as a second message, praise that moves on."""

from __future__ import annotations

from functools import lru_cache

from bot.core.engine import EngineState, FrustrationEngine
from bot.core.models import Role, Turn
from phrasebook.models import load_engine


@lru_cache(maxsize=1)
def engine() -> FrustrationEngine:
    return load_engine()


def play(*turns: tuple[str, str] | tuple[str, str, str]) -> tuple[EngineState, set[str]]:
    """Play (role, text[, author]) turns one minute apart; the last one must be a customer's.
    Returns the state before it and the features of that last message."""
    eng = engine()
    state = eng.start()
    for i, (role, text, *author) in enumerate(turns[:-1]):
        r = Role.CUSTOMER if role == "customer" else Role.AGENT
        state, _ = eng.read(state, Turn(r, text, 60.0 * (i + 1), author[0] if author else ""))
    role, text, *author = turns[-1]
    assert role == "customer"
    last = Turn(Role.CUSTOMER, text, 60.0 * len(turns), author[0] if author else "")
    return state, set(eng.features(state, last).features.values)


WARM_OPENING = (
    "customer",
    "Hi team! Quick one: our exports stopped arriving this morning. Thanks!",
)
CANNED = ("agent", "Could you try clearing your browser cache?")


def test_a_warm_customer_restating_the_problem_in_a_clipped_line_has_gone_curt() -> None:
    _, feats = play(WARM_OPENING, CANNED, ("customer", "did. still broken."))
    assert "ctx.curt" in feats


def test_a_clipped_plain_answer_is_not_curt() -> None:
    """Short factual answers are how people reply to questions: only a restated problem counts."""
    _, feats = play(WARM_OPENING, ("agent", "Which workspace is it?"), ("customer", "Acme EU."))
    assert "ctx.curt" not in feats


def test_a_customer_who_was_never_warm_is_not_curt_by_contrast() -> None:
    blunt = ("customer", "Exports stopped arriving this morning.")
    _, feats = play(blunt, CANNED, ("customer", "did. still broken."))
    assert "ctx.curt" not in feats


def test_a_short_line_that_still_thanks_is_not_curt() -> None:
    _, feats = play(WARM_OPENING, CANNED, ("customer", "still broken, thanks for checking"))
    assert "ctx.curt" not in feats


def test_a_colleague_joining_in_is_not_the_customer_double_texting() -> None:
    opening = ("customer", "Our nightly export failed, can you look?", "U1")
    answer = ("agent", "Checking the job now.", "U9")
    chase = ("customer", "Any news on this?", "U1")
    _, same = play(opening, answer, chase, ("customer", "It is blocking payroll.", "U1"))
    _, colleague = play(opening, answer, chase, ("customer", "It is blocking payroll.", "U2"))
    assert "pace.double_text" in same
    assert "pace.double_text" not in colleague


def test_a_correction_sent_as_a_second_message_still_answers_the_agent() -> None:
    _, feats = play(
        WARM_OPENING,
        CANNED,
        ("customer", "That's what I did already."),
        ("customer", "Could someone actually read the log please"),
    )
    assert "dialog.no" in feats


def test_an_opening_corrects_nobody() -> None:
    _, feats = play(("customer", "No idea why, but could someone read the log for job 77?"))
    assert not {f for f in feats if f.startswith("dialog.")}


def test_praise_that_moves_on_to_the_next_item_is_sincere() -> None:
    answer = ("agent", "Yes, the corrected figures flow into the next run automatically.")
    _, moving_on = play(
        WARM_OPENING,
        answer,
        ("customer", "Amazing. Second: one entry I made late, is it included?"),
    )
    _, mocking = play(WARM_OPENING, answer, ("customer", "Amazing. Exports still late, day three."))
    assert "press.sarcasm" not in moving_on
    assert "press.sarcasm" in mocking


def test_owning_the_mistake_and_apologising_for_the_noise_is_no_mix_up() -> None:
    _, feats = play(
        WARM_OPENING,
        ("agent", "Try re-mapping the Region field."),
        ("customer", "That did it, all resynced. Sorry for the noise, entirely my own fault"),
    )
    assert "dialog.sorry" not in feats
    assert "calm.own_slip" in feats


def test_resignation_and_a_thread_getting_silly_read_as_frustration() -> None:
    _, resigned = play(
        WARM_OPENING, CANNED, ("customer", "ok. third week of the workaround but whatever")
    )
    _, silly = play(
        WARM_OPENING,
        CANNED,
        ("customer", "Most of the floor is locked out. This is getting silly."),
    )
    assert "feel.upset" in resigned
    assert "verdict.harsh" in silly


def test_declining_an_offer_to_do_it_corrects_nobody() -> None:
    offer = ("agent", "You can cancel it under Waves > Active. Want me to do it from here?")
    _, declined = play(WARM_OPENING, offer, ("customer", "nah ill do it, just send me the steps"))
    _, corrected = play(WARM_OPENING, offer, ("customer", "No, that's not the wave I meant."))
    assert "dialog.no" not in declined
    assert "dialog.no" in corrected


def test_resigned_lines_read_as_frustration() -> None:
    for line in (
        "ok. ill tell the front office to keep paper sheets on mondays i guess",
        "not holding my breath on an actual fix at this point",
        "Right. I guess we just pay it then.",
    ):
        _, feats = play(WARM_OPENING, CANNED, ("customer", line))
        assert "feel.upset" in feats, line
