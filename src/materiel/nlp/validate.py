"""What each trigger needs to stand as an event (items, parties, a governing verb...), and
the type of a contract/deal/agreement decided from what hangs off it."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.attach import BACKGROUND_PREPS
from materiel.nlp.dates import clause_is_future
from materiel.nlp.frames import Frame, pobjs, subjects
from materiel.nlp.lexicon import ITEM_HEADS, SPEECH_VERBS
from materiel.nlp.roles import (
    ARMED_FORCE_WORDS,
    DEFENSE_HOLDER_CUE,
    MEETING_NOUNS,
    PLAIN_GOODS_CUE,
    PROD_VERBS,
    SUPPORTED_STATE_CUE,
    VISITOR_NOUNS,
    is_armed_force,
    is_company,
)
from materiel.nlp.spans import (
    ORG_HEAD_HINTS,
    entity_of,
    is_designator,
    is_military_item,
    is_version,
    item_head,
    party_label,
)
from materiel.nlp.status import clause_chain
from materiel.nlp.types import EventMention, RoleValue, Trigger
from materiel.nlp.under_contract import goods_made_under
from materiel.wordlists import word_set, word_tuple

_ext.register()

SECURITY_WORDS = word_set("nlp/validate", "security_words")


_SECURITY_EXTRA = word_set("nlp/validate", "security_extra")

_AID_MODS = word_set("nlp/validate", "aid_mods")


_NON_MILITARY_AID = word_set("nlp/validate", "non_military_aid")


_FACTORY_GOVERNORS = word_set("nlp/validate", "factory_governors")


_SANCTION_GOVERNORS = word_set("nlp/validate", "sanction_governors")


_SANCTION_BACKGROUND = word_set("nlp/validate", "sanction_background")


_LAUNCH_OBJECTS = word_set("nlp/validate", "launch_objects")


_ALLIANCE_WORDS = word_set("nlp/validate", "alliance_words")


_BAN_OBJECTS = word_set("nlp/validate", "ban_objects")


_REASON_GOVERNORS = word_set("nlp/validate", "reason_governors")
_SANCTION_REASON_GOVERNORS = word_set("nlp/validate", "sanction_reason_governors")
_SANCTIONED_BODIES = word_set("nlp/validate", "sanctioned_bodies")
_PURCHASE_APPROVAL_VERBS = word_set("nlp/validate", "purchase_approval_verbs")
_TENDER_ISSUING_VERBS = word_set("nlp/validate", "tender_issuing_verbs")
_COMPANY_NOUNS = word_set("nlp/validate", "company_nouns")
_GROWTH_VERBS = word_set("nlp/validate", "growth_verbs")
_SIGN_GOVERNORS = word_set("nlp/validate", "sign_governors")
_LEADERS = word_set("nlp/validate", "leaders")
_MET_THINGS = word_set("nlp/validate", "met_things")
_COLLECTIVES = word_set("nlp/validate", "collectives")
_MAKER_WORDS = {"works", "dynamics", "motors", "shipbuilders", "shipbuilding", "engineering"}


_CIVIL_AID_CUES = word_set("nlp/validate", "civil_aid_cues")
_MILITARY_AID_CUES = word_set("nlp/validate", "military_aid_cues")
_WAR_AID_CUES = word_set("nlp/validate", "war_aid_cues")
_AID_ENACTING_VERBS = word_set("nlp/validate", "aid_enacting_verbs")


def _military_money(doc: Doc, m: EventMention) -> bool:
    """Money given for arms: "will provide a further EUR 500m to finance drones", "provides
    $61 billion for Ukraine" in a sentence about arms or security, not about civil aid."""
    if not m.values("value") or _civil_assistance(doc):
        return False
    words = {w.lower_ for w in doc}
    return bool(words & _MILITARY_AID_CUES) or any(
        is_military_item(w) for w in doc if w.pos_ == "NOUN"
    )


def _aid_to_a_side_at_war(doc: Doc, m: EventMention) -> bool:
    """Aid from a named giver to a named state in a sentence about its war ("passed urgent
    aid for Ukraine in its fight against Russian aggression"): military aid, arms unnamed."""
    donors = {v.text for v in m.values("donor") if not v.pronoun}
    states = [
        v for v in m.values("recipient")
        if v.label in ("GPE", "COUNTRY") and v.text not in donors
    ]
    words = {w.lower_ for w in doc}
    return bool(donors and states) and bool(words & _WAR_AID_CUES) and not (
        _civil_assistance(doc)
    )


_SUPPORT_NOUNS = word_set("nlp/validate", "support_nouns")
_ARMED_SUPPORT_MODS = word_set("nlp/validate", "armed_support_mods")


def _military_support(f: Frame) -> bool:
    """The thing given is military support, help or aid ("provide military support to X",
    "providing Ukraine with financial, humanitarian, military and diplomatic support")."""
    for o in f.obj + f.pp("with"):
        if o.lemma_.lower() not in _SUPPORT_NOUNS:
            continue
        mods = [c for c in o.children if c.dep_ in ("amod", "compound")]
        mods += [x for c in mods for x in c.subtree]  # "financial, humanitarian, military and"
        if any(w.lower_ in _ARMED_SUPPORT_MODS for w in mods):
            return True
    return False


_GENERIC_ARMS_NOUNS = word_set("nlp/validate", "generic_arms_nouns")
_AID_TALK = word_set("nlp/validate", "aid_talk_lemmas")
_GIVING_CLAUSE_VERBS = word_set("nlp/validate", "giving_clause_verbs")
_COVERING_VERBS = word_set("nlp/validate", "covering_verbs")
_LAUNCHED_VESSELS = word_set("nlp/validate", "launched_vessels")
_HULL_START_VERBS = word_set("nlp/validate", "hull_start_verbs")


def _state_sends_arms(f: Frame, m: EventMention) -> bool:
    """A state sends unnamed equipment to another state ("Norway has pledged to send more
    equipment to Ukraine"): military goods unless the sentence is about civil aid."""
    states = ("GPE", "COUNTRY", "METONYM")
    givers = [v for v in m.values("donor") if v.label in states]
    takers = [v for v in m.values("recipient") if v.label in states]
    # "pledged to send more equipment": the goods of the pledge's clause of giving
    sent = [c for cl in f.clauses if cl.lemma_.lower() in _GIVING_CLAUSE_VERBS
            for c in cl.children if c.dep_ == "dobj"]
    goods = [o for o in f.obj + sent if o.lemma_.lower() in _GENERIC_ARMS_NOUNS]
    civil = {w.lower_ for w in f.trigger.doc} & _CIVIL_AID_CUES  # "medical equipment"
    return bool(givers and takers and goods) and not civil


def _money_to_support_a_state(doc: Doc, m: EventMention) -> bool:
    """Money given "to support Ukraine": a state named as the object of a purpose clause of
    support, in a sentence that is not about civil aid."""
    return SUPPORTED_STATE_CUE in m.cues and bool(m.values("value")) and not (
        {w.lower_ for w in doc} & _CIVIL_AID_CUES
    )


_LISTED_GOODS = word_set("nlp/validate", "listed_goods")


def _civil_assistance(doc: Doc) -> bool:
    words = {t.lower_ for t in doc}
    return bool(words & _CIVIL_AID_CUES) and not words & _MILITARY_AID_CUES


def _military_target(text: str) -> bool:
    return bool(set(text.lower().replace("-", " ").split()) & _MILITARY_TARGETS)


_MILITARY_TARGETS = word_set("nlp/validate", "military_targets")


def _is_person(tok: Token) -> bool:
    ent = entity_of(tok)
    return ent is not None and ent.label_ == "PERSON"


def _thing_that_meets(t: Token) -> bool:
    """ "the only seat that meets ...", "a design which meets ...": what meets is a thing,
    whatever the parse makes of its object, and no one holds a meeting."""
    if t.dep_ != "relcl" or not any(
            c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in t.children):
        return False
    head = t.head
    # a bare capitalised word is no party here ("the only Qualified Ejection Seat that")
    return not (party_label(head) not in (None, "PROPN", "NOUN") or _is_person(
        head) or head.lemma_.lower() in (
        _LEADERS | VISITOR_NOUNS | _COLLECTIVES))


def _company_noun(tok: Token) -> bool:
    """ "acquire the firm", "buy a stake"; not counted units ("104 units of the system")."""
    if tok.lemma_.lower() not in _COMPANY_NOUNS:
        return False
    return not (tok.tag_ == "NNS" or any(c.dep_ == "nummod" for c in tok.children))


def _company_value(doc: Doc, v: RoleValue) -> bool:
    """A value named as a company ("Hallam Aircraft Works", "X Ltd"), not just any body."""
    words = {w.strip(".,").lower() for w in v.text.split()}
    return bool(words & (ORG_HEAD_HINTS | _MAKER_WORDS))


def _company_giver(doc: Doc, v: RoleValue) -> bool:
    """A giver the extractor reads as a company, whose supplies are sales."""
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return v.label == "COMPANY" or (span is not None and is_company(span.root))


def _company_like(tok: Token) -> bool:
    ent = entity_of(tok)
    return ent is not None and ent.label_ == "COMPANY"


def _words(tok: Token) -> set[str]:
    return {t.lower_ for t in tok.subtree}


def _mod_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")} | {
        w.lower_ for c in tok.children if c.dep_ in ("amod", "compound") for w in c.subtree
    }


def _under(tok: Token, preps: set[str]) -> bool:
    """Whether a noun sits inside a phrase headed by one of `preps`, below its first verb."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("prep",) and cur.lower_ in preps:
            return True
        if cur.pos_ in ("VERB", "AUX") and cur.tag_ not in ("VBG", "VBN"):
            return False
        cur = cur.head
    return False


_PAIR_WORDS = ("two", "both")


def _pair_told(doc: Doc, v: RoleValue) -> bool:
    """ "the two leaders", "officials from both sides": the pair the story has just named."""
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return span is not None and span.root.tag_ == "NNS" and any(
        w.lower_ in _PAIR_WORDS for w in span.root.subtree)


def _national(doc: Doc, v: RoleValue) -> bool:
    """ "the Dutch defence minister": a party noun tied to a country by its modifier."""
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return span is not None and any(entity_of(w) is not None for w in span if w.i < span.root.i)


def _listed_under(t: Token) -> Token:
    """The noun an "including" phrase hangs on ("against aggression, including attacks on
    cities": aggression), else the token itself."""
    head = _pobj_head(t)
    if head.lower_ == "including" and head.head.pos_ == "NOUN":
        return head.head
    return t


def _pobj_head(t: Token) -> Token:
    while t.dep_ == "conj":
        t = t.head
    return t.head if t.dep_ == "pobj" else t


_SALE_MODIFIERS = word_set("nlp/validate", "sale_modifiers")
_PRODUCTION_WORDS = word_set("nlp/validate", "production_words")
_WON_DEAL_GOVERNORS = word_tuple("nlp/validate", "won_deal_governors")
_BUYING_VERBS = word_set("nlp/validate", "buying_verbs")
_BUYING_NOUNS = word_set("nlp/validate", "buying_nouns")
_CONTRACT_GOVERNORS = word_tuple("nlp/validate", "contract_governors")


_PACT_WORDS = ("agreement", "memorandum", "mou", "pact", "accord")


def _develops_only(f: Frame) -> bool:
    """The deal's purpose clauses develop something and make nothing ("to develop and
    produce" makes)."""
    verbs = {w.lemma_.lower() for c in f.clauses for w in [c, *c.conjuncts]}
    return "develop" in verbs and not verbs & (PROD_VERBS - {"develop"})


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


def _habitual_present(t: Token) -> bool:
    """A verb in the simple present with no auxiliary ("Lockheed delivers jets to many
    countries"): what a firm does, not one delivery."""
    return t.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in t.children)


def _placed_with_maker(f: Frame) -> bool:
    """ "the ministry signed a contract with MHI for production of X": a customer places the
    contract with a maker, who makes the goods for it."""
    return (
        f.gov_lemma in _CONTRACT_GOVERNORS
        and any(_company_like(w) or is_company(w) for w in f.pp("with"))
        and not any(_company_like(s) or is_company(s) for s in f.subj)
    )


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


