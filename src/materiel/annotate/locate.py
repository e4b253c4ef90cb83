"""Find a copied string in an article, forgiving the differences copying introduces
(curly vs straight quotes, dashes, runs of whitespace, case as a last resort)."""

from __future__ import annotations

import re

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                       "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u2032": "'"})
_SPACES = re.compile(r"\s+")


def _folded(text: str) -> tuple[str, list[int]]:
    """The text with quotes/dashes unified and whitespace runs collapsed to one space, and
    for each folded character the index of the original character it came from."""
    out: list[str] = []
    where: list[int] = []
    last_space = False
    for i, ch in enumerate(text.translate(_FOLD)):
        if ch.isspace():
            if last_space:
                continue
            ch, last_space = " ", True
        else:
            last_space = False
        out.append(ch)
        where.append(i)
    return "".join(out), where


def find_all(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) in `haystack` where `needle` occurs: exactly, else folded, else
    folded and case-insensitive."""
    needle = needle.strip()
    if not needle:
        return []
    exact = [(m.start(), m.start() + len(needle))
             for m in re.finditer(re.escape(needle), haystack)]
    if exact:
        return exact
    folded, where = _folded(haystack)
    target = _SPACES.sub(" ", needle.translate(_FOLD))
    for flags in (0, re.IGNORECASE):
        hits = [(where[m.start()], where[m.end() - 1] + 1)
                for m in re.finditer(re.escape(target), folded, flags)]
        if hits:
            return hits
    return []


def nearest(hits: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The hit inside [start, end) if any, else the one closest to it."""
    if not hits:
        return None
    inside = [h for h in hits if h[0] >= start and h[1] <= end]
    if inside:
        return inside[0]
    return min(hits, key=lambda h: min(abs(h[0] - end), abs(h[1] - start)))
