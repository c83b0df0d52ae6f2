"""What a team phrasebook folder may hold; anything else is an error naming the file it resembles.

A team that writes `escalation.yml` (or `Phrasings.yaml`, or a playbook as `.yml`) would otherwise
see its settings silently ignored.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from phrasebook.loader import PhrasebookError

FILES = (
    "escalation.yaml",
    "phrasings.yaml",
    "slips.yaml",
    "coaching_policy.yaml",
    "followup.yaml",
)
FOLDERS = ("playbooks", "practice")
IGNORED_SUFFIXES = (".md", ".txt")  # notes for people (README.md)


def _resembles(name: str, known: tuple[str, ...]) -> str | None:
    lowered = name.lower()
    stem = lowered.rsplit(".", 1)[0]
    for candidate in known:
        if lowered == candidate or stem == candidate.rsplit(".", 1)[0]:
            return candidate
    close = difflib.get_close_matches(lowered, known, n=1, cutoff=0.6)
    return close[0] if close else None


def check_team_folder(team_dir: Path) -> None:
    """Raise PhrasebookError for the first file or folder a team folder may not hold."""
    for path in sorted(team_dir.iterdir()):
        name = path.name
        if name.startswith(".") or name.endswith(IGNORED_SUFFIXES):
            continue
        if path.is_dir():
            if name in FOLDERS:
                _check_playbooks(path)  # practice/ holds .yaml files too
                continue
            known: tuple[str, ...] = FOLDERS
        elif name in FILES:
            continue
        else:
            known = FILES + FOLDERS
        hint = _resembles(name, known)
        allowed = ", ".join((*FILES, *(f"{f}/" for f in FOLDERS)))
        problem = f"unknown file or folder in a team phrasebook (allowed: {allowed})"
        if hint:
            problem = f"unknown file; did you mean {hint}? (it would be ignored as named)"
        raise PhrasebookError(path, None, problem)


def _check_playbooks(folder: Path) -> None:
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name.endswith(IGNORED_SUFFIXES):
            continue
        if path.is_file() and path.suffix == ".yaml":
            continue
        fixed = f"{path.stem}.yaml"
        raise PhrasebookError(path, None, f"playbooks are .yaml files; did you mean {fixed}?")
