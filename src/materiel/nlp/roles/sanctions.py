"""Imposer and target of a sanction."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pobjs, pp_of
from materiel.nlp.roles.common import add_parties
from materiel.nlp.roles.parties import role_value
from materiel.nlp.spans import conjuncts, is_military_item, item_range, party_label
from materiel.nlp.types import EventMention, NumberMention, RoleValue
from materiel.wordlists import word_set


def fill_sanction(doc: Doc, f: Frame, m: EventMention, numbers: list[NumberMention]) -> list[Token]:
    imposing = misparsed_freezes(f.trigger)
    if imposing is not None:  # "the UK imposed asset freezes on five generals"
        add_parties(doc, "imposer", [c for c in imposing.children if c.dep_ == "nsubj"], m)
        add_parties(doc, "target", f.pp("on", "against"), m)
        return []
    if headline_sanctions(f.trigger):  # "UK sanctions Russian intelligence officers"
        add_parties(doc, "imposer", [c for c in f.trigger.children if c.dep_ == "compound"], m)
        target = f.trigger.head  # the phrase after "sanctions", less the words before it
        rv = role_value(doc, "target", (f.trigger.i + 1, target.i + 1), party_label(target))
        if rv is not None:
            m.add(rv)
        return []
    if m.trigger == "freeze" and f.trigger.pos_ == "VERB":
        _fill_freeze(doc, f, m)
        return []
    if m.trigger == "emergency":
        _fill_emergency(doc, f, m)
        return []
    if (
        m.trigger
        in ("sanction", "blacklist", "designate", "ban", "bar", "embargo", "debar", "add", "target",
            "list", "place", "put")
        and f.trigger.pos_ == "VERB"
    ):
        if f.passive:
            add_parties(doc, "imposer", f.agent, m)
            add_parties(doc, "target", f.obj, m)
        else:
            add_parties(doc, "imposer", f.subj or _means_subject(f.trigger), m)
            if not m.values("imposer"):
                add_parties(doc, "imposer", _measures_owner(f), m)
            add_parties(doc, "target", f.obj, m)
            if m.trigger in ("ban", "bar"):
                for tok in f.obj:
                    rv = role_value(doc, "target", item_range(tok), None)
                    if rv is not None and not m.values("target"):
                        m.add(rv)
        _named_members(doc, f.pp("including"), m)
        if not m.values("target"):
            # "three Russian bodies were sanctioned": a described group the NER leaves out
            for tok in f.obj:
                if (tok.pos_ == "NOUN" and tok.tag_ == "NNS" and not is_military_item(tok)
                        and not _force_body_not_sanctioned(tok)):
                    rv = role_value(doc, "target", item_range(tok), None)
                    if rv is not None:
                        m.add(rv)
        _force_body_targets(doc, f, m)
    else:
        if f.passive:
            add_parties(doc, "imposer", f.agent, m)
        elif f.trigger.dep_ != "nsubj":
            add_parties(doc, "imposer", f.subj, m)
        add_parties(doc, "imposer", f.mods + f.poss, m)
        add_parties(doc, "imposer", [t for t in f.pp("by")], m)
        # "sanctions from the US and its allies"
        add_parties(doc, "imposer", [t for t in f.pp("from") if party_label(t)], m)
        _bloc_imposer(doc, f, m)
        tgt = f.pp("on", "against", "targeting", "for") + f.obj
        for w in f.pp("with"):  # "sanctions with respect to the Russian Federation"
            if w.lemma_.lower() == "respect":
                tgt.extend(pp_of(w, "to"))
        for cl in f.clauses:  # "sanctions targeting people and entities"
            if cl.lemma_ in ("target", "hit", "aim", "cover"):
                tgt.extend(c for c in cl.children if c.dep_ == "dobj")
        if (
            f.trigger.dep_ == "nsubj"
            and f.pred is not None
            and f.gov_lemma in ("target", "hit", "include", "aim")
        ):
            add_parties(doc, "imposer", f.mods, m)
            tgt.extend(c for c in f.pred.children if c.dep_ == "dobj")
        tgt.extend(_hit_by(f.trigger))
        add_parties(doc, "target", tgt, m)
        _named_members(doc, f.pp("including") + [w for t in tgt for c in t.children
                                                  if c.dep_ == "prep" and c.lower_ == "including"
                                                  for w in pobjs(c)], m)
    return []


_IMPOSING_VERBS = word_set("nlp/validate", "sanction_governors")
_FORCE_BODIES = word_set("nlp/roles", "sanctioned_force_bodies")
_OWNER_LABELS = ("NORP", "DEMONYM", "COUNTRY", "GPE", "ORG")
_RAISED_BODY_WORDS = word_set("nlp/roles", "raised_body_words")
_GOODS_COUNT_PREPS = word_set("nlp/roles", "goods_count_preps")
_APPROVING_BODIES = word_set("nlp/roles", "approving_bodies")


def _force_body_targets(doc: Doc, f: Frame, m: EventMention) -> None:
    """Bodies of a state's forces among the objects, "units" too, which the party reading
    leaves out as goods ("sanctioned two Russian military intelligence units and 11 people")."""
    told = {(v.start, v.end) for v in m.values("target")}
    for tok in (c for o in f.obj for c in conjuncts(o)):
        if sanctioned_force_body(tok):
            rv = role_value(doc, "target", item_range(tok), None)
            if rv is not None and (rv.start, rv.end) not in told:
                m.add(rv)


def _force_body_not_sanctioned(tok: Token) -> bool:
    """ "sanctioned two new Indian Reserve battalions", "sanctioned four Indian Navy units to
    man the new destroyers": a body of troops approved, no party sanctioned."""
    return tok.lemma_.lower() in _FORCE_BODIES and not sanctioned_force_body(tok)


