"""What a meeting, talk, visit, call or conference needs to stand."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.nlp.frames import Frame, pobjs, pp_of
from materiel.nlp.lexicon import ITEM_HEADS
from materiel.nlp.roles import MEETING_NOUNS, VISITOR_NOUNS, place_qualifier
from materiel.nlp.roles.meetings import RECEIVED_CALL_NOUNS, VISIT_RECEIVING_VERBS
from materiel.nlp.spans import entity_of, is_military_item, party_label
from materiel.nlp.validate.case import Case
from materiel.nlp.validate.meetings import pair_told
from materiel.nlp.validate.tokens import LEADERS, SECURITY_WORDS, is_person, leader_named, mod_words
from materiel.wordlists import word_set

_MET_THINGS = word_set("nlp/validate", "met_things")
_COLLECTIVES = word_set("nlp/validate", "collectives")


def _thing_that_meets(t: Token) -> bool:
    """ "the only seat that meets ...", "a design which meets ...": what meets is a thing,
    whatever the parse makes of its object, and no one holds a meeting."""
    if t.dep_ != "relcl" or not any(
            c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in t.children):
        return False
    head = t.head
    # a bare capitalised word is no party here ("the only Qualified Ejection Seat that")
    return not (party_label(head) not in (None, "PROPN", "NOUN") or is_person(
        head) or head.lemma_.lower() in (
        LEADERS | VISITOR_NOUNS | _COLLECTIVES))


_NON_SECURITY_CONFERENCE_MODS = word_set("nlp/validate", "non_security_conference_mods")


def judge_speakwith(case: Case) -> bool:
    """A talk with a named person, not a word to reporters."""
    f, m, t = case.f, case.m, case.f.trigger
    # "spoke today with President X", not "spoke to reporters"
    if any(c.dep_ == "prt" for c in t.children):
        return False  # "spoke out against the war", "spoke up for": a stance, no talk
    people = [
        w for w in f.pp("with") if entity_of(w) is not None or w.lemma_.lower() in LEADERS
    ] + [w for w in f.pp("to") if is_person(w) or w.lemma_.lower() in LEADERS]
    # "Biden and Zelensky spoke by phone": the two speakers are the sides
    pair = [s for s in f.subj for s in (s, *s.conjuncts) if is_person(s)]
    if len(pair) >= 2 and not f.pp("to", "of") and t.dep_ in ("ROOT", "ccomp", "conj"):
        return True
    return bool(people) and any(not v.pronoun for v in m.values("participant"))


_SUMMONED_ENVOYS = word_set("nlp/validate", "summoned_envoys")
_HOSTED_BODIES = word_set("nlp/validate", "hosted_bodies")
_OWN_BODY_OWNERS = word_set("nlp/validate", "own_body_owners")


def _hosted_grouping(o: Token) -> bool:
    """A grouping of sides received as one, not one side's own body ("the defence council of
    the ruling party", "the party's council", "its own council")."""
    if o.lemma_.lower() not in _HOSTED_BODIES:
        return False
    owners = [c for c in o.children if c.dep_ in ("poss", "amod")] + pp_of(o, "of")
    return not any(w.lemma_.lower() in _OWN_BODY_OWNERS or w.lower_ in _OWN_BODY_OWNERS
                   for w in owners)


def _group_of_party(o: Token) -> bool:
    """A delegation or team named by its party ("a delegation of US lawmakers", "a visiting
    team from Japan's Defense Ministry")."""
    return o.lemma_.lower() in VISITOR_NOUNS and any(
        party_label(w) for w in pp_of(o, "of", "from"))


def _shares_a_thing_object(t: Token) -> bool:
    """A meeting verb offered as an alternative to another verb whose object, no side, both
    take ("meet or exceed the 2% guideline"); not "met and signed a pact"."""
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in t.children):
        return False
    return any(c.dep_ == "dobj" and not party_label(c)
               for v in t.conjuncts if v.pos_ == "VERB" for c in v.children)


