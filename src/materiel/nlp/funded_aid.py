"""Money a state sets aside for arms that another state receives is aid, not spending.

Spec: aid covers "paying for arms that someone else receives". "Ostmark allocated EUR 130
million for the production of howitzers for Ukraine" and "Norway earmarked NOK 2 billion for
air defence systems for Ukraine" name the spender, the sum, the goods and the receiving state:
the spending record is read as aid (donor, recipient, item, value). Money for a state's own
forces, or for a goal that names no goods, stays spending; so does a company's money ("a
maker earmarked EUR 300 million for the production of shells for Ukraine" is investment in
its own output), and money a state's office spends for that state ("the Pentagon allocated
$1 billion for shells for the United States").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from materiel.nlp.frames import pp_of
from materiel.nlp.roles.items import items_from
from materiel.nlp.roles.parties import party
from materiel.nlp.spans import STATE_OR_METONYM_LABELS, entity_of, is_military_item
from materiel.nlp.types import EventMention, RoleValue
from materiel.wordlists import word_set

_MAKING_NOUNS = word_set("nlp/mentions", "funded_making_nouns")
_STATE_LABELS = STATE_OR_METONYM_LABELS
_FUNDING_UNIONS = word_set("nlp/mentions", "funding_unions")


def funds_for_another(doc: Doc, m: EventMention) -> EventMention | None:
    """The spending mention read as aid when its money is for military goods for another
    state; None when it is not."""
    if m.type != "spending" or not m.values("value"):
        return None
    spenders = _public_spenders(doc, m)
    if not spenders:
        return None  # "the government allocated ... for Poland": maybe Poland's own
    verb = doc[m.trigger_i]
    if verb.pos_ != "VERB":
        return None
    for owner in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:  # verb or sum
        phrases = pp_of(owner, "for")
        for n, goods in enumerate(phrases):
            items = _military_goods(doc, goods)
            rv = _receiving_state(doc, goods, phrases[n + 1 :], spenders) if items else None
            if rv is not None:
                return _as_aid(m, rv, [_before(doc, v, rv) for v in items])
    return None


def _public_spenders(doc: Doc, m: EventMention) -> set[str]:
    """The names and KB ids of the spenders when one is a state, a state's office or a union
    of states ("Norway", "the Pentagon": country:US, "the EU"); empty for a company or an
    unnamed spender ("Rheinmetall", "the government")."""
    out: set[str] = set()
    public = False
    for v in m.values("spender"):
        ids = {v.kb_id} if v.kb_id else set()
        span = doc.char_span(v.start, v.end, alignment_mode="expand")
        ent = entity_of(span.root) if span is not None else None
        if ent is not None and ent.ent_id_:
            ids.add(ent.ent_id_)
        public = public or v.label in _STATE_LABELS or any(
            i.startswith("country:") or i in _FUNDING_UNIONS for i in ids
        )
        out |= ids | {v.text.lower()}
    return out if public else set()


def _receiving_state(
    doc: Doc, goods: Token, later: list[Token], spenders: set[str]
) -> RoleValue | None:
    """The named state the goods are for ("for shells for Ukraine", "the production of X for
    Ukraine"), not the spender itself nor a force ("for the Polish army")."""
    heads = [goods, *pp_of(goods, "of")]
    for receiver in [r for h in heads for r in pp_of(h, "for", "to")] + later:
        rv = party(doc, "recipient", receiver)
        if rv is None or rv.label not in _STATE_LABELS or receiver.pos_ != "PROPN":
            continue
        ent = entity_of(receiver)
        ids = {rv.text.lower(), rv.kb_id, ent.ent_id_ if ent is not None else None}
        if not ids & spenders:
            return rv
    return None


def _military_goods(doc: Doc, goods: Token) -> list[RoleValue]:
    """The goods the money is for: a military noun ("artillery shells"), or the goods of a
    making noun ("the production of self-propelled howitzers")."""
    if goods.lemma_.lower() in _MAKING_NOUNS:
        made = pp_of(goods, "of")
        return [rv for rv, tok in items_from(doc, made) if is_military_item(tok)]
    if not is_military_item(goods):
        return []
    return [rv for rv, _tok in items_from(doc, [goods])]


def _before(doc: Doc, item: RoleValue, recipient: RoleValue) -> RoleValue:
    """The goods without the phrase naming their receiver ("ammunition for Ukraine":
    ammunition)."""
    if not item.start < recipient.start < item.end:
        return item
    span = doc.char_span(recipient.start, recipient.end, alignment_mode="expand")
    prep = span.root.head if span is not None else None
    if prep is None or prep.dep_ != "prep" or not item.start < prep.idx:
        return item
    text = doc.text[item.start : prep.idx].rstrip()
    return replace(item, text=text, end=item.start + len(text))


def _as_aid(m: EventMention, recipient: RoleValue, items: list[RoleValue]) -> EventMention:
    aid = m.recast("aid", {"spender": "donor", "value": "value"})
    aid.add(recipient)
    for v in items:
        aid.add(replace(v, role="item"))
    return aid