def sanctioned_force_body(tok: Token) -> bool:
    """ "sanctioned two Russian military intelligence units", "sanctioned an Israeli army
    battalion": a body of a named state's forces, a party, though "units" also counts goods.
    A new body ("sanctioned two new battalions") is one approved to be raised, and so is one
    approved for a purpose (Indian English, "sanctioned four Indian Navy units to man the
    new destroyers", "for the new drone corps") or by a cabinet, ministry or council."""
    if tok.lemma_.lower() not in _FORCE_BODIES:
        return False
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "det", "nummod")]
    if any(c.lower_ in _RAISED_BODY_WORDS for c in mods):
        return False
    if any(c.dep_ == "prep" and c.lower_ in _GOODS_COUNT_PREPS for c in tok.children):
        return False  # "120 units of the Akash missile": a count of goods
    if _approved_for_a_purpose(tok):
        return False
    return any(w.ent_type_ in _OWNER_LABELS for c in mods if c.dep_ != "nummod"
               for w in c.subtree)


def _approved_for_a_purpose(tok: Token) -> bool:
    """The verb whose object `tok` is carries a purpose ("to man the new destroyers", "for
    the new drone corps") or an approving body as subject ("The Cabinet", "the Centre")."""
    head = tok
    while head.dep_ == "conj":
        head = head.head
    verb = head.head if head.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB":
        return False
    holders = [verb, tok]
    if any(c.dep_ in ("advcl", "xcomp", "acl", "relcl")
           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
           for h in holders for c in h.children):
        return True  # "to man the new destroyers"
    if any(c.dep_ == "prep" and c.lower_ == "for"
           and any(w.lower_ in _RAISED_BODY_WORDS for p in c.children for w in p.children)
           for h in holders for c in h.children):
        return True  # "for the new drone corps"
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _APPROVING_BODIES
               for c in verb.children)


def misparsed_freezes(t: Token) -> Token | None:
    """ "imposed asset freezes on X": the parse may take "asset" for the object of the
    imposing verb and "freezes" for a verb of its own; the imposing verb, when so."""
    if t.lower_ != "freezes" or t.pos_ != "VERB" or t.i == 0:
        return None
    asset = t.doc[t.i - 1]
    verb = asset.head
    if asset.lemma_.lower() != "asset" or asset.dep_ != "dobj":
        return None
    return verb if verb.lemma_.lower() in _IMPOSING_VERBS else None


def headline_sanctions(t: Token) -> bool:
    """A headline with no verb, "UK sanctions Russian intelligence officers": the parse reads
    "sanctions" as a noun naming the phrase after it; a state before it imposes them on that
    phrase, as the verb of a headline does."""
    if t.lower_ != "sanctions" or t.dep_ not in ("nmod", "compound") or t.head.i <= t.i:
        return False
    if any(w.pos_ in ("VERB", "AUX") for w in t.sent):
        return False
    if t.head.tag_ not in ("NNS", "NNP", "NNPS"):
        return False  # "UK sanctions policy", "the EU sanctions list": a noun phrase
    states = [c for c in t.children if c.dep_ == "compound" and c.i == t.i - 1]
    return any(party_label(c) in ("COUNTRY", "GPE", "METONYM", "ORG") for c in states)


