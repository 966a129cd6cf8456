"""Static, deterministic SVG charts: no script, no outside request, identical bytes on every build.

The SVG is one line (no blank lines), so it can sit in Markdown as a raw HTML block.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

WIDTH = 480
HEIGHT = 200
PAD_LEFT = 70
PAD_RIGHT = 20
PAD_TOP = 20
PAD_BOTTOM = 40


def _f(value: float) -> str:
    """Fixed float formatting: one decimal, no negative zero."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _tick(value: float) -> str:
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.1f}B"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.1f}M"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def line_chart(title: str, points: Sequence[tuple[str, float]], unit: str = "") -> str:
    """An SVG line chart of (x label, value) points in the order given."""
    title_text = html.escape(title, quote=True)
    unit_text = html.escape(unit, quote=True)
    values = [value for _, value in points]
    top = max(values) if values else 1.0
    low = min(0.0, min(values)) if values else 0.0
    span = (top - low) or 1.0
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    count = len(points)
    def x(index: int) -> float:
        return PAD_LEFT + (plot_w * index / (count - 1) if count > 1 else plot_w / 2)
    def y(value: float) -> float:
        return PAD_TOP + plot_h - (value - low) / span * plot_h
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}"'
        f' role="img" aria-label="{title_text}" class="briefing-chart">',
        f"<title>{title_text}</title>",
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP + plot_h}" x2="{WIDTH - PAD_RIGHT}" y2="{PAD_TOP + plot_h}"'
        ' stroke="#888" stroke-width="1"/>',
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP}" x2="{PAD_LEFT}" y2="{PAD_TOP + plot_h}"'
        ' stroke="#888" stroke-width="1"/>',
        f'<text x="{PAD_LEFT - 6}" y="{_f(y(top) + 4)}" text-anchor="end" font-size="11">'
        f"{html.escape(_tick(top))}</text>",
        f'<text x="{PAD_LEFT - 6}" y="{_f(y(low) + 4)}" text-anchor="end" font-size="11">'
        f"{html.escape(_tick(low))}</text>",
    ]
    if unit_text:
        parts.append(f'<text x="{PAD_LEFT}" y="{PAD_TOP - 6}" font-size="11">{unit_text}</text>')
    if count > 1:
        path = " ".join(f"{_f(x(i))},{_f(y(v))}" for i, v in enumerate(values))
        parts.append(f'<polyline points="{path}" fill="none" stroke="#3f51b5" stroke-width="2"/>')
    for index, (label, value) in enumerate(points):
        label_text = html.escape(label, quote=True)
        parts.append(f'<circle cx="{_f(x(index))}" cy="{_f(y(value))}" r="3.5" fill="#3f51b5">'
                     f"<title>{label_text}: {html.escape(_tick(value))}</title></circle>")
        parts.append(f'<text x="{_f(x(index))}" y="{HEIGHT - PAD_BOTTOM + 16}" text-anchor="middle" font-size="11">'
                     f"{label_text}</text>")
    parts.append("</svg>")
    return "".join(parts)
