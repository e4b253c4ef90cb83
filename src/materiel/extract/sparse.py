"""Merged records too thin to be an event of their type.

An agreement is made between parties: a record that names one party and no agreement
("Austria, a signatory of the treaty", "the company eyes a deal") reports no agreement the
document tells, only a party's relation to one. A deal made by an unnamed crowd, or among
unnamed crowds only ("Western countries sent weapons to Kyiv", "exported to 29 countries"),
is a trend, not an event of an identifiable party (spec §1). The checks run on merged
records, so a headline's thin mention that joins the body's record is kept.
"""

from __future__ import annotations

from materiel.extract.merge import MAIN_ROLE, Candidate
from materiel.wordlists import word_set

LONE_AGREEMENT = "agreement with one party"
CROWD = "parties are an unnamed crowd"
_CROWDS = word_set("nlp/validate", "crowd_nouns")
_DEALS = ("procurement", "aid", "production")
_THINGS = ("item", "quantity", "value", "location")


def sparse_reason(c: Candidate) -> str | None:
    """Why the record is too thin to keep (None: it is not)."""
    e = c.event
    if e.type == "agreement" and len(e.args.get("party", [])) < 2 and not e.args.get("item"):
        return LONE_AGREEMENT
    if e.type in _DEALS:
        main = e.args.get(MAIN_ROLE[e.type], [])
        parties = [a for role, vals in e.args.items() if role not in _THINGS for a in vals]
        crowd_acts = bool(main) and all(_crowd(a.text) for a in main)
        if crowd_acts or (parties and all(_crowd(a.text) for a in parties)):
            return CROWD
    return None


def _crowd(text: str) -> bool:
    """A crowd named by its kind: "countries", "several African countries"."""
    words = text.split()
    return bool(words) and words[-1].islower() and words[-1] in _CROWDS
