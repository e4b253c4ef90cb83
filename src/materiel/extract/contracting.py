"""The buyer of a US Department of Defense contract announcement, named at its end: "Raytheon,
Tucson, Arizona, has been awarded a $1.2 billion contract for ... Work will be performed in ...
Army Contracting Command, Redstone Arsenal, Alabama, is the contracting activity." The award
itself is passive with no agent; the office that closes the paragraph is who buys. Only the
sentences after the award up to the next award are read, in the same story."""

from __future__ import annotations

import re

from materiel.extract.merge import Candidate
from materiel.models import Argument, Sentence
from materiel.wordlists import word_tuple

_PHRASES = word_tuple("nlp/roles", "contracting_office_phrases")
# "Naval Air Systems Command, Patuxent River, Maryland, is the contracting activity"
_OFFICE = re.compile(
    r"^\s*(?:The\s+)?(?P<office>[A-Z][^,()]{2,80}?)\s*(?:,[^,]{1,60}){0,3},?\s+(?:"
    + "|".join(r"\s+".join(map(re.escape, p.split())) for p in _PHRASES)
    + r")\b"
)
_NEXT_AWARD = re.compile(r"\b(?:is|was|are|were|has been|have been)\s+awarded\b")
LOOK_AHEAD = 6


def contracting_buyers(cands: list[Candidate], sentences: list[Sentence]) -> None:
    """Gives each award that names a seller but no buyer the contracting office after it."""
    index = {s.start: k for k, s in enumerate(sentences)}
    for c in cands:
        args = c.event.args
        if c.event.type != "procurement" or args.get("buyer") or not args.get("seller"):
            continue
        k = index.get(c.sentence)
        office = _office_after(sentences, k) if k is not None else None
        if office is not None:
            args["buyer"] = [office]
            c.labels[id(office)] = "ORG"


def _office_after(sentences: list[Sentence], k: int) -> Argument | None:
    story = sentences[k].story
    for sent in sentences[k + 1 : k + 1 + LOOK_AHEAD]:
        if sent.story != story:
            return None
        m = _OFFICE.match(sent.text)
        if m is not None:
            start = sent.start + m.start("office")
            return Argument(text=m["office"], start=start, end=start + len(m["office"]))
        if _NEXT_AWARD.search(sent.text):
            return None
    return None
