"""The `materiel_roles` component: triggers -> frames -> typed, validated `EventMention`s
(`Doc._.mentions`), with in-sentence de-duplication and a confidence score."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.attach import attach_date, attach_numbers
from materiel.nlp.dates import parse_published
from materiel.nlp.frames import Frame, build_frame, pobjs
from materiel.nlp.funded_aid import funds_for_another
from materiel.nlp.gaps import ROLES, add_stand_ins, drop_stand_ins, role_gaps
from materiel.nlp.lexicon import TRIGGERS
from materiel.nlp.roles import (
    BOUGHT_FOR_CUE,
    FILLERS_BY_TYPE,
    WON_DEAL_CUE,
    add_parties,
    add_thanked_donors,
    armed_support_item,
    coalition_joiners,
    fill_talks_to_buy,
    givers_of_the_goods,
    is_armed_force,
    is_company,
    party,
    talks_to_buy,
    thanked,
)
from materiel.nlp.roles.production import made_under_licence
from materiel.nlp.spans import NAMED_STATE_LABELS, conjuncts, party_label
from materiel.nlp.split import split_counted_items
from materiel.nlp.told_orders import share_sides_with_told_order, take_told_goods
from materiel.nlp.triggers import FUNDS_REQUEST_VERBS, TENDER_NOUNS
from materiel.nlp.types import DateValue, EventMention, NumberMention, RoleValue, Trigger
from materiel.nlp.under_contract import UNDER_CUE
from materiel.nlp.validate import decide_deal_type, sanctioning_office_targets, validate
from materiel.nlp.validate.aid import counted_up
from materiel.wordlists import word_set

_ext.register()


_PURCHASE_WORDS = word_set("nlp/mentions", "purchase_words")
_HANDOVER_TRIGGERS = word_set("nlp/mentions", "handover_triggers")
_ORDER_TRIGGERS = word_set("nlp/mentions", "order_triggers")
_ONGOING_ADVERBS = word_set("nlp/mentions", "ongoing_adverbs")


def find_mentions(doc: Doc) -> list[EventMention]:
    numbers: list[NumberMention] = doc._.numbers or []
    dates: list[DateValue] = doc._.dates or []
    out: list[EventMention] = []
    absorbed: set[int] = set()  # verbs of "a deal to build X": the deal carries that event
    item_heads: dict[int, set[int]] = {}  # token index -> ids of the mentions it is an item of
    participles: dict[int, int] = {}  # "equipment previously sold to X": background of an item
    if doc.text.rstrip().endswith("?"):
        return []  # a question asks, it reports nothing
    words = {t.lemma_.lower() for t in doc}
    exercise = bool(words & _EXERCISE_WORDS)
    # In recall mode (for the learned scorer) a mention the rules would drop is kept, with
    # the first reason they would drop it for; it then takes no part in the rules' own
    # bookkeeping (absorbed clauses, item heads) so the rules' output is unchanged.
    recall = bool((doc._.context or {}).get("recall"))
    # A mention that lacks only roles the document's context may give is kept as
    # `rejected="context"`, for the extractor to fill (see `nlp.gaps`).
    gap_mode = bool((doc._.context or {}).get("gaps"))
    rejected: list[EventMention] = []
    why: list[str] = []
    handovers: dict[int, EventMention] = {}  # trigger index -> a kept delivery of goods
    purchases: list[EventMention] = []  # kept purchases with goods, in sentence order

    def drop(reason: str) -> bool:
        """Record why the rules drop this mention; True when it is to be skipped."""
        why.append(reason)
        return not recall

    for trig in doc._.triggers or []:
        why.clear()
        if trig.negated and drop("negated") or trig.hypothetical and drop("hypothetical"):
            continue
        frame = build_frame(doc, trig)
        specs = TRIGGERS.get(trig.lemma) or []
        need = next((s.need for s in specs if s.type == trig.type), "")
        type_ = trig.type
        if need == "deal":
            decided = decide_deal_type(doc, frame, trig)
            if decided is None and drop("no deal type"):
                continue
            type_ = decided or trig.type
            if not why:
                absorbed.update(c.i for c in frame.clauses)
                if type_ == "procurement":  # "a contract with X for production of Y": bought
                    absorbed.update(w.i for w in frame.pp("for", "of") if w.pos_ == "NOUN")
        if type_ == "strike" and sanctioning_office_targets(frame):
            type_, need = "sanction", "sanction"  # "the Treasury is targeting oligarchs"
        if type_ == "sanction" and trig.lemma != "freeze" and _funds_approved(doc[trig.i], numbers):
            type_, need = "spending", "spend"  # "sanctioned Rs 20 crore for X": funds approved
        if type_ == "sanction" and _approval_sanction(doc[trig.i]) and drop("approval"):
            continue  # "accorded financial sanction for ten reactors": a go-ahead
        if type_ == "strike" and _verbal_attack(doc[trig.i]) and drop("verbal attack"):
            continue  # "attacked the envoy for his remarks": blame in words
        if type_ == "production" and _made_available(doc[trig.i]):
            type_, need = "aid", "transfer"  # "has made available EUR 9 billion to Ukraine"
        # "buy weapons for Ukraine's Armed Forces": procurement and aid
        t = doc[trig.i]
        m = EventMention(
            type=type_,
            trigger=trig.lemma,
            trigger_i=trig.i,
            trigger_start=t.idx,
            status=trig.status,
        )
        if trig.lemma in TENDER_NOUNS and m.status == "done":
            m.status = "planned"  # "issued a tender for 200 tanks": a purchase to come
        if type_ == "spending" and trig.lemma in FUNDS_REQUEST_VERBS:
            m.status = "planned"  # "asked parliament for $4 billion": money to be spent
        if trig.lemma in ("need", "require", "requirement"):
            m.status = "planned"  # "the navy needs 26 fighters": a requirement
        if type_ == "meeting" and talks_to_buy(doc, frame):
            type_ = m.type = "procurement"
            m.status, need = "planned", "item"
            item_toks = fill_talks_to_buy(doc, frame, m, numbers)
        else:
            item_toks = FILLERS_BY_TYPE[type_](doc, frame, m, numbers)
        if type_ == "procurement" and trig.lemma in _ORDER_TRIGGERS:
            take_told_goods(t, m, handovers, purchases, numbers)
        attach_numbers(doc, m, frame, numbers, item_toks)
        if need == "deal" and type_ != trig.type:
            ok = validate(doc, frame, m, trig, "deal", item_toks)
        else:
            ok = validate(doc, frame, m, trig, need, item_toks)
        gaps = (role_gaps(doc, frame, m, trig, need, item_toks)
                if gap_mode and not ok and not why else ())
        if gaps:
            add_stand_ins(doc, m, gaps)
        elif not ok and drop(ROLES):
            continue
        if m.type == "aid" and need == "transfer":
            givers = m.values("donor")
            if givers and all(
                v.label == "COMPANY" or is_company(doc[_tok_at(doc, v)]) for v in givers
            ):
                m = _as_sale(m)  # a company supplying goods sells them
            elif not givers and any(
                is_armed_force(doc[_tok_at(doc, v)]) for v in m.values("recipient")
            ):
                m = _as_sale(m)  # "will be supplied to the Navy": a delivery to one's forces
        # "delivered the last two of four frigates to X", "received its first jets from X":
        # one batch of an order from a named source ("received its first F-16s" stays aid)
        batch = (
            trig.lemma in ("deliver", "delivery", "receive")
            and _ordered_batch(t)
            and bool(m.values("donor") or m.values("seller"))
            and not words & _AID_CUE_LEMMAS
        )
        if m.type == "aid" and need == "transfer" and (batch or _sold(doc, frame, m)):
            m = _as_sale(m)  # "will deliver 32 jets to Poland under a contract": a sale
        if (
            m.type == "procurement"
            and trig.lemma == "receive"
            and not batch
            and not words & _PURCHASE_WORDS
            and m.values("buyer")
            and all(v.label in ("GPE", "COUNTRY", "METONYM") for v in m.values("buyer"))
            and not any(is_armed_force(doc[_tok_at(doc, v)]) for v in m.values("buyer"))
        ):
            m = _as_aid(m)  # "Ukraine has received its first F-16s": someone gave them
        if (
            m.type == "procurement"
            and trig.lemma == "receive"
            and not words & _PURCHASE_WORDS
            and any(party_label(w) for w in thanked(doc))
        ):
            m = _as_aid(m)  # "thanked Dutch partners and said X would receive radars"
        if m.type == "procurement" and (
            any(w.lemma_.lower() in _GIFT_WORDS for w in frame.pp("as"))
            or (t.dep_ == "xcomp" and t.head.lemma_.lower() in _PLEDGE_VERBS)
        ):
            m = _as_aid(m)  # "received the jets as a gift", "pledged to supply X with shells"
        add_thanked_donors(doc, m)
        if trig.lemma == "receive":
            m = _given_goods(doc, m)
        if type_ == "procurement" and trig.lemma == "arrive" and not _ordered_goods_arrive(doc, t):
            given = _arrived_as_aid(doc, frame, m)
            if given is None and drop("no order"):
                continue
            m = given or m
        if m.type == "aid" and m.values("quantity") and counted_up(t) and drop("a tally"):
            continue  # "to date Ostmark has received 300 guns": a running total of gifts
        if _not_a_transfer(doc, m, trig, t) and drop("not a transfer"):
            continue
        if exercise and (m.type == "strike" or need == "transfer") and drop("exercise"):
            continue  # "drills ... practising strikes", "sending warships" in an exercise
        if (
            m.type == "procurement"
            and not m.values("buyer")
            and not ((m.values("seller") or m.values("item"))
                     and (m.values("quantity") or m.values("value")))
            and not _maker_hands_over(m, t)
            and not (WON_DEAL_CUE in m.cues and m.values("seller") and m.values("item"))
            and drop("no buyer")
        ):
            continue  # a counted or priced purchase stands without its buyer ("the purchase
            # of 36 Rafale jets"): the buyer is often named in the sentence before
        if (
            m.type == "production"
            and t.tag_ == "VBN"
            and t.dep_ in ("acl", "amod")
            and not any(c.dep_ in ("aux", "auxpass") for c in t.children)
            and drop("origin")
        ):
            continue  # "drones made in the UK", "a gun built by X": where goods come from
        if (
            m.type in ("production", "strike", "spending")
            and t.pos_ == "VERB"
            and t.tag_ in ("VBZ", "VBP")
            and not any(c.dep_ in ("aux", "auxpass") for c in t.children)
            and not dates
            and not (doc._.context or {}).get("heading")
            and not (m.type == "production" and made_under_licence(frame))
            and drop("habitual")
        ):
            continue  # "the company builds engines for helicopters": what it does, not an event
        if (
            m.type == "production"
            and _present_passive(t)
            and (not dates or t.dep_ == "relcl")  # a date there tells of the main clause
            and not (doc._.context or {}).get("heading")
            and not made_under_licence(frame)
            and drop("habitual")
        ):
            continue  # "the rifle is made at a plant in Pune": where it comes from, not an event
        attach_date(doc, m, frame, dates)
        if _background(doc, m, dates) and drop("background"):
            continue
        if _recap(doc, m, t, dates) and drop("recap"):
            continue
        m.score = _score(m, trig, frame)
        armed_support_item(doc, frame, m)
        if gaps:
            drop_stand_ins(m, gaps)
            if why:  # recall mode: its roles are the first reason the rules drop it for
                m.rejected = ROLES
            rejected.append(m)
            continue
        if why:
            m.rejected = why[0]
            rejected.append(m)
            continue
        m = funds_for_another(doc, m) or m  # "allocated DKK 1bn for shells for Ukraine"
        out.extend(x for y in _separate_meetings(m, frame) for x in _separate_deals(y, frame))
        if m.type == "procurement" and m.trigger in _HANDOVER_TRIGGERS:
            handovers[m.trigger_i] = m
        if m.type == "procurement" and m.values("item"):
            purchases.append(m)
        for x in item_toks:
            item_heads.setdefault(x.i, set()).add(id(m))
        if (
            t.tag_ == "VBN"
            and t.dep_ in ("acl", "relcl")
            and not any(
                c.dep_ in ("aux", "auxpass")
                and c.lower_ in ("is", "are", "has", "have", "was", "were")
                for c in t.children
            )
            and not _dated_in_clause(t, dates)  # "42 jets ordered in 2022": a purchase told
        ):
            participles[id(m)] = t.head.i
        if type_ == "procurement":
            aid = _third_party_aid(doc, m, frame)
            if aid is not None:
                out.append(aid)
    for m in out:
        absorbed.update(int(c.split(":")[1]) for c in m.cues if c.startswith("host:"))
    share_sides_with_told_order(doc, out, _HANDOVER_TRIGGERS, _ORDER_TRIGGERS)
    kept = [
        m
        for m in out
        if (
            m.trigger_i not in absorbed
            or m.trigger
            in ("contract", "deal", "agreement", "pact", "accord", "treaty", "memorandum", "mou")
        )
        and not (item_heads.get(participles.get(id(m), -1), set()) - {id(m)})
    ]
    return _dedupe(split_counted_items(doc, _drop_swapped(doc, kept))) + rejected


def _maker_hands_over(m: EventMention, t: Token) -> bool:
    """A maker delivering or supplying named goods ("X will be supplying its engines"): a
    sale, whose buyer the story names elsewhere; not what a firm does in general."""
    return (
        m.trigger in _HANDOVER_TRIGGERS | {"supply"}
        and bool(m.values("seller"))
        and bool(m.values("item"))
        and t.pos_ == "VERB"
        and not (t.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in t.children))
        and not _under_told_deal(t)
        and not _ongoing(t)
    )


def _ongoing(t: Token) -> bool:
    """ "has been supplying spares", "presently supplied by X": a standing trade."""
    auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
    return (
        t.tag_ == "VBG" and "been" in auxes and bool(auxes & {"has", "have", "had"})
    ) or any(c.dep_ == "advmod" and c.lower_ in _ONGOING_ADVERBS for c in t.children)


def _under_told_deal(t: Token) -> bool:
    """ "Under the contract, X will supply ...": the deal already told, not a sale of its own."""
    return any(
        c.dep_ == "prep" and c.lower_ == "under" and any(
            p.lemma_.lower() in ("contract", "deal", "agreement", "order")
            and any(d.lower_ in ("the", "this", "that") for d in p.children)
            for p in c.children
        )
        for c in t.children
    )


def _dated_in_clause(t: Token, dates: list[DateValue]) -> bool:
    """Whether a time expression lies in the clause of `t` (its subtree)."""
    lo, hi = t.left_edge.idx, t.right_edge.idx + len(t.right_edge)
    return any(lo <= d.start and d.end <= hi for d in dates)


def _arrived_as_aid(doc: Doc, f: Frame, m: EventMention) -> EventMention | None:
    """Arms that arrive in a state with no purchase told ("Leopard tanks arrived in Ukraine",
    "a planeload of US hardware arrived in Kyiv"): aid received, its giver named or not."""
    if not m.values("item") or m.values("buyer"):
        return None
    goods = [w for s in f.subj for w in s.subtree]
    if any(
        w.ent_type_ == "PERSON"
        or party_label(w) == "PERSON"
        or w.lower_ in _VISITING_CRAFT
        or w.lower_ in _PASSENGER_CRAFT
        or w.text in _SHIP_NAME_PREFIXES
        for w in goods
    ):
        return None  # a leader's, a ship's or an airline flight's arrival
    places = [w for w in f.pp("in", "to") if party_label(w) in ("GPE", "COUNTRY")]
    if len(places) != 1:
        return None
    recipient = party(doc, "recipient", places[0])
    if recipient is None:
        return None
    aid = _as_aid(m)
    aid.add(recipient)
    return aid


def _ordered_goods_arrive(doc: Doc, t: Token) -> bool:
    """Goods that arrive are a delivery when they are the first of a lot or the sentence
    tells of their purchase ("the first six of the 24 jets it bought would arrive")."""
    words = {w.lemma_.lower() for w in doc}
    firsts = any(
        w.lower_ == "first" for s in t.children if s.dep_ == "nsubj" for w in s.subtree
    )
    return firsts or bool(words & _PURCHASE_WORDS)


def _approval_sanction(t: Token) -> bool:
    """ "accorded administrative approval and financial sanction for ten reactors" (Indian
    English): a singular sanction noun beside approval words is a go-ahead, no penalty."""
    if t.pos_ != "NOUN" or t.tag_ != "NN":
        return False
    near = [*t.children, *t.conjuncts, t.head]
    return any(w.lemma_.lower() in _APPROVAL_SANCTION_WORDS for w in near)


def _verbal_attack(t: Token) -> bool:
    """ "attacked the envoy for acting irresponsibly", "attacked him for his remarks": blame
    in words, no strike."""
    if t.pos_ != "VERB":
        return False
    for p in t.children:
        if p.dep_ == "prep" and p.lower_ == "for":
            for c in p.children:
                if c.dep_ == "pcomp" and c.tag_ == "VBG":
                    return True
                if c.dep_ == "pobj" and c.lemma_.lower() in _CRITICISM_FOR_NOUNS:
                    return True
    return False


def _funds_approved(t: Token, numbers: list[NumberMention]) -> bool:
    """ "has sanctioned Rs 500 crore for X" (Indian English): money approved, no penalty."""
    if t.pos_ != "VERB":
        return False
    objs = {w.i for c in t.children if c.dep_ in ("dobj", "nsubjpass") for w in c.subtree}
    return any(n.kind == "money" and n.token_start in objs for n in numbers)


def _present_passive(t: Token) -> bool:
    """A passive in the simple present ("is built", "are manufactured"), not a progressive
    ("are being built") nor one with a modal or perfect ("will be made", "has been built")."""
    auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    return (
        t.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in auxes)
        and not any(c.dep_ == "aux" for c in auxes)
    )


# Types whose mentions of long-past occurrences are background (a visit in 2011 recalled in a
# 2023 story, a 1964 incident), not the document's news. Purchases and sanctions of years ago
# are still reported as events (their dates say when).
_BACKGROUND_TYPES = {"meeting", "strike", "agreement"}
_BACKGROUND_MONTHS = 30


def _months_before(d: DateValue, ref: dt.date) -> int:
    """Whole months from the latest month `d` can mean to the publication month."""
    year = int(d.value[:4])
    month = int(d.value[5:7]) if len(d.value) >= 7 else 12
    return (ref.year * 12 + ref.month) - (year * 12 + month)


def _background(doc: Doc, m: EventMention, dates: list[DateValue]) -> bool:
    """A meeting, strike or pact dated (by its own date, or by every date of its sentence)
    more than two and a half years before publication."""
    if m.type not in _BACKGROUND_TYPES:
        return False
    ref = parse_published(doc._.published)
    if ref is None:
        return False
    if m.date is not None and m.date.from_text:
        return _months_before(m.date, ref) >= _BACKGROUND_MONTHS
    stated = [d for d in dates if d.from_text and not d.future]
    stated += [
        DateValue(y.group("y"), "year", y.start("y"), y.end("y"))
        for y in _LEAD_YEAR.finditer(doc.text)
        if not any(d.start <= y.start("y") < d.end for d in stated)
    ]  # "In 2011, ..." (a year before a comma is not read as a date elsewhere)
    return bool(stated) and all(_months_before(d, ref) >= _BACKGROUND_MONTHS for d in stated)


_LEAD_YEAR = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring)\s+(?P<y>(?:19|20)\d\d)\b(?![\d%])")


_NON_GOODS = word_set("nlp/mentions", "non_goods")
_VISITING_CRAFT = word_set("nlp/mentions", "visiting_craft")
_SHIP_NAME_PREFIXES = word_set("nlp/mentions", "ship_name_prefixes")
_PASSENGER_CRAFT = word_set("nlp/mentions", "passenger_craft")
_APPROVAL_SANCTION_WORDS = word_set("nlp/mentions", "approval_sanction_words")
_CRITICISM_FOR_NOUNS = word_set("nlp/mentions", "criticism_for_nouns")
_DEAL_OBJECTS = word_set("nlp/mentions", "deal_objects")
_DEPLOYED_PEOPLE = word_set("nlp/mentions", "deployed_people")
_GIFT_WORDS = word_set("nlp/mentions", "gift_words")
_BATCH_ORDINALS = word_set("nlp/mentions", "batch_ordinals")
_AID_CUE_LEMMAS = word_set("nlp/mentions", "aid_cue_lemmas")
_PLEDGE_VERBS = word_set("nlp/mentions", "pledge_verbs")
_AID_EFFORT_GOVERNORS = word_set("nlp/mentions", "aid_effort_governors")
_SALE_TERMS = word_set("nlp/mentions", "sale_terms")
_CONTRACT_NOUNS = word_set("nlp/mentions", "contract_nouns")
_BUYING_LEMMAS = word_set("nlp/mentions", "buying_lemmas")
_COMMANDED = word_set("nlp/mentions", "commanded")
_GENERIC_AID_ITEMS = word_set("nlp/mentions", "generic_aid_items")
_FORCE_UNITS = word_set("nlp/mentions", "force_units")


def _not_a_transfer(doc: Doc, m: EventMention, trig: Trigger, t: Token) -> bool:
    """ "received bids for jets", "was given clearance to develop", "ordered his tanks to roll
    into Ukraine" (a command), "give Japan a strike capability": no goods change hands."""
    if m.type not in ("procurement", "aid"):
        return False
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(o.lemma_.lower() in _NON_GOODS for o in objs):
        return True
    if any(
        o.lemma_.lower() in _DEAL_OBJECTS
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in o.children)
        for o in objs
    ):
        return True  # "received an order from the army": the order is the purchase
    if m.type == "aid" and any(o.lemma_.lower() in _DEAL_OBJECTS for o in objs):
        return True  # "gave Raytheon a contract for missiles": the contract is the purchase
    if m.type == "aid" and m.values("item") and any(
        w.lower_ in _DEPLOYED_PEOPLE and (w.dep_ in ("conj", "appos") or bool(w.conjuncts))
        for o in objs
        for w in o.subtree
    ):
        return True  # "send two Patriot launchers and 300 soldiers to Poland": a deployment
    if m.type == "aid" and t.dep_ == "xcomp" and t.head.lemma_.lower() == "offer":
        return True  # "has offered to supply India with submarines": a pitch, not a pledge
    if (
        m.type == "aid"
        and t.dep_ in ("xcomp", "acl", "ccomp")
        and t.head.lemma_.lower() in _AID_EFFORT_GOVERNORS
        and (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            or any(c.dep_ == "nsubj" for c in t.children)  # "make other allies deliver"
        )
    ):
        return True  # "is working to provide X", "the political will to supply X": no decision
    if (
        m.type == "aid"
        and t.tag_ == "VBN"
        and t.dep_ == "amod"
        and not any(c.dep_ in ("aux", "auxpass") for c in t.children)
    ):
        return True  # "the Russian-supplied Iskander": where goods came from, not an event
    if trig.lemma == "order" and t.pos_ == "VERB":
        # "ordered troops/tanks to advance": an order to do something, not a purchase
        for o in objs:
            if any(
                c.dep_ in ("xcomp", "acl", "relcl") and c.lemma_.lower() in _COMMANDED
                for c in o.children
            ):
                return True
        if any(
            c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _COMMANDED for c in t.children
        ):
            return True
    items = m.values("item")
    if m.type == "procurement" and items and all(
        v.text.lower().split()[-1] in _FORCE_UNITS for v in items
    ):
        return True  # "will induct more army columns into the valley": troops moved, no goods
    return bool(items) and all(
        v.text.lower().split()[-1] in _NON_GOODS for v in items
    )


