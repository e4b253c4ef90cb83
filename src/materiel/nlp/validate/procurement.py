"""What a purchase needs to stand: goods, a deal, a replacement, and its misreadings."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame
from materiel.nlp.lexicon import SPEECH_VERBS
from materiel.nlp.roles import ARMED_FORCE_WORDS, is_armed_force
from materiel.nlp.spans import is_military_item, item_head
from materiel.nlp.status import clause_chain
from materiel.nlp.types import EventMention
from materiel.nlp.validate.case import Case
from materiel.nlp.validate.tokens import (
    BUYING_NOUNS,
    capability_provision,
    company_like,
    compared_with_unlike,
    military_support,
    names_manufacturing_site,
    ongoing_rate,
    record_clause,
    state_sends_arms,
    tok_index,
    topic_of_talk,
)
from materiel.wordlists import word_set, word_tuple

_PURCHASE_APPROVAL_VERBS = word_set("nlp/validate", "purchase_approval_verbs")
_TENDER_ISSUING_VERBS = word_set("nlp/validate", "tender_issuing_verbs")
_COMPANY_NOUNS = word_set("nlp/validate", "company_nouns")

_AID_TALK = word_set("nlp/validate", "aid_talk_lemmas")
_ORDER_TREND_WORDS = word_set("nlp/validate", "order_trend_words")
_GENERIC_GOODS = word_set("nlp/validate", "generic_goods_heads")
_ORIGIN_MODIFIERS = word_set("nlp/validate", "origin_modifiers")
_VAGUE_AMOUNTS = word_set("nlp/validate", "vague_amount_modifiers")
_POINTING_DETS = word_set("nlp/validate", "pointing_determiners")
_FOLLOW_ON_AMOUNTS = word_set("nlp/validate", "follow_on_amount_words")
_ORIGIN_COMMENT_TRIGGERS = word_set("nlp/validate", "origin_comment_triggers")
_AIRLINE_WORDS = word_set("nlp/validate", "airline_words")
_CIVIL_WORK_WORDS = word_set("nlp/validate", "civil_work_words")
_DEAL_LEMMAS = word_set("nlp/validate", "civil_work_deal_nouns")
_PLACE_PREPS = word_set("nlp/validate", "civil_work_place_preps")


POINTED_GOODS_CUE = "pointed goods"  # EventMention.cues: a plan of goods pointed back to


def _plan_of_pointed_goods(doc: Doc, m: EventMention) -> bool:
    """A plan whose every item is goods pointed back to ("has plans to induct such warships",
    "intends to prioritise the procurement of these fighters"), with no count, price or seller
    of its own: if the document told a purchase by the same buyer before, this is it told
    again (the extractor, which sees the document, decides: extract.retype). Not "would order
    more of these drones" (a follow-on lot) nor "plans to buy these tanks from Lindell"."""
    items = m.values("item")
    if m.status == "done" or not items or m.values("quantity") or m.values("value"):
        return False
    buyers = {v.text.lower() for v in m.values("buyer")}
    if any(v.text.lower() not in buyers for v in m.values("seller")):
        return False  # "plans to buy these tanks from Lindell Defence": a deal of its own
    return all(v.kb_id is None and _pointed_kind(doc[tok_index(doc, v)]) for v in items)


def _seller_read_as_buyer(m: EventMention) -> bool:
    """Every buyer is also the seller ("Brask's plans to export these weapons"): the goods
    the seller has, told before; who buys them is not told."""
    sellers = {v.text.lower() for v in m.values("seller")}
    return bool(sellers) and all(v.text.lower() in sellers for v in m.values("buyer"))


