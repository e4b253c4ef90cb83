"""Bounded pieces of an overlong text, so that spaCy is never handed more than it accepts.

`nlp(text)` raises E088 past `nlp.max_length` characters (a million by default), and the
parser's time and memory grow with the text long before that.  A "sentence" that long is
a page without punctuation; it is parsed piece by piece rather than rejected.
"""

from __future__ import annotations

# How far back from the limit a cut looks for a space before cutting inside a word.
_SPACE_LOOKBACK = 200


def bounded_chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) pairs that cover `text` in order, each piece at most `limit`
    characters; a cut falls after the last space shortly before the limit, if any."""
    if limit < 1:
        raise ValueError(f"limit must be positive, not {limit}")
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        space = text.rfind(" ", max(start + 1, end - _SPACE_LOOKBACK), end)
        if space > start:
            end = space + 1
        chunks.append((start, text[start:end]))
        start = end
    chunks.append((start, text[start:]))
    return chunks