def decide_deal_type(doc: Doc, f: Frame, trig: Trigger) -> str | None:
    """Type of a contract/deal/agreement noun from what hangs off it."""
    t = f.trigger
    sub = {w.lemma_.lower() for w in t.subtree}
    clause_lemmas = {c.lemma_.lower() for c in f.clauses}
    pp_lemmas = {w.lemma_.lower() for w in f.pp("for", "to", "on", "of")}
    mods = _mod_words(t)
    if trig.lemma == "award":  # "an award to Raytheon for 200 missiles": a contract won
        won_by_firm = any(_company_like(w) for w in f.pp("to") + f.dative)
        goods = any(is_military_item(item_head(x)) for x in f.pp("for", "of"))
        return "procurement" if won_by_firm or goods else None
    if goods_made_under(t) is not None:
        return "procurement"  # "building 18 jets for Malaysia under a contract signed in 2023"
    if _develops_only(f) and trig.lemma in _PACT_WORDS:
        return "agreement"  # "a collaboration agreement to develop X": research, not output
    if clause_lemmas & PROD_VERBS or pp_lemmas & _PRODUCTION_WORDS:
        # an agreement to produce; a contract to build for a buyer is a purchase
        buyer_like = [x for x in f.pp("for") if party_label(x)]
        won = f.gov_lemma in _WON_DEAL_GOVERNORS
        if trig.lemma in ("contract", "deal", "modification", "order") and (
            buyer_like or won or _placed_with_maker(f)
        ):
            return "procurement"  # a contract to build things for a buyer is a purchase
        return "production"
    if clause_lemmas & _BUYING_VERBS or pp_lemmas & _BUYING_NOUNS:
        return "procurement"
    if clause_lemmas & {"donate", "give", "provide"}:
        return "aid"
    if "production" in mods or "manufacturing" in mods:
        return "procurement" if trig.lemma in ("contract", "order") else "production"
    if mods & (_SALE_MODIFIERS | {"arms", "weapons", "defense", "defence"}) and trig.lemma in (
        "deal",
        "contract",
    ):
        return "procurement"
    if mods & (_SALE_MODIFIERS | {"arms"}) and trig.lemma == "agreement":
        return "procurement"  # "a defence sales agreement", "an arms agreement"
    # "a letter of intent covering up to 150 fighters" (the clause may hang on the signing)
    covering = f.clauses + [
        c for c in (f.pred.children if f.pred is not None and t.dep_ == "dobj" else [])
        if c.dep_ == "advcl" and c.i > t.i
    ]
    items = [x for x in f.pp("for", "of", "on") if is_military_item(item_head(x))] + [
        o
        for c in covering
        if c.lemma_.lower() in _COVERING_VERBS
        for o in c.children
        if o.dep_ == "dobj" and is_military_item(item_head(o))
    ]
    if items or [c for c in f.compounds if is_military_item(c)]:
        if trig.lemma in ("contract", "deal", "order"):
            return "procurement"
        if trig.type == "agreement" and any(
            item_head(x).i == x.i and is_military_item(x) for x in f.pp("for")
        ):
            return "procurement"  # "an agreement with Lockheed Martin for 88 F-35A": a purchase
        return trig.type
    if trig.lemma in ("contract",):
        return (
            "procurement"
            if (
                f.gov_lemma in _CONTRACT_GOVERNORS
                and (
                    f.pp("to")
                    or f.dative
                    or f.pp("for")
                    or any(_company_like(w) for w in f.pp("with") + f.subj)
                )
            )
            else None
        )
    if trig.type == "agreement" or trig.lemma == "deal":
        sentence_words = {w.lower_ for w in doc}
        if sentence_words & SECURITY_WORDS and (
            f.subj or f.poss or f.mods or f.pp("with", "between")
        ):
            return "agreement"
        if sub & SECURITY_WORDS:
            return "agreement"
    return None


_NON_SECURITY_CONFERENCE_MODS = word_set("nlp/validate", "non_security_conference_mods")
_ATTACK_RESISTING_VERBS = word_tuple("nlp/validate", "attack_resisting_verbs")
_STRONG_PACKAGE_MODS = word_set("nlp/validate", "strong_package_mods")
_PRODUCTION_MODS = word_set("nlp/validate", "production_mods")
_SANCTION_NOT_IMPOSED_GOVERNORS = word_tuple("nlp/validate", "sanction_not_imposed_governors")
_DEFENSE_SPENDING_WORDS = word_set("nlp/validate", "defense_spending_words")
_BUDGET_DECISION_VERBS = word_set("nlp/validate", "budget_decision_verbs")
_REQUIREMENT_MET_VERBS = word_set("nlp/validate", "requirement_met_verbs")
_PURCHASE_VERBS = word_tuple("nlp/validate", "purchase_verbs")
_BACKGROUND_ATTACK_HEADS = word_tuple("nlp/validate", "background_attack_heads")
_ORDER_GOVERNORS = word_tuple("nlp/validate", "order_governors")
_SANCTIONING_OFFICE_WORDS = word_set("nlp/validate", "sanctioning_office_words")
_DESIGNATION_WORDS = word_set("nlp/validate", "designation_words")
_DESIGNATION_LABELS = word_set("nlp/validate", "designation_labels")
_SANCTION_READINESS = word_set("nlp/validate", "sanction_readiness_governors")
_INVASION_WORDS = word_set("nlp/validate", "invasion_words")


def _held_ready(t: Token) -> bool:
    """Sanctions to be imposed or a deal to be reached under a word of readiness, appeal or
    power ("are ready to impose severe sanctions", "called for allies to impose tougher
    sanctions", "authority to impose sanctions", "remain ready to reach arrangements"): none
    imposed or reached."""
    verb = t.head if t.pos_ == "NOUN" and t.dep_ == "dobj" else t
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    while verb.dep_ == "conj" and verb.head.tag_ == "VB":
        verb = verb.head  # "called for Moscow to pay and for allies to impose sanctions"
    head = verb.head
    return head.lemma_.lower() in _SANCTION_READINESS or head.lower_ in _SANCTION_READINESS


def _sanctions_described(t: Token) -> bool:
    """Sanctions told in an undated relative clause about a party ("partners who introduced
    sanctions against Russia", "Belarus, which was also hit by Western sanctions"): what
    the party is known for, not a measure reported here."""
    cur = t
    for _ in range(4):
        if cur.dep_ == "relcl" and cur.pos_ in ("VERB", "AUX"):
            # the clause tells about a party; "a package that imposes sanctions" tells the measure
            return _party_noun(cur.head) and not any(
                w.ent_type_ in ("DATE", "TIME") for w in cur.subtree
            )
        if cur.dep_ not in ("dobj", "pobj", "prep", "agent", "advcl", "xcomp", "conj"):
            return False
        cur = cur.head
    return False


_RATE_UNITS = word_set("nlp/validate", "rate_units")


def _ongoing_rate(t: Token) -> bool:
    """A deal told as an ongoing rate ("has been inducting 90 jets annually", "are building
    boats at 1.2 a year"): a trend, not one purchase or production step."""
    if t.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lemma_ == "be" for c in t.children):
        return False
    near = [c for c in t.children if c.dep_ in ("advmod", "npadvmod")]
    near += [w for p in t.children if p.dep_ == "prep" and p.lower_ in ("at", "per")
             for w in p.subtree]
    return any(_rate(w) for w in near)


def _rate(w: Token) -> bool:
    """ "annually", "a year", "every month", "per annum" (not "this year")."""
    if w.lemma_.lower() not in _RATE_UNITS:
        return False
    if w.pos_ == "ADV":
        return True
    return (w.dep_ == "pobj" and w.head.lower_ == "per") or any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "every", "each", "per") for c in w.children
    )


def _record_clause(t: Token) -> bool:
    """A deal told in an undated relative clause that ranks its holder ("the only shipyard
    that has manufactured 8 submarines", "the first country that bought the jet"): what the
    holder is known for, not a deal reported here."""
    if t.dep_ != "relcl" or t.pos_ != "VERB" or t.tag_ == "VB":
        return False  # (an infinitive is news: "will be the first country to buy the jet")
    if any(w.ent_type_ in ("DATE", "TIME") for w in t.subtree):
        return False
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in ("first", "only"))
        for c in t.head.children
    )


def _purpose_of_purchase(t: Token) -> bool:
    """A requirement named as what a purchase is for ("backed the purchase of jets for its
    requirement for two carriers"): the purchase is the event."""
    if t.dep_ != "pobj" or t.head.lower_ != "for":
        return False
    owner = t.head.head
    return owner.pos_ == "NOUN" and owner.lemma_.lower() in _BUYING_NOUNS


_PARTY_NOUNS = word_set("nlp/validate", "party_nouns")


def _party_noun(w: Token) -> bool:
    """A noun naming a party (a state, a body, a firm, a person), not a measure or a text."""
    return (
        w.pos_ == "PROPN"
        or w.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
        or w.lemma_.lower() in _PARTY_NOUNS
        or _is_person(w)
    )


def _cited_headline(t: Token) -> bool:
    """A letter citing the article it answers: "(Navy chief quits after row over
    budget cuts, 12 March)" is a headline in brackets closed by its date, not news told."""
    sent = t.sent
    opened = next((w for w in reversed(_tokens_between(sent, sent.start, t.i))
                   if w.text in ("(", ")")), None)
    if opened is None or opened.text != "(":
        return False
    closed = next((w for w in _tokens_between(sent, t.i + 1, sent.end) if w.text == ")"), None)
    if closed is None or closed.i - 1 <= t.i:
        return False
    last = t.doc[closed.i - 1]
    return last.ent_type_ == "DATE" and any(
        w.text == "," for w in _tokens_between(sent, max(t.i, closed.i - 5), closed.i)
    )


def _tokens_between(sent: Span, start: int, end: int) -> list[Token]:
    return [sent.doc[k] for k in range(max(start, sent.start), min(end, sent.end))]


def _invasion_told(doc: Doc, m: EventMention) -> bool:
    """An attack on a whole country told with the invasion ("Russia attacked Ukraine in 2022
    because...", "launched the biggest attack on a European country when he ordered the
    invasion"): the war itself, not a strike; a barrage of missiles or drones stays."""
    targets = m.values("target")
    if any(v.label not in ("COUNTRY", "GPE", "METONYM") for v in targets) and not all(
        v.text.lower().split()[-1] in ("country", "nation") for v in targets
    ):
        return False
    lemmas = {w.lemma_.lower() for w in doc} | {w.lower_ for w in doc}
    return bool(lemmas & _INVASION_WORDS) and not lemmas & _PAYLOADS
_SANCTIONING_MEASURES = word_set("nlp/validate", "sanctioning_measures")


def _non_sanction_label(f: Frame) -> bool:
    """A party designated as something that is no sanction ("designated Russia an
    adversary"): the label is a second object or an "as" phrase with no sanction word."""
    t = f.trigger
    labels = [c for c in t.children if c.dep_ in ("oprd", "dobj")]
    if len(labels) < 2 and not f.pp("as"):
        return False
    label = labels[-1:] if len(labels) >= 2 else f.pp("as")
    words = {w.lower_ for x in label for w in x.subtree}
    return not words & _DESIGNATION_LABELS
_BLAST_MILITARY_WORDS = word_set("nlp/validate", "blast_military_words")
_ARMED_TARGET_WORDS = word_set("nlp/validate", "armed_target_words")
_AIR_CAMPAIGN_MODS = word_set("nlp/validate", "air_campaign_mods")
_PRODUCTION_WISH_WORDS = word_set("nlp/validate", "production_wish_words")
_PRODUCTION_EFFECT_VERBS = word_set("nlp/validate", "production_effect_verbs")
_FACILITY_WORDS = word_tuple("nlp/validate", "facility_words")


