"""Charts drawn as SVG on the server: stacked weekly bars and ranked horizontal bars."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

from materiel.models import EVENT_TYPES

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
           "#9c755f")
COLOURS = dict(zip(EVENT_TYPES, PALETTE, strict=True))


def colour(kind: str) -> str:
    return COLOURS.get(kind, "#888888")


def weekly_bars(weeks: list[date], series: dict[str, list[int]],
                width: int = 720, height: int = 240) -> Markup:
    """Events per week, one bar per week, stacked by type, with a legend below."""
    if not weeks:
        return Markup('<p class="empty">No events with a day-precise date yet.</p>')
    left, bottom, top = 32, 22, 8
    plot_h = height - bottom - top
    totals = [sum(values[i] for values in series.values()) for i in range(len(weeks))]
    peak = max(max(totals), 1)
    step = (width - left) / len(weeks)
    bar_w = max(step * 0.8, 1.0)
    legend_h = 20 * ((len(series) + 3) // 4) + 10
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height + legend_h}" '
             f'role="img" aria-label="Events per week by type">',
             f'<text x="0" y="{top + 10}" class="axis">{peak}</text>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{width}" y2="{top + plot_h}" '
             'class="axis-line"/>']
    for i, week in enumerate(weeks):
        x = left + i * step
        y = float(top + plot_h)
        for kind, values in series.items():
            h = values[i] / peak * plot_h
            if h:
                y -= h
                label = escape(f"{kind}, week of {week.isoformat()}: {values[i]}")
                parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                             f'height="{h:.1f}" fill="{colour(kind)}"><title>{label}</title>'
                             '</rect>')
        if i % 4 == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 6}" class="axis">'
                         f'{week.strftime("%d %b")}</text>')
    for i, kind in enumerate(series):
        x, y = left + (i % 4) * 160, height + 14 + (i // 4) * 20
        parts.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" '
                     f'fill="{colour(kind)}"/><text x="{x + 16}" y="{y}">{escape(kind)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def ranked_bars(rows: list[tuple[str, int, str]], width: int = 420) -> Markup:
    """Horizontal bars for (label, count, link) rows; links are site paths or empty."""
    if not rows:
        return Markup('<p class="empty">None yet.</p>')
    row_h, label_w = 20, 170
    peak = max(count for _, count, _ in rows) or 1
    parts = [f'<svg class="chart" viewBox="0 0 {width} {row_h * len(rows)}" role="img">']
    for i, (label, count, link) in enumerate(rows):
        y = i * row_h
        bar = (width - label_w - 40) * count / peak
        name = escape(label if len(label) <= 24 else label[:23] + "…")
        text = f'<text x="0" y="{y + 14}">{name}</text>'
        if link.startswith("/"):
            text = f'<a href="{escape(link)}">{text}</a>'
        parts.append(f'{text}<rect x="{label_w}" y="{y + 3}" width="{bar:.1f}" height="14" '
                     f'class="bar"><title>{escape(label)}: {count}</title></rect>'
                     f'<text x="{label_w + bar + 4:.1f}" y="{y + 14}">{count}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
