"""Event triggers: words from the lexicon, checked for part of speech and obvious non-uses.

The component only proposes candidates (`Doc._.triggers`); `validate/` keeps those whose
arguments fit the event type.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.arms_sales import approved_sale_to_state
from materiel.nlp.lexicon import ITEM_HEADS, TRIGGERS, TriggerSpec
from materiel.nlp.spans import ORG_HEAD_HINTS, entity_of, party_label, passive_adjective
from materiel.nlp.types import Trigger
from materiel.wordlists import word_set, word_tuple

_ext.register()

COMPOUND_OK = word_set("nlp/triggers", "compound_ok")
SPENDING_HEADS = word_set("nlp/triggers", "spending_heads")
_CONTRACT_ACTION_HEADS = word_set("nlp/triggers", "contract_action_heads")
_NOT_EVENT_HEADS = word_set("nlp/triggers", "not_event_heads")
_AID_TOPIC_HEADS = word_set("nlp/triggers", "aid_topic_heads")
_FIRST_UNIT_WORDS = word_set("nlp/roles", "first_unit_words")
# Entity labels inside which a trigger word is part of a name, not an event.
_NAME_LABELS = {
    "ORG",
    "FAC",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
    "COMPANY",
    "WEAPON",
    "NORP",
    "GPE",
    "PERSON",
    "LOC",
}
_MEETING_NAMES = word_set("nlp/triggers", "meeting_names")
_PLURAL_GENERIC = word_set("nlp/triggers", "plural_generic")
_DELIVERY_START_VERBS = word_set("nlp/triggers", "delivery_start_verbs")
_QUANTIFIERS = word_set("nlp/triggers", "quantifiers")
_HABITUAL = word_set("nlp/triggers", "habitual")
_TENDER_REQUESTS = word_set("nlp/status", "tender_requests")
_SANCTION_PACKAGES = word_set("nlp/triggers", "sanction_package_heads")


def lemma_of(token: Token) -> str:
    low = token.lower_
    if passive_adjective(token) and token.lemma_.lower() not in TRIGGERS:
        for stem in (low[:-2], low[:-1]):  # "gifted" -> "gift", "donated" -> "donate"
            if stem in TRIGGERS:
                return stem
    if token.pos_ == "VERB" and low in ("meeting", "spending", "bombing", "shelling",
                                        "manufacturing"):
        return token.lemma_.lower()
    if low in (
        "talks",
        "sanctions",
        "mou",
        "mous",
        "airstrikes",
        "airstrike",
        "meeting",
        "meetings",
        "spending",
        "manufacturing",
        "shelling",
        "bombing",
        "budget",
    ):
        return {
            "mous": "mou",
            "airstrikes": "airstrike",
            "meetings": "meeting",
            "sanctions": "sanction",
        }.get(low, low)
    return token.lemma_.lower()


def specs_for(token: Token) -> list[TriggerSpec]:
    lemma = lemma_of(token)
    specs = TRIGGERS.get(lemma)
    if specs is None and token.lower_ in TRIGGERS:
        specs = TRIGGERS[token.lower_]
    if not specs:
        return []
    pos = token.pos_
    is_verb = pos == "VERB" or passive_adjective(token)
    is_noun = pos in ("NOUN", "PROPN")
    out = []
    for spec in specs:
        if (
            ("V" in spec.pos and is_verb)
            or ("N" in spec.pos and is_noun)
            or spec.pos == "VN"
            and pos == "ADJ"
            and token.tag_ == "VBN"
        ):
            out.append(spec)
    return out


_DEAL_HEADS = word_tuple("nlp/triggers", "deal_heads")
_NOT_PURCHASE_ORDER_WORDS = word_tuple("nlp/triggers", "not_purchase_order_words")
_ORDER_IDIOM_PARTNERS = word_set("nlp/triggers", "order_idiom_partners")
_IDIOM_JOINERS = word_set("nlp/triggers", "idiom_joiners")
TENDER_NOUNS = word_set("nlp/triggers", "tender_nouns")
_ORDER_PURPOSE_VERBS = word_set("nlp/triggers", "order_purpose_verbs")
_ORDER_WINNING_VERBS = word_set("nlp/triggers", "order_winning_verbs")
_TENDER_PURPOSE_VERBS = word_set("nlp/triggers", "tender_purpose_verbs")
_TENDER_ISSUING = word_set("nlp/triggers", "tender_issuing_words")
_STRIKE_IDIOM_OBJECTS = word_tuple("nlp/triggers", "strike_idiom_objects")
_CIVIL_FACILITY_MODS = word_tuple("nlp/triggers", "civil_facility_mods")


_LEADERS = word_set("nlp/validate", "leaders")


def _tender_referred_to(token: Token) -> bool:
    """A tender named inside a phrase of something else ("withdrew from the tender", "the
    winner in the MMRCA tender", "responded to the Navy's RFI"): the tender is only referred
    to, not issued, unless what governs the phrase issues it ("the launch of a tender")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ not in ("from", "to", "in", "of"):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
        return False  # "responded to the Navy's RFI for six submarines" tells what it seeks
    after = [c for c in prep.head.children if c.i > token.i]
    if any(
        c.dep_ == "prep" and c.lower_ == "for" and any(_goods(w) for w in c.children)
        for c in after
    ):
        return False  # the parse hung "for six submarines" on the verb ("withdrew from ...")
    if any(
        c.dep_ in ("acl", "advcl", "xcomp", "relcl")
        and c.tag_ == "VB"
        and c.lemma_.lower() in _TENDER_PURPOSE_VERBS
        for c in [*token.children, *after]
    ):
        return False  # "competing in the navy's tender to buy 12 submarines"
    return prep.head.lemma_.lower() not in _TENDER_ISSUING


def _goods(w: Token) -> bool:
    """A noun that names goods: a counted one ("six submarines"), a weapon or product named,
    or a noun of military goods ("for new frigates"); "for commercial reasons" names none."""
    if w.pos_ not in ("NOUN", "PROPN"):
        return False
    return (
        any(c.dep_ == "nummod" for c in w.children)
        or w.ent_type_ in ("WEAPON", "PRODUCT")
        or w.lemma_.lower() in ITEM_HEADS
    )


def _command_order(token: Token) -> bool:
    """An order given, not placed, told bare or as someone's: "acted on orders from X", "on
    the orders of its commander", "pulled back under orders", "by order of the court". An
    order with a determiner, count, sum or noun before it ("lifted by a 40-jet order from
    X", "under an order for 480"), goods "on order (from X)", or "under orders placed in
    2022" are bought."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj":
        return False
    prep = token.head.lower_
    if prep not in ("by", "upon", "on", "under"):
        return False
    kids = {c.lower_ for c in token.children if c.dep_ == "prep"}
    if "for" in kids:
        return False
    before = [c for c in token.children if c.i < token.i]
    if before:  # only "the orders of X" is someone's command
        return all(c.lower_ == "the" for c in before) and "of" in kids
    if prep in ("by", "upon"):
        return True
    if token.tag_ != "NNS":
        return False  # "has 24 jets on order (from X)"
    if kids & {"from", "of"}:
        return True
    return prep == "under" and not any(
        c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD") for c in token.children
    )  # "under orders to withdraw", not "under orders placed in 2022"


def _company(w: Token) -> bool:
    """A firm named ("Lindell Aerospace", "Vesk Industries Ltd"), not a ministry or a force."""
    ent = entity_of(w)
    if ent is None:
        return False
    return ent.label_ == "COMPANY" or (
        ent.label_ == "ORG" and bool({t.lower_.strip(".") for t in ent} & ORG_HEAD_HINTS)
    )


def _order_held(order: Token) -> bool:
    """An order a maker holds: won, received, secured or booked ("has won an order to supply
    90 guns"), or a firm's ("Lindell's order", "Lindell has an order", "issued an order to
    Lindell"). An order given or issued by an official or a body is a command."""
    holders = [c for c in order.children if c.dep_ == "poss"]
    if order.dep_ in ("dobj", "nsubjpass"):
        verb = order.head
        if verb.lemma_.lower() in _ORDER_WINNING_VERBS:
            return True
        holders += [c for c in verb.children if c.dep_ in ("dative", "nsubj")]
        holders += [w for c in verb.children if c.dep_ in ("prep", "dative")
                    and c.lower_ in ("to", "with") for w in c.children if w.dep_ == "pobj"]
    return any(_company(h) for h in holders)


def _courtesy_call(verb: Token) -> bool:
    """ "called on the Maldivian President": a visit to a named person or a leader, with no
    appeal to do something ("calls on allies to send")."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "on":
            continue
        for p in prep.children:
            if p.dep_ != "pobj" or any(c.dep_ in ("acl", "relcl", "xcomp") for c in p.children):
                continue
            if p.ent_type_ == "PERSON" or p.lemma_.lower() in _LEADERS:
                return True
    return False


_SIGNING_VERBS = word_set("nlp/triggers", "signing_verbs")
_STATE_LABELS = {"GPE", "COUNTRY", "NORP", "PERSON"}


def _title_head(token: Token) -> Token:
    """ "a Status of Forces Agreement": the parse hangs the name's last word under its first;
    the first word stands where the whole name does."""
    head = token.head
    if (
        token.pos_ == "PROPN"
        and token.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "PROPN"
    ):
        return head.head
    return token


def _signed_named_agreement(token: Token, type_: str) -> bool:
    """An agreement noun that is the object of a verb of signing by two sides ("X and Y
    signed a Memorandum of Understanding")."""
    if type_ != "agreement" or token.pos_ not in ("NOUN", "PROPN"):
        return False
    name_head = _title_head(token)
    if name_head.dep_ != "dobj":
        return False
    verb = name_head.head
    if verb.lemma_.lower() not in _SIGNING_VERBS:
        return False
    sides = [c for c in verb.children if c.dep_ == "nsubj"]
    # states or their leaders ("the two presidents", "the leaders of the G7"): a pact between
    # companies is a business deal
    return any(all(_signing_side(w) for w in (s, *s.conjuncts)) for s in sides)


def _signing_side(w: Token) -> bool:
    """A state, a leader or official, or the members or leaders of a named body."""
    if _side(w):
        return True
    return w.lemma_.lower() in _LEADERS | _SIDE_WORDS | {"member"} and any(
        o.ent_type_ in _STATE_LABELS | {"ORG"}
        for p in w.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj"
    )


_BUDGET_BILL_WORDS = word_set("nlp/validate", "budget_bill_words")
_BUDGET_DECISION_VERBS = word_set("nlp/validate", "budget_decision_verbs")


def _decided_budget_law(token: Token, type_: str) -> bool:
    """A named budget law passed, approved or signed ("the Senate passed the National Defense
    Authorization Act", "signed the Defence Appropriations Act into law"): a spending decision,
    though its noun is part of a name."""
    if type_ != "spending" or token.lemma_.lower() not in ("act", "bill"):
        return False
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    words = {w.lower_ for w in (ent if ent is not None else token.subtree)}
    if not words & _BUDGET_BILL_WORDS:
        return False
    name_head = _title_head(token)
    return (
        name_head.dep_ in ("dobj", "nsubjpass")
        and name_head.head.lemma_.lower() in _BUDGET_DECISION_VERBS
    )


_NEED_VERBS = word_set("nlp/triggers", "need_verbs")
_JOINT_OCCASIONS = word_set("nlp/triggers", "joint_occasions")
_SIDE_WORDS = word_set("nlp/triggers", "occasion_sides")


def _side(w: Token) -> bool:
    return w.ent_type_ in _STATE_LABELS or w.lemma_.lower() in _LEADERS | _SIDE_WORDS


def _shared_occasion(noun: Token) -> bool:
    """An appearance or a meal shared with a named side or a leader ("with his counterpart",
    "with the Polish president"), or a meal over which one side acts on another ("over lunch,
    X asked the Polish president")."""
    if noun.pos_ != "NOUN":
        return False
    with_ = [w for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"
             for w in c.children if w.dep_ == "pobj"]
    if noun.lemma_.lower() in _PRESS_OCCASIONS:
        return _shared_press_occasion(noun, [x for w in with_ for x in (w, *w.conjuncts)])
    if any(_side(x) for w in with_ for x in (w, *w.conjuncts)):
        return True
    verb = noun.head.head
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "over"
        and verb.pos_ == "VERB"
        and any(c.dep_ == "dobj" and _side(c) for c in verb.children)
        and any(c.dep_ == "nsubj" and _side(c) for c in verb.children)
    )


_PRESS_OCCASIONS = word_set("nlp/triggers", "press_occasions")
_JOINT_MARKS = word_set("nlp/triggers", "joint_marks")
_PRESS_AUDIENCES = word_set("nlp/triggers", "press_audiences")
_OFFICIAL_SIDES = word_set("nlp/triggers", "official_sides")


def _shared_press_occasion(noun: Token, sides: list[Token]) -> bool:
    """A briefing held by two sides: a joint one with a side ("a joint briefing with her
    Belgian counterpart", "the two ministers held a joint briefing"), or one shared with a
    counterpart, a leader or a named person or state while no one in the press is told in
    its clause. A briefing with a bare group of officials or a spokesman ("at a briefing
    with army officials, reporters were told") is one for the press, no meeting."""
    if any(c.dep_ == "amod" and c.lower_ in _JOINT_MARKS for c in noun.children):
        return any(_side(x) for x in sides) or _held_by_two(noun)
    counterparts = [x for x in sides if _side(x) and not (
        {x.lower_, x.lemma_.lower()} & _OFFICIAL_SIDES)]
    return bool(counterparts) and not _press_told(noun)


def _held_by_two(noun: Token) -> bool:
    """ "the two ministers held a joint briefing", "X and Y gave a joint briefing": two
    sides are the subject of the verb the occasion is the object of."""
    if noun.dep_ != "dobj":
        return False
    subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
    holders = [x for s in subj for x in (s, *s.conjuncts)]
    if len(holders) >= 2 and all(_side(x) for x in holders):
        return True
    return any(_side(s) and any(c.dep_ == "nummod" and c.like_num for c in s.children)
               for s in subj)


def _press_told(noun: Token) -> bool:
    """Whether the clause an occasion is set in tells the press ("reporters were told",
    "told journalists", "said to reporters")."""
    verb = noun
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    heard = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative")]
    heard += [w for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
              for w in c.children if w.dep_ == "pobj"]
    return any(x.lower_ in _PRESS_AUDIENCES for h in heard for x in (h, *h.conjuncts))


FUNDS_REQUEST_VERBS = word_set("nlp/triggers", "funds_request_verbs")
_FUNDS_REQUEST_NOUNS = word_set("nlp/triggers", "funds_request_nouns")


FUNDS_GRANT_VERBS = word_set("nlp/triggers", "funds_grant_verbs")
FUNDS_ANNOUNCE_VERBS = word_set("nlp/triggers", "funds_announce_verbs")


def _grants_money(verb: Token) -> bool:
    """A sum as the verb's object ("approved EUR 3 billion for X", "set aside GBP 500 million",
    "will invest EUR 100 billion in Y"): "set" only with "aside"; a sum of aid is the aid's."""
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() == "set" and not any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "aside" for c in verb.children
    ):
        return False
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and verb.lemma_.lower() in FUNDS_ANNOUNCE_VERBS:
        # "the MoD secured an extra GBP 2.2bn": the parse may read the sum as an adverbial
        objs = [c for c in verb.children if c.dep_ == "npadvmod"]
    if any(_not_spent(x) and not _own_funding(x, objs) for w in objs for x in w.subtree):
        return False  # "committed $2 billion in military aid to X": the aid is the event
    if _unbudgeted_sum(verb, objs):
        return False  # "secured GBP 1bn in compensation from the contractor"
    # "approved a five-year defence plan worth EUR 40 billion": the plan's sum is decided
    objs += [
        x
        for w in objs
        if w.lemma_.lower() in _SPENDING_PLAN_NOUNS
        for c in w.children
        if c.lower_ in ("worth", "of") and c.dep_ in ("amod", "prep", "advmod")
        for x in c.children
        if x.dep_ in ("pobj", "npadvmod", "dobj")
    ]
    # "approved a NOK 410 billion defence plan": the sum written before the plan
    objs += [c for w in objs if w.lemma_.lower() in _SPENDING_PLAN_NOUNS
             for c in w.children if c.dep_ in ("nmod", "nummod", "compound")]
    return any(
        n.kind == "money" and any(n.token_start <= w.i < n.token_end for w in objs)
        for n in verb.doc._.numbers or []
    )


_SPENDING_PLAN_NOUNS = word_set("nlp/triggers", "spending_plan_nouns")
_SERVED_STATE_LABELS = word_set("nlp/triggers", "served_state_labels")


def state_served(verb: Token) -> bool:
    """A state named in the sum or in whom it is for ("announced $400 million for Ukraine's
    air defence"): money for another state is aid, not the announcer's defence spending."""
    phrases = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
        x for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "to")
        for x in c.children
    ]
    if any(w.ent_type_ in _SERVED_STATE_LABELS for p in phrases for w in p.subtree):
        return True
    return _forces_placed_abroad(verb)


