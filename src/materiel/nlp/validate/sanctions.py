"""What a sanction needs to stand: imposed, designated, banned, listed, controlled."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame
from materiel.nlp.roles.sanctions import headline_sanctions, misparsed_freezes
from materiel.nlp.spans import STATE_OR_METONYM_LABELS, is_military_item
from materiel.nlp.types import RoleValue
from materiel.nlp.validate.case import Case
from materiel.nlp.validate.tokens import (
    SANCTIONED_BODIES,
    clause_of_phrase,
    conditional,
    held_ready,
    is_person,
    listed_as_other,
    long_past,
    sanctions_listing,
    tok_index,
    topic_of_talk,
    under,
)
from materiel.wordlists import word_set, word_tuple

_SANCTION_GOVERNORS = word_set("nlp/validate", "sanction_governors")

_SANCTION_BACKGROUND = word_set("nlp/validate", "sanction_background")

_BAN_OBJECTS = word_set("nlp/validate", "ban_objects")

_LISTED_GOODS = word_set("nlp/validate", "listed_goods")

_SANCTION_NOT_IMPOSED_GOVERNORS = word_tuple("nlp/validate", "sanction_not_imposed_governors")

_SANCTION_LIST_WORDS = word_set("nlp/validate", "sanction_list_words")
_SANCTIONING_OFFICE_WORDS = word_set("nlp/validate", "sanctioning_office_words")
_DESIGNATION_WORDS = word_set("nlp/validate", "designation_words")
_CHARGE_PARTICIPLES = word_set("nlp/validate", "charge_participles")
_LISTING_BODY_WORDS = word_set("nlp/validate", "listing_body_words")
_SANCTIONING_UNION_NAMES = word_set("nlp/validate", "sanctioning_union_names")
_DESIGNATION_LABELS = word_set("nlp/validate", "designation_labels")


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


_PARTY_NOUNS = word_set("nlp/validate", "party_nouns")


def _party_noun(w: Token) -> bool:
    """A noun naming a party (a state, a body, a firm, a person), not a measure or a text."""
    return (
        w.pos_ == "PROPN"
        or w.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
        or w.lemma_.lower() in _PARTY_NOUNS
        or is_person(w)
    )


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


def _press_embargo(t: Token) -> bool:
    """ "Embargoed until" a time: a press embargo on a text ("the minister's remarks will be
    embargoed until 9 a.m."), no arms embargo on a party."""
    if t.pos_ not in ("VERB", "ADJ") or not t.lower_.startswith("embargo"):
        return False  # "were banned until 2030 by the EU", "sanctioned until ...": measures
    # (the parser may tag "is embargoed until noon" as an adjective)
    passive = any(c.dep_ == "auxpass" for c in t.children)
    by_party = any(c.dep_ == "agent" for c in t.children)
    return passive and not by_party and any(c.lower_ == "until" for c in t.children)


_JUDICIAL_SANCTIONERS = word_set("nlp/validate", "judicial_sanctioners")
_STATE_TRIBUNAL_MATTERS = word_set("nlp/validate", "state_tribunal_matters")


def sanction_misread(case: Case) -> bool | None:
    """A sanction told as a circumstance, a threat, history or a description."""
    doc, t = case.doc, case.f.trigger
    if _press_embargo(t):
        return False  # "his remarks will be embargoed until 9 a.m.": a press embargo
    if t.tag_ in ("VBN", "VBG") and under(t, {"despite", "amid"}):
        return False  # "despite the Kremlin being sanctioned": a circumstance, not a deed
    if held_ready(t):
        return False
    if long_past(doc, clause_of_phrase(t) or t):
        return False  # "he was added to the list of UN sanctions in 1999": history
    if _sanctions_described(t):
        return False
    if conditional(t):
        return False  # "we are ready to impose sanctions if it invades": a threat
    if topic_of_talk(t):
        return False  # "discuss US sanctions against Russia", "an update on US assistance"
    if _civil_grounds(case):
        return False
    if _disciplinary(case.f):
        return False  # "Uefa sanctioned Chelsea with a fine": a sports body's penalty
    if _judicial(case.f):
        return False  # "the judge sanctioned the lawyers for fake citations": a court's penalty
    return None


def _judicial(f: Frame) -> bool:
    """A sanction handed out by a court or a judge ("the court sanctioned the company for
    destroying evidence", "sanctions were imposed on the firm by a federal tribunal"): a
    penalty in a case, no measure of a state. Only the court that sanctions counts: the
    subject of the sanction verb or the "by" agent of a passive; a court upholding a state's
    sanctions ("a judge upheld the Treasury's sanctions on three firms") and a state's own
    tribunal on export controls or arms ("Ostmark's tribunal for export controls sanctioned
    two firms") stay. The court may be the target ("the EU sanctioned three Russian
    judges"), which stays too."""
    t = f.trigger
    if t.pos_ == "VERB":
        doers = [c for c in t.children if c.dep_ == "nsubj"]
        doers += [w for c in t.children if c.dep_ == "agent" for w in c.children
                  if w.dep_ == "pobj"]
    elif t.dep_ == "nsubjpass" and not any(c.dep_ == "poss" for c in t.children):
        # "sanctions were imposed on the firm by a federal tribunal"; a noun with a state
        # owner ("the Treasury's sanctions") or under "upheld", "confirmed" is no court's
        doers = [w for c in t.head.children if c.dep_ == "agent" for w in c.children
                 if w.dep_ == "pobj"]
    else:
        return False
    return any(_court(d) and not _state_tribunal(d) for d in doers)


def _court(d: Token) -> bool:
    return any(w.lemma_.lower() in _JUDICIAL_SANCTIONERS
               for w in (d, *(c for c in d.children if c.dep_ == "compound")))


def _state_tribunal(d: Token) -> bool:
    """ "Ostmark's tribunal for export controls": a named state's court on export controls
    or arms, whose sanction is the state's measure."""
    owned = any(w.ent_type_ in ("GPE", "NORP") or (c.dep_ == "poss" and w.pos_ == "PROPN")
                for c in d.children
                if c.dep_ in ("poss", "amod", "compound", "prep") for w in c.subtree)
    words = {w.lemma_.lower() for w in d.sent}
    return owned and bool(words & _STATE_TRIBUNAL_MATTERS)


_DISCIPLINARY_PENALTIES = word_set("nlp/validate", "disciplinary_penalties")


_SANCTION_PENALTY_KINDS = word_set("nlp/validate", "sanction_penalty_kinds")


def _disciplinary(f: Frame) -> bool:
    """A sanction verb that hands out a fine, a ban or a points deduction "with": a body
    disciplining a club, a player or a firm, no measure against a defence target. A state
    imposing ("Britain sanctioned the firm with a ban on entering UK ports") or a penalty of a
    measure's kind or with its own "on" ("an export ban", "a ban on all arms sales") is a
    sanction."""
    t = f.trigger
    if t.pos_ != "VERB":
        return False
    if any(s.ent_type_ in ("GPE", "NORP") for s in f.subj):
        return False
    penalties = [w for x in f.pp("with") for w in (x, *x.conjuncts)]
    return bool(penalties) and all(_disciplinary_penalty(w) for w in penalties)


def _disciplinary_penalty(w: Token) -> bool:
    """A penalty word with no measure's kind ("export", "travel", "arms") and no "on"."""
    if w.lemma_.lower() not in _DISCIPLINARY_PENALTIES:
        return False
    return not any(
        (c.dep_ == "prep" and c.lower_ == "on")
        or (c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in _SANCTION_PENALTY_KINDS)
        for c in w.children
    )


_CIVIL_GROUNDS = word_set("nlp/validate", "civil_sanction_grounds")


def _civil_grounds(case: Case) -> bool:
    """Targets punished for a civil crime ("sanctions on four smugglers who ran narcotics
    through Vesk", "blacklisted two fentanyl traffickers"): no defence measure.
    Each target is judged on its own words, not its conjuncts' ("three firms that shipped
    drones and a network that smuggled drugs" keeps the firms): all must be civil."""
    doc = case.doc
    heads = list(case.f.pp("on", "against"))
    for v in case.m.values("target"):
        span = doc.char_span(v.start, v.end, alignment_mode="expand")
        if span is not None:
            heads.append(span.root)
    return bool(heads) and all(
        any(w.lemma_.lower() in _CIVIL_GROUNDS or w.lower_ in _CIVIL_GROUNDS
            for w in _own_words(h))
        for h in heads)


def _own_words(h: Token) -> list[Token]:
    """The words of a phrase less the parties coordinated with it and their clauses."""
    out, todo = [], [h]
    while todo:
        w = todo.pop()
        out.append(w)
        todo.extend(c for c in w.children if c.dep_ not in ("conj", "cc", "preconj"))
    return out


def judge_sanction(case: Case) -> bool:
    """Sanctions imposed, new or by one side on another."""
    f, m, t, parties = case.f, case.m, case.f.trigger, case.parties
    if headline_sanctions(t):
        return bool(m.values("imposer") and m.values("target"))  # "UK sanctions GRU officers"
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


def judge_designate(case: Case) -> bool:
    """A party designated by an official body."""
    doc, f, m = case.doc, case.f, case.m
    if _non_sanction_label(f):
        return False
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


def judge_ban(case: Case) -> bool:
    """A ban of a kind imposed on a party."""
    f, m, t = case.f, case.m, case.f.trigger
    if t.pos_ == "NOUN" and f.gov_lemma in _SANCTION_GOVERNORS:
        # "imposed export bans on 22 Russian entities": a ban of a kind, on a party
        kinds = {c.lemma_.lower() for c in t.children if c.dep_ in ("compound", "amod")}
        return bool(kinds & _BAN_OBJECTS) and bool(m.values("imposer") and m.values("target"))
    if t.pos_ == "VERB" and f.pp("from") and not f.passive:
        # "the US has barred Chinese drone maker DJI from its market": a state bars a firm
        states = [v for v in m.values("imposer") if v.label in ("COUNTRY", "GPE", "METONYM")]
        firms = [v for v in m.values("target") if v.label in ("COMPANY", "ORG")]
        if states and firms:
            return True
    if f.obj and all(_use_of_no_party(o) for o in f.obj):
        return False
    objs = {w.lemma_.lower() for x in f.obj for w in x.subtree}
    return bool(objs & _BAN_OBJECTS) and bool(m.values("imposer"))


def _use_of_no_party(o: Token) -> bool:
    """ "banning all private use of the devices on base", "banned the use of phones in class":
    a rule on how a thing is used, no measure against a party ("banned the use of Huawei
    equipment" names one)."""
    from materiel.nlp.spans import party_label

    return o.lemma_.lower() == "use" and not any(
        party_label(w) not in (None, "NOUN") for w in o.subtree if w.i != o.i)


def judge_list(case: Case) -> bool:
    """Parties added to a sanctions list."""
    f, m = case.f, case.m
    # "adding 93 entities to the Entity List"
    # "adding 71 parties located in Russia to the Entity List": the phrase may hang low
    preps = ("to",) if case.trig.lemma == "add" else ("to", "on", "in")
    hung = [w for o in f.obj for w in o.subtree if w.dep_ == "pobj" and w.head.lower_ in preps]
    lists = [
        w
        for w in f.pp(*preps) + hung
        if w.lemma_.lower() in ("list", "blacklist") and not _wanted_list(w)
    ]
    if case.trig.lemma != "add":
        # "placed five firms on the Entity List", "listed on the sanctions list": a list of
        # sanctioned parties by its name ("put on the agenda", "listed on the exchange": none)
        lists = [w for w in lists if w.lemma_.lower() == "blacklist" or {
            x.lower_ for x in w.subtree} & _SANCTION_LIST_WORDS]
    goods = [o for o in f.obj if o.lemma_.lower() in _LISTED_GOODS or is_military_item(o)]
    if goods and len(goods) == len(f.obj):
        return False  # "adding more items to the negative list": an import list of goods
    if not lists and case.trig.lemma == "list" and _listed_for_a_deed(case):
        return True
    return bool(lists) and bool(m.values("target"))


def _listed_for_a_deed(case: Case) -> bool:
    """ "the Council adopted a decision to list 19 companies accused of supplying military goods
    to Russia": an official body (a state, or a council, commission or sanctioning office) lists
    firms or people with the deed they are charged with, or under sanctions named in the
    listing's own phrase. A think tank, newspaper or yearbook listing firms ("SIPRI lists the
    companies that supplied Russia despite sanctions"), a ministry listing bidders, or firms
    listed for relief or as partners punish no one."""
    f, m = case.f, case.m
    bodies = [o for o in f.obj if o.lemma_.lower() in SANCTIONED_BODIES]
    official = any(_official_lister(v) for v in m.values("imposer"))
    if f.passive or listed_as_other(f.trigger) or not (bodies and official and m.values("target")):
        return False
    return sanctions_listing(f.trigger) or any(
        c.dep_ == "acl" and c.lemma_.lower() in _CHARGE_PARTICIPLES for o in bodies
        for c in o.children
    )


def _official_lister(v: RoleValue) -> bool:
    """A state (or its capital) by name, a union or office that sanctions, or a body named by a
    word of office ("the EU Council", "the government"); a plain organisation is not one."""
    text = v.text.lower()
    return (
        v.label in STATE_OR_METONYM_LABELS
        or text in _SANCTIONING_UNION_NAMES
        or bool((_SANCTIONING_OFFICE_WORDS | _LISTING_BODY_WORDS) & set(text.split()))
    )


def judge_export(case: Case) -> bool:
    """Export controls or a price cap imposed."""
    m, trig, t = case.m, case.trig, case.f.trigger
    # "imposing export controls on ...", "a price cap on Russian oil"
    kind_words = ("price",) if trig.lemma == "cap" else ("export", "exports")
    if trig.lemma == "cap" and not any(
        v.label not in (None, "NOUN") for v in m.values("imposer")
    ):
        return False  # "countries that impose a price cap": no one named imposes it
    return any(c.lower_ in kind_words for c in t.children) and bool(
        m.values("imposer") or m.values("target")
    )


_FROZEN_HOLDINGS = word_set("nlp/validate", "frozen_holdings")


def frozen_holdings(f: Frame) -> list[Token]:
    """What a freeze holds ("froze the assets of X", "X's reserves were frozen", "freeze $280
    billion in central bank funds"): a party's money, the noun or the phrase the sum names."""
    out = []
    for o in f.obj:
        if o.lemma_.lower() in _FROZEN_HOLDINGS:
            out.append(o)
        out.extend(w for w in pobjs_in(o) if w.lemma_.lower() in _FROZEN_HOLDINGS)
    return out


def pobjs_in(o: Token) -> list[Token]:
    """ "$280 billion in funds": the noun of the phrase after a sum."""
    return [w for c in o.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
            for w in c.children if w.dep_ == "pobj"]


def judge_freeze(case: Case) -> bool:
    """A party's assets frozen by a state or a body: a sanction ("Britain froze the assets of
    six arms makers"); "frozen assets" said of a fund's source is no deed."""
    f, m, t = case.f, case.m, case.f.trigger
    if misparsed_freezes(t) is not None:
        return bool(m.values("target"))  # "imposed asset freezes on five generals"
    if t.pos_ == "NOUN":
        # "imposed asset freezes on 20 officials", "an asset freeze against the bank"
        held = {c.lemma_.lower() for c in t.children if c.dep_ in ("compound", "amod")}
        if f.gov_lemma in _SANCTION_NOT_IMPOSED_GOVERNORS:
            return False
        return bool(held & _FROZEN_HOLDINGS) and bool(m.values("target"))
    if t.pos_ != "VERB" or t.dep_ in ("amod", "compound"):
        return False  # "profits from frozen Russian assets": a state of things
    return bool(frozen_holdings(f)) and bool(m.values("imposer") or m.values("target"))


_RENEWAL_VERBS = word_set("nlp/validate", "sanction_renewal_verbs")


def judge_emergency(case: Case) -> bool:
    """A national emergency kept in force ("the President chose to extend the national
    emergency over Belarus"): the sanctions programme it carries, renewed."""
    f, t = case.f, case.f.trigger
    national = any(c.lower_ == "national" for c in t.children)
    if t.dep_ == "nsubj" and t.head.lemma_.lower() in _RENEWAL_VERBS:
        return False  # "a notice stating that the emergency is to continue beyond March 6":
        # what the notice says, with the day it would lapse (the renewal is told as a deed)
    # "renewing for two more years the national emergency set up by an order": the parser may
    # hang the noun on its participle, or on the phrase before it
    renewed = f.gov_lemma in _RENEWAL_VERBS or any(
        a.lemma_.lower() in _RENEWAL_VERBS for a in list(t.ancestors)[:4]
    )
    return national and renewed and bool(case.m.values("imposer"))


_MEASURE_KINDS = word_set("nlp/validate", "sanctioning_measure_kinds")


_RETALIATION_NOUNS = word_set("nlp/validate", "retaliation_nouns")


_RETALIATION_DEFENCE_WORDS = word_set("nlp/validate", "retaliation_defence_words")


def _named_party(doc: Doc, v: RoleValue, head: Token) -> bool:
    """A target that is a defence party: a body ("three US defence companies", "Skydio"), or a
    state only when the sentence ties the measure to arms or war ("against the United States
    over the Taiwan arms sale"); a state in a diplomatic row ("countermeasures against
    Kerel over its trade office") is none."""
    i = tok_index(doc, v)
    if i >= 0 and doc[i].lemma_.lower() in SANCTIONED_BODIES:
        return True
    if v.label in (None, "NOUN"):
        return False
    if v.label not in STATE_OR_METONYM_LABELS and not (v.kb_id or "").startswith(
            "country:"):
        return True
    sent = head.sent
    return any(w.lemma_.lower() in _RETALIATION_DEFENCE_WORDS
               or w.lower_ in _RETALIATION_DEFENCE_WORDS for w in sent)


def judge_measure(case: Case) -> bool:
    """Measures that are sanctions by their kind: "restrictive measures against 20 officials"
    (the EU's word for sanctions), "punitive measures on the firms"; not "new measures to
    protect the grid", "security measures"."""
    f, m, t = case.f, case.m, case.f.trigger
    kinds = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound")}
    if f.gov_lemma in _SANCTION_NOT_IMPOSED_GOVERNORS:
        return False
    if t.lemma_.lower() in _RETALIATION_NOUNS:
        # "announced countermeasures against three US defence companies" (Beijing's word for
        # its sanctions); only imposed or announced ("the SCO is a countermeasure against
        # Pakistan", "as a countermeasure against India" are none) and only against a named
        # party, never "countermeasures against drones"
        imposed = t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in _SANCTION_GOVERNORS
        return imposed and any(_named_party(case.doc, v, t) for v in m.values("target"))
    if kinds & _MEASURE_KINDS:
        imposed = bool(m.values("imposer")) and f.gov_lemma in _SANCTION_GOVERNORS
        return bool(m.values("target")) or imposed
    return False


def _wanted_list(w: Token) -> bool:
    """A police list ("the list of wanted criminals", "its wanted list"): a search warrant,
    not a sanction."""
    words = {x.lower_ for x in w.subtree}
    return bool(words & {"wanted", "criminals", "fugitives"})


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
