"""What Undertone says to people who may not use a surface (refusals, App Home explanations)."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from phrasebook.loader import load_model

SHIPPED_FILE = Path(__file__).parent / "data" / "access" / "access.yaml"

# Words that would tell an outsider what Undertone does for the support team.
INTERNAL_WORDS = re.compile(r"hint|coach|frustrat|escalat|alert|whisper|score", re.I)


class AccessWording(BaseModel):
    """Refusals and explanations; the two an outsider can see are checked to stay neutral."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    supervisors_only: str = Field(min_length=1, max_length=300)
    support_team_only: str = Field(min_length=1, max_length=300)
    try_again: str = Field(min_length=1, max_length=300)
    pick_support_person: str = Field(min_length=1, max_length=150)
    home_other_title: str = Field(min_length=1, max_length=150)
    home_other: str = Field(min_length=1, max_length=2000)
    home_outsider: str = Field(min_length=1, max_length=300)

    @field_validator("support_team_only", "try_again", "home_outsider")
    @classmethod
    def _neutral(cls, value: str) -> str:
        found = INTERNAL_WORDS.search(value)
        if found:
            raise ValueError(f"may reach a customer and must not mention {found.group(0)!r}")
        return value


def load_access() -> AccessWording:
    return load_model(SHIPPED_FILE, AccessWording)