def _pointed_kind(head: Token) -> bool:
    """Goods pointed back to with no name, count or amount of their own: "such warships",
    "these fighters"; not "these Abrams tanks", "354 of these tanks", "more of these drones"
    nor "additional such frigates"."""
    of = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    phrase = of.head if of is not None and of.head.pos_ != "VERB" else head
    if of is not None and of.i > 0 and head.doc[of.i - 1].like_num:
        return False  # "the purchase of 354 of these tanks", the count attached to the noun
    if any(
        w.like_num or w.pos_ == "NUM" or w.lower_ in _FOLLOW_ON_AMOUNTS | _VAGUE_AMOUNTS
        for w in phrase.subtree
    ):
        return False  # "24 more of these fighters", "additional such frigates"
    kids = list(head.children)
    if any(c.pos_ == "PROPN" for c in kids):
        return False
    return any(c.dep_ in ("det", "amod", "predet") and c.lower_ in _POINTING_DETS for c in kids)


def _goods_by_origin_only(doc: Doc, m: EventMention, t: Token) -> bool:
    """A past purchase, bought or procured, whose every item is arms of a kind told only by
    origin ("mocked Ostmark's purchase of Indian weapons", "managed to procure imported
    weapons"), with no count, price or seller in the mention and no date in its sentence: a
    sourcing habit or a comment, not one deal ("will buy Italian jets" is a plan and stays;
    an order, contract, deal or delivery of such goods is one deal and stays too)."""
    items = m.values("item")
    if m.status != "done" or not items or t.lemma_.lower() not in _ORIGIN_COMMENT_TRIGGERS:
        return False
    if m.values("quantity") or m.values("value") or m.values("seller"):
        return False
    if any(w.ent_type_ == "DATE" for w in t.sent):
        return False
    return all(_origin_only(doc[tok_index(doc, v)]) for v in items)


def _origin_only(head: Token) -> bool:
    """Arms named by a kind and nothing but where they come from ("Indian weapons", "many
    imported tanks"); a count ("40 Russian tanks") or any other modifier names more."""
    if head.lower_ not in _GENERIC_GOODS:
        return False
    if any(c.dep_ == "nummod" or c.like_num for c in head.children):
        return False  # "40 Russian tanks": counted goods
    mods = [
        c for c in head.children
        if c.dep_ in ("amod", "compound", "nmod") and c.lower_ not in _VAGUE_AMOUNTS
    ]
    return bool(mods) and all(
        c.ent_type_ in ("NORP", "DEMONYM") or c.lower_ in _ORIGIN_MODIFIERS for c in mods
    )


def _orders_as_trend(t: Token) -> bool:
    """Orders or sales told as a trend ("with orders for the jet on the decline", "dwindling
    export orders", "orders are drying up"): no one deal."""
    if t.pos_ != "NOUN" or t.tag_ != "NNS":
        return False
    for c in t.children:
        if c.dep_ == "amod" and c.lower_ in _ORDER_TREND_WORDS:
            return True
        if c.dep_ == "prep" and c.lower_ == "on" and any(
            o.lemma_.lower() in _ORDER_TREND_WORDS for o in c.children if o.dep_ == "pobj"
        ):
            return True
    head = t.head
    return t.dep_ == "nsubj" and (
        head.lemma_.lower() in _ORDER_TREND_WORDS or head.lower_ in _ORDER_TREND_WORDS
    )


def _company_noun(tok: Token) -> bool:
    """ "acquire the firm", "buy a stake"; not counted units ("104 units of the system")."""
    if tok.lemma_.lower() not in _COMPANY_NOUNS:
        return False
    return not (tok.tag_ == "NNS" or any(c.dep_ == "nummod" for c in tok.children))


_REQUIREMENT_MET_VERBS = word_set("nlp/validate", "requirement_met_verbs")

_ORDER_GOVERNORS = word_tuple("nlp/validate", "order_governors")


def _purpose_of_purchase(t: Token) -> bool:
    """A requirement named as what a purchase is for ("backed the purchase of jets for its
    requirement for two carriers"): the purchase is the event."""
    if t.dep_ != "pobj" or t.head.lower_ != "for":
        return False
    owner = t.head.head
    return owner.pos_ == "NOUN" and owner.lemma_.lower() in BUYING_NOUNS


_BID_GOVERNORS = word_set("nlp/validate", "bid_governors")
_GAINING_VERBS = word_set("nlp/validate", "gaining_verbs")
_PROMISE_NOUNS = word_set("nlp/validate", "promise_nouns")
_WINNING_VERBS = word_set("nlp/roles", "seller_governors")


