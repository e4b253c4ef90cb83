"""Overlap tests against a set of disjoint character spans in logarithmic time.

The date and money finders keep the first of overlapping matches, pattern by pattern;
comparing each match with every span kept before made a text of many dates quadratic.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class DisjointSpans:
    """Pairwise disjoint (start, end) spans, sorted once."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._ends = [end for _, end in ordered]  # sorted too, as the spans are disjoint

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span shares a character with [start, end)."""
        before_end = bisect_left(self._starts, end)  # the spans that start before `end`
        return before_end > 0 and self._ends[before_end - 1] > start
