"""What production needs to stand: goods made, a hull begun, a factory built."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.dates import clause_is_future
from materiel.nlp.frames import Frame, pobjs
from materiel.nlp.roles import PLAIN_GOODS_CUE
from materiel.nlp.roles.production import made_under_licence
from materiel.nlp.spans import is_military_item, item_head, party_label
from materiel.nlp.types import EventMention, RoleValue
from materiel.nlp.under_contract import goods_made_under
from materiel.nlp.validate.case import Case
from materiel.nlp.validate.tokens import (
    FACTORY_GOVERNORS,
    company_value,
    conditional,
    habitual,
    leader_named,
    mod_words,
    names_manufacturing_site,
    ongoing_rate,
    record_clause,
    tok_index,
    topic_of_talk,
)
from materiel.wordlists import word_set, word_tuple

_LAUNCHED_VESSELS = word_set("nlp/validate", "launched_vessels")
_HULL_START_VERBS = word_set("nlp/validate", "hull_start_verbs")
_MAKE_IDIOM_COMPLEMENTS = word_set("nlp/validate", "make_idiom_complements")


def _make_idiom(t: Token) -> bool:
    """ "make" with an adjective of stating or ensuring right after it ("made clear", "make
    sure", "made it plain", "made public"): an idiom, nothing produced."""
    if t.lemma_.lower() != "make":
        return False
    nxt = [w for w in t.doc[t.i + 1 : t.i + 3] if w.lower_ != "it"][:1]
    return any(w.lower_ in _MAKE_IDIOM_COMPLEMENTS and w.pos_ == "ADJ" for w in nxt)


def _output_compared(f: Frame) -> bool:
    """Goods made in comparison ("more missiles than before", "fewer tanks than planned"):
    a trend of output, not one production event."""
    t = f.trigger
    if t.pos_ != "VERB":
        return False
    more = any(
        w.lower_ in ("more", "fewer", "less") for o in f.obj for w in o.subtree
    ) or any(c.lower_ in ("more", "fewer", "less") for c in t.children if c.dep_ == "advmod")
    return more and any(w.lower_ == "than" for w in t.subtree)


def _worked_under_contract(f: Frame) -> bool:
    """ "is building five frigates for the navy under a contract": the work a purchase
    orders, which the contract carries (see `goods_made_under`)."""
    t = f.trigger
    for c in t.children:
        if c.dep_ != "prep" or c.lower_ != "under":
            continue
        for x in pobjs(c):
            host = goods_made_under(x)
            if host is not None and host.i == t.i:
                goods = [o for o in t.children if o.dep_ in ("dobj", "nsubjpass")]
                return any(
                    party_label(p)
                    for h in [t, *goods]
                    for q in h.children
                    if q.dep_ == "prep" and q.lower_ == "for"
                    for p in pobjs(q)
                )
    return False


_PRODUCTION_MODS = word_set("nlp/validate", "production_mods")

_PRODUCTION_WISH_WORDS = word_set("nlp/validate", "production_wish_words")
_PRODUCTION_EFFECT_VERBS = word_set("nlp/validate", "production_effect_verbs")
_FACILITY_WORDS = word_tuple("nlp/validate", "facility_words")
_MODDED_FACILITY_WORDS = word_set("nlp/validate", "modded_facility_words")
_PATH_IDIOM_VERBS = word_set("nlp/validate", "path_idiom_verbs")
_PATH_IDIOM_NOUNS = word_set("nlp/validate", "path_idiom_nouns")
_OUTPUT_UNITS = word_set("nlp/validate", "output_units")
_OWNING_DETERMINERS = word_set("nlp/validate", "owning_determiners")


def production_misread(case: Case) -> bool | None:
    """Production told as a trade, a trend, an origin, a wish or a purchase's condition."""
    doc, f, m, trig = case.doc, case.f, case.m, case.trig
    t, need, item_toks = case.f.trigger, case.need, case.item_toks
    if _make_idiom(t):
        return False  # "has made clear it wants talks", "made sure the jets flew": no goods
    if conditional(t):
        return False  # "ready to make one gun a day if it wins orders": a condition
    if ongoing_rate(t):
        return False
    if t.pos_ == "VERB" and habitual(doc, t) and not made_under_licence(f):
        return False  # "Anduril builds autonomous systems": what a maker does
    if record_clause(t) and not clause_is_future(t):
        return False  # (a future one is news: "the first firm that will build the jet here")
    if topic_of_talk(t):
        return False  # "discuss US sanctions against Russia", "an update on US assistance"
    if _maker_of_record(t):
        return False  # "the jet was manufactured by Shenyang": who makes a thing, no event
    if item_toks and all(x.lower_ in _OUTPUT_UNITS for x in item_toks):
        return False  # "engines producing 88 MW", "produces 98 kN of thrust": a rating
    if _origin_modifier(t):
        return False  # "a US made rifle", "HAL-built helicopters": where a thing comes from
    if any(
        a.lemma_.lower() in _PRODUCTION_WISH_WORDS for a in list(t.ancestors)[:6]
    ):
        return False  # "offered land for manufacturing UAVs", "interest in a production line"
    if (
        t.pos_ == "NOUN"
        and t.dep_ == "nsubj"
        and t.head.lemma_.lower() in _PRODUCTION_EFFECT_VERBS
    ):
        return False  # "parallel production in both countries will allow faster fielding"
    if _path_cleared(t):
        return False  # "a clearance that could clear the path to manufacture the engine"
    if f.obj and all(_negated_goods(o) for o in f.obj):
        return False  # "will be manufacturing not airframes but the whole aircraft"
    if _output_compared(f):
        return False  # "the industry is producing more shells than before the war": a trend
    if _worked_under_contract(f):
        return False  # "KAI is building 18 jets for Malaysia under a contract": the purchase
    if _made_in_country(f, m):
        return False  # "the jets will be made in India": a condition of a purchase, no maker
    if _ongoing_for_years(f):
        return False  # "has been making engines for 15 years": a firm's trade, not an event
    if (
        t.pos_ == "VERB"
        and f.obj
        and f.pp("into")
        and not any(is_military_item(w) for w in f.pp("into"))
    ):
        return False  # "built the holding into a conglomerate": grew a body, made no goods
    if (
        _non_military_product(item_toks)
        and PLAIN_GOODS_CUE not in m.cues
    ):
        return False  # "made rosy sales forecasts", "built the firm into a group"
    if not _production_site_set_up(doc, f, m, need) and not (
        m.values("item")
        and (
            any(not _official_as_maker(doc, v, need) for v in m.values("producer"))
            or m.values("location")
            or m.values("partner")
            or "enters-production" in m.cues and not clause_is_future(t)
            or "starts-production" in m.cues
        )
    ):
        return False
    if names_manufacturing_site(f, trig):
        return False  # "a weapons manufacturing site" named, not built or expanded
    return None


def judge_vessel(case: Case) -> bool:
    """A hull begun or a vessel launched."""
    f, t = case.f, case.f.trigger
    if t.pos_ == "NOUN":
        # "laid the keel of the second frigate", "cut the first steel for the submarines"
        return f.gov_lemma in _HULL_START_VERBS and any(
            item_head(x).lemma_.lower() in _LAUNCHED_VESSELS or is_military_item(item_head(x))
            for x in f.pp("of", "for")
        )
    # "the yard launched the third frigate", "the submarine was launched"
    return t.pos_ == "VERB" and any(
        item_head(o).lemma_.lower() in _LAUNCHED_VESSELS for o in f.obj
    )


def judge_gov(case: Case) -> bool:
    """A factory or production line built or expanded."""
    f, m, trig, t = case.f, case.m, case.trig, case.f.trigger
    lemma = trig.lemma
    if lemma == "expansion":
        return any(
            w.lemma_.lower()
            in _FACILITY_WORDS
            for w in t.subtree
        ) or f.gov_lemma in ("show",)
    mods = mod_words(t)
    prod_mod = bool(
        mods
        & _PRODUCTION_MODS
    )
    if lemma in _MODDED_FACILITY_WORDS and not prod_mod:
        return False  # "a logistics hub for weapons": no site of making or repair
    return (f.gov_lemma in FACTORY_GOVERNORS and (prod_mod or bool(m.values("item")))) or (
        prod_mod and f.gov_lemma in FACTORY_GOVERNORS | {"be"}
    )


def _production_site_set_up(doc: Doc, f: Frame, m: EventMention, need: str) -> bool:
    """A maker sets up, opens or builds a production site somewhere ("Hanwha will set up a
    component production facility in Romania"): an event though its goods go unnamed."""
    return (
        need == "gov"
        and f.gov_lemma in FACTORY_GOVERNORS
        and bool(mod_words(f.trigger) & _PRODUCTION_MODS)
        and bool(m.values("location"))
        and any(
            v.label in ("COMPANY", "ORG") or company_value(doc, v) for v in m.values("producer")
        )
    )


def _official_as_maker(doc: Doc, v: RoleValue, need: str) -> bool:
    """An official read as the maker of goods ("Deputy Secretary Mary Jones termed the
    proposals to co-produce engines"): no maker, though a leader may open a plant."""
    return need == "item" and v.label == "PERSON" and leader_named(doc[tok_index(doc, v)])


def _non_military_product(item_toks: list[Token]) -> bool:
    """What is made is no military good: "sales forecasts", "office software"."""
    return bool(item_toks) and not any(is_military_item(x) for x in item_toks)


def _made_in_country(f: Frame, m: EventMention) -> bool:
    """ "will be made in India" with no maker named: the local-content terms of a deal (where
    the goods are to come from), not a production of its own."""
    t = f.trigger
    return (
        t.lemma_.lower() == "make"
        and any(c.dep_ == "auxpass" for c in t.children)
        and not m.values("producer")
        and not m.values("partner")
        and any(v.label in ("GPE", "LOC", "COUNTRY") for v in m.values("location"))
    )


def _path_cleared(t: Token) -> bool:
    """A production that a step makes possible ("clear the path to manufacture", "pave the
    way for production", "open the door to making"): the step is told, not the production."""
    cur = t
    for _ in range(4):
        if cur.dep_ == "conj" or cur.head.i == cur.i:
            return False  # "opened the way to talks and will build jets": a deed of its own
        cur = cur.head
        if cur.lemma_.lower() in _PATH_IDIOM_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _PATH_IDIOM_NOUNS for c in cur.children
        ):
            return True
    return False


