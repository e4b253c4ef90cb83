"""Talks with a maker for goods: a planned purchase, not a meeting."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame
from materiel.nlp.roles.common import add_parties
from materiel.nlp.roles.items import items_from
from materiel.nlp.roles.parties import is_company
from materiel.nlp.types import EventMention, NumberMention
from materiel.wordlists import word_set

_NEGOTIATIONS = word_set("nlp/roles", "negotiations")


def talks_to_buy(doc: Doc, f: Frame) -> bool:
    """ "in talks with Mazagon Dock for two more submarines": negotiating with a maker for
    goods is a planned purchase, not a meeting."""
    if f.trigger.lower_ not in _NEGOTIATIONS and f.trigger.lemma_.lower() not in _NEGOTIATIONS:
        return False
    sellers = [t for t in f.pp("with") if is_company(t)]
    return bool(sellers) and bool(items_from(doc, f.pp("for")))


def fill_talks_to_buy(
    doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]
) -> list[Token]:
    t = f.trigger
    buyers = list(f.subj)
    if not buyers and t.dep_ == "pobj" and t.head.head.lemma_ == "be":
        buyers = [c for c in t.head.head.children if c.dep_ == "nsubj"]  # "X is in talks"
    add_parties(doc, "buyer", buyers, m, resolve_to=buyers)
    add_parties(doc, "seller", [x for x in f.pp("with") if is_company(x)], m)
    toks = []
    for rv, tok in items_from(doc, f.pp("for")):
        m.add(rv)
        toks.append(tok)
    return toks