_ONGOING = word_set("nlp/mentions", "ongoing")
_NEW_ACTION_MODS = word_set("nlp/mentions", "new_action_mods")
_DECISIONS = word_set("nlp/mentions", "decisions")


def _perfect(t: Token) -> bool:
    """ "have provided", "has imposed", also through "have stepped up to provide"."""
    if t.dep_ == "xcomp" and t.head.lemma_.lower() in _DECISIONS:
        return False  # "has committed to provide aid": one decision
    for tok in (t, t.head if t.dep_ in ("xcomp", "conj") else t):
        if any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ")
            for c in tok.children
        ):
            return True
    return False


def _recap(doc: Doc, m: EventMention, t: Token, dates: list[DateValue]) -> bool:
    """A summary of ongoing support, not one action: "we have rapidly delivered weapons",
    "allies have stepped up shipments", "we have imposed powerful sanctions", "the ongoing
    provision of assistance", "the aid France provides"."""
    if m.type not in ("aid", "sanction"):
        return False
    if m.values("value") or m.values("quantity"):
        return False
    if any(d.from_text and not d.future for d in dates):
        return False
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() == "provision":
        return True  # "the (ongoing) provision of security assistance"
    if m.type == "aid" and t.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "det") and c.lower_ in _NEW_ACTION_MODS for c in t.children
    ):
        return False  # "has announced a new package of military support": one new action
    while t.dep_ == "conj" and t.head.pos_ == t.pos_ and t.head.i != t.i:
        t = t.head  # "support and assistance", "sanctions and export controls"
    if t.dep_ in ("dobj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN"):
        t = t.head  # "have imposed sanctions": the verb tells the tense
    if any(c.dep_ == "amod" and c.lower_ in _ONGOING for c in t.children):
        return True
    if t.lemma_.lower() in ("provision",) or (
        t.dep_ == "pobj" and t.head.lower_ == "on" and t.head.head.lemma_.lower() in ("statement",)
    ):
        return True
    if m.type == "aid":
        items = m.values("item")
        generic = all(v.text.lower().split()[-1] in _GENERIC_AID_ITEMS for v in items)
        if _perfect(t) and generic:
            return True
        if generic and _continued(t):
            return True  # "we will continue to provide support to Ukraine"
        # "the military aid France provides to that country"; a group that a state joins
        # ("joined a coalition that supplies X") tells what the joiner gives
        return (
            t.tag_ in ("VBZ", "VBP")
            and t.dep_ == "relcl"
            and not (doc._.context or {}).get("heading")
            and not coalition_joiners(t)
        )
    # sanctions: a first-person or cumulative recap ("we have imposed", "has sanctioned over
    # 600 individuals during my administration"), or more of the same ("to continue to
    # impose sanctions")
    if _continued(t):
        return True
    if not _perfect(t):
        return False
    subj = [c for c in t.children if c.dep_ == "nsubj"]
    first = any(s.lower_ in ("we", "i") for s in subj)
    period = any(c.dep_ == "prep" and _period_phrase(c) for c in t.children)
    # "we have imposed sanctions on Rostec / on 200 defense firms": a named or counted target
    # is this statement's action, not a recap
    named = any(
        v.label in ("COMPANY", "ORG", "PERSON") or any(ch.isdigit() for ch in _left_of(doc, v))
        for v in m.values("target")
    )
    return (first and not named) or period


