"""`undertone phrasebook check DIR`: validate a team phrasebook folder (or the shipped one)."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from phrasebook import load_phrasebook
from phrasebook.loader import PhrasebookError


def check_main(team_dir: Path | None, out: TextIO) -> int:
    """Load the shipped phrasebook plus `team_dir`; print what is wrong or a short inventory."""
    try:
        book = load_phrasebook(team_dir)
    except PhrasebookError as exc:
        out.write(f"phrasebook check failed: {exc}\n")
        return 1
    coaching = book.coaching
    where = str(team_dir) if team_dir else "shipped phrasebook"
    out.write(f"phrasebook ok: {where}\n")
    out.write(f"  frameworks: {', '.join(f.id for f in coaching.frameworks)}\n")
    out.write(f"  playbooks:  {len(coaching.playbooks)}\n")
    return 0
