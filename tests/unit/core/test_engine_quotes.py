"""Evidence quotes shown to agents and supervisors: the customer's own casing, whole words,
centred on the match, an ellipsis where trimmed, and short (privacy)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from bot.core.engine import FrustrationEngine
from bot.core.models import Assessment, CueKind, Role, Turn
from bot.core.textquote import CUE_LIMIT, ELLIPSIS, SIGNAL_LIMIT, excerpt, quote, shorten
from phrasebook.models import load_engine

C, A = Role.CUSTOMER, Role.AGENT

LONG = (
    "We have waited three weeks for the replacement part and nobody at Acme answers our emails. "
    "If this is not sorted by Friday we will cancel our contract. I want to speak to your "
    "manager today, because this has cost our team a whole sprint of work and patience."
)


@lru_cache(maxsize=1)
def engine() -> FrustrationEngine:
    return load_engine()


def read(*turns: tuple[Role, str]) -> Assessment:
    eng = engine()
    state = eng.start()
    out: Assessment | None = None
    for role, text in turns:
        state, a = eng.read(state, Turn(role, text, 0.0))
        out = a or out
    assert out is not None
    return out


def _words_of(text: str) -> set[str]:
    return set(text.split())


def _is_whole_words_of(q: str, source: str) -> bool:
    """Every word of the quote (ellipses aside) is a whole word of the source."""
    return _words_of(q.replace(ELLIPSIS, " ")) <= _words_of(source)


# ---- the quoting helpers ------------------------------------------------------------------


def test_a_short_message_is_quoted_whole_without_ellipsis() -> None:
    text = "Still NOT working after two days."
    start = text.lower().index("not working")
    assert excerpt(text, start, start + 11, SIGNAL_LIMIT) == text


def test_a_long_message_is_cut_at_word_boundaries_around_the_match() -> None:
    start = LONG.index("cancel our contract")
    q = excerpt(LONG, start, start + len("cancel our contract"), CUE_LIMIT)
    assert len(q) <= CUE_LIMIT
    assert q.startswith(ELLIPSIS) and q.endswith(ELLIPSIS)
    assert "cancel our contract" in q
    assert _is_whole_words_of(q, LONG)


def test_the_match_sits_near_the_middle_of_the_quote() -> None:
    start = LONG.index("cancel our contract")
    q = excerpt(LONG, start, start + len("cancel our contract"), SIGNAL_LIMIT)
    before, _, after = q.partition("cancel our contract")
    assert abs(len(before) - len(after)) <= 16


def test_a_match_at_the_start_uses_the_room_on_the_right() -> None:
    q = excerpt(LONG, 0, 9, SIGNAL_LIMIT)
    assert q.startswith("We have waited") and q.endswith(ELLIPSIS)
    assert len(q) >= SIGNAL_LIMIT - 12


def test_a_match_at_the_end_uses_the_room_on_the_left() -> None:
    q = excerpt(LONG, len(LONG) - 8, len(LONG), SIGNAL_LIMIT)
    assert q.startswith(ELLIPSIS) and q.endswith("patience.")
    assert len(q) >= SIGNAL_LIMIT - 12


def test_a_match_longer_than_the_limit_is_cut_with_an_ellipsis() -> None:
    q = excerpt(LONG, 0, len(LONG), 40)
    assert len(q) <= 40 and q.endswith(ELLIPSIS) and q.startswith("We have")


def test_quote_maps_a_lowercase_match_back_to_the_original_casing() -> None:
    original = "WHY is my Order STILL not here?"
    lower = original.lower()
    start = lower.index("still")
    assert quote(original, lower, start, start + 5, SIGNAL_LIMIT) == original


def test_quote_refinds_the_phrase_when_lowercasing_changed_the_length() -> None:
    original = "İstanbul delivery: NEVER ARRIVED, " + "and the rest is padding text " * 4
    lower = original.lower()
    assert len(lower) != len(original)
    start = lower.index("never arrived")
    q = quote(original, lower, start, start + len("never arrived"), 40)
    assert "NEVER ARRIVED" in q and len(q) <= 40


def test_quote_handles_curly_apostrophes_in_the_original() -> None:
    original = "İ DON’T want excuses, " + "just tell me when it ships please " * 3
    lower = original.lower().replace("’", "'")
    start = lower.index("don't want")
    q = quote(original, lower, start, start + len("don't want"), 50)
    assert "DON’T want" in q


def test_shorten_keeps_the_centre_and_marks_both_cuts() -> None:
    q = shorten(LONG, 60)
    assert len(q) <= 60 and q.startswith(ELLIPSIS) and q.endswith(ELLIPSIS)
    assert _is_whole_words_of(q, LONG)


# ---- quotes as the engine shows them ------------------------------------------------------


def test_cue_evidence_keeps_the_customers_casing_and_is_centred() -> None:
    a = read((C, LONG))
    cue = next(c for c in a.cues if c.kind is CueKind.MANAGER_REQUEST)
    assert "speak to your manager" in cue.evidence
    assert "I want to" in cue.evidence  # not "i want to"
    assert len(cue.evidence) <= CUE_LIMIT
    assert cue.evidence.startswith(ELLIPSIS) and cue.evidence.endswith(ELLIPSIS)
    assert _is_whole_words_of(cue.evidence, LONG)


def test_signal_evidence_keeps_casing_and_whole_words() -> None:
    text = "My Package from Acme NEVER ARRIVED and nobody replies to my emails, " * 2
    a = read((C, text))
    quoted = [s for s in a.signals if s.evidence]
    assert quoted
    for s in quoted:
        assert len(s.evidence) <= SIGNAL_LIMIT
        assert _is_whole_words_of(s.evidence, text)
    assert any("NEVER ARRIVED" in s.evidence or "Acme" in s.evidence for s in quoted)


def test_each_cue_quotes_its_own_words() -> None:
    a = read((C, LONG))
    words = {CueKind.CHURN: "cancel", CueKind.MANAGER_REQUEST: "manager"}
    found = {c.kind: c for c in a.cues if c.kind in words}
    assert set(found) == set(words)
    for kind, c in found.items():
        assert len(c.evidence) <= CUE_LIMIT and words[kind] in c.evidence.lower()


def test_request_evidence_keeps_casing() -> None:
    a = read((C, "After a week of outages I expect a REFUND of $2,400 for our Team plan."))
    assert a.requests
    assert "REFUND" in a.requests[0].evidence and "Team" in a.requests[0].evidence


def test_situation_evidence_keeps_casing() -> None:
    a = read(
        (C, "I've asked THREE times already and still no answer from your Support team!!"),
        (A, "Thanks for your patience."),
        (C, "This is RIDICULOUS, nobody from Support has replied for a week. Unacceptable!!"),
    )
    sit = a.situation
    assert sit.customer_type_evidence and sit.trigger_evidence
    for ev in (sit.customer_type_evidence, sit.trigger_evidence):
        assert "RIDICULOUS" in ev or "Support" in ev or "THREE" in ev


@pytest.mark.parametrize(
    "text",
    [
        "I will take you to COURT over this " + "and I mean it " * 20,
        "x" * 150 + " I want to speak to your manager " + "y" * 150,
        "Let me talk to your SUPERVISOR about the café order " + "naïve café déjà vu " * 20,
    ],
)
def test_quotes_stay_short_on_long_or_odd_messages(text: str) -> None:
    a = read((C, text))
    assert a.cues
    assert all(len(s.evidence) <= SIGNAL_LIMIT for s in a.signals)
    assert all(len(c.evidence) <= CUE_LIMIT for c in a.cues)
    assert all(len(r.evidence) <= CUE_LIMIT for r in a.requests)


def test_a_cut_never_starts_or_ends_on_stray_punctuation() -> None:
    text = "It broke. Again! Why? (No idea); nobody - not one person, called back. " * 4
    for start in range(len(text)):
        if start and text[start - 1].isalnum():
            continue
        end = start + 4
        q = excerpt(text, start, end, 40)
        assert len(q) <= 40
        if q.startswith(ELLIPSIS):
            assert q[1] not in ".,;:!?)-/ ", q
        if q.endswith(ELLIPSIS):
            assert q[-2] not in ",;:(-/ ", q