def _period_phrase(prep: Token) -> bool:
    """ "during my administration", "since 2022", "over the past year": a stretch of time; an
    "over" phrase may give the reason instead ("sanctioned eight officers over a cyber
    campaign")."""
    if prep.lower_ in _PERIOD_PREPOSITIONS:
        return True
    return prep.lower_ in _PERIOD_OR_REASON_PREPOSITIONS and any(
        w.ent_type_ == "DATE" or w.lemma_.lower() in _STRETCH_OF_TIME for w in pobjs(prep))


_STRETCH_OF_TIME = word_set("nlp/mentions", "stretch_of_time_nouns")
_PERIOD_PREPOSITIONS = word_set("nlp/mentions", "period_prepositions")
_PERIOD_OR_REASON_PREPOSITIONS = word_set("nlp/mentions", "period_or_reason_prepositions")


def _continued(t: Token) -> bool:
    """ "continue to provide", "keep imposing": more of an ongoing policy."""
    head = t.head if t.dep_ in ("xcomp", "dobj") and t.pos_ in ("VERB", "NOUN") else None
    if head is not None and head.dep_ == "xcomp" and t.pos_ == "NOUN":
        head = head.head  # "continue to impose sanctions": the noun's verb's head
    return head is not None and head.lemma_.lower() in ("continue", "keep")


