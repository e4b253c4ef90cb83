"""Status (planned / announced / done), negation and hypotheticals from modality and tense.

`analyze(token)` looks at the trigger and the words that govern it inside its clause:
negation ("not", "never", "refused to"), hypotheticals ("could", "if", "would" outside
reported speech) and tense ("will", "plans to" -> planned; past or perfect -> done;
"announced", "pledged", "approved" -> announced).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.arms_sales import approved_sale_to_state
from materiel.nlp.lexicon import (
    ANNOUNCE_VERBS,
    HYPOTHETICAL_AUX,
    HYPOTHETICAL_MARKS,
    IRREALIS,
    NEG_VERBS,
    PLAN_VERBS,
    SPEECH_VERBS,
    inflect,
)
from materiel.wordlists import word_set, word_tuple

_ext.register()

_DONE_NOUN_GOVERNORS = word_set("nlp/status", "done_noun_governors")
_FUTURE_WORDS = word_set("nlp/status", "future_words")
_HEDGE_ADVERBS = word_set("nlp/status", "hedge_adverbs")


# Surface forms the small model's lemmatizer gets wrong ("hopes" -> "hop").
_LEMMA_FIX = {f: lemma for lemma in IRREALIS | NEG_VERBS | PLAN_VERBS for f in inflect(lemma)}


@dataclass
class StatusResult:
    status: str | None
    negated: bool = False
    hypothetical: bool = False
    cues: list[str] = field(default_factory=list)


def _urged_purpose(tok: Token) -> bool:
    """A to-infinitive that is the purpose of a step itself only asked for or planned
    ("urged X to take steps to send", "wants to use funds to buy"): its governor's status
    reaches it."""
    if tok.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ == "advcl" and _has_aux(head, HYPOTHETICAL_AUX - {"would"}):
        return True  # "must come together to decide its sale": the purpose is only urged
    if tok.dep_ == "relcl" and head.dep_ in ("dobj", "pobj"):
        head = head.head
    return head.dep_ in ("xcomp", "ccomp") and head.tag_ == "VB"


_ADJUNCT_PREPS = word_set("nlp/status", "adjunct_preps")
_MEALS = word_set("nlp/status", "meals")
_TENDER_REQUESTS = word_set("nlp/status", "tender_requests")


def _adjunct(prep: Token) -> bool:
    """A time or place phrase of a verb ("during a call", "at the summit"): what it names is
    not what the verb wishes, warns of or asks for."""
    if prep.dep_ == "prep" and prep.lower_ == "over" and prep.head.pos_ == "VERB":
        # "over lunch, X asked Y": the meal is the setting ("concerns over X" name a topic)
        return any(w.dep_ == "pobj" and w.lemma_.lower() in _MEALS for w in prep.children)
    return prep.dep_ == "prep" and prep.lower_ in _ADJUNCT_PREPS and prep.head.pos_ == "VERB"


def _tender_request(tok: Token) -> bool:
    """ "a request for proposal / information": a tender issued, not a wish."""
    return tok.lemma_.lower() == "request" and tok.pos_ == "NOUN" and any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(w.lower_ in _TENDER_REQUESTS for w in c.children if w.dep_ == "pobj")
        for c in tok.children
    )


def clause_chain(token: Token, limit: int = 8) -> tuple[list[Token], Token | None]:
    """The trigger and its governors inside its clause, and the reporting verb if the clause
    is the complement of a speech verb ("X said [that ...]")."""
    chain = [token]
    cur = token
    reporting: Token | None = None
    for _ in range(limit):
        head = cur.head
        if head.i == cur.i:
            break
        dep = cur.dep_
        if dep in ("relcl",) and cur.pos_ in ("VERB", "AUX") and not _urged_purpose(cur):
            break
        if dep in ("ccomp", "parataxis") and head.lemma_.lower() in SPEECH_VERBS | ANNOUNCE_VERBS:
            reporting = head
            break
        if dep == "advcl" and cur.pos_ in ("VERB", "AUX") and not _urged_purpose(cur):
            break
        chain.append(head)
        cur = head
    return chain, reporting


def _price_ceiling(neg: Token) -> bool:
    """ "a not-to-exceed $624M contract": a ceiling on the price, no negation."""
    return any(w.lower_ == "exceed" for w in neg.doc[neg.i + 1 : neg.i + 5])


def _has_aux(tok: Token, words: Set[str]) -> str | None:
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in words:
            return c.lower_
    return None


_ANNOUNCING_TRIGGERS = word_tuple("nlp/status", "announcing_triggers")
_PLAN_NOUNS = word_tuple("nlp/status", "plan_nouns")
_INVITING_VERBS = word_set("nlp/status", "inviting_verbs")


def _infinitive_of_plan(tok: Token) -> bool:
    """ "a roadmap to induct", "Ministers to meet on Saturday" (a headline): an infinitive
    hung on a plan noun, or on a noun that stands for the whole sentence, lies ahead."""
    if tok.tag_ != "VB" or tok.dep_ not in ("relcl", "acl"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head
    return head.pos_ in ("NOUN", "PROPN") and (
        head.lower_ in _PLAN_NOUNS or head.dep_ == "ROOT"
    )


def _own_participle(tok: Token) -> str | None:
    """The status a noun trigger's own past participle gives it ("a contract signed last
    year", "the package, approved in December"), or the trigger's when it is that participle
    ("jets ordered in 2021"): what happened to the thing, whatever the main clause says."""
    if tok.tag_ == "VBN" and tok.dep_ == "acl":
        parts = [tok]
    elif tok.pos_ == "NOUN":
        parts = [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    else:
        parts = []
    for part in parts:
        if any(c.dep_ in ("aux", "auxpass") for c in part.children):
            continue  # "a deal to be signed"
        lemma = part.lemma_.lower()
        if lemma in ANNOUNCE_VERBS - {"say", "tell", "report", "plan", "propose"}:
            return "announced"
        if lemma in _DONE_NOUN_GOVERNORS or part is tok:
            return "done"
    return None


def _to_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _subject_yet_to(chain: list[Token], idx: int, tok: Token) -> bool:
    """The event noun is the subject of what is yet to be done: "orders are yet to be placed"
    (the "yet" on "are"), "orders yet to be placed" (on the noun itself)."""
    if idx == 0:
        return tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and _to_infinitive(
            tok.head
        )
    return (
        idx == 1
        and chain[0].dep_ in ("nsubj", "nsubjpass")
        and tok.lemma_.lower() == "be"
        and any(c.dep_ == "xcomp" and _to_infinitive(c) for c in tok.children)
    )


_RETREAT_VERBS = word_set("nlp/status", "retreat_verbs")
_DROPPED_PLAN_NOUNS = word_set("nlp/status", "dropped_plan_nouns")


_UNFULFILLED_PLAN_WORDS = word_set("nlp/status", "unfulfilled_plan_words")


def _plan_unfulfilled(tok: Token) -> bool:
    """ "had plans to buy two more, but plans to add them remained unfulfilled": a clause
    joined to the plan's governor tells a plan (this one or its restatement) as never carried
    out."""
    for w in tok.subtree:
        if w.dep_ not in ("acomp", "oprd") or w.lower_ not in _UNFULFILLED_PLAN_WORDS:
            continue
        verb = w.head
        if verb.i <= tok.i:
            continue
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.lower_ in _PLAN_NOUNS for s in subj):
            return True
        # "plans to add two more remained unfulfilled", parsed with the plan noun above
        for a in verb.ancestors:
            if a.i == tok.i:
                break
            if a.lower_ in _PLAN_NOUNS:
                return True
    return False


_PENDING_MARKS = word_set("nlp/status", "pending_marks")
_NEGATING_PREPS = word_set("nlp/status", "negating_preps")
_SHELVING_VERBS = word_set("nlp/status", "shelving_verbs")
_SHELF_NOUNS = word_set("nlp/status", "shelf_nouns")
_SUPERSEDED_PLAN_ADVERBS = word_set("nlp/status", "superseded_plan_adverbs")
_REPLACING_PLAN_ADVERBS = word_set("nlp/status", "replacing_plan_adverbs")
_REPLACING_PLAN_VERBS = word_set("nlp/status", "replacing_plan_verbs")


def _shelved(verb: Token) -> bool:
    """ "put on hold", "kept on the back burner": a verb that shelves its object (the "on"
    hung on the verb or on its object: "kept several deals on hold")."""
    if verb.lemma_.lower() not in _SHELVING_VERBS:
        return False
    hosts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        p.dep_ == "prep"
        and p.lower_ == "on"
        and any(o.dep_ == "pobj" and o.lemma_.lower() in _SHELF_NOUNS for o in p.children)
        for h in hosts
        for p in h.children
    )


def _undoing(verb: Token) -> bool:
    return _shelved(verb) or _LEMMA_FIX.get(verb.lower_, verb.lemma_.lower()) in NEG_VERBS


def shelved_plan(trigger: Token) -> bool:
    """ "plans to buy 12 jets have been put on hold", parsed with the passive verb under the
    infinitive: a plan noun's infinitive that governs a passive verb undoing it."""
    head = trigger.head
    if trigger.dep_ not in ("acl", "xcomp") or head.lower_ not in _PLAN_NOUNS:
        return False
    # the plan word may be read as a verb ("plans ... have been put on hold": "put" a conj
    # of "plans", with no subject of its own)
    own = [
        c
        for c in head.children
        if not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
    ]
    return any(
        c.dep_ in ("ccomp", "conj")
        and c.i > trigger.i
        and any(a.dep_ == "auxpass" for a in c.children)
        and _undoing(c)
        for c in [*trigger.children, *own]
    )


