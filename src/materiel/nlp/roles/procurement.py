"""Buyer, seller, items and value of a purchase."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pobjs, pp_of, pp_on_sides
from materiel.nlp.participles import COUNT_CUE, Host, participle_host
from materiel.nlp.roles.common import (
    BIDDING_VERBS,
    JOINING_VERBS,
    add_parties,
    host_clause_items,
    plain_goods,
)
from materiel.nlp.roles.items import fallback_items, frame_items, items_from
from materiel.nlp.roles.parties import ARMED_FORCE_WORDS, is_armed_force, is_company, party
from materiel.nlp.roles.sellers import company_buyers_sell, goods_maker_sellers
from materiel.nlp.spans import (
    conjuncts,
    entity_of,
    is_military_item,
    is_pronoun,
    item_head,
    party_label,
)
from materiel.nlp.triggers import TENDER_NOUNS
from materiel.nlp.types import EventMention, NumberMention, RoleValue
from materiel.nlp.under_contract import UNDER_CUE, goods_made_under
from materiel.wordlists import word_set

_SELLER_GOVERNORS = word_set("nlp/roles", "seller_governors")

_DEAL_CLOSING_VERBS = word_set("nlp/roles", "deal_closing_verbs")
_AWARDING_VERBS = ("award", "grant")
_DEAL_GIVING_VERBS = word_set("nlp/roles", "deal_giving_verbs")
_GIVEN_DEALS = word_set("nlp/roles", "given_deals")

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
            add_parties(doc, "seller", [x for x in pp_of(w, "with") if party_label(x)], m)
        if not m.values("buyer"):
            subj = [c for c in w.children if c.dep_ == "nsubj" and not is_pronoun(c)]
            add_parties(doc, "buyer", [c for c in subj if c.lower_ not in ("that", "which")], m)
        return


def _signing_sides(doc: Doc, subj: list[Token], m: EventMention) -> None:
    """The subjects of a sale led by a company sell, save a public body among them: "Hanwha
    and Romania's Armament Agency signed a contract" (the agency buys)."""
    sides = list(dict.fromkeys(c for s in subj for c in conjuncts(s)))
    public = [c for c in sides[1:] if not is_company(c) and party_label(c)]
    if not public:
        add_parties(doc, "seller", subj, m)
        return
    for c in sides:
        rv = party(doc, "buyer" if c in public else "seller", c, None)
        if rv is not None:
            m.add(rv)


def fill_procurement(
    doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]
) -> list[Token]:
    lemma = m.trigger
    items, item_toks = frame_items(doc, f, numbers, strict=True, type_="procurement")
    for rv in items:
        m.add(rv)
    if lemma in _ARRIVING_VERBS:  # "the first three of 42 jets will arrive in January"
        return _arrival(doc, f, m, item_toks)
    sells = _subject_sells(f, m, lemma in _SELLING_WORDS or _to_sell(f))
    _deal_sides(doc, f, m, sells)
    _further_sides(doc, f, m)
    item_toks = _clause_items_and_sides(doc, f, m, item_toks)
    if not m.values("seller"):
        goods_maker_sellers(doc, item_toks, m)
    if not m.values("seller"):
        _company_signed_with(doc, f, m)
    company_buyers_sell(doc, f, m, item_toks)
    return item_toks


def _company_signed_with(doc: Doc, f: Frame, m: EventMention) -> None:
    """A deal signed "with" a company that the parse hangs low in the deal's phrase ("signed
    a contract for 400 launchers worth Rs 630 crore with Saab"): the company sells. Only a
    name known as a company's, and only for a signing verb's deal."""
    t = f.trigger
    verb = t.head if t.dep_ == "dobj" else t if t.pos_ == "VERB" else None
    if verb is None or verb.lemma_.lower() not in _DEAL_CLOSING_VERBS:
        return
    deal = t if t.pos_ == "NOUN" else next((o for o in f.obj), None)
    if deal is None:
        return
    taken = {(v.start, v.end) for vals in m.args.values() for v in vals}
    companies = [x for w in deal.subtree if w.dep_ == "prep" and w.lower_ == "with"
                 and w.head.i != deal.i for x in pobjs(w) if party_label(x) == "COMPANY"]
    add_parties(doc, "seller", [c for c in companies
                                if not any(s <= c.idx < e for s, e in taken)][:1], m)


_SELLING_WORDS = ("sell", "sale", "export")


def _to_sell(f: Frame) -> bool:
    """A deal noun whose purpose is to sell ("approved a deal to sell 40 jets to Turkey",
    "signed an agreement with Greece to sell six jets"): its subject sells."""
    return f.trigger.pos_ == "NOUN" and any(
        c.lemma_.lower() in _SELLING_WORDS and not any(n.dep_ == "neg" for n in c.children)
        for c in f.clauses
    )