def judge_meet(case: Case) -> bool:
    """Sides that meet, discuss, gather, convene or host one another."""
    doc, f, m, trig = case.doc, case.f, case.m, case.trig
    t = case.f.trigger
    if trig.lemma == "talk" and t.pos_ == "VERB":
        return judge_speakwith(case)  # "talked with his counterpart", as "spoke with"
    parts = [v for v in m.values("participant") if not v.pronoun]
    if trig.lemma in ("meet",) and t.pos_ == "VERB":
        if f.obj and not any(party_label(o) or _group_of_party(o) for o in f.obj):
            return False  # "met the deadline"; "met a delegation of US lawmakers" is met
        if not f.obj and _shares_a_thing_object(t):
            return False  # "are expected to meet or exceed the 2% guideline"
        if any(o.lemma_.lower() in _MET_THINGS for o in f.obj):
            return False  # "meet the standards", "meet Ukraine's needs"
        if _thing_that_meets(t):
            return False  # "the only seat that meets the Navy's criteria"
        meeting_sides = f.subj + ([t.head] if t.dep_ == "acl" else [])  # "EU leaders meeting"
        collective = any(
            s.tag_ in ("NNS", "NNPS") or len(s.conjuncts) > 0 or s.lemma_.lower() in _COLLECTIVES
            for s in meeting_sides
        )
        return bool(parts) and (
            len(m.values("participant")) >= 2
            or bool(f.obj)
            or bool(f.pp("with"))
            or collective  # "the defence ministers of the group will meet in Brussels"
        )
    if trig.lemma == "discuss":
        # "as we discussed with the other Nordic premiers": the speaker is a side
        speaker = any(
            v.pronoun and v.text.lower() in ("i", "we") for v in m.values("participant")
        )
        count = len(parts) + (1 if speaker and f.pp("with") else 0)
        count += sum(1 for v in parts if pair_told(doc, v))  # "the two leaders discussed"
        return count >= 2 and (bool(f.pp("with")) or len(f.subj) >= 2)
    if trig.lemma == "summon":  # "Moscow summoned the British ambassador": a diplomat called in
        # the verb's own object too: the frame's object may be the name in apposition
        # ("summoned British ambassador ... Nigel Casey": the name, not "ambassador")
        objs = f.obj + [c for c in t.children if c.dep_ == "dobj" and c not in f.obj]
        return bool(parts) and any(
            w.lemma_.lower() in _SUMMONED_ENVOYS for o in objs for w in o.subtree)
    if trig.lemma == "gather":  # "NATO leaders gathered in Vilnius", not "gathered data"
        sides = len(parts) >= 2 or any(s.tag_ == "NNS" or s.conjuncts for s in f.subj)
        return not f.obj and not f.passive and bool(f.subj) and sides
    if trig.lemma == "convene":  # "convened the defence ministers", "convened a summit"
        gathered = not f.obj and any(
            s.tag_ in ("NNS", "NNPS") or s.conjuncts or s.lemma_.lower() in _COLLECTIVES
            or (s.lower_.endswith("s") and s.lower_[:-1] in LEADERS)  # "G7 Leaders" (NNP)
            for s in f.subj)
        return any(w.lemma_.lower() in MEETING_NOUNS for w in f.obj) or len(parts) >= 2 or (
            bool(parts) and (bool(f.pp("with"))  # "we convened today with President X"
                             or gathered))  # "NATO defence ministers convened in Brussels"
    if trig.lemma in VISIT_RECEIVING_VERBS:
        return _received_visitor(f) and bool(parts)
    if trig.lemma in ("host", "welcome"):
        # "hosted the summit", "welcomed Prime Minister X to the White House"
        return any(w.lemma_.lower() in MEETING_NOUNS for w in f.obj) or (
            any(
                is_person(o) or o.lemma_.lower() in LEADERS | VISITOR_NOUNS or _hosted_grouping(o)
                for o in f.obj
            )  # "hosted the coalition of the willing at Downing Street"
            and bool(parts)
        )
    return bool(parts) or bool(m.values("location"))


