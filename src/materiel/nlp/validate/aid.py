"""What aid needs to stand: arms or money for another state's forces, not civil help."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pobjs, pp_of
from materiel.nlp.roles import SUPPORTED_STATE_CUE, is_company
from materiel.nlp.spans import is_military_item, party_label
from materiel.nlp.types import EventMention, RoleValue
from materiel.nlp.validate.case import Case
from materiel.nlp.validate.tokens import (
    CIVIL_AID_CUES,
    capability_provision,
    company_value,
    compared_with_unlike,
    military_support,
    mod_words,
    record_clause,
    state_sends_arms,
    tok_index,
    topic_of_talk,
)
from materiel.wordlists import word_set

_AID_MODS = word_set("nlp/validate", "aid_mods")

_NON_MILITARY_AID = word_set("nlp/validate", "non_military_aid")

_SUPPORT_NOUNS = word_set("nlp/validate", "support_nouns")
_MILITARY_AID_CUES = word_set("nlp/validate", "military_aid_cues")
_WAR_AID_CUES = word_set("nlp/validate", "war_aid_cues")
_AID_ENACTING_VERBS = word_set("nlp/validate", "aid_enacting_verbs")
_LEGISLATIVE_REQUESTS = word_set("nlp/validate", "legislative_requests")


def _military_money(doc: Doc, m: EventMention) -> bool:
    """Money given for arms: "will provide a further EUR 500m to finance drones", "provides
    $61 billion for Ukraine" in a sentence about arms or security, not about civil aid."""
    if not m.values("value") or _civil_assistance(doc):
        return False
    words = _aid_words(doc)
    return bool(words & _MILITARY_AID_CUES) or any(
        is_military_item(w) for w in doc if w.pos_ == "NOUN"
    )


def _aid_to_a_side_at_war(doc: Doc, m: EventMention) -> bool:
    """Aid from a named giver to a named state in a sentence about its war ("approved fresh
    aid for Armenia as it defends itself against Azerbaijan"): military aid, arms unnamed."""
    donors = {v.text for v in m.values("donor") if not v.pronoun}
    states = [
        v for v in m.values("recipient")
        if v.label in ("GPE", "COUNTRY") and v.text not in donors
    ]
    words = {w.lower_ for w in doc}
    return bool(donors and states) and bool(words & _WAR_AID_CUES) and not (
        _civil_assistance(doc)
    )


def _money_to_support_a_state(doc: Doc, m: EventMention) -> bool:
    """Money given "to support Ukraine": a state named as the object of a purpose clause of
    support, in a sentence that is not about civil aid."""
    return SUPPORTED_STATE_CUE in m.cues and bool(m.values("value")) and not (
        {w.lower_ for w in doc} & CIVIL_AID_CUES
    )


def _aid_words(doc: Doc) -> set[str]:
    """The sentence's words, less a "security" named by a civil word ("food security",
    "energy security", "health security"): a civil need, no cue of military aid."""
    return {
        t.lower_
        for t in doc
        if not (t.lower_ == "security" and t.i > 0 and doc[t.i - 1].lower_ in CIVIL_AID_CUES)
    }


def _civil_assistance(doc: Doc) -> bool:
    words = _aid_words(doc)
    return bool(words & CIVIL_AID_CUES) and not words & _MILITARY_AID_CUES


def _company_giver(doc: Doc, v: RoleValue) -> bool:
    """A giver the extractor reads as a company, whose supplies are sales."""
    span = doc.char_span(v.start, v.end, alignment_mode="expand")
    return v.label == "COMPANY" or (span is not None and is_company(span.root))


_UP_TO_NOW_PHRASES = word_set("nlp/validate", "up_to_now_phrases")
_TOTAL_PHRASES = word_set("nlp/validate", "total_phrases")
_SHARE_WORDS = word_set("nlp/validate", "share_words")


def _running_total(t: Token) -> bool:
    """Goods counted up to now ("to date, Ostmark has received at least 300 guns", "has so
    far received 40 tanks", "received 90 jets in total"): a running total, not one delivery.
    A total still to come ("will deliver 40 tanks in total by May") is one plan's size."""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    phrases = _two_word_phrases(verb)
    if phrases & _UP_TO_NOW_PHRASES:
        return True  # "to date", "so far"
    return bool(phrases & _TOTAL_PHRASES) and _past_or_perfect(verb)  # "in total", "in all"


def _two_word_phrases(verb: Token) -> set[str]:
    """The two-word phrases hung on a verb: a preposition and its object ("to date", "in
    total") or an adverb and its modifier ("so far")."""
    phrases = set()
    for c in verb.children:
        if c.dep_ == "prep":
            phrases |= {f"{c.lower_} {o.lower_}" for o in pobjs(c)}
        elif c.dep_ == "advmod":
            phrases |= {f"{x.lower_} {c.lower_}" for x in c.children if x.dep_ == "advmod"}
    return phrases


def _past_or_perfect(verb: Token) -> bool:
    """A verb told in the past or the perfect ("received", "have received", "were sent")."""
    return verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and (c.lemma_.lower() == "have" or c.tag_ == "VBD")
        for c in verb.children
    )


