"""Who comes to a meeting with its subject: "officials along with the ambassador met the
chief", "the president, together with his minister, met ..."."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.nlp.frames import pobjs
from materiel.wordlists import word_set

_COMPANION_WORDS = word_set("nlp/roles", "companion_words")


def companions(subjects: list[Token]) -> list[Token]:
    """The companions joined to the subjects by "along with", "together with", "alongside"."""
    out = []
    for s in subjects:
        for p in s.children:
            if p.dep_ != "prep":
                continue
            if p.lower_ in _COMPANION_WORDS or (
                p.lower_ == "with" and any(a.lower_ in _COMPANION_WORDS for a in p.children)
            ):
                out += pobjs(p)
    return out
