"""Sides written as a hyphenated pair: "the India-France summit", "US-China talks"."""

from __future__ import annotations

from spacy.tokens import Doc

from materiel.nlp.roles.parties import role_value
from materiel.nlp.spans import entity_of
from materiel.nlp.types import EventMention

_SIDE_LABELS = ("GPE", "ORG", "COUNTRY", "NORP", "METONYM", "DEMONYM", "PERSON")


def split_paired_sides(doc: Doc, m: EventMention) -> None:
    """ "the India-France summit", "US-China talks": two sides joined by a hyphen are two
    participants, not one name."""
    vals = m.args.get("participant", [])
    for k, v in enumerate(list(vals)):
        span = doc.char_span(v.start, v.end, alignment_mode="expand")
        if span is None or not any(w.text in ("-", "–") for w in span):
            continue
        ents = []
        for w in span:
            ent = entity_of(w)
            if ent is not None and ent.label_ in _SIDE_LABELS and ent not in ents:
                ents.append(ent)
        joined = len(ents) >= 2 and all(
            b.start - a.end == 1 and doc[a.end].text in ("-", "–")
            and not doc[a.end - 1].whitespace_
            for a, b in zip(ents, ents[1:], strict=False))
        if not joined:
            continue
        have = {(o.start, o.end) for o in vals}
        parts = [role_value(doc, "participant", (e.start, e.end), e.label_) for e in ents]
        vals[k:k + 1] = [p for p in parts if p is not None and (p.start, p.end) not in have]


def _hyphen_paired(doc: Doc, s: int, e: int) -> bool:
    """A name written as one side of an "X-Y" pair ("India-France", "Pakistan-China")."""
    after = e < len(doc) - 1 and doc[e].text in ("-", "–") and not doc[e - 1].whitespace_ and (
        doc[e + 1].ent_type_ in _SIDE_LABELS)
    before = s > 1 and doc[s - 1].text in ("-", "–") and not doc[s - 2].whitespace_ and (
        doc[s - 2].ent_type_ in _SIDE_LABELS)
    return after or before


def people_over_paired_states(doc: Doc, m: EventMention) -> None:
    """ "A and B discussed the India-Egypt partnership", "the Pakistan-China dialogue led by A
    and B": when two people are named as the sides, the states of the pair are theirs, not
    sides of their own (a person acting for a state is the person)."""
    vals = m.values("participant")
    if sum(1 for v in vals if v.label == "PERSON") < 2:
        return
    kept = []
    for v in vals:
        span = doc.char_span(v.start, v.end, alignment_mode="expand")
        if (span is not None and v.label in ("GPE", "COUNTRY", "NORP", "METONYM", "DEMONYM")
                and (_hyphen_paired(doc, span.start, span.end)
                     # "German-French" read as one name; not "Guinea-Bissau", one country
                     or v.label != "COUNTRY" and any(w.text in ("-", "–") for w in span))):
            continue
        kept.append(v)
    m.args["participant"] = kept