def _negated_goods(o: Token) -> bool:
    """Goods set aside by "not" ("making not some parts but the whole jet")."""
    while o.dep_ == "conj" and o.head.i != o.i:
        o = o.head  # "not airframes or parts": the "not" of the first
    doc = o.doc
    nots = [c.i for c in o.children if c.dep_ in ("neg", "preconj") and c.lower_ == "not"]
    if o.left_edge.i > 0 and doc[o.left_edge.i - 1].lower_ == "not":
        nots.append(o.left_edge.i - 1)
    # "not only the engines but also the airframes": both are made
    return any(i + 1 < len(doc) and doc[i + 1].lower_ not in ("only", "just", "merely")
               for i in nots)


def _maker_of_record(t: Token) -> bool:
    """A plain passive with its maker ("the jet was manufactured by Shenyang", "the drones
    are made by Teledyne"), undated and uncounted: where a thing comes from, not a production
    told (a dated or counted one is: "12 jets were built by KAI in 2023")."""
    if t.tag_ != "VBN" or t.dep_ not in ("ROOT", "conj", "relcl"):
        return False  # (a relative clause too: "parts, many of which were made by US firms")
    aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    if [c.lemma_.lower() for c in aux] != ["be"] or aux[0].tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    if not any(c.dep_ == "agent" for c in t.children):
        return False
    subj = [c for c in t.children if c.dep_ == "nsubjpass"]
    return (
        bool(subj)
        and not any(w.ent_type_ in ("DATE", "TIME") for w in t.subtree)
        and not any(c.dep_ == "nummod" for s in subj for c in s.children)
    )


