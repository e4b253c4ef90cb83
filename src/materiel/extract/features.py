"""What the learned event scorer sees of a candidate event: the rules' own signals (type,
trigger, status, the roles they filled, how they were linked, the rule score), the date the
rules read, and the words of the evidence sentence.  Names are strings, values in [0, 1]."""

from __future__ import annotations

import re

from materiel.extract.merge import Candidate
from materiel.models import ROLES, CleanDocument
from materiel.nlp.dates import parse_published

_WORD = re.compile(r"[a-z][a-z'-]+")
# Words of doubt, request and report that decide whether a sentence states an event.
_MODAL = {"may", "might", "could", "would", "should", "likely", "possible", "possibly",
          "considering", "consider", "mulls", "mulling", "if", "urged", "urge", "urges",
          "called", "calls", "asked", "asks", "demanded", "seeks", "seeking", "hopes",
          "expected", "expects", "reportedly", "sources", "proposed", "proposal", "talks",
          "interest", "interested", "offered", "offer", "not", "no", "never", "denied",
          "rejected", "cancelled", "canceled", "plans", "plan", "will", "set", "aims"}


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    return sum(x > e for e in edges)


def candidate_features(c: Candidate, cd: CleanDocument, published: str | None,
                       n_candidates: int) -> dict[str, float]:
    e = c.event
    f: dict[str, float] = {
        f"type={e.type}": 1.0,
        f"status={e.status}": 1.0,
        f"trigger={c.trigger}": 1.0,
        f"type+trigger={e.type}:{c.trigger}": 1.0,
        f"type+status={e.type}:{e.status}": 1.0,
        "rule_score": c.score,
        "mentions": min(c.mentions, 5) / 5,
        "heading": float(c.heading),
        "doc_candidates": min(n_candidates, 20) / 20,
        "detector_p": c.detector_p,
        f"detector_p={e.type}": c.detector_p,
    }
    if c.rejected is not None:
        f["rejected"] = 1.0
        f[f"rejected={c.rejected}"] = 1.0
        f[f"rejected={e.type}:{c.rejected}"] = 1.0
    n_args = 0
    for role in ROLES[e.type]:
        values = e.args.get(role, [])
        if not values:
            f[f"missing={e.type}:{role}"] = 1.0
            continue
        n_args += len(values)
        f[f"has={e.type}:{role}"] = 1.0
        f[f"many={role}"] = min(len(values), 5) / 5
        for arg in values:
            facts = c.kb.get(id(arg))
            if facts is not None:
                f[f"kind={role}:{facts[0]}"] = 1.0
            elif arg.id and arg.id.startswith("new:"):
                f[f"unlinked={role}"] = 1.0
            label = c.labels.get(id(arg))
            if label:
                f[f"label={role}:{label}"] = 1.0
    f["n_args"] = min(n_args, 10) / 10
    parties = [a.id or a.text for r, vs in e.args.items()
               if r not in ("item", "quantity", "value", "location") for a in vs]
    if len(parties) != len(set(parties)):
        f["party_repeated"] = 1.0
    _date_features(f, c, published)
    _sentence_features(f, c, cd)
    return f


def _date_features(f: dict[str, float], c: Candidate, published: str | None) -> None:
    date = c.date or c.context_date
    if date is None:
        f["date=none"] = 1.0
        return
    f["date=text" if c.date is not None else "date=context"] = 1.0
    f[f"precision={date.precision}"] = 1.0
    if getattr(date, "future", False):
        f["date_future"] = 1.0
    ref = parse_published(published)
    if ref is None:
        return
    try:
        year = int(date.value[:4])
        month = int(date.value[5:7]) if len(date.value) >= 7 else 6
    except ValueError:
        return
    months = (ref.year * 12 + ref.month) - (year * 12 + month)
    f[f"months_before={_bucket(months, (-1, 0, 1, 3, 12, 36))}"] = 1.0


def _sentence_features(f: dict[str, float], c: Candidate, cd: CleanDocument) -> None:
    text = c.event.evidence
    words = _WORD.findall(text.lower())
    f[f"length={_bucket(len(words), (8, 15, 25, 40, 60))}"] = 1.0
    start = c.event.evidence_start or 0
    f["position"] = start / max(len(cd.text), 1)
    if start == 0:
        f["first_sentence"] = 1.0
    if any(q in text for q in ('"', "“", "”")):
        f["quoted"] = 1.0
    if text.rstrip().endswith("?"):
        f["question"] = 1.0
    for w in set(words):
        f[f"w={w}"] = 1.0
        if w in _MODAL:
            f[f"modal={w}"] = 1.0
