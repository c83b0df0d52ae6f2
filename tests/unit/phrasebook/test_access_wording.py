"""Refusals and explanations are phrasebook data; what a customer may read stays neutral."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from phrasebook.access import AccessWording, load_access


def test_the_shipped_wording_loads() -> None:
    wording = load_access()
    assert wording.support_team_only == "This command is for the support team."


@pytest.mark.parametrize("field", ["support_team_only", "try_again", "home_outsider"])
@pytest.mark.parametrize("word", ["hint", "Coaching", "frustrated", "escalation", "alert"])
def test_text_a_customer_can_read_may_not_say_what_undertone_does(field: str, word: str) -> None:
    data = load_access().model_dump() | {field: f"No {word} for you."}
    with pytest.raises(ValidationError, match="must not mention"):
        AccessWording.model_validate(data)


def test_text_only_our_people_read_may_explain() -> None:
    data = load_access().model_dump() | {"home_other": "Agents see their coaching hints here."}
    assert AccessWording.model_validate(data).home_other.startswith("Agents")