def _fill_freeze(doc: Doc, f: Frame, m: EventMention) -> None:
    """ "Britain froze the assets of six arms makers", "Russia's reserves were frozen by the
    EU": the freezer is the imposer, the holder of the assets the target."""
    from materiel.nlp.validate.sanctions import frozen_holdings

    add_parties(doc, "imposer", f.agent if f.passive else f.subj, m)
    owners = []
    for h in frozen_holdings(f):
        owners += [c for c in h.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        owners += [w for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "belonging")
                   for w in pobjs(c)]
    add_parties(doc, "target", [w for o in owners for w in _pointed_owner(f.trigger, o)], m)


def _pointed_owner(t: Token, owner: Token) -> list[Token]:
    """The owner a possessive pronoun points back to when the freezing hangs on an earlier
    measure ("announced countermeasures against three US firms, freezing their assets",
    "sanctioned five firms, freezing their assets"): that measure's target, never its imposer."""
    if owner.pos_ != "PRON" or owner.dep_ != "poss" or t.dep_ not in ("advcl", "conj"):
        return [owner]
    objs = [c for c in t.head.children if c.dep_ == "dobj"]
    return [w for o in objs for w in (pp_of(o, "against", "on") or [o])]


def _fill_emergency(doc: Doc, f: Frame, m: EventMention) -> None:
    """ "we renew the national emergency", "I find that the national emergency must be
    continued": the one who keeps it in force, the nearest subject up
    the clauses that names a party (the programme's target is told elsewhere). The notice
    that finds it necessary is the renewal itself: done."""
    m.status = "done"
    cur = f.trigger
    for _ in range(6):
        if cur.head.i == cur.i:
            return
        cur = cur.head
        subj = [c for c in cur.children if c.dep_ == "nsubj" and c.lower_ != "it"]
        if subj and add_parties(doc, "imposer", subj, m):
            return


_SANCTIONING_MEASURES = word_set("nlp/validate", "sanctioning_measures")


def _measures_owner(f: Frame) -> list[Token]:
    """ "The latest British measures target Iranian firms", "Canada's sanctions hit ...": the
    side whose measures are the subject."""
    return [c for s in f.subj if s.lower_ in _SANCTIONING_MEASURES
            for c in s.children if c.dep_ in ("amod", "compound", "poss", "nmod")]


def _means_subject(t: Token) -> list[Token]:
    """ "X will act against them by adding them to the Entity List", "X responded by banning
    the firm": the means clause's doer is the subject of the verb it tells the means of."""
    if t.dep_ != "pcomp" or t.head.lower_ != "by":
        return []
    return [c for c in t.head.head.children if c.dep_ == "nsubj"]


def _named_members(doc: Doc, toks: list[Token], m: EventMention) -> None:
    """Named targets a group lists ("six companies, including X"), not described ones."""
    named_ = [c for t in toks for c in conjuncts(t) if party_label(c) not in (None, "NOUN")]
    add_parties(doc, "target", named_, m)


def _hit_by(trigger: Token) -> list[Token]:
    """ "Belarus was targeted by sweeping sanctions", "targeted in Western sanctions": the
    subject of the passive verb whose agent the sanctions are."""
    by = trigger.head
    if (
        trigger.dep_ != "pobj"
        or not (by.dep_ == "agent" or by.lower_ == "in")
        or by.head.lemma_.lower() not in _HIT_VERBS
    ):
        return []
    return [c for c in by.head.children if c.dep_ == "nsubjpass"]


_HIT_VERBS = word_set("nlp/roles", "sanction_hit_verbs")
_BLOC_WORDS = word_set("nlp/roles", "bloc_words")


def _bloc_imposer(doc: Doc, f: Frame, m: EventMention) -> None:
    """ "western sanctions", "sanctions imposed by the West": the bloc, which the NER
    leaves out or reads as a place."""
    if m.values("imposer"):
        return
    cands = [c for c in f.trigger.children if c.dep_ in ("amod", "compound")]
    cands += f.agent + f.pp("by", "from")
    for tok in cands:
        if tok.lower_ in _BLOC_WORDS:
            m.add(RoleValue("imposer", tok.text, tok.idx, tok.idx + len(tok), label="NORP"))
            return
