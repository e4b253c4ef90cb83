"""Producer, partner, items and place of production."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, awarded_deal, contract_awardees, pobjs, pp_of
from materiel.nlp.roles.common import add_parties, add_places, plain_goods
from materiel.nlp.roles.items import frame_items, is_counted, items_from
from materiel.nlp.roles.parties import is_company, role_value
from materiel.nlp.spans import is_military_item, item_head, party_label, place_label
from materiel.nlp.triggers import names_first_unit
from materiel.nlp.types import EventMention, NumberMention, RoleValue
from materiel.nlp.venues import works_place
from materiel.wordlists import word_set, word_tuple


def _company_value(doc: Doc, v: RoleValue) -> bool:
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return span is not None and is_company(span.root)


_SHARE_NOUNS = ("cent", "percent", "%", "share", "part", "half", "order")

_LOCAL_WORDS = word_tuple("nlp/roles", "local_words")
_ENTERING_VERBS = {"enter", "go", "move", "put"}
_PRODUCTION_START_VERBS = word_set("nlp/roles", "production_start_verbs")
_PRODUCTION_NOUNS = {"production", "manufacturing", "manufacture"}
_ROLLOUT_WORDS = {"roll", "rollout", "unveil"}
_CONDITION_MARKS = {"if", "once", "unless", "when"}
_PARTICIPATION_VERBS = word_set("nlp/roles", "participation_verbs")


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


def _participants(t: Token) -> list[Token]:
    """Who takes part in a production ("X will be involved in the local production of the
    engine", "Y will participate in the production of the jet"): the subject of the verb of
    taking part whose "in" phrase holds the production noun."""
    if t.pos_ != "NOUN" or t.dep_ != "pobj" or t.head.lower_ != "in":
        return []
    verb = t.head.head
    if verb.lemma_.lower() == "part" and verb.dep_ == "dobj":
        verb = verb.head  # "take part in the production of"
    elif verb.lemma_.lower() not in _PARTICIPATION_VERBS:
        return []
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


_ORDER_PLACING_VERBS = word_set("nlp/roles", "order_placing_verbs")


def _contract_holders(t: Token) -> list[Token]:
    """Who is given the contract that the production works under: "the Army awarded Raytheon
    a contract to ramp up production of X" (Raytheon makes them; the Army buys), "the MoD
    placed an order with BAE Systems to restart production of shells" (a company)."""
    verb = t if t.pos_ == "VERB" else t.head
    deal = awarded_deal(verb)
    if deal is None:
        return []
    giver = deal.head
    if giver.lemma_.lower() in _ORDER_PLACING_VERBS:  # "placed an order with X to restart"
        return [w for w in pp_of(deal, "with") + pp_of(giver, "with") if is_company(w)]
    return contract_awardees(verb)


def _copula_subject(w: Token) -> Token:
    """The one a predicate noun names ("Tata is the first company that will build the jet":
    Tata builds), else the word itself."""
    if w.dep_ == "attr" and w.head.lemma_.lower() in ("be", "become", "remain"):
        subj = [c for c in w.head.children if c.dep_ == "nsubj" and party_label(c)]
        if subj:
            return subj[0]
    return w


def _told_outright(t: Token) -> bool:
    """A start of production told as the news, not described in a relative clause ("the
    program, which will enter production in 2032") nor held on a condition ("once approval
    comes, the prototype will be rolled out")."""
    chain = [t, *t.ancestors]
    if any(a.dep_ in ("relcl", "acl") for a in chain):
        return False
    return not any(
        c.dep_ == "advcl"
        and any(w.dep_ == "mark" and w.lower_ in _CONDITION_MARKS for w in c.children)
        for a in chain
        for c in a.children
    )


def _rolled_off_line(f: Frame) -> bool:
    """ "rolled off the (production, assembly) line": a unit made."""
    return f.trigger.lemma_.lower() == "roll" and any(
        w.lemma_.lower() == "line" for w in f.pp("off") + f.obj
    )


def _first_unit_rolled(f: Frame) -> bool:
    """A prototype or first unit rolled out ("rolled out the first K2PL", "the prototype
    is to be rolled out"): production begun, though no maker is named."""
    if f.trigger.lemma_.lower() not in _ROLLOUT_WORDS:
        return False
    goods = f.obj + (f.subj if f.passive or f.trigger.pos_ == "NOUN" else []) + f.pp("of")
    return any(names_first_unit(w) for w in goods)


def _subject_of_misread_verb(t: Token) -> list[Token]:
    """ "X will triple production of Y", "X is to double production of Y": the parse reads the
    verb as an adjective of the noun, so the noun has the verb's subject, or the copula does."""
    if t.pos_ != "NOUN" or not _start_word_before(t):
        return []
    own = [c for c in t.children if c.dep_ == "nsubj"]
    if own or t.dep_ != "pobj" or t.head.lower_ != "to" or t.head.head.lemma_ != "be":
        return own
    return [c for c in t.head.head.children if c.dep_ == "nsubj"]


def fill_production(
    doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]
) -> list[Token]:
    items, item_toks = frame_items(doc, f, numbers, strict=True, type_="production")
    if not items and f.gov_lemma in _ENTERING_VERBS and f.trigger.pos_ == "NOUN":
        # "the S-500 entered serial production", "a system that went into production"
        items, item_toks = _items_of(doc, f.subj)
        if items:
            m.cues.append("enters-production")
            if any(_named_system(rv.text) for rv in items) and _told_outright(f.trigger):
                # "the K9 will enter serial production next year": a named system's start
                m.cues.append("starts-production")
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
    if not items and _rolled_off_line(f):
        # "the first Boxer rolled off the production line": the goods are its subject
        items, item_toks = _items_of(doc, f.subj)
        if items:
            m.cues.append("starts-production")
    if items and _first_unit_rolled(f) and _told_outright(f.trigger):
        m.cues.append("starts-production")  # "the prototype of the X is to be rolled out"
    for rv in items:
        m.add(rv)
    producers = [_copula_subject(w) for w in (f.agent if f.passive else f.subj + f.agent)]
    producers = _contract_holders(f.trigger) or producers or _subject_of_misread_verb(f.trigger)
    producers += f.poss
    if f.passive and not f.agent:
        # "built under licence by X", "assembled at the plant by X": the parse hangs the maker
        # on the phrase before it
        producers += [
            w for p in f.pp("under", "at", "in") for w in pp_of(p, "by") if party_label(w)
        ]
    add_parties(doc, "producer", producers, m, resolve_to=f.subj)
    for tok in f.mods:
        add_parties(doc, "producer", [tok], m)
    if not m.values("producer"):
        add_parties(doc, "producer", _participants(f.trigger), m)
    if not m.values("producer"):
        _facility_producer(doc, f, m)
    if (
        not item_toks
        and f.trigger.pos_ == "VERB"
        and any(v.label == "COMPANY" or _company_value(doc, v) for v in m.values("producer"))
    ):
        counted = [o for o in f.obj if is_counted(o) and o.lemma_.lower() not in _SHARE_NOUNS]
        item_toks = plain_goods(doc, f, m, counted)  # "HAL will manufacture five prototypes"
    partners = [t for t in f.pp("with", "between") if party_label(t)]
    t = f.trigger
    if t.dep_ in ("xcomp", "advcl") and t.head.pos_ in ("VERB", "AUX"):
        # "X has joined hands with Y to manufacture Z": who X joined makes it with X
        partners += [w for w in pp_of(t.head, "with") if party_label(w)]
    licensors = [
        w
        for lic in f.pp("under")  # "made under licence from Russia"
        if lic.lemma_.lower() in ("licence", "license")
        for w in pp_of(lic, "from")
        if party_label(w)
    ] + _licence_granters(f)
    add_parties(doc, "partner", partners + licensors, m)
    locs = f.pp("in", "at", "near")
    if not add_places(doc, "location", locs, m):
        for tok in locs:  # "at the Aircraft Division, Nasik"
            for c in tok.subtree:
                if place_label(c):
                    add_places(doc, "location", [c], m)
                    break
    # the works only fill a side the clause's own words have made a production already
    # ("the overhaul of frigates at a firm's Hull yard" stays a mention of no event)
    works = [w for w in _works_at(f, item_toks) if w.lemma_.lower() in _FACILITY_NOUNS]
    if not m.values("producer") and m.values("location"):
        # "built at Kestrel's plant in Melbourne": the works' owner
        add_parties(doc, "producer", [c for w in works for c in w.children if c.dep_ == "poss"], m)
    if not m.values("location") and m.values("producer"):
        for w in works[:1]:  # "at its Hallstadt plant": the name the works goes by
            site = role_value(doc, "location", works_place(w), "FAC")
            if site is not None:
                m.add(site)
    if not m.values("location"):
        for it in item_toks:  # "production of the Lynx vehicles in Ukraine"
            for c in it.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                    add_places(doc, "location", pobjs(c), m)
    prods = [v for v in m.values("producer") if not v.pronoun]
    comps = [  # (a licensor stays the partner: "under licence from Airbus")
        v
        for v in m.values("partner")
        if v.label == "COMPANY" and not any(v.start <= w.idx < v.end for w in licensors)
    ]
    if comps and (not prods or all(v.label in ("GPE", "COUNTRY", "NOUN") for v in prods)):
        # "together with the company X, we will start production": the company produces
        m.args["producer"] = comps
        m.args["partner"] = prods + [v for v in m.values("partner") if v not in comps]
    # "built under a collaboration with Fincantieri": the maker's partner, never the maker
    joint = [w for lic in f.pp("under") if lic.lemma_.lower() in _JOINT_WORK_NOUNS
             for w in pp_of(lic, "with") if party_label(w)]
    add_parties(doc, "partner", joint + _designers(item_toks), m)
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