def _forces_placed_abroad(verb: Token) -> bool:
    """A state's sum for forces whose place the parse hangs on the verb ("Ostmark announced
    EUR 300m for armed forces in Brask"): forces of another state, aid."""
    purposes = [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                for x in c.children]
    if not any(w.lemma_.lower() in _FORCE_WORDS for p in purposes for w in p.subtree):
        return False
    subj = {w.lower_ for c in verb.children if c.dep_ == "nsubj"
            for w in c.subtree if w.ent_type_ in _SERVED_STATE_LABELS}
    if not subj:
        subj = {c.lower_ for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"}
    places = {w.lower_ for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
              for w in c.children if w.ent_type_ in _SERVED_STATE_LABELS}
    return bool(subj and places - subj)


_FORCE_WORDS = word_set("nlp/triggers", "forces_served_words")
_NOT_SPENT_SUM_WORDS = word_set("nlp/triggers", "not_spent_sum_words")
_UNBUDGETED_SUM_WORDS = word_set("nlp/triggers", "unbudgeted_sum_words")


def _unbudgeted_sum(verb: Token, objs: list[Token]) -> bool:
    """A sum sought or won "in" damages, compensation, savings or fines ("is seeking $1bn in
    damages from the contractor", "$400m in savings"): money recovered or saved, no budget.
    The parse hangs the "in" on the sum or on the verb."""
    holders = [verb, *(x for w in objs for x in w.subtree)]
    return any(
        c.dep_ == "prep" and c.lower_ == "in"
        and any(lemma_of(o) in _UNBUDGETED_SUM_WORDS or o.lower_ in _UNBUDGETED_SUM_WORDS
                for o in c.children if o.dep_ == "pobj")
        for h in holders for c in h.children
    )


def _not_spent(x: Token) -> bool:
    """A word in a granted sum's phrase that makes the sum no spending: aid ("$2 billion in
    military aid"), a sale, export or order ("$1.5 billion in arms sales to X": procurement's)
    or money lent or earned ("$900 million in loans to X")."""
    if x.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = lemma_of(x)
    if lemma in _NOT_SPENT_SUM_WORDS or x.lower_ in _NOT_SPENT_SUM_WORDS:
        return True
    return any(
        (spec.type == "aid" and "N" in spec.pos) or spec.type == "procurement"
        for spec in TRIGGERS.get(lemma, ())
    )


_OWN_FUNDING_NOUNS = word_set("nlp/triggers", "own_funding_nouns")


def _own_funding(x: Token, objs: list[Token]) -> bool:
    """Money named as funding with no state in the sum's phrase ("approved $4.6 billion in
    emergency funding for missile defense"): the granter's own spending; funding for another
    state ("$2 billion in funding for Ukraine") is aid."""
    if lemma_of(x) not in _OWN_FUNDING_NOUNS:
        return False
    return not any(w.ent_type_ in ("GPE", "NORP", "COUNTRY") for o in objs for w in o.subtree)


def _asks_for_money(verb: Token) -> bool:
    """A request for a sum ("asked Congress for $4 billion", "is seeking Rs 500 crore",
    "will seek approval of Rs 14,000 crore"): the sum is what is asked, not a detail of it."""
    if verb.pos_ != "VERB":
        return False
    asked: list[Token] = []
    for c in verb.children:
        if c.dep_ == "dobj":
            asked.append(c)
            if c.lemma_.lower() in _FUNDS_REQUEST_NOUNS:
                asked.extend(w for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
                             for w in p.children if w.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ == "for":
            asked.extend(w for w in c.children if w.dep_ == "pobj")
    if any(
        any(spec.type == "aid" and "N" in spec.pos for spec in TRIGGERS.get(lemma_of(x), ()))
        for w in asked
        for x in w.subtree
    ):
        return False  # "asked for $33 billion in aid for Ukraine": the aid is the event
    if _unbudgeted_sum(verb, asked):
        return False  # "is seeking $1bn in damages from the contractor"
    return any(
        n.kind == "money" and any(n.token_start <= w.i < n.token_end for w in asked)
        for n in verb.doc._.numbers or []
    )




def _counted_need(verb: Token) -> bool:
    """A force stating a requirement for a counted number of goods ("the navy needs 12
    submarines"), in the main clause, not a need to do something."""
    if verb.pos_ != "VERB" or verb.dep_ in ("relcl", "acl", "xcomp", "advcl", "amod"):
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "auxpass", "nsubjpass") for c in verb.children):
        return False
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not subj or not objs or subj[0].pos_ == "PRON":
        return False
    return any(c.dep_ == "nummod" and c.like_num for c in objs[0].children) and not any(
        c.dep_ == "aux" and c.lemma_ in ("will", "would", "could", "might", "may")
        for c in verb.children
    )


