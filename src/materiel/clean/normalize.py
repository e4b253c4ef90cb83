"""Unicode and whitespace normalisation that keeps the line structure of a text."""

from __future__ import annotations

import re
import unicodedata

# Characters that carry nothing visible: zero-width spaces and joiners, word joiner,
# byte-order mark, soft hyphen.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")

# HTML comments and tags left in scraped text: "<u>Sanctions</u>", "<!-- -->".  They are
# what `<!--.*?-->|</?[A-Za-z][^<>]{0,300}>` finds, but an unclosed comment is looked for
# once, not rescanned to the end from every "<!--" (quadratic on "<!--<!--<!--...").
_TAG_START = re.compile(r"<(?:!--|/?[A-Za-z])")
_ELEMENT = re.compile(r"</?[A-Za-z][^<>]{0,300}>")

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


def tag_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each HTML comment and tag in `line`, left to right; linear time."""
    spans: list[tuple[int, int]] = []
    close = newline = -2  # next "-->" and "\n" from the last comment start (-1: none left)
    position = 0
    while (found := _TAG_START.search(line, position)) is not None:
        start = found.start()
        if found.group() != "<!--":
            element = _ELEMENT.match(line, start)
            if element is not None:
                spans.append(element.span())
            position = element.end() if element is not None else start + 1
            continue
        if close != -1 and close < start + 4:
            close = line.find("-->", start + 4)
        if newline != -1 and newline < start + 4:
            newline = line.find("\n", start + 4)
        if close != -1 and not 0 <= newline < close:
            spans.append((start, close + 3))
            position = close + 3
        else:
            position = start + 1
    return spans


def _without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    kept, position = [], 0
    for start, end in spans:
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return "".join(kept)


def normalize_line(line: str) -> str:
    """NFC, no invisible characters, no HTML tags, every run of whitespace (non-breaking
    too) one space, no leading or trailing space."""
    if not line.isascii():
        if not unicodedata.is_normalized("NFC", line):
            line = unicodedata.normalize("NFC", line)
        if any(char in line for char in _INVISIBLE_CHARS):
            line = _INVISIBLE.sub("", line)
    if "<" in line:
        line = _without_spans(line, tag_spans(line))
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
    tags = iter(tag_spans(raw_line) if "<" in raw_line else [])
    tag = next(tags, None)
    seen = 0
    pending_space = False
    for offset, char in enumerate(raw_line):
        while tag is not None and offset >= tag[1]:
            tag = next(tags, None)
        if char in _INVISIBLE_CHARS or (tag is not None and offset >= tag[0]):
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