def _arrival(doc: Doc, f: Frame, m: EventMention, item_toks: list[Token]) -> list[Token]:
    """An arrival of goods: its subject is the goods, "from" names who sells."""
    for rv, tok in items_from(doc, f.subj):
        m.add(rv)
        item_toks.append(item_head(tok))
    add_parties(doc, "seller", f.pp("from"), m)
    return item_toks


def _subject_sells(f: Frame, m: EventMention, sells: bool) -> bool:
    """Whether the subject of a deal noun's governing verb sells: a company that signs, or
    whoever wins one (an order won is marked so)."""
    lemma = m.trigger
    subj = f.subj
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
    elif (
        lemma in ("order", "contract")
        and f.gov_lemma == "have"
        and f.trigger.dep_ == "dobj"
        and f.subj
        and is_company(f.subj[0])
    ):
        sells = True  # "HAL has orders for 18 trainers": the maker holds the order book
    return sells


def _deal_sides(doc: Doc, f: Frame, m: EventMention, sells: bool) -> None:
    """Buyer and seller by the kind of deal: one won, an award, a sale, a need, else a
    purchase whose subject buys."""
    lemma = m.trigger
    subj = f.subj
    won = _won_deals(f)
    if won:
        m.cues.append(WON_DEAL_CUE)
        # "X has received orders (to make Y) from the Navy": X sells, the Navy buys
        _signing_sides(doc, subj, m)
        froms = f.pp("from") + [w for o in won for w in _deal_froms(o)]
        add_parties(doc, "buyer", froms, m)
    elif lemma == "award" and f.trigger.pos_ == "NOUN":
        # "the Army's award to Raytheon": the noun names the winner with "to"
        add_parties(doc, "buyer", subj + f.poss, m)
        add_parties(doc, "seller", f.pp("to") + f.dative, m)
    elif f.gov_lemma == "award" or (f.pred is not None and f.pred.lemma_ == "award"):
        _award_sides(doc, f, m)
    elif lemma in _GIVEN_DEALS and f.gov_lemma in _DEAL_GIVING_VERBS:
        _award_sides(doc, f, m)  # "issued a contract to X", "gave X an order": X sells
    elif any(c.dep_ == "acl" and c.lemma_ in _AWARDING_VERBS for c in f.trigger.children):
        # "the contract awarded to X": X sells
        add_parties(doc, "seller", f.pp("to") + f.dative, m)
        add_parties(doc, "buyer", f.poss, m)
    elif sells:
        _signing_sides(doc, subj, m)
        # "won a U.S. Navy repair contract", "won the Army's order": the force buys
        sides = f.poss + [t for t in f.mods if not _in_own_name(t, f.trigger)]
        forces = [t for t in sides if is_armed_force(t) and not is_company(t)]
        add_parties(doc, "seller", [t for t in sides if t not in forces], m)
        add_parties(doc, "buyer", forces, m)
        add_parties(doc, "buyer", f.pp("to", "from", "with") + f.dative, m)
    elif lemma in _NEED_NOUNS and f.poss:  # "responded to the Army's requirement for X"
        add_parties(doc, "buyer", f.poss, m, resolve_to=subj)
    else:
        _purchase_sides(doc, f, m)


def _in_own_name(mod: Token, deal: Token) -> bool:
    """A modifier inside the deal noun's own name ("a Foreign Military Sale") is no side."""
    ent = entity_of(deal)
    return ent is not None and ent.start <= mod.i < ent.end


def _award_sides(doc: Doc, f: Frame, m: EventMention) -> None:
    """A deal awarded by a verb: who awards buys, who is awarded sells."""
    if f.passive and f.pred is not None:
        # "Lockheed Martin was awarded a $1.2 billion contract for ... (by the Army)"
        winners = [c for c in f.pred.children if c.dep_ == "nsubjpass"]
        # "the contract awarded to X by the Army": the winner follows the participle
        add_parties(doc, "seller", winners or f.pp("to") + f.dative, m)
        add_parties(doc, "buyer", f.agent, m)
    else:
        add_parties(doc, "buyer", f.subj + f.poss, m)
        add_parties(doc, "seller", f.pp("to") + f.dative, m)


_HOPING_VERBS = word_set("nlp/roles", "hoping_verbs")


