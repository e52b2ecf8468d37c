"""A log-log line plot written as plain SVG (no plotting library in the environment)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

WIDTH, HEIGHT = 760, 480
LEFT, RIGHT, TOP, BOTTOM = 70, 210, 40, 50  # margins; the legend sits in the right one
# colour-blind-safe (Okabe-Ito), then darker tones; past the list, colours repeat dashed
COLOURS = [
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#000000",
    "#777777",
    "#8C510A",
    "#5E3C99",
    "#01665E",
]

Series = Mapping[str, Sequence[tuple[float, float]]]  # name -> (x, y) points, both > 0


def _decades(low: float, high: float) -> tuple[int, int]:
    """Whole powers of ten that enclose [low, high]."""
    first = math.floor(math.log10(low))
    last = math.ceil(math.log10(high))
    return first, last if last > first else first + 1


def _label(power: int) -> str:
    value = 10.0**power
    if 0 <= power < 4:
        return f"{value:.0f}"
    if -3 <= power < 0:
        return f"{value:g}"
    return f"1e{power}"


def loglog_svg(series: Series, title: str, x_label: str, y_label: str) -> str:
    """The SVG text of a log-log plot of every series (points joined in x order)."""
    points = [(x, y) for pts in series.values() for x, y in pts if x > 0 and y > 0]
    if not points:
        raise ValueError("nothing to plot: no positive points")
    x0, x1 = _decades(min(x for x, _ in points), max(x for x, _ in points))
    y0, y1 = _decades(min(y for _, y in points), max(y for _, y in points))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x: float) -> float:
        return LEFT + (math.log10(x) - x0) / (x1 - x0) * plot_w

    def py(y: float) -> float:
        return TOP + plot_h - (math.log10(y) - y0) / (y1 - y0) * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{LEFT}" y="{TOP - 15}" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for power in range(x0, x1 + 1):
        x = px(10.0**power)
        out.append(
            f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{TOP + plot_h}" stroke="#e5e5e5"/>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{_label(power)}</text>'
        )
    for power in range(y0, y1 + 1):
        y = py(10.0**power)
        out.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" stroke="#e5e5e5"/>'
        )
        out.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{_label(power)}</text>')
    out.append(
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333"/>'
    )
    out.append(
        f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 12}" text-anchor="middle">'
        f"{escape(x_label)}</text>"
    )
    out.append(
        f'<text transform="translate(18 {TOP + plot_h / 2}) rotate(-90)" text-anchor="middle">'
        f"{escape(y_label)}</text>"
    )
    for index, (name, pts) in enumerate(series.items()):
        colour = COLOURS[index % len(COLOURS)]
        dash = ' stroke-dasharray="6 3"' if index >= len(COLOURS) else ""
        good = sorted((x, y) for x, y in pts if x > 0 and y > 0)
        if len(good) > 1:
            path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in good)
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
            )
        for x, y in good:
            out.append(
                f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="{colour}">'
                f"<title>{escape(name)}: {x:,.0f} rows, {y:.3g} s</title></circle>"
            )
        legend_y = TOP + 10 + index * 20
        legend_x = LEFT + plot_w + 15
        out.append(
            f'<line x1="{legend_x}" y1="{legend_y}" x2="{legend_x + 20}" y2="{legend_y}" '
            f'stroke="{colour}" stroke-width="3"{dash}/>'
        )
        out.append(f'<text x="{legend_x + 26}" y="{legend_y + 4}">{escape(name)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
