"""Sides a purchase's phrasing hides: a company that sells, goods' makers, host clauses."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pp_of
from materiel.nlp.makers import making_agents, names_before
from materiel.nlp.roles.common import STATES, add_parties
from materiel.nlp.spans import NAMED_STATE_LABELS, ORG_HEAD_HINTS, entity_of, party_label
from materiel.nlp.types import EventMention
from materiel.wordlists import word_set


def _named_company(tok: Token) -> bool:
    """A name known or marked as a company's ("Airbus", "Larsen & Toubro Ltd"), not any
    organisation the tagger found (which in a goods phrase is often part of its name)."""
    ent = entity_of(tok)
    if ent is None:
        return False
    return ent.label_ == "COMPANY" or (
        ent.label_ == "ORG" and bool({t.lower_.strip(".") for t in ent} & ORG_HEAD_HINTS)
    )


def company_buyers_sell(doc: Doc, f: Frame, m: EventMention, item_toks: list[Token]) -> None:
    """A known company read as the buyer, with a public body or a state read as the seller,
    sells to it ("the procurement agency signed a contract with Saab" read backwards), unless
    it is the subject of a buying verb ("the company ordered engines"); with no seller read,
    it sells when a state the order is for can buy instead."""
    buyers, sellers = m.values("buyer"), m.values("seller")
    if not buyers or not all(v.label == "COMPANY" for v in buyers):
        return
    if f.trigger.pos_ == "VERB" and m.trigger in _SUBJECT_BUYS:
        return
    if not sellers:  # "the company is executing an export order for rifles for Chile"
        states = [w for h in [f.trigger, *item_toks] for w in pp_of(h, "for")
                  if party_label(w) in STATES]
        if states:
            m.args["seller"], m.args["buyer"] = buyers, []
            for v in buyers:
                v.role = "seller"
            add_parties(doc, "buyer", states, m)
        return
    if not all(
        v.label in NAMED_STATE_LABELS or (v.kb_id or "").startswith(_PUBLIC_KB) for v in sellers
    ):
        return
    m.args["seller"], m.args["buyer"] = buyers, sellers
    for v in buyers:
        v.role = "seller"
    for v in sellers:
        v.role = "buyer"


_SUBJECT_BUYS = word_set("nlp/roles", "subject_buys_verbs")
_PUBLIC_KB = ("organization:", "country:")


def goods_maker_sellers(doc: Doc, heads: list[Token], m: EventMention) -> None:
    """The maker the goods' phrase names sells (`materiel.nlp.makers`), unless it is
    already a side of the purchase."""
    taken = [(v.start, v.end) for vals in m.args.values() for v in vals if v.role != "item"]
    for head in heads:
        makers = [t for t in names_before(head) if _named_company(t)]
        makers += [x for x in making_agents(head) if party_label(x)]
        makers = [t for t in makers if not any(s <= t.idx < e for s, e in taken)]
        add_parties(doc, "seller", makers, m)


SUPPORTED_STATE_CUE = "supported-state"  # "$3 billion to support Ukraine": money for a state
