"""Turning tokens of a parse into argument spans: parties, items, places.

Small helpers shared by the roles component: which entity holds a token, the noun phrase
as written for an item ("200,000 more artillery shells" -> "artillery shells"), conjuncts.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from materiel.nlp.lexicon import (
    GENERIC_ITEM_HEADS,
    ITEM_HEADS,
    MEASURE_HEADS,
    MILITARY_MODIFIERS,
    NON_ITEM_WORDS,
    PARTY_HEADS,
    PARTY_LABELS,
    PLACE_LABELS,
)
from materiel.nlp.numbers import glued_measure
from materiel.wordlists import word_set, word_tuple

PRONOUNS = word_set("nlp/spans", "pronouns")
FIRST_PERSON = word_set("nlp/spans", "first_person")
# Dependency relations of left children dropped from a span's edge.
_STRIP_LEFT = {
    "det",
    "nummod",
    "quantmod",
    "predet",
    "advmod",
    "poss",
    "case",
    "punct",
    "cc",
    "preconj",
    "nmod",
}
_STRIP_WORDS = word_set("nlp/spans", "strip_words")
ORG_HEAD_HINTS = word_set("nlp/spans", "org_head_hints")


def entity_of(token: Token) -> Span | None:
    if token.ent_iob not in (1, 3):  # outside every entity (no need to list them)
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def conjuncts(token: Token) -> list[Token]:
    """The token and the words coordinated with it ("X, Y and Z")."""
    out = [token]
    for c in token.conjuncts:
        if c not in out:
            out.append(c)
    # appositive lists "including A, B and C" are handled by the caller
    return sorted(out, key=lambda t: t.i)


def item_list(token: Token) -> list[Token]:
    """Coordinated items, also where the parser chained a list through an apposition
    ("rocket systems, anti-armor weapons, helicopters and other arms")."""
    out: list[Token] = []
    todo = [token]
    while todo and len(out) < 30:
        cur = todo.pop()
        for c in conjuncts(cur):
            if c in out:
                continue
            out.append(c)
            todo.extend(
                a
                for a in c.children
                if a.dep_ == "appos" and a.pos_ == "NOUN" and is_military_item(a)
            )
    return sorted(out, key=lambda t: t.i)


_CALIBRE = re.compile(r"^(?:mm|cm|cal|calibre|caliber|inch)(?:x\d+)?$", re.I)


def is_calibre(doc: Doc, i: int, end: int | None = None) -> bool:
    """ "155 mm", "155mm", "120-mm", "7.62 mm": a number that is part of an item's name."""
    end = len(doc) if end is None else end
    if not doc[i].like_num:
        return False
    j = i + 1
    if j < end and doc[j].text in ("-", "–") and not doc[i].whitespace_:
        j += 1
    return j < end and bool(_CALIBRE.match(doc[j].text))


def _measure_modifier(doc: Doc, start: int, end: int) -> bool:
    """The unit of a measure modifier at the span's start, once its number is gone ("350
    25-tonne light tanks": "tonne" goes too, the goods are the light tanks)."""
    return start >= 2 and start + 1 < end and glued_measure(doc, start - 2, end)