def validate(
    doc: Doc, f: Frame, m: EventMention, trig: Trigger, need: str, item_toks: list[Token]
) -> bool:
    t = f.trigger
    if _unrealized(t) or _command(f, trig) or _approval_sanction(f, m):
        return False
    if _cited_headline(t):
        return False
    if _sanction_reason(t):
        return False  # "sanctioned X for supplying drones": why X is punished, not a deal
    if m.type == "sanction" and t.tag_ in ("VBN", "VBG") and _under(t, {"despite", "amid"}):
        return False  # "despite the Kremlin being sanctioned": a circumstance, not a deed
    if m.type in ("sanction", "agreement") and _held_ready(t):
        return False
    if m.type == "sanction" and _long_past(doc, _clause_of_phrase(t) or t):
        return False  # "he was added to the list of UN sanctions in 1999": history
    if m.type == "sanction" and _sanctions_described(t):
        return False
    if m.type in ("sanction", "strike") and _conditional(t):
        return False  # "we are ready to impose sanctions if it invades": a threat
    if m.type in ("procurement", "production") and _ongoing_rate(t):
        return False
    if m.type == "production" and t.pos_ == "VERB" and _habitual(doc, t):
        return False  # "Anduril builds autonomous systems": what a maker does
    if m.type in ("procurement", "production", "aid") and _record_clause(t):
        return False
    if m.type == "procurement" and _purpose_of_purchase(t):
        return False
    if (
        m.type in ("aid", "procurement")
        and t.pos_ == "VERB"
        and t.dep_ == "relcl"
        and _under(t.head, {"unlike"})
    ):
        return False  # "unlike Ukraine, which received weapons from abroad": a comparison
    if (
        m.type == "aid"
        and t.tag_ == "VBN"
        and t.dep_ in ("acl", "amod")
        and not any(c.dep_ in ("aux", "auxpass", "agent") for c in t.children)
        and not (m.values("donor") or m.values("recipient"))
    ):
        return False  # "repairing weapons donated and damaged in combat": what goods are
    if (
        m.type == "aid"
        and not (m.values("donor") and m.values("recipient"))
        and _goods_of_sale(t)
    ):
        return False  # "a contract to supply rockets to a European country": a sale's goods
        # (a buyer paying for another's goods names both: "X signed a contract to deliver
        # shells to Ukraine" stays)
    if m.type in ("aid", "sanction", "production", "procurement") and _topic_of_talk(t):
        return False  # "discuss US sanctions against Russia", "an update on US assistance"
    if m.type == "production" and _origin_modifier(t):
        return False  # "a US made rifle", "HAL-built helicopters": where a thing comes from
    if m.type == "production" and any(
        a.lemma_.lower() in _PRODUCTION_WISH_WORDS for a in list(t.ancestors)[:6]
    ):
        return False  # "offered land for manufacturing UAVs", "interest in a production line"
    if (
        m.type == "production"
        and t.pos_ == "NOUN"
        and t.dep_ == "nsubj"
        and t.head.lemma_.lower() in _PRODUCTION_EFFECT_VERBS
    ):
        return False  # "parallel production in both countries will allow faster fielding"
    if m.type == "production" and _output_compared(f):
        return False  # "the industry is producing more shells than before the war": a trend
    if m.type == "production" and _worked_under_contract(f):
        return False  # "KAI is building 18 jets for Malaysia under a contract": the purchase
    if m.type == "production" and _made_in_country(f, m):
        return False  # "the jets will be made in India": a condition of a purchase, no maker
    if m.type == "production" and _ongoing_for_years(f):
        return False  # "has been making engines for 15 years": a firm's trade, not an event
    if (
        m.type == "production"
        and t.pos_ == "VERB"
        and f.obj
        and f.pp("into")
        and not any(is_military_item(w) for w in f.pp("into"))
    ):
        return False  # "built the holding into a conglomerate": grew a body, made no goods
    if (
        m.type == "production"
        and _non_military_product(item_toks)
        and PLAIN_GOODS_CUE not in m.cues
    ):
        return False  # "made rosy sales forecasts", "built the firm into a group"
    if m.type == "strike" and _weapon_modifier(t):
        return False  # "strike drones", "attack helicopters": kinds of weapon
    if m.type == "meeting" and t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN"):
        return False  # "the summit communique", "the conference hall": the meeting only names
    has = {r for r, v in m.args.items() if v}
    parties = has - {"item", "quantity", "value", "location"}
    if m.type == "production" and not _production_site_set_up(doc, f, m, need) and not (
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
    if (
        trig.lemma in ("buy", "acquire", "purchase", "acquisition", "sell", "sale")
        and m.type == "procurement"
        and any(_company_like(o) or _company_noun(o) for o in f.obj + f.pp("of"))
    ):
        return False  # buying or selling a company is a takeover, not a sale of goods
    if (
        m.type in ("production", "procurement")
        and t.dep_ == "compound"
        and trig.lemma in ("production", "manufacturing")
        and f.gov_lemma not in _FACTORY_GOVERNORS | _GROWTH_VERBS
    ):
        return False  # "a weapons manufacturing site" named, not built or expanded
    if m.type == "agreement" and trig.lemma == "join" and not _joins_as_member(f):
        return False  # "the alliance it is seeking to join", "joining colleagues for a meeting"
    if m.type in ("procurement", "aid") and _capability_provision(f, m, trig):
        return False  # "the new radar will provide the army with a sensor that can track"
    if m.type == "meeting" and any(
        w.lemma_.lower() in ("year", "month", "decade") for w in f.pp("for")
    ):
        return False  # "has held talks for years": no one event
    if need == "item" and trig.lemma in ("select", "choose") and not _chose_goods(f):
        return False
    if (
        need == "item"
        and trig.lemma == "get"
        and not any(is_armed_force(doc[_tok_index(doc, v)]) for v in m.values("buyer"))
        and not _state_gets_named_system(doc, m)
    ):
        return False  # "the Royal Marines to get six new ships": goods a service is to receive
    if need == "item" and trig.lemma in ("receive", "get") and _received_no_goods(f):
        return False  # "received a distress call", "receive the crew", "receive training"
    if (
        need == "item"
        and m.type == "aid"
        and trig.lemma == "pledge"
        and m.values("recipient")
        and (_military_support(f) or _state_sends_arms(f, m))
    ):
        return True  # "pledged continued financial and military support for Ukraine"
    if need == "item":
        if trig.lemma == "requirement" and (
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
    if need == "deal":
        return bool(parties) or bool(m.values("item"))
    if need == "vessel" and t.pos_ == "NOUN":
        # "laid the keel of the second frigate", "cut the first steel for the submarines"
        return f.gov_lemma in _HULL_START_VERBS and any(
            item_head(x).lemma_.lower() in _LAUNCHED_VESSELS or is_military_item(item_head(x))
            for x in f.pp("of", "for")
        )
    if need == "vessel":  # "the yard launched the third frigate", "the submarine was launched"
        return t.pos_ == "VERB" and any(
            item_head(o).lemma_.lower() in _LAUNCHED_VESSELS for o in f.obj
        )
    if need == "replace":  # "replace its ageing jets with 100 new jets"
        return bool(f.pp("with")) and bool(m.values("item")) and bool(m.values("buyer"))
    if need == "aid" and trig.lemma in ("funding", "drawdown"):
        # "$60 billion in funding for Ukraine", "a $200 million drawdown for Ukraine": money
        # for another state's war; "funding for the Navy" is the state's own spending
        mods = _mod_words(t) | {w.lower_ for w in doc[max(0, t.i - 3) : t.i]}
        givers = {v.text for v in m.values("donor")}
        states = [
            v
            for v in m.values("recipient")
            if v.label in ("GPE", "COUNTRY") and v.text not in givers
        ]
        military = (
            trig.lemma == "drawdown"
            or bool(mods & _AID_MODS)
            or _military_money(doc, m)
            or _money_to_support_a_state(doc, m)
        )
        return bool(states) and bool(m.values("value")) and military and not _civil_assistance(doc)
    if need == "aid":
        mods = _mod_words(t) | {w.lower_ for w in doc[max(0, t.i - 3) : t.i]}
        if mods & _NON_MILITARY_AID and not mods & {"military", "security", "defense", "defence"}:
            return False
        if _civil_assistance(doc):
            return False
        military = (
            bool(mods & _AID_MODS)
            or bool(m.values("item"))
            or trig.lemma in ("aid", "assistance")
            and (
                bool(m.values("value"))
                or f.gov_lemma in _AID_ENACTING_VERBS and _aid_to_a_side_at_war(doc, m)
            )
        )
        if trig.lemma == "package":
            strong = mods & _STRONG_PACKAGE_MODS
            if (
                strong
                and m.values("value")
                and m.values("item")
                and not (m.values("donor") or m.values("recipient"))
            ):
                m.cues.append("needs:parties")  # "the latest $700m weapons package included X"
                return True
            if not m.values("recipient") and not (
                (strong or m.values("value")) and m.values("donor")
            ):
                return False
            military = bool(mods & _AID_MODS) or bool(m.values("item"))
        return military and bool(m.values("donor") or m.values("recipient"))
    if need == "training":  # "has trained 20,000 Ukrainian soldiers": another state's forces
        trainers = {v.text for v in m.values("donor") if not v.pronoun}
        trainees = {v.text for v in m.values("recipient")}
        return bool(trainers and trainees) and not trainers & trainees
    if need == "transfer" and m.type == "procurement":  # "takes delivery of X"
        return bool(m.values("buyer")) and bool(m.values("item"))
    if need == "transfer" and _civil_money(f):
        return False
    if need == "transfer":
        as_aid = any(w.lemma_.lower() in ("aid", "assistance") for w in f.pp("as"))
        if (
            not item_toks
            and not (as_aid and m.values("value"))
            and not _military_money(doc, m)
            and not (
                m.values("recipient")
                and m.values("donor")
                and not any(_company_giver(doc, v) for v in m.values("donor"))
                and _military_support(f)
            )
            and not _state_sends_arms(f, m)
            and not _money_to_support_a_state(doc, m)
        ):
            return False
        if item_toks and not any(is_military_item(x) for x in item_toks):
            return False
        donors = [v for v in m.values("donor") if not v.pronoun]
        recips = m.values("recipient")
        sources = {w.i for w in f.pp("from")}
        if (
            t.pos_ == "NOUN"
            and not recips
            and donors
            and any(_tok_index(doc, v) in sources for v in donors)
        ):
            return False  # "delays in the supply of spares from Russia": a trade flow, no gift
        state_giver = any(v.label in ("GPE", "COUNTRY", "METONYM") for v in donors)
        if (
            not recips
            and item_toks
            and (m.values("quantity") or not _habitual_present(t))
            and any(v.label == "COMPANY" or _company_value(doc, v) for v in donors)
        ):
            return True  # "HAL delivered seven aircraft", "X will supply engines": a sale
        if t.lemma_.lower() in ("deliver", "delivery", "receive", "provide") and not (
            recips or state_giver
        ):
            return False
        if not recips:  # "the UK is sending 1,600 missiles": a government gives
            return any(v.label in ("GPE", "COUNTRY", "METONYM") for v in donors)
        return bool(donors or recips)
    if need == "gov":
        lemma = trig.lemma
        if lemma == "expansion":
            return any(
                w.lemma_.lower()
                in _FACILITY_WORDS
                for w in t.subtree
            ) or f.gov_lemma in ("show",)
        mods = _mod_words(t)
        prod_mod = bool(
            mods
            & _PRODUCTION_MODS
        )
        return (f.gov_lemma in _FACTORY_GOVERNORS and (prod_mod or bool(m.values("item")))) or (
            prod_mod and f.gov_lemma in _FACTORY_GOVERNORS | {"be"}
        )
    if need == "alliance" and _joins_hands(f):
        if {c.lemma_.lower() for c in f.clauses} & (PROD_VERBS - {"develop"}):
            return False  # "joined hands with X to manufacture drones": a production deal
        joined = {o.i for o in f.obj}
        m.args["party"] = [v for v in m.values("party") if _tok_index(doc, v) not in joined]
        words = {w.lower_ for w in doc}
        return len(m.values("party")) >= 2 and bool(
            words & SECURITY_WORDS or any(is_military_item(w) for w in doc if w.pos_ == "NOUN")
        )
    if need == "alliance" and trig.lemma in ("admit", "add"):
        # "NATO admitted Finland", "in 2004 NATO added the Baltic republics": states let in
        words = {w.lower_ for w in doc}
        members = [
            s for o in f.obj for s in (o, *o.conjuncts)
            if party_label(s) in ("GPE", "COUNTRY", "METONYM")
        ]
        listed = any(p.lemma_.lower() in ("list", "blacklist") for p in f.pp("to"))
        if not (words & _ALLIANCE_WORDS and members) or listed:
            return False  # "added Russia to its list": a listing, no member let in
        for member in members:
            m.add(RoleValue("party", member.text, member.idx, member.idx + len(member),
                            label=party_label(member)))
        return True
    if need == "alliance":
        words = {w.lower_ for w in doc}
        invited = t.dep_ == "xcomp" and t.head.lemma_.lower() in ("invite", "admit", "welcome")
        return (bool(words & _ALLIANCE_WORDS) or invited) and bool(parties)
    if need == "sanction":
        if t.pos_ == "NOUN":
            if t.dep_ == "pobj" and t.head.lower_ in _SANCTION_BACKGROUND:
                return False
            if f.gov_lemma in _SANCTION_NOT_IMPOSED_GOVERNORS:
                return False
            ok_gov = f.gov_lemma in _SANCTION_GOVERNORS or any(
                c.lower_ in ("new", "fresh", "further", "additional") for c in t.children
            )
            if m.values("imposer") and m.values("target"):
                ok_gov = True  # "western sanctions on Russian banks": who hits whom
            return ok_gov and bool(parties)
        return bool(m.values("target"))
    if need == "designate" and _non_sanction_label(f):
        return False
    if need == "designate":
        words = {w.lower_ for w in doc}
        official = any(
            v.label in ("ORG", "COUNTRY", "GPE", "METONYM")
            or _SANCTIONING_OFFICE_WORDS
            & set(v.text.lower().replace(".", " ").split())
            for v in m.values("imposer")
        )
        return bool(m.values("target")) and (
            bool(words & _DESIGNATION_WORDS)
            or official
        )
    if need == "ban" and t.pos_ == "NOUN" and f.gov_lemma in _SANCTION_GOVERNORS:
        # "imposed export bans on 22 Russian entities": a ban of a kind, on a party
        kinds = {c.lemma_.lower() for c in t.children if c.dep_ in ("compound", "amod")}
        return bool(kinds & _BAN_OBJECTS) and bool(m.values("imposer") and m.values("target"))
    if need == "ban" and t.pos_ == "VERB" and f.pp("from") and not f.passive:
        # "the US has barred Chinese drone maker DJI from its market": a state bars a firm
        states = [v for v in m.values("imposer") if v.label in ("COUNTRY", "GPE", "METONYM")]
        firms = [v for v in m.values("target") if v.label in ("COMPANY", "ORG")]
        if states and firms:
            return True
    if need == "ban":
        objs = {w.lemma_.lower() for x in f.obj for w in x.subtree}
        return bool(objs & _BAN_OBJECTS) and bool(m.values("imposer"))
    if m.type == "meeting":
        _drop_junk_participants(m)
        if not meeting_is_event(doc, f, m, trig):
            return False
        if not m.values("location") and _only_own_name(t, m.values("participant")):
            return False  # "at the investors' meeting", "ahead of the Lisbon summit": no side
    if m.type == "meeting" and not any(
        v.label not in (None, "NOUN") or _national(doc, v) or _pair_told(doc, v)
        for v in m.values("participant")
    ):
        return False
    if need == "meet" and trig.lemma == "talk" and t.pos_ == "VERB":
        need = "speakwith"  # "talked with his counterpart", as "spoke with"
    if need == "meet":
        parts = [v for v in m.values("participant") if not v.pronoun]
        if trig.lemma in ("meet",) and t.pos_ == "VERB":
            if f.obj and not any(party_label(o) for o in f.obj):
                return False
            if any(o.lemma_.lower() in _MET_THINGS for o in f.obj):
                return False  # "meet the standards", "meet Ukraine's needs"
            if _thing_that_meets(t):
                return False  # "the only seat that meets the Navy's criteria"
            meeting_sides = f.subj + ([t.head] if t.dep_ == "acl" else [])  # "EU leaders meeting"
            collective = any(
                s.tag_ == "NNS" or len(s.conjuncts) > 0 or s.lemma_.lower() in _COLLECTIVES
                for s in meeting_sides
            )
            return bool(parts) and (
                len(m.values("participant")) >= 2
                or bool(f.obj)
                or bool(f.pp("with"))
                or collective  # "the defence ministers of the group will meet in Brussels"
            )
        if trig.lemma == "discuss":
            # "as I discussed with my fellow G7 leaders": the speaker is a side
            speaker = any(
                v.pronoun and v.text.lower() in ("i", "we") for v in m.values("participant")
            )
            count = len(parts) + (1 if speaker and f.pp("with") else 0)
            count += sum(1 for v in parts if _pair_told(doc, v))  # "the two leaders discussed"
            return count >= 2 and (bool(f.pp("with")) or len(f.subj) >= 2)
        if trig.lemma == "gather":  # "NATO leaders gathered in Vilnius", not "gathered data"
            sides = len(parts) >= 2 or any(s.tag_ == "NNS" or s.conjuncts for s in f.subj)
            return not f.obj and not f.passive and bool(f.subj) and sides
        if trig.lemma == "convene":  # "convened the defence ministers", "convened a summit"
            return any(w.lemma_.lower() in MEETING_NOUNS for w in f.obj) or len(parts) >= 2 or (
                bool(parts) and bool(f.pp("with")))  # "we convened today with President X"
        if trig.lemma in ("host", "welcome"):
            # "hosted the summit", "welcomed Prime Minister X to the White House"
            return any(w.lemma_.lower() in MEETING_NOUNS for w in f.obj) or (
                any(
                    _is_person(o) or o.lemma_.lower() in _LEADERS | VISITOR_NOUNS
                    for o in f.obj
                )
                and bool(parts)
            )
        return bool(parts) or bool(m.values("location"))
    if need == "speakwith":  # "spoke today with President X", not "spoke to reporters"
        if any(c.dep_ == "prt" for c in t.children):
            return False  # "spoke out against the war", "spoke up for": a stance, no talk
        people = [
            w for w in f.pp("with") if entity_of(w) is not None or w.lemma_.lower() in _LEADERS
        ] + [w for w in f.pp("to") if _is_person(w) or w.lemma_.lower() in _LEADERS]
        # "Biden and Zelensky spoke by phone": the two speakers are the sides
        pair = [s for s in f.subj for s in (s, *s.conjuncts) if _is_person(s)]
        if len(pair) >= 2 and not f.pp("to", "of") and t.dep_ in ("ROOT", "ccomp", "conj"):
            return True
        return bool(people) and any(not v.pronoun for v in m.values("participant"))
    if need == "told":
        return _leader_told(f)
    if need == "visit":
        dests = {(v.start, v.end) for v in m.values("location")}
        parts = [v for v in m.values("participant") if not v.pronoun]
        visitor = f.subj + f.poss + [c for c in t.children if c.dep_ in ("nsubj", "poss")]
        if not [v for v in parts if (v.start, v.end) not in dests] and not any(
            (w.pos_ in ("PROPN", "NOUN") and w.lemma_.lower() not in ITEM_HEADS)
            or (w.pos_ == "PRON" and w.lower_ not in ("it", "this", "that", "which", "what"))
            for w in visitor
        ):
            return False  # "trucks travelling to X": no one who visits
        if t.pos_ == "VERB" and trig.lemma == "visit" and not m.values("location") and not parts:
            return False
        if trig.lemma == "arrive" and not any(
            (_leader_named(s) or _is_person(s) or s.lemma_.lower() in VISITOR_NOUNS)
            # "Corvette INS Kavaratti arrived": a ship named like a person makes a port call
            and not _vessel_named(s)
            for s in f.subj
        ):
            return False  # "the first jets arrived in Poland", "troops arrived": no visitor
        if len(m.values("location")) >= 3:
            return False  # "a tour of Japan, Fiji and Australia": one meeting in each, told apart
        return bool(parts) and (bool(m.values("location")) or len(parts) >= 2)
    if need == "call":
        parts = m.values("participant")
        return (
            bool(f.pp("with"))
            or any(c.lower_ in ("phone", "telephone", "video", "their") for c in t.children)
            or len(parts) >= 2
        )
    if need == "conference":
        mods = _mod_words(t)
        if mods & _NON_SECURITY_CONFERENCE_MODS:
            return False
        return (
            bool(mods & SECURITY_WORDS)
            or bool(m.values("location"))
            or any(c.pos_ == "PROPN" for c in t.children)
        )
    if need == "spend" and any(
        c.lemma_.lower() in _PURCHASE_VERBS
        for c in t.children
        if c.dep_ in ("xcomp", "advcl", "acl")
    ):
        return False  # "allocated DKK 1.3 billion to buy howitzers": the purchase is the event
    if need == "spend" and any(
        w.lemma_.lower() in ("aid", "assistance") and w.dep_ == "pobj" and w.head.lower_ == "of"
        for o in f.obj
        for w in o.subtree
    ):
        return False  # "allocate $713m of military aid to Ukraine": the aid is the event
    if need == "spend":
        # "defence spending", "spending on defence", "allocated X to the Ministry of Defence"
        mods = _mod_words(t) | {
            w.lower_ for p in f.pp("on", "to", "for") + f.obj + f.clauses for w in p.subtree
        }
        if t.pos_ == "NOUN":  # "the budget ... foresees UAH 2.2 trillion for defense"
            mods |= {w.lower_ for w in t.subtree if w.dep_ == "pobj"}
        defense = (
            bool(mods & _DEFENSE_SPENDING_WORDS)
            or any(is_military_item(w) for p in f.pp("for") for w in p.subtree)
            # "Rs 20 crore for a drone testing facility"
            # "the army will have a budget of EUR 5 billion": the forces' own money
            or t.pos_ == "NOUN" and any(_military_spender(doc, v) for v in m.values("spender"))
            or DEFENSE_HOLDER_CUE in m.cues  # "the European Defence Fund, with a budget of X"
        )
        if (
            defense
            and t.pos_ == "NOUN"
            and not m.values("value")
            and f.gov_lemma in _BUDGET_DECISION_VERBS
            and not f.passive
        ):
            return bool(m.values("spender"))  # "the cabinet approved the defence budget"
        return defense and bool(m.values("spender")) and bool(m.values("value"))
    if need == "list":  # "adding 93 entities to the Entity List"
        # "adding 71 parties located in Russia to the Entity List": the phrase may hang low
        hung = [w for o in f.obj for w in o.subtree if w.dep_ == "pobj" and w.head.lower_ == "to"]
        lists = [
            w
            for w in f.pp("to") + hung
            if w.lemma_.lower() in ("list", "blacklist") and not _wanted_list(w)
        ]
        goods = [o for o in f.obj if o.lemma_.lower() in _LISTED_GOODS or is_military_item(o)]
        if goods and len(goods) == len(f.obj):
            return False  # "adding more items to the negative list": an import list of goods
        return bool(lists) and bool(m.values("target"))
    if need == "export":  # "imposing export controls on ...", "a price cap on Russian oil"
        kind_words = ("price",) if trig.lemma == "cap" else ("export", "exports")
        if trig.lemma == "cap" and not any(
            v.label not in (None, "NOUN") for v in m.values("imposer")
        ):
            return False  # "countries that impose a price cap": no one named imposes it
        return any(c.lower_ in kind_words for c in t.children) and bool(
            m.values("imposer") or m.values("target")
        )
    if need == "signed":  # "signed a ten-year framework for their defence partnership"
        words = {w.lower_ for w in doc}
        # "agreed to explore defence cooperation": the sides agree on it
        agreed_to = (
            f.pred is not None and f.pred.dep_ == "xcomp" and f.pred.head.lemma_.lower() == "agree"
        )
        return (
            (f.gov_lemma in _SIGN_GOVERNORS or agreed_to)
            and bool(parties)
            and bool((words | _mod_words(t)) & SECURITY_WORDS)
        )
    if (
        t.dep_ == "pcomp"
        and t.head.lower_ == "for"
        and t.head.head.lemma_.lower() in _REASON_GOVERNORS
    ):
        return False  # the reason for a sanction or a thank-you, not an event of its own
    if (
        m.type in ("aid", "procurement", "production", "sanction")
        and t.pos_ == "NOUN"
        and _under(t, {"amid", "despite", "unlike", "without"})
    ):
        return False  # "amid uncertainty surrounding military aid"
    if (
        m.type == "strike"
        and t.pos_ == "NOUN"
        and (
            (t.dep_ in ("pobj", "conj") and _pobj_head(_listed_under(t)).lower_ in BACKGROUND_PREPS)
            or (
                t.dep_ == "pobj"
                and t.head.lower_ == "of"
                and t.head.head.lemma_.lower()
                in _BACKGROUND_ATTACK_HEADS
            )
        )
    ):
        return False  # "defend against Russian attacks", "the aftermath of attacks"
    if m.type == "strike" and t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "as":
        return False  # "presented the incidents as attacks on its forces": a label put on events
    if m.type == "strike" and t.head.lemma_.lower() in _ATTACK_RESISTING_VERBS:
        return False  # "repelled 38 attacks", "would continue targeting ships": fighting
    if m.type == "strike" and not strike_is_event(doc, f, m):
        return False
    if trig.lemma == "shell" and not any(
        v.label is None and _military_target(v.text) for v in m.values("target")
    ):
        return False  # shelling villages is fighting; shelling a depot is a strike
    if need == "target" and trig.lemma == "sink":
        # "naval drones sank a landing ship": a warship sunk by a named side
        return bool(m.values("attacker")) and any(
            _military_target(v.text) or v.text.lower().split()[-1] in ("ship", "vessel", "boat")
            for v in m.values("target")
        )
    if need == "target" and trig.lemma == "destroy":
        # "Russia destroyed an oil refinery and fuel depots": a strike on a military target
        # by a named side; "destroyed 30 drones" is air defence, "homes were destroyed" no one's
        return any(v.label not in (None, "NOUN") for v in m.values("attacker")) and any(
            _military_target(v.text) for v in m.values("target")
        )
    if need == "target":
        if trig.lemma in ("hit", "target", "pound") and t.pos_ == "VERB":
            places = [
                v
                for v in m.values("target")
                if v.label in ("GPE", "LOC", "FAC", "COUNTRY", "METONYM", None)
            ]
            return bool(places) and bool(m.values("attacker"))
        return bool(m.values("attacker") or m.values("target") or m.values("location"))
    if need == "campaign":  # "an air campaign against Iran's military sites"
        return bool(_mod_words(t) & _AIR_CAMPAIGN_MODS) and bool(
            m.values("attacker") and m.values("target")
        )
    if need == "launch":
        objs = {w.lemma_.lower() for x in f.obj for w in [x] + list(x.lefts)}
        return bool(objs & _LAUNCH_OBJECTS) and bool(m.values("attacker"))
    if need == "blast":
        return bool(m.values("target")) and (
            bool(m.values("attacker"))
            or bool(
                {w.lemma_.lower() for w in doc}
                & _BLAST_MILITARY_WORDS
            )
        )
    return bool(has)


# --- strikes ---------------------------------------------------------------------------------

_STRIKE_NOUN_GOVERNORS = word_set("nlp/validate", "strike_noun_governors")
_STRIKE_STATE_VERBS = word_set("nlp/validate", "strike_state_verbs")
_STRIKE_EFFECT_VERBS = word_set("nlp/validate", "strike_effect_verbs")
_STRIKE_NOUN_MODS = word_set("nlp/validate", "strike_noun_mods")
_CAPABILITY_WORDS = word_set("nlp/validate", "capability_words")
_SPECIFIC_ATTACK_MODS = word_set("nlp/validate", "specific_attack_mods")
_PAYLOADS = word_set("nlp/validate", "payloads")
_SERIES_WORDS = word_set("nlp/validate", "series_words")
_CAMPAIGN_NOUNS = word_set("nlp/validate", "campaign_nouns")
_CIVILIAN_TARGETS = word_set("nlp/validate", "civilian_targets")
_IRREGULAR_ATTACKERS = word_set("nlp/validate", "irregular_attackers")
_WEAPON_TEST_WORDS = word_set("nlp/validate", "weapon_test_words")
_RAID_MILITARY_MODS = word_set("nlp/validate", "raid_military_mods")
_POLITICAL_SPEAKERS = word_set("nlp/validate", "political_speakers")


def _irregular_attack(doc: Doc, m: EventMention) -> bool:
    """Every attacker is an armed group's members named by a common noun ("terrorists",
    "gunmen", "rioters"): the spec leaves such attacks optional or out. A named group
    ("Hezbollah", "Houthi rebels") is a party and stays."""

    def common(v: RoleValue) -> bool:
        span = doc.char_span(v.start, v.end, alignment_mode="expand")
        return (
            span is not None
            and v.label in (None, "NOUN")
            and span[-1].lower_ in _IRREGULAR_ATTACKERS
            and not any(
                w.pos_ == "PROPN" or w.ent_type_ or (w.text[:1].isupper() and not w.is_sent_start)
                for w in span
            )
        )

    attackers = m.values("attacker")
    return bool(attackers) and all(common(v) for v in attackers)


_BARE_TARGETS = ("target", "targets", "a target")


def _weapon_test(doc: Doc, m: EventMention) -> bool:
    """A firing told as a test ("test-fired a missile into the Pacific", "described the launch
    as a test") that hit nothing named, or that hit only "a target" somewhere unnamed ("fired
    a warhead that hit a target 8 km away")."""
    targets = m.values("target")
    hit = [v for v in targets if v.text.lower() not in _BARE_TARGETS]
    if targets and all(v.text.lower() in ("target", "a target") for v in targets) and not (
        m.values("location")
    ):
        return True  # (unnamed "targets" struck somewhere stay: "US jets struck targets")
    return not hit and any(w.lemma_.lower() in _WEAPON_TEST_WORDS for w in doc)


def _police_raid(f: Frame, m: EventMention) -> bool:
    """A raid with no air or drone modifier and no military target: a search of premises."""
    t = f.trigger
    if t.lemma_.lower() != "raid":
        return False
    mods = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound", "nmod")}
    return not mods & _RAID_MILITARY_MODS and not any(
        _military_target(v.text) for v in m.values("target")
    )


def _capability_governed(t: Token) -> bool:
    """The verb that carries an attack noun out is an ability ("its capacity to execute
    strikes", "able to conduct raids"), not a deed told."""
    cur = t
    for _ in range(6):
        if cur.lower_ in _CAPABILITY_WORDS or cur.lemma_.lower() in _CAPABILITY_WORDS:
            return True
        if cur.head.i == cur.i or cur.tag_ in ("VBD", "VBZ", "VBP"):
            return False
        cur = cur.head
    return False


def _anchored(doc: Doc, t: Token) -> bool:
    """An attack noun with its own date or count ("Sunday's attack", "a barrage of 200
    missiles on October 1")."""
    ids = {w.i for w in t.subtree} | {w.i for w in t.head.subtree if w.dep_ == "prep"}
    lo, hi = min(ids), max(ids)
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    for d in doc._.dates or []:
        if start <= d.start < end:
            return True
    for n in doc._.numbers or []:
        if n.kind == "quantity" and start <= n.start < end and 0 <= n.token_start < len(doc):
            # a count of the attack's own weapons, not of its victims ("that left 18 dead")
            cur = doc[n.token_start]
            for _ in range(6):
                if cur.i == t.i or cur.dep_ in ("relcl", "acl", "advcl") or cur.head.i == cur.i:
                    break
                cur = cur.head
            if cur.i == t.i:
                return True
    return False


def _civilian_only(f: Frame, m: EventMention) -> bool:
    """Every target (as extracted, or as the object / "on" phrase) is a civilian one; not
    said of a missile or drone campaign ("missile attacks against cities across Ukraine")."""
    t = f.trigger
    if t.tag_ == "NNS" and any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in _PAYLOADS for c in t.children
    ):
        return False
    passive = any(c.dep_ == "auxpass" for c in t.children)
    raw = f.pp("on", "against", "at") + (f.obj if t.pos_ == "VERB" else [])
    if passive:  # "civilians were bombed": the subject is what was hit
        raw += [c for c in t.children if c.dep_ == "nsubjpass"]
    raw = [w for w in raw if entity_of(w) is None]
    if raw and all(_civilian_word(w) for w in raw):
        return True  # "attacked a residential district of X"
    texts = [v.text for v in m.values("target") if v.label not in (None, "NOUN")]
    if texts:
        return False  # a named place or party: a city, a country, a company
    heads = [v.text.lower().replace("-", " ").split() for v in m.values("target")]
    if not heads and not raw:
        return False
    return all(set(h) & _CIVILIAN_TARGETS for h in heads if h) and all(
        _civilian_word(w) for w in raw
    )


def _anonymous_non_military(m: EventMention) -> bool:
    """No attacker, no place, and only common-noun targets with no military word nor name
    ("the cities that have been bombed", "the missile hit the left engine"): no strike one
    could report."""
    targets = m.values("target")
    return (
        not m.values("attacker")
        and not m.values("location")  # "strike cities across Ukraine": a campaign somewhere
        and bool(targets)
        and all(v.label in (None, "NOUN") for v in targets)
        and not any(w[:1].isupper() for v in targets for w in v.text.split())  # "Houthi targets"
        and not any(
            set(v.text.lower().replace("-", " ").split())
            & (_MILITARY_TARGETS | _BLAST_MILITARY_WORDS | _ARMED_TARGET_WORDS)
            for v in targets
        )
    )


def _civilian_word(w: Token) -> bool:
    """A civilian thing, by its head or a modifier ("homes", "residential areas", "food
    infrastructure")."""
    return w.lower_ in _CIVILIAN_TARGETS or any(
        c.dep_ in ("amod", "compound") and c.lower_ in _CIVILIAN_TARGETS for c in w.children
    )


_PLAN_GOVERNORS = word_set("nlp/validate", "plan_governors")


def trig_status_planned(t: Token) -> bool:
    """An attack verb under a verb or noun of planning ("plans to attack", "is poised to
    strike", "the decision to invade and target the capital")."""
    cur = t
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "acl", "conj", "advcl") or cur.head.i == cur.i:
            return False
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if cur.dep_ != "conj" and not to:
            return False
        head = cur.head
        if head.lemma_.lower() in _PLAN_GOVERNORS or head.lower_ in _PLAN_GOVERNORS:
            return True
        cur = head
    return False