def _pending_condition(event: Token, clause: Token) -> bool:
    """A future event that waits on a step not yet taken, told in the present with or without
    an auxiliary: "once the contract is concluded, the army will receive 75 guns a year",
    "once the parliament approves the deal, X will buy 40 jets" (spec: a conditional action is
    no event; not "once the contract was signed, it received")."""
    return (
        _has_aux(event, {"will", "shall", "'ll"}) is not None
        and any(g.dep_ == "mark" and g.lower_ in _PENDING_MARKS for g in clause.children)
        and any(
            a.tag_ in ("VBZ", "VBP")
            for a in [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]
        )
    )


def _awaited_deal(tok: Token) -> bool:
    """ "with more orders expected from the border guard": deals a seller only awaits (not
    "an order expected to be signed in March", a deal reported as coming)."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _EXPECTED_DEALS and any(
        c.dep_ == "acl"
        and c.tag_ == "VBN"
        and c.lemma_.lower() in _EXPECTING_VERBS
        and not any(x.dep_ in ("xcomp", "ccomp") for x in c.children)
        for c in tok.children
    )


def _plan_superseded(prev: Token, tok: Token, lemma: str) -> bool:
    """ "the navy, which originally wanted to buy 57 fighters, now seeks 27": a past plan
    told as replaced by another, which the sentence tells with a count of its own."""
    return (
        lemma in PLAN_VERBS
        and prev.dep_ == "xcomp"
        and (tok.tag_ == "VBD" or _has_aux(tok, {"had"}) is not None)
        and any(c.dep_ == "advmod" and c.lower_ in _SUPERSEDED_PLAN_ADVERBS for c in tok.children)
        and _replacing_plan(tok)
    )


def _counts(toks: list[Token]) -> set[str]:
    return {t.lower_ for t in toks if t.like_num}


def _replacing_plan(tok: Token) -> bool:
    """A clause outside the old plan's own that tells a plan or purchase (a plan or purchase
    verb, or a verb marked "now") with a count the old plan does not have ("now seeks 27")."""
    later = {t for c in tok.children if c.dep_ == "conj" for t in c.subtree}
    old = set(tok.subtree) - later
    old_counts = _counts(list(old))
    for v in tok.sent:
        if v in old or v.pos_ not in ("VERB", "AUX"):
            continue
        lemma = v.lemma_.lower()
        if not (lemma in PLAN_VERBS or lemma in _REPLACING_PLAN_VERBS or any(
                c.dep_ == "advmod" and c.lower_ in _REPLACING_PLAN_ADVERBS for c in v.children)):
            continue
        own = [t for t in v.subtree if t not in old]
        if _counts(own) - old_counts:
            return True
    return False


def _plan_given_up(prev: Token, tok: Token) -> bool:
    """A plan told only as given up: "plans to buy six tankers have been rejected", "has
    moved away from its plans to buy", "had planned to buy two more but has now dropped the
    plan", "wanted to buy jets but had to drop the plan", "originally wanted to buy".
    `tok` governs `prev` in the trigger's clause."""
    lemma = _LEMMA_FIX.get(tok.lower_, tok.lemma_.lower())
    if _plan_superseded(prev, tok, lemma):
        return True
    if prev.dep_ == "nsubjpass" and prev.lower_ in _PLAN_NOUNS and _undoing(tok):
        return True  # "plans to buy six tankers have been rejected / put on hold"
    if prev.lower_ in _PLAN_NOUNS and _plan_unfulfilled(tok):
        return True
    if (
        prev.dep_ == "prep"
        and prev.lower_ == "from"
        and lemma in _RETREAT_VERBS
        and any(o.dep_ == "pobj" and o.lower_ in _PLAN_NOUNS for o in prev.children)
    ):
        return True
    return lemma in PLAN_VERBS and any(
        c.dep_ == "conj"
        and c.i > tok.i
        and any(
            _undoing(v)
            and any(
                o.dep_ == "dobj" and o.lemma_.lower() in _DROPPED_PLAN_NOUNS for o in v.children
            )
            # "but dropped the plan", "but had to drop the plan"
            for v in [c, *(x for x in c.children if x.dep_ == "xcomp")]
        )
        for c in tok.children
    )