def _bid_for_deal(f: Frame) -> bool:
    """A deal noun a bidder tries to win ("its efforts to secure the contract", "is looking to
    bag its first export order"): an offer, no order placed."""
    v = f.pred
    if f.trigger.pos_ != "NOUN" or v is None or f.trigger.dep_ != "dobj":
        return False
    if v.lemma_.lower() not in _WINNING_VERBS or v.tag_ != "VB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return False
    return v.dep_ in ("xcomp", "acl", "advcl") and v.head.lemma_.lower() in _BID_GOVERNORS


def _country_needs(f: Frame, trig_lemma: str) -> bool:
    """ "Ostmark needs four carriers" in the writer's own words: a country's need as a
    commentator sees it, no requirement stated by a buying service ("the navy needs 26
    jets") nor a government's word ("Ostmark needs 500 tanks, the minister said")."""
    t = f.trigger
    if trig_lemma not in ("need", "require") or t.pos_ != "VERB" or not f.subj:
        return False
    if any(
        is_armed_force(s) or s.pos_ != "PROPN" or s.ent_type_ not in ("GPE", "COUNTRY")
        for s in f.subj
    ):
        return False
    return clause_chain(t)[1] is None and not any(
        w.lemma_.lower() in SPEECH_VERBS for w in t.children if w.dep_ in ("parataxis", "ccomp")
    )


def _airline_fleet_order(m: EventMention) -> bool:
    """An airline's fleet deal ("United Airlines ordered 50 Airbus A321neo jets", "Qantas
    Airways took delivery of its first A350"): a buyer named as an airline. Not passenger
    models alone: a state, a force or an alliance body buys them too ("the Pentagon ordered
    two 747-8 jets", "the air force ordered two A330 MRTT tankers")."""
    return any(set(v.text.lower().split()) & _AIRLINE_WORDS for v in m.values("buyer"))


def _civil_work(f: Frame, m: EventMention) -> bool:
    """A contract for civil work and no goods ("awarded a contract for the construction of a
    child development center", "an order from Network Rail for the maintenance of its
    trains"): a civil word in what the deal is for or in its buyer's name, no military goods
    there or named."""
    if m.trigger not in _DEAL_LEMMAS or m.values("item"):
        return False
    told = [w for x in f.pp("for") for w in _without_places(x)]
    if any(is_military_item(w) for w in told):
        return False
    words = {w.lower_ for w in told} | {
        w for v in m.values("buyer") for w in v.text.lower().split()
    }
    return bool(words & _CIVIL_WORK_WORDS)


def _without_places(x: Token) -> list[Token]:
    """The words of a phrase but those of its places ("a center at Fort Hood": the base's
    name is no goods)."""
    places = {
        w.i
        for p in x.subtree
        if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS
        for w in p.subtree
    }
    return [w for w in x.subtree if w.i not in places]


def procurement_misread(case: Case) -> bool | None:
    """A purchase told as a rate, a record, a purpose, a topic or a takeover."""
    f, m, trig, t = case.f, case.m, case.trig, case.f.trigger
    if _country_needs(f, trig.lemma):
        return False  # "Ostmark needs four carriers": a writer's view of a need
    if _airline_fleet_order(m):
        return False
    if _civil_work(f, m):
        return False
    if ongoing_rate(t):
        return False
    if record_clause(t):
        return False
    if _purpose_of_purchase(t):
        return False
    if trig.lemma in ("order", "contract", "deal") and _bid_for_deal(f):
        return False  # "is looking to bag its first export order": a bid
    if _orders_as_trend(t):
        return False  # "with orders for the jet on the decline": a trend of sales
    if _plan_of_pointed_goods(case.doc, m):
        if _seller_read_as_buyer(m):
            return False  # "plans to export these weapons to other operators": no buyer told
        if POINTED_GOODS_CUE not in m.cues:
            m.cues.append(POINTED_GOODS_CUE)  # "has plans to induct such warships": told before?
    if _goods_by_origin_only(case.doc, m, t):
        return False  # "Armenia's purchase of Indian weapons": where arms come from
    if compared_with_unlike(t):
        return False  # "unlike Ukraine, which received weapons from abroad": a comparison
    if topic_of_talk(t):
        return False  # "discuss US sanctions against Russia", "an update on US assistance"
    if (
        trig.lemma in ("buy", "acquire", "purchase", "acquisition", "sell", "sale")
        and any(company_like(o) or _company_noun(o) for o in f.obj + f.pp("of"))
    ):
        return False  # buying or selling a company is a takeover, not a sale of goods
    if (
        trig.lemma in _GAINING_VERBS
        and f.obj
        and all(o.lemma_.lower() in _PROMISE_NOUNS for o in f.obj)
    ):
        return False  # "acquired commitments from five states for air defences": promises won
    if names_manufacturing_site(f, trig):
        return False  # "a weapons manufacturing site" named, not built or expanded
    if capability_provision(f, m, trig):
        return False  # "the new radar will provide the army with a sensor that can track"
    return None


