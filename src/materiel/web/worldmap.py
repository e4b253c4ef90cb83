"""A world map drawn on the server: countries shaded by how many events they have.

The outline is the world SVG that the pygal_maps_world package installs (one group of paths
per country, its class the ISO 3166 alpha-2 code in lower case): no tile server, nothing
fetched. Each country with events links to the feed filtered by it.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from functools import lru_cache
from importlib.resources import files

import pycountry
from markupsafe import Markup, escape

SVG_NS = "{http://www.w3.org/2000/svg}"
SHADES = ("#dbe7f3", "#b3cde6", "#84acd6", "#5688c2", "#2f64a6", "#1b4680")
EMPTY = "#eef0f3"


@lru_cache(maxsize=1)
def outline() -> tuple[str, dict[str, tuple[str, ...]]]:
    """The map's viewBox and each country's path data, by upper-case ISO code."""
    source = files("pygal_maps_world").joinpath("worldmap.svg").read_bytes()
    root = ET.fromstring(source)
    shapes: dict[str, tuple[str, ...]] = {}
    for group in root.iter(f"{SVG_NS}g"):
        classes = (group.get("class") or "").split()
        if "country" not in classes:
            continue
        paths = tuple(p.get("d", "") for p in group.iter(f"{SVG_NS}path") if p.get("d"))
        shapes[classes[0].upper()] = paths
    return root.get("viewBox", "0 0 2475 1388"), shapes


def country_name(code: str) -> str:
    found = pycountry.countries.get(alpha_2=code)
    return str(getattr(found, "common_name", None) or getattr(found, "name", code)) if found \
        else code


def shade(count: int, peak: int) -> str:
    """A colour for `count` events on a log scale up to `peak`."""
    if count <= 0:
        return EMPTY
    if peak <= 1:
        return SHADES[-1]
    step = math.log(count) / math.log(peak) * (len(SHADES) - 1)
    return SHADES[min(round(step), len(SHADES) - 1)]


def world_map(counts: dict[str, int]) -> Markup:
    """The SVG map for event counts by ISO alpha-2 code (codes not on the map are listed
    under it)."""
    view_box, shapes = outline()
    peak = max(counts.values(), default=0)
    parts = [f'<svg class="worldmap" viewBox="{view_box}" role="img" '
             'aria-label="Events by country">']
    for code, paths in sorted(shapes.items()):
        n = counts.get(code, 0)
        label = escape(f"{country_name(code)}: {n} event{'' if n == 1 else 's'}")
        body = "".join(f'<path d="{escape(d)}"/>' for d in paths)
        shape = (f'<g class="country" data-country="{code}" data-events="{n}" '
                 f'fill="{shade(n, peak)}"><title>{label}</title>{body}</g>')
        if n:
            shape = f'<a href="/?country={code}">{shape}</a>'
        parts.append(shape)
    parts.append("</svg>")
    off_map = sorted((c for c in counts if c not in shapes), key=lambda c: -counts[c])
    if off_map:
        parts.append('<p class="muted">Not on the map: ' + ", ".join(
            f"{escape(country_name(c))} ({counts[c]})" for c in off_map) + "</p>")
    legend = " ".join(f'<span class="swatch" style="background:{c}"></span>' for c in SHADES)
    parts.append(f'<p class="legend muted">fewer {legend} more events (log scale, up to '
                 f"{peak})</p>")
    return Markup("".join(parts))