_INVERTED_CONDITION_AUX = word_set("nlp/status", "inverted_condition_aux")
_WISHING_VERBS = word_set("nlp/status", "wishing_verbs")
_STANCE_VERBS = word_set("nlp/status", "stance_verbs")
_OWN_FORCE_WORDS = word_set("nlp/status", "own_force_words")
_OWN_POSSESSIVES = word_set("nlp/status", "own_possessives")
_DECIDING_BODIES = word_set("nlp/status", "deciding_bodies")
_APPROVING_VERBS = word_set("nlp/status", "approving_verbs")
_VOTE_WORDS = word_set("nlp/status", "vote_words")
_VOTE_DATE_LABELS = word_set("nlp/status", "vote_date_labels")


def _inverted_condition(clause: Token) -> bool:
    """ "Had Britain ordered more tanks, the army would ...", "Were Germany to send Taurus,
    ...": an adverbial clause opened by an auxiliary before its subject is a condition."""
    if clause.dep_ != "advcl":
        return False
    first = clause.left_edge
    if first.lower_ not in _INVERTED_CONDITION_AUX or first.pos_ != "AUX":
        return False
    if clause.i not in (first.i, first.head.i):
        return False
    subjects = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and first.i < min(subjects)


def _own_force(subj: Token) -> bool:
    """ "wants its army to receive", "wants the navy to order": the wanter's own service,
    so the infinitive is its plan; "wants Germany's army to" is another state's."""
    if subj.lemma_.lower() not in _OWN_FORCE_WORDS:
        return False
    return all(
        c.lower_ in _OWN_POSSESSIVES for c in subj.children if c.dep_ == "poss"
    ) and not any(c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ for c in subj.children)