def _share_of_count(t: Token) -> bool:
    """Goods that arrived, counted as the whole of which a share is told ("of the 150
    howitzers that arrived in Ostmark, a third have been destroyed"): a statistic."""
    if t.dep_ != "relcl" or t.head.dep_ != "pobj" or t.head.head.lower_ != "of":
        return False
    holder = t.head.head.head
    return holder.pos_ in ("VERB", "AUX", "NUM") or holder.lower_ in _SHARE_WORDS


def counted_up(t: Token) -> bool:
    """Goods counted as a running total or as the whole a share is taken of: a statistic of
    transfers, not one transfer."""
    return _running_total(t) or _share_of_count(t)


def _habitual_present(t: Token) -> bool:
    """A verb in the simple present with no auxiliary ("Lockheed delivers jets to many
    countries"): what a firm does, not one delivery."""
    return t.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in t.children)


_STRONG_PACKAGE_MODS = word_set("nlp/validate", "strong_package_mods")


def aid_misread(case: Case) -> bool | None:
    """Aid told as a comparison, what goods are, a sale's goods or a topic."""
    f, m, trig, t = case.f, case.m, case.trig, case.f.trigger
    if record_clause(t):
        return False
    if compared_with_unlike(t):
        return False  # "unlike Ukraine, which received weapons from abroad": a comparison
    if _more_than_others(f):
        return False  # "has given Ukraine more military aid than any country": a ranking
    if (
        t.tag_ == "VBN"
        and t.dep_ in ("acl", "amod")
        and not any(c.dep_ in ("aux", "auxpass", "agent") for c in t.children)
        and not (m.values("donor") or m.values("recipient"))
    ):
        return False  # "repairing weapons donated and damaged in combat": what goods are
    if (
        not (m.values("donor") and m.values("recipient"))
        and _goods_of_sale(t)
    ):
        return False  # "a contract to supply rockets to a European country": a sale's goods
        # (a buyer paying for another's goods names both: "X signed a contract to deliver
        # shells to Ukraine" stays)
    if topic_of_talk(t):
        return False  # "discuss US sanctions against Russia", "an update on US assistance"
    if (
        t.pos_ == "NOUN"
        and not m.values("recipient")
        and not m.values("value")
        and pp_of(t, "for")
        and all(is_military_item(w) and not party_label(w) for w in pp_of(t, "for"))
    ):
        return False  # "a weapons package for the Kestrel jets": a fit for a type, no gift
    if m.values("quantity") and counted_up(t):
        return False  # "to date Ostmark has received 300 guns", "of the 150 guns that arrived"
    if capability_provision(f, m, trig):
        return False  # "the new radar will provide the army with a sensor that can track"
    return None


_COMPARATIVE_AMOUNTS = word_set("nlp/validate", "comparative_amounts")
_RANKING_OTHERS = word_set("nlp/validate", "ranking_others")


def _more_than_others(f: Frame) -> bool:
    """Goods or aid counted against others' ("has sent more weapons to Ukraine than any other
    European country"): a comparison of totals, not one gift. The "than" names other givers:
    a party or "any/other country"; "more systems than last year", "more shells than ever
    before" compare times, and the gift stands."""
    return any(
        any(c.lower_ in _COMPARATIVE_AMOUNTS for c in h.children if c.dep_ in ("amod", "advmod"))
        and any(_other_givers(w) for w in pp_of(h, "than"))
        for h in [f.trigger, *f.obj]
    )


def _other_givers(w: Token) -> bool:
    return w.lower_ in _RANKING_OTHERS or bool(party_label(w))


def judge_aid(case: Case) -> bool:
    """Aid, funding or a drawdown for another state's forces, not civil help."""
    doc, f, m, trig = case.doc, case.f, case.m, case.trig
    t = case.f.trigger
    if trig.lemma in ("funding", "drawdown"):
        # "$60 billion in funding for Ukraine", "a $200 million drawdown for Ukraine": money
        # for another state's war; "funding for the Navy" is the state's own spending
        mods = mod_words(t) | {w.lower_ for w in doc[max(0, t.i - 3) : t.i]}
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
    if trig.lemma in _MONEY_GIFTS:
        if trig.lemma == "announcement":
            m.status = "announced"  # "the announcement of $275 million": the sum announced
        return _money_gift(doc, m, t)
    mods = mod_words(t) | {w.lower_ for w in doc[max(0, t.i - 3) : t.i]}
    if mods & _NON_MILITARY_AID and not mods & {"military", "security", "defense", "defence"}:
        return False
    if _civil_assistance(doc):
        return False
    if trig.lemma == "supplemental":
        # "Congress passed the national security supplemental", "a supplemental request for
        # Ukraine": extra money put to a legislature for a foreign state or for security;
        # "a disaster supplemental" is neither
        givers = {v.text for v in m.values("donor")}
        states = [v for v in m.values("recipient")
                  if v.label in ("GPE", "COUNTRY", "NORP") and v.text not in givers]
        if m.values("recipient"):  # "sent lawmakers a supplemental": they vote, not receive
            m.args["recipient"] = states
        if t.lemma_.lower() in _LEGISLATIVE_REQUESTS or f.gov_lemma in _LEGISLATIVE_REQUESTS:
            m.status = "planned"  # a request put to a legislature: money still to be voted
        return bool(givers or states) and bool(
            mods & _AID_MODS or states or m.values("item") or f.gov_lemma in _AID_ENACTING_VERBS
        )
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
        if m.values("donor"):  # "there will be a package of security support": no giver
            mods |= _help_words_of(t)
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