def clean_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range without leading determiners, numbers, quantifiers and trailing punctuation,
    nor the tail of a parenthesis it starts in ("120 (one hundred and twenty) boats")."""
    for k in range(start, end):
        if doc[k].text == "(":
            break
        if doc[k].text == ")":
            start = k + 1
            break
    while (
        start < end
        and not is_calibre(doc, start, end)
        and (
            _measure_modifier(doc, start, end)
            or doc[start].lower_ in _STRIP_WORDS
            or doc[start].like_num
            or doc[start].is_punct
            or (doc[start].dep_ in ("det", "nummod", "quantmod", "predet")
                and not _DESIGNATOR.match(doc[start].text))  # "KC-46" read as a number
            or doc[start].tag_ == "POS"
        )
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].tag_ == "POS"
        or doc[end - 1].lower_ in ("and", "or", "the")
    ):
        end -= 1
    if start >= end:
        return None
    return start, end


def left_edge_np(token: Token, keep_poss: bool = False) -> int:
    """Index where the noun phrase headed by `token` starts (compounds, adjectives)."""
    start = token.i
    for child in sorted(token.lefts, key=lambda t: -t.i):
        if child.dep_ in (
            "compound",
            "amod",
            "nmod",
            "nummod",
            "quantmod",
            "det",
            "punct",
            "advmod",
            "npadvmod",
            "predet",
        ) or (keep_poss and child.dep_ == "poss"):
            if child.dep_ == "punct" and child.text not in ("-", "–", "/", "'", "’"):
                break
            start = min(start, child.left_edge.i)
        elif child.dep_ == "poss":
            break
        else:
            break
    return start


def np_range(token: Token, keep_poss: bool = False) -> tuple[int, int]:
    start = left_edge_np(token, keep_poss)
    end = token.i + 1
    # "Tejas MkII", "AGPU 1.1" : trailing proper-noun/number appositions glued to the head
    doc = token.doc
    while (
        end < len(doc)
        and doc[end].head == token
        and doc[end].dep_ in ("nummod", "appos")
        and (doc[end].pos_ in ("PROPN", "NUM"))
        and not doc[end - 1].is_punct
        and doc[end].i == end
    ):
        end += 1
    return start, end


def is_pronoun(token: Token) -> bool:
    return token.lower_ in PRONOUNS and token.pos_ in ("PRON", "DET")


_INDEFINITE = word_set("nlp/spans", "indefinite")


def party_label(token: Token) -> str | None:
    """The entity label of a party token, or "NOUN" for a party noun ("the Indian Army");
    None for indefinite nouns ("a country", "other partners")."""
    ent = entity_of(token)
    if ent is not None and ent.label_ in PARTY_LABELS:
        return ent.label_
    if (
        token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ in ("", "PRODUCT", "WORK_OF_ART")
        and token.lower_ not in PARTY_HEADS
        and token.lower_ not in COMMON_CAPITALIZED
        and not title_case(token.sent)
    ):
        return "PROPN"  # a name the NER missed or misread ("Lockheed" ORG + "Martin" PRODUCT)
    if general_as_party(token):
        return "NOUN"  # "the Nato secretary general", "the IAEA director-general"
    if is_party_head(token):
        if any(
            c.dep_ in ("det", "amod") and c.lower_ in _INDEFINITE for c in token.children
        ) and not any(entity_of(w) is not None for w in token.subtree if w.i < token.i):
            return None  # "a country" (but "a Malaysian delegation" is specific)
        return "NOUN"
    return None


def is_party_head(token: Token) -> bool:
    """A noun that names a side ("ministers", "the Army"), also as a capitalised plural whose
    lemma keeps its -s ("NATO Defence Ministers")."""
    low = token.lower_
    return token.lemma_.lower() in PARTY_HEADS or low in PARTY_HEADS or (
        token.tag_ == "NNPS" and low.endswith("s") and low[:-1] in PARTY_HEADS)


COMMON_CAPITALIZED = word_set("nlp/spans", "common_capitalized")
_GENERAL_TITLE_WORDS = word_set("nlp/spans", "general_title_words")


def general_as_party(token: Token) -> bool:
    """ "general" as a party only in a secretary's or director's title ("the Nato secretary
    general", "director-general") or as officers ("asset freezes on five Russian generals");
    "the attorney general" or "the Auditor General" is no side of a deal."""
    if token.lower_ == "generals":
        return True
    return token.lower_ == "general" and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in _GENERAL_TITLE_WORDS
        for c in token.children
    )


def passive_adjective(token: Token) -> bool:
    """A passive participle the tagger read as an adjective: "the vehicles were gifted to X"
    (under its own auxiliary, or as the complement of "be")."""
    return (
        token.pos_ == "ADJ"
        and token.lower_.endswith("ed")
        and (
            any(c.dep_ == "auxpass" for c in token.children)
            or token.dep_ == "acomp" and token.head.lemma_ == "be"
        )
    )


def title_case(span: Span) -> bool:
    """A heading written in title case ("Biden Meets Allies On Ukraine Aid")."""
    words = [t for t in span if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.8 * len(words)


_GROUP_NOUNS = word_set("nlp/spans", "group_nouns")


def group_members(token: Token) -> list[Token]:
    """ "the leaders of Australia, Japan and South Korea" -> Australia, Japan, South Korea."""
    if token.lemma_.lower() not in _GROUP_NOUNS or entity_of(token) is not None:
        return []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            out = []
            for p in c.children:
                if p.dep_ == "pobj" and entity_of(p) is not None:
                    out.extend([p, *p.conjuncts])
            return out
    return []


def place_label(token: Token) -> str | None:
    ent = entity_of(token)
    if ent is not None and ent.label_ in PLACE_LABELS:
        return ent.label_
    return None


def party_range(token: Token) -> tuple[int, int] | None:
    """Token range of the party that `token` heads."""
    doc = token.doc
    ent = entity_of(token)
    if ent is not None and ent.label_ in PARTY_LABELS:
        # an entity that is only the modifier of a party noun: "the U.S. Congress" stays whole,
        # "Ukraine's Armed Forces" -> prefer the noun phrase around the head
        if ent.label_ != "PERSON" and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < ent.start for c in token.children
        ):
            s, e = np_range(token)  # the NER split one name in two
            return clean_span(doc, s, e)
        if ent.root.i == token.i or token.pos_ == "PROPN":
            s, e = ent.start, ent.end
            # extend over a possessive-free noun phrase head that continues the name
            return clean_span(doc, s, e)
    if token.pos_ in ("NOUN", "PROPN"):
        s, e = np_range(token, keep_poss=True)
        return clean_span(doc, s, e)
    return None


_GENERIC_PART_HEADS = word_tuple("nlp/spans", "generic_part_heads")
# A model designator: letters then digits, with a hyphen and a suffix or not ("F-35A", "K9",
# "Su-30MKI", "MQ-9B", "HTT-40", "2A8" after a name), and an acronym in the plural ("FICVs").
_DESIGNATOR = re.compile(
    r"^(?:[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Za-z]{0,4}(?:-[A-Za-z0-9]{1,6})?|\d[A-Z]\d{1,2})$"
)
_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,6}s$")
_NOT_DESIGNATORS = word_set("nlp/spans", "not_designators")
_VERSION = re.compile(r"^(?:Mk|MK|Mark|Block|Batch|Lot|Phase|Tranche|Tier|Gen)-?\d", re.I)
# Entity labels that a designator-like token never names goods under.
_NOT_GOODS_LABELS = {"GPE", "NORP", "LOC", "COUNTRY", "DEMONYM", "METONYM", "DATE", "TIME",
                     "PERSON", "COMPANY", "MONEY", "PERCENT", "EVENT", "LAW", "FAC"}


_NER_PLACE_LABELS = {"GPE", "LOC", "NORP"}

# Entity labels of a state told by its name ("Poland", "the United States"); a capital
# standing for it ("Beijing") adds METONYM, a side told by its people ("Russian") NORP and
# DEMONYM. One place for what the round-15 modules each spelled out.
NAMED_STATE_LABELS: tuple[str, ...] = ("GPE", "COUNTRY")
STATE_OR_METONYM_LABELS: tuple[str, ...] = NAMED_STATE_LABELS + ("METONYM",)
STATE_SIDE_LABELS: tuple[str, ...] = ("NORP", "DEMONYM") + NAMED_STATE_LABELS


def is_version(token: Token) -> bool:
    """ "Mk2", "Block 3": the version of the name before it."""
    return bool(_VERSION.match(token.text))


def is_designator(token: Token) -> bool:
    """A model name written as a designator or a plural acronym, not part of a known party,
    place or date ("ordered 35 F-35A", "wants 1,750 FICVs")."""
    text = token.text
    if text in _NOT_DESIGNATORS:
        return False
    if not (_DESIGNATOR.match(text) or _ACRONYM_PLURAL.match(text)):
        return False
    if is_version(token):
        return False  # "Mk2", "Block3": the version of the name before it, not a name
    ent = entity_of(token)
    if ent is not None and ent.label_ in _NER_PLACE_LABELS and len(ent) == 1:
        return any(c.isdigit() for c in text)  # "F-16s" tagged a place: no place has digits
    return ent is None or ent.label_ not in _NOT_GOODS_LABELS


def is_military_item(token: Token) -> bool:
    """Whether the noun phrase headed by `token` names military goods."""
    lemma = token.lemma_.lower()
    low = token.lower_
    ent = entity_of(token)
    if ent is not None and ent.label_ in ("WEAPON", "PRODUCT"):
        return True
    if is_designator(token):
        return True
    if lemma in NON_ITEM_WORDS and lemma not in ITEM_HEADS:
        return False
    mods = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
    mod_words = {w.lower_ for c in mods for w in c.subtree} | {c.lemma_.lower() for c in mods}
    if lemma in ITEM_HEADS or low in ITEM_HEADS:
        if lemma not in GENERIC_ITEM_HEADS and low not in GENERIC_ITEM_HEADS:
            return True
        if mod_words & (MILITARY_MODIFIERS | ITEM_HEADS):
            return True
        if any(c.pos_ == "PROPN" or c.like_num or _weapon_name(c) for c in mods):
            return True  # "CV90 vehicles", "Russian S-400 systems"
        if any(w in MILITARY_MODIFIERS for w in (t.lower_ for t in token.doc)):
            counted = any(c.dep_ == "nummod" for c in token.children)
            return counted or lemma not in _GENERIC_PART_HEADS
        return False
    # a product name used as the object of buy/produce: "procure more BrahMos"
    if low in PARTY_HEADS or lemma in PARTY_HEADS:
        return False  # "provided the Navy with drones": a party
    return token.pos_ == "PROPN" and (
        ent is None
        or ent.label_ not in ("GPE", "NORP", "LOC", "COUNTRY", "DEMONYM", "METONYM", "DATE")
    )


def _weapon_name(token: Token) -> bool:
    """A modifier the recogniser read as a weapon's name, or a designator ("CV90", "S-400")."""
    ent = entity_of(token)
    return (ent is not None and ent.label_ in ("WEAPON", "PRODUCT")) or is_designator(token)


ACTION_NOUNS = word_set("nlp/spans", "action_nouns")


def _measure_lemma(token: Token) -> str:
    """The lemma, singular also for a capitalised plural the tagger kept as a name ("6
    Squadrons of Tejas")."""
    lemma = token.lemma_.lower()
    if lemma not in MEASURE_HEADS and lemma.endswith("s") and lemma[:-1] in MEASURE_HEADS:
        return lemma[:-1]
    return lemma


def item_head(token: Token) -> Token:
    """For measure nouns ("300,000 rounds of shells", "six squadrons of Tejas") and action
    nouns ("the supply of 18 aircraft") the real item."""
    if (
        _measure_lemma(token) in MEASURE_HEADS
        or token.lemma_.lower() in ACTION_NOUNS
        or (token.like_num and token.pos_ == "NUM")  # "ordered 24 of the jets"
    ):
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                        # "hundreds of thousands of artillery rounds": the last measure's goods
                        return item_head(pobj) if _measure_lemma(pobj) in MEASURE_HEADS else pobj
        for appos in token.children:  # "its own version, the Geran-2"
            if appos.dep_ == "appos" and is_military_item(appos):
                return appos
    if token.lemma_.lower() in _PROGRAMME_HEADS | _SERVICE_HEADS:
        # "the Medium Transport Aircraft programme", "a contract for Abrams tank upgrades"
        for c in token.children:
            if c.dep_ in ("compound", "nmod") and c.i < token.i and is_military_item(c):
                return c
    return token


_FOR_PP_HEADS = word_set("nlp/spans", "for_pp_heads")
_PROGRAMME_HEADS = word_set("nlp/spans", "programme_heads")
_SERVICE_HEADS = word_set("nlp/spans", "service_heads")


def counted_receiver(token: Token) -> Token | None:
    """A state named right after the verb and before the count of its goods, which the parse
    took into the goods' phrase ("send Ukraine 31 Leopard tanks": "Ukraine" a modifier of
    "tanks", "31" of "Ukraine"): the receiver, its number the count."""
    doc = token.doc
    for child in token.lefts:
        if (
            child.dep_ in ("nmod", "compound")
            and child.i > 0
            and doc[child.i - 1].i == token.head.i
            and token.head.pos_ == "VERB"
            and child.ent_type_ in ("GPE", "COUNTRY")
            and any(c.dep_ == "nummod" and c.i > child.i for c in child.children)
        ):
            return child
    return None


def item_range(token: Token) -> tuple[int, int] | None:
    doc = token.doc
    ent = entity_of(token)
    if ent is not None and ent.label_ in ("WEAPON", "PRODUCT") and ent.root.i == token.i:
        s, e = ent.start, ent.end
        # "Lynx vehicles": the entity is a modifier of a generic head -> keep the whole phrase
    else:
        s, e = np_range(token)
        receiver = counted_receiver(token)
        if receiver is not None:
            s = receiver.i + 1  # "send Ukraine 31 Leopard tanks": the goods start after it
    # keep "for"-phrases of generic heads: "equipment for F-16 fighter jets"
    if token.lemma_.lower() in _FOR_PP_HEADS:
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of") and prep.i == e:
                pobjs = [c for c in prep.children if c.dep_ == "pobj"]
                if pobjs:
                    e = pobjs[0].i + 1
                break
    return clean_span(doc, s, e)


def quantity_tokens(token: Token) -> list[Token]:
    """Number words that count the items headed by `token` (nummod, also on measure nouns).

    Numbers inside a model name ("AH-64", "AGPU 1.1") do not count: a number right after a
    proper noun of the item's own phrase is part of the name; after a name outside it ("gave
    Ukraine 18 howitzers", the receiver) it is a count."""
    out: list[Token] = []
    phrase = {w.i for w in token.subtree}
    receiver = counted_receiver(token)
    for c in token.children:
        if c == receiver:
            out.extend(n for n in c.children if n.dep_ == "nummod" and n.like_num)
            continue
        if c.i > token.i or c.dep_ not in ("nummod", "amod", "compound", "quantmod"):
            continue
        for t in c.subtree:
            if t.i >= token.i or not t.like_num:
                continue
            prev = token.doc[t.i - 1] if t.i > 0 else None
            if prev is not None and prev.pos_ == "PROPN" and prev.i in phrase:
                continue
            if out and any(w.text == "(" for w in token.doc[out[0].i : t.i]):
                continue  # "120 (one hundred and twenty)": the count spelled out again
            out.append(t)
    return out
