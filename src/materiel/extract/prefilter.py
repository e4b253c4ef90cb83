"""Relevance prefilter: which sentences are worth parsing, decided without parsing.

A document passes when it holds at least one domain cue (military vocabulary, names from
the KB's weapons, companies and organisations); a sentence is parsed when it holds an
inflected form of a trigger word. Both are set lookups over lowercase words, so documents
with no defense content go through in well under a millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from materiel.nlp.lexicon import DOMAIN_CUES, GENERIC_ITEM_HEADS, ITEM_HEADS, surface_forms

# Words too common to make a document defense-relevant on their own.
_COMMON = {
    "system",
    "systems",
    "defense",
    "defence",
    "industries",
    "international",
    "group",
    "company",
    "corporation",
    "general",
    "technologies",
    "technology",
    "national",
    "electronics",
    "aerospace",
    "dynamics",
    "engineering",
    "services",
    "solutions",
    "limited",
    "holdings",
    "heavy",
    "global",
    "advanced",
    "united",
    "motors",
    "works",
}

_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


class RelevanceFilter:
    """`document(text)` and `sentence(text)` answer whether to look further."""

    def __init__(self, extra_cues: Iterable[str] = (), extra_triggers: Iterable[str] = ()) -> None:
        self.triggers = frozenset(surface_forms() | {w.lower() for w in extra_triggers})
        cues = set(DOMAIN_CUES)
        for head in ITEM_HEADS - GENERIC_ITEM_HEADS:  # "rifles", "howitzers", "frigates"
            if " " not in head:
                cues.update({head, head + "s", head + "es"})
        multi: set[tuple[str, ...]] = set()
        for cue in extra_cues:
            toks = tuple(_WORD.findall(cue.lower()))
            if len(toks) == 1:
                cues.add(toks[0])
            elif toks:
                multi.add(toks)
        for cue in list(cues):
            if " " in cue:
                cues.discard(cue)
                multi.add(tuple(cue.split()))
        self.cues = frozenset(cues)
        # a multi-word cue counts when its rarest-looking (longest) word is present
        self.multi_first = frozenset(
            w
            for w in (max(t, key=len) for t in multi)
            if w not in _COMMON and len(w) > 3 and not w.isdigit()
        )

    def document(self, text: str) -> bool:
        ws = words(text)
        return not ws.isdisjoint(self.cues) or not ws.isdisjoint(self.multi_first)

    def sentence(self, text: str) -> bool:
        return not words(text).isdisjoint(self.triggers)