def _origin_modifier(t: Token) -> bool:
    """A participle of making set before a noun names the maker of a thing ("US made rifles",
    "HAL built helicopters"), not a production told. The parser often reads the phrase as a
    clause ("US" subject, "rifles" object); its subject then sits inside a noun phrase or a
    prepositional phrase ("one US made rifle", "interest in HAL made helicopters") and its
    object has no determiner."""
    if t.tag_ == "VBN" and t.dep_ in ("amod", "compound", "nmod"):
        return t.head.pos_ in ("NOUN", "PROPN") and t.i < t.head.i
    if t.tag_ not in ("VBD", "VBN") or t.i == 0 or t.i + 1 >= len(t.doc):
        return False
    if _owned_participle(t):
        return True  # "Ostmark's indigenously built Vesk jets", "the locally made rifles"
    subj, obj = t.doc[t.i - 1], t.doc[t.i + 1]
    if subj.dep_ not in ("nsubj", "pobj") or subj.pos_ not in ("PROPN", "NOUN"):
        return False
    if subj.ent_type_ in ("NORP", "DEMONYM") or any(c.dep_ == "nummod" for c in subj.children):
        # "after Braskian manufactured frigate Kerel", "other Ostmarkian made helicopters",
        # "six Lindell Aerospace manufactured Kestrel drones": a people's adjective or the
        # goods' count read as the maker's, no clause
        goods = obj
        while goods.dep_ in ("compound", "amod") and goods.head.i > goods.i:
            goods = goods.head
        return (
            goods.head.i == t.i
            and goods.dep_ == "dobj"
            and all(w.dep_ in ("compound", "amod") for w in t.doc[t.i + 1 : goods.i])
            and not any(c.dep_ == "det" for c in goods.children)
        )
    if obj.head.i != t.i or any(c.dep_ == "det" for c in subj.children):
        return False
    before = t.doc[subj.i - 1] if subj.i > 0 else None
    return (
        before is not None
        and before.ent_type_ != "DATE"  # "in 2020 Rheinmetall made howitzers"
        and (before.pos_ in ("ADP", "NUM", "DET") or before.dep_ == "nummod")
        and obj.dep_ == "dobj"
        and not any(c.dep_ == "det" for c in obj.children)
    )


def _owned_participle(t: Token) -> bool:
    """A bare participle of making between a possessive or an article and its goods, read
    as a clause with no subject ("Ostmark's indigenously built Vesk jets", "the locally made
    rifles"): the goods described, no making told."""
    if t.tag_ != "VBN" or any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in t.children
    ):
        return False
    k = t.i - 1
    while k >= 0 and t.doc[k].dep_ == "advmod" and t.doc[k].head.i == t.i:
        k -= 1  # "indigenously", "locally"
    if k < 0 or not (t.doc[k].tag_ == "POS" or t.doc[k].lower_ in _OWNING_DETERMINERS):
        return False
    obj = [c for c in t.children if c.dep_ == "dobj" and c.i > t.i]
    return bool(obj) and not any(c.dep_ == "det" for o in obj for c in o.children)


def _ongoing_for_years(f: Frame) -> bool:
    """Making that has gone on for a span of years ("has been manufacturing parts for the last
    15 years", "has built ships for decades"): the maker's standing activity."""
    return any(
        w.lemma_.lower() in ("year", "decade") and not any(c.lower_ == "next" for c in w.children)
        for w in f.pp("for")
    )
