"""Where an ack tail comes from: the product's own acks, or the sender stalling.

usage: python bench/ack_tail.py RUN_DIR [RUN_DIR ...]

Reads the acks the load harness recorded (`acks.product.csv`: send time, kind, latency) in each
run folder of `../shared/tools/load/run.py` and prints the ack p50/p99 of the Slack events, the
gaps in the send schedule (an open-loop sender that sends nothing for longer than `--gap-ms` was
itself stalled, and what it sends next arrives at once), and the p99 left when the acks sent
within `--margin-ms` of such a gap are set aside. The harness's own report gives the floor.

At 500 events/s on a two-core machine every run shows two such gaps, 30 and 46-50 ms, at the
same points of the product phase; a copy of the harness with `gc.callbacks` timed showed they are
its own generation-2 collections (29 and 44 ms), which the shorter floor phase does not reach.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Ack:
    sent: float  # seconds into the phase
    latency_ms: float


def read_acks(path: Path) -> list[Ack]:
    """The Slack event posts of one run (echoes of the bot's own posts left out)."""
    with path.open(newline="") as f:
        return [
            Ack(float(row["t_s"]), float(row["latency_ms"]))
            for row in csv.DictReader(f)
            if row["kind"] == "event"
        ]


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (the harness's own definition)."""
    ordered = sorted(values)
    return ordered[max(0, int(q * len(ordered)) - 1)] if ordered else 0.0


def send_gaps(acks: list[Ack], gap_s: float) -> list[tuple[float, float]]:
    """(start, end) of every stretch longer than `gap_s` in which nothing was sent."""
    times = sorted(a.sent for a in acks)
    return [(a, b) for a, b in zip(times, times[1:], strict=False) if b - a > gap_s]


def outside(acks: list[Ack], gaps: list[tuple[float, float]], margin_s: float) -> list[Ack]:
    """The acks not sent within `margin_s` of a gap."""
    return [a for a in acks if not any(lo - margin_s <= a.sent <= hi + margin_s for lo, hi in gaps)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", type=Path)
    parser.add_argument("--gap-ms", type=float, default=15.0)
    parser.add_argument("--margin-ms", type=float, default=60.0)
    args = parser.parse_args()
    print(f"{'run':32} {'acks':>6} {'p50':>6} {'p99':>6} | gaps (ms)        | p99 outside gaps")
    for run in args.runs:
        acks = read_acks(run / "acks.product.csv")
        gaps = send_gaps(acks, args.gap_ms / 1000)
        kept = outside(acks, gaps, args.margin_ms / 1000)
        lat = [a.latency_ms for a in acks]
        shown = ", ".join(f"{(b - a) * 1000:.0f} at {a:.1f} s" for a, b in gaps) or "none"
        rest = percentile([a.latency_ms for a in kept], 0.99)
        print(
            f"{run.name[:32]:32} {len(acks):6d} {percentile(lat, 0.5):6.2f} "
            f"{percentile(lat, 0.99):6.2f} | {shown:16} | "
            f"{rest:.2f} ({len(acks) - len(kept)} set aside)"
        )


if __name__ == "__main__":
    main()
