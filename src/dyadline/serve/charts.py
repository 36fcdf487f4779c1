"""Monthly charts drawn as SVG on the server: no script and no network needed to see them.

``month_chart(rows)`` takes flat event rows and lays out, for every month from the first to
the last, a bar stacked by CAMEO quad class (events with no quad class on top) and a line of
the month's summed Goldstein score. The template only draws what this computes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
         0: "no quad class"}
WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 720, 240, 40, 56, 12, 36
MAX_MONTHS = 240


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    quad: int
    title: str


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    """What to draw: bars, the Goldstein line, axis ticks, and the totals."""

    width: int
    height: int
    bars: tuple[Bar, ...]
    line: str  # SVG polyline points
    points: tuple[Tick, ...]  # Goldstein markers with their labels
    g_ticks: tuple[Tick, ...]  # the Goldstein scale, on the right
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    zero_y: float
    months: int
    events: int


def _month(row: dict) -> str | None:
    value = row.get("date_start") or row.get("published")
    return value[:7] if value and len(value) >= 7 else None


def month_range(first: str, last: str) -> list[str]:
    """Every YYYY-MM from ``first`` to ``last`` (at most MAX_MONTHS, the latest kept)."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out[-MAX_MONTHS:]


def month_chart(rows: list[dict]) -> Chart | None:
    """The chart of ``rows`` (None when no row has a date)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    goldstein: dict[str, float] = defaultdict(float)
    for r in rows:
        month = _month(r)
        if month:
            counts[month][r.get("quad_class") or 0] += 1
            goldstein[month] += r.get("goldstein") or 0.0
    if not counts:
        return None
    months = month_range(min(counts), max(counts))
    plot_w, plot_h = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM
    top = max(sum(counts[m].values()) for m in months) or 1
    g_max = round(max(1.0, *(abs(goldstein[m]) for m in months)), 1)
    step = plot_w / len(months)
    bars, points, x_ticks = [], [], []
    zero_y = PAD_TOP + plot_h / 2
    every = -(-len(months) // 8)  # at most 8 month labels
    for i, month in enumerate(months):
        x, base = PAD_LEFT + i * step, PAD_TOP + plot_h
        for quad in (1, 2, 3, 4, 0):
            n = counts[month][quad]
            if n:
                h = plot_h * n / top
                base -= h
                bars.append(Bar(round(x + step * 0.1, 1), round(base, 1), round(step * 0.8, 1), round(h, 1), quad,
                                f"{month}: {n} {QUADS[quad]}"))
        gy = zero_y - (plot_h / 2) * goldstein[month] / g_max
        points.append(Tick(round(x + step / 2, 1), round(gy, 1), f"{month}: Goldstein sum {goldstein[month]:+.1f}"))
        if i % every == 0:
            x_ticks.append(Tick(round(x + step / 2, 1), HEIGHT - PAD_BOTTOM + 16, month))
    y_ticks = tuple(Tick(PAD_LEFT - 6, round(PAD_TOP + plot_h * (1 - n / top), 1), str(n))
                    for n in sorted({0, top, *((top // 2,) if top % 2 == 0 else ())}))
    g_ticks = (Tick(WIDTH - PAD_RIGHT + 4, PAD_TOP + 4, f"G +{g_max:g}"),
               Tick(WIDTH - PAD_RIGHT + 4, round(zero_y + 4, 1), "G 0"),
               Tick(WIDTH - PAD_RIGHT + 4, PAD_TOP + plot_h + 4, f"G −{g_max:g}"))
    line = " ".join(f"{p.x},{p.y}" for p in points)
    return Chart(WIDTH, HEIGHT, tuple(bars), line, tuple(points), g_ticks, tuple(x_ticks), y_ticks, round(zero_y, 1),
                 len(months), sum(sum(c.values()) for c in counts.values()))