def _decided(tok: Token, prev: Token) -> bool:
    """ "The Bundestag backed buying 35 F-35 jets", "Lawmakers backed sending aid on
    Saturday": a deciding body's vote, or a backing on a day or in a vote, approves."""
    if any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (c.lemma_.lower() in _DECIDING_BODIES or c.lower_ in _DECIDING_BODIES)
        for c in tok.children
    ):
        return True
    parts = [*tok.children, *prev.children]
    heads = [c for c in parts if c.dep_ == "npadvmod"] + [
        o for c in parts if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
    ]
    return any(
        w.ent_type_ in _VOTE_DATE_LABELS or w.lemma_.lower() in _VOTE_WORDS for w in heads
    )


def _wish_or_stance(prev: Token, tok: Token) -> bool:
    """ "Kyiv wants Germany to deliver Taurus": a wish for another party's act;
    "41% of Germans support sending weapons": a stance on an act. Neither is the act. A
    state wanting its own force to act plans ("wants its army to receive 180 tanks"); a
    deciding body backing an act approves it ("the cabinet endorsed purchasing jets")."""
    lemma = tok.lemma_.lower()
    if lemma in _WISHING_VERBS and prev.dep_ == "ccomp":
        subjects = [c for c in prev.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or all(_own_force(s) for s in subjects):
            return False
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in prev.children)
    return (
        lemma in _STANCE_VERBS
        and prev.tag_ == "VBG"
        and prev.dep_ in ("xcomp", "dobj")
        and not (lemma in _APPROVING_VERBS and _decided(tok, prev))
    )


_LIKELIHOOD_WORDS = word_set("nlp/status", "likelihood_words")
_ADVICE_WORDS = word_set("nlp/status", "advice_words")
_EXPECTING_VERBS = word_set("nlp/status", "expecting_verbs")
_DECIDING_VERBS = word_set("nlp/status", "deciding_verbs")
_EXPECTED_DEALS = word_set("nlp/status", "expected_deals")