def names_first_unit(w: Token) -> bool:
    """A prototype or a first unit ("the prototype", "the first K2PL")."""
    return w.lemma_.lower() in _FIRST_UNIT_WORDS or any(
        c.dep_ == "amod" and c.lower_ in _FIRST_UNIT_WORDS for c in w.children
    )


def _first_unit(verb: Token) -> bool:
    """The verb's object is a prototype or a first unit ("unveiled the first prototype")."""
    return any(o.dep_ in ("dobj", "nsubjpass") and names_first_unit(o) for o in verb.children)


def _off_line(token: Token) -> bool:
    """ "rolled off the production line" (the parse hangs "line" on "off" or on the verb)."""
    offs = [c for c in token.children if c.lower_ == "off"]
    return bool(offs) and any(
        w.lemma_.lower() == "line" and w.head in (token, *offs) for w in token.subtree
    )


_DEVELOPMENT_LEMMAS = word_set("nlp/triggers", "development_lemmas")
_JOINT_WORK_MARKS = word_set("nlp/triggers", "joint_work_marks")
_JOINT_WORK_GOVERNORS = word_set("nlp/triggers", "joint_work_governors")
_JOINT_WORK_PPS = word_set("nlp/triggers", "joint_work_pp_nouns")


def _with_partner(w: Token) -> bool:
    """A named partner hangs on the word: "with Safran", "in partnership with France"."""
    for c in w.children:
        if c.dep_ != "prep":
            continue
        objs = [p for p in c.children if p.dep_ == "pobj"]
        if c.lower_ == "with" and any(party_label(p) for p in objs):
            return True
        if c.lower_ == "along" and _with_partner(c):
            return True  # "along with EDGE"
        if c.lower_ == "in" and any(p.lemma_.lower() in _JOINT_WORK_PPS and _with_partner(p)
                                    for p in objs):
            return True
    return False


