"""Attacker, target and place of a strike."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pobjs
from materiel.nlp.roles.common import add_parties, add_places
from materiel.nlp.roles.parties import ARMED_FORCE_WORDS, party, place, role_value
from materiel.nlp.spans import (
    conjuncts,
    entity_of,
    is_military_item,
    is_pronoun,
    item_range,
    party_label,
    place_label,
)
from materiel.nlp.types import EventMention, NumberMention
from materiel.wordlists import word_set, word_tuple

_STRIKE_TARGET_HEADS = word_set("nlp/roles", "strike_target_heads")

_TARGET_OBJECT_GOVERNORS = word_tuple("nlp/roles", "target_object_governors")


def fill_strike(doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]) -> list[Token]:
    t = f.trigger
    attackers = (f.agent if f.passive else f.subj) + f.poss + f.mods
    if t.pos_ == "NOUN" and f.trigger.dep_ == "nsubj":
        attackers = f.poss + f.mods + f.agent
    # "condemned Russia's missile strikes": the owner (even parsed on the weapon word)
    # is the attacker, not the one who speaks of the strikes
    owner = [w for c in t.children if c.dep_ == "compound" for w in c.children if w.dep_ == "poss"]
    if t.pos_ == "NOUN" and any(party_label(w) for w in f.poss + owner):
        attackers = f.poss + owner + f.mods + f.agent
    # "a missile was fired that hit the engine": a relative pronoun stands for its noun
    attackers = [a.head.head if _relative_pronoun(a) else a for a in attackers
                 if a.tag_ not in ("WDT", "WP") or _relative_pronoun(a)]
    add_parties(doc, "attacker", attackers, m, resolve_to=f.subj)
    if not m.values("attacker"):
        # "Pakistani aircraft targeted ...", "Russian missiles hit ...", "India's jets pounded"
        # "US and British warplanes struck ..." (a name the parse hangs as nmod), "Israel
        # said its jets struck ..." (the owner told by a pronoun)
        for tok in attackers:
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod") and party_label(c) in (
                    "NORP",
                    "DEMONYM",
                    "GPE",
                    "COUNTRY",
                ) or (c.dep_ == "poss" and is_pronoun(c)):
                    add_parties(doc, "attacker", [c], m)
    if not m.values("attacker") and t.pos_ == "NOUN":
        # "a barrage of drones launched by Russia": the agent of the payload's launch
        for w in f.pp("of"):
            for acl in w.children:
                if acl.dep_ == "acl" and acl.lemma_.lower() in ("launch", "fire"):
                    agents = [
                        o for c in acl.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                        for o in pobjs(c)
                    ]
                    add_parties(doc, "attacker", agents, m)
    tgts = f.pp("on", "against", "at") + (
        f.obj
        if t.pos_ == "VERB" or f.gov_lemma in _TARGET_OBJECT_GOVERNORS
        else []
    )
    if t.pos_ == "VERB" and m.trigger in ("launch", "fire", "rain"):
        tgts = f.pp("on", "against", "at")
    for tok in tgts:
        for c in conjuncts(tok):
            if _place_struck(doc, c, m):
                continue
            rv = place(doc, "target", c) or party(doc, "target", c)
            if rv is None and (c.lemma_.lower() in _STRIKE_TARGET_HEADS or is_military_item(c)):
                rv = role_value(doc, "target", item_range(c), None)
            if rv is not None:
                m.add(rv)
                if place_label(c) and c.lower_ not in ARMED_FORCE_WORDS:
                    add_places(doc, "location", [c], m)  # a city hit, not "Russian forces"
            for cc in c.children:  # "several cities including Kyiv"
                if cc.dep_ == "prep" and cc.lower_ in ("including", "in", "near"):
                    add_places(doc, "location", pobjs(cc), m)
    add_places(doc, "location", f.pp("in", "near", "over", "across"), m)
    return []


def _place_struck(doc: Doc, c: Token, m: EventMention) -> bool:
    """ "fired 40 missiles at Ukraine", "attacked Kyiv with drones": a country or city struck
    is where the strike falls (its location), not a target named as hit."""
    ent = entity_of(c)
    if ent is None or ent.label_ not in ("GPE", "COUNTRY", "METONYM") or ent.root.i != c.i:
        return False
    if c.lower_ in ARMED_FORCE_WORDS or not place_label(c):
        return False
    add_places(doc, "location", [c], m)
    return True


def _relative_pronoun(tok: Token) -> bool:
    """ "that", "which", "who" heading a relative clause ("missiles that hit the base")."""
    return tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i