def _guessed(prev: Token, tok: Token) -> bool:
    """A deed only judged likely by the writer, urged or awaited: "it is likely that three
    squadrons will be ordered", "it is vital to order more", "the firm expects orders next
    year" (a seller's hope of an order, not an order). A party "likely to buy" may be a plan
    reported, and stays."""
    lemma = tok.lemma_.lower()
    if (
        lemma == "be"
        and prev.dep_ == "ccomp"
        and any(
            c.dep_ == "acomp" and c.lower_ in _LIKELIHOOD_WORDS | _ADVICE_WORDS
            for c in tok.children
        )
    ):
        return True
    if (
        lemma == "be"
        and prev.dep_ == "xcomp"
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in tok.children)
        and any(c.dep_ == "acomp" and c.lower_ in _ADVICE_WORDS for c in tok.children)
        and not (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _DECIDING_VERBS)
    ):
        # "it is important to convert this interest into firm orders"; not "I have
        # determined that it is necessary to continue the emergency", a decision
        return True
    return (
        lemma in _EXPECTING_VERBS
        and prev.dep_ == "dobj"
        and prev.lemma_.lower() in _EXPECTED_DEALS
    )


def analyze(token: Token) -> StatusResult:
    chain, reporting = clause_chain(token)
    res = StatusResult(None)
    future = False
    past = False
    announced = False
    planned = False
    if _awaited_deal(token):
        res.hypothetical = True
        res.cues.append("guess:awaited")
    if shelved_plan(token):
        res.negated = True
        res.cues.append("neg:plan-shelved")
    for idx, tok in enumerate(chain):
        children = list(tok.children)
        for c in children:
            if (
                c.dep_ == "neg"
                and not _price_ceiling(c)
                or (c.dep_ == "det" and c.lower_ in ("no",))
                or (c.dep_ == "preconj" and c.lower_ == "neither")
                or (c.lower_ == "longer" and any(x.lower_ == "no" for x in c.children))
            ):
                res.negated = True
                res.cues.append(f"neg:{c.lower_}")
            if (
                c.dep_ == "prep"
                and c.lower_ == "in"
                and any(g.lower_ in ("case", "event") for g in c.children)
                and idx > 0
            ):
                res.hypothetical = True
            if c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS:
                res.hypothetical = True
                res.cues.append(f"mark:{c.lower_}")
            if (
                idx <= 1
                and c.dep_ == "advcl"
                and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
            ):
                res.hypothetical = True  # "would build the jets in India if selected"
                res.cues.append("advcl:if")
            if idx == 0 and c.dep_ == "advcl" and _pending_condition(tok, c):
                res.hypothetical = True  # "once the contract is concluded, X will receive"
                res.cues.append("advcl:once")
            if (
                c.dep_ == "advmod"
                and c.lower_ == "yet"
                and idx > 0
                and chain[idx - 1].dep_ == "xcomp"
                and tok.lemma_.lower() in ("be", "have")
            ):
                res.negated = True  # "is yet to issue an RFP"
                res.cues.append("neg:yet-to")
            if c.dep_ == "advmod" and c.lower_ == "yet" and _subject_yet_to(chain, idx, tok):
                res.negated = True  # "orders are yet to be placed", "orders yet to be placed"
                res.cues.append("neg:yet-to")
            if c.dep_ == "det" and c.lower_ == "any" and tok.lower_ in _PLAN_NOUNS:
                res.hypothetical = True  # "do you have any plans to visit", "denied any plan"
                res.cues.append("any-plan")
            if c.dep_ == "advmod" and c.lower_ in _HEDGE_ADVERBS:
                res.hypothetical = True
                res.cues.append(f"hedge:{c.lower_}")
            if (
                c.dep_ in ("amod", "compound")
                and c.lower_ in _FUTURE_WORDS
                and idx <= 1
                and not approved_sale_to_state(tok)  # notified "possible sale": announced
            ):
                planned = True
        if (
            idx == 0
            and tok.pos_ == "VERB"
            and any(
                c.dep_ in ("dobj", "nsubjpass")
                and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                for c in children
            )
        ):
            res.negated = True  # "received no orders"
            res.cues.append("neg:no-object")
        if (
            idx > 0
            and chain[idx - 1].dep_ in ("xcomp", "acl")
            and any(
                c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                for c in children
            )
        ):
            res.negated = True  # "has no plans at present to buy"
            res.cues.append("neg:no-plan")
        if tok.lemma_.lower() in ("be", "remain", "seem") and any(
            c.dep_ in ("prep", "advmod", "acomp") and c.lower_ == "out"
            for c in children
            if any(g.lower_ == "question" for g in c.subtree)
        ):
            res.negated = True  # "talks remain out of the question"
            res.cues.append("neg:out-of-question")
        if (
            tok.dep_ == "ROOT"
            and tok.tag_ == "VB"
            and (tok.i == tok.sent.start or tok.nbor(-1).lower_ in (":", "“", '"', "—"))
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in children)
        ):
            res.hypothetical = True  # an imperative: "Send tanks to Ukraine"
            res.cues.append("imperative")
        if (
            tok.dep_ == "ROOT"
            and tok.tag_ == "VB"
            and tok.i == tok.sent.start + 1
            and tok.nbor(-1).lower_ == "to"
            and tok.nbor(-1).dep_ == "aux"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in children)
        ):
            res.hypothetical = True  # an aim as a bare infinitive: "To create a fund to buy arms."
            res.cues.append("infinitive-aim")
        if idx <= 1 and (
            _inverted_condition(tok) or (_to_infinitive(tok) and _inverted_condition(tok.head))
        ):
            res.hypothetical = True
            res.cues.append("inverted-condition")
        aux = _has_aux(tok, HYPOTHETICAL_AUX)
        if aux:
            if aux == "would" and reporting is not None and reporting.tag_ in ("VBD", "VBN"):
                future = True  # future in the past: "said he would send"
            else:
                res.hypothetical = True
                res.cues.append(f"aux:{aux}")
        if _has_aux(tok, {"will", "shall", "'ll", "wo"}):
            future = True
        if tok.dep_ == "pcomp" and tok.head.lower_ in _NEGATING_PREPS and (
            tok.head.lower_ == "without" or tok.tag_ == "VBG"
        ):
            res.negated = True  # "without signing", "is against selling arms to both sides"
        lemma = _LEMMA_FIX.get(tok.lower_, tok.lemma_.lower())
        if idx > 0:
            prev = chain[idx - 1]
            if _plan_given_up(prev, tok):
                res.negated = True
                res.cues.append("neg:plan-dropped")
            if _guessed(prev, tok):
                res.hypothetical = True
                res.cues.append(f"guess:{tok.lemma_.lower()}")
            if _wish_or_stance(prev, tok):
                res.hypothetical = True
                res.cues.append(f"wish:{tok.lemma_.lower()}")
            if (
                (lemma in NEG_VERBS or _shelved(tok))
                and prev.dep_ in ("xcomp", "dobj", "prep", "pobj", "ccomp")
                and not (tok.lower_ == "blocking" and tok.i + 1 == prev.i)  # a kind of sanction
            ):
                res.negated = True
                res.cues.append(f"negverb:{lemma}")
            if lemma == "use" and not (
                tok.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in tok.children)
            ):
                pass  # "used missiles to strike" is an act; "are used to produce" is not
            elif _adjunct(prev) or _tender_request(tok):
                pass  # "during a call with X, warned of": the call happened
            elif (
                lemma in IRREALIS
                and (tok.pos_ == "ADJ" or lemma not in ("open", "willing", "close"))
                # "its interest in acquiring X" is talk of it; "is interested in acquiring" an aim
                and (tok.pos_ == "NOUN" or lemma != "interest")
                and prev.dep_
                in (
                    "xcomp",
                    "dobj",
                    "acl",
                    "pobj",
                    "ccomp",
                    "prep",
                    "pcomp",
                )
            ):
                res.hypothetical = True
                res.cues.append(f"irrealis:{lemma}")
            if lemma in _INVITING_VERBS and prev.dep_ in ("xcomp", "prep", "pobj", "dobj"):
                planned = True  # "has invited X to visit", "invited X for talks"
            if lemma in PLAN_VERBS and not _adjunct(prev) and prev.dep_ in (
                "xcomp",
                "prep",
                "pobj",
                "dobj",
                "pcomp",
                "acl",
                "ccomp",
                "nsubj",
                "nsubjpass",
            ):
                planned = True
            if lemma in ANNOUNCE_VERBS:
                announced = True
            if lemma in ("be",) and prev.dep_ == "xcomp" and prev.tag_ == "VB":
                planned = True  # "is to sign"
            if (
                tok.lower_
                in _PLAN_NOUNS
                and tok.pos_ == "NOUN"
            ):
                planned = True
        if (
            idx > 0
            and _adjunct(chain[idx - 1])
            and (tok.tag_ == "VBD" or _has_aux(tok, {"has", "have", "had"}))
        ):
            past = True  # "had discussed X during talks": the talks took place
        if idx <= 2 and tok.pos_ in ("VERB", "AUX"):
            if tok.tag_ == "VBD" or _has_aux(tok, {"has", "have", "had", "was", "were"}):
                past = True
            if tok.tag_ == "VBN" and tok.dep_ not in ("amod", "acl"):
                past = True
    if reporting is not None and reporting.lemma_.lower() in ANNOUNCE_VERBS - {
        "say",
        "tell",
        "report",
    }:
        announced = True
    if token.pos_ == "NOUN" and len(chain) > 1:
        gov = chain[1]
        if gov.lemma_.lower() in _DONE_NOUN_GOVERNORS and (
            gov.tag_ in ("VBD", "VBN") or _has_aux(gov, {"has", "have", "had"})
        ):
            past = True
    if _infinitive_of_plan(token):
        planned = True
    own = _own_participle(token)
    if own is not None and not res.negated:
        res.status = own
        return res
    if (
        token.lemma_.lower()
        in _ANNOUNCING_TRIGGERS
        and not future
        and not planned
    ):
        announced = True  # "Norway pledged howitzers": a pledge is an announcement
    if planned or future:
        res.status = "announced" if announced and not future and not planned else "planned"
        if announced and future and reporting is not None:
            res.status = "announced"
    elif announced:
        res.status = "announced"
    elif past:
        res.status = "done"
    else:
        res.status = "announced"
    return res


