"""A reading saved in the thread record comes back as it was read."""

from __future__ import annotations

import dataclasses

from bot.core.models import Assessment, Level, Role, Turn
from bot.core.serialize import assessment_from_json, assessment_to_json
from phrasebook.models import load_engine

ANGRY = (
    "Unbelievable. Another day, another useless update about invoice INV-2291. We pay for "
    "premium support and get this garbage."
)


def _read(text: str) -> Assessment:
    engine = load_engine()
    state = engine.start()
    state, _ = engine.read(state, Turn(Role.CUSTOMER, "Hi, can you check invoice INV-2291?", 1.0))
    state, _ = engine.read(state, Turn(Role.AGENT, "Sure, I'm checking with billing.", 60.0))
    _, assessment = engine.read(state, Turn(Role.CUSTOMER, text, 120.0))
    assert assessment is not None
    return assessment


def test_every_field_of_a_reading_survives_the_round_trip() -> None:
    """The coach decides on the margin and heat of a stored reading (a late agent reply, a
    promise come due): a field lost on the way reads a sure reading as borderline."""
    read = _read(ANGRY)
    assert read.level in (Level.FRUSTRATED, Level.ANGRY) and read.heated and read.margin > 0
    back = assessment_from_json(assessment_to_json(read))
    for f in dataclasses.fields(Assessment):
        original, restored = getattr(read, f.name), getattr(back, f.name)
        if isinstance(original, float):
            assert abs(original - restored) < 1e-3, f.name
        else:
            assert restored == original, f.name


def test_a_reading_saved_before_margin_and_heat_were_kept_still_loads() -> None:
    saved = assessment_to_json(_read(ANGRY))
    for key in ("margin", "heated", "grievance", "agent_declined"):
        saved.pop(key)
    back = assessment_from_json(saved)
    assert back.margin == 0.0 and not back.heated and not back.grievance