def _joint_development(token: Token) -> bool:
    """Developing done with a partner ("will co-develop the engine", "will jointly develop",
    "developing a submarine with France", "cooperate in developing a fighter", "X, along with
    Y, will develop"): a co-development, which the guide reads as production."""
    doc = token.doc
    if token.lower_.startswith("co") and not token.lower_.startswith("com") or (
        token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "co"
    ):
        return True
    if any(c.dep_ in ("advmod", "amod") and c.lower_ in _JOINT_WORK_MARKS for c in token.children):
        return True
    if _with_partner(token):
        return True
    cur = token
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "acl", "advcl") or cur.head is cur:
            break
        cur = cur.head
        if cur.lemma_.lower() in _JOINT_WORK_GOVERNORS:
            return True
    verb = token if token.pos_ == "VERB" else None
    while verb is not None and verb.dep_ in ("xcomp",) and verb.head is not verb:
        verb = verb.head  # "will be working to develop": the subject of the first verb
    if verb is not None:
        return any(c.dep_ == "nsubj" and _with_partner(c) for c in verb.children)
    return False


def excluded(token: Token, lemma: str, type_: str) -> bool:
    """Uses of a trigger word that never announce an event."""
    if type_ == "production" and lemma in _DEVELOPMENT_LEMMAS:
        # "has developed X with DRDO", "was developed by X": past design work, no news of it
        return token.pos_ != "VERB" or token.tag_ in ("VBD", "VBN") or not _joint_development(token)
    if type_ == "spending" and lemma in FUNDS_REQUEST_VERBS:
        return not _asks_for_money(token)
    if type_ == "spending" and lemma in FUNDS_GRANT_VERBS:
        return not _grants_money(token)
    if type_ == "spending" and lemma in FUNDS_ANNOUNCE_VERBS:
        return not _grants_money(token) or state_served(token)
    if type_ == "meeting" and lemma in _JOINT_OCCASIONS:
        return not _shared_occasion(token)
    if type_ == "procurement" and approved_sale_to_state(token):
        return False  # "a determination approving a possible Foreign Military Sale to Japan"
    # "signed the Bilateral Security Agreement": a named pact, signed, is no mere name
    signed_name = _signed_named_agreement(token, type_) or _decided_budget_law(token, type_)
    # part of a multi-word name ("Carrier Strike Group", "Defense Production Act")
    if token.ent_type_ in _NAME_LABELS and lemma not in _MEETING_NAMES and not signed_name:
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None and len(ent) > 1:
            return True
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "compound":
        head = token.head
        if type_ == "spending" and head.lemma_.lower() in SPENDING_HEADS:
            return False  # "the defence spending target", "a budget increase"
        if type_ == "sanction" and head.lemma_.lower() in _SANCTION_PACKAGES:
            return False  # "a sanctions package against X"
        if lemma == "contract" and head.lemma_.lower() in _CONTRACT_ACTION_HEADS:
            return False  # "awarded X a $4.7 billion undefinitized contract action": the deal
        if lemma not in COMPOUND_OK:
            return True
        if head.lemma_.lower() in _NOT_EVENT_HEADS:
            return True
        if type_ == "aid" and (
            head.lemma_.lower() in _AID_TOPIC_HEADS or head.lower_ in _AID_TOPIC_HEADS
        ):
            return True  # "security assistance planning", "aid requests": no aid given
        if head.lemma_.lower() in TRIGGERS and any(
            s.type == type_ for s in TRIGGERS[head.lemma_.lower()]
        ):
            return True  # "aid package": the head is the trigger
    if (
        type_ == "aid"
        and token.dep_ == "pobj"
        and token.head.head.lemma_.lower() in _AID_TOPIC_HEADS
    ):
        return True  # "delays in US military assistance", "requests for aid"
    if (
        type_ == "aid"
        and token.dep_ == "pobj"
        and token.head.lower_ == "in"
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
    ):
        return True  # "developing a submarine in assistance with France": a partnership
    if type_ == "aid" and lemma == "announcement" and not _announced_sum(token):
        return True  # only "the announcement of $275 million in ammunition" gives a sum
    if lemma == "transfer" and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("technology", "know-how", "skill")
        for c in token.children
    ):
        return True  # "with technology transfer": a term of a deal, not a delivery
    if lemma == "order":
        if token.i > 0 and token.nbor(-1).lower_ in _NOT_PURCHASE_ORDER_WORDS:
            return True
        if token.i > 1 and token.nbor(-1).lower_ in _IDIOM_JOINERS and (
            token.nbor(-2).lower_ in _ORDER_IDIOM_PARTNERS
        ):
            return True  # "law and order", "peace and order": public order, no purchase
        if any(
            c.dep_ in ("acl", "relcl")
            and c.tag_ == "VB"
            and (c.lemma_.lower() not in _ORDER_PURPOSE_VERBS or not _order_held(token))
            for c in token.children
        ):
            return True  # "an order to deploy", "gave an order to deliver 40 tanks to the
            # border" ("has won an order to supply 100 guns" is bought)
        if _command_order(token):
            return True  # "fired on orders from Moscow", "seized by order of the court"
    if lemma in TENDER_NOUNS and _tender_referred_to(token):
        return True  # "withdrew from the tender", "the winner of its tender": no tender issued
    if lemma in ("call",) and any(c.lower_ in ("for", "to", "from") for c in token.children):
        return True
    if lemma == "call" and token.pos_ == "VERB" and not _courtesy_call(token):
        return True  # only "called on the President" is a meeting; "called it", "calls on X to"
    if lemma == "request" and not any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(w.lower_ in _TENDER_REQUESTS for w in c.children)
        for c in token.children
    ):
        return True  # only "a request for proposal / information" is a tender
    if lemma in _NEED_VERBS and not _counted_need(token):
        return True  # "needs to invest", "the weapons they need": no stated requirement
    if lemma == "lease" and any(w.lower_ == "life" for w in token.subtree):
        return True  # "a new lease on life"
    if lemma == "roll" and not (
        any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children) or _off_line(token)
    ):
        return True  # "roll out a prototype", "rolled off the line" make one; "roll back" not
    if lemma == "unveil" and type_ == "production" and not _first_unit(token):
        return True  # "unveiled the first prototype" made one; "unveiled a plan" did not
    if (
        type_ == "meeting"
        and token.tag_ in ("NNS", "NNPS")
        and lemma not in ("talk", "talks")
        and not (
            token.head.lemma_.lower() in ("hold", "have", "conduct", "host")
            and any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in token.children)
        )
        and not _meetings_told(token)
    ):
        return True  # "attended Nato summits", "several visits" (not "held meetings with X")
    if token.tag_ in ("NNS", "NNPS") and lemma in _PLURAL_GENERIC and not _deliveries_begun(token):
        return True  # "arms sales to Taiwan", "the Minsk agreements"
    if token.pos_ in ("NOUN", "PROPN"):
        for c in token.children:
            if (c.dep_ == "det" and c.lower_ in ("any", "every", "no", "each")) or (
                c.dep_ in ("det", "predet") and c.lower_ == "all" and token.tag_ == "NNS"
            ):
                return True  # "any attack on NATO"
            if c.dep_ == "amod" and c.lower_ in _QUANTIFIERS:
                return True  # "numerous terror strikes"
        if (
            token.pos_ == "PROPN"
            and not signed_name
            and type_ in ("agreement", "sanction", "procurement", "aid")
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
        ):
            return True  # "Basic Ordering Agreement": part of a name
    gov = token.head if token.dep_ in ("dobj", "nsubjpass", "nsubj") else token
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in (*token.children, *gov.children)):
        return True  # "approves packages routinely", "widely exported"
    if token.pos_ == "VERB" and token.dep_ in ("amod", "compound"):
        return True  # "American made weapons"
    if lemma == "build" and any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon") for c in token.children
    ):
        return True  # "building on what was provided"
    if lemma == "make" and any(
        c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children
    ):
        return True  # "made up of", "made of"
    if (
        lemma == "production"
        and token.dep_ == "compound"
        and token.head.lemma_.lower()
        in _DEAL_HEADS
    ):
        return True  # "a production contract": the contract is the event
    if lemma == "visit" and any(
        c.dep_ == "compound" and c.lower_ == "port" for c in token.children
    ):
        return True  # a ship's port call
    if (
        lemma in ("production", "manufacture", "manufacturing", "supply", "procurement")
        and token.dep_ == "pobj"
        and token.head.lower_ == "for"
        and token.head.head.lemma_.lower() in ("contract", "modification", "order", "deal")
    ):
        return True  # "a contract for the production of X": the contract is the event
    if token.dep_ == "relcl" and token.head.lemma_.lower() in ("way", "manner", "how"):
        return True  # "the way it buys weapons"
    if (
        lemma == "strike"
        and token.pos_ == "VERB"
        and any(
            c.lemma_.lower() in _STRIKE_IDIOM_OBJECTS and c.dep_ not in ("prep", "advcl")
            for c in token.children
        )
    ):
        return True
    return bool(
        lemma in ("plant", "facility", "complex")
        and any(
            c.lower_
            in _CIVIL_FACILITY_MODS
            for c in token.children
        )
    )


