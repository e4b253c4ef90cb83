"""An order told inside another purchase's sentence: "delivered 120 drones to the army, out of
an order for 480", "ordered 12 more tanks, on top of the 44 it ordered in 2024". The order
names no goods of its own; they are the goods of the delivery it hangs under, or of the
purchase told before it when its goods are a bare count."""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Doc, Token

from materiel.nlp.types import EventMention, NumberMention, RoleValue
from materiel.wordlists import word_set

_MORE = word_set("nlp/mentions", "more_count_words")


def take_told_goods(
    t: Token,
    m: EventMention,
    handovers: dict[int, EventMention],
    purchases: list[EventMention],
    numbers: list[NumberMention],
) -> None:
    """Fills the open goods, buyer and seller of the order `m` (trigger `t`) from the kept
    delivery above it (`handovers`: trigger index -> mention) or the sentence's last kept
    purchase (`purchases`), and its bare count."""
    if m.trigger == "order":
        source = _handover_above(t, handovers) or _earlier_purchase(t, purchases, numbers)
        if source is not None:
            _take_goods_of(m, source)
            _count_of_order(t, m, numbers)
        if source is not None or m.values("item"):
            return
    # "placed a follow-on order for 36 more", "with 6 more to be bought later", "another 32
    # will be purchased": a bare count of more goods of the purchase told before
    counts = _bare_counts(t, numbers)
    if counts and purchases and not m.values("item"):
        _take_goods_of(m, purchases[-1])
        _add_counts(counts, m, numbers)


def _handover_above(t: Token, handovers: dict[int, EventMention]) -> EventMention | None:
    """The delivery an order hangs under: "delivered 120 drones, out of an order for 480",
    "received 38 tanks of the 108 ordered", "the first of the two it ordered in 2020"."""
    if t.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return None  # "has received an order": the order is what a maker got, no goods
    for a in list(t.ancestors)[:5]:
        if a.i in handovers:
            return handovers[a.i]
        if a.pos_ == "VERB" and a.dep_ not in ("relcl", "acl"):
            return None  # a clause of its own: no longer the delivery's order
    return None


def _earlier_purchase(
    t: Token, purchases: list[EventMention], numbers: list[NumberMention]
) -> EventMention | None:
    """The purchase told before an order of bare count: "ordered 12 more tanks, on top of the
    44 it ordered in 2024", "bought 36 jets in 2016 and ordered 26 more in 2025"."""
    if not purchases or t.pos_ != "VERB":
        return None
    goods = [t.head] if t.dep_ in ("acl", "relcl") else [c for c in t.children if c.dep_ == "dobj"]
    bare = bool(goods) and all(g.pos_ == "NUM" and _counted(g, numbers) for g in goods)
    return purchases[-1] if bare else None


def _take_goods_of(m: EventMention, source: EventMention) -> None:
    """The order's open roles are the other purchase's goods and sides (its count is its
    own)."""
    for role in ("item", "buyer", "seller"):
        if not m.values(role):
            for v in source.values(role):
                m.add(v)


def _count_of_order(t: Token, m: EventMention, numbers: list[NumberMention]) -> None:
    """The bare count of an order: "an order for 480", "of the 108 ordered", "the ten it
    ordered" (a count standing for the goods)."""
    if t.pos_ == "NOUN":
        counts = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "for"
                  for p in c.children if p.dep_ == "pobj"]
    elif t.dep_ in ("acl", "relcl"):
        counts = [t.head]
    elif any(c.dep_ == "dobj" and c.pos_ == "NUM" for c in t.children):  # "ordered 26 more"
        counts = [c for c in t.children if c.dep_ == "dobj"]
    else:  # "out of 108 ordered" parsed as a clause
        counts = [w for w in t.subtree if w.dep_ == "pobj" and w.head.lower_ == "of"
                  and w.head.head.lower_ == "out"]
    _add_counts(counts, m, numbers)


def _count_at(w: Token, numbers: list[NumberMention]) -> NumberMention | None:
    """The quantity the token `w` is part of, if any."""
    return next(
        (n for n in numbers if n.kind == "quantity" and n.token_start <= w.i < n.token_end), None
    )


def _counted(w: Token, numbers: list[NumberMention]) -> bool:
    return _count_at(w, numbers) is not None


def _add_counts(counts: list[Token], m: EventMention, numbers: list[NumberMention]) -> None:
    """The quantities at the count tokens become the order's, unless it has one already."""
    if m.values("quantity"):
        return
    for w in counts:
        n = _count_at(w, numbers)
        if n is not None:
            m.add(RoleValue("quantity", n.text, n.start, n.end, value=n.value))


def _bare_counts(t: Token, numbers: list[NumberMention]) -> list[Token]:
    """The count tokens of goods told only as more of something ("26 more", "another 32",
    "an order for 36 more"): the goods noun is left out, so they are the earlier goods."""
    if t.pos_ == "NOUN":  # the "for" may hang on the verb ("placed an order for 36 more")
        hosts = [t, t.head] if t.dep_ == "dobj" else [t]
        goods = [p for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                 for p in c.children if p.dep_ == "pobj"]
    elif t.dep_ in ("acl", "relcl") and not any(
        c.dep_ in ("dobj", "nsubjpass") for c in t.children
    ):
        goods = [t.head]
    else:
        goods = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    out: list[Token] = []
    for g in goods:
        words = {c.lower_ for c in g.children} | {g.lower_}
        if not words & _MORE:
            return []  # "an order for 36 jets", "bought 40": no more of anything
        if g.pos_ == "NUM" and _counted(g, numbers):
            out.append(g)
        else:
            nums = [c for c in g.children if c.dep_ == "nummod" and _counted(c, numbers)]
            if not nums:
                return []
            out.extend(nums)
    return out



def share_sides_with_told_order(
    doc: Doc, kept: list[EventMention], handover_triggers: Set[str], order_triggers: Set[str]
) -> None:
    """A delivery of goods and the purchase told on those goods ("the first three of 42 jets
    ordered from Lindell would arrive in May", "the first six of the 24 jets it bought from
    Ostmark would arrive"): one order, so each takes the buyer and seller the other names."""
    deliveries = [m for m in kept if m.type == "procurement" and m.trigger in handover_triggers]
    orders = [m for m in kept if m.type == "procurement" and m.trigger in order_triggers]
    for d in deliveries:
        for o in orders:
            if o is not d and _told_on_goods(doc[o.trigger_i], o, d):
                _share_sides(d, o)


def _told_on_goods(order: Token, o: EventMention, delivery: EventMention) -> bool:
    """The order's verb is a clause on the delivered goods ("jets ordered from X", "jets it
    bought"), both naming the same goods."""
    if order.dep_ not in ("acl", "relcl"):
        return False
    ordered = {v.text.lower() for v in o.values("item")}
    return any(
        v.start <= order.head.idx < v.end and v.text.lower() in ordered
        for v in delivery.values("item")
    )


def _share_sides(a: EventMention, b: EventMention) -> None:
    for role in ("buyer", "seller"):
        for x, y in ((a, b), (b, a)):
            if not x.values(role):
                for v in y.values(role):
                    x.add(v)
