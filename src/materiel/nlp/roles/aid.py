"""Donor, recipient and items of aid, training and thanks for it."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pp_of
from materiel.nlp.roles.common import STATES, add_parties, host_clause_items
from materiel.nlp.roles.items import SUPPORT_NOUNS, frame_items, items_from
from materiel.nlp.roles.parties import role_value
from materiel.nlp.roles.sellers import SUPPORTED_STATE_CUE
from materiel.nlp.spans import conjuncts, is_military_item, item_head, party_label
from materiel.nlp.types import EventMention, NumberMention
from materiel.wordlists import word_set, word_tuple

_GIVING_GOVERNORS = word_tuple("nlp/roles", "giving_governors")
_TOPIC_PREPS = {"on", "about", "regarding", "concerning"}
_GIVING_VERBS = word_set("nlp/roles", "ditransitive_giving_verbs")
_DONATION_PARTICIPLES = word_set("nlp/roles", "donation_participles")


def fill_aid(doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]) -> list[Token]:
    if f.trigger.lemma_.lower() in ("delivery", "shipment") and f.gov_lemma in (
        "take",
        "accept",
        "receive",
        "get",
    ):
        # "Taiwan takes delivery of Abrams tanks": the subject buys
        m.type = "procurement"
        items, item_toks = frame_items(doc, f, numbers, strict=True, type_="procurement")
        for rv in items:
            m.add(rv)
        add_parties(doc, "buyer", f.subj, m, resolve_to=f.subj)
        add_parties(doc, "seller", f.pp("from"), m)
        return item_toks
    if f.trigger.lemma_.lower() == "train":
        return _fill_training(doc, f, m)
    if f.trigger.lemma_.lower() == "training":
        return _fill_training_noun(doc, f, m)
    items, item_toks = frame_items(doc, f, numbers, strict=True, type_="aid")
    for rv in items:
        if rv.text.lower() not in ("aid", "assistance", "package"):
            m.add(rv)
    donors = (f.agent if f.passive else f.subj) + f.poss
    add_parties(doc, "donor", donors, m, resolve_to=f.subj)
    add_parties(doc, "donor", coalition_joiners(f.trigger), m)
    # "US aid" names the donor, but "send Ukraine aid" the recipient
    gives = f.gov_lemma in _GIVING_GOVERNORS and not (
        f.trigger.dep_ == "pobj" and f.trigger.head.lower_ in _TOPIC_PREPS
    )  # "provided an update on US assistance" gives no aid
    for tok in f.mods:
        add_parties(doc, "recipient" if gives and donors else "donor", [tok], m)
    add_parties(doc, "donor", [t for t in f.pp("from") if not is_military_item(item_head(t))], m)
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
                and nxt.dep_ in ("compound", "nmod")
                and nxt.head.i == o.i
                and party_label(nxt) in ("GPE", "COUNTRY", "METONYM")
            ):
                recips.append(nxt)
    add_parties(doc, "recipient", [t for t in recips if not is_military_item(item_head(t))], m)
    if not m.values("recipient"):
        supported = _supported(f)
        add_parties(doc, "recipient", supported, m)
        if any(s.dep_ == "dobj" and party_label(s) in STATES for s in supported):
            m.cues.append(SUPPORTED_STATE_CUE)
    if not m.values("recipient"):
        item_toks += _fund_purposes(doc, f, m)
    if not item_toks:
        item_toks = host_clause_items(doc, f, m)
    if not m.values("recipient"):
        add_parties(doc, "recipient", _states_the_goods_are_for(f, item_toks), m)
    if not m.values("recipient"):
        owners = _owners_of_the_goods_for(f)
        if owners and add_parties(doc, "recipient", owners, m):
            m.cues.append(OWNER_STATE_CUE)
    return item_toks


def givers_of_the_goods(doc: Doc, m: EventMention) -> list[Token]:
    """ "received 12 tanks donated by Ostmark": the agent of a participle of giving for free
    (donation_participles) on the goods received gave them; "provided by KNDS" or "transferred
    by Norway under a sale" names a seller and gives no donor."""
    givers = []
    for v in m.values("item"):
        span = doc.char_span(v.start, v.end, alignment_mode="expand")
        if span is None:
            continue
        for acl in item_head(span.root).children:
            if (acl.dep_ == "acl" and acl.tag_ == "VBN"
                    and acl.lemma_.lower() in _DONATION_PARTICIPLES):
                givers += [p for a in acl.children if a.dep_ == "agent"
                           for p in a.children if p.dep_ == "pobj"]
    return givers


OWNER_STATE_CUE = "owner-state"  # "funding for Ukraine's air defence": the arms' owner receives
BOUGHT_FOR_CUE = "bought-for"  # aid read from a purchase made for another party
_FUND_NOUNS = word_set("nlp/roles", "fund_nouns")
_FUND_PURPOSE_VERBS = word_set("nlp/roles", "fund_purpose_verbs")


