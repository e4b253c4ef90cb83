"""A named building or site where a meeting is held ("at the White House", "at Chequers
House", "at the Baikonur cosmodrome"): the tagger often reads such a name as an
organisation, which no place label covers."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import pp_of
from materiel.nlp.spans import clean_span, entity_of, np_range
from materiel.wordlists import word_set

_VENUE_NOUNS = word_set("nlp/venues", "venue_nouns")


def named_venue(tok: Token) -> tuple[int, int] | None:
    """The token range of a named site headed by `tok`, or None: a building or site noun
    with a name of its own (an entity or a proper noun before it)."""
    if tok.lemma_.lower() not in _VENUE_NOUNS and tok.lower_ not in _VENUE_NOUNS:
        return None
    ent = entity_of(tok)
    if ent is not None and ent.root.i == tok.i:
        return clean_span(tok.doc, ent.start, ent.end)
    start, end = np_range(tok)
    if not any(w.pos_ == "PROPN" or entity_of(w) is not None for w in tok.doc[start:tok.i]):
        return None
    return clean_span(tok.doc, start, end)


def meeting_venues(doc: Doc, trigger: Token, heads: list[Token]) -> list[tuple[int, int]]:
    """Named sites "at" which a meeting is held or "to" which its guest is welcomed, whether
    the parse hangs them on the trigger or on one of the meeting's sides or objects."""
    holders = [trigger, *heads]
    out = []
    for h in holders:
        for w in pp_of(h, "at", "to"):
            rng = named_venue(w)
            if rng is not None and rng not in out:
                out.append(rng)
    return out


_WORKS_NOUNS = word_set("nlp/roles", "facility_nouns")


def works_place(tok: Token) -> tuple[int, int] | None:
    """The place name a works is called by ("at its Hallstadt plant", "at the Linz site"):
    the proper nouns right before a works noun, when no company's name is among them."""
    if tok.lemma_.lower() not in _WORKS_NOUNS:
        return None
    names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names or any(_company_name(c) for c in names):
        return None
    start, end = names[0].i, names[-1].i + 1
    if any(w.pos_ != "PROPN" for w in tok.doc[start:end]):
        return None
    return start, end


def _company_name(tok: Token) -> bool:
    ent = entity_of(tok)
    return ent is not None and ent.label_ == "COMPANY"

