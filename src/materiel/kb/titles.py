"""Titles given to known people in a text, checked against the dates of their offices.

"former US President Donald Trump" in a text dated while he held the office, or a minister
called by a title after leaving it, yields an `OfficeFlag` with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import TITLE_HEADS
from .resolver import Resolver

# A title head word ("President", "Secretary of State") followed by two or three
# capitalised name words; the name is a lookahead so that overlapping titles are all seen.
_NAME_WORD = r"(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.)"
_TITLED_NAME = re.compile(
    r"\b(?P<head>[A-Z][a-z]+(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][a-z]+)?)\s+"
    rf"(?=(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\b)"
)
_TITLE_HEADS = frozenset(TITLE_HEADS)
_TIME_WORDS = frozenset({"former", "then", "ex", "ex-", "late", "acting", "interim", "outgoing"})


def _title_words(words: list[str]) -> list[str]:
    """The tail of `words` that can belong to a title: capitalised words ("US", "Ukraine's",
    "Strategic") and time words ("former"), up to a sentence or clause break."""
    kept: list[str] = []
    for word in reversed(words):
        if word[-1] in ".,;:!?\"”)":
            break
        if not (word[0].isupper() or word.lower() in _TIME_WORDS):
            break
        kept.append(word)
    return kept[::-1]


@dataclass(frozen=True)
class OfficeFlag:
    person_id: str
    title: str
    reason: str
    start: int  # offsets of the titled mention in the text
    end: int


def office_flags(text: str, published: str | None, resolver: Resolver) -> list[OfficeFlag]:
    """Every titled mention of a known person whose title does not fit `published`."""
    if not published:
        return []
    ctx = resolver.new_document(text, published)
    flags: dict[tuple[str, str], OfficeFlag] = {}
    for m in _TITLED_NAME.finditer(text):
        head_word = m.group("head").split()[0].lower()
        if head_word not in _TITLE_HEADS:
            continue
        before = _title_words(text[max(0, m.start() - 80):m.start()].split())
        # longest candidate first: "former US President Donald Trump", then shorter ones
        for k in range(len(before), -1, -1):
            title_words = before[len(before) - k:]
            mention = " ".join([*title_words, m.group("head"), m.group("name")])
            res = resolver.resolve(mention, ctx, label="PERSON")
            if res.type != "person" or not res.id or "title" not in res.facts:
                continue
            reason = res.facts.get("office_warning")
            if reason:
                start = m.start("head") - sum(len(w) + 1 for w in title_words)
                flags.setdefault((res.id, str(reason)), OfficeFlag(
                    res.id, str(res.facts["title"]), str(reason), max(start, 0),
                    m.end() + len(m.group("name"))))
            break
    return list(flags.values())
