"""Training of the learned date anchor (`materiel.extract.date_anchor`).

The rule extractor runs over every annotated document (the rules alone, as the study loop
reads them); each event mention it reads is paired with the gold event it reads (as the role
assigner pairs them: `materiel.learn.roles.gold_event`).  When that gold event has a date,
each of the mention's candidates (`date_candidates`) is labelled right when its value agrees
with the gold date at the gold's precision (the scorer's `date_agrees`); the "no date"
candidate is right when the date the event then falls back on (the story's last date, else
the publication's) agrees.  Mentions where every candidate is right, or none is, teach the
ranking nothing and give no rows.

The anchor is trained per mention and judged per event.  Its dates never decide what merges:
the merge (`materiel.extract.merge`) joins mentions by the rules' dates, and the anchor's dates
of the joined mentions, merged alongside as the rules' are (`better_date`: the most precise,
the earliest among equals), date the event afterwards, so event F1 cannot change.
Leave-one-outlet-out, the extraction runs again with each outlet's mentions dated by the model
trained without it, and the paired events' date accuracy is compared with the rules', overall
and per outlet.  The model ships active only when it beats the rules there.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from materiel.learn.data import Example, training_set
from materiel.learn.linear import fit_logistic, sparse_weights

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from materiel.extract.date_anchor import DateAnchor, DateCandidate
    from materiel.nlp.types import DateValue, EventMention

FILE = "dates.json"
C = 0.3
C_GRID = (0.03, 0.1, 0.3, 1.0)
MIN_COUNT = 3  # a feature must occur in this many training rows
PRUNE = 0.01  # smaller weights are left out of the model
MIN_GAIN = 0.002  # held-out date accuracy the anchor must add to ship active
# Held out by outlet the anchor raises date accuracy on our set (0.912 -> 0.921 over 659 dated
# pairs, no outlet lower, event F1 unchanged by construction, 2026-12-07), and with it on the
# development gold, the final check, stays above its floors (`tests/extract/test_eval_gate.py`,
# read pass/fail only), so it ships on.  (When its dates also decided what merges, the gold
# fell below its event and date floors.)
SHIP_ACTIVE = True  # whether a model that helps held out may ship active
# How much better than the rules' choice another candidate must score to replace it: the
# largest of these whose out-of-fold mention accuracy is within NEAR_BEST of the best one's
# (a prior for the rules, as in `materiel.learn.events`).
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4)
NEAR_BEST = 0.003


@dataclass
class Row:
    group: str
    mention: int  # index of the event mention the row belongs to
    features: dict[str, float]
    label: int
    rules: bool  # the rules' own choice


@dataclass
class Collected:
    rows: list[Row] = field(default_factory=list)
    predictions: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    gold: dict[str, dict[str, Any]] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    mentions: int = 0
    dated_mentions: int = 0  # paired with a gold event that has a date
    unreachable: int = 0  # ... of which no candidate is right
    settled: int = 0  # ... of which every candidate is right


def candidate_labels(cands: list[DateCandidate], gold_date: str, story_date: DateValue | None,
                     published: str | None) -> list[int]:
    """1 for each candidate whose date agrees with the gold's, else 0."""
    from materiel.evaluation.matching import date_agrees

    fallback = story_date.value if story_date is not None else published
    return [int(date_agrees(c.date.value if c.date is not None else fallback, gold_date))
            for c in cands]


class Recorder:
    """Stands in the extractor's `dates` slot: records each event mention's candidates, then
    dates it with the model of the document's outlet (`models`), if any, else as the rules do."""

    def __init__(self, examples: dict[str, Example], out: Collected,
                 models: dict[str, DateAnchor] | None = None, record: bool = True,
                 exclude: frozenset[str] = frozenset()) -> None:
        self.examples, self.out, self.models, self.record = examples, out, models or {}, record
        self.exclude = exclude  # documents whose mentions give no rows

    def date_for(self, doc: Doc, m: EventMention, story_date: DateValue | None = None
                 ) -> DateValue | None:
        example = self.examples[str(doc._.context["doc"])]
        if self.record and len(doc) and example.document.id not in self.exclude:
            self._record(doc, m, example, story_date)
        model = self.models.get(example.group)
        if model is not None:
            return model.date_for(doc, m, story_date)
        return m.date if m.date is not None and m.date.from_text else None

    def _record(self, doc: Doc, m: EventMention, example: Example,
                story_date: DateValue | None) -> None:
        from materiel.extract.date_anchor import date_candidates
        from materiel.learn.roles import gold_event

        self.out.mentions += 1
        gold = gold_event(m, doc.text, example.gold.get("events") or [])
        if gold is None or not gold.get("date"):
            return
        self.out.dated_mentions += 1
        cands = date_candidates(doc, m, story_date)
        labels = candidate_labels(cands, str(gold["date"]), story_date, doc._.published)
        if not any(labels):
            self.out.unreachable += 1
            return
        if all(labels):
            self.out.settled += 1
            return
        for c, lab in zip(cands, labels, strict=True):
            self.out.rows.append(Row(example.group, self.out.mentions, c.features, lab,
                                     c.chosen_by_rules))


