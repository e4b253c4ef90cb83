"""Argument roles from the dependency parse, one filler per event type.

Each `fill_<type>` maps a trigger's `Frame` (frames.py) onto the roles of its type:
subject/object, prepositions (from, to, for, with, in), possessives, appositions, capitals,
coordination, passives. Items keep the noun phrase as written ("artillery shells")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.companions import companions
from materiel.nlp.frames import Frame, named, pobjs, pp_of, subjects
from materiel.nlp.lexicon import ITEM_HEADS, PARTY_HEADS, PARTY_LABELS
from materiel.nlp.makers import making_agents, names_before
from materiel.nlp.participles import COUNT_CUE, Host, participle_host
from materiel.nlp.spans import (
    FIRST_PERSON,
    ORG_HEAD_HINTS,
    conjuncts,
    entity_of,
    group_members,
    is_designator,
    is_military_item,
    is_pronoun,
    item_head,
    item_list,
    item_range,
    party_label,
    party_range,
    place_label,
)
from materiel.nlp.types import EventMention, NumberMention, RoleValue
from materiel.nlp.under_contract import UNDER_CUE, goods_made_under
from materiel.nlp.venues import meeting_venues, works_place
from materiel.wordlists import word_set, word_tuple

_ext.register()

PROD_VERBS = word_set("nlp/roles", "prod_verbs")


_BUY_VERBS = word_set("nlp/roles", "buy_verbs")


_SELLER_GOVERNORS = word_set("nlp/roles", "seller_governors")


_STRIKE_TARGET_HEADS = word_set("nlp/roles", "strike_target_heads")


_ATTENDING = word_set("nlp/roles", "attending")
_SPEAKING = word_set("nlp/roles", "speaking")
_JOURNEY_VERBS = word_set("nlp/roles", "journey_verbs")
_ATTENDING_PURPOSES = word_set("nlp/roles", "attending_purposes")
_COMPANY_NOUNS = word_set("nlp/roles", "company_nouns")


MEETING_NOUNS = word_set("nlp/roles", "meeting_nouns")
VISITOR_NOUNS = word_set("nlp/roles", "visitor_nouns")
_NO_PLACE_MEETINGS = word_set("nlp/roles", "no_place_meeting_nouns")
_TELLING_VERBS = word_set("nlp/roles", "telling_verbs")


ARMED_FORCE_WORDS = word_set("nlp/roles", "armed_force_words")


def _value(
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
    if label == "NOUN" and tok.lemma_.lower() not in PARTY_HEADS and tok.lower_ not in PARTY_HEADS:
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
    return _value(doc, role, party_range(tok), label)


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


def _person_right_after(tok: Token) -> Token | None:
    """ "Chairman of the Joint Chiefs of Staff Gen. Mark Milley" parsed apart: the person
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
    return _value(doc, role, (ent.start, ent.end), label)


def items_from(doc: Doc, toks: list[Token], strict: bool = True) -> list[tuple[RoleValue, Token]]:
    out = []
    for tok in toks:
        for c in _counted_items(tok):
            head = item_head(c)
            if head.pos_ not in ("NOUN", "PROPN") and not (
                head.pos_ in ("NUM", "VERB") and _nominal(head) and is_military_item(head)
            ):
                continue  # a number, but "35 F-35A" (a designator read as a number) counts
            if strict and not is_military_item(head):
                continue
            label = party_label(head)
            ent = entity_of(head)
            known = ent is not None and bool(ent.ent_id_)
            if (
                label in ("NORP", "PERSON", "COUNTRY", "DEMONYM", "METONYM", "COMPANY")
                or (label == "GPE" and head.tag_ != "NNPS" and not is_designator(head))
                or (label == "ORG" and known)
            ) and not (ent is not None and ent.root.i != head.i):
                continue
            rv = _value(doc, "item", item_range(head), ent.label_ if ent is not None else None)
            if rv is not None:
                out.append((rv, c))
    return out


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


_INCLUDING_VERBS = word_tuple("nlp/roles", "including_verbs")
_SUPPORT_NOUNS = word_set("nlp/validate", "support_nouns")


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
        if o.lemma_.lower() in _SUPPORT_NOUNS:  # "providing X with support, including Y"
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
        or tok.lemma_.lower() in _SUPPORT_NOUNS
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


