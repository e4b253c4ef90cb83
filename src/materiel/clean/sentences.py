"""A rule-based sentence splitter with character offsets, and a test for cut-off text.

Candidates are runs of terminal punctuation (closing quotes and brackets included)
followed by whitespace; each is accepted or refused from the word before it and the
character after it.  No model: it has to keep up with hundreds of documents a second.
"""

from __future__ import annotations

import re

from materiel.clean.lexicon import (
    FUNCTION_WORDS,
    LIVE_BLOG_LABELS,
    MAYBE_FINAL,
    NEVER_FINAL,
    SENTENCE_OPENERS,
    TIME_ZONES,
)

_CLOSERS = "\"'”’)]»"
# A run of terminal marks is taken whole (possessive, and never from inside a run):
# "(?:\.\.\.|[.!?…])+" backtracked exponentially on a long run of dots.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]»]*+(?=\s)")
_LIST_MARKER = re.compile(r"(?:[-*•·▪►–—]|\d{1,2}[.)]|\([a-zA-Z0-9]{1,4}\)|[a-z][.)])\s+")
# "“Why now?” Ann Lee asked." goes on after the quote.
_SPEECH_AFTER_QUOTE = re.compile(
    r"\s++(?:[A-Z][\w’'.-]*+\s++){1,3}+"
    r"(?:said|says|asked|asks|added|adds|told|wrote|replied|tweeted)\b"
)
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([\w’'-]+)")
# a live blog's entry time: "14.05 BST", "09:12 GMT", "9.30am BST", glued or not to the entry's
# first word ("14.05 BSTRishi Sunak ..."); a bare "09:12" only heads a sentence
_ZONES = "|".join(sorted(TIME_ZONES, key=len, reverse=True))
_ENTRY_TIME = re.compile(
    r"(?<![\w.:])(?:\d{1,2}[.:]\d{2}\s?(?:[ap]\.?m\.?\s?)?(?:" + _ZONES + r")(?![a-z])"
    r"|\d{1,2}:\d{2}(?:\s?[ap]m)?(?=\s+[A-Z]))[\s:–—-]*"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, whitespace and list markers left out."""
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    marker = _LIST_MARKER.match(text, start)
    if marker and marker.end() < len(text):
        start = marker.end()
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if end <= start:
            continue
        following = _skip_space(text, end)
        if following >= len(text):
            break
        if _is_boundary(text, match, following):
            spans.append((start, end))
            start = following
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return [cut for span in spans for cut in _without_entry_times(text, *span)]


def _without_entry_times(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A live blog's entry times are no words of a sentence: "14.05 BST Germany will send ..."
    starts at "Germany", "Key events 14.31 BST Germany ..." too (the label goes with the
    time). A time after other words ("hit the base at 14.05 GMT on Tuesday") stays."""
    out: list[tuple[int, int]] = []
    for m in _ENTRY_TIME.finditer(text, start, end):
        before = text[start : m.start()].strip().rstrip(":").lower()
        if before and before not in LIVE_BLOG_LABELS:
            continue
        if m.end() >= end:
            return out
        start = m.end()
    out.append((start, end))
    return out


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _is_boundary(text: str, match: re.Match[str], following: int) -> bool:
    next_char = text[following]
    if next_char.islower() or next_char in "—–-":
        return False  # "etc. and", "Colo. — The army"
    punctuation = match.group()
    marks = punctuation.rstrip(_CLOSERS)
    quoted = len(marks) < len(punctuation)
    if marks[-1] in "!?":
        return not (quoted and _SPEECH_AFTER_QUOTE.match(text, match.end()))
    if marks.endswith(("...", "…")) or quoted:
        return True
    word = _word_before(text, match.start())
    if word == "No":
        return not next_char.isdigit()
    if word in NEVER_FINAL:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. R. Smith"
    if word in MAYBE_FINAL or _INITIALS.fullmatch(word):
        return _next_word(text, following) in SENTENCE_OPENERS
    return True


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip("\"'“‘([")


def _next_word(text: str, start: int) -> str:
    match = _NEXT_WORD.match(text, start, start + 40)
    return match.group(1) if match else ""


def ends_with_terminal(text: str) -> bool:
    """True when `text` ends with ".", "!" or "?" (closing quotes allowed), not "..."."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return stripped.endswith((".", "!", "?")) and not stripped.endswith(("...", "…"))


def is_truncated(sentence: str) -> bool:
    """True when `sentence` stops mid-way: "The ministry also announced a new plan and".

    Judged on the last sentence of a paragraph or feed item: no terminal punctuation and
    either a dangling last word or punctuation, or the length of a real sentence.
    """
    stripped = sentence.rstrip().rstrip(_CLOSERS)
    if not stripped or ends_with_terminal(sentence):
        return False
    if stripped.endswith(("...", "…", ",", ";", "—", "–", "-", "(")):
        return True
    if stripped.endswith(":"):
        return False
    words = stripped.split()
    return words[-1].lower() in FUNCTION_WORDS or len(words) >= 6