def extract(examples: list[Example], nlp: Language, models: dict[str, DateAnchor] | None = None,
            record: bool = True, exclude: frozenset[str] = frozenset()) -> Collected:
    """Run the rule extractor over the examples with a `Recorder` in its dates slot (the
    `exclude` documents give no rows)."""
    from materiel.clean import clean
    from materiel.extract import Extractor
    from materiel.nlp import PipelineConfig

    out = Collected()
    by_id = {x.document.id: x for x in examples}
    extractor = Extractor(PipelineConfig(event_model=False, detector=False,
                                         parse_scope="relevant"), nlp=nlp)
    extractor.roles = None
    extractor.dates = Recorder(by_id, out, models, record, exclude)  # type: ignore[assignment]
    cleaned = [clean(x.document) for x in examples]
    for cd, events in extractor.extract_many(cleaned):
        out.predictions[cd.doc.id] = [e.to_json() for e in events]
    for x in examples:
        out.gold[x.document.id] = x.gold
        out.groups[x.document.id] = x.group
    return out


# --- fitting ----------------------------------------------------------------------------------


def fit(rows: list[Row], c: float) -> DateAnchor:
    from materiel.extract.date_anchor import DateAnchor

    names, model = fit_logistic([r.features for r in rows], [r.label for r in rows], c,
                                MIN_COUNT)
    # the intercept is left out: the same for every candidate, it never changes the choice
    return DateAnchor(sparse_weights(names, model.coef_[0], PRUNE))


def fold_models(rows: list[Row], c: float) -> dict[str, DateAnchor]:
    """The model trained without each outlet."""
    return {g: fit([r for r in rows if r.group != g], c) for g in sorted({r.group for r in rows})}


def mention_accuracy(rows: list[Row], folds: dict[str, DateAnchor]) -> dict[str, Any]:
    """Over the mentions with rows: how often the rules' choice and the held-out model's
    choice are right, overall and per outlet."""
    by_mention: dict[int, list[Row]] = {}
    for r in rows:
        by_mention.setdefault(r.mention, []).append(r)
    tally: dict[str, list[int]] = {}
    for group_rows in by_mention.values():
        group = group_rows[0].group
        model = folds[group]
        best = max(group_rows, key=lambda r: (model.score(r.features), r.rules))
        rules = next((r for r in group_rows if r.rules), None)
        if rules is not None and (model.score(best.features) - model.score(rules.features)
                                  < model.margin):
            best = rules
        for key in ("all", group):
            t = tally.setdefault(key, [0, 0, 0])
            t[0] += 1
            t[1] += int(rules is not None and rules.label == 1)
            t[2] += best.label
    return {k: {"mentions": n, "rules": round(a / n, 4), "anchor": round(b / n, 4)}
            for k, (n, a, b) in sorted(tally.items())}


def with_margin(models: dict[str, DateAnchor], margin: float) -> dict[str, DateAnchor]:
    return {g: replace(m, margin=margin) for g, m in models.items()}


def choose_margin(rows: list[Row], folds: dict[str, DateAnchor]) -> float:
    """The margin for these rows, read from their out-of-fold choices (see `MARGINS`)."""
    accuracy = [(mention_accuracy(rows, with_margin(folds, t))["all"]["anchor"], t)
                for t in MARGINS]
    top = max(a for a, _t in accuracy)
    return max(t for a, t in accuracy if a >= top - NEAR_BEST)


def nested_margins(rows: list[Row], folds: dict[str, DateAnchor]) -> dict[str, float]:
    """The margin for each outlet, chosen without it."""
    return {g: choose_margin([r for r in rows if r.group != g], folds)
            for g in sorted({r.group for r in rows})}