def _parties(
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
                n += _parties(doc, role, [holder], m, offices=False)
                continue
            members = group_members(c)
            if members:
                n += _parties(doc, role, members, m)
                continue
            rv = party(doc, role, c, resolve_to)
            if rv is not None:
                m.add(rv)
                n += 1
    return n


def _places(doc: Doc, role: str, toks: list[Token], m: EventMention) -> int:
    n = 0
    for tok in toks:
        for c in conjuncts(tok):
            rv = place(doc, role, c)
            if rv is not None:
                m.add(rv)
                n += 1
    return n


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


def _named_company(tok: Token) -> bool:
    """A name known or marked as a company's ("Airbus", "Larsen & Toubro Ltd"), not any
    organisation the tagger found (which in a goods phrase is often part of its name)."""
    ent = entity_of(tok)
    if ent is None:
        return False
    return ent.label_ == "COMPANY" or (
        ent.label_ == "ORG" and bool({t.lower_.strip(".") for t in ent} & ORG_HEAD_HINTS)
    )


def is_armed_force(tok: Token) -> bool:
    ent = entity_of(tok)
    words = {t.lower_ for t in (ent if ent is not None else [tok])}
    return bool(words & ARMED_FORCE_WORDS) or tok.lemma_.lower() in ARMED_FORCE_WORDS


_ITEM_PREPS = {
    "procurement": ("of", "for"),
    "aid": ("of", "with", "for"),
    "production": ("of", "for", "to"),
}


_NON_PRODUCER_COMPOUNDS = word_tuple("nlp/roles", "non_producer_compounds")


def _items(
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
            if head.lower_ in _NON_PRODUCER_COMPOUNDS:
                continue
            hent = entity_of(head)
            if (
                head.lemma_.lower() in ITEM_HEADS
                or head.lower_ in ITEM_HEADS
                or (head.pos_ == "PROPN" and not party_label(head))
                or (hent is not None and hent.label_ == "WEAPON")
            ):
                found = _value(doc, "item", (head.left_edge.i, head.i + 1), None)
                if found is not None:
                    vals.append(found)
                    toks.append(head)
                    break
    return vals, toks


def _stray_conjuncts(frame: Frame) -> list[Token]:
    """A counted noun the parse joined to the verb over a counted object ("plans to buy 42
    Rafale, and 12 F-15EX jets": "jets" hangs on "plans"): another of its objects."""
    t = frame.trigger
    if t.pos_ != "VERB" or not any(_counted(o) for o in frame.obj):
        return []
    verbs = [t] + ([t.head] if t.dep_ == "xcomp" else [])
    return [
        c for v in verbs for c in v.children
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and _counted(c) and c.i > t.i
    ]


def _counted(tok: Token) -> bool:
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
            rv = _value(doc, "item", rng, None) if rng else None
            if rv is not None:
                m.add(rv)
                out.append(tok)
                m.cues.append("fallback-item")
                break
    return out


_DEAL_CLOSING_VERBS = word_set("nlp/roles", "deal_closing_verbs")
_AWARDING_VERBS = ("award", "grant")
_TENDER_WORDS = ("tender", "rfp", "rfi", "request")


_WON_DEAL_NOUNS = word_set("nlp/roles", "won_deal_nouns")
WON_DEAL_CUE = "won-deal"  # the subject won an order: the seller, whoever the buyer is


def _won_deals(f: Frame) -> list[Token]:
    """The deals a winning or receiving verb's subject won ("received orders", "won a
    contract"): that subject sells."""
    if f.trigger.pos_ != "VERB" or f.trigger.lemma_.lower() not in _SELLER_GOVERNORS:
        return []
    return [o for o in f.obj if o.lemma_.lower() in _WON_DEAL_NOUNS]


def _deal_froms(deal: Token) -> list[Token]:
    """Who a won deal comes from: "orders from the Navy", "orders to make X for Y from the
    Navy" (wherever the parse hangs the "from" in the deal's phrase)."""
    return [w for p in deal.subtree if p.dep_ == "prep" and p.lower_ == "from"
            for w in pobjs(p) if party_label(w)]


_SIGNED_DEALS = ("contract", "deal", "order", "agreement")


def _signed_deal_sides(doc: Doc, deal: Token, m: EventMention) -> None:
    """A signing clause the parse hangs on the deal's goods: "a contract for 400 launchers
    signed with Saab" (Saab sells), "a contract for missiles that the ministry signed with
    MHI" (the ministry buys), when the sides are not found yet."""
    for w in deal.subtree:
        if w.dep_ not in ("acl", "relcl") or w.lemma_.lower() not in _DEAL_CLOSING_VERBS:
            continue
        if w.head.i != deal.i and w.head.head.head.i != deal.i:
            continue  # on the deal or on the goods it is for
        if not m.values("seller"):
            _parties(doc, "seller", [x for x in pp_of(w, "with") if party_label(x)], m)
        if not m.values("buyer"):
            subj = [c for c in w.children if c.dep_ == "nsubj" and not is_pronoun(c)]
            _parties(doc, "buyer", [c for c in subj if c.lower_ not in ("that", "which")], m)
        return


def _signing_sides(doc: Doc, subj: list[Token], m: EventMention) -> None:
    """The subjects of a sale led by a company sell, save a public body among them: "Hanwha
    and Romania's Armament Agency signed a contract" (the agency buys)."""
    sides = list(dict.fromkeys(c for s in subj for c in conjuncts(s)))
    public = [c for c in sides[1:] if not is_company(c) and party_label(c)]
    if not public:
        _parties(doc, "seller", subj, m)
        return
    for c in sides:
        rv = party(doc, "buyer" if c in public else "seller", c, None)
        if rv is not None:
            m.add(rv)


def fill_procurement(
    doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]
) -> list[Token]:
    lemma = m.trigger
    sells = lemma in ("sell", "sale", "export")
    items, item_toks = _items(doc, f, numbers, strict=True, type_="procurement")
    for rv in items:
        m.add(rv)
    subj = f.subj
    if lemma in _ARRIVING_VERBS:  # "the first three of 42 jets will arrive in January"
        for rv, tok in items_from(doc, subj):
            m.add(rv)
            item_toks.append(item_head(tok))
        _parties(doc, "seller", f.pp("from"), m)
        return item_toks
    if (
        lemma in ("order", "contract", "deal", "tender", "purchase", "procurement", "acquisition")
        and f.pred is not None
        and f.gov_lemma
        in _SELLER_GOVERNORS
        | _DEAL_CLOSING_VERBS
    ):
        sells = (
            bool(subj)
            and is_company(subj[0])
            and f.gov_lemma not in ("receive",)
            or (f.gov_lemma in _SELLER_GOVERNORS and bool(subj) and not is_armed_force(subj[0]))
        )
        if sells and f.gov_lemma in _SELLER_GOVERNORS:
            m.cues.append(WON_DEAL_CUE)
    won = _won_deals(f)
    if won:
        m.cues.append(WON_DEAL_CUE)
        # "X has received orders (to make Y) from the Navy": X sells, the Navy buys
        _signing_sides(doc, subj, m)
        froms = f.pp("from") + [w for o in won for w in _deal_froms(o)]
        _parties(doc, "buyer", froms, m)
    elif lemma == "award" and f.trigger.pos_ == "NOUN":
        # "the Army's award to Raytheon": the noun names the winner with "to"
        _parties(doc, "buyer", subj + f.poss, m)
        _parties(doc, "seller", f.pp("to") + f.dative, m)
    elif f.gov_lemma == "award" or (f.pred is not None and f.pred.lemma_ == "award"):
        if f.passive and f.pred is not None:
            # "Lockheed Martin was awarded a $1.2 billion contract for ... (by the Army)"
            winners = [c for c in f.pred.children if c.dep_ == "nsubjpass"]
            # "the contract awarded to X by the Army": the winner follows the participle
            _parties(doc, "seller", winners or f.pp("to") + f.dative, m)
            _parties(doc, "buyer", f.agent, m)
        else:
            _parties(doc, "buyer", subj + f.poss, m)
            _parties(doc, "seller", f.pp("to") + f.dative, m)
    elif any(c.dep_ == "acl" and c.lemma_ in _AWARDING_VERBS for c in f.trigger.children):
        # "the contract awarded to X": X sells
        _parties(doc, "seller", f.pp("to") + f.dative, m)
        _parties(doc, "buyer", f.poss, m)
    elif sells:
        _signing_sides(doc, subj, m)
        # "won a U.S. Navy repair contract", "won the Army's order": the force buys
        forces = [t for t in f.poss + f.mods if is_armed_force(t) and not is_company(t)]
        _parties(doc, "seller", [t for t in f.poss + f.mods if t not in forces], m)
        _parties(doc, "buyer", forces, m)
        _parties(doc, "buyer", f.pp("to", "from", "with") + f.dative, m)
    elif lemma in _NEED_NOUNS and f.poss:  # "responded to the Army's requirement for X"
        _parties(doc, "buyer", f.poss, m, resolve_to=subj)
    else:
        if f.passive:
            _parties(doc, "buyer", f.agent, m)
        # "the Indian Army and Bharat Forge signed a contract": the company sells
        sides = [c for s in subj for c in conjuncts(s)]
        makers = [c for c in sides if is_company(c)] if len(sides) > 1 else []
        if makers and any(is_armed_force(c) and not is_company(c) for c in sides):
            for c in sides:
                side = party(doc, "seller" if c in makers else "buyer", c, None)
                if side is not None:
                    m.add(side)
            subj = []
        _parties(doc, "buyer", subj + f.poss, m, resolve_to=subj)
        _parties(doc, "seller", f.pp("from", "with"), m)
        for tok in f.mods:
            if is_company(tok):
                _parties(doc, "seller", [tok], m)
    if lemma in _SIGNED_DEALS and f.trigger.pos_ == "NOUN":
        _signed_deal_sides(doc, f.trigger, m)
    if lemma in ("select", "choose"):  # "the Army selected Lockheed Martin to build X"
        _parties(doc, "seller", [o for o in f.obj if is_company(o)], m)
    if lemma in _TENDER_WORDS and not m.values("buyer"):
        # "the release of an RFI ... by the Royal Australian Air Force": who asks buys
        _parties(doc, "buyer", f.agent or _agent_of_nominal(f.trigger), m)
    # "for the Indian Navy": the buyer when none yet
    for tok in f.pp("for"):
        if party_label(tok) and not is_military_item(item_head(tok)):
            if not m.values("buyer"):
                _parties(doc, "buyer", [tok], m)
            elif not _own_force(tok):
                m.cues.append(f"beneficiary:{tok.i}")
    host = participle_host(f.trigger)
    if host is not None:
        item_toks = _participle_sides(doc, host, m, item_toks)
    if not m.values("buyer") and f.trigger.dep_ in ("acl", "relcl") and f.trigger.pos_ == "VERB":
        # "the Army's Zorawar tank that was ordered last year": whose goods were bought
        _parties(doc, "buyer", [c for c in f.trigger.head.children if c.dep_ == "poss"], m)
    if not item_toks:
        item_toks = _host_clause_items(doc, f, m)
    _host_clause_sides(doc, f, m)
    if not item_toks:
        item_toks = fallback_items(doc, f, m)
    if (
        not item_toks
        and f.trigger.pos_ == "VERB"
        and f.trigger.dep_ not in ("acl", "relcl")
        and any(_armed_force_value(doc, v) for v in m.values("buyer"))
    ):
        item_toks = _plain_goods(doc, f, m, f.obj)  # "the Army wants to buy robotic mules"
    if not m.values("seller"):
        _goods_maker_sellers(doc, item_toks, m)
    _company_buyers_sell(doc, f, m, item_toks)
    return item_toks


def _company_buyers_sell(doc: Doc, f: Frame, m: EventMention, item_toks: list[Token]) -> None:
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
                  if party_label(w) in _STATES]
        if states:
            m.args["seller"], m.args["buyer"] = buyers, []
            for v in buyers:
                v.role = "seller"
            _parties(doc, "buyer", states, m)
        return
    if not all(
        v.label in _STATE_LABELS or (v.kb_id or "").startswith(_PUBLIC_KB) for v in sellers
    ):
        return
    m.args["seller"], m.args["buyer"] = buyers, sellers
    for v in buyers:
        v.role = "seller"
    for v in sellers:
        v.role = "buyer"


