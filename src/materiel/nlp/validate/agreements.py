"""What an agreement needs to stand: sides joined, members admitted, a pact signed."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.nlp.frames import Frame
from materiel.nlp.roles import MEETING_NOUNS, PROD_VERBS
from materiel.nlp.spans import is_military_item, party_label
from materiel.nlp.types import RoleValue
from materiel.nlp.validate.case import Case
from materiel.nlp.validate.tokens import SECURITY_WORDS, held_ready, mod_words, tok_index
from materiel.wordlists import word_set

_ALLIANCE_WORDS = word_set("nlp/validate", "alliance_words")

_SIGN_GOVERNORS = word_set("nlp/validate", "sign_governors")

_AGREEMENT_SECURITY_WORDS = word_set("nlp/validate", "agreement_security_words")


def agreement_misread(case: Case) -> bool | None:
    """An agreement held ready, or a joining that makes no member."""
    f, trig, t = case.f, case.trig, case.f.trigger
    if held_ready(t):
        return False
    if trig.lemma == "join" and not _joins_as_member(f):
        return False  # "the alliance it is seeking to join", "joining colleagues for a meeting"
    if trig.lemma == "member" and not _became_member(t):
        return False  # "NATO members agreed", "a member of parliament": no accession told
    return None


def judge_alliance(case: Case) -> bool:
    """Sides that join hands, or states let into an alliance."""
    doc, f, m, trig = case.doc, case.f, case.m, case.trig
    t, parties = case.f.trigger, case.parties
    if _joins_hands(f):
        if {c.lemma_.lower() for c in f.clauses} & (PROD_VERBS - {"develop"}):
            return False  # "joined hands with X to manufacture drones": a production deal
        joined = {o.i for o in f.obj}
        m.args["party"] = [v for v in m.values("party") if tok_index(doc, v) not in joined]
        words = {w.lower_ for w in doc}
        return len(m.values("party")) >= 2 and bool(
            words & SECURITY_WORDS or any(is_military_item(w) for w in doc if w.pos_ == "NOUN")
        )
    if trig.lemma in ("admit", "add"):
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
    words = {w.lower_ for w in doc}
    invited = t.dep_ == "xcomp" and t.head.lemma_.lower() in ("invite", "admit", "welcome")
    return (bool(words & _ALLIANCE_WORDS) or invited) and bool(parties)


def judge_signed(case: Case) -> bool:
    """A defence framework signed or agreed by the sides."""
    doc, f, t, parties = case.doc, case.f, case.f.trigger, case.parties
    # "signed a ten-year framework for their defence partnership"
    words = {w.lower_ for w in doc}
    # "agreed to explore defence cooperation": the sides agree on it
    agreed_to = (
        f.pred is not None and f.pred.dep_ == "xcomp" and f.pred.head.lemma_.lower() == "agree"
    )
    return (
        (f.gov_lemma in _SIGN_GOVERNORS or agreed_to)
        and bool(parties)
        and bool(
            (words | mod_words(t)) & SECURITY_WORDS
            # troops count in the agreement's own words only ("a pact stationing a brigade")
            or ({w.lower_ for w in t.subtree} | mod_words(t)) & _AGREEMENT_SECURITY_WORDS
        )
    )


_ASPIRATIONS = word_set("nlp/validate", "aspirations")


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


def _became_member(t: Token) -> bool:
    """ "Finland became NATO's 31st member", "Sweden has become a member of the alliance":
    an accession done (not "will become", "hopes to become")."""
    verb = t.head
    if t.dep_ != "attr" or verb.lemma_.lower() != "become":
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )
