"""The goods of an event: item phrases, counted, listed or included, and their fallbacks."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pobjs, pp_on_sides
from materiel.nlp.lexicon import ITEM_HEADS
from materiel.nlp.numbers import SCALES, glued_count
from materiel.nlp.roles.parties import role_value
from materiel.nlp.spans import (
    conjuncts,
    entity_of,
    is_designator,
    is_military_item,
    item_head,
    item_list,
    item_range,
    party_label,
)
from materiel.nlp.types import EventMention, NumberMention, RoleValue
from materiel.wordlists import word_set, word_tuple

PROD_VERBS = word_set("nlp/roles", "prod_verbs")

_BUY_VERBS = word_set("nlp/roles", "buy_verbs")


def items_from(doc: Doc, toks: list[Token], strict: bool = True) -> list[tuple[RoleValue, Token]]:
    out: list[tuple[RoleValue, Token]] = []
    for tok in toks:
        for c in _counted_items(tok):
            found = _item_value(doc, c, strict)
            if found is None:
                continue
            out.append((found, c))
            # "heavy weapons such as Leopard tanks": the goods named as examples of goods
            for x in _examples(item_head(c)):
                example = _item_value(doc, x, strict)
                if example is not None and all(example.start != v.start for v, _ in out):
                    out.append((example, x))
    return out


def _item_value(doc: Doc, c: Token, strict: bool) -> RoleValue | None:
    head = item_head(c)
    if head.pos_ not in ("NOUN", "PROPN") and not (
        head.pos_ in ("NUM", "VERB") and _nominal(head) and is_military_item(head)
    ):
        return None  # a number, but "35 F-35A" (a designator read as a number) counts
    if strict and not is_military_item(head):
        return None
    if _glued_amount(head):
        return None
    label = party_label(head)
    ent = entity_of(head)
    known = ent is not None and bool(ent.ent_id_)
    if (
        label in ("NORP", "PERSON", "COUNTRY", "DEMONYM", "METONYM", "COMPANY")
        or (label == "GPE" and head.tag_ != "NNPS" and not is_designator(head))
        or (label == "ORG" and known)
    ) and not (ent is not None and ent.root.i != head.i):
        return None
    return role_value(doc, "item", item_range(head), ent.label_ if ent is not None else None)


_GLUED_NUMBER = re.compile(r"^\d[\d.,]*([a-z]+)$")


def _glued_amount(tok: Token) -> bool:
    """ "a 2.3bn kroner package", "provide NOK 1.5bn": a number with its scale glued on is an
    amount, never the goods."""
    m = _GLUED_NUMBER.match(tok.lower_)
    return m is not None and m.group(1) in SCALES


def _nominal(tok: Token) -> bool:
    """A token in a noun's place: a number ("35 F-35A"), or a plural noun the tagger read as
    a verb ("supplying attack drones to X")."""
    return tok.pos_ == "NUM" or tok.dep_ in ("dobj", "pobj", "nsubjpass", "conj", "appos")


def _counted_items(tok: Token) -> list[Token]:
    """The coordinated items at `tok`, and those coordinated under a measure noun ("a total
    of two prototypes and 115 missiles": both)."""
    out: list[Token] = []
    for c in item_list(tok):
        head = item_head(c)
        out.extend([c] if head.i == c.i else [x for x in item_list(head) if x not in out])
    return out


def _examples(head: Token) -> list[Token]:
    """The goods a noun names as its examples: "such as X and Y", "like X"."""
    out: list[Token] = []
    for c in head.children:
        such_as = c.lower_ == "as" and any(w.lower_ == "such" for w in c.children)
        if c.dep_ == "prep" and (such_as or c.lower_ == "like"):
            out.extend(x for p in pobjs(c) for x in item_list(p))
    return out


_INCLUDING_VERBS = word_tuple("nlp/roles", "including_verbs")
SUPPORT_NOUNS = word_set("nlp/validate", "support_nouns")


def _included_items(doc: Doc, frame: Frame) -> list[Token]:
    """Items listed after the trigger noun: "package including X, Y", "that includes X"."""
    toks = list(frame.preps.get("including", []))
    t = frame.trigger
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
        # "the next tranche of security assistance to X, including artillery": the measure's list
        for c in t.head.head.children:
            if c.dep_ == "prep" and c.lower_ == "including":
                toks.extend(pobjs(c))
    for o in frame.obj + frame.pp("with"):
        if o.lemma_.lower() in SUPPORT_NOUNS:  # "providing X with support, including Y"
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ == "including":
                    toks.extend(pobjs(c))
    clauses = list(frame.clauses)
    # "$1 billion as aid to Ukraine, a package that includes X": an apposition's clauses
    holders = [frame.trigger, *frame.obj]
    if frame.pred is not None:
        holders.extend(c for c in frame.pred.children if c.dep_ == "dobj")
    for h in holders:
        for ap in h.children:
            if ap.dep_ == "appos":
                clauses.extend(c for c in ap.children if c.dep_ in ("relcl", "acl"))
                for c in ap.children:
                    if c.dep_ == "prep" and c.lower_ == "including":
                        toks.extend(pobjs(c))
    for cl in clauses:
        if cl.lemma_ in _INCLUDING_VERBS:
            toks.extend(c for c in cl.children if c.dep_ == "dobj")
            for c in cl.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    toks.extend(pobjs(c))
    toks.extend(_listed_below(frame))
    toks.extend(_listed_after_sum(t))
    # "the package included X": the trigger noun is subject of include
    if t.dep_ == "nsubj" and t.head.lemma_ in ("include", "contain", "comprise", "feature"):
        for c in t.head.children:
            if c.dep_ == "dobj":
                toks.extend(conjuncts(c))
            if c.dep_ == "prep" and c.lower_ in ("as",):  # "as well as"
                toks.extend(pobjs(c))
    out = []
    for tok in toks:
        out.extend(conjuncts(tok))
        for c in tok.children:  # "X, as well as Y, Z"
            if c.dep_ == "prep" and c.lower_ == "as":
                for cc in c.children:
                    if cc.dep_ == "prep":
                        out.extend(pobjs(cc))
    return out


def _listed_after_sum(t: Token) -> list[Token]:
    """ "approved a package for Kerel worth 3.4 billion kronor, including CV90 vehicles": the
    parse hangs the list on the sum the package is worth, itself on the trigger or its verb."""
    worths = [c for h in {t, t.head} for c in h.children if c.lower_ == "worth"]
    sums = [s for w in worths for s in w.children if s.dep_ in ("pobj", "npadvmod", "dobj")]
    return [x for s in sums for c in s.children
            if c.dep_ == "prep" and c.lower_ == "including" for x in pobjs(c)]


def _listed_below(frame: Frame) -> list[Token]:
    """A list the parse hangs low in the trigger's phrase: "$25m in military assistance for X,
    including Y" (on the amount), "aid worth 65 million euros, including Y" (on the worth),
    "a package of assistance for X, which includes Y" (on the recipient)."""
    t = frame.trigger
    # a verb's object only when it is goods, an amount or an aid noun, not "a contingent
    # including fighter jets"
    roots = [t]
    if t.pos_ == "VERB":
        roots = [o for o in frame.obj if _amount_or_support(o) or is_military_item(item_head(o))]
    if t.pos_ != "VERB" and t.dep_ == "pobj" and t.head.lower_ in ("in", "of") and (
        t.head.head.pos_ in ("NOUN", "NUM")
    ):
        roots.append(t.head.head)  # the amount or measure the aid is counted in
    out: list[Token] = []
    for r in roots:
        for w in r.subtree:
            if w.dep_ == "prep" and w.lower_ == "including" and w.head.i != t.i:
                out.extend(pobjs(w))
            elif w.dep_ in ("relcl", "acl") and w.lemma_ in _INCLUDING_VERBS and w.head.i != t.i:
                out.extend(c for c in w.children if c.dep_ == "dobj")
    return out


def _amount_or_support(tok: Token) -> bool:
    return (
        any(ch.isdigit() for ch in tok.text)
        or tok.like_num
        or tok.lemma_.lower() in SUPPORT_NOUNS
        or any(c.dep_ == "nummod" for c in tok.children)
    )


def _money_items(doc: Doc, frame: Frame, numbers: list[NumberMention]) -> list[Token]:
    """ "$1 billion in artillery, air defenses": items in the in-phrase after an amount."""
    out: list[Token] = []
    for n in numbers:
        if n.kind != "money" or n.token_end <= 0:
            continue
        for tok in doc[n.token_start : n.token_end]:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "of", "for", "worth"):
                    for p in pobjs(c):
                        h = item_head(p)
                        if is_military_item(h) and (h.pos_ != "PROPN" or h.ent_type_ == "WEAPON"):
                            out.append(p)
    return out


