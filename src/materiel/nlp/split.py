"""One purchase reading per counted item: "ordered 96 Apache helicopters and 500 HIMARS
launchers" tells two orders, each with its own count."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from materiel.nlp.types import EventMention, RoleValue

_SPLIT_TYPES = ("procurement",)


def split_counted_items(doc: Doc, mentions: list[EventMention]) -> list[EventMention]:
    out: list[EventMention] = []
    for m in mentions:
        out.extend(_split(doc, m) if m.type in _SPLIT_TYPES else [m])
    return out


def _split(doc: Doc, m: EventMention) -> list[EventMention]:
    items, counts = m.values("item"), m.values("quantity")
    if len(items) < 2 or len(counts) != len(items):
        return [m]
    owner: dict[int, RoleValue] = {}
    for q in counts:
        owners = [i for i, item in enumerate(items) if _counts(doc, q, item)]
        if len(owners) != 1 or owners[0] in owner:
            return [m]  # a count shared, or not tied to one item: keep the reading whole
        owner[owners[0]] = q
    parts = []
    for i, item in enumerate(items):
        args = {role: list(vals) for role, vals in m.args.items()}
        args["item"], args["quantity"] = [item], [owner[i]]
        parts.append(replace(m, args=args, cues=list(m.cues)))
    return parts


def _counts(doc: Doc, q: RoleValue, item: RoleValue) -> bool:
    """Whether the count stands on the item: "96 Apache helicopters", "96 of the jets"."""
    if item.start <= q.start and q.end <= item.end:
        return True
    qs, its = _span(doc, q), _span(doc, item)
    if qs is None or its is None:
        return False
    head = qs.root.head.i
    return head == its.root.i or (qs.end == its.start and its.start <= head < its.end)


def _span(doc: Doc, v: RoleValue) -> Span | None:
    return doc.char_span(v.start, v.end, alignment_mode="expand")
