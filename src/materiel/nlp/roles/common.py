"""Role-filling steps every event type shares: parties and places added to a mention."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame
from materiel.nlp.roles.items import items_from
from materiel.nlp.roles.parties import name_between_commas, office_holder, party, place
from materiel.nlp.spans import conjuncts, group_members, item_head, party_label
from materiel.nlp.types import EventMention
from materiel.nlp.under_contract import goods_made_under
from materiel.wordlists import word_set


def add_parties(
    doc: Doc,
    role: str,
    toks: list[Token],
    m: EventMention,
    resolve_to: list[Token] | None = None,
    offices: bool = True,
) -> int:
    n = 0
    for tok in toks:
        for c in conjuncts(tok):
            holder = office_holder(c) if role in ("participant", "party") and offices else None
            if holder is not None:  # and the people named with the holder (once)
                n += add_parties(doc, role, [holder], m, offices=False)
                continue
            if role in ("participant", "party") and name_between_commas(c) is not None:
                continue  # "Spanish Foreign Minister, Jose Albares, and ...": the name follows
            members = group_members(c)
            if members:
                n += add_parties(doc, role, members, m)
                continue
            rv = party(doc, role, c, resolve_to)
            if rv is not None:
                m.add(rv)
                n += 1
    return n


def add_places(doc: Doc, role: str, toks: list[Token], m: EventMention) -> int:
    n = 0
    for tok in toks:
        for c in conjuncts(tok):
            rv = place(doc, role, c)
            if rv is not None:
                m.add(rv)
                n += 1
    return n


STATES = ("GPE", "COUNTRY", "METONYM")
PLAIN_GOODS_CUE = "plain-goods"  # goods taken from the object with no military word


def plain_goods(doc: Doc, f: Frame, m: EventMention, objs: list[Token]) -> list[Token]:
    """The objects of a verb whose side is an armed force or a maker, taken as goods even
    when no word marks them military ("buy robotic mules", "manufacture five prototypes")."""
    used = {(v.start, v.end) for vals in m.args.values() for v in vals}
    out = []
    told = [o for o in objs if any(d.lower_ in ("these", "those", "such") for d in o.children)]
    objs = [o for o in objs if not party_label(o) and o not in told]  # "these jets": told before
    for rv, tok in items_from(doc, objs, strict=False):
        if (rv.start, rv.end) not in used:
            m.add(rv)
            out.append(item_head(tok))
    if out:
        m.cues.append(PLAIN_GOODS_CUE)
    return out


_HOSTING_PREPS = word_set("nlp/roles", "hosting_preps")
BIDDING_VERBS = word_set("nlp/roles", "bidding_verbs")
JOINING_VERBS = word_set("nlp/roles", "joining_verbs")


def host_clause_items(doc: Doc, f: Frame, m: EventMention) -> list[Token]:
    """A noun trigger in a prepositional phrase of a clause: the clause's own subject or
    object is the goods ("X operates four jets on lease from Y", "the frigate is scheduled
    for delivery to the navy")."""
    t = f.trigger
    if t.pos_ != "NOUN" or t.dep_ != "pobj" or t.head.lower_ not in _HOSTING_PREPS:
        return []
    verb = t.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        holders = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        holders = []
    # "X is competing in the Navy's tender": a bidder, not the goods
    subj_deps = ("nsubj",) if verb.lemma_.lower() not in BIDDING_VERBS | JOINING_VERBS else ()
    holders += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", *subj_deps)]
    if goods_made_under(t) is not None:  # "X is building jets under a contract": X makes
        holders = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    used = {(v.start, v.end) for vals in m.args.values() for v in vals}
    out = []
    for rv, tok in items_from(doc, holders):
        if (rv.start, rv.end) not in used:
            m.add(rv)
            out.append(item_head(tok))
    return out
