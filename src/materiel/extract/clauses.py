"""Documents that are the text of an agreement or treaty.

Such a text states, clause by clause, what its parties *shall*, *intend to* or *commit to*
do: "the Parties shall consult", "both sides intend to pursue the procurement of ...",
"the first Party commits to support the acquisition of ...". Those clauses are undertakings,
not transfers, purchases or attacks; only the signing of the agreement is an event.
"""

from __future__ import annotations

import re

from materiel.models import CleanDocument

# markers that only the text of an agreement uses (a news story seldom does)
_STRONG = re.compile(
    r"\bshall\b|\bthe\s+(?:contracting\s+)?(?:parties|participants|signatories)\b|"
    r"\bboth\s+(?:sides|parties)\s+(?:also\s+|further\s+)?(?:intend|commit|recogni[sz]e|"
    r"acknowledge|agree|undertake|affirm|reaffirm|support|plan|will|shall|expect)|"
    r"\bcommits?\s+to\b|\bwill\s+endeavou?r\s+to\b|\bit\s+is\s+the\s+policy\s+of\b|"
    r"\bundertakes?\s+to\b|\bintends?\s+to\b",
    re.I,
)
# a sentence that states an undertaking rather than reports a deed
_CLAUSE = re.compile(
    _STRONG.pattern + r"|\b(?:will|may|intend|plan|seek|expect)s?\s+to\b|\bwill\s+\w+\b|"
    r"\bagree(?:s|d)?\s+to\b|\bcommit(?:s|ment)?\b|\bsupport(?:s|ing)?\b",
    re.I,
)
CLAUSE_TYPES = frozenset({"aid", "procurement", "strike"})
_MIN_CLAUSES = 4
_MIN_SHARE = 0.08


def is_agreement_text(cd: CleanDocument) -> bool:
    """Whether the document reads as the text of an agreement: several sentences in the
    language of undertakings, and a fair share of the document."""
    sents = [s for s in cd.sentences if not s.is_heading]
    if not sents:
        return False
    n = sum(1 for s in sents if _STRONG.search(s.text))
    return n >= _MIN_CLAUSES and n >= _MIN_SHARE * len(sents)


_SELF = re.compile(
    r"\b(?:this|the)\s+(?:agreement|treaty|accord|memorandum|pact)\b|\bsign(?:s|ed|ing|ature)?\b",
    re.I,
)


def clause_drops(event_type: str, text: str) -> bool:
    """Whether an event read in a sentence of an agreement text is only one of its
    undertakings: a transfer, purchase or attack promised, or an "agreement" read in a
    clause that names no agreement or signing ("plans to invite its forces to join")."""
    if not is_clause(text):
        return False
    if event_type in CLAUSE_TYPES:
        return True
    return event_type == "agreement" and not _SELF.search(text)


def is_clause(text: str) -> bool:
    """Whether a sentence of an agreement text states an undertaking."""
    return bool(_CLAUSE.search(text))
