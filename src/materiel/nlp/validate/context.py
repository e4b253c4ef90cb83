"""Misreadings of any event type: wishes, orders, headlines, reasons, background."""

from __future__ import annotations

from spacy.tokens import Span, Token

from materiel.nlp.frames import Frame, pobjs
from materiel.nlp.lexicon import ITEM_HEADS, SPEECH_VERBS
from materiel.nlp.numbers import parse_quantity
from materiel.nlp.roles.sanctions import sanctioned_force_body
from materiel.nlp.spans import is_military_item, item_head, party_label
from materiel.nlp.status import clause_chain
from materiel.nlp.types import EventMention, Trigger
from materiel.nlp.validate.case import Case
from materiel.nlp.validate.tokens import SANCTIONED_BODIES, sanctions_listing, under
from materiel.wordlists import word_set

_REASON_GOVERNORS = word_set("nlp/validate", "reason_governors")
_SANCTION_REASON_GOVERNORS = word_set("nlp/validate", "sanction_reason_governors")
_SHORTFALL_VERBS = word_set("nlp/validate", "shortfall_verbs")
_PENDING_MARKS = word_set("nlp/validate", "pending_marks")


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


def misread_in_any_event(case: Case) -> bool | None:
    """A mention no type stands as: a wish, an order, a headline cited, a reason given."""
    f, m, trig, t = case.f, case.m, case.trig, case.f.trigger
    if _unrealized(t, m.type == "spending") or _command(f, trig) or _approval_sanction(f, m):
        return False
    if _cited_headline(t):
        return False
    if _pending_until(t):
        return False  # "no talks until it has built a missile": a condition not yet met
    if _stopped_short(t):
        return False  # "the draft stops short of sanctioning the oil firm": not done
    if _sanction_reason(t):
        return False  # "sanctioned X for supplying drones": why X is punished, not a deal
    if _tally(t):
        return False  # "has hosted more than 100 meetings": a tally
    if m.type == "sanction" and _effect_judged(t):
        return False  # "the price cap has helped cut its revenues": an effect judged
    return None


_EFFECT_VERBS = word_set("nlp/validate", "effect_verbs")


def _effect_judged(t: Token) -> bool:
    """A sanction noun judged by what it did ("the price cap has helped cut its revenues",
    "sanctions have crippled the economy"), undated. Sanctions only: a strike that damaged a
    plant or an order that will help a firm is told (production has its own premise rule)."""
    return (
        t.pos_ == "NOUN"
        and t.dep_ == "nsubj"
        and t.head.lemma_.lower() in _EFFECT_VERBS
        and not any(w.ent_type_ in ("DATE", "TIME") for w in t.head.subtree)
    )


_TALLY_NOUNS = word_set("nlp/validate", "tally_nouns")
_TALLY_COUNTS = word_set("nlp/validate", "tally_counts")


def _tally(t: Token) -> bool:
    """Many meetings counted, a tally, not one: "has hosted more than 100 meetings"."""
    counted = [t, *(c for c in t.children if c.dep_ == "dobj")]  # "hosted 100 meetings"
    for n in counted:
        if n.tag_ != "NNS" or n.lemma_.lower() not in _TALLY_NOUNS:
            continue
        for c in n.children:
            if c.dep_ != "nummod":
                continue
            if any(w.lower_ in _TALLY_COUNTS for w in c.subtree):
                return True
            count = parse_quantity([c.text])
            if count is not None and count >= 10:
                return True
    return False


def _pending_until(t: Token) -> bool:
    """The trigger's clause is a condition still to be met, told in the present ("will not
    negotiate until it has built a missile", "until the plant produces shells"); a past
    "until Russia struck it in 2022" tells a deed done."""
    verb = t.head if t.pos_ == "NOUN" and t.dep_ in ("dobj", "nsubjpass") else t
    if verb.dep_ != "advcl" or verb.tag_ == "VBD":
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children):
        return False  # "until it had built": a past told
    return any(c.dep_ == "mark" and c.lower_ in _PENDING_MARKS for c in verb.children)


def _stopped_short(t: Token) -> bool:
    """The trigger after "stop short of" or "fall short of" ("stopped short of ordering the
    jets", "a draft that falls short of sanctioning the oil firm"): a deed left undone."""
    cur = t
    for _ in range(4):
        if cur.dep_ not in ("pcomp", "pobj", "prep") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lower_ == "of" and cur.head.lower_ == "short":
            return cur.head.head.lemma_.lower() in _SHORTFALL_VERBS
    return False


