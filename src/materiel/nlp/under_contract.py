"""Goods made or handed over under a contract noun ("is building 18 jets for Malaysia under a
contract signed in 2023"): the contract is their purchase, a separate event from the work or
the delivery, with its own price and date."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.wordlists import word_set

_PROD_VERBS = word_set("nlp/roles", "prod_verbs")
_HANDOVER_VERBS = word_set("nlp/roles", "handover_verbs")
_CONTRACT_NOUNS = ("contract", "deal", "order")
UNDER_CUE = "under:"  # cue of a contract worked under a clause's verb (its token index)


def goods_made_under(t: Token) -> Token | None:
    """The verb that makes or hands over goods "under" the contract noun `t`, if any."""
    if t.lemma_.lower() not in _CONTRACT_NOUNS or t.dep_ != "pobj" or t.head.lower_ != "under":
        return None
    verb = t.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _PROD_VERBS | _HANDOVER_VERBS:
        return None
    return verb