_POLITICAL_TARGETS = word_set("nlp/validate", "political_targets")


def _political_attack(f: Frame) -> bool:
    """An attack in words: a person attacks a person, an office or a policy; a politician or
    critic attacks anything but a military target; or the attack judges its object ("attacked
    the plan as wasteful")."""
    if f.trigger.pos_ != "VERB" or f.passive or not f.obj:
        return False
    if any(_judged_as(p) for p in f.trigger.children if p.dep_ == "prep" and p.lower_ == "as"):
        return True
    if any(s.lemma_.lower() in _POLITICAL_SPEAKERS for s in f.subj) and not any(
        _military_target(" ".join(w.text for w in o.subtree)) for o in f.obj
    ):
        return True
    speaker = any(
        _is_person(s) or s.lemma_.lower() in _LEADERS | _POLITICAL_SPEAKERS for s in f.subj
    )
    return speaker and all(
        _is_person(o) or o.lemma_.lower() in _POLITICAL_TARGETS | _LEADERS for o in f.obj
    )


def _judged_as(prep: Token) -> bool:
    """ "as wasteful", "as \"gold-plated\"": a judgement (an adjective), no noun phrase
    ("as part of the campaign")."""
    kids = [c for c in prep.children if c.dep_ != "punct"]
    return bool(kids) and all(c.dep_ in ("amod", "acomp") for c in kids)


