"""Learned date anchor: which time expression of its sentence dates an event mention.

The rules (`materiel.nlp.attach.attach_date`) pick the expression attached to the trigger's
clause, else the nearest one, with filters for targets ("by 2030"), plans' horizons and other
clauses.  Here they stay the candidate generator and the strongest feature: every time
expression of the sentence (targets included) is one candidate, and "no date from this
sentence" another (the event then takes the story's last date or the publication's, as
without a date).  A logistic regression scores each candidate from its features (the rules'
own choice, where it attaches on the trigger's head chain, distance and side, clause breaks,
target / future / horizon / past-year flags, precision, governing preposition, event type and
tense, offset from publication) and the best one is taken.

The extractor asks it for each mention's date (`DateAnchor.date_for`) but merges the mentions
by the rules' dates; the anchor's dates, merged alongside, date the merged event only.

Trained by `materiel.learn.dates` on our annotated set; read at run time from
`data/models/dates.json` in plain Python.  A model whose "active" is false (training found it
does not beat the rules on held-out outlets) is not loaded, and the rules' date stands.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from materiel.nlp.attach import in_other_clause, is_horizon, past_year
from materiel.nlp.dates import parse_published
from materiel.nlp.dates_anchor import clause_break_between, date_attachment
from materiel.nlp.dates_tense import clause_tense
from materiel.nlp.types import DateValue, EventMention

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "models" / "dates.json"
NO_DATE = "no date"  # the candidate "no date from this sentence"
CHAIN_LENGTH = 10  # as far up the trigger's head chain as the rules look


@dataclass(frozen=True)
class DateCandidate:
    date: DateValue | None  # None: no date from this sentence
    features: dict[str, float]
    chosen_by_rules: bool


def _same(a: DateValue | None, b: DateValue | None) -> bool:
    return a is not None and b is not None and (a.start, a.end) == (b.start, b.end)


def head_chain(trigger: Token) -> list[Token]:
    """The trigger and its heads up to its clause's verb (a conjoined verb ends it)."""
    chain, cur = [], trigger
    for _ in range(CHAIN_LENGTH):
        chain.append(cur)
        if cur.head.i == cur.i or (cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX")):
            break
        cur = cur.head
    return chain


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _offset(d: DateValue, published: str | None) -> str:
    """Where the date lies from the publication day: before, same, after, and how far."""
    ref = parse_published(published)
    if ref is None:
        return "unknown"
    if d.precision == "year":
        gap = int(d.value[:4]) - ref.year
        return "same year" if gap == 0 else f"year {'+' if gap > 0 else '-'}{min(abs(gap), 3)}"
    if d.precision == "month":
        gap = (int(d.value[:4]) - ref.year) * 12 + int(d.value[5:7]) - ref.month
        if gap == 0:
            return "same month"
        return f"month {'+' if gap > 0 else '-'}{_bucket(abs(gap), (1, 3, 12))}"
    try:
        gap = (parse_published(d.value) or ref).toordinal() - ref.toordinal()
    except ValueError:
        return "unknown"
    if gap == 0:
        return "same day"
    return f"day {'+' if gap > 0 else '-'}{_bucket(abs(gap), (1, 7, 31, 365))}"


def _governor(span: Span) -> str:
    """The preposition or verb a time expression hangs from ("in", "by", "since", "on")."""
    root = span.root
    head = root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        return head.lower_
    first = span[0]
    if first.pos_ == "ADP" or first.lower_ in ("by", "until", "since", "in", "on", "from"):
        return first.lower_
    return str(root.dep_)


def _date_features(doc: Doc, m: EventMention, d: DateValue, chain: list[Token],
                   fallback: DateValue | None) -> dict[str, float]:
    t0 = doc[m.trigger_i]
    published = doc._.published
    f: dict[str, float] = {"date": 1.0, f"type {m.type} date": 1.0,
                           f"precision {d.precision}": 1.0}
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is not None:
        attach = date_attachment(span.root)
        depth = next((k for k, t in enumerate(chain) if t.i == attach.i), None)
        if depth is None and t0.pos_ == "NOUN" and attach.head.i == t0.i and (
                attach.dep_ in ("acl", "relcl")):
            depth = 0  # "the contract signed in 2023": the participle dates the deal
        f["attached" if depth is not None else "not attached"] = 1.0
        if depth is not None:
            f[f"attached depth {min(depth, 3)}"] = 1.0
        f[f"governor {_governor(span)}"] = 1.0
        f[f"attached to {attach.lemma_.lower()}"] = 1.0
        tokens = span.start - t0.i if span.start > t0.i else t0.i - span.end + 1
        f["after trigger" if span.start > t0.i else "before trigger"] = 1.0
        f[f"tokens {_bucket(max(tokens, 0), (2, 5, 10, 20))}"] = 1.0
        f["in other clause"] = float(in_other_clause(doc, d, t0))
    f["clause break"] = float(clause_break_between(doc, d, t0))
    f["target"] = float(d.target)
    f["future"] = float(d.future)
    f["horizon"] = float(is_horizon(d, published))
    f["past year"] = float(past_year(d, published))
    offset = _offset(d, published)
    direction = offset.split(" ")[0]
    f[f"offset {offset}"] = 1.0
    tense = clause_tense(t0)
    f[f"tense {tense} offset {direction}"] = 1.0
    flags = [k for k in ("target", "future", "horizon", "past year") if f[k]] or ["plain"]
    for flag in flags:  # what a target, a horizon or a past year means differs by event
        f[f"type {m.type} {flag}"] = 1.0
        f[f"status {m.status} {flag}"] = 1.0
        f[f"tense {tense} {flag}"] = 1.0
    f[f"status {m.status} offset {direction}"] = 1.0
    f[f"heading {direction}"] = float(bool((doc._.context or {}).get("heading")))
    fallback_value = fallback.value if fallback is not None else str(published or "")[:10]
    f["agrees with fallback"] = float(bool(fallback_value) and fallback_value.startswith(d.value))
    return {k: v for k, v in f.items() if v}


def _none_features(doc: Doc, m: EventMention, n_dates: int, rules_none: bool,
                   fallback: DateValue | None) -> dict[str, float]:
    t0 = doc[m.trigger_i]
    f = {NO_DATE: 1.0, f"{NO_DATE} type {m.type}": 1.0,
         f"{NO_DATE} dates {min(n_dates, 3)}": 1.0,
         f"{NO_DATE} tense {clause_tense(t0)}": 1.0,
         f"{NO_DATE} status {m.status}": 1.0,
         f"{NO_DATE} fallback {'story' if fallback is not None else 'publication'}": 1.0}
    if rules_none:
        f[f"{NO_DATE} rules none"] = 1.0
    return f


def date_candidates(doc: Doc, m: EventMention, story_date: DateValue | None = None
                    ) -> list[DateCandidate]:
    """Every time expression of the sentence, then "no date", each with its features.
    `story_date` is the date the event falls back on (the story's last one), if any."""
    dates = [d for d in (doc._.dates or []) if d.from_text]
    rule = m.date if m.date is not None and m.date.from_text else None
    if rule is not None and not any(_same(rule, d) for d in dates):
        dates.append(rule)
    if not len(doc) or not 0 <= m.trigger_i < len(doc):
        return []
    chain = head_chain(doc[m.trigger_i])
    out = []
    for d in dates:
        feats = _date_features(doc, m, d, chain, story_date)
        chosen = _same(rule, d)
        if chosen:  # how far the rules are trusted depends on what they chose
            feats["rules' choice"] = 1.0
            feats[f"rules' choice type {m.type}"] = 1.0
            feats[f"rules' choice precision {d.precision}"] = 1.0
            for flag in ("target", "future", "horizon", "past year"):
                if feats.get(flag):
                    feats[f"rules' choice {flag}"] = 1.0
        out.append(DateCandidate(d, feats, chosen))
    out.append(DateCandidate(None, _none_features(doc, m, len(dates), rule is None, story_date),
                             rule is None))
    return out


@dataclass(frozen=True)
class DateAnchor:
    weights: dict[str, float]
    active: bool = True
    margin: float = 0.0  # how much better than the rules' choice another must score

    def score(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def choose(self, candidates: list[DateCandidate]) -> DateCandidate | None:
        """The best-scored candidate, unless it beats the rules' choice by less than the
        margin; None when there is none."""
        if not candidates:
            return None
        best = max(candidates, key=lambda c: (self.score(c.features), c.chosen_by_rules))
        rules = next((c for c in candidates if c.chosen_by_rules), None)
        if rules is not None and (self.score(best.features) - self.score(rules.features)
                                  < self.margin):
            return rules
        return best

    def date_for(self, doc: Doc, m: EventMention, story_date: DateValue | None = None
                 ) -> DateValue | None:
        """The sentence's date the model dates the mention by; None: none of them."""
        rules = m.date if m.date is not None and m.date.from_text else None
        best = self.choose(date_candidates(doc, m, story_date))
        return rules if best is None or best.chosen_by_rules else best.date

    def anchor(self, doc: Doc, m: EventMention, story_date: DateValue | None = None
               ) -> EventMention:
        """The event mention dated by the model's choice."""
        best = self.choose(date_candidates(doc, m, story_date))
        if best is not None and not best.chosen_by_rules:
            m.date = best.date
        return m

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DateAnchor:
        return cls({str(k): float(v) for k, v in data["weights"].items()},
                   bool(data.get("active", True)), float(data.get("margin", 0.0)))

    def to_json(self) -> dict[str, Any]:
        return {"weights": self.weights, "active": self.active, "margin": self.margin}


@lru_cache(maxsize=4)
def load_date_anchor(path: str | None = None, inactive: bool = False) -> DateAnchor | None:
    """The shipped model (or the one at `path`); None when there is none, or when training
    found it does not beat the rules on held-out outlets (unless `inactive`)."""
    file = Path(path) if path else MODEL_FILE
    if not file.is_file():
        return None
    model = DateAnchor.from_json(json.loads(file.read_text(encoding="utf-8")))
    return model if model.active or inactive else None
