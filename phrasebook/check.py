"""`undertone phrasebook check [DIR]`: validate a team phrasebook folder (or the shipped one)."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from phrasebook import load_phrasebook
from phrasebook.loader import PhrasebookError
from phrasebook.render import RenderError


def check_main(team_dir: Path | None, out: TextIO) -> int:
    """Load the shipped phrasebook plus `team_dir`; print what is wrong or a short inventory."""
    try:
        book = load_phrasebook(team_dir)
    except (PhrasebookError, RenderError) as exc:
        out.write(f"phrasebook check failed: {exc}\n")
        return 1
    coaching = book.coaching
    where = str(team_dir) if team_dir else "shipped phrasebook"
    out.write(f"phrasebook ok: {where}\n")
    out.write(
        f"  frameworks:  {', '.join(sorted(coaching.frameworks))} "
        f"(default {coaching.policy.framework})\n"
    )
    out.write(f"  phrasings:   {len(coaching.phrasings)}; slips: {len(coaching.slips)}\n")
    out.write(f"  playbooks:   {', '.join(p.id for p in coaching.playbooks)}\n")
    out.write(
        f"  escalation:  {len(book.escalation.cues)} cue kinds, "
        f"{len(book.escalation.authority)} authority limits\n"
    )
    follow = book.followup
    digest = f"{follow.digest.weekday} {follow.digest.time}"
    out.write(
        f"  follow-up:   {len(follow.promises.times)} promise time rules; records kept "
        f"{follow.records.retention_days} days; digest {digest}\n"
    )
    out.write(f"  practice:    {', '.join(sorted(book.practice.personas))}\n")
    return 0