def strike_is_event(doc: Doc, f: Frame, m: EventMention) -> bool:
    """A strike is an attack shown happening: an attack verb with a finite clause, or an attack
    noun that is the subject of what it did, the object of a verb of carrying it out, or
    anchored by its own date or count. Not: abilities and purposes of weapons ("missiles to
    strike bases", "an arsenal for attacking"), defence against attacks, comments on attacks
    ("condemned the attack"), ground fighting, attacks on civilians only."""
    t = f.trigger
    if _civilian_only(f, m) or _anonymous_non_military(m):
        return False
    if m.status == "planned":
        return False  # "we believe they will target the capital": a forecast, not a strike
    if 0 < t.i < len(doc) - 1 and doc[t.i - 1].is_quote and doc[t.i + 1].is_quote:
        return False  # the “attack” on the headquarters: a word put in quotes, not a strike
    if _irregular_attack(doc, m) or _weapon_test(doc, m) or _police_raid(f, m):
        return False
    if _invasion_told(doc, m):
        return False
    if trig_status_planned(t) or (
        t.pos_ == "NOUN" and t.dep_ == "dobj" and trig_status_planned(t.head)
    ):
        return False  # "plans to attack", "poised to strike", "prepares to intensify its attack"
    if _long_past(doc, t):
        return False  # "the atomic attack on the city in August 1945": history, not news
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _STRIKE_NOUN_MODS for c in t.children):
        return False
    if t.pos_ in ("NOUN", "PROPN"):
        if not m.values("target") and any(
            c.dep_ == "poss" and _is_person(c) for c in t.children
        ):
            return False  # "the minister's hostile attack": a person's words, no target hit
        if any(c.dep_ == "amod" and c.lower_ in _SPECIFIC_ATTACK_MODS for c in t.children):
            return True  # "a fresh overnight barrage", "the largest attack"
        if any(_military_target(v.text) for v in m.values("target")) and (
            t.tag_ == "NN"
            or (m.values("attacker") and _pobj_head(t).lower_ not in ("about", "against", "from"))
        ):
            return True  # "an attack on an air base", "American strikes on its nuclear sites"
        if any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(w.lemma_.lower() in _PAYLOADS for w in pobjs(c))
            for c in t.children
        ):
            return True  # "a barrage of missiles and drones"
        while (
            t.dep_ == "pobj"
            and t.head.lower_ == "of"
            and t.head.head.lemma_.lower() in _SERIES_WORDS
        ):
            t = t.head.head  # "one of its most severe attacks", "a series of explosions"
        if (doc._.context or {}).get("heading") and t.dep_ == "ROOT":
            return True
        if (
            t.dep_ == "nsubj"
            and t.head.lemma_.lower() in ("kill", "wound", "injure", "claim")
            and not m.values("target")
        ):
            return False  # "attacks killed six in the region": front-line casualties
        if t.dep_ in ("nsubj", "nsubjpass"):
            verb = t.head
            modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
            if verb.lemma_.lower() not in _STRIKE_STATE_VERBS and not modal:
                return True
        if t.dep_ == "dobj" and t.head.lemma_.lower() in _STRIKE_NOUN_GOVERNORS:
            return not _capability_governed(t.head)
        if (
            t.dep_ == "pobj"
            and t.head.lower_ in ("in", "by")
            and t.head.head.lemma_.lower() in _STRIKE_EFFECT_VERBS
        ):
            return True
        return _anchored(doc, t)
    # a verb
    if _political_attack(f):
        return False  # "the opposition leader attacked the prime minister over the budget"
    verb = t.head if t.dep_ == "conj" and t.head.tag_ == "VBG" else t  # "are shelling and hitting"
    if (
        t.tag_ == "VBG"
        and any(
            c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re", "been")
            for c in verb.children
        )
        and not _dated_clause(doc, verb)
        and not (doc._.context or {}).get("heading")
    ):
        return False  # "Putin is attacking Ukraine", "has been targeting ports": the war described
    if (
        t.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in t.children)
        and not _dated_clause(doc, t)
    ):
        return False  # "they are being attacked from Russian territory": the war described
    if any(c.dep_ == "auxpass" for c in t.children) and any(
        c.dep_ == "nsubjpass" and (c.ent_type_ == "PERSON" or _is_person(c)) for c in t.children
    ):
        return False  # "X was attacked in the city centre": an assault on a person
    if _purpose_infinitive(t):
        return False  # "a missile to target ships", "radars that Russia uses to target guns"
    if _habitual(doc, t):
        return False  # "invaders shell and bomb cities", "the drones it launches": a practice
    if t.tag_ in ("VBG", "VB", "VBN") and t.dep_ in (
        "pcomp",
        "acl",
        "xcomp",
        "amod",
        "advcl",
        "conj",
    ):
        head = t.head
        cur = t
        for _ in range(8):  # "in charge of ... carrying out strikes", "able to strike"
            if cur.lower_ in _CAPABILITY_WORDS or cur.lemma_.lower() in _CAPABILITY_WORDS:
                return False
            if cur.head.i == cur.i or (cur.i != t.i and cur.tag_ in ("VBD", "VBZ", "VBP")):
                break
            cur = cur.head
        if t.dep_ == "pcomp":
            return False  # "an arsenal for attacking X", "a chance of hitting"
        if (
            t.dep_ == "acl"
            and head.pos_ in ("NOUN", "PROPN")
            and head.lemma_.lower() not in _CAMPAIGN_NOUNS
        ):
            return False  # "missiles to strike bases"
        if t.dep_ == "xcomp" and head.pos_ == "ADJ":
            return False  # "able to strike"
        if (
            t.tag_ == "VBG"
            and not any(c.dep_ == "aux" for c in t.children)
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
        ):
            return False  # "will launch a counteroffensive, attacking X": a plan of fighting
    return True


