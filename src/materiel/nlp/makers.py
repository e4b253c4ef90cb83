"""The maker that the goods' own phrase names: a name before the goods ("12 Lockheed Martin
F-16 jets", "four Airbus-built tankers", "Boeing's jets") or the agent of a
making participle after them ("the helicopter made by Sikorsky"). In a purchase the maker
sells (docs/annotation-guide.md: the seller is the maker or exporting state)."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.nlp.frames import pobjs
from materiel.nlp.spans import entity_of
from materiel.wordlists import word_set

_MAKING_VERBS = word_set("nlp/roles", "prod_verbs")


def names_before(head: Token) -> list[Token]:
    """The roots of the named entities among the words before the goods' head."""
    out: list[Token] = []
    for t in head.subtree:
        if t.i >= head.i:
            break
        ent = entity_of(t)
        if ent is not None and ent.end <= head.i and ent.root not in out:
            out.append(ent.root)
    return out


def making_agents(head: Token) -> list[Token]:
    """Who a participle after the goods says made them: "made by X", "developed by X"."""
    return [
        x
        for verb in head.children
        if verb.dep_ == "acl" and verb.lemma_.lower() in _MAKING_VERBS
        for agent in verb.children
        if agent.dep_ == "agent"
        for x in pobjs(agent)
    ]