_SUBJECT_BUYS = word_set("nlp/roles", "subject_buys_verbs")
_STATE_LABELS = ("COUNTRY", "GPE")
_PUBLIC_KB = ("organization:", "country:")


def _goods_maker_sellers(doc: Doc, heads: list[Token], m: EventMention) -> None:
    """The maker the goods' phrase names sells (`materiel.nlp.makers`), unless it is
    already a side of the purchase."""
    taken = [(v.start, v.end) for vals in m.args.values() for v in vals if v.role != "item"]
    for head in heads:
        makers = [t for t in names_before(head) if _named_company(t)]
        makers += [x for x in making_agents(head) if party_label(x)]
        makers = [t for t in makers if not any(s <= t.idx < e for s, e in taken)]
        _parties(doc, "seller", makers, m)


SUPPORTED_STATE_CUE = "supported-state"  # "$3 billion to support Ukraine": money for a state
_STATES = ("GPE", "COUNTRY", "METONYM")
PLAIN_GOODS_CUE = "plain-goods"  # goods taken from the object with no military word


def _company_value(doc: Doc, v: RoleValue) -> bool:
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return span is not None and is_company(span.root)


def _armed_force_value(doc: Doc, v: RoleValue) -> bool:
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return span is not None and is_armed_force(span.root)


_SHARE_NOUNS = ("cent", "percent", "%", "share", "part", "half", "order")


def _plain_goods(doc: Doc, f: Frame, m: EventMention, objs: list[Token]) -> list[Token]:
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


_ARRIVING_VERBS = ("arrive",)
_NEED_NOUNS = ("requirement",)


def _host_clause_sides(doc: Doc, f: Frame, m: EventMention) -> None:
    """The sides of a contract told by the clause that works under it: who builds or
    delivers sells, whom it is for or delivered to buys."""
    verb = goods_made_under(f.trigger)
    if verb is None:
        return
    m.cues.append(f"{UNDER_CUE}{verb.i}")
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    makers = [x for c in verb.children if c.dep_ == "agent" for x in pobjs(c)] if passive else [
        c for c in verb.children if c.dep_ == "nsubj"
    ]
    goods = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    takers = [x for h in [verb, *goods] for c in h.children
              if c.dep_ in ("prep", "dative") and c.lower_ in ("for", "to") for x in pobjs(c)]
    takers = [x for x in takers if party_label(x) and not is_military_item(item_head(x))]
    if not m.values("seller"):
        _parties(doc, "seller", [x for x in makers if is_company(x)], m)
    if not m.values("buyer"):
        _parties(doc, "buyer", takers, m)


def _participle_sides(doc: Doc, host: Host, m: EventMention, item_toks: list[Token]) -> list[Token]:
    """The goods and sides a bare participle purchase takes from the clause it hangs on
    (`materiel.nlp.participles`); a share's count is the purchase's own."""
    if host.count is not None:
        m.cues.append(f"{COUNT_CUE}{host.count.i}")
    if not item_toks:
        for rv, tok in items_from(doc, host.goods):
            m.add(rv)
            item_toks.append(item_head(tok))
    buyers = [b for b in host.buyers() if party_label(b)]
    if buyers and (host.sellers() or not m.values("buyer")):
        m.args.pop("buyer", None)  # "X delivered jets to Y, out of 12 ordered": Y bought
        _parties(doc, "buyer", buyers, m)
    if not m.values("seller"):
        _parties(doc, "seller", host.sellers(), m)
    return item_toks


_HOSTING_PREPS = word_set("nlp/roles", "hosting_preps")


def _agent_of_nominal(t: Token) -> list[Token]:
    """The "by" phrase of the noun a trigger is "of": "the release of an RFI by X"."""
    if t.dep_ != "pobj" or t.head.lower_ != "of":
        return []
    return [x for c in t.head.head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
            for x in pobjs(c)]


def _host_clause_items(doc: Doc, f: Frame, m: EventMention) -> list[Token]:
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
    holders += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    if goods_made_under(t) is not None:  # "X is building jets under a contract": X makes
        holders = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    used = {(v.start, v.end) for vals in m.args.values() for v in vals}
    out = []
    for rv, tok in items_from(doc, holders):
        if (rv.start, rv.end) not in used:
            m.add(rv)
            out.append(item_head(tok))
    return out


def _own_force(tok: Token) -> bool:
    """ "for its air force", "for their own army": the buyer's own forces, not a third party."""
    if any(c.dep_ == "poss" for c in tok.children):
        return any(
            c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our", "own")
            for c in tok.children
        )
    if any(c.dep_ in ("amod", "compound", "prep") for c in tok.children) or tok.ent_type_:
        return False  # "the Armed Forces of Ukraine", "the Royal Australian Navy"
    return tok.lower_.replace("-", "") in ("airforce", "navy", "army", "military")


_GIVING_GOVERNORS = word_tuple("nlp/roles", "giving_governors")
_TOPIC_PREPS = {"on", "about", "regarding", "concerning"}
_GIVING_VERBS = {"give", "send", "hand", "supply", "provide", "offer", "sell"}