_ASPECT_VERBS = word_set("nlp/validate", "aspect_verbs")
_MEANS_VERBS = word_set("nlp/validate", "means_verbs")


def _purpose_infinitive(t: Token) -> bool:
    """An attack verb as the purpose of a thing or deed ("solutions to target ships", "sent
    missiles to strike air bases", "uses them to target artillery"), not an attack told; an
    aspect verb ("continued to strike Kharkiv") or a past use of weapons ("used drones to
    strike the port") keeps it."""
    if t.tag_ == "VB" and t.dep_ == "conj" and t.head.tag_ == "VB":
        t = t.head  # "to expand its reach and (to) hit targets": the first infinitive's place
    if t.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False
    head = t.head
    if head.lemma_.lower() in _MEANS_VERBS and head.tag_ in ("VBD", "VBN"):
        return False  # "the barrage used drones to strike cities": the strike told
    if t.dep_ in ("relcl", "acl", "advcl"):
        return True
    return t.dep_ == "xcomp" and head.lemma_.lower() not in _ASPECT_VERBS


def _dated_clause(doc: Doc, t: Token) -> bool:
    """A date stated inside the attack verb's own clause ("is striking the port this morning");
    a date of the reporting clause around it ("..., the minister told reporters last week") does
    not date the attack."""
    lo, hi = t.left_edge.idx, t.right_edge.idx + len(t.right_edge)
    return any(d.from_text and lo <= d.start < hi for d in doc._.dates or [])


def _long_past(doc: Doc, t: Token) -> bool:
    """The attack is dated by a year a decade or more before the story's publication ("the
    bombing of August 1945"): history told as background. Attacks of recent years stay: stories
    often retell the war's opening strikes."""
    published = str(doc._.published or "")[:4]
    if not published.isdigit():
        return False
    own = {w.i for w in t.subtree}
    if t.pos_ in ("NOUN", "PROPN"):
        own |= {w.i for c in t.head.children if c.dep_ == "prep" for w in c.subtree}
    for n in doc._.numbers or []:
        if n.kind != "year" or not 0 <= n.token_start < len(doc) or n.token_start not in own:
            continue
        first = doc[n.token_start]
        if any(a.lower_ in ("since", "than", "until", "till") for a in first.ancestors):
            continue  # "the largest attack since 2014": compared with the past, not in it
        if n.value <= int(published) - 10:
            return True
    return False


def _habitual(doc: Doc, t: Token) -> bool:
    """An attack or production verb in the simple present of a body sentence tells what a
    side does, not an event that happened ("invaders shell and bomb cities", "the drones it
    launches", "the company builds drones"); titles
    tell events in the present ("Israeli jets strike military sites")."""
    if (doc._.context or {}).get("heading"):
        return False
    cur = t
    while cur.dep_ == "conj" and cur.head.i != cur.i and cur.head.pos_ == "VERB":
        cur = cur.head  # "shell and bomb": the tense is the first verb's
    if cur.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in cur.children):
        return False
    # a timeline told in the present ("In October, Russia turns to the grid, which it targets")
    return not any(d.from_text and d.precision != "year" for d in doc._.dates or [])


# --- meetings --------------------------------------------------------------------------------

_OFF_TOPIC = word_set("nlp/validate", "off_topic")
_GATHERING_AND_GROUP_HEADS = word_set("nlp/validate", "gathering_and_group_heads")


# heads of role values that name an event, a place of gathering or a generic group, not a side
_NOT_PARTICIPANTS = MEETING_NOUNS | _GATHERING_AND_GROUP_HEADS
_APPEAL_GOVERNORS = word_set("nlp/validate", "appeal_governors")


def _drop_junk_participants(m: EventMention) -> None:
    vals = m.args.get("participant")
    if not vals:
        return
    keep = []
    for v in vals:
        words = [w for w in v.text.lower().replace("’s", " ").replace("'s", " ").split() if w]
        while words and any(ch.isdigit() for ch in words[-1]):
            words.pop()  # "DefExpo 2022"
        head = words[-1] if words else ""
        if head in _NOT_PARTICIPANTS or head.endswith(("expo", "summit")):
            continue
        keep.append(v)
    if keep:  # a meeting named as its only side stays (roles are scored apart)
        m.args["participant"] = keep


_LEARNING_PURPOSES = word_set("nlp/validate", "learning_purposes")
_LEARNING_VERBS = word_set("nlp/validate", "learning_verbs")


def _as_needed(t: Token) -> bool:
    """ "whenever they can", "when needed", "if necessary": a clause that makes a habit."""
    for c in t.children:
        if c.dep_ != "advcl":
            continue
        marks = {w.lower_ for w in c.children if w.dep_ in ("mark", "advmod")}
        subj = any(w.dep_ in ("nsubj", "nsubjpass") for w in c.children)
        if "whenever" in marks or (marks & {"when", "if"} and not subj and c.lemma_.lower() in (
                "need", "require", "necessary", "possible")):
            return True
    return False


def _went_to_learn(t: Token) -> bool:
    """A journey whose purpose is learning: "to begin a training course", "for training"."""
    for c in t.children:
        if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _LEARNING_VERBS:
            objs = [o for o in c.children if o.dep_ == "dobj"]
            if any(o.lemma_.lower() in _LEARNING_PURPOSES for o in objs):
                return True
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                o.lemma_.lower() in _LEARNING_PURPOSES for o in pobjs(c)):
            return True
    return False


def meeting_is_event(doc: Doc, f: Frame, m: EventMention, trig: Trigger) -> bool:
    """A meeting between officials on defense or security: not one about tourism, economy or
    commemoration (with no security word in the sentence), not an appeal ("answered the
    call", "calls on states to"), not a habit ("has met him on several occasions"), not the
    idea of a visit ("the impact of visiting Kyiv")."""
    t = f.trigger
    words = {w.lower_ for w in doc}
    if words & _OFF_TOPIC and not words & (SECURITY_WORDS | _SECURITY_EXTRA):
        return False
    aged = any(w.lower_ == "old" and w.i > 0 and doc[w.i - 1].lower_ == "years" for w in doc)
    if words & _PERSONAL_LIFE_WORDS or aged:
        return False  # "my first visit to India as a teenager": a life story, not diplomacy
    if t.pos_ == "VERB" and _as_needed(t):
        return False  # "he spoke to the president when needed": a habit, not one talk
    if trig.lemma in ("travel", "visit") and t.pos_ == "VERB" and _went_to_learn(t):
        return False  # "travelled to India to begin a training course": a trainee, no talks
    if trig.lemma == "talk" and t.dep_ == "dobj" and t.head.lemma_.lower() in _LECTURE_VERBS:
        return False  # "gave a talk at the defence college": a lecture
    named = [w for c in t.children if c.dep_ == "compound" for w in c.subtree]
    if any(w.lower_ in _INTERNAL_MEETINGS for w in named):
        return False  # "a cabinet meeting", "the Army Commanders Conference": one side's own
    parts = m.values("participant")
    if parts and all(_standing_body(v.text) for v in parts):
        return False  # "the Steering Committee will meet again": a body's own session
    if trig.lemma == "call" and t.pos_ != "VERB" and (
        f.gov_lemma in _APPEAL_GOVERNORS
        or (
            any(c.dep_ == "prep" and c.lower_ == "on" and not _dated(c) for c in t.children)
            and not _held_call(f)
        )
    ):
        return False  # "calls on states to", but not "a call on Monday"
    for p in f.pp("on"):
        if p.lemma_.lower() in ("occasion", "time") and p.tag_ == "NNS":
            return False
    thanks = ("thank", "thanks", "grateful", "gratitude")
    if any(
        x.dep_ == "pcomp"
        and x.head.lower_ == "for"
        and (
            x.head.head.lemma_.lower() in thanks
            # a misparsed greeting ("Thank VPs @a and @b for hosting"): the word before it
            or any(w.lower_ in thanks for w in doc[max(x.sent.start, x.i - 12) : x.head.i])
        )
        for x in (t, t.head)
    ):
        return False  # "thank you for hosting this summit": the speech's own occasion
    if trig.lemma in ("talk", "talks") and _business_talks(f):
        return False
    if trig.lemma == "meet" and t.tag_.startswith("VB"):
        # "meeting the emission norms", "to meet the Organisation's principles": satisfying
        # a requirement, not meeting anyone
        for o in f.obj:
            if any(_is_requirement(w) for w in o.subtree):
                return False
        if _requirement_after(doc, t):
            return False
    if _setting_of_clause(t) or _covered_by_writer(f):
        return False
    if _record_of_meeting(t) or _record_holder(t):
        return False
    return not (t.dep_ == "pcomp" and t.head.lower_ == "of")


def _covered_by_writer(f: Frame) -> bool:
    """A meeting the writers will follow or cover ("tomorrow we will follow the Weimar
    triangle meeting in Paris"): a live page's programme, not the meeting told."""
    t = f.trigger
    return (
        t.pos_ == "NOUN"
        and t.dep_ == "dobj"
        and t.head.lemma_.lower() in ("follow", "cover", "watch")
        and any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in t.head.children)
    )


def _record_of_meeting(t: Token) -> bool:
    """A meeting told before, ranked as a record: "this is the first meeting between the two
    since the war began", "the visit marked the highest-level trip to Kyiv since 2022"."""
    if t.pos_ != "NOUN" or t.dep_ not in ("attr", "appos", "dobj"):
        return False
    if t.dep_ == "dobj" and t.head.lemma_.lower() not in ("mark", "be", "become"):
        return False
    ranked = any(
        w.i < t.i and (w.tag_ == "JJS" or w.ent_type_ == "ORDINAL" or w.lower_ == "first")
        for w in t.subtree
    )
    return ranked and any(w.i > t.i and w.lower_ == "since" for w in t.head.subtree)


def _record_holder(t: Token) -> bool:
    """A visit told as what makes someone a record holder: "the first royal to visit Kyiv
    since the invasion", "the first candidate to travel to Ukraine to meet Zelenskyy"."""
    while t.dep_ in ("xcomp", "advcl") and t.head.tag_ == "VB":
        t = t.head  # "to travel to Ukraine to meet": the first infinitive
    if t.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False
    if t.dep_ in ("relcl", "acl"):
        holders = [t.head]
    elif t.dep_ == "xcomp" and t.head.lemma_.lower() in ("be", "become"):
        holders = [c for c in t.head.children if c.dep_ == "attr"]  # parsed off the noun
    else:
        return False
    for h in list(holders):
        if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ == "NOUN":
            holders.append(h.head.head)  # "the first member of the royal family to visit"
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in ("first", "last", "only"))
        for h in holders
        for c in h.children
    )


