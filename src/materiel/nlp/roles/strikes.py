"""Attacker, target and place of a strike."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pobjs, pp_of
from materiel.nlp.roles.common import add_parties, add_places
from materiel.nlp.roles.parties import ARMED_FORCE_WORDS, party, place, role_value
from materiel.nlp.spans import (
    STATE_SIDE_LABELS,
    conjuncts,
    entity_of,
    is_military_item,
    is_pronoun,
    item_range,
    party_label,
    place_label,
)
from materiel.nlp.types import EventMention, NumberMention, RoleValue
from materiel.wordlists import word_set, word_tuple

_STRIKE_TARGET_HEADS = word_set("nlp/roles", "strike_target_heads")
_ATTACK_ACTION_NOUNS = word_set("nlp/roles", "attack_action_nouns")

_TARGET_OBJECT_GOVERNORS = word_tuple("nlp/roles", "target_object_governors")

_REGION_NOUNS = word_set("nlp/roles", "region_nouns")

_COMPOUNDED_TARGET_HEADS = word_set("nlp/roles", "compounded_target_heads")

_PLACE_PARTICIPLES = word_set("nlp/roles", "place_participles")

_STATE_LABELS = STATE_SIDE_LABELS


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
                if _owner_of_means(c) or _force_before_action(tok, c):
                    add_parties(doc, "attacker", [c], m)
    if not m.values("attacker") and t.pos_ == "NOUN":
        add_parties(doc, "attacker", _weapon_side(t), m)
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
    # "launched 400 drones at Ukraine, targeting Kyiv and Lutsk": what the clause aims at
    tgts += [
        o for c in t.children if c.dep_ == "advcl" and c.lemma_.lower() in _AIM_VERBS
        for o in c.children if o.dep_ == "dobj"
    ]
    if t.pos_ == "NOUN" and not tgts:
        # "a strike with high-precision weapons on military facilities": the target phrase
        # hung on the weapons
        tgts = [o for w in f.pp("with") for o in pp_of(w, "on", "against")]
    for tok in tgts:
        for c in conjuncts(tok):
            if _place_struck(doc, c, m):
                continue
            rv = place(doc, "target", c) or party(doc, "target", c)
            if rv is None and (_target_head(c) or is_military_item(c)):
                rv = role_value(doc, "target", item_range(c), None)
            if rv is not None:
                m.add(rv)
                if place_label(c) and c.lower_ not in ARMED_FORCE_WORDS:
                    add_places(doc, "location", [c], m)  # a city hit, not "Russian forces"
            for cc in c.children:  # "several cities including Kyiv", "a depot at Sevastopol"
                if cc.dep_ == "prep" and cc.lower_ in _TARGET_PLACE_PREPS:
                    _add_strike_places(doc, pobjs(cc), m)
                elif cc.dep_ == "advmod" and cc.lower_ in _COMPASS_WORDS:
                    _add_strike_places(doc, pp_of(cc, "of"), m)  # "a base south of Haifa"
    _add_strike_places(doc, f.pp("in", "near", "over", "across", "outside")
                       + _participle_objects(t), m)
    return []


def _owner_of_means(c: Token) -> bool:
    """A state named on the weapon or force that struck ("Russian missiles"), or its owner
    ("its jets", "the IDF's jets")."""
    if c.dep_ in ("amod", "compound", "poss", "nmod") and party_label(c) in (
        "NORP",
        "DEMONYM",
        "GPE",
        "COUNTRY",
    ):
        return True
    return c.dep_ == "poss" and (is_pronoun(c) or party_label(c) == "ORG")


def _force_before_action(action: Token, c: Token) -> bool:
    """ "NAF air interdiction destroyed ...": an organisation named before a noun of an air
    or strike action is the force that acted."""
    return (
        c.dep_ == "compound"
        and c.i < action.i
        and action.lemma_.lower() in _ATTACK_ACTION_NOUNS
        and party_label(c) == "ORG"
    )


def _participle_objects(t: Token) -> list[Token]:
    """ "struck X in occupied Crimea" parsed with "occupied" a modifier of "in" and no object
    of the preposition: the participle, which carries the name."""
    return [
        v
        for p in t.children
        if p.dep_ == "prep" and p.lower_ == "in" and not any(c.dep_ == "pobj" for c in p.children)
        for v in p.children
        if v.pos_ == "VERB" and v.lemma_.lower() in _PLACE_PARTICIPLES
    ]


def _target_head(c: Token) -> bool:
    """A noun of a place struck ("depot", "airfield"), or one that is such a place only with
    a noun before it ("training ground")."""
    lemma = c.lemma_.lower()
    if lemma in _STRIKE_TARGET_HEADS:
        return True
    return lemma in _COMPOUNDED_TARGET_HEADS and any(
        k.dep_ == "compound" and k.pos_ == "NOUN" for k in c.children
    )


def _weapon_side(t: Token) -> list[Token]:
    """ "a Russian missile strike", "an Israeli drone attack": the side named on the weapon
    word the strike noun is compounded with."""
    return [
        w
        for c in t.children
        if c.dep_ == "compound" and c.i < t.i
        for w in c.children
        if w.dep_ in ("amod", "compound") and party_label(w) in _STATE_LABELS
    ]


def _add_strike_places(doc: Doc, toks: list[Token], m: EventMention) -> None:
    """Places as the recogniser names them, else a province told by its name and a region
    noun ("in Russia's Belgorod region", "in Dnipropetrovsk Oblast"), else the city whose
    part is named ("in Beirut's southern suburbs")."""
    for tok in toks:
        for c in conjuncts(tok):
            rv = place(doc, "location", c) or _region(doc, c) or _held_place(doc, c)
            if rv is None and c.lemma_.lower() in _PLACE_PART_NOUNS:
                # "Beirut's southern suburbs", "the port of Odesa"
                owner = next((w for w in [*(x for x in c.children if x.dep_ == "poss"),
                                          *pp_of(c, "of")]), None)
                rv = place(doc, "location", owner) if owner is not None else None
            if rv is not None:
                m.add(rv)


_TARGET_PLACE_PREPS = word_set("nlp/roles", "strike_target_place_preps")
_COMPASS_WORDS = word_set("nlp/roles", "compass_words")
_AIM_VERBS = word_set("nlp/roles", "strike_aim_verbs")
_PLACE_PART_NOUNS = word_set("nlp/roles", "place_part_nouns")


def _held_place(doc: Doc, tok: Token) -> RoleValue | None:
    """ "in occupied Crimea", parsed as the verb "occupied" with "Crimea" its object: the
    proper name (whatever label the recogniser gave it) is the place."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _PLACE_PARTICIPLES:
        return None
    name = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
    if name is None:
        return None
    rv = place(doc, "location", name) or _region(doc, name)
    if rv is not None:
        return rv
    start = min([name.i] + [c.left_edge.i for c in name.children if c.dep_ == "compound"])
    return role_value(doc, "location", (start, name.i + 1), "GPE")


def _region(doc: Doc, tok: Token) -> RoleValue | None:
    """ "Belgorod region", "the Kursk Oblast": the proper names compounded before a region
    noun, with the noun."""
    if tok.lemma_.lower() not in _REGION_NOUNS and tok.lower_ not in _REGION_NOUNS:
        return None
    names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    if not names:
        return None
    return role_value(doc, "location", (min(c.left_edge.i for c in names), tok.i + 1), "GPE")


def _place_struck(doc: Doc, c: Token, m: EventMention) -> bool:
    """ "fired 40 missiles at Ukraine", "attacked Kyiv with drones": a country or city struck
    is where the strike falls (its location), not a target named as hit."""
    ent = entity_of(c)
    if ent is None or ent.label_ not in ("GPE", "LOC", "COUNTRY", "METONYM") or ent.root.i != c.i:
        return False
    if c.lower_ in ARMED_FORCE_WORDS or not place_label(c):
        return False
    add_places(doc, "location", [c], m)
    return True


def _relative_pronoun(tok: Token) -> bool:
    """ "that", "which", "who" heading a relative clause ("missiles that hit the base")."""
    return tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i
