"""Offline: how the engine reads sarcastic and sincere customer lines.

usage: python tools/sarcasm_check.py [BANK.yaml] [-v]

For each bank of tests/data/sarcasm_lines.yaml (dev, dev2, holdout): how many sarcastic lines are
recognised as sarcasm and read frustrated or worse, and how many sincere look-alikes are (they
should not be). `-v` lists the lines read the wrong way.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.models import Level, Role, Turn  # noqa: E402
from phrasebook.models import load_engine  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "sarcasm_lines.yaml"
HOT = (Level.FRUSTRATED, Level.ANGRY)


def main() -> None:
    """Print recognition per bank."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    doc = yaml.safe_load(Path(args[0] if args else DEFAULT).read_text("utf-8"))
    engine = load_engine()
    for name, bank in doc["banks"].items():
        for kind in ("sarcastic", "sincere"):
            lines = bank[kind]
            recognised = hot = 0
            for text in lines:
                _, a = engine.read(engine.start(), Turn(Role.CUSTOMER, text, 0.0))
                assert a is not None
                sarcastic = any(s.id == "press.sarcasm" for s in a.signals)
                recognised += sarcastic
                hot += a.level in HOT
                if verbose and (a.level in HOT) != (kind == "sarcastic"):
                    print(f"  {name}/{kind}: {a.level.value} {a.score:.2f} {text}")
            print(
                f"{name:<8} {kind:<9} n={len(lines):>3}  sarcasm {recognised:>3}  "
                f"frustrated or angry {hot:>3}"
            )


if __name__ == "__main__":
    main()
