"""Relevance prefilter: which documents and sentences are worth parsing, decided without
parsing.

The decisions come from the trained relevance model (`materiel.learn.relevance`,
`data/models/relevance.json`): logistic regressions over hashed lowercase words (domain cue
and trigger words in any case, the title's words once more) and the number of names of
weapons and defense companies from the KB (matched with their capital letter, so "Bell" the
helicopter maker counts and "a bell" does not), with thresholds chosen by cross-validation.
A document with too few distinct words to judge passes when it holds a cue word or a KB
name. A news article costs 0.1-0.2 ms.

The hand-written rules are kept for when there is no model file (or `model=None`): a
document passes when it holds at least one domain cue or KB name, a sentence when it
holds an inflected form of a trigger word.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Literal

from materiel.learn.relevance import Featurizer, RelevanceModel
from materiel.nlp.lexicon import DOMAIN_CUES, GENERIC_ITEM_HEADS, ITEM_HEADS, surface_forms

log = logging.getLogger(__name__)

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
    """`document(text)` and `sentence(text)` answer whether to look further.

    `model`: "trained" (default) uses the shipped relevance model and falls back to the hand
    rules when it cannot be read; a `RelevanceModel` uses that one; None uses the hand rules.
    """

    def __init__(
        self,
        extra_cues: Iterable[str] = (),
        extra_triggers: Iterable[str] = (),
        model: RelevanceModel | Literal["trained"] | None = "trained",
    ) -> None:
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
        if model == "trained":
            try:
                model = RelevanceModel.load()
            except (OSError, ValueError) as exc:
                log.warning("relevance model not available, using the hand rules: %s", exc)
                model = None
        self.model: RelevanceModel | None = model
        self.featurizer = Featurizer(self.cues, self.triggers, self.names)

    def document(self, text: str) -> bool:
        if self.model is not None:
            return self.model.passes_document(self.featurizer, text)
        return self.hand_document(text)

    def sentence(self, text: str) -> bool:
        if self.model is not None:
            return self.model.passes_sentence(self.featurizer, text)
        return self.hand_sentence(text)

    def document_score(self, text: str) -> float:
        """The trained model's score minus its threshold (>= 0: the document passes)."""
        if self.model is None:
            return 1.0 if self.hand_document(text) else -1.0
        return self.model.document_margin(self.featurizer, text)

    def hand_document(self, text: str) -> bool:
        if not words(text).isdisjoint(self.cues):
            return True
        return bool(self.names) and not set(_NAME.findall(text)).isdisjoint(self.names)

    def hand_sentence(self, text: str) -> bool:
        return not words(text).isdisjoint(self.triggers)