def fill_aid(doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]) -> list[Token]:
    if f.trigger.lemma_.lower() in ("delivery", "shipment") and f.gov_lemma in (
        "take",
        "accept",
        "receive",
        "get",
    ):
        # "Taiwan takes delivery of Abrams tanks": the subject buys
        m.type = "procurement"
        items, item_toks = _items(doc, f, numbers, strict=True, type_="procurement")
        for rv in items:
            m.add(rv)
        _parties(doc, "buyer", f.subj, m, resolve_to=f.subj)
        _parties(doc, "seller", f.pp("from"), m)
        return item_toks
    if f.trigger.lemma_.lower() == "train":
        return _fill_training(doc, f, m)
    items, item_toks = _items(doc, f, numbers, strict=True, type_="aid")
    for rv in items:
        if rv.text.lower() not in ("aid", "assistance", "package"):
            m.add(rv)
    donors = (f.agent if f.passive else f.subj) + f.poss
    _parties(doc, "donor", donors, m, resolve_to=f.subj)
    # "US aid" names the donor, but "send Ukraine aid" the recipient
    gives = f.gov_lemma in _GIVING_GOVERNORS and not (
        f.trigger.dep_ == "pobj" and f.trigger.head.lower_ in _TOPIC_PREPS
    )  # "provided an update on US assistance" gives no aid
    for tok in f.mods:
        _parties(doc, "recipient" if gives and donors else "donor", [tok], m)
    _parties(doc, "donor", [t for t in f.pp("from") if not is_military_item(item_head(t))], m)
    recips = f.pp("to", "for") + f.dative
    # "supplying Ukraine with artillery": the object is the recipient
    for tok in f.obj:
        if (
            party_label(tok) in ("GPE", "COUNTRY", "METONYM", "NORP", "ORG", "NOUN")
            and not is_military_item(item_head(tok))
            and f.pp("with")
        ):
            recips.append(tok)
    if not recips and f.trigger.pos_ == "VERB" and f.gov_lemma in _GIVING_VERBS:
        # "give Ukraine cluster bombs" read as one noun phrase: the name right after the verb
        for o in f.obj:
            nxt = doc[f.trigger.i + 1] if f.trigger.i + 1 < len(doc) else None
            if (
                nxt is not None
                and nxt.dep_ == "compound"
                and nxt.head.i == o.i
                and party_label(nxt) in ("GPE", "COUNTRY", "METONYM")
            ):
                recips.append(nxt)
    _parties(doc, "recipient", [t for t in recips if not is_military_item(item_head(t))], m)
    if not m.values("recipient"):
        supported = _supported(f)
        _parties(doc, "recipient", supported, m)
        if any(s.dep_ == "dobj" and party_label(s) in _STATES for s in supported):
            m.cues.append(SUPPORTED_STATE_CUE)
    if not item_toks:
        item_toks = _host_clause_items(doc, f, m)
    if not m.values("recipient"):
        _parties(doc, "recipient", _states_the_goods_are_for(f, item_toks), m)
    return item_toks


def _states_the_goods_are_for(f: Frame, item_toks: list[Token]) -> list[Token]:
    """A state the goods' own phrase says they are for or go to, where the parse hangs it
    low: "a package of German-made rifles for Moldova", "$2bn in military aid for Georgia"."""
    heads = [*item_toks, *f.obj]
    heads += [w for h in [f.trigger, *heads] for w in pp_of(h, "of", "in")]
    return [w for h in heads for w in pp_of(h, "for", "to") if party_label(w) in _STATES]


_ARMED_SUPPORT_MODS = word_set("nlp/validate", "armed_support_mods")


def armed_support_item(doc: Doc, f: Frame, m: EventMention) -> None:
    """Aid that names no goods is given as what it is: "pledged military support",
    "approved $5bn in military aid", "a security assistance package" (for a mention that
    stands without it: the item decides no event)."""
    sides = [v for v in m.values("donor") + m.values("recipient")
             if not v.pronoun or v.label == "FIRST_PERSON"]
    if m.type != "aid" or m.values("item") or not sides:
        return  # no event of its own: an item alone tells nothing
    t = f.trigger
    nouns = [t, *f.compounds] if t.pos_ != "VERB" else list(f.obj) + f.pp("in", "of")
    for n in nouns:
        if n.lemma_.lower() not in _SUPPORT_NOUNS:
            continue
        mod = doc[n.i - 1] if n.i > 0 else None
        if mod is not None and mod.head.i == n.i and mod.lower_ in _ARMED_SUPPORT_MODS:
            rv = _value(doc, "item", (mod.i, n.i + 1), None)
            if rv is not None:
                m.add(rv)
            return


_THANKING_VERBS = word_set("nlp/roles", "thanking_verbs")


def thanked(doc: Doc) -> list[Token]:
    """The objects of a thanking verb ("thanked Dutch partners")."""
    return [
        c
        for t in doc
        if t.pos_ == "VERB" and t.lemma_.lower() in _THANKING_VERBS
        for c in t.children
        if c.dep_ == "dobj"
    ]


def add_thanked_donors(doc: Doc, m: EventMention) -> None:
    """Aid told from the receiving side names its giver as the one thanked ("Umerov thanked
    Dutch partners and said Kyiv would receive the systems"); never a recipient."""
    if m.type != "aid" or m.values("donor"):
        return
    taken = {v.text.lower() for v in m.values("recipient")}
    found = replace(m, args={})
    _parties(doc, "donor", thanked(doc), found)
    for rv in found.values("donor"):
        if not rv.pronoun and rv.text.lower() not in taken:
            m.add(rv)


_TRAINED_FORCES = word_set("nlp/roles", "trained_forces")


def _fill_training(doc: Doc, f: Frame, m: EventMention) -> list[Token]:
    """ "The UK has trained 20,000 Ukrainian soldiers": the trainer gives, the country of the
    forces trained receives; the trained forces are the goods' stand-in."""
    forces = [o for o in f.obj if o.lemma_.lower() in _TRAINED_FORCES]
    if f.passive or not forces:
        return []
    _parties(doc, "donor", f.subj, m, resolve_to=f.subj)
    for o in forces:
        _parties(doc, "recipient", [c for c in o.children if c.dep_ in ("amod", "compound", "poss")
                                    and party_label(c) in ("GPE", "COUNTRY", "NORP",
                                                           "DEMONYM", "METONYM")], m)
    return forces


_SUPPORT_VERBS = word_set("nlp/roles", "support_verbs")


def _supported(f: Frame) -> list[Token]:
    """Whom the aid is for, named in a purpose clause: "send $3 billion to support Ukraine",
    "funding to help Ukraine's forces" (the possessor, when the object is no party)."""
    holders = [f.trigger, *f.obj]
    if f.trigger.pos_ == "NOUN" and f.trigger.dep_ == "pobj" and f.pred is not None:
        holders.append(f.pred)  # "signed $60 billion in funding to support Ukraine"
    clauses = [
        c for h in holders for c in h.children if c.dep_ in ("xcomp", "advcl", "acl", "relcl")
    ]
    out: list[Token] = []
    for cl in clauses:
        if cl.pos_ != "VERB" or cl.lemma_.lower() not in _SUPPORT_VERBS:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in cl.children):
            continue
        for o in (c for c in cl.children if c.dep_ == "dobj"):
            if party_label(o) in ("GPE", "COUNTRY", "METONYM", "NORP", "ORG"):
                out.append(o)
            else:
                out.extend(
                    c for c in o.children
                    if c.dep_ == "poss" and party_label(c) in ("GPE", "COUNTRY", "METONYM", "ORG")
                )
    return out


_LOCAL_WORDS = word_tuple("nlp/roles", "local_words")
_ENTERING_VERBS = {"enter", "go", "move", "put"}
_PRODUCTION_START_VERBS = word_set("nlp/roles", "production_start_verbs")
_PRODUCTION_NOUNS = {"production", "manufacturing", "manufacture"}


def _items_of(doc: Doc, toks: list[Token]) -> tuple[list[RoleValue], list[Token]]:
    found = items_from(doc, toks)
    return [rv for rv, _t in found], [item_head(t) for _rv, t in found]


def _named_system(text: str) -> bool:
    """ "Arjun Mk-1A tanks", "PAC-3 MSE": a name or a model number, not a kind ("munitions")."""
    return any(w[:1].isupper() or any(ch.isdigit() for ch in w) for w in text.split())