def _counted_requirement(f: Frame, m: EventMention) -> bool:
    """A service's requirement for a counted number of goods ("to meet its requirements for
    six tankers", "the army's requirements for 300 vehicles"): a purchase it plans, whatever
    verb governs it; uncounted ("meets the Navy's requirements for a radar") it is a fit."""
    if not m.values("quantity") or not m.values("buyer") or _requirement_already_met(f.trigger):
        return False
    return any(
        is_military_item(item_head(x)) and any(c.dep_ == "nummod" for c in x.children)
        for x in f.pp("for")
    )


def _requirement_already_met(t: Token) -> bool:
    """A need filled ("has already met its requirement for eight vessels", "had met its
    requirement for 120 howitzers by 2020", "the requirement for six ships has been met"): no
    purchase to come ("to meet its requirements for six tankers" is still to come)."""
    verb = t.head
    if t.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in _REQUIREMENT_MET_VERBS:
        return False
    return verb.tag_ in ("VBD", "VBN") or any(
        c.dep_ == "advmod" and c.lower_ == "already" for c in verb.children
    )


def judge_item(case: Case) -> bool:
    """Goods the trigger needs: chosen, received or ordered, by a buyer that can hold arms."""
    doc, f, m, trig = case.doc, case.f, case.m, case.trig
    t, parties = case.f.trigger, case.parties
    if trig.lemma in ("select", "choose") and not _chose_goods(f):
        return False
    if (
        trig.lemma == "get"
        and not any(is_armed_force(doc[tok_index(doc, v)]) for v in m.values("buyer"))
        and not _state_gets_named_system(doc, m)
    ):
        return False  # "the Royal Marines to get six new ships": goods a service is to receive
    if trig.lemma in ("receive", "get") and _received_no_goods(f):
        return False  # "received a distress call", "receive the crew", "receive training"
    if (
        m.type == "aid"
        and trig.lemma == "pledge"
        and m.values("recipient")
        and (military_support(f) or state_sends_arms(f, m))
    ):
        return True  # "pledged continued financial and military support for Ukraine"
    if trig.lemma == "requirement" and not _counted_requirement(f, m) and (
        t.tag_ != "NN"
        or f.gov_lemma in _REQUIREMENT_MET_VERBS
        or not (f.pp("for") or f.pp("of") and m.values("quantity"))
    ):
        return False  # "met the Navy's requirements": a fit; "its requirement for 26 jets"
    if trig.lemma in ("receive", "induct", "import") and not [
        v
        for v in m.values("buyer")
        if v.label not in (None, "NOUN")
        or is_armed_force(doc[t.i])
        or v.text.lower().split()[-1] in ARMED_FORCE_WORDS
        # "it has also received S-400 systems": a state told before, a model named
        or v.pronoun and v.text.lower() in ("it", "they") and _model_named(m)
    ]:
        return False
    if m.type == "production" and trig.lemma in ("production", "manufacturing", "manufacture"):
        return bool(m.values("item")) or bool(parties)
    if (
        m.type == "procurement"
        and trig.lemma in ("tender", "rfp", "rfi", "request")
        and f.gov_lemma in _TENDER_ISSUING_VERBS
        and any(not v.pronoun for v in m.values("buyer"))
    ):
        return True  # "the Navy issued a request for proposal": a purchase begun
    if (
        m.type == "procurement"
        and trig.lemma in ("purchase", "procurement", "acquisition")
        and t.pos_ == "NOUN"
        and not m.values("item")
        and _approved_purchase(f, m)
    ):
        return True  # "the government approved the purchase": its goods told before
    if m.type == "procurement" and trig.lemma in ("order",) and t.pos_ == "NOUN":
        if m.values("buyer") and m.values("seller"):
            return True  # "took export orders from Armenia"
        if f.gov_lemma in _ORDER_GOVERNORS and parties and m.values("value"):
            return True  # "X secured orders for 118 units worth Rs 7,523 crore"
        return bool(m.values("item")) and (
            bool(parties)
            or f.gov_lemma in _ORDER_GOVERNORS
        )
    return bool(m.values("item"))