def _bidders(f: Frame) -> list[Token]:
    """Who competes for the deal rather than gives it: the subject of a bidding verb ("X is
    competing in the Navy's tender", "will bid for the order"), or a firm that eyes the
    orders ("X is eyeing a share of the Army's orders"). Never the buyer. Who takes part in
    a deal bids only in a tender or when a firm: a country joining a joint purchase buys."""
    if f.gov_lemma in JOINING_VERBS:
        if f.trigger.lemma_.lower() in TENDER_NOUNS:
            return list(f.subj)
        return [s for s in f.subj if is_company(s)]
    if f.gov_lemma in BIDDING_VERBS or (
        # "X is competing in the tender to buy 12 submarines", the purpose hung on the verb
        f.trigger.pos_ == "VERB"
        and f.trigger.dep_ in ("advcl", "xcomp")
        and f.trigger.head.lemma_.lower() in BIDDING_VERBS
    ):
        return list(f.subj)
    if f.gov_lemma in _HOPING_VERBS:
        return [s for s in f.subj if is_company(s)]
    return []


def _purchase_sides(doc: Doc, f: Frame, m: EventMention) -> None:
    """A plain purchase: its subject (or agent) buys, "from" or "with" and a company named in
    it sell; a company signing beside a force sells to it. A bidder buys nothing."""
    bidders = _bidders(f)
    subj = [s for s in f.subj if s not in bidders]
    if f.passive:
        add_parties(doc, "buyer", f.agent, m)
    signers = _signed_by(f.trigger)
    if signers and not f.passive:
        # "cited the contract signed by the ministry": the signer buys, not who cites it
        add_parties(doc, "buyer", signers, m)
        subj = []
    # "the Indian Army and Bharat Forge signed a contract": the company sells
    sides = [c for s in subj for c in conjuncts(s)]
    makers = [c for c in sides if is_company(c)] if len(sides) > 1 else []
    if makers and any(is_armed_force(c) and not is_company(c) for c in sides):
        for c in sides:
            side = party(doc, "seller" if c in makers else "buyer", c, None)
            if side is not None:
                m.add(side)
        subj = []
    add_parties(doc, "buyer", subj + f.poss, m, resolve_to=subj)
    # "a 40-jet order from the air force": a force a deal comes from gives it, and buys
    givers = [t for t in f.pp("from") if f.trigger.pos_ == "NOUN"
              and f.trigger.lemma_.lower() in _SIGNED_DEALS and is_armed_force(t)
              and not is_company(t)]
    add_parties(doc, "buyer", givers, m)
    add_parties(doc, "seller", [t for t in f.pp("from", "with") if t not in givers], m)
    for tok in f.mods:
        if is_company(tok):
            add_parties(doc, "seller", [tok], m)


_PLACING_VERBS = _DEAL_CLOSING_VERBS | {"place"}


def _signed_by(t: Token) -> list[Token]:
    """Who signed or placed a deal noun, told by a participle on it ("the contract signed in
    May by the ministry")."""
    if t.pos_ != "NOUN":
        return []
    return [
        x
        for c in t.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _PLACING_VERBS
        for a in c.children
        if a.dep_ == "agent"
        for x in pobjs(a)
        if party_label(x)
    ]


def _further_sides(doc: Doc, f: Frame, m: EventMention) -> None:
    """Sides told by the deal's own words: a signing clause on it, a company selected, who
    asks in a tender, and whom it is "for"."""
    lemma = m.trigger
    if lemma in _SIGNED_DEALS and f.trigger.pos_ == "NOUN":
        _signed_deal_sides(doc, f.trigger, m)
    if lemma in ("select", "choose"):  # "the Army selected Lockheed Martin to build X"
        add_parties(doc, "seller", [o for o in f.obj if is_company(o)], m)
    if lemma in TENDER_NOUNS and not m.values("buyer"):
        # "the release of an RFI ... by the Royal Australian Air Force": who asks buys
        add_parties(doc, "buyer", f.agent or _agent_of_nominal(f.trigger), m)
    # "for the Indian Navy": the buyer when none yet; not when a fund or group buys ("a
    # fund that buys weapons for Ukraine": Ukraine gets them)
    for tok in f.pp("for") + _work_for(f):
        if party_label(tok) and not is_military_item(item_head(tok)):
            if not m.values("buyer") and not _buying_group(f):
                add_parties(doc, "buyer", [tok], m)
            elif not _own_force(tok):
                m.cues.append(f"beneficiary:{tok.i}")
    if _state_buyer(m):  # not "the US Air Force awarded a contract for F-16s for Taiwan"
        m.cues += [f"beneficiary:{tok.i}" for tok in _goods_or_seller_for(f)
                   if party_label(tok) and not is_military_item(item_head(tok))
                   and not _own_force(tok)]
    if not m.values("buyer") and not _buying_group(f):
        add_parties(doc, "buyer", _owners_served(f), m)


