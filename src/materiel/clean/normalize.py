"""Unicode and whitespace normalisation that keeps the line structure of a text."""

from __future__ import annotations

import re
import unicodedata

# Characters that carry nothing visible: zero-width spaces and joiners, word joiner,
# byte-order mark, soft hyphen.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")

# HTML comments and tags left in scraped text: "<u>Sanctions</u>", "<!-- -->".
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]{0,300}>")

# Every line break Python's str.splitlines() knows, with \r\n as one break.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text`, line breaks excluded; blank lines included."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def normalize_line(line: str) -> str:
    """NFC, no invisible characters, no HTML tags, every run of whitespace (non-breaking
    too) one space, no leading or trailing space."""
    if not line.isascii():
        if not unicodedata.is_normalized("NFC", line):
            line = unicodedata.normalize("NFC", line)
        if any(char in line for char in _INVISIBLE_CHARS):
            line = _INVISIBLE.sub("", line)
    if "<" in line:
        line = _TAG.sub("", line)
    return " ".join(line.split())


def normalize_text(text: str) -> str:
    """Normalise each line of `text` and join them with "\\n" (blank lines kept)."""
    return "\n".join(normalize_line(text[start:end]) for start, end in line_spans(text))


def raw_offset(raw_line: str, index: int) -> int:
    """The offset in `raw_line` of the character at `index` of `normalize_line(raw_line)`.

    Follows the whitespace collapse and the dropped invisible characters and tags; NFC
    composition is not followed, so the answer can be off by a few characters on
    decomposed input.
    """
    tags = [range(*match.span()) for match in _TAG.finditer(raw_line)] if "<" in raw_line else []
    seen = 0
    pending_space = False
    for offset, char in enumerate(raw_line):
        if char in _INVISIBLE_CHARS or any(offset in tag for tag in tags):
            continue
        if char.isspace():
            pending_space = seen > 0
            continue
        if pending_space:
            if seen == index:
                return offset
            seen += 1
            pending_space = False
        if seen == index:
            return offset
        seen += 1
    return len(raw_line)