_MEETING_NOUNS = word_set("nlp/roles", "meeting_nouns")


def _told_meeting(t: Token, got: StatusResult) -> bool:
    """ "asked to share details of his talks with X": a possessed meeting with its other side
    is a meeting held, whatever the clause around it only wishes (not "his planned visit")."""
    return (
        t.pos_ == "NOUN"
        and t.lemma_.lower() in _MEETING_NOUNS
        and bool(got.cues)
        and all(c.startswith("irrealis:") for c in got.cues)
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)
        and not any(c.lower_ in _FUTURE_WORDS for c in t.children)
    )


_PUT_TO_A_VOTE = word_set("nlp/status", "put_to_a_vote")
_BUDGET_ASKING_VERBS = word_set("nlp/status", "budget_asking_verbs")
_BUDGET_NOUNS = word_set("nlp/status", "asked_budget_nouns")


def _budget_requested(t: Token, got: StatusResult) -> bool:
    """ "the Defense Ministry requested a record 8.5 trillion yen budget": a budget asked of a
    legislature by its holder is spending planned; only the asking verb made it irrealis
    ("requested weapons from the US" is no budget and stays a request)."""
    return (
        t.lemma_.lower() in _BUDGET_NOUNS
        and t.dep_ == "dobj"
        and t.head.lemma_.lower() in _BUDGET_ASKING_VERBS
        and got.cues == [f"irrealis:{t.head.lemma_.lower()}"]
    )


@Language.component("materiel_status")
def status_component(doc: Doc) -> Doc:
    for trig in doc._.triggers or []:
        got = analyze(doc[trig.i])
        trig.status = got.status
        trig.negated = got.negated
        trig.hypothetical = got.hypothetical and not _told_meeting(doc[trig.i], got)
        trig.cues = got.cues
        if trig.hypothetical and trig.lemma in _PUT_TO_A_VOTE and got.cues and all(
            c.startswith("irrealis:") or c in ("aux:must", "aux:should") for c in got.cues
        ):
            # "urged Congress to pass the supplemental", "the House must pass the bill": a
            # bill awaiting its vote is aid planned (an "if" or a "could" stays hypothetical)
            trig.hypothetical = False
            trig.status = "planned"
        elif trig.hypothetical and trig.type == "spending" and _budget_requested(doc[trig.i], got):
            trig.hypothetical = False
            trig.status = "planned"
    return doc