def _left_of(doc: Doc, v: RoleValue) -> str:
    """The value's text with the count just before it ("200 Russian defense companies")."""
    return doc.text[max(0, v.start - 12) : v.end]


def _given_goods(doc: Doc, m: EventMention) -> EventMention:
    """ "Kerel has received 12 tanks donated by Ostmark": goods received as a gift, their giver
    the donor."""
    givers = givers_of_the_goods(doc, m) if m.type in ("procurement", "aid") else []
    if not givers:
        return m
    if m.type == "procurement":
        m = _as_aid(m)
    if not m.values("donor"):
        add_parties(doc, "donor", givers, m)
    return m


def _tok_at(doc: Doc, v: RoleValue) -> int:
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return span.root.i if span is not None else 0


_SHARED_ROLES = {"item": "item", "quantity": "quantity", "value": "value"}


def _sold(doc: Doc, f: Frame, m: EventMention) -> bool:
    """Goods handed over under a contract or deal, or to a recipient that bought them ("to
    Greece, which bought them for EUR 2.5 billion"): a sale, not aid."""
    if not m.values("item") or any(w.lemma_.lower() in _AID_CUE_LEMMAS for w in doc):
        return False
    if any(w.lemma_.lower() in _SALE_TERMS and not _gift_deal(w) for w in f.pp("under")):
        return True
    if _under_contract(f.trigger):
        return True  # "awarded a contract worth $300 million to supply launchers to X"
    recips = {_tok_at(doc, v) for v in m.values("recipient")}
    for w in doc:
        if w.lemma_.lower() not in _BUYING_LEMMAS or w.pos_ != "VERB":
            continue
        for s in (c for c in w.children if c.dep_ == "nsubj"):
            buyer = s.head.head if s.lower_ in ("which", "who") and w.dep_ == "relcl" else s
            if buyer.i in recips:
                return True
    return False