_ITEM_PREPS = {
    "procurement": ("of", "for"),
    "aid": ("of", "with", "for"),
    "production": ("of", "for", "to"),
}

_NON_PRODUCER_COMPOUNDS = word_tuple("nlp/roles", "non_producer_compounds")


def frame_items(
    doc: Doc, frame: Frame, numbers: list[NumberMention], strict: bool = True, type_: str = ""
) -> tuple[list[RoleValue], list[Token]]:
    cands: list[Token] = []
    replaced = (
        frame.trigger.pos_ == "VERB"
        and type_ == "procurement"
        and frame.trigger.lemma_ in ("replace",)
        and bool(frame.pp("with"))
    )
    if not replaced:  # "replace its old jets with 100 new jets": the new ones are bought
        cands.extend(frame.obj)
    if frame.trigger.pos_ != "VERB" or type_ != "production":
        cands.extend(frame.pp(*_ITEM_PREPS.get(type_, ("of", "for", "with"))))
    if replaced:
        cands.extend(frame.pp("with"))
    cands.extend(_included_items(doc, frame))
    if type_ == "procurement":
        cands.extend(_stray_conjuncts(frame))
        cands.extend(_goods_after_buyer(frame))
    if type_ in ("aid", "procurement"):
        cands.extend(_money_items(doc, frame, numbers))
    for cl in frame.clauses:  # "deal to construct six vessels"
        if cl.lemma_.lower() in PROD_VERBS | _BUY_VERBS | {"supply", "provide", "deliver"}:
            cands.extend(c for c in cl.children if c.dep_ == "dobj")
    vals: list[RoleValue] = []
    toks: list[Token] = []
    seen = set()
    if frame.trigger.pos_ == "VERB" and any(is_military_item(item_head(o)) for o in frame.obj):
        fors = set(frame.pp("for"))
        cands = [c for c in cands if c not in fors]
    for rv, tok in items_from(doc, cands, strict):
        if (rv.start, rv.end) in seen:
            continue
        seen.add((rv.start, rv.end))
        vals.append(rv)
        toks.append(item_head(tok))
    if not vals:
        for c in frame.compounds:  # "missile factory", "drone production", "arms deal"
            head = c
            if head.lower_ in _NON_PRODUCER_COMPOUNDS or _glued_amount(head):
                continue
            hent = entity_of(head)
            if (
                head.lemma_.lower() in ITEM_HEADS
                or head.lower_ in ITEM_HEADS
                or (head.pos_ == "PROPN" and not party_label(head))
                or (hent is not None and hent.label_ == "WEAPON")
            ):
                first = head.left_edge.i
                if glued_count(doc, first, head.i + 1):
                    first += 2  # "a 40-jet order": the count is the quantity, the jets the goods
                found = role_value(doc, "item", (first, head.i + 1), None)
                if found is not None:
                    vals.append(found)
                    toks.append(head)
                    break
    return vals, toks


