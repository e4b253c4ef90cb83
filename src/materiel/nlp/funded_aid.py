"""Money a state sets aside for arms that another state receives is aid, not spending.

Spec: aid covers "paying for arms that someone else receives". "Denmark allocated DKK 1.3
billion for the production of howitzers for Ukraine" and "Norway earmarked NOK 2 billion for
air defence systems for Ukraine" name the spender, the sum, the goods and the receiving state:
the spending record is read as aid (donor, recipient, item, value). Money for a state's own
forces, or for a goal that names no goods, stays spending.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from materiel.nlp.frames import pobjs
from materiel.nlp.roles.items import items_from
from materiel.nlp.roles.parties import party
from materiel.nlp.spans import is_military_item
from materiel.nlp.types import EventMention, RoleValue
from materiel.wordlists import word_set

_MAKING_NOUNS = word_set("nlp/mentions", "funded_making_nouns")
_STATE_LABELS = ("GPE", "COUNTRY", "METONYM")


def funds_for_another(doc: Doc, m: EventMention) -> EventMention | None:
    """The spending mention read as aid when its money is for military goods for another
    state; None when it is not."""
    if m.type != "spending" or not m.values("value"):
        return None
    if not any(v.label not in (None, "NOUN") for v in m.values("spender")):
        return None  # "the government allocated ... for Poland": maybe Poland's own
    verb = doc[m.trigger_i]
    if verb.pos_ != "VERB":
        return None
    spenders = {v.text.lower() for v in m.values("spender")} | {
        v.kb_id for v in m.values("spender") if v.kb_id
    }
    for owner in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:  # verb or sum
        phrases = _for_phrases(owner)
        for n, goods in enumerate(phrases):
            items = _military_goods(doc, goods)
            rv = _receiving_state(doc, goods, phrases[n + 1 :], spenders) if items else None
            if rv is not None:
                return _as_aid(m, rv, items)
    return None


def _receiving_state(
    doc: Doc, goods: Token, later: list[Token], spenders: set[str]
) -> RoleValue | None:
    """The named state the goods are for ("for shells for Ukraine", "the production of X for
    Ukraine"), not the spender itself nor a force ("for the Polish army")."""
    heads = [goods, *_for_phrases(goods, "of")]
    for receiver in [r for h in heads for r in _for_phrases(h, "for", "to")] + later:
        rv = party(doc, "recipient", receiver)
        if rv is None or rv.label not in _STATE_LABELS or receiver.pos_ != "PROPN":
            continue
        if rv.text.lower() not in spenders and rv.kb_id not in spenders:
            return rv
    return None


def _for_phrases(tok: Token, *preps: str) -> list[Token]:
    preps = preps or ("for",)
    return [o for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for o in pobjs(c)]


def _military_goods(doc: Doc, goods: Token) -> list[RoleValue]:
    """The goods the money is for: a military noun ("artillery shells"), or the goods of a
    making noun ("the production of Bohdana howitzers")."""
    if goods.lemma_.lower() in _MAKING_NOUNS:
        made = _for_phrases(goods, "of")
        return [rv for rv, tok in items_from(doc, made) if is_military_item(tok)]
    if not is_military_item(goods):
        return []
    return [rv for rv, _tok in items_from(doc, [goods])]


def _as_aid(m: EventMention, recipient: RoleValue, items: list[RoleValue]) -> EventMention:
    aid = EventMention(
        type="aid",
        trigger=m.trigger,
        trigger_i=m.trigger_i,
        trigger_start=m.trigger_start,
        status=m.status,
        date=m.date,
        score=m.score,
        cues=m.cues,
    )
    for v in m.values("spender"):
        aid.add(replace(v, role="donor"))
    for v in m.values("value"):
        aid.add(v)
    aid.add(recipient)
    for v in items:
        aid.add(replace(v, role="item"))
    return aid