def judge_deal(case: Case) -> bool:
    """A deal stands with a party or an item."""
    m, parties = case.m, case.parties
    return bool(parties) or bool(m.values("item"))


def judge_replace(case: Case) -> bool:
    """Old goods replaced with new ones, by a buyer."""
    f, m = case.f, case.m
    # "replace its ageing jets with 100 new jets"
    return bool(f.pp("with")) and bool(m.values("item")) and bool(m.values("buyer"))


def _approved_purchase(f: Frame, m: EventMention) -> bool:
    """A purchase noun cleared by its buyer, or named with its buyer and seller ("cleared the
    procurement of X from Israel")."""
    if f.trigger.dep_ == "compound":
        return False  # "TOW procurement support": a kind of service, no purchase told
    buyers = [v for v in m.values("buyer") if not v.pronoun]
    if buyers and m.values("seller") and f.pp("from"):
        return True
    return bool(buyers) and f.gov_lemma in _PURCHASE_APPROVAL_VERBS and not f.passive


def _received_no_goods(f: Frame) -> bool:
    """What a receiving verb takes is a common noun naming no arms ("the crew of the ship",
    "further training on board the jet"): what follows it is no delivery."""
    if f.trigger.pos_ != "VERB" or not f.obj:
        return False
    o = f.obj[0]
    if _money_sum(o):
        return True  # "received an extra 500 million pounds to buy new equipment": funds
    if o.pos_ != "NOUN" or o.ent_type_ in ("ORDINAL", "CARDINAL", "QUANTITY"):
        return False
    return not any(is_military_item(w) for w in [item_head(o), *o.subtree])


def _money_sum(o: Token) -> bool:
    """A sum of money as the thing received ("received $2 billion", "got an extra 500 million
    pounds"): money, whatever it is to buy."""
    return any(
        n.kind == "money" and n.token_start <= o.i < n.token_end for n in o.doc._.numbers or []
    )


def _chose_goods(f: Frame) -> bool:
    """A choice told as made ("chose 99 F414 engines", "PULS was selected by X"), of arms,
    not one urged or to come ("pressure to select the F-18") nor a shortlist ("down
    selected")."""
    t = f.trigger
    if t.dep_ in ("xcomp", "acl", "advcl", "relcl", "amod") or t.tag_ in ("VB", "VBG"):
        return False
    if any(c.dep_ == "prt" for c in t.children):
        return False
    goods = f.obj if f.obj else []
    return any(is_military_item(item_head(o)) for o in goods)


def _model_named(m: EventMention) -> bool:
    return any(any(ch.isdigit() for ch in v.text) for v in m.values("item"))


def _state_gets_named_system(doc: Doc, m: EventMention) -> bool:
    """ "India is set to get the third squadron of the S-400": a state receiving a system
    named by its model, in a sentence that speaks of no aid."""
    states = [v for v in m.values("buyer") if v.label in ("COUNTRY", "GPE")]
    aid = {w.lemma_.lower() for w in doc} & _AID_TALK
    return bool(states) and _model_named(m) and not aid