def _start_raised(trigger: Token) -> bool:
    """ "serial production of X is expected to start": the noun is the subject of a raising
    verb whose infinitive sets production going."""
    return trigger.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _PRODUCTION_START_VERBS
        for c in trigger.head.children
    )


def _start_word_before(trigger: Token) -> bool:
    """ "to commence production of X" read as a compound noun: the parse loses the verb, the
    word before still names the start."""
    return trigger.i > 0 and trigger.doc[trigger.i - 1].lemma_.lower() in _PRODUCTION_START_VERBS


def fill_production(
    doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]
) -> list[Token]:
    items, item_toks = _items(doc, f, numbers, strict=True, type_="production")
    if not items and f.gov_lemma in _ENTERING_VERBS and f.trigger.pos_ == "NOUN":
        # "the S-500 entered serial production", "a system that went into production"
        items, item_toks = _items_of(doc, f.subj)
        if items:
            m.cues.append("enters-production")
    elif (
        f.trigger.pos_ == "NOUN"
        and f.trigger.lemma_.lower() in _PRODUCTION_NOUNS
        and (
            f.gov_lemma in _PRODUCTION_START_VERBS
            or _start_word_before(f.trigger)
            or _start_raised(f.trigger)
        )
        and any(_named_system(rv.text) for rv in items)
    ):
        # "commence production of the Arjun tank": a named system whose production starts
        m.cues.append("starts-production")
    for rv in items:
        m.add(rv)
    producers = (f.agent if f.passive else f.subj + f.agent) + f.poss
    _parties(doc, "producer", producers, m, resolve_to=f.subj)
    for tok in f.mods:
        _parties(doc, "producer", [tok], m)
    if not m.values("producer"):
        _facility_producer(doc, f, m)
    if (
        not item_toks
        and f.trigger.pos_ == "VERB"
        and any(v.label == "COMPANY" or _company_value(doc, v) for v in m.values("producer"))
    ):
        counted = [o for o in f.obj if _counted(o) and o.lemma_.lower() not in _SHARE_NOUNS]
        item_toks = _plain_goods(doc, f, m, counted)  # "HAL will manufacture five prototypes"
    partners = [t for t in f.pp("with", "between") if party_label(t)]
    t = f.trigger
    if t.dep_ in ("xcomp", "advcl") and t.head.pos_ in ("VERB", "AUX"):
        # "X has joined hands with Y to manufacture Z": who X joined makes it with X
        partners += [w for w in pp_of(t.head, "with") if party_label(w)]
    for lic in f.pp("under"):  # "made under licence from Russia"
        if lic.lemma_.lower() in ("licence", "license"):
            partners += [w for w in pp_of(lic, "from") if party_label(w)]
    _parties(doc, "partner", partners, m)
    locs = f.pp("in", "at", "near")
    if not _places(doc, "location", locs, m):
        for tok in locs:  # "at the Aircraft Division, Nasik"
            for c in tok.subtree:
                if place_label(c):
                    _places(doc, "location", [c], m)
                    break
    # the works only fill a side the clause's own words have made a production already
    # ("the overhaul of frigates at a firm's Hull yard" stays a mention of no event)
    works = [w for w in _works_at(f, item_toks) if w.lemma_.lower() in _FACILITY_NOUNS]
    if not m.values("producer") and m.values("location"):
        # "built at Kestrel's plant in Melbourne": the works' owner
        _parties(doc, "producer", [c for w in works for c in w.children if c.dep_ == "poss"], m)
    if not m.values("location") and m.values("producer"):
        for w in works[:1]:  # "at its Hallstadt plant": the name the works goes by
            site = _value(doc, "location", works_place(w), "FAC")
            if site is not None:
                m.add(site)
    if not m.values("location"):
        for it in item_toks:  # "production of the Lynx vehicles in Ukraine"
            for c in it.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                    _places(doc, "location", pobjs(c), m)
    prods = [v for v in m.values("producer") if not v.pronoun]
    comps = [v for v in m.values("partner") if v.label == "COMPANY"]
    if comps and (not prods or all(v.label in ("GPE", "COUNTRY", "NOUN") for v in prods)):
        # "together with the company X, we will start production": the company produces
        m.args["producer"] = comps
        m.args["partner"] = prods + [v for v in m.values("partner") if v not in comps]
    # "built under a collaboration with Fincantieri": the maker's partner, never the maker
    joint = [w for lic in f.pp("under") if lic.lemma_.lower() in _JOINT_WORK_NOUNS
             for w in pp_of(lic, "with") if party_label(w)]
    _parties(doc, "partner", joint + _designers(item_toks), m)
    local = any(
        t.lower_
        in _LOCAL_WORDS
        for t in f.trigger.subtree
    ) or any(c.lower_ in ("locally", "domestically") for c in (f.pred.children if f.pred else []))
    if not m.values("location"):
        prods = m.values("producer")
        if (
            prods
            and prods[0].label in ("GPE", "COUNTRY")
            and (local or m.trigger in ("factory", "plant"))
        ):
            m.add(
                RoleValue(
                    "location", prods[0].text, prods[0].start, prods[0].end, label=prods[0].label
                )
            )
    return item_toks


_FACILITY_NOUNS = word_set("nlp/roles", "facility_nouns")
_JOINT_WORK_NOUNS = word_set("nlp/roles", "joint_work_nouns")
_DESIGN_WORDS = word_set("nlp/roles", "design_words")


def _designers(item_toks: list[Token]) -> list[Token]:
    """Whose design the goods made are: "Polish-designed patrol boats", "a corvette based on
    Fincantieri's design" (the licensor, a production's partner)."""
    out = []
    for head in item_toks:
        for c in head.children:
            if c.dep_ == "amod" and c.lemma_.lower() in _DESIGN_WORDS:
                out += [w for w in c.children if w.dep_ in ("npadvmod", "compound", "nmod")]
            if c.dep_ == "acl" and c.lemma_.lower() == "base":
                designs = [d for d in pp_of(c, "on") if d.lemma_.lower() in _DESIGN_WORDS]
                out += [w for d in designs for w in d.children if w.dep_ == "poss"]
    return [w for w in out if party_label(w)]


def _works_at(f: Frame, item_toks: list[Token]) -> list[Token]:
    """What a production is "at", wherever the parse hangs the "at": on the trigger, on the
    goods or their phrase ("a line for shells at its Hallstadt site"), or on a participle of
    the goods ("the first trainer built for Chile at its Hallstadt plant")."""
    heads = [*item_toks, *f.obj]
    heads += [c for h in heads for c in h.children if c.dep_ in ("acl", "prep")]
    heads += [w for h in heads if h.dep_ == "prep" for w in pobjs(h)]
    return f.pp("at") + [w for h in heads for w in pp_of(h, "at")]


def _facility_producer(doc: Doc, f: Frame, m: EventMention) -> None:
    """ "its factory in X has produced the first batch": the works' owner produces, at the
    works' place."""
    for tok in f.subj:
        if tok.lemma_.lower() not in _FACILITY_NOUNS or party_label(tok):
            continue
        _parties(doc, "producer", [c for c in tok.children if c.dep_ == "poss"], m)
        if not m.values("location"):
            _places(doc, "location", pp_of(tok, "in", "at", "near"), m)