def _gift_deal(deal: Token) -> bool:
    """A deal named as a gift ("under a grant agreement", "under a military assistance
    deal"): what is handed over under it is given, not sold."""
    mods = [c for c in deal.subtree if c.i < deal.i and c.dep_ in ("compound", "amod")]
    return any(c.lemma_.lower() in _GIFT_WORDS for c in mods)


def _under_contract(t: Token) -> bool:
    """The infinitive of a contract or an order ("a contract to supply", "a contract worth
    $300 million to deliver"): what the paid deal hands over."""
    cur = t
    for _ in range(4):  # "a contract worth $300 million to supply": through the sum
        if cur.dep_ not in ("acl", "relcl", "xcomp", "amod", "npadvmod") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in _CONTRACT_NOUNS:
            return True
    return False


def _ordered_batch(t: Token) -> bool:
    """The goods delivered are one numbered batch ("received its first 11 launchers", "the
    last two of four frigates", "delivery of the first regiment"): deliveries of an order."""
    goods = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    goods += [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)]
    return any(
        w.lower_ in _BATCH_ORDINALS and w.dep_ in ("amod", "advmod", "nummod")
        for g in goods
        for w in g.subtree
    )


def _as_sale(m: EventMention) -> EventMention:
    return m.recast("procurement", {"donor": "seller", "recipient": "buyer", **_SHARED_ROLES})