def _fund_purposes(doc: Doc, f: Frame, m: EventMention) -> list[Token]:
    """Money given to a fund whose clause says what it buys and for whom: "pledged 600m
    kroner to a British-led fund that buys weapons for Ukraine" (the goods and the state they
    go to are the gift's); the heads of the goods added."""
    clauses = [
        cl for w in f.pp("to", "into") if w.lemma_.lower() in _FUND_NOUNS
        for cl in w.children
        if cl.dep_ in ("relcl", "acl") and cl.lemma_.lower() in _FUND_PURPOSE_VERBS
    ]
    states = [w for cl in clauses for w in pp_of(cl, "for", "to") if party_label(w) in STATES]
    add_parties(doc, "recipient", states, m)
    if m.values("item"):
        return []
    goods = [c for cl in clauses for c in cl.children if c.dep_ == "dobj"]
    found = items_from(doc, goods)
    for rv, _ in found:
        m.add(rv)
    return [item_head(tok) for _, tok in found]


def _owners_of_the_goods_for(f: Frame) -> list[Token]:
    """A state named as the owner of the arms the aid is for: "$2 billion in funding for
    Ukraine's air defence" (not "weapons for Ukraine's soldiers": whom they serve)."""
    if f.trigger.pos_ != "NOUN":
        return []  # "to supply the engine for India's UAV programme": a part for its own arms
    heads = [w for h in [f.trigger, *f.obj] for w in pp_of(h, "for", "to")]
    return [
        c for w in heads if is_military_item(item_head(w))
        for c in w.children if c.dep_ == "poss" and party_label(c) in STATES
    ]


_COALITION_NOUNS = word_set("nlp/roles", "coalition_nouns")
_COALITION_JOINING_VERBS = word_set("nlp/roles", "coalition_joining_verbs")


def coalition_joiners(t: Token) -> list[Token]:
    """The subjects of a verb of joining whose object is a group the trigger's clause says
    gives arms: "Norway joined a coalition that supplies air defence systems to Ukraine" (the
    group's habit in the present tense; the joining is the event, its subject the giver)."""
    group = t.head
    if t.dep_ not in ("relcl", "acl") or group.lemma_.lower() not in _COALITION_NOUNS:
        return []
    verb = group.head
    if group.dep_ != "dobj" or verb.lemma_.lower() not in _COALITION_JOINING_VERBS:
        return []
    return [w for c in verb.children if c.dep_ == "nsubj" for w in conjuncts(c)]


def _states_the_goods_are_for(f: Frame, item_toks: list[Token]) -> list[Token]:
    """A state the goods' own phrase says they are for or go to, where the parse hangs it
    low: "a package of German-made rifles for Moldova", "$2bn in military aid for Georgia", "a
    drawdown from Pentagon stocks for Ukraine"."""
    heads = [*item_toks, *f.obj]
    heads += [w for h in [f.trigger, *heads] for w in pp_of(h, "of", "in", "from")]
    t = f.trigger
    if t.dep_ == "pobj" and t.head.lower_ == "in" and _is_amount(t.head.head):
        heads.append(t.head.head)  # "NOK 1 billion in military aid to Ukraine": on the sum
    return [w for h in heads for w in pp_of(h, "for", "to") if party_label(w) in STATES]


def _is_amount(tok: Token) -> bool:
    return tok.like_num or tok.pos_ == "NUM" or tok.ent_type_ in ("MONEY", "CARDINAL")


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
        if n.lemma_.lower() not in SUPPORT_NOUNS:
            continue
        mod = doc[n.i - 1] if n.i > 0 else None
        if mod is not None and mod.head.i == n.i and mod.lower_ in _ARMED_SUPPORT_MODS:
            rv = role_value(doc, "item", (mod.i, n.i + 1), None)
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
    add_parties(doc, "donor", thanked(doc), found)
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
    add_parties(doc, "donor", f.subj, m, resolve_to=f.subj)
    _add_trainees(doc, forces, m)
    return forces


def _add_trainees(doc: Doc, forces: list[Token], m: EventMention) -> None:
    """The country of the forces trained ("Ukrainian soldiers", "Ukraine's pilots")."""
    for o in forces:
        add_parties(doc, "recipient", [c for c in o.children
                                       if c.dep_ in ("amod", "compound", "poss")
                                       and party_label(c) in ("GPE", "COUNTRY", "NORP",
                                                              "DEMONYM", "METONYM")], m)


def _fill_training_noun(doc: Doc, f: Frame, m: EventMention) -> list[Token]:
    """ "Norway will extend its part in the training of Ukrainian soldiers", "the UK's
    training of Ukrainian recruits": the forces trained follow "of" (or "for"); the giver is
    the subject or the possessor."""
    forces = [o for o in f.pp("of", "for") if o.lemma_.lower() in _TRAINED_FORCES]
    if not forces:
        return []
    add_parties(doc, "donor", f.subj + f.poss, m, resolve_to=f.subj)
    _add_trainees(doc, forces, m)
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