# --- figures ----------------------------------------------------------------------------------


def _figures(result: dict[str, Any]) -> dict[str, Any]:
    return {"event_f1": result["event"]["f1"], "argument_f1": result["argument"]["f1"],
            "date_accuracy": result["date_accuracy"], "dated_pairs": result["dated_pairs"]}


def end_to_end(data: Collected, again: Collected) -> dict[str, Any]:
    """Event and date figures of two extraction passes, overall and per outlet."""
    from materiel.evaluation import score

    def run(got: Collected, docs: list[str]) -> dict[str, Any]:
        return _figures(score({d: data.gold[d] for d in docs},
                              {d: got.predictions.get(d, []) for d in docs}))

    every = sorted(data.gold)
    per_outlet = {}
    for group in sorted(set(data.groups.values())):
        docs = [d for d in every if data.groups[d] == group]
        per_outlet[group] = {"docs": len(docs), "rules": run(data, docs),
                             "anchor": run(again, docs)}
    return {"rules": run(data, every), "anchor": run(again, every), "per_outlet": per_outlet}


def trained_without(examples: list[Example], exclude: frozenset[str],
                    nlp: Language | None = None) -> tuple[Collected, Collected]:
    """The rules' extraction of the examples, and the extraction with an anchor trained (as
    `train` trains it) on the other documents' mentions only: what it does on the `exclude`
    documents is what it does on news it never saw."""
    from materiel.learn.parses import ParseCache
    from materiel.nlp import PipelineConfig
    from materiel.nlp.pipeline import cached_pipeline

    if nlp is None:
        nlp = cast("Language", ParseCache(cached_pipeline(PipelineConfig())))
    rules = extract(examples, nlp, exclude=exclude)
    model = replace(fit(rules.rows, C), margin=choose_margin(rules.rows,
                                                             fold_models(rules.rows, C)))
    anchor = extract(examples, nlp, {g: model for g in set(rules.groups.values())},
                     record=False)
    return rules, anchor


# --- training ---------------------------------------------------------------------------------


def train(out_dir: Path, examples: list[Example] | None = None,
          nlp: Language | None = None) -> dict[str, Any]:
    from materiel.learn.parses import ParseCache
    from materiel.nlp import PipelineConfig
    from materiel.nlp.pipeline import cached_pipeline

    examples = examples if examples is not None else training_set()
    started = time.perf_counter()
    if nlp is None:
        nlp = cast("Language", ParseCache(cached_pipeline(PipelineConfig())))
    data = extract(examples, nlp)
    collect_seconds = time.perf_counter() - started
    rows = data.rows
    grid = {str(c): mention_accuracy(rows, fold_models(rows, c))["all"] for c in C_GRID}
    plain = fold_models(rows, C)
    by_margin = {str(t): mention_accuracy(rows, with_margin(plain, t))["all"] for t in MARGINS}
    margins = nested_margins(rows, plain)
    folds = {g: replace(m, margin=margins[g]) for g, m in plain.items()}
    mentions = mention_accuracy(rows, folds)

    started = time.perf_counter()
    again = extract(examples, nlp, folds, record=False)
    held_out = end_to_end(data, again)
    eval_seconds = time.perf_counter() - started
    rules, anchor = held_out["rules"], held_out["anchor"]
    gain = (anchor["date_accuracy"] or 0.0) - (rules["date_accuracy"] or 0.0)
    helps = gain >= MIN_GAIN and anchor["event_f1"] >= rules["event_f1"] - 0.001
    active = helps and SHIP_ACTIVE

    final = replace(fit(rows, C), active=active, margin=choose_margin(rows, plain))
    (out_dir / FILE).write_text(json.dumps(final.to_json(), sort_keys=True) + "\n")
    return {
        "documents": len(data.gold), "event_mentions": data.mentions,
        "dated_mentions": data.dated_mentions, "unreachable": data.unreachable,
        "settled": data.settled, "ranked_mentions": len({r.mention for r in rows}),
        "rows": len(rows), "C": C, "features": len(final.weights), "margin": final.margin,
        "helps_held_out": helps, "active": active,
        "loo_outlet": {"mentions": mentions, "mentions_by_C": grid,
                       "mentions_by_margin": by_margin, "outlet_margins": margins,
                       "extraction": held_out},
        "collect_seconds": round(collect_seconds, 1), "eval_seconds": round(eval_seconds, 1),
    }
