"""Who a token names: a party (through pronouns and titles), a company, an armed force, a place."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.lexicon import PARTY_LABELS
from materiel.nlp.spans import (
    FIRST_PERSON,
    ORG_HEAD_HINTS,
    entity_of,
    general_as_party,
    is_party_head,
    is_pronoun,
    party_label,
    party_range,
    place_label,
)
from materiel.nlp.types import RoleValue
from materiel.wordlists import word_set, word_tuple

_ext.register()


_COMPANY_NOUNS = word_set("nlp/roles", "company_nouns")

ARMED_FORCE_WORDS = word_set("nlp/roles", "armed_force_words")


def role_value(
    doc: Doc, role: str, rng: tuple[int, int] | None, label: str | None, pronoun: bool = False
) -> RoleValue | None:
    if rng is None:
        return None
    s, e = rng
    span = doc[s:e]
    text = span.text
    if not text.strip():
        return None
    kb_id = None
    ent = entity_of(doc[s]) if e - s >= 1 else None
    if ent is not None and ent.start == s and ent.end == e and ent.ent_id_:
        kb_id = ent.ent_id_
    return RoleValue(
        role=role,
        text=text,
        start=span.start_char,
        end=span.end_char,
        label=label,
        kb_id=kb_id,
        pronoun=pronoun,
    )


_PERSONAL = word_set("nlp/roles", "personal")
_NAME_SUFFIXES = word_set("nlp/roles", "name_suffixes")


def _sentence_antecedent(pron: Token) -> Token | None:
    """ "Britain said it will send ...": the named subject of a clause above the pronoun."""
    person = pron.lower_ in _PERSONAL
    cur = pron.head
    for _ in range(6):
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < pron.i and not is_pronoun(c):
                ent = entity_of(c)
                if ent is None or ent.label_ not in PARTY_LABELS:
                    continue
                if (ent.label_ == "PERSON") == person:
                    return c
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


FIRST_PERSON_ROLES = {"donor", "imposer", "participant", "buyer", "spender", "party", "recipient"}


def party(
    doc: Doc, role: str, tok: Token, resolve_to: list[Token] | None = None
) -> RoleValue | None:
    if tok.lower_ in FIRST_PERSON and tok.pos_ in ("PRON", "DET") and tok.text != "US":
        if tok.lower_ not in ("we", "i", "us", "me") or role not in FIRST_PERSON_ROLES:
            return None
        # "we", "I": the speaker's side, resolved for the document (quote speaker or the
        # government whose statement it is), else dropped
        return RoleValue(
            role=role,
            text=tok.text,
            start=tok.idx,
            end=tok.idx + len(tok),
            label="FIRST_PERSON",
            pronoun=True,
        )
    if is_pronoun(tok):
        if tok.lower_ in ("it", "this", "that") and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            return None  # "It will be the first visit ..."
        if _as_long_as_it_takes(tok):
            return None
        for alt in resolve_to or []:
            if not is_pronoun(alt) and party_label(alt):
                return party(doc, role, alt)
        ante = _sentence_antecedent(tok)
        if ante is not None:
            return party(doc, role, ante)
        return RoleValue(
            role=role, text=tok.text, start=tok.idx, end=tok.idx + len(tok), pronoun=True
        )
    if tok.lower_ in _NAME_SUFFIXES and tok.i > 0:
        prev = doc[tok.i - 2] if doc[tok.i - 1].text == "," and tok.i > 1 else doc[tok.i - 1]
        ent = entity_of(prev)
        if ent is None or ent.label_ != "PERSON":
            return None
        if ent.root.lower_ not in _NAME_SUFFIXES:
            return party(doc, role, ent.root)
        # "Martin Luther King Jr.": the suffix is the name's own root, read as the name below
    label = party_label(tok)
    if label is None:
        return None
    if label == "NOUN" and not is_party_head(tok) and not general_as_party(tok):
        return None
    if label == "NOUN" and tok.lemma_.lower() in _COMPANY_NOUNS:
        # "the German company Diehl": the name, not the description
        for c in tok.children:
            if (
                c.dep_ in ("appos", "compound", "npadvmod", "nmod")
                and c.pos_ == "PROPN"
                and c.i > tok.i
            ):
                return party(doc, role, c)
    return role_value(doc, role, party_range(tok), label)


def _as_long_as_it_takes(tok: Token) -> bool:
    """ "back Armenia for as long as it takes": that "it" of a set phrase names no one."""
    verb = tok.head
    return (tok.lower_ == "it" and tok.dep_ == "nsubj" and verb.lemma_.lower() == "take"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children))


_OFFICE_NOUNS = word_set("nlp/roles", "office_nouns")
_NAME_PATH_DEPS = ("appos", "prep", "pobj", "compound", "nmod", "npadvmod")


def office_holder(tok: Token) -> Token | None:
    """The person a noun naming an office names after it: "his Egyptian counterpart, General
    X", "the Chief of General Staff of the Navy, Admiral X", "Minister for Armed Forces X"
    (through the noun phrase only: no clause, no coordination)."""
    if tok.lemma_.lower() not in _OFFICE_NOUNS and tok.lower_ not in _OFFICE_NOUNS:
        return None
    if tok.ent_type_ == "PERSON":
        return None
    after = _person_right_after(tok)
    if after is not None:
        return after
    todo = [tok]
    while todo:
        cur = todo.pop(0)
        for c in cur.children:
            if c.i <= tok.i or c.dep_ not in _NAME_PATH_DEPS:
                continue
            ent = entity_of(c)
            if ent is not None and ent.label_ == "PERSON":
                return ent.root
            todo.append(c)
    return None


def name_between_commas(tok: Token) -> Token | None:
    """ "Spanish Foreign Minister, Jose Albares, and his counterpart met": the name set off
    by commas right after an office, which the parser joins to it as a conjunct."""
    if tok.lemma_.lower() not in _OFFICE_NOUNS and tok.lower_ not in _OFFICE_NOUNS:
        return None
    doc = tok.doc
    j = tok.i + 1
    if j + 1 >= len(doc) or doc[j].text != ",":
        return None
    ent = entity_of(doc[j + 1])
    if ent is None or ent.label_ != "PERSON" or ent.start != j + 1:
        return None
    if ent.root.dep_ != "conj" or ent.root.head.i != tok.i:
        return None
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    return ent.root


def _person_right_after(tok: Token) -> Token | None:
    """ "Commander of the Army Staff Lt. Gen. Ana Ferreira" parsed apart: the person
    named right after the office's phrase (through title words hung on the name)."""
    doc = tok.doc
    j = tok.right_edge.i + 1
    while j < len(doc) and doc[j].ent_type_ != "PERSON" and doc[j].dep_ == "compound" and (
        doc[j].head.ent_type_ == "PERSON"
    ):
        j += 1
    ent = entity_of(doc[j]) if j < len(doc) else None
    if ent is not None and ent.label_ == "PERSON" and ent.start == j:
        return ent.root
    return None


def place(doc: Doc, role: str, tok: Token) -> RoleValue | None:
    label = place_label(tok)
    if label is None:
        return None
    ent = entity_of(tok)
    if ent is None:
        return None
    return role_value(doc, role, (ent.start, ent.end), label)


_MAKER_NOUNS = word_tuple("nlp/roles", "maker_nouns")
_PUBLIC_BODY_WORDS = word_set("nlp/roles", "public_body_words")


def is_company(tok: Token) -> bool:
    ent = entity_of(tok)
    if ent is not None and ent.label_ == "COMPANY":
        return True
    if ent is not None and ent.label_ == "ORG":
        words = {t.lower_.strip(".") for t in ent}
        if words & ORG_HEAD_HINTS:
            return True
        if words & ARMED_FORCE_WORDS:
            return False
        return not (
            words
            & _PUBLIC_BODY_WORDS
        )
    return tok.lemma_.lower() in _MAKER_NOUNS


def is_armed_force(tok: Token) -> bool:
    ent = entity_of(tok)
    words = {t.lower_ for t in (ent if ent is not None else [tok])}
    return bool(words & ARMED_FORCE_WORDS) or tok.lemma_.lower() in ARMED_FORCE_WORDS