def fill_agreement(
    doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]
) -> list[Token]:
    _parties(doc, "party", f.subj + f.poss + f.mods + f.agent, m, resolve_to=f.subj)
    _parties(doc, "party", f.pp("with", "between", "among", "by"), m)
    if m.trigger == "join":
        _parties(doc, "party", f.obj, m)
    items = [
        t
        for t in f.pp("on", "for")
        if not party_label(t) and t.ent_type_ not in ("DATE", "TIME")  # "on Tuesday"
    ]
    for tok in items:
        rv = _value(doc, "item", item_range(tok), None)
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
        rv = _value(doc, "item", item_range(tok), None)
        if rv is not None:
            m.add(rv)
    named_by = [c.left_edge.i for c in t.children
                if c.dep_ in ("amod", "compound") and c.lower_ in _AGREEMENT_NAME_MODS]
    if not m.values("item") and t.pos_ == "NOUN" and named_by and not _under_deal(t):
        # from the first naming modifier: "a ten-year security agreement" -> "security agreement"
        rv = _value(doc, "item", (min(named_by), t.i + 1), None)
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


def fill_sanction(doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]) -> list[Token]:
    if (
        m.trigger
        in ("sanction", "blacklist", "designate", "ban", "bar", "embargo", "debar", "add", "target")
        and f.trigger.pos_ == "VERB"
    ):
        if f.passive:
            _parties(doc, "imposer", f.agent, m)
            _parties(doc, "target", f.obj, m)
        else:
            _parties(doc, "imposer", f.subj, m)
            _parties(doc, "target", f.obj, m)
            if m.trigger in ("ban", "bar"):
                for tok in f.obj:
                    rv = _value(doc, "target", item_range(tok), None)
                    if rv is not None and not m.values("target"):
                        m.add(rv)
        _named_members(doc, f.pp("including"), m)
        if not m.values("target"):
            # "three Russian bodies were sanctioned": a described group the NER leaves out
            for tok in f.obj:
                if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and not is_military_item(tok):
                    rv = _value(doc, "target", item_range(tok), None)
                    if rv is not None:
                        m.add(rv)
    else:
        if f.passive:
            _parties(doc, "imposer", f.agent, m)
        elif f.trigger.dep_ != "nsubj":
            _parties(doc, "imposer", f.subj, m)
        _parties(doc, "imposer", f.mods + f.poss, m)
        _parties(doc, "imposer", [t for t in f.pp("by")], m)
        # "sanctions from the US and its allies"
        _parties(doc, "imposer", [t for t in f.pp("from") if party_label(t)], m)
        _bloc_imposer(doc, f, m)
        tgt = f.pp("on", "against", "targeting", "for") + f.obj
        for w in f.pp("with"):  # "sanctions with respect to the Russian Federation"
            if w.lemma_.lower() == "respect":
                tgt.extend(pp_of(w, "to"))
        for cl in f.clauses:  # "sanctions targeting people and entities"
            if cl.lemma_ in ("target", "hit", "aim", "cover"):
                tgt.extend(c for c in cl.children if c.dep_ == "dobj")
        if (
            f.trigger.dep_ == "nsubj"
            and f.pred is not None
            and f.gov_lemma in ("target", "hit", "include", "aim")
        ):
            _parties(doc, "imposer", f.mods, m)
            tgt.extend(c for c in f.pred.children if c.dep_ == "dobj")
        tgt.extend(_hit_by(f.trigger))
        _parties(doc, "target", tgt, m)
        _named_members(doc, f.pp("including") + [w for t in tgt for c in t.children
                                                  if c.dep_ == "prep" and c.lower_ == "including"
                                                  for w in pobjs(c)], m)
    return []


def _named_members(doc: Doc, toks: list[Token], m: EventMention) -> None:
    """Named targets a group lists ("six companies, including X"), not described ones."""
    named_ = [c for t in toks for c in conjuncts(t) if party_label(c) not in (None, "NOUN")]
    _parties(doc, "target", named_, m)


def _hit_by(trigger: Token) -> list[Token]:
    """ "Belarus was targeted by sweeping sanctions", "targeted in Western sanctions": the
    subject of the passive verb whose agent the sanctions are."""
    by = trigger.head
    if (
        trigger.dep_ != "pobj"
        or not (by.dep_ == "agent" or by.lower_ == "in")
        or by.head.lemma_.lower() not in _HIT_VERBS
    ):
        return []
    return [c for c in by.head.children if c.dep_ == "nsubjpass"]


_HIT_VERBS = word_set("nlp/roles", "sanction_hit_verbs")
_BLOC_WORDS = word_set("nlp/roles", "bloc_words")


def _bloc_imposer(doc: Doc, f: Frame, m: EventMention) -> None:
    """ "western sanctions", "sanctions imposed by the West": the bloc, which the NER
    leaves out or reads as a place."""
    if m.values("imposer"):
        return
    cands = [c for c in f.trigger.children if c.dep_ in ("amod", "compound")]
    cands += f.agent + f.pp("by", "from")
    for tok in cands:
        if tok.lower_ in _BLOC_WORDS:
            m.add(RoleValue("imposer", tok.text, tok.idx, tok.idx + len(tok), label="NORP"))
            return


