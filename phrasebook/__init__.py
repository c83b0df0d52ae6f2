"""The phrasebook: coaching wording, detection rules and escalation policy as validated data.

`load_phrasebook(team_dir)` loads the shipped data and lets a team folder add playbooks and
phrasings and
override policy. Any problem raises `PhrasebookError` naming the file, the line and what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from phrasebook.access import AccessWording, load_access
from phrasebook.coaching import CoachingBook, load_coaching, names_feature
from phrasebook.detection import DetectionRules, load_detection
from phrasebook.escalation import EscalationBook, load_escalation
from phrasebook.followup import FollowupBook, load_followup
from phrasebook.loader import PhrasebookError
from phrasebook.practice import PracticeBook, load_practice
from phrasebook.team import check_team_folder

__all__ = ["Phrasebook", "PhrasebookError", "load_phrasebook"]


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """Everything the core reads, validated."""

    detection: DetectionRules
    coaching: CoachingBook
    escalation: EscalationBook
    access: AccessWording
    followup: FollowupBook
    practice: PracticeBook
    team_dir: Path | None = None


def _check_feature_names(
    where: str, field: str, names: tuple[str, ...], features: set[str]
) -> None:
    """Each name in a coaching list of signals (`unsettled_signals`, a step's `reopen_on`) names
    a detection feature, or a family ("dialog.")."""
    for name in names:
        if not any(names_feature(name, f) for f in features):
            raise PhrasebookError(where, None, f"{field}: {name!r} names no detection feature")


def load_phrasebook(team_dir: Path | None = None) -> Phrasebook:
    """Shipped phrasebook, plus a team's own folder when given."""
    if team_dir is not None and not team_dir.is_dir():
        raise PhrasebookError(team_dir, None, "team phrasebook folder does not exist")
    if team_dir is not None:
        check_team_folder(team_dir)
    coaching = load_coaching(team_dir)
    practice = load_practice(team_dir)
    practice.cross_check(coaching.all_steps(), (slip.id for slip in coaching.slips))
    detection = load_detection()
    features = detection.feature_ids()
    policy = coaching.policy
    _check_feature_names("coaching policy", "unsettled_signals", policy.unsettled_signals, features)
    for step in coaching.all_steps().values():
        where = "coaching frameworks"
        _check_feature_names(where, f"{step.id}.reopen_on", step.reopen_on, features)
    return Phrasebook(
        detection=detection,
        coaching=coaching,
        escalation=load_escalation(team_dir),
        access=load_access(),
        followup=load_followup(team_dir),
        practice=practice,
        team_dir=team_dir,
    )