_LICENCE_WORDS = word_set("nlp/roles", "licence_words")
_TECHNOLOGY_TRANSFER_WORDS = word_set("nlp/roles", "technology_transfer_words")
_LICENCE_TRADE_MODIFIERS = word_set("nlp/roles", "licence_trade_modifiers")
_LICENCE_RULE_HEADS = word_set("nlp/roles", "licence_rule_heads")
_CIVIL_GOODS_MODIFIERS = word_set("nlp/roles", "civil_goods_modifiers")
_HALTING_VERBS = word_set("nlp/roles", "production_halting_verbs")
_PRODUCTION_WORK_NOUNS = word_set("nlp/roles", "production_work_nouns")


def _production_licences(f: Frame) -> list[Token]:
    """The "under" phrases that name a licence to make the goods or a technology transfer
    ("under licence", "under a licence agreement signed with Lindell"); not a licence to
    trade them ("under an export licence") nor rules ("under export licensing rules")."""
    out = []
    for deal in f.pp("under"):
        words = {w.lemma_.lower() for w in deal.subtree}
        if not (words & _LICENCE_WORDS or words >= _TECHNOLOGY_TRANSFER_WORDS):
            continue
        if deal.lemma_.lower() in _LICENCE_RULE_HEADS or words & _LICENCE_TRADE_MODIFIERS:
            continue
        out.append(deal)
    return out


