"""What defence spending needs to stand: a spender, defence money, a value."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pp_of
from materiel.nlp.roles import ARMED_FORCE_WORDS, DEFENSE_HOLDER_CUE, is_armed_force
from materiel.nlp.spans import is_military_item
from materiel.nlp.triggers import FUNDS_ANNOUNCE_VERBS, state_served
from materiel.nlp.types import EventMention, RoleValue
from materiel.nlp.validate.case import Case
from materiel.nlp.validate.tokens import company_value, mod_words, tok_index
from materiel.wordlists import word_set, word_tuple

_DEFENSE_SPENDING_WORDS = word_set("nlp/validate", "defense_spending_words")
_BUDGET_DECISION_VERBS = word_set("nlp/validate", "budget_decision_verbs")

_PURCHASE_VERBS = word_tuple("nlp/validate", "purchase_verbs")
_BUDGET_BILL_WORDS = word_set("nlp/validate", "budget_bill_words")
_BILL_NOUNS = ("bill", "act", "law")
_PURCHASE_NOUNS = word_set("nlp/validate", "purchase_nouns")
_DEAL_NOUNS = word_set("nlp/validate", "spent_on_deal_nouns")


def judge_spend(case: Case) -> bool:
    """Defence money allocated by a spender, not a purchase or aid told apart."""
    doc, f, m, t = case.doc, case.f, case.m, case.f.trigger
    if any(
        c.lemma_.lower() in _PURCHASE_VERBS
        for c in t.children
        if c.dep_ in ("xcomp", "advcl", "acl")
    ):
        return False  # "allocated DKK 1.3 billion to buy howitzers": the purchase is the event
    if t.pos_ == "VERB" and any(p.lemma_.lower() in _PURCHASE_NOUNS for p in f.pp("for")):
        return False  # "approved $2 billion for the purchase of 12 jets": the purchase is the event
    if t.pos_ == "VERB" and any(o.lemma_.lower() in _DEAL_NOUNS for o in f.obj):
        return False  # "placed an order worth Rs 64 crore with X": the purchase is the event
    if any(
        w.lemma_.lower() in ("aid", "assistance") and w.dep_ == "pobj" and w.head.lower_ == "of"
        for o in f.obj
        for w in o.subtree
    ):
        return False  # "allocate $713m of military aid to Ukraine": the aid is the event
    if t.lemma_.lower() in _BILL_NOUNS and not (
        {w.lower_ for w in t.subtree} & _BUDGET_BILL_WORDS or _priced_law(doc, t)
    ):
        return False  # "passed the defence procurement act": a law, no budget
    # "defence spending", "spending on defence", "allocated X to the Ministry of Defence"
    mods = mod_words(t) | {
        w.lower_ for p in f.pp("on", "to", "for") + f.obj + f.clauses for w in p.subtree
    }
    if t.lemma_.lower() == "invest":  # "will invest EUR 100 billion in its armed forces"
        mods |= {w.lower_ for p in f.pp("in") for w in p.subtree}
    if t.pos_ == "NOUN":  # "the budget ... foresees UAH 2.2 trillion for defense"
        mods |= {w.lower_ for w in t.subtree if w.dep_ == "pobj"}
    defense = (
        bool(mods & _DEFENSE_SPENDING_WORDS)
        or any(_arms_bought(w) for p in _purposes(f) for w in p.subtree)
        # "Rs 20 crore for a drone testing facility"
        or any(_arms_made(c) for c in _development(f))
        and not any(company_value(doc, v) for v in m.values("spender"))
        # "is seeking Rs 13,000 crore to develop the fighter": the money makes arms
        # "the army will have a budget of EUR 5 billion": the forces' own money
        or t.pos_ == "NOUN" and any(_military_spender(doc, v) for v in m.values("spender"))
        or DEFENSE_HOLDER_CUE in m.cues  # "the European Defence Fund, with a budget of X"
        or t.pos_ == "VERB" and any(_armed_service(w) for o in _money_goes_to(f) for w in o.subtree)
        # "the Pentagon requested $686 billion", "the MoD secured an extra GBP 2.2bn"
        or t.lemma_.lower() in _OWN_BUDGET_VERBS
        and not state_served(t)  # "requested $61 billion for Ukraine": money for a state
        and any(_defence_body(v) for v in m.values("spender"))
    )
    if t.lemma_.lower() in _FUNDS_SECURING_VERBS and _secured_as_aid(f, m):
        return False  # "Kyiv secured EUR 50bn from the EU": money received, aid
    if defense and t.lemma_.lower() in FUNDS_ANNOUNCE_VERBS:
        _keep_defence_sums(doc, m)  # "announced GBP 2bn for the NHS and GBP 1bn for defence"
    if (
        defense
        and (t.pos_ == "NOUN" or t.lemma_.lower() in _BILL_NOUNS)
        and not m.values("value")
        and f.gov_lemma in _BUDGET_DECISION_VERBS
        and not f.passive
    ):
        return bool(m.values("spender"))  # "the cabinet approved the defence budget"
    return defense and bool(m.values("spender")) and bool(m.values("value"))


_ARMED_SERVICES = word_set("nlp/validate", "armed_service_words")
_CIVIL_PORTFOLIO_WORDS = word_set("nlp/validate", "civil_portfolio_words")
_OWN_BUDGET_VERBS = word_set("nlp/validate", "own_budget_verbs")
_DEFENCE_BODY_WORDS = word_set("nlp/validate", "defence_body_words")


def _defence_body(v: RoleValue) -> bool:
    """A defence ministry or armed service by its words ("the Pentagon", "the Ministry of
    Defence", "the navy"), not any ministry or department."""
    words = set(v.text.lower().split())
    return bool(words & (_DEFENSE_SPENDING_WORDS | _ARMED_SERVICES | _DEFENCE_BODY_WORDS))


_FUNDS_SECURING_VERBS = word_set("nlp/validate", "funds_securing_verbs")
_FUNDING_BLOC_WORDS = word_set("nlp/validate", "funding_bloc_words")
_STATE_ENTITY_LABELS = word_set("nlp/validate", "state_entity_labels")


def _secured_as_aid(f: Frame, m: EventMention) -> bool:
    """Money secured is the securer's defence spending only when a defence body secures it
    from no state or bloc ("the MoD secured an extra GBP 2.2bn from the Treasury"); "Kyiv
    secured EUR 50bn from the EU", "Zelensky secured $400m for air defence" are aid received."""
    if not any(_defence_body(v) for v in m.values("spender")):
        return True
    return any(
        w.ent_type_ in _STATE_ENTITY_LABELS or w.lower_ in _FUNDING_BLOC_WORDS
        for p in f.pp("from") for w in p.subtree
    )


def _keep_defence_sums(doc: Doc, m: EventMention) -> None:
    """Of several sums announced, each with its own "for", only those for defence ("announced
    GBP 2bn for the NHS and GBP 1bn for defence": GBP 1bn). A sum with no "for" of its own
    takes the verb's "for" that follows it (the parse may hang the last one on the verb)."""
    values = m.values("value")
    if len(values) < 2:
        return
    verb_fors = [c for c in doc[m.trigger_i].children if c.dep_ == "prep" and c.lower_ == "for"]
    fors: dict[int, set[str] | None] = {}
    for n, v in enumerate(values):
        span = doc.char_span(v.start, v.end, alignment_mode="expand")
        if span is None:
            fors[n] = None
            continue
        own = [c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "for"]
        own = own or [c for c in verb_fors if c.i >= span.end][:1]
        fors[n] = {w.lower_ for c in own for w in c.subtree} if own else None
    defence = {n for n, words in fors.items() if words and words & _DEFENSE_SPENDING_WORDS}
    if defence:
        m.args["value"] = [v for n, v in enumerate(values) if fors[n] is None or n in defence]


_NON_GOODS_LABELS = word_set("nlp/validate", "non_goods_labels")


def _arms_bought(w: Token) -> bool:
    """Military goods the money is for; a body named there is no goods ("for the NHS")."""
    return is_military_item(w) and w.ent_type_ not in _NON_GOODS_LABELS


def _purposes(f: Frame) -> list[Token]:
    """What the money is for: the frame's "for" and its object's own ("the budget includes
    EUR 4 billion for new frigates", where the parse hangs the "for" on the sum)."""
    return f.pp("for") + [x for o in f.obj for x in pp_of(o, "for") if x not in f.pp("for")]


def _priced_law(doc: Doc, t: Token) -> bool:
    """A bill or law with its own sum ("passed a $700 billion defense policy bill", "a military
    programming law worth EUR 413 billion"): the sum makes it a budget law."""
    own = {w.i for w in t.lefts for w in w.subtree}
    own |= {x.i for w in t.children if w.lower_ == "worth" for x in w.subtree}
    return any(
        n.kind == "money" and any(n.token_start <= i < n.token_end for i in own)
        for n in doc._.numbers or []
    )


def _money_goes_to(f: Frame) -> list[Token]:
    """The phrases that say where a granted sum goes: its object's own "for" and the verb's
    "for"/"to" ("in" after "invest": "will invest EUR 2 billion in the army")."""
    invest = f.trigger.lemma_.lower() == "invest"
    return f.obj + f.pp("for", "to") + (f.pp("in") if invest else [])


def _armed_service(w: Token) -> bool:
    """A branch of the forces that money goes to ("approved $400 million in extra funding for
    the navy", "allocated EUR 2 billion to the air force"): defence money."""
    if w.dep_ != "pobj" or w.head.lower_ not in ("for", "to", "in"):
        return False
    if w.lemma_.lower() == "force":
        return any(c.lower_ in ("air", "space") for c in w.children)
    return w.lemma_.lower() in _ARMED_SERVICES


_DEVELOPMENT_VERBS = word_set("nlp/validate", "development_verbs")


def _development(f: Frame) -> list[Token]:
    """The clauses that say what the money develops or builds ("to develop four prototypes",
    "for developing the jet"): arms made with it put it on defence."""
    out = [c for c in f.clauses if c.lemma_.lower() in _DEVELOPMENT_VERBS]
    for p in f.pp("for"):
        if p.lemma_.lower() in _DEVELOPMENT_VERBS:  # "for developing TEDBF"
            out.append(p)
    return out


_CIVIL_CRAFT_WORDS = word_set("nlp/validate", "civil_craft_words")


def _arms_made(c: Token) -> bool:
    """Military goods that a clause develops or builds, no civil craft ("to develop a 90-seat
    turboprop", "to build a passenger jet")."""
    words = {x.lower_ for x in c.subtree}
    if words & _CIVIL_CRAFT_WORDS or any(x.endswith(("-seat", "-seater")) for x in words):
        return False
    return any(is_military_item(w) for w in c.subtree)


def _military_spender(doc: Doc, v: RoleValue) -> bool:
    """An armed force or a defence body as spender ("the army", "the Ministry of Defence"); a
    ministry named by a civil portfolio ("the health ministry", "the finance ministry") is none."""
    words = set(v.text.lower().split())
    if words & _CIVIL_PORTFOLIO_WORDS:
        return False
    if words & (_DEFENSE_SPENDING_WORDS | ARMED_FORCE_WORDS):
        return True
    i = tok_index(doc, v)
    return i >= 0 and is_armed_force(doc[i])
