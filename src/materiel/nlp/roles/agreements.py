"""Parties and subject of an agreement."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pobjs
from materiel.nlp.roles.common import add_parties
from materiel.nlp.roles.items import PROD_VERBS
from materiel.nlp.roles.parties import role_value
from materiel.nlp.spans import entity_of, item_range, party_label
from materiel.nlp.types import EventMention, NumberMention
from materiel.wordlists import word_set


def fill_agreement(
    doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]
) -> list[Token]:
    mods = [w for w in f.mods if not _name_word(w, f.trigger)]
    add_parties(doc, "party", f.subj + f.poss + mods + f.agent, m, resolve_to=f.subj)
    add_parties(doc, "party", f.pp("with", "between", "among", "by"), m)
    if m.trigger == "join":
        add_parties(doc, "party", f.obj, m)
    if m.trigger == "member":  # "became a member of NATO"
        add_parties(doc, "party", f.pp("of"), m)
    items = [
        t
        for t in f.pp("on", "for")
        if not party_label(t) and t.ent_type_ not in ("DATE", "TIME")  # "on Tuesday"
    ]
    for tok in items:
        rv = role_value(doc, "item", item_range(tok), None)
        if rv is not None:
            m.add(rv)
    if not m.values("item"):
        _agreement_subject(doc, f, m)
    return []


_AGREEMENT_NAME_MODS = word_set("nlp/roles", "agreement_name_mods")


def _agreement_subject(doc: Doc, f: Frame, m: EventMention) -> None:
    """What an agreement is about when no "on"/"for" phrase says it: what it is to develop
    ("joined hands with X to develop a rifle"), what its "of understanding" is on, or the
    agreement named by its modifiers ("a mutual defence agreement")."""
    t = f.trigger
    toks = [c for cl in f.clauses if cl.lemma_.lower() in PROD_VERBS
            for c in cl.children if c.dep_ == "dobj"]
    toks += [x for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
             for o in pobjs(p) for q in o.children if q.dep_ == "prep" and q.lower_ == "on"
             for x in pobjs(q)]
    for tok in toks:
        rv = role_value(doc, "item", item_range(tok), None)
        if rv is not None:
            m.add(rv)
    named_by = [c.left_edge.i for c in t.children
                if c.dep_ in ("amod", "compound") and c.lower_ in _AGREEMENT_NAME_MODS]
    if t.pos_ == "PROPN" and t.dep_ != "ROOT" and not m.values("item") and not _under_deal(t):
        # "signed the Reciprocal Access Agreement": the agreement is named by its own title
        title = [c.left_edge.i for c in t.children
                 if c.dep_ in ("compound", "nmod") and c.i < t.i and c.pos_ == "PROPN"]
        if title:
            rv = role_value(doc, "item", (min(title), t.i + 1), None)
            if rv is not None:
                m.add(rv)
    if not m.values("item") and t.pos_ == "NOUN" and named_by and not _under_deal(t):
        # from the first naming modifier: "a ten-year security agreement" -> "security agreement"
        rv = role_value(doc, "item", (min(named_by), t.i + 1), None)
        if rv is not None:
            m.add(rv)


def _under_deal(t: Token) -> bool:
    """ "under their defence pact", "a signatory of the arms treaty": an agreement named as
    the frame of something else."""
    if t.dep_ != "pobj":
        return False
    prep = t.head
    return prep.lower_ in ("under", "within", "per") or (
        prep.lower_ == "of" and prep.head.pos_ == "NOUN"
    )


def _name_word(w: Token, t: Token) -> bool:
    """A word of the agreement's own name ("a Reciprocal Access Agreement", "the Basic
    Exchange and Cooperation Agreement"): a capitalised word with no entity of its own, or
    one entity that spans the agreement noun too; no side of it."""
    if t.pos_ != "PROPN" or w.i > t.i:
        return False
    if not w.ent_type_:
        return w.pos_ == "PROPN"
    return t.ent_iob_ != "O" and entity_of(w) is not None and entity_of(w) == entity_of(t)
