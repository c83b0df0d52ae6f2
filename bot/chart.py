"""The digest's chart: heat and alerts day by day, as a PNG drawn offline.

Drawn with matplotlib's Agg backend (no display, no network). matplotlib is an optional
dependency (`pip install 'undertone[charts]'`): without it `chart_png` returns None, the digest
goes out as text alone, and `undertone report digest --png` says what to install.
"""

from __future__ import annotations

import io
import logging

from bot.core.digest import DigestReport

log = logging.getLogger("undertone.chart")

INSTALL_HINT = "charts need matplotlib: pip install 'undertone[charts]'"


def available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def chart_png(report: DigestReport, title: str) -> bytes | None:
    """The chart of `report` as PNG bytes (None when matplotlib is not installed)."""
    try:
        import matplotlib

        matplotlib.use("Agg", force=True)
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator
    except ImportError:
        log.warning("chart_unavailable", extra={"detail": INSTALL_HINT})
        return None
    labels = [f"{d.day:%a}\n{d.day:%d %b}" for d in report.days]
    threads = [d.threads for d in report.days]
    hot = [d.hot for d in report.days]
    alerts = [d.alerts for d in report.days]
    fig = Figure(figsize=(8, 3.6), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    xs = list(range(len(labels)))
    width = 0.27
    ax.bar([x - width for x in xs], threads, width, label="threads", color="#b0bec5")
    ax.bar(xs, hot, width, label="got hot", color="#e67e22")
    ax.bar([x + width for x in xs], alerts, width, label="alerts", color="#c0392b")
    ax.set_xticks(xs, labels, fontsize=8)
    ax.set_ylabel("threads")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=3, fontsize=8, frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()
