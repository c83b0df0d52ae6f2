"""Offline: how well the engine recognises escalation cues on a labelled bank of customer lines.

usage: python tools/cue_check.py [tests/data/cue_paraphrases.yaml]

The bank was written independently of the engine (see tests/threads/README.md). Its lines are
split by a fixed rule, `crc32(line) % 2`: the "dev" half may be read to find missing phenomena,
the "holdout" half is only ever scored. Prints, per half, the share of cue lines whose kind is
recognised, the share recognised as some cue, and how many look-alike lines ("none") raise one.
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.models import CueKind, Role, Turn  # noqa: E402
from phrasebook.models import load_engine  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / "tests/data/cue_paraphrases.yaml"
SPOKEN = {k.value for k in CueKind} - {"beyond_authority", "stalemate", "outrage"}


def half(line: str) -> str:
    """The fixed split of the bank: "dev" or "holdout"."""
    return "dev" if zlib.crc32(line.encode("utf-8")) % 2 == 0 else "holdout"


def main() -> None:
    """Score every line as a thread's first customer message."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    bank = yaml.safe_load(path.read_text("utf-8"))["cues"]
    engine = load_engine()
    stats: dict[str, dict[str, list[int]]] = {}
    for gold, lines in bank.items():
        for line in lines:
            text = line if isinstance(line, str) else line["text"]
            state = engine.start()
            _, a = engine.read(state, Turn(Role.CUSTOMER, text, 0.0))
            kinds = {c.kind.value for c in a.cues} & SPOKEN if a else set()
            row = stats.setdefault(half(text), {}).setdefault(gold, [0, 0, 0])
            row[0] += 1
            row[1] += gold in kinds
            row[2] += bool(kinds)
    for part in ("dev", "holdout"):
        rows = stats.get(part, {})
        cue = [v for k, v in rows.items() if k != "none"]
        n = sum(v[0] for v in cue)
        kind_hits = sum(v[1] for v in cue)
        any_hits = sum(v[2] for v in cue)
        none = rows.get("none", [0, 0, 0])
        print(
            f"{part:<8} cue lines {n}: kind recognised {kind_hits / n:.2f},"
            f" some cue {any_hits / n:.2f}"
            f" | look-alikes raising a cue {none[2]}/{none[0]}"
        )
        print(
            "         "
            + "  ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(rows.items()) if k != "none")
        )


if __name__ == "__main__":
    main()