def fill_meeting(doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]) -> list[Token]:
    t = f.trigger
    subj = f.subj if f.trigger.dep_ != "nsubj" else []
    _parties(doc, "participant", subj + f.poss + f.mods, m, resolve_to=f.subj)
    _parties(doc, "participant", companions(subj), m)
    if m.trigger in ("meet", "host", "call", "welcome", "convene") and t.pos_ == "VERB":
        _parties(doc, "participant", f.obj, m)
    if m.trigger in ("tell", "inform", "assure") and t.pos_ == "VERB":
        # "Macron told Zelensky in Paris": the leader told is the other side
        _parties(doc, "participant", [c for c in t.children if c.dep_ in ("dobj", "dative")], m)
    if m.trigger in ("meet", "gather") and t.tag_ == "VBG" and t.dep_ == "acl":
        _parties(doc, "participant", [t.head], m)  # "EU leaders meeting in Brussels vowed"
    if m.trigger in ("host", "welcome") and t.pos_ == "VERB":
        # "hosted visitors from Australia": the guests' side is where they come from
        guests = [o for o in f.obj if o.lemma_.lower() in VISITOR_NOUNS]
        if guests:
            froms = [w for o in guests for w in pp_of(o, "from")] + f.pp("from")
            _parties(doc, "participant", froms, m)
    _parties(doc, "participant", f.pp("with", "between", "among", "of", "on"), m)
    if m.trigger in ("speak", "talk"):  # "spoke today to President X"
        _parties(doc, "participant", f.pp("to"), m)
    if m.trigger in ("visit", "trip", "travel", "arrive"):
        dest = (f.obj if t.pos_ == "VERB" else []) + f.pp("to")
        if m.trigger == "arrive":
            dest += f.pp("in")  # "arrived in Kampala"
        places: list[Token] = []  # visited places that may be a city, not a party
        for tok in dest:
            for c in conjuncts(tok):
                if place_label(c):
                    _places(doc, "location", [c], m)
                    ent = entity_of(c)
                    if ent is not None and ent.label_ in ("COUNTRY", "METONYM"):
                        _parties(doc, "participant", [c], m)
                    elif ent is not None and ent.label_ == "GPE":
                        places.append(c)
                elif not _parties(doc, "participant", [c], m):
                    # "visited the HAL facility", "the facilities of FAdeA": its owner
                    owners = [w for w in c.children if w.dep_ in ("compound", "poss", "nmod")]
                    _parties(doc, "participant", owners + pp_of(c, "of"), m)
                    _places(doc, "location", pp_of(c, "in"), m)  # "the plant in Bangalore"
        # "a team of Argentine officials visited", "a delegation from the Air Force"
        groups = [s for s in subj if s.lemma_.lower() in VISITOR_NOUNS]
        _parties(doc, "participant", [w for s in groups for w in pp_of(s, "of", "from")], m)
        if not any(v.label not in (None, "NOUN") for v in m.values("participant")):
            # "the minister visited India": the host side when no named visitor stands for
            # it ("Modi is visiting Hiroshima": a city where he goes, no side of its own)
            _parties(doc, "participant", places, m)
    for host in f.pp("at", "during", "on"):
        if host.i == t.i:
            continue
        if host.lemma_.lower() == "sideline":  # "on the sidelines of X"
            host = next(
                iter(pobjs(next((c for c in host.children if c.lower_ == "of"), host))), host
            )
        if host.lemma_.lower() in MEETING_NOUNS or host.lemma_.lower() in ("council", "assembly"):
            rng = item_range(host)
            if rng is not None:
                rv = _value(doc, "location", rng, None)
                if rv is not None:
                    # "at the NATO summit" names where; "during his visit", "in a call" do not
                    if host.lemma_.lower() not in _NO_PLACE_MEETINGS:
                        m.add(rv)
                    m.cues.append(f"host:{host.i}")
            for w in host.subtree:
                if w.i < host.i and party_label(w) in (
                    "GPE",
                    "ORG",
                    "COUNTRY",
                    "NORP",
                    "METONYM",
                    "DEMONYM",
                ):
                    _parties(doc, "participant", [w], m)
            _places(doc, "location", pp_of(host, "in", "at"), m)
    _places(doc, "location", f.pp("in", "at"), m)
    for p in f.pp("with", "between"):  # "met with business leaders in Washington"
        _places(doc, "location", pp_of(p, "in"), m)
    # "during a call with X, Biden warned", "X, who is on a visit to Cairo": who acts
    # around the meeting takes part in it
    if (
        t.pos_ != "VERB"
        and t.dep_ == "pobj"
        and t.head.lower_ in ("during", "in", "after", "on")
        and t.head.head.pos_ in ("VERB", "AUX")
        and (
            t.head.head.lemma_.lower() == "be"
            if t.head.lower_ == "on"
            else t.head.head.lemma_.lower() not in _ATTENDING
        )
    ):
        _parties(doc, "participant", subjects(t.head.head), m)
        if t.head.head.lemma_.lower() in _TELLING_VERBS:
            # "in a call, X informed the president, Y": the one told is the other side
            told = [c for c in t.head.head.children if c.dep_ in ("dobj", "dative")]
            _parties(doc, "participant", [named(c) for c in told], m)
    if (
        t.pos_ != "VERB"
        and t.dep_ == "pobj"
        and t.head.lower_ == "at"
        and t.head.head.pos_ == "VERB"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
    ):
        # "X pressed Y at a summit in Paris": who acts on whom at a meeting told here
        acts = t.head.head
        _parties(doc, "participant", subjects(acts), m)
        _parties(doc, "participant", [c for c in acts.children if c.dep_ == "dobj"
                                      and entity_of(c) is not None], m)
    if m.trigger in ("visit", "trip") and t.pos_ != "VERB":
        _parties(doc, "participant", f.pp("by"), m)  # "a state visit by Modi to Washington"
    # "X spoke at the summit", "remarks by X at the summit": X takes part
    # "remarks by X and Y before their bilateral meeting": the speakers are its sides
    # "statement by X on his call with Y": the one who tells of a call with Y is its other side
    # (not "statement by a spokesperson on X's meeting with Y")
    told_call = t.head.lower_ == "on" and bool(f.pp("with")) and not any(
        c.dep_ == "poss" and c.pos_ != "PRON" for c in t.children)
    if t.pos_ != "VERB" and t.dep_ == "pobj" and (told_call or t.head.lower_ in (
            "at", "during", "to", "before", "after")):
        host = t.head.head
        if host.pos_ in ("VERB", "AUX") and host.lemma_.lower() in _ATTENDING:
            _parties(doc, "participant", subjects(host), m)
            if host.lemma_.lower() in _TELLING_VERBS and t.head.lower_ == "during":
                # "during a call, X told Y": the one told is the other side
                told = [c for c in host.children if c.dep_ in ("dobj", "dative")]
                _parties(doc, "participant", [named(c) for c in told], m)
        elif told_call and host.dep_ == "pobj" and host.head.lower_ == "by" and (
                host.head.head.lemma_.lower() in _SPEAKING):
            _parties(doc, "participant", [host], m)  # "Statement by X on Call with Y"
        elif host.pos_ in ("NOUN", "PROPN") and host.lemma_.lower() in _SPEAKING:
            _parties(
                doc,
                "participant",
                pp_of(host, "by") + [c for c in host.children if c.dep_ == "poss"],
                m,
            )
    # "the visit", "during the visit, X held talks with Y": the meeting told before
    settings = [h for h in f.pp("during", "on", "in", "at") if h.i != t.i]
    anaphor = next((w for w in [t, *settings] if _anaphoric_meeting(w)), None)
    if anaphor is not None:
        m.cues.append(f"anaphor:{anaphor.lemma_.lower()}")
    # "Nato-Ukraine summit", "NATO Summit": named parts of the meeting noun
    for c in f.compounds:
        for w in c.subtree:
            if w.i < t.i and party_label(w) in (
                "GPE",
                "ORG",
                "COUNTRY",
                "NORP",
                "METONYM",
                "DEMONYM",
            ):
                _parties(doc, "participant", [w], m)
    if not m.values("location"):
        _places(doc, "location", _low_places(t), m)
    if not m.values("location"):
        sides = f.pp("with") + f.obj
        for rng in meeting_venues(doc, t, sides)[:1]:
            rv = _value(doc, "location", rng, "FAC")
            if rv is not None:
                m.add(rv)
    _journey_to_attend(doc, t, m)
    _split_paired_sides(doc, m)
    return []


def _low_places(t: Token) -> list[Token]:
    """Where a meeting is held when the parse hangs "in <place>" on a noun of its phrase:
    "the summit of G7 nations in Bavaria", "hold a meeting of the committee in Delhi",
    "met at Lancaster House in London", "hosted mediators in Cairo for talks"."""
    nouns = [w for c in t.children if c.dep_ == "prep" for w in pobjs(c)]
    if t.pos_ == "VERB":
        nouns += [c for c in t.children if c.dep_ == "dobj"]
    elif t.dep_ == "dobj" or (t.dep_ == "pobj" and t.head.head.pos_ == "VERB"):
        gov = t.head if t.dep_ == "dobj" else t.head.head
        nouns += [c for c in gov.children if c.dep_ == "dobj" and c.i != t.i]
    nested = [w for n in nouns for c in n.children if c.dep_ == "prep" for w in pobjs(c)]
    return [p for n in nouns + nested for p in pp_of(n, "in")]


_SIDE_LABELS = ("GPE", "ORG", "COUNTRY", "NORP", "METONYM", "DEMONYM", "PERSON")