def _as_aid(m: EventMention) -> EventMention:
    return m.recast("aid", {"buyer": "recipient", "seller": "donor", **_SHARED_ROLES})


_EXERCISE_WORDS = word_set("nlp/mentions", "exercise_words")


def _third_party_aid(doc: Doc, m: EventMention, f: Frame) -> EventMention | None:
    """Buying weapons for someone else is also aid (spec: procurement and aid)."""
    cue = next((c for c in m.cues if c.startswith("beneficiary:")), None)
    if cue is None or not m.values("buyer"):
        return None
    tok = doc[int(cue.split(":")[1])]
    rv = party(doc, "recipient", tok)
    if rv is None or rv.text == m.values("buyer")[0].text:
        return None
    if rv.label not in ("GPE", "COUNTRY", "METONYM") and not any(
        party_label(w) in ("GPE", "COUNTRY", "METONYM", "NORP", "DEMONYM")
        for w in tok.subtree
        if w.i != tok.i
    ):
        return None  # "for the Navy", "for the ministry": a body of the buyer's own state
    if _sale_for_a_client(doc, m):
        return None
    aid = EventMention(
        type="aid",
        trigger=m.trigger,
        trigger_i=m.trigger_i,
        trigger_start=m.trigger_start,
        status=m.status,
        date=m.date,
    )
    for b in m.values("buyer"):
        aid.add(RoleValue("donor", b.text, b.start, b.end, b.label, b.kb_id))
    aid.add(rv)
    for role in ("item", "quantity", "value"):
        for v in m.values(role):
            aid.add(v)
    aid.score = m.score * 0.9
    aid.cues.append(BOUGHT_FOR_CUE)
    return aid