def _help_words_of(package: Token) -> set[str]:
    """The modifiers of the help a package is of ("a new package of military support"): they
    say what kind of package it is ("the package of aid" says nothing more)."""
    return {
        w for h in pp_of(package, "of") if h.lemma_.lower() in _SUPPORT_NOUNS
        for w in mod_words(h)
    }


_MONEY_GIFTS = word_set("nlp/validate", "money_gifts")


def _money_gift(doc: Doc, m: EventMention, t: Token) -> bool:
    """A sum one party gives another ("a EUR 40 million contribution to the fund for Ukraine's
    air defence", "a $30 million grant to buy drones for Ukraine"): aid when the sentence puts
    the money on arms or on a state's war, not on civil help. The plural is a running total
    ("takes its contributions to $116m"), no one gift."""
    if t.tag_ in ("NNS", "NNPS") or not m.values("value") or _civil_assistance(doc):
        return False
    givers = {v.text for v in m.values("donor") if not v.pronoun}
    states = [v for v in m.values("recipient")
              if v.label in ("GPE", "COUNTRY", "NORP") and v.text not in givers]
    return bool(givers or states) and (
        _military_money(doc, m)
        or _money_to_support_a_state(doc, m)
        or _aid_to_a_side_at_war(doc, m)
    )


def judge_training(case: Case) -> bool:
    """Training of another state's forces."""
    m = case.m
    # "has trained 20,000 Ukrainian soldiers": another state's forces
    trainers = {v.text for v in m.values("donor") if not v.pronoun}
    trainees = {v.text for v in m.values("recipient")}
    return bool(trainers and trainees) and not trainers & trainees


def judge_transfer(case: Case) -> bool:
    """Goods or money handed over: a gift of arms, a sale, a delivery."""
    doc, f, m, t = case.doc, case.f, case.m, case.f.trigger
    item_toks = case.item_toks
    if m.type == "procurement":  # "takes delivery of X"
        return bool(m.values("buyer")) and bool(m.values("item"))
    if _civil_money(f):
        return False
    if _training_given(m, f):
        return True
    as_aid = any(w.lemma_.lower() in ("aid", "assistance") for w in f.pp("as"))
    if (
        not item_toks
        and not (as_aid and m.values("value"))
        and not _military_money(doc, m)
        and not (
            m.values("recipient")
            and m.values("donor")
            and not any(_company_giver(doc, v) for v in m.values("donor"))
            and military_support(f)
        )
        and not state_sends_arms(f, m)
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
        and any(tok_index(doc, v) in sources for v in donors)
    ):
        return False  # "delays in the supply of spares from Russia": a trade flow, no gift
    state_giver = any(v.label in ("GPE", "COUNTRY", "METONYM") for v in donors)
    if (
        not recips
        and item_toks
        and (m.values("quantity") or not _habitual_present(t))
        and any(v.label == "COMPANY" or company_value(doc, v) for v in donors)
    ):
        return True  # "HAL delivered seven aircraft", "X will supply engines": a sale
    if t.lemma_.lower() in ("deliver", "delivery", "receive", "provide") and not (
        recips or state_giver
    ):
        return False
    if not recips:  # "the UK is sending 1,600 missiles": a government gives
        return any(v.label in ("GPE", "COUNTRY", "METONYM") for v in donors)
    return bool(donors or recips)


_TRAINING_GIVEN = word_set("nlp/validate", "training_given_nouns")
_TRAINEE_FORCES = word_set("nlp/validate", "trainee_force_words")


def _training_given(m: EventMention, f: Frame) -> bool:
    """Training given to another's forces ("Germany will provide training and maintenance to
    the Ukrainian military", "we will offer training to their pilots"): aid, as the training
    of another state's forces is (not "training for teachers")."""
    if not any(o.lemma_.lower() in _TRAINING_GIVEN for o in f.obj + f.pp("with")):
        return False
    givers = {v.text.lower() for v in m.values("donor")}
    takers = m.values("recipient")
    forces = [v for v in takers
              if set(v.text.lower().split()) & _TRAINEE_FORCES and v.text.lower() not in givers]
    return bool(givers) and bool(forces)


_AID_NOUNS = {"aid", "assistance", "support"}


def _civil_money(f: Frame) -> bool:
    """Money given "in" civil aid only ("$80 million in food and medical assistance"): no
    military aid, whatever the rest of the sentence says."""
    for o in f.obj + f.pp("with"):
        for p in o.children:
            if p.dep_ != "prep" or p.lower_ != "in":
                continue
            words = {w.lower_ for x in pobjs(p) for w in x.subtree}
            if words & _NON_MILITARY_AID and not words & (_AID_MODS - _AID_NOUNS):
                return True
    return False


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
