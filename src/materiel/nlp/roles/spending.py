"""Spender, value and purpose of defence spending."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pobjs
from materiel.nlp.roles.common import add_parties
from materiel.nlp.spans import is_military_item
from materiel.nlp.types import EventMention, NumberMention
from materiel.wordlists import word_set


def fill_spending(doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]) -> list[Token]:
    # "passed the National Defense Authorization Act": the law's name names no spender
    named_law = f.trigger.pos_ == "PROPN" and m.trigger in ("act", "bill")
    mods = [] if named_law else f.mods
    add_parties(doc, "spender", f.subj + f.poss + mods, m, resolve_to=f.subj)
    if not m.values("spender") and f.passive:
        add_parties(doc, "spender", f.agent, m)
    if not m.values("spender"):
        add_parties(doc, "spender", _reporter_of_change(f.trigger), m)
    holder = _budget_holder(f.trigger)
    if holder is not None:
        if not m.values("spender"):
            spenders = [a for c in holder.children if c.dep_ == "agent" for a in pobjs(c)]
            add_parties(doc, "spender", spenders or [holder], m)
        if any(w.lower_ in _DEFENSE_HOLDER_WORDS or is_military_item(w) for w in holder.subtree):
            m.cues.append(DEFENSE_HOLDER_CUE)
    return []


DEFENSE_HOLDER_CUE = "defense-holder"  # "the European Defence Fund, with a budget of X"
_DEFENSE_HOLDER_WORDS = word_set("nlp/roles", "defense_holder_words")


def _budget_holder(t: Token) -> Token | None:
    """What has the budget: "the European Defence Fund, with a budget of EUR 7.3 billion",
    "the act, adopted by the EU with a budget of EUR 500 million" (the fund or the act; its
    adopter, when told, is the spender)."""
    if t.dep_ != "pobj" or t.head.lower_ != "with":
        return None
    head = t.head.head
    if head.pos_ == "VERB" and head.dep_ in ("acl", "relcl") and not any(
        c.dep_ == "agent" for c in head.children
    ):
        return head.head
    if head.pos_ == "VERB":
        if any(c.dep_ == "agent" for c in head.children):
            return head
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subj[0] if subj else None
    return head if head.pos_ in ("NOUN", "PROPN") else None


def _reporter_of_change(t: Token) -> list[Token]:
    """Who tells of a change in spending: "the government announced that defence spending
    would rise to 2.5% of GDP" (the spending is the subject of a clause under the telling);
    the budget may name the subject ("the ministry said the budget request totals X")."""
    while t.dep_ == "compound" and t.head.pos_ == "NOUN":
        t = t.head
    if t.dep_ != "nsubj" or t.head.dep_ != "ccomp":
        return []
    return [c for c in t.head.head.children if c.dep_ == "nsubj"]