def made_under_licence(f: Frame) -> bool:
    """Military goods made "under licence" or under a licence or technology-transfer
    agreement ("the yard builds the frigates under a design licence signed with Lindell"): a
    licensed production, told in the present as an arrangement in force, not a maker's
    trade. Not when the making is denied or over ("no longer builds", "but production has
    been halted"), nor for civil goods ("makes hunting rifles under licence")."""
    t = f.trigger
    if not _production_licences(f) or _denied_or_halted(t):
        return False
    goods = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(
        is_military_item(g)
        and not any(w.lower_ in _CIVIL_GOODS_MODIFIERS for w in g.lefts)
        for g in goods
    )


def _denied_or_halted(t: Token) -> bool:
    """ "does not build", "..., but production has been halted" ("no longer builds" is a
    negation the status reads, as for every event)."""
    if any(c.dep_ == "neg" for c in t.children):
        return True
    return any(
        v.lemma_.lower() in _HALTING_VERBS
        and any(c.lemma_.lower() in _PRODUCTION_WORK_NOUNS or c.i == t.i for c in v.children)
        for v in t.sent if v.pos_ in ("VERB", "AUX")
    )


def _licence_granters(f: Frame) -> list[Token]:
    """The other side of a licence the goods are made under ("under a licence agreement
    signed with Lindell", "under a licence and technology transfer deal with Lindell")."""
    return [
        w
        for deal in _production_licences(f)
        for x in deal.subtree
        if x.dep_ == "prep" and x.lower_ == "with"
        for w in pobjs(x)
        if party_label(w)
    ]


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
        add_parties(doc, "producer", [c for c in tok.children if c.dep_ == "poss"], m)
        if not m.values("location"):
            add_places(doc, "location", pp_of(tok, "in", "at", "near"), m)
