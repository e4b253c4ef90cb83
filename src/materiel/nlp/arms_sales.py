"""A seller state's notice approving an arms sale to a foreign government: "The State
Department has made a determination approving a possible Foreign Military Sale to the
Government of Japan of ...". The US notifies such sales as "possible" because Congress may
still object, yet the approval is the news: the buyer's purchase, status announced
(docs/annotation-guide.md: approvals to buy). Only the notice's own wording counts, in the
indicative, of a sale to a state, by the United States: "discussed a possible sale", "could
approve", "has not approved", "the board approved the possible sale of the hospital" stay
hedged. News of a notice ("approved the possible sale of 96 Apaches to Poland") is left to its
headline: read in the body too, its second telling did not always join the first (one more
event on a held-out set)."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.nlp.spans import NAMED_STATE_LABELS, entity_of
from materiel.wordlists import word_set

_SALE_NOUNS = word_set("nlp/triggers", "approved_sale_nouns")
_APPROVING_VERBS = word_set("nlp/triggers", "sale_approving_verbs")
_HEDGING_AUX = word_set("nlp/triggers", "sale_hedging_aux")
_HEDGING_MARKS = word_set("nlp/triggers", "sale_hedging_marks")
_NOTIFYING_SELLERS = word_set("nlp/triggers", "sale_notifying_sellers")
_NOTICE_NOUNS = word_set("nlp/triggers", "sale_notice_nouns")
_NOTICE_SALE_NAMES = word_set("nlp/triggers", "sale_notice_names")


def approved_sale_to_state(sale: Token) -> bool:
    """The sale noun is what a verb of approval in the indicative approves, and the sale
    goes to a state."""
    if (
        sale.lemma_.lower() not in _SALE_NOUNS
        or sale.tag_ not in ("NN", "NNP")
        or sale.dep_ not in ("dobj", "nsubjpass")
    ):
        return False
    verb = sale.head
    return (
        verb.lemma_.lower() in _APPROVING_VERBS
        and not _hedged(verb)
        and any(_to_state(w) for w in (sale, verb))
        and any(a.ent_id_ in _NOTIFYING_SELLERS for a in _approvers(verb))
        and _notice_form(sale, verb)
    )


def _notice_form(sale: Token, verb: Token) -> bool:
    """The notice's own wording: "a determination approving a possible sale", "a possible
    Foreign Military Sale". News of a notice ("approved the possible sale of 96 Apaches to
    Poland") repeats its headline, which is read already, and its second telling did not
    always join the first."""
    ent = entity_of(sale)
    return (verb.dep_ == "acl" and verb.head.lemma_.lower() in _NOTICE_NOUNS) or (
        ent is not None and ent.text.lower() in _NOTICE_SALE_NAMES
    )


def _approvers(verb: Token) -> list[Token]:
    """Who approves: the verb's subject or agent ("approved by the State Department"), or the
    subject of the determination it describes ("has made a determination approving")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [x for c in verb.children if c.dep_ == "agent" for x in c.children]
    if not subjects and verb.dep_ == "acl" and verb.head.dep_ == "dobj":
        subjects = [c for c in verb.head.head.children if c.dep_ == "nsubj"]
    return subjects


def _hedged(verb: Token) -> bool:
    """Negated, modal, infinitive or conditional: "has not approved", "could clear", "is
    expected to approve", "if it approves"."""
    return any(
        c.dep_ == "neg"
        or (c.dep_ == "aux" and c.lower_ in _HEDGING_AUX)
        or (c.dep_ == "mark" and c.lower_ in _HEDGING_MARKS)
        for c in verb.children
    )


def _to_state(word: Token) -> bool:
    """ "to Poland", "to the Government of Poland" after the sale or its verb."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(x.dep_ == "pobj" and x.ent_type_ in NAMED_STATE_LABELS for x in c.children)
        for c in word.children
    )