def _goods_after_buyer(frame: Frame) -> list[Token]:
    """ "the sale to Taiwan of three NASAMS": the goods' "of" the parse hung on the buyer."""
    return [x for x in pp_on_sides(frame, ("to",), "of") if is_military_item(item_head(x))]


def _stray_conjuncts(frame: Frame) -> list[Token]:
    """A counted noun the parse joined to the verb over a counted object ("plans to buy 42
    Rafale, and 12 F-15EX jets": "jets" hangs on "plans"): another of its objects."""
    t = frame.trigger
    if t.pos_ != "VERB" or not any(is_counted(o) for o in frame.obj):
        return []
    verbs = [t] + ([t.head] if t.dep_ == "xcomp" else [])
    return [
        c for v in verbs for c in v.children
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and is_counted(c) and c.i > t.i
    ]


def is_counted(tok: Token) -> bool:
    """ "42 Rafale", "12 F-15EX jets" (the designator read as the count's head)."""
    return any(c.dep_ == "nummod" and any(w.like_num for w in c.subtree) for c in tok.children)


def fallback_items(doc: Doc, f: Frame, m: EventMention) -> list[Token]:
    """When the parse attached nothing: military items named after the trigger in the same
    sentence, not already used as a party ("signed a contract with X on Tuesday for 91
    armoured vehicles", with "for" misread as a conjunction)."""
    used = {i for vals in m.args.values() for v in vals for i in range(v.start, v.end)}
    out = []
    for tok in doc[f.trigger.i + 1 :]:
        if (
            tok.pos_ == "NOUN"
            and tok.dep_ != "compound"
            and tok.idx not in used
            and is_military_item(tok)
            and not party_label(tok)
        ):
            rng = item_range(tok)
            rv = role_value(doc, "item", rng, None) if rng else None
            if rv is not None:
                m.add(rv)
                out.append(tok)
                m.cues.append("fallback-item")
                break
    return out
