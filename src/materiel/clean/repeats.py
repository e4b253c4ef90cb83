"""Lines repeated inside one document (a teaser printed twice, a pasted paragraph)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_NOT_WORD = re.compile(r"[\W_]+")

# Shorter lines ("Thank you.", "(Applause.)") repeat legitimately in transcripts.
MIN_WORDS = 4


def repeat_key(line: str) -> str:
    """The text a repeat is judged on: case, punctuation and spacing ignored."""
    return _NOT_WORD.sub(" ", line.casefold()).strip()


def repeated_lines(lines: Sequence[str]) -> list[int]:
    """Indices of the lines that repeat an earlier line (the first copy is kept)."""
    seen: set[str] = set()
    repeats: list[int] = []
    for index, line in enumerate(lines):
        key = repeat_key(line)
        if key.count(" ") + 1 < MIN_WORDS:
            continue
        if key in seen:
            repeats.append(index)
        else:
            seen.add(key)
    return repeats