def _split_paired_sides(doc: Doc, m: EventMention) -> None:
    """ "the India-France summit", "US-China talks": two sides joined by a hyphen are two
    participants, not one name."""
    vals = m.args.get("participant", [])
    for k, v in enumerate(list(vals)):
        span = doc.char_span(v.start, v.end, alignment_mode="expand")
        if span is None or not any(w.text in ("-", "–") for w in span):
            continue
        ents = []
        for w in span:
            ent = entity_of(w)
            if ent is not None and ent.label_ in _SIDE_LABELS and ent not in ents:
                ents.append(ent)
        joined = len(ents) >= 2 and all(
            b.start - a.end == 1 and doc[a.end].text in ("-", "–")
            and not doc[a.end - 1].whitespace_
            for a, b in zip(ents, ents[1:], strict=False))
        if not joined:
            continue
        have = {(o.start, o.end) for o in vals}
        parts = [_value(doc, "participant", (e.start, e.end), e.label_) for e in ents]
        vals[k:k + 1] = [p for p in parts if p is not None and (p.start, p.end) not in have]


def _journey_to_attend(doc: Doc, t: Token, m: EventMention) -> None:
    """ "X travelled to Vilnius to attend the NATO summit", "X arrived in Tokyo for the G7
    summit": the journey is the meeting's own, told once. The traveller takes part, the
    journey's end is where it is held, and the journey is no meeting of its own."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in MEETING_NOUNS or t.lemma_.lower() in (
            "visit", "trip"):
        return
    to_attend = t.dep_ == "dobj" and t.head.lemma_.lower() in _ATTENDING_PURPOSES and (
        t.head.dep_ in ("xcomp", "advcl"))
    if not (to_attend or (t.dep_ == "pobj" and t.head.lower_ == "for")):
        return
    journey = t.head.head
    # "X is in Tokyo for the G7 summit": being somewhere for a meeting is a journey too
    staying = journey.lemma_.lower() == "be" and bool(pp_of(journey, "in"))
    if not staying and (journey.pos_ != "VERB" or journey.lemma_.lower() not in _JOURNEY_VERBS):
        return
    _parties(doc, "participant", subjects(journey), m)
    ends = pp_of(journey, "to", "in") + (
        [c for c in journey.children if c.dep_ == "dobj"] if journey.lemma_.lower() == "visit"
        else [])
    _places(doc, "location", [c for e in ends for c in conjuncts(e) if place_label(c)], m)
    if not staying:
        m.cues.append(f"host:{journey.i}")


_ANAPHORIC_DETERMINERS = ("the", "this", "that", "his", "her", "their", "its")


def _anaphoric_meeting(t: Token) -> bool:
    """A definite meeting noun that names none of its own sides or setting ("the visit",
    "their talks"; not "the talks with X", "the G7 summit", "the summit of the Quad")."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in MEETING_NOUNS:
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETERMINERS
               for c in t.children):
        return False
    return not any(
        (c.dep_ == "prep" and c.lower_ in ("with", "between", "of", "among"))
        or (c.dep_ in ("compound", "amod", "nmod", "nummod") and (c.ent_type_ or c.pos_ == "PROPN"))
        for c in t.children
    )


def fill_spending(doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]) -> list[Token]:
    _parties(doc, "spender", f.subj + f.poss + f.mods, m, resolve_to=f.subj)
    if not m.values("spender") and f.passive:
        _parties(doc, "spender", f.agent, m)
    if not m.values("spender"):
        _parties(doc, "spender", _reporter_of_change(f.trigger), m)
    holder = _budget_holder(f.trigger)
    if holder is not None:
        if not m.values("spender"):
            spenders = [a for c in holder.children if c.dep_ == "agent" for a in pobjs(c)]
            _parties(doc, "spender", spenders or [holder], m)
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
    would rise to 2.5% of GDP" (the spending is the subject of a clause under the telling)."""
    if t.dep_ != "nsubj" or t.head.dep_ != "ccomp":
        return []
    return [c for c in t.head.head.children if c.dep_ == "nsubj"]


_TARGET_OBJECT_GOVERNORS = word_tuple("nlp/roles", "target_object_governors")


def fill_strike(doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]) -> list[Token]:
    t = f.trigger
    attackers = (f.agent if f.passive else f.subj) + f.poss + f.mods
    if t.pos_ == "NOUN" and f.trigger.dep_ == "nsubj":
        attackers = f.poss + f.mods + f.agent
    _parties(doc, "attacker", attackers, m, resolve_to=f.subj)
    if not m.values("attacker"):
        # "Pakistani aircraft targeted ...", "Russian missiles hit ...", "India's jets pounded"
        for tok in attackers:
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "poss") and party_label(c) in (
                    "NORP",
                    "DEMONYM",
                    "GPE",
                    "COUNTRY",
                ):
                    _parties(doc, "attacker", [c], m)
    if not m.values("attacker") and t.pos_ == "NOUN":
        # "a barrage of drones launched by Russia": the agent of the payload's launch
        for w in f.pp("of"):
            for acl in w.children:
                if acl.dep_ == "acl" and acl.lemma_.lower() in ("launch", "fire"):
                    agents = [
                        o for c in acl.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                        for o in pobjs(c)
                    ]
                    _parties(doc, "attacker", agents, m)
    tgts = f.pp("on", "against", "at") + (
        f.obj
        if t.pos_ == "VERB" or f.gov_lemma in _TARGET_OBJECT_GOVERNORS
        else []
    )
    if t.pos_ == "VERB" and m.trigger in ("launch", "fire", "rain"):
        tgts = f.pp("on", "against", "at")
    for tok in tgts:
        for c in conjuncts(tok):
            rv = place(doc, "target", c) or party(doc, "target", c)
            if rv is None and (c.lemma_.lower() in _STRIKE_TARGET_HEADS or is_military_item(c)):
                rv = _value(doc, "target", item_range(c), None)
            if rv is not None:
                m.add(rv)
                if place_label(c) and c.lower_ not in ARMED_FORCE_WORDS:
                    _places(doc, "location", [c], m)  # a city hit, not "Russian forces"
            for cc in c.children:  # "several cities including Kyiv"
                if cc.dep_ == "prep" and cc.lower_ in ("including", "in", "near"):
                    _places(doc, "location", pobjs(cc), m)
    _places(doc, "location", f.pp("in", "near", "over", "across"), m)
    return []


RoleFiller = Callable[[Doc, Frame, EventMention, list[NumberMention]], list[Token]]
FILLERS_BY_TYPE: dict[str, RoleFiller] = {
    "procurement": fill_procurement,
    "aid": fill_aid,
    "production": fill_production,
    "agreement": fill_agreement,
    "sanction": fill_sanction,
    "meeting": fill_meeting,
    "spending": fill_spending,
    "strike": fill_strike,
}


# --- what each trigger needs ---------------------------------------------------------------


_NEGOTIATIONS = word_set("nlp/roles", "negotiations")


def talks_to_buy(doc: Doc, f: Frame) -> bool:
    """ "in talks with Mazagon Dock for two more submarines": negotiating with a maker for
    goods is a planned purchase, not a meeting."""
    if f.trigger.lower_ not in _NEGOTIATIONS and f.trigger.lemma_.lower() not in _NEGOTIATIONS:
        return False
    sellers = [t for t in f.pp("with") if is_company(t)]
    return bool(sellers) and bool(items_from(doc, f.pp("for")))


def fill_talks_to_buy(
    doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]
) -> list[Token]:
    t = f.trigger
    buyers = list(f.subj)
    if not buyers and t.dep_ == "pobj" and t.head.head.lemma_ == "be":
        buyers = [c for c in t.head.head.children if c.dep_ == "nsubj"]  # "X is in talks"
    _parties(doc, "buyer", buyers, m, resolve_to=buyers)
    _parties(doc, "seller", [x for x in f.pp("with") if is_company(x)], m)
    toks = []
    for rv, tok in items_from(doc, f.pp("for")):
        m.add(rv)
        toks.append(tok)
    return toks