def misread_as_background(case: Case) -> bool | None:
    """A reason for another deed, or a thing told amid or despite another."""
    m, t = case.m, case.f.trigger
    if (
        t.dep_ == "pcomp"
        and t.head.lower_ == "for"
        and t.head.head.lemma_.lower() in _REASON_GOVERNORS
    ):
        return False  # the reason for a sanction or a thank-you, not an event of its own
    if (
        m.type in ("aid", "procurement", "production", "sanction")
        and t.pos_ == "NOUN"
        and under(t, {"amid", "despite", "unlike", "without"})
    ):
        return False  # "amid uncertainty surrounding military aid"
    return None


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
            if _punishes(cur):
                return True
            if cur.dep_ not in ("prep", "pobj", "dobj", "nsubjpass", "acl") or cur.head.i == cur.i:
                return False
        return False
    clause = _deed_clause(t)
    if (clause.pos_ == "VERB" and clause.dep_ in ("relcl", "acl")
            and clause.head.lemma_.lower() in SANCTIONED_BODIES):
        # "sanctions on firms that supplied parts", "on a network procuring parts"
        cur = clause.head
        for _ in range(3):
            if cur.head.i == cur.i:
                return False
            cur = cur.head
            if _punishes(cur):
                return True
        return False
    return False


def _punishes(cur: Token) -> bool:
    """A word under which a clause tells what a party is punished for: a verb of sanctioning
    or charging, a penalty imposed, or a listing whose own phrase names sanctions."""
    return (
        cur.lemma_.lower() in _SANCTION_REASON_GOVERNORS
        or _imposes_penalty(cur)
        or sanctions_listing(cur)
    )


def _deed_clause(t: Token) -> Token:
    """ "firms it said were supplying Russia": the relative clause of saying that holds the
    deed, else the deed's own verb."""
    if t.dep_ == "ccomp" and t.head.dep_ == "relcl" and t.head.lemma_.lower() in SPEECH_VERBS:
        return t.head
    return t


_UNREALIZED_GOVERNORS = word_set("nlp/validate", "unrealized_governors")
_COMMAND_VERBS = word_set("nlp/validate", "command_clause_verbs")
_APPROVAL_OBJECTS = word_set("nlp/validate", "approval_objects")


def _unrealized(t: Token, spending: bool = False) -> bool:
    """A trigger under a word of proposing, urging, failing, hesitating, alleging or
    estimating inside its clause ("a proposal to co-produce tanks", "has struggled to buy
    frigates", "accused its neighbours of sending rifles"). A budget that names the kind of
    its head ("unveiled a defence budget proposal of $20 billion") is that head itself: the
    money put forward is the spending event, told as announced."""
    chain, _reporting = clause_chain(t)
    if spending and t.dep_ == "compound" and len(chain) > 1 and chain[1] == t.head:
        chain = [t, *chain[2:]]
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


def _command(f: Frame, trig: Trigger) -> bool:
    """ "ordered the shop to be closed", "ordered the division to Poland": a command with the
    clause of what is to be done or the place to go, and nothing ordered as goods."""
    t = f.trigger
    if trig.lemma not in _COMMAND_VERBS or t.pos_ != "VERB":
        return False
    clause = [c for c in t.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    # "orders the 10th Armoured Brigade to Lithuania": a named unit sent to a place
    if f.obj and all(o.ent_type_ == "ORG" for o in f.obj) and any(
        w.ent_type_ in ("GPE", "LOC") for w in f.pp("to")
    ):
        return True
    return bool(clause) and not any(is_military_item(item_head(o)) for o in f.obj)


_PENALTY_OBJECTS = word_set("nlp/validate", "penalty_objects")


def _imposes_penalty(v: Token) -> bool:
    """ "imposed sanctions on X", "issued a fine": a verb whose object is a penalty."""
    return v.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _PENALTY_OBJECTS for c in v.children
    )


def _approval_sanction(f: Frame, m: EventMention) -> bool:
    """ "sanction" as approve: what is sanctioned is money, a project or a weapon, not a
    party ("sanctioned funds for the missile project", "will sanction the new rifle")."""
    t = f.trigger
    if m.type != "sanction" or t.pos_ != "VERB" or m.trigger == "freeze":
        return False  # "froze $280 billion in funds": the money is held, not approved
    # "sanctioned two Russian military intelligence units": a party, not goods approved
    objs = [o for o in f.obj if not sanctioned_force_body(o)]
    if f.obj and not objs:
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
        for o in objs + direct
        if {w.lemma_.lower() for w in [o, *o.children]} & (_APPROVAL_OBJECTS | ITEM_HEADS)
        or is_military_item(o)
    ]
    if not approved and any(
        party_label(o) not in (None, "PROPN")
        or (o.tag_ == "NNS" and not is_military_item(o) and o.lemma_.lower() not in ITEM_HEADS)
        for o in objs
    ):
        return False  # "bodies ... were sanctioned for their links to production": a party
    things = objs + f.pp("to", "under", "for")
    return any(
        x.lemma_.lower() in _APPROVAL_OBJECTS | ITEM_HEADS
        or any(c.dep_ == "compound" and c.lower_ in _APPROVAL_OBJECTS for c in x.children)
        for x in things
    )
