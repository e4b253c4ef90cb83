"""Relevance prefilter: which sentences are worth parsing, decided without parsing.

A document passes when it holds at least one domain cue: military vocabulary (lowercase
words) or the name of a weapon or defense company from the KB (matched with its capital
letter, so "Bell" the helicopter maker counts and "a bell" does not). A sentence is parsed
when it holds an inflected form of a trigger word. Both are set lookups over the words of
the text, so documents with no defense content go through in well under a millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from materiel.nlp.lexicon import DOMAIN_CUES, GENERIC_ITEM_HEADS, ITEM_HEADS, surface_forms

_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
_NAME = re.compile(r"\b[A-Z][A-Za-z0-9'’-]*")
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
    "light",
    "extended",
    "range",
    "garden",
    "force",
    "forces",
    "army",
    "navy",
    "new",
    "state",
    "north",
    "south",
    "east",
    "west",
    "central",
    "royal",
    "first",
}


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


class RelevanceFilter:
    """`document(text)` and `sentence(text)` answer whether to look further."""

    def __init__(self, extra_cues: Iterable[str] = (), extra_triggers: Iterable[str] = ()) -> None:
        self.triggers = frozenset(surface_forms() | {w.lower() for w in extra_triggers})
        cues = {c for c in DOMAIN_CUES if " " not in c}
        for head in ITEM_HEADS - GENERIC_ITEM_HEADS:  # "rifles", "howitzers", "frigates"
            if " " not in head:
                cues.update({head, head + "s", head + "es"})
        self.cues = frozenset(cues)
        names: set[str] = set()
        for cue in extra_cues:
            # a name counts by its most distinctive word, written as in the name
            toks = [t for t in _NAME.findall(cue) if t.lower() not in _COMMON and len(t) > 2]
            if toks:
                names.add(max(toks, key=len))
        self.names = frozenset(names)

    def document(self, text: str) -> bool:
        if not words(text).isdisjoint(self.cues):
            return True
        return bool(self.names) and not set(_NAME.findall(text)).isdisjoint(self.names)

    def sentence(self, text: str) -> bool:
        return not words(text).isdisjoint(self.triggers)