_MEETING_SPANS = word_set("nlp/triggers", "meeting_spans")


def _meetings_told(token: Token) -> bool:
    """Plural meetings told as one stretch of diplomacy: measured out ("a day of meetings",
    "two rounds of meetings") or someone's at a place ("his Beijing meetings")."""
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in _MEETING_SPANS
    return any(c.dep_ == "poss" for c in token.children) and any(
        c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC", "FAC", "METONYM", "COUNTRY")
        for c in token.children
    )


def _announced_sum(token: Token) -> bool:
    """ "the December 9 announcement of $275 million in ammunition for X": an announcement
    whose "of" names a sum of money, the sum given."""
    money = [n for n in token.doc._.numbers or [] if n.kind == "money"]
    return any(
        any(n.token_start <= w.i < n.token_end for n in money)
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for w in p.children
        if w.dep_ == "pobj"
    )


def _deliveries_begun(token: Token) -> bool:
    """ "will start taking deliveries of the jets", "will commence deliveries of X to the army":
    the handover of named goods begins (its object a verb of starting or taking)."""
    return (
        token.lemma_.lower() == "delivery"
        and token.dep_ == "dobj"
        and token.head.lemma_.lower() in _DELIVERY_START_VERBS
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    )


_SUPPLEMENTAL_HEADS = word_set("nlp/triggers", "supplemental_heads")