_CLIENT_DEALS = word_set("nlp/roles", "given_deals")


def _sale_for_a_client(doc: Doc, m: EventMention) -> bool:
    """A deal noun with a company as the seller, placed by a body that is no named state ("the
    Pentagon awarded Lockheed a contract for F-16 modernisation for Taiwan", "won an Army
    contract ... for Saudi Arabia"): work bought for a client state, no gift of the buyer's;
    a state buying from a firm for another ("Germany signed a contract with X for tanks for
    Ukraine") stays aid."""
    t = doc[m.trigger_i]
    if t.pos_ != "NOUN" or t.lemma_.lower() not in _CLIENT_DEALS:
        return False
    if any(b.label in NAMED_STATE_LABELS for b in m.values("buyer")):
        return False
    sellers = [doc.char_span(v.start, v.end, alignment_mode="expand") for v in m.values("seller")]
    return any(sp is not None and is_company(sp.root) for sp in sellers)


def _score(m: EventMention, trig: Trigger, f: Frame) -> float:
    """Confidence from what was found: typed parties, items, numbers, a clear predicate."""
    s = 0.45
    roles = {r for r, v in m.args.items() if v}
    parties = roles - {"item", "quantity", "value", "location"}
    s += 0.12 * min(len(parties), 2)
    if "item" in roles:
        s += 0.08
    if roles & {"quantity", "value"}:
        s += 0.06
    if "location" in roles:
        s += 0.03
    if trig.pos == "VERB":
        s += 0.04
    if any(v.pronoun for vals in m.args.values() for v in vals):
        s -= 0.05
    if not parties:
        s -= 0.15
    return max(0.05, min(0.97, s))


_THING_ROLES = ("item", "quantity", "value", "location")


def _parties(m: EventMention) -> dict[tuple[int, int], str]:
    return {(v.start, v.end): role for role, vals in m.args.items() if role not in _THING_ROLES
            for v in vals}


def _made_available(t: Token) -> bool:
    """ "make available": to give, not to make."""
    return t.lemma_.lower() == "make" and any(
        c.lower_ == "available" and c.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "advmod", "amod")
        for c in t.children
    )