def _state_buyer(m: EventMention) -> bool:
    """A buyer that is a state or its government, not one of its forces or a company: work a
    force orders for a client state is a sale to that state, no gift."""
    buyers = m.values("buyer")
    return bool(buyers) and all(
        b.label in ("GPE", "COUNTRY", "METONYM")
        and not ARMED_FORCE_WORDS & set(b.text.lower().split()) for b in buyers)


def _goods_or_seller_for(f: Frame) -> list[Token]:
    """Whom the deal is for, told on the goods or the seller rather than on the deal ("a
    contract with Rheinmetall for 20 systems for Ukraine", "ordered 20 systems from Rheinmetall
    for Ukraine")."""
    return pp_on_sides(f, ("for", "from", "with"), "for", objects=True)


_SERVED_HEADS = word_set("nlp/roles", "served_goods_heads")
_SERVICE_WORK_NOUNS = word_set("nlp/roles", "service_work_nouns")


def _work_for(f: Frame) -> list[Token]:
    """The "for" of the work a deal is for ("a contract for the production of SM-6 for the
    Navy"): whom the work serves."""
    return [
        x
        for p in f.pp("for")
        if p.lemma_.lower() in _SERVICE_WORK_NOUNS
        for x in pp_of(p, "for")
        if x not in f.pp("for")
    ]


def _owners_served(f: Frame) -> list[Token]:
    """Whose goods a deal's work serves ("a deal for training for Poland's F-35 fleet", "a
    contract to maintain the Royal Navy's submarines"): the owner buys the service. The
    owner of goods in the deal's own "for" is left alone: read as buyer, it added a false
    event on the development gold."""
    goods = _work_for(f) + [o for c in f.clauses for o in c.children if o.dep_ == "dobj"]
    return [
        c
        for g in goods
        if is_military_item(g) or g.lemma_.lower() in _SERVED_HEADS
        for c in g.children
        if c.dep_ == "poss" and not is_pronoun(c) and party_label(c)
    ]


def _buying_group(f: Frame) -> bool:
    """A relative clause whose subject stands for a noun that names no party ("a fund that
    buys weapons", "an initiative which procures shells"): someone other than its "for" buys."""
    t = f.trigger
    return (
        t.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in t.children)
        and not party_label(t.head)
    )


def _clause_items_and_sides(
    doc: Doc, f: Frame, m: EventMention, item_toks: list[Token]
) -> list[Token]:
    """The goods and sides the clause around the deal tells: the clause a participle hangs
    on, the noun a relative clause is on, the clause working under the contract, and at last
    the goods found anywhere near."""
    host = participle_host(f.trigger)
    if host is not None:
        item_toks = _participle_sides(doc, host, m, item_toks)
    if not m.values("buyer") and f.trigger.dep_ in ("acl", "relcl") and f.trigger.pos_ == "VERB":
        # "the Army's Zorawar tank that was ordered last year": whose goods were bought
        owners = [c for c in f.trigger.head.children if c.dep_ == "poss"] or [
            c  # "the Armenian jets that were acquired from Russia": the state named on the goods
            for c in f.trigger.head.subtree
            if c.dep_ in ("amod", "compound") and c.i < f.trigger.head.i
            and party_label(c) in ("DEMONYM", "NORP", "GPE", "COUNTRY")
        ]
        add_parties(doc, "buyer", owners, m)
    if not item_toks:
        item_toks = host_clause_items(doc, f, m)
    _host_clause_sides(doc, f, m)
    if not item_toks:
        item_toks = fallback_items(doc, f, m)
    if (
        not item_toks
        and f.trigger.pos_ == "VERB"
        and f.trigger.dep_ not in ("acl", "relcl")
        and any(_armed_force_value(doc, v) for v in m.values("buyer"))
    ):
        item_toks = plain_goods(doc, f, m, f.obj)  # "the Army wants to buy robotic mules"
    return item_toks


def _armed_force_value(doc: Doc, v: RoleValue) -> bool:
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return span is not None and is_armed_force(span.root)


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
        add_parties(doc, "seller", [x for x in makers if is_company(x)], m)
    if not m.values("buyer"):
        add_parties(doc, "buyer", takers, m)


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
        add_parties(doc, "buyer", buyers, m)
    if not m.values("seller"):
        add_parties(doc, "seller", host.sellers(), m)
    return item_toks


def _agent_of_nominal(t: Token) -> list[Token]:
    """The "by" phrase of the noun a trigger is "of": "the release of an RFI by X"."""
    if t.dep_ != "pobj" or t.head.lower_ != "of":
        return []
    return [x for c in t.head.head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
            for x in pobjs(c)]


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
