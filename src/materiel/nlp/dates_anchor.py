"""Where a time expression attaches in the parse: the word whose clause or phrase it dates.

"signed the deal on Friday" attaches Friday to "signed"; "at the beginning of the year"
climbs through the time-frame noun to the verb; "yesterday's meeting" dates the meeting, also
when the parser hangs the possessive elsewhere. `attach.attach_date` keeps the expression whose
attachment is nearest the event's trigger on its clause's head chain.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.types import DateValue
from materiel.wordlists import word_set

# nouns that only frame a time ("the start of May", "the early hours of Sunday")
TIME_FRAME_NOUNS = word_set("nlp/attach", "time_frame_nouns")
_NOUN_MODIFIERS = {"amod", "compound", "nummod", "advmod", "nmod", "punct", "hyph"}


def possessive_owner(root: Token) -> Token | None:
    """The noun a possessive time expression ("yesterday's", "Tuesday's") modifies."""
    if not any(c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in root.children):
        return None
    if root.dep_ == "poss":
        return root.head
    doc = root.doc
    case = max(c.i for c in root.children if c.dep_ == "case")
    for t in doc[case + 1 : min(len(doc), case + 9)]:
        if t.dep_ not in _NOUN_MODIFIERS:
            return t if t.pos_ in ("NOUN", "PROPN") else None
    return None


def date_attachment(root: Token) -> Token:
    """The word a time expression (given by its root token) dates."""
    owner = possessive_owner(root)
    if owner is not None:
        return owner
    anchor = root.head
    for _ in range(6):
        if anchor.head.i == anchor.i:
            break
        if anchor.dep_ == "prep" or (
            anchor.lemma_.lower() in TIME_FRAME_NOUNS and anchor.dep_ in ("pobj", "npadvmod")
        ):
            anchor = anchor.head
        else:
            break
    return anchor


def clause_break_between(doc: Doc, date: DateValue, trigger: Token) -> bool:
    """Whether a semicolon parts a time expression from the trigger ("line opens; first
    aircraft due in 2026"): the clauses it joins tell separate things."""
    lo, hi = sorted((date.start, trigger.idx))
    return ";" in doc.text[lo:hi]