def _drop_swapped(doc: Doc, ms: list[EventMention]) -> list[EventMention]:
    """Two readings of one deal that give its parties opposite roles ("X received an order
    from Y": the verb reads X as the buyer, the noun as the seller): keep one. The noun that
    is the verb's object tells the direction; otherwise the reading with more parties."""
    out = list(ms)
    for m in ms:
        for o in ms:
            if m is o or m.type != o.type or m not in out or o not in out:
                continue
            pm, po = _parties(m), _parties(o)
            if not pm or not set(pm) <= set(po) or all(po[k] == r for k, r in pm.items()):
                continue
            noun_m = doc[m.trigger_i].dep_ == "dobj" and doc[m.trigger_i].head.i == o.trigger_i
            noun_o = doc[o.trigger_i].dep_ == "dobj" and doc[o.trigger_i].head.i == m.trigger_i
            keep, drop = (m, o) if noun_m or (len(pm) == len(po) and not noun_o
                                                and m.trigger_i < o.trigger_i) else (o, m)
            for role in _THING_ROLES:
                for v in drop.values(role):
                    keep.add(v)
            out.remove(drop)
    return out


_SEPARATE_MEETINGS = word_set("nlp/mentions", "separate_meeting_modifiers")


def _separate_meetings(m: EventMention, f: Frame) -> list[EventMention]:
    """ "held separate talks with A and B", "bilateral meetings with A, B and C": one meeting
    with each counterpart, not one meeting of all of them."""
    t = f.trigger
    if m.type != "meeting" or t.tag_ != "NNS" or not any(
        c.dep_ == "amod" and c.lower_ in _SEPARATE_MEETINGS for c in t.children
    ):
        return [m]
    others = [w.idx for p in f.pp("with") for w in conjuncts(p)]
    parts = m.values("participant")
    met = [v for v in parts if any(v.start <= k < v.end for k in others)]
    if len(met) < 2:
        return [m]
    hosts = [v for v in parts if v not in met]
    return [
        replace(m, args={**m.args, "participant": [*hosts, v]}, cues=list(m.cues)) for v in met
    ]


_SEPARATE_DEALS = word_set("nlp/mentions", "separate_deal_modifiers")


def _separate_deals(m: EventMention, f: Frame) -> list[EventMention]:
    """ "awarded A and B separate contracts": one purchase from each firm, not one deal
    with both."""
    t = f.trigger
    if m.type != "procurement" or t.tag_ != "NNS" or not any(
        c.dep_ == "amod" and c.lower_ in _SEPARATE_DEALS for c in t.children
    ):
        return [m]
    sellers = m.values("seller")
    if len(sellers) < 2:
        return [m]
    return [replace(m, args={**m.args, "seller": [v]}, cues=list(m.cues)) for v in sellers]


def _dedupe(ms: list[EventMention]) -> list[EventMention]:
    """Two triggers of one event in a sentence ("signed a deal to buy"): keep the richer."""
    out: list[EventMention] = []
    for m in sorted(ms, key=lambda x: -sum(len(v) for v in x.args.values())):
        dup = False
        for o in out:
            if (
                o.type != m.type
                or _other_counts(m, o)
                or _delivered_under(m, o)
                or _delivery_of_lot(m, o)
            ):
                continue
            shared = 0
            for role, vals in m.args.items():
                ot = {(v.start, v.end) for v in o.values(role)}
                shared += sum(1 for v in vals if (v.start, v.end) in ot)
            if shared and all(
                any(v.start >= ov.start and v.end <= ov.end for ov in o.values(role))
                for role, vals in m.args.items()
                for v in vals
                if role not in ("quantity", "value")
            ):
                for vals in m.args.values():
                    for v in vals:
                        o.add(v)
                if o.date is None or (not o.date.from_text and m.date is not None):
                    o.date = m.date
                dup = True
                break
        if not dup:
            out.append(m)
    out.sort(key=lambda x: x.trigger_i)
    return out


def _delivery_of_lot(m: EventMention, o: EventMention) -> bool:
    """A handover of goods and their purchase told in one sentence ("received the first of
    the six jets it ordered in 2018"): an order and a delivery are two events."""
    lemmas = {m.trigger, o.trigger}
    return bool(lemmas & _HANDOVER_TRIGGERS) and bool(lemmas & _ORDER_TRIGGERS)


def _delivered_under(m: EventMention, o: EventMention) -> bool:
    """One is the contract the other's goods are delivered or built under: two events."""
    return f"{UNDER_CUE}{o.trigger_i}" in m.cues or f"{UNDER_CUE}{m.trigger_i}" in o.cues


def _other_counts(m: EventMention, o: EventMention) -> bool:
    """Both count their goods, and differently: two deals ("delivered two jets, out of 12
    ordered")."""
    mq = {v.text for v in m.values("quantity")}
    oq = {v.text for v in o.values("quantity")}
    return bool(mq and oq and not mq & oq)


@Language.component("materiel_roles")
def roles_component(doc: Doc) -> Doc:
    doc._.mentions = find_mentions(doc)
    return doc