def judge_told(case: Case) -> bool:
    """A leader who told another."""
    f = case.f
    return _leader_told(f)


def judge_visit(case: Case) -> bool:
    """A visitor who goes to a place or to another side."""
    f, m, trig, t = case.f, case.m, case.trig, case.f.trigger
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
        (leader_named(s) or is_person(s) or s.lemma_.lower() in VISITOR_NOUNS)
        # "Corvette INS Kavaratti arrived": a ship named like a person makes a port call
        and not _vessel_named(s)
        for s in f.subj
    ):
        return False  # "the first jets arrived in Poland", "troops arrived": no visitor
    if len([v for v in m.values("location") if not place_qualifier(case.doc, v)]) >= 3:
        return False  # "a tour of Japan, Fiji and Australia": one meeting in each, told apart
    return bool(parts) and (bool(m.values("location")) or len(parts) >= 2)




def _received_visitor(f: Frame) -> bool:
    """A person or leader receives a visitor: a named person, a leader or envoy, a delegation,
    or a call from someone ("received a phone call from X"); goods, awards, deliveries and
    letters are received without a meeting, and states or readers "receive" no one in this
    sense ("both nations are set to receive the prime minister")."""
    host = any(is_person(s) or s.lemma_.lower() in LEADERS for s in f.subj)
    return host and any(
        is_person(o)
        or o.lemma_.lower() in LEADERS | VISITOR_NOUNS
        or (o.lemma_.lower() in RECEIVED_CALL_NOUNS and bool(pp_of(o, "from")))
        for o in f.obj
    )


def judge_call(case: Case) -> bool:
    """A call with another side."""
    f, m, t = case.f, case.m, case.f.trigger
    parts = m.values("participant")
    return (
        bool(f.pp("with"))
        or any(c.lower_ in ("phone", "telephone", "video", "their") for c in t.children)
        or len(parts) >= 2
    )


def judge_conference(case: Case) -> bool:
    """A security conference, named or placed."""
    m, t = case.m, case.f.trigger
    mods = mod_words(t)
    if mods & _NON_SECURITY_CONFERENCE_MODS:
        return False
    return (
        bool(mods & SECURITY_WORDS)
        or bool(m.values("location"))
        or any(c.pos_ == "PROPN" for c in t.children)
    )


def _vessel_named(w: Token) -> bool:
    """A name the parser takes for a person, put after a kind of weapon ("Corvette INS
    Kavaratti", "Naval Ships INS Delhi"): a ship."""
    ent = entity_of(w)
    inside = range(ent.start, ent.end) if ent is not None else range(w.i, w.i + 1)
    return any(is_military_item(c) for c in w.children
               if c.dep_ == "compound" and c.i not in inside)


def _leader_told(f: Frame) -> bool:
    """One leader telling another, in person or by phone ("Sanchez told Morocco's king
    Mohammed VI in Rabat", "as I told President Ruto on the phone last week"): a talk
    between the two. Not telling reporters, a channel or an interviewer."""
    t = f.trigger
    if t.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or t.dep_ in ("amod", "acl", "relcl"):
        return False
    # one leader told: "told world leaders" is a speech to a gathering, told as the gathering
    listeners = [c for c in t.children if c.dep_ in ("dobj", "dative") and c.tag_ != "NNS"]
    if not any(leader_named(w) for w in listeners):
        return False
    if any(w.lemma_.lower() in MEETING_NOUNS for p in t.children if p.dep_ == "prep"
           for w in pobjs(p)):
        return False  # "in a call, X informed Y": the call is the meeting
    return any(leader_named(s) or is_person(s) or s.lower_ in ("i", "we") for s in f.subj)