_PERSONAL_LIFE_WORDS = word_set("nlp/validate", "personal_life_words")
_LECTURE_VERBS = word_set("nlp/validate", "lecture_verbs")

_STANDING_BODIES = word_set("nlp/validate", "standing_bodies")
_INTERNAL_MEETINGS = word_set("nlp/validate", "internal_meeting_words")


def _standing_body(name: str) -> bool:
    """A committee or board named with no defense word ("the Steering Committee of the
    donor platform"), not the "Military Committee" or a "Defence Board"."""
    words = set(re.findall(r"[a-z]+", name.lower()))
    return bool(words & _STANDING_BODIES) and not on_security(name)


# share of a story's sentences that speak of security below which it is no defense story
_OFF_SECURITY_SHARE = 0.15
# sentences on security that make a story one about it, whatever their share
_SECURITY_SENTENCES_ENOUGH = 5


def on_security(text: str) -> bool:
    """Whether a sentence, read as plain words, speaks of defense or security."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & (SECURITY_WORDS | _SECURITY_EXTRA))


def story_off_security(sentences: list[str]) -> bool:
    """A story that hardly speaks of defense or security (a leader's tour, a donors'
    committee): its meetings need a security word of their own."""
    if not sentences:
        return False
    told = sum(on_security(s) for s in sentences)
    # a long transcript of short replies returns to the war often enough to be about it
    return told < _SECURITY_SENTENCES_ENOUGH and told / len(sentences) < _OFF_SECURITY_SHARE


_SETTING_PREPS = word_set("nlp/validate", "setting_preps")
_SETTING_HEADS = word_set("nlp/validate", "setting_heads")
_ANAPHORIC_DETS = {"the", "this", "that", "his", "her", "their", "its"}


_ASPIRATIONS = word_set("nlp/validate", "aspirations")


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
    if o.pos_ != "NOUN" or o.ent_type_ in ("ORDINAL", "CARDINAL", "QUANTITY"):
        return False
    return not any(is_military_item(w) for w in [item_head(o), *o.subtree])


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


def _sanction_reason(t: Token) -> bool:
    """A deed given as the reason for a sanction, a penalty or a charge: "sanctioned firms for
    supplying drones", "imposed sanctions on X for supplying drones", "companies accused of
    selling parts", "sanctions on firms that supplied parts". Not "sanctioned the programme
    under which it will acquire X" (approved). A thank-you's reason may well be aid given."""
    if t.dep_ == "pcomp" and t.head.lower_ in ("for", "of", "over", "in"):
        # "sanctioned firms for supplying", "entities involved in supplying arms"
        cur = t.head
        for _ in range(5):
            cur = cur.head
            if cur.lemma_.lower() in _SANCTION_REASON_GOVERNORS or _imposes_penalty(cur):
                return True
            if cur.dep_ not in ("prep", "pobj", "dobj", "nsubjpass", "acl") or cur.head.i == cur.i:
                return False
        return False
    if t.pos_ == "VERB" and t.dep_ == "relcl" and t.head.lemma_.lower() in _SANCTIONED_BODIES:
        cur = t.head
        for _ in range(3):
            if cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.lemma_.lower() in _SANCTION_REASON_GOVERNORS:
                return True
        return False
    return False


def _production_site_set_up(doc: Doc, f: Frame, m: EventMention, need: str) -> bool:
    """A maker sets up, opens or builds a production site somewhere ("Hanwha will set up a
    component production facility in Romania"): an event though its goods go unnamed."""
    return (
        need == "gov"
        and f.gov_lemma in _FACTORY_GOVERNORS
        and bool(_mod_words(f.trigger) & _PRODUCTION_MODS)
        and bool(m.values("location"))
        and any(v.label == "COMPANY" or _company_value(doc, v) for v in m.values("producer"))
    )


def _model_named(m: EventMention) -> bool:
    return any(any(ch.isdigit() for ch in v.text) for v in m.values("item"))


def _state_gets_named_system(doc: Doc, m: EventMention) -> bool:
    """ "India is set to get the third squadron of the S-400": a state receiving a system
    named by its model, in a sentence that speaks of no aid."""
    states = [v for v in m.values("buyer") if v.label in ("COUNTRY", "GPE")]
    aid = {w.lemma_.lower() for w in doc} & _AID_TALK
    return bool(states) and _model_named(m) and not aid


def _military_spender(doc: Doc, v: RoleValue) -> bool:
    """An armed force or a defence body as spender ("the army", "the Ministry of Defence")."""
    words = set(v.text.lower().split())
    if words & (_DEFENSE_SPENDING_WORDS | ARMED_FORCE_WORDS):
        return True
    i = _tok_index(doc, v)
    return i >= 0 and is_armed_force(doc[i])


def _tok_index(doc: Doc, v: RoleValue) -> int:
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return span.root.i if span is not None else -1


def _joins_hands(f: Frame) -> bool:
    """ "joined hands with X", "joined forces with X": two parties team up."""
    return bool(f.pp("with")) and any(o.lower_ in ("hands", "forces") for o in f.obj)


def _joins_as_member(f: Frame) -> bool:
    """Joining is an accession when it is done or decided, not when it is only sought ("its
    bid to join NATO", "which it is seeking to join"), and when what is joined is no meeting
    or company of people ("joining his counterparts for a meeting")."""
    t = f.trigger
    if t.dep_ in ("xcomp", "acl") and t.head.lemma_.lower() in _ASPIRATIONS:
        return False
    if t.tag_ == "VBG" and not any(c.dep_ == "aux" for c in t.children):
        return False  # "the prospect of Ukraine joining NATO": a joining talked of, not done
    joined = f.obj + f.pp("with", "for")
    return not any(w.lemma_.lower() in MEETING_NOUNS for x in joined for w in x.subtree)


def _setting_of_clause(t: Token) -> bool:
    """A meeting already told, named again as the setting of another clause: "during his
    visit, X said", "at the meeting, Y announced", "on the sidelines of the summit". The
    noun is definite or possessive and names no side of its own ("with", "between")."""
    if t.tag_ == "VBG" and t.dep_ == "advcl" and t.head.lemma_.lower() in SPEECH_VERBS:
        # "while visiting Canada, Biden said": where a remark was made
        return any(c.dep_ == "mark" and c.lower_ in ("while", "when") for c in t.children)
    if t.pos_ != "NOUN" or t.dep_ != "pobj":
        return False
    prep = t.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _SETTING_HEADS:
        prep = prep.head.head if prep.head.dep_ == "pobj" else prep.head
    elif prep.lower_ == "of" and prep.head.lower_ == "ahead":
        prep = prep.head
    if prep.lower_ not in _SETTING_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETS for c in t.children):
        return False
    if any(c.dep_ == "acl" or c.ent_type_ in ("DATE", "TIME") for c in t.subtree if c is not t):
        return False  # "the meeting held in Brussels on Monday": told here, not a setting
    return not any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in t.children)


_DEAL_PURPOSES = word_set("nlp/validate", "deal_purposes")


def _business_talks(f: Frame) -> bool:
    """Negotiations of a deal, not a meeting of officials: talks with a company ("in talks
    with the shipyard"), or talks for a sale, a purchase, a transfer or local assembly."""
    if any(is_company(w) for w in f.pp("with", "between")):
        return True
    purposes = f.pp("for", "on", "about", "over") + f.compounds
    if any(w.lemma_.lower() in _DEAL_PURPOSES for p in purposes for w in (p, *p.children)):
        return True
    clauses = f.clauses + [c for w in f.pp("with") for c in w.children if c.dep_ == "relcl"]
    clause = _clause_of_phrase(f.trigger)
    if clause is not None:
        # "X is in (the final stages of) talks with Y to acquire drones": the clause that
        # holds the talks says what they are for, and who negotiates
        if clause.lemma_.lower() == "be" and any(is_company(s) for s in subjects(clause)):
            return True  # "Kalyani is in talks with some African countries"
        clauses += [c for c in clause.children if c.dep_ in ("xcomp", "advcl")]
    return any(c.lemma_.lower() in _BUYING_VERBS | PROD_VERBS for c in clauses)


def _clause_of_phrase(t: Token) -> Token | None:
    """The verb whose prepositional phrase (through nested "of" phrases) holds the noun."""
    while t.dep_ == "pobj" and t.head.dep_ == "prep":
        t = t.head.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _vessel_named(w: Token) -> bool:
    """A name the parser takes for a person, put after a kind of weapon ("Corvette INS
    Kavaratti", "Naval Ships INS Delhi"): a ship."""
    ent = entity_of(w)
    inside = range(ent.start, ent.end) if ent is not None else range(w.i, w.i + 1)
    return any(is_military_item(c) for c in w.children
               if c.dep_ == "compound" and c.i not in inside)


def _leader_told(f: Frame) -> bool:
    """One leader telling another, in person or by phone ("Macron told Ukraine's leader
    Volodymyr Zelensky in Paris", "as I told President Zelenskyy on August 23"): a talk
    between the two. Not telling reporters, a channel or an interviewer."""
    t = f.trigger
    if t.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or t.dep_ in ("amod", "acl", "relcl"):
        return False
    # one leader told: "told world leaders" is a speech to a gathering, told as the gathering
    listeners = [c for c in t.children if c.dep_ in ("dobj", "dative") and c.tag_ != "NNS"]
    if not any(_leader_named(w) for w in listeners):
        return False
    if any(w.lemma_.lower() in MEETING_NOUNS for p in t.children if p.dep_ == "prep"
           for w in pobjs(p)):
        return False  # "in a call, X informed Y": the call is the meeting
    return any(_leader_named(s) or _is_person(s) or s.lower_ in ("i", "we") for s in f.subj)


def _official_as_maker(doc: Doc, v: RoleValue, need: str) -> bool:
    """An official read as the maker of goods ("Deputy Secretary Mary Jones termed the
    proposals to co-produce engines"): no maker, though a leader may open a plant."""
    return need == "item" and v.label == "PERSON" and _leader_named(doc[_tok_index(doc, v)])


def _leader_named(w: Token) -> bool:
    """A leader's title itself ("his French counterpart", "Ukraine's leader"), or a name
    right after one ("President Zelenskyy", "leader Volodymyr Zelensky"; not "chief anchor
    Jane Miller")."""
    if w.lemma_.lower() in _LEADERS:
        return True
    if w.pos_ != "PROPN" and not _is_person(w):
        return False
    ent = entity_of(w)
    first = ent.start if ent is not None else w.i
    return first > 0 and w.doc[first - 1].lemma_.lower() in _LEADERS


def _held_call(f: Frame) -> bool:
    """A call held with someone ("a phone call with X on the crisis"): its "on" names the
    subject talked of, not those appealed to."""
    t = f.trigger
    return bool(f.pp("with")) or any(
        c.dep_ in ("compound", "amod") and c.lower_ in ("phone", "telephone", "video")
        for c in t.children
    )


def _dated(prep: Token) -> bool:
    """A prepositional phrase that names a time ("on Monday", "on 3 May")."""
    return any(w.ent_type_ in ("DATE", "TIME") for w in pobjs(prep))


def _capability_provision(f: Frame, m: EventMention, trig: Trigger) -> bool:
    """A weapon that "provides" a force with a capability: the subject is a thing, not a
    party, and what it provides is described by what it can do."""
    if trig.lemma not in ("provide", "give", "equip", "offer") or f.passive or not f.subj:
        return False
    if m.values("seller") or m.values("donor"):
        return False
    if not all(_thing_name(s) for s in f.subj):
        return False
    for thing in f.pp("with") + f.obj:
        for c in thing.children:
            if c.dep_ in ("relcl", "acl") and any(
                a.dep_ == "aux" and a.lower_ in ("can", "could", "will", "would")
                for a in c.children
            ):
                return True
    return False


def _thing_name(s: Token) -> bool:
    """A weapon, or a model name no party list knows ("the XR-7 V2")."""
    name = [s] + [c for c in s.children if c.dep_ == "compound"]
    if s.lemma_.lower() in ITEM_HEADS or any(w.ent_type_ in ("WEAPON", "PRODUCT") for w in name):
        return True
    if is_version(s) or is_designator(s):
        return True  # "the Astra Mk2", "the XR-7"
    return not any(w.ent_type_ for w in name) and any(
        w.tag_ == "NNP" or any(ch.isdigit() for ch in w.text) for w in name
    )


def _wanted_list(w: Token) -> bool:
    """A police list ("the list of wanted criminals", "its wanted list"): a search warrant,
    not a sanction."""
    words = {x.lower_ for x in w.subtree}
    return bool(words & {"wanted", "criminals", "fugitives"})


