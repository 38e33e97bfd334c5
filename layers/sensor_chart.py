"""A small chart of a sensor's series for the inspector, as PNG bytes (matplotlib's Agg canvas, no Qt)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

import numpy as np

LOCAL = ZoneInfo("Europe/Berlin")
LINE = "#1f5f99"
MARK = "#d35400"


def series_chart_png(times: np.ndarray, values: np.ndarray, *, title: str, unit: str, mark: int | None = None,
                     thresholds: Sequence[tuple[float, str]] = (), size_px: tuple[int, int] = (420, 190),
                     dpi: int = 96) -> bytes:
    """Line chart of ``values`` over ``times`` (Unix seconds, shown in local time); ``mark`` draws a vertical
    line (the time slider), ``thresholds`` dashed lines with a label (a rule's threshold). Gaps of more than
    two hours are not bridged."""
    from matplotlib.dates import AutoDateLocator, DateFormatter
    from matplotlib.figure import Figure

    fig = Figure(figsize=(size_px[0] / dpi, size_px[1] / dpi), dpi=dpi)
    ax = fig.add_subplot()
    t = np.asarray(times, dtype=np.int64)
    v = np.asarray(values, dtype=float)
    if t.size:
        gaps = np.flatnonzero(np.diff(t) > 7200) + 1
        for part_t, part_v in zip(np.split(t, gaps), np.split(v, gaps)):
            ax.plot([datetime.fromtimestamp(int(s), LOCAL) for s in part_t], part_v, color=LINE, linewidth=1.2)
    else:
        ax.text(0.5, 0.5, "keine Messwerte im Zeitraum", ha="center", va="center", transform=ax.transAxes,
                color="#666666")
    for value, label in thresholds:
        ax.axhline(value, color="#888888", linestyle="--", linewidth=0.9)
        ax.annotate(label, (0.01, value), xycoords=("axes fraction", "data"), fontsize=7, color="#555555",
                    va="bottom")
    if mark is not None:
        ax.axvline(datetime.fromtimestamp(int(mark), LOCAL), color=MARK, linewidth=1.2)
    ax.set_title(title, fontsize=9)
    ax.set_ylabel(unit, fontsize=8)
    ax.tick_params(labelsize=7)
    locator = AutoDateLocator(minticks=3, maxticks=6, tz=LOCAL)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(DateFormatter("%d.%m.\n%H:%M", tz=LOCAL))
    ax.grid(True, color="#e0e0e0", linewidth=0.6)
    fig.tight_layout(pad=0.4)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