def _supplemental_bill(token: Token) -> Token | None:
    """The bill a "supplemental" modifies ("the national security supplemental funding
    bill", "a supplemental budget request"): an extra appropriation put to a legislature,
    read as the noun "the supplemental" at the bill's head."""
    if token.lower_ != "supplemental" or token.dep_ not in ("amod", "compound"):
        return None
    head = token.head
    if head.lemma_.lower() not in _SUPPLEMENTAL_HEADS and head.lower_ not in _SUPPLEMENTAL_HEADS:
        return None
    while head.dep_ == "compound" and head.head.lemma_.lower() in _SUPPLEMENTAL_HEADS:
        head = head.head
    return head


def find_triggers(doc: Doc) -> list[Trigger]:
    out: list[Trigger] = []
    # a supplemental bill is read once, as aid: its head noun gives no spending of its own
    read: set[int] = set()  # the word "supplemental" and its bill's head
    for token in doc:
        bill = _supplemental_bill(token)
        if bill is not None:
            out.append(Trigger(i=bill.i, type="aid", lemma="supplemental", pos="NOUN"))
            read |= {token.i, bill.i}
    for token in doc:
        if token.i in read:
            continue
        specs = specs_for(token)
        if not specs:
            continue
        lemma = lemma_of(token)
        for spec in specs:
            if excluded(token, lemma, spec.type):
                continue
            pos = "VERB" if token.pos_ in ("VERB", "ADJ") else "NOUN"
            out.append(Trigger(i=token.i, type=spec.type, lemma=lemma, pos=pos))
    out.sort(key=lambda trig: trig.i)  # in the order of the words (stable)
    return out


@Language.component("materiel_triggers")
def triggers_component(doc: Doc) -> Doc:
    doc._.triggers = find_triggers(doc)
    return doc