def _requirement_after(doc: Doc, t: Token) -> bool:
    """The first common noun after "meet" past a name ("meet NATO spending targets") is
    a requirement, however the parser attached it."""
    for w in doc[t.i + 1 : t.i + 14]:
        if _is_requirement(w):
            return True
        if (w.ent_type_ or w.pos_ in ("DET", "ADJ", "NUM", "PART") or w.tag_ in ("POS", "VBN")
                or (w.pos_ == "VERB" and w.dep_ == "acl")):
            continue  # a participle: "the Army defined criteria", "the norms set by"
        if w.pos_ == "PROPN" and w.dep_ == "compound" or w.pos_ == "PROPN" and w.is_title:
            continue  # a title-case name of the requirement: "the Neck Injury Criteria"
        if w.pos_ in ("NOUN", "VERB"):
            if w.i + 1 < len(doc) and doc[w.i + 1].pos_ == "NOUN":
                continue  # a modifier: "spending targets", "emission norms"
            return False
        return False
    return False


def _is_requirement(w: Token) -> bool:
    """A requirement noun, also written in title case ("Qualitative Requirements")."""
    low = w.lower_
    return (w.lemma_.lower() in _REQUIREMENT_NOUNS or low in _REQUIREMENT_NOUNS
            or (low.endswith("s") and low[:-1] in _REQUIREMENT_NOUNS))


_REQUIREMENT_NOUNS = word_set("nlp/validate", "requirement_nouns")


# --- actions not reported as done or decided ------------------------------------------------

_UNREALIZED_GOVERNORS = word_set("nlp/validate", "unrealized_governors")
_COMMAND_VERBS = word_set("nlp/validate", "command_clause_verbs")
_APPROVAL_OBJECTS = word_set("nlp/validate", "approval_objects")


def _unrealized(t: Token) -> bool:
    """A trigger under a word of proposing, urging, failing, hesitating, alleging or
    estimating inside its clause ("a proposal to co-produce tanks", "has struggled to buy
    frigates", "accused its neighbours of sending rifles")."""
    chain, _reporting = clause_chain(t)
    top = chain[-1]
    if (
        top.dep_ in ("relcl", "acl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)
    ):
        chain.append(top.head)  # "an argument for Moldova to receive more jets"
    if any(
        w.lemma_.lower() in _UNREALIZED_GOVERNORS or w.lower_ in _UNREALIZED_GOVERNORS
        for w in chain[1:]
    ):
        return True
    for below, w in zip(chain, chain[1:], strict=False):
        if w.lemma_.lower() == "be" and below.dep_ == "xcomp":
            # "one of the proposals was to send S-400s": what the proposal was
            subj = [c for c in w.children if c.dep_ == "nsubj"]
            named = subj + [
                o for s in subj for p in s.children if p.lower_ == "of" for o in pobjs(p)
            ]
            if any(n.lemma_.lower() in _UNREALIZED_GOVERNORS for n in named):
                return True
        # "slammed him for his hesitation in providing aid", the phrase hung on the verb
        for p in w.children:
            if p.dep_ == "prep" and w.i < p.i < t.i and any(
                o.lemma_.lower() in _UNREALIZED_GOVERNORS for o in pobjs(p)
            ):
                return True
    return False


_AID_NOUNS = {"aid", "assistance", "support"}


def _civil_money(f: Frame) -> bool:
    """Money given "in" civil aid only ("half a billion dollars in development and
    humanitarian assistance"): no military aid, whatever the rest of the sentence says."""
    for o in f.obj + f.pp("with"):
        for p in o.children:
            if p.dep_ != "prep" or p.lower_ != "in":
                continue
            words = {w.lower_ for x in pobjs(p) for w in x.subtree}
            if words & _NON_MILITARY_AID and not words & (_AID_MODS - _AID_NOUNS):
                return True
    return False


def _conditional(t: Token) -> bool:
    """A clause of "if" or "unless" hangs anywhere on the trigger's clause ("are ready to
    impose sanctions on X if it invades"): a threat or condition, not a deed."""
    chain, _reporting = clause_chain(t)
    return any(
        c.dep_ == "advcl"
        and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
        for w in chain
        for c in w.children
    )


def _command(f: Frame, trig: Trigger) -> bool:
    """ "ordered the shop to be closed", "ordered the division to Poland": a command with the
    clause of what is to be done or the place to go, and nothing ordered as goods."""
    t = f.trigger
    if trig.lemma not in _COMMAND_VERBS or t.pos_ != "VERB":
        return False
    clause = [c for c in t.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    # "orders the 82nd Airborne Division to eastern Europe": a named unit sent to a place
    if f.obj and all(o.ent_type_ == "ORG" for o in f.obj) and any(
        w.ent_type_ in ("GPE", "LOC") for w in f.pp("to")
    ):
        return True
    return bool(clause) and not any(is_military_item(item_head(o)) for o in f.obj)


_PENALTY_OBJECTS = word_set("nlp/validate", "penalty_objects")


_TALK_WORDS = word_set("nlp/validate", "talk_words")


_SANCTIONING_OFFICES = word_set("nlp/validate", "sanctioning_offices")


def sanctioning_office_targets(f: Frame) -> bool:
    """ "Targeting" done by an office that sanctions ("the Treasury is targeting oligarchs",
    "the State Department will target their suppliers"): a sanction, not an attack."""
    t = f.trigger
    if t.pos_ != "VERB" or t.lemma_.lower() != "target" or f.passive:
        return False
    words = {w.lower_ for s in f.subj for w in s.subtree}
    if any(s.lower_ in _SANCTIONING_MEASURES for s in f.subj):
        return True  # "the latest British measures target Iranian drone makers"
    return bool(words & _SANCTIONING_OFFICES) or {"state", "department"} <= words


_SALE_NOUNS = word_set("nlp/validate", "sale_nouns")


def _goods_of_sale(t: Token) -> bool:
    """A giving word that tells what a contract or order delivers ("won a contract to supply
    rockets to X", "a contract for the delivery of two frigates"): the goods of a sale."""
    head = t.head
    if t.dep_ == "pobj" and head.lower_ in ("for", "of"):
        head = head.head
        for _ in range(4):  # "signed a contract with a yard for the delivery": the verb's deal
            if head.pos_ != "NOUN" or head.lemma_.lower() in _SALE_NOUNS or head.head.i == head.i:
                break
            head = head.head.head if head.dep_ == "pobj" else head.head
        if head.pos_ in ("VERB", "AUX"):
            return any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _SALE_NOUNS
                for c in head.children
            )
    elif t.dep_ not in ("acl", "relcl", "xcomp", "advcl"):
        return False
    if head.pos_ == "VERB" and t.dep_ in ("xcomp", "advcl"):  # "awarded a contract ... to supply"
        return any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _SALE_NOUNS
            for c in head.children
        )
    return head.pos_ == "NOUN" and head.lemma_.lower() in _SALE_NOUNS


def _topic_of_talk(t: Token) -> bool:
    """A noun trigger that is only what people talk about: the object of "discuss", the
    object of "on"/"about" after "an update", "talks", "a briefing", or of "said of"."""
    if t.pos_ != "NOUN":
        return False
    if t.dep_ == "dobj":  # not "discussed the assistance the US is providing"
        return t.head.lemma_.lower() in _TALK_WORDS and not any(
            c.dep_ in ("relcl", "acl") for c in t.children
        )
    if (
        t.dep_ == "pobj"
        and t.head.lower_ == "of"
        and t.head.head.pos_ == "VERB"
        and t.head.head.lemma_.lower() in SPEECH_VERBS | {"speak"}
    ):
        return True  # "said of the US security assistance: ..."
    return (
        t.dep_ == "pobj"
        and t.head.lower_ in ("on", "about", "regarding", "concerning")
        and t.head.head.lemma_.lower() in _TALK_WORDS
    )


def _imposes_penalty(v: Token) -> bool:
    """ "imposed sanctions on X", "issued a fine": a verb whose object is a penalty."""
    return v.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _PENALTY_OBJECTS for c in v.children
    )


def _approval_sanction(f: Frame, m: EventMention) -> bool:
    """ "sanction" as approve: what is sanctioned is money, a project or a weapon, not a
    party ("sanctioned funds for the missile project", "will sanction the new rifle")."""
    t = f.trigger
    if m.type != "sanction" or t.pos_ != "VERB":
        return False
    direct = [
        w
        for p in t.children
        if p.dep_ == "prep" and p.lower_ in ("under", "for")
        for w in p.children
        if w.dep_ == "pobj"
    ]
    approved = [
        o
        for o in f.obj + direct
        if {w.lemma_.lower() for w in [o, *o.children]} & (_APPROVAL_OBJECTS | ITEM_HEADS)
        or is_military_item(o)
    ]
    if not approved and any(
        party_label(o) not in (None, "PROPN")
        or (o.tag_ == "NNS" and not is_military_item(o) and o.lemma_.lower() not in ITEM_HEADS)
        for o in f.obj
    ):
        return False  # "bodies ... were sanctioned for their links to production": a party
    things = f.obj + f.pp("to", "under", "for")
    return any(
        x.lemma_.lower() in _APPROVAL_OBJECTS | ITEM_HEADS
        or any(c.dep_ == "compound" and c.lower_ in _APPROVAL_OBJECTS for c in x.children)
        for x in things
    )


def _non_military_product(item_toks: list[Token]) -> bool:
    """What is made is no military good: "sales forecasts", "office software"."""
    return bool(item_toks) and not any(is_military_item(x) for x in item_toks)


def _weapon_modifier(t: Token) -> bool:
    """An attack word that only describes a weapon ("strike drones", "attack helicopters"):
    the noun it modifies is what is named."""
    if t.dep_ in ("compound", "amod", "nmod") and t.head.pos_ in ("NOUN", "PROPN"):
        return True
    # "reconnaissance and strike drones" read as a bare verb joined to a noun
    return (
        t.dep_ == "conj"
        and t.head.pos_ == "NOUN"
        and t.tag_ in ("VB", "VBP", "NN")
        and not any(c.dep_ in ("nsubj", "aux", "auxpass") for c in t.children)
    )


def _only_own_name(t: Token, parts: list[RoleValue]) -> bool:
    """A meeting inside a phrase of another clause ("at the investors' meeting", "ahead of
    the Lisbon summit") whose every side is a word of its own name: the text names no side of
    it, only the occasion. A meeting placed somewhere ("the Nordic forum in Oslo") is told."""
    if t.pos_ not in ("NOUN", "PROPN") or not parts:
        return False
    if t.dep_ != "pobj":
        return False  # "a NATO summit began in Vilnius": told as what happened
    name = [w for c in t.lefts if c.dep_ in ("compound", "nmod", "amod") for w in c.subtree]
    if not name or any(w.lemma_.lower() in _LEADERS for w in name):
        return False  # "the Foreign Ministers' Meeting": its officials are its sides
    lo, hi = min(w.idx for w in name), max(w.idx + len(w) for w in name)
    end = max(hi, t.idx + len(t))  # "the BRICS summit" as a side is the name itself
    return all(lo <= v.start and v.end <= end + 1 for v in parts) and not any(
        on_security(v.text) for v in parts
    )  # "at the Munich Security Conference": a security gathering is told by its name


def _made_in_country(f: Frame, m: EventMention) -> bool:
    """ "will be made in India" with no maker named: the local-content terms of a deal (where
    the goods are to come from), not a production of its own."""
    t = f.trigger
    return (
        t.lemma_.lower() == "make"
        and any(c.dep_ == "auxpass" for c in t.children)
        and not m.values("producer")
        and not m.values("partner")
        and any(v.label in ("GPE", "COUNTRY") for v in m.values("location"))
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
    subj, obj = t.doc[t.i - 1], t.doc[t.i + 1]
    if (
        subj.dep_ not in ("nsubj", "pobj")
        or subj.pos_ not in ("PROPN", "NOUN")
        or any(c.dep_ == "det" for c in subj.children)
        or obj.head.i != t.i
    ):
        return False
    before = t.doc[subj.i - 1] if subj.i > 0 else None
    return (
        before is not None
        and before.ent_type_ != "DATE"  # "in 2020 Rheinmetall made howitzers"
        and (before.pos_ in ("ADP", "NUM", "DET") or before.dep_ == "nummod")
        and obj.dep_ == "dobj"
        and not any(c.dep_ == "det" for c in obj.children)
    )


def _ongoing_for_years(f: Frame) -> bool:
    """Making that has gone on for a span of years ("has been manufacturing parts for the last
    15 years", "has built ships for decades"): the maker's standing activity."""
    return any(
        w.lemma_.lower() in ("year", "decade") and not any(c.lower_ == "next" for c in w.children)
        for w in f.pp("for")
    )
