"""The learned event scorer: which of the rules' candidate events are real events.

Training: the rule extractor runs over every annotated document with no cut-off; each
merged candidate is labelled by the scorer's own pairing with the gold (paired with a
required gold event: right; paired with an optional one: left out; unpaired: wrong).  A
logistic regression over `candidate_features` is cross-validated leave-one-outlet-out,
its threshold chosen on the out-of-fold scores, an isotonic calibration fitted on them,
and the final model trained on everything is written as JSON (`materiel.learn.scorer`).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from materiel.evaluation import score
from materiel.evaluation.scorer import pair_events
from materiel.learn.data import Example, training_set
from materiel.learn.scorer import EventScorer

C_GRID = (0.01, 0.03, 0.1)
KEPT_THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
DROPPED_THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: none of them
# Among settings this close to the best F1, the one that keeps most of the rules' own events:
# a prior for the rules, which were written for the same spec by reading news.
NEAR_BEST = 0.005
RULE_CUTOFF = 0.35  # the rules' own confidence cut-off, the baseline
# Adding the candidates the rules dropped raised leave-one-outlet-out event F1 on our set
# (0.527 -> 0.547, 2026-12-06) but lowered the development gold, the final check, from 0.89 to
# 0.87: they are scored and reported, not kept, until the detector's candidates do better.
ADD_DROPPED = False
# Likewise dropping the rules' events the scorer doubts (leave-one-outlet-out 0.527 -> 0.528)
# lowered the development gold from 0.89 to 0.88: the rules keep deciding what is kept.
DROP_KEPT = False
OFF = 1.01  # a threshold no probability reaches
# The candidates of the learned sentence detector (`materiel.learn.detector`) are added with a
# threshold of their own, chosen after the others: leave-one-outlet-out event F1 (rules plus
# the detector's candidates, against the rules alone) is in `scores.json`.
ADD_DETECTED = True
DETECTED_THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, OFF)
DETECTED = "rejected=detector"  # the feature that marks them (see `candidate_features`)


@dataclass
class Candidates:
    """Every candidate event of the training set, with its features and label."""

    docs: list[str]  # document id of each candidate
    groups: list[str]
    events: list[dict[str, Any]]  # output-contract form
    features: list[dict[str, float]]
    labels: list[int | None]  # 1 right, 0 wrong, None paired with optional gold
    gold: dict[str, dict[str, Any]]  # doc id -> gold record
    doc_groups: dict[str, str]


def collect(examples: list[Example]) -> Candidates:
    from materiel.clean import clean
    from materiel.extract import Extractor
    from materiel.nlp import PipelineConfig

    extractor = Extractor(PipelineConfig(min_confidence=0.0, event_model=False,
                                          parse_scope="relevant"))
    found: list[tuple[dict[str, Any], dict[str, float]]] = []
    extractor.on_candidate = lambda event, feats: found.append((event.to_json(), feats))
    out = Candidates([], [], [], [], [], {}, {})
    by_id = {x.document.id: x for x in examples}
    cleaned = [clean(x.document) for x in examples]
    for clean_doc, _events in _extract(extractor, cleaned, examples):
        example = by_id[clean_doc.doc.id]
        doc_events = [e for e, _f in found]
        labels = label(doc_events, example.gold.get("events") or [])
        for (event, feats), lab in zip(found, labels, strict=True):
            out.docs.append(example.document.id)
            out.groups.append(example.group)
            out.events.append(event)
            out.features.append(feats)
            out.labels.append(lab)
        out.gold[example.document.id] = example.gold
        out.doc_groups[example.document.id] = example.group
        found.clear()
    return out


def _extract(extractor: Any, cleaned: list[Any], examples: list[Example]) -> Iterator[Any]:
    """Extract with the learned candidate generator (`materiel.learn.detector`) cross-fitted:
    each outlet's documents see the detector trained without that outlet, as unseen news
    would.  Without a shipped detector, one plain pass."""
    if extractor.detector is None:
        yield from extractor.extract_many(cleaned)
        return
    from materiel.learn.detector import fold_models

    folds = fold_models(examples)
    group = {x.document.id: x.group for x in examples}
    final = extractor.detector
    for g in sorted(set(group.values())):
        extractor.detector = folds.get(g, final)
        yield from extractor.extract_many([cd for cd in cleaned if group[cd.doc.id] == g])
    extractor.detector = final


def label(events: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[int | None]:
    labels: list[int | None] = [0] * len(events)
    for i, j in pair_events(events, golds):
        labels[i] = None if golds[j].get("optional") else 1
    return labels


def _fit(features: list[dict[str, float]], labels: list[int], c: float) -> EventScorer:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(features)
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    model.fit(x, labels)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True)
               if abs(w) > 1e-5}
    return EventScorer(weights, round(float(model.intercept_[0]), 5), 0.5, (), ())


def _isotonic(raw: list[float], labels: list[int]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    from sklearn.isotonic import IsotonicRegression

    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0)
    iso.fit(raw, labels)
    xs = [round(float(x), 4) for x in iso.X_thresholds_]
    ys = [round(float(y), 4) for y in iso.y_thresholds_]
    return tuple(xs), tuple(ys)


def out_of_fold(cands: Candidates, c: float) -> list[float]:
    """Each candidate's raw score from a model trained without its outlet."""
    raw = [0.0] * len(cands.events)
    for group in sorted(set(cands.groups)):
        train = [i for i, g in enumerate(cands.groups) if g != group and
                 cands.labels[i] is not None]
        model = _fit([cands.features[i] for i in train],
                     [int(cands.labels[i] or 0) for i in train], c)
        for i, g in enumerate(cands.groups):
            if g == group:
                raw[i] = model.raw(cands.features[i])
    return raw


def evaluate(cands: Candidates, keep: list[bool], docs: set[str] | None = None
             ) -> dict[str, Any]:
    """The reference scoring of the kept candidates against the gold of `docs`."""
    docs = docs if docs is not None else set(cands.gold)
    preds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i, doc in enumerate(cands.docs):
        if keep[i] and doc in docs:
            preds[doc].append(cands.events[i])
    return score({d: cands.gold[d] for d in sorted(docs)}, preds)


def _figures(result: dict[str, Any]) -> dict[str, Any]:
    return {"event_p": result["event"]["precision"], "event_r": result["event"]["recall"],
            "event_f1": result["event"]["f1"], "argument_f1": result["argument"]["f1"],
            "date_accuracy": result["date_accuracy"], "gold_events": result["gold_events"]}


def _choose(trials: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """The (f1, C, kept threshold, dropped threshold) to use: among trials this close to the
    best F1, the one that keeps most of the rules' own events."""
    top = max(t[0] for t in trials)
    return min((t for t in trials if t[0] >= top - NEAR_BEST), key=lambda t: (t[2], -t[0]))


def reliability(probs: list[float], labels: list[int], bins: int = 10) -> list[dict[str, Any]]:
    table = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if idx:
            table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(idx),
                          "mean_p": round(sum(probs[i] for i in idx) / len(idx), 3),
                          "right": round(sum(labels[i] for i in idx) / len(idx), 3)})
    return table


def train(out_dir: Path, examples: list[Example] | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    cands = collect(examples if examples is not None else training_set())
    collect_seconds = time.perf_counter() - started
    labelled = [i for i, lab in enumerate(cands.labels) if lab is not None]
    groups = sorted(set(cands.groups))
    rule_keep = [e.get("confidence", 0) >= RULE_CUTOFF and not f.get("rejected")
                 for e, f in zip(cands.events, cands.features, strict=True)]

    dropped = [bool(f.get("rejected")) for f in cands.features]
    detected = [bool(f.get(DETECTED)) for f in cands.features]

    def keep(raw: list[float], t_kept: float, t_dropped: float,
             t_detected: float | None = None) -> list[bool]:
        # the rules' own cut-off still applies to their events, as in the extractor; the
        # detector's candidates are dropped ones unless they have their own threshold
        t_det = t_dropped if t_detected is None else t_detected
        return [r >= t_det if dt else r >= t_dropped if d else (r >= t_kept and rk)
                for r, d, dt, rk in zip(raw, dropped, detected, rule_keep, strict=True)]

    trials = []  # (f1, c, t_kept, t_dropped)
    raws = {}
    for c in C_GRID:
        raws[c] = out_of_fold(cands, c)
        for tk in KEPT_THRESHOLDS:
            for td in DROPPED_THRESHOLDS:
                f1 = evaluate(cands, keep(raws[c], tk, td))["event"]["f1"]
                trials.append((f1, c, tk, td))
    with_dropped = _choose(trials)
    allowed = [t for t in trials if (ADD_DROPPED or t[3] == OFF) and (DROP_KEPT or t[2] == 0)]
    _f1, c, t_kept, t_dropped = _choose(allowed)
    raw = raws[c]
    t_detected = OFF
    if ADD_DETECTED and any(detected):
        scored = [(evaluate(cands, keep(raw, t_kept, t_dropped, t))["event"]["f1"], t)
                  for t in DETECTED_THRESHOLDS]
        t_detected = max(scored)[1]  # ties: the higher threshold
    chosen = keep(raw, t_kept, t_dropped, t_detected)
    adding = keep(raws[with_dropped[1]], with_dropped[2], with_dropped[3])

    # calibration reported on outlets it was not fitted on (cross-fitted), then fitted on all
    calibrated = [0.0] * len(raw)
    for group in groups:
        fit_idx = [i for i in labelled if cands.groups[i] != group]
        xs, ys = _isotonic([raw[i] for i in fit_idx], [int(cands.labels[i] or 0)
                                                        for i in fit_idx])
        cal = EventScorer({}, 0.0, 0.0, xs, ys)
        for i, g in enumerate(cands.groups):
            if g == group:
                calibrated[i] = cal.calibrate(raw[i])
    xs, ys = _isotonic([raw[i] for i in labelled], [int(cands.labels[i] or 0) for i in labelled])
    final = _fit([cands.features[i] for i in labelled],
                 [int(cands.labels[i] or 0) for i in labelled], c)
    to_probability = EventScorer({}, 0.0, 0.0, xs, ys).calibrate
    final = EventScorer(final.weights, final.bias, round(to_probability(t_kept), 4), xs, ys,
                        round(to_probability(t_dropped), 4) if t_dropped <= 1 else OFF,
                        round(to_probability(t_detected), 4) if t_detected <= 1 else OFF)
    (out_dir / "events.json").write_text(json.dumps(final.to_json(), sort_keys=True) + "\n")

    per_outlet = {}
    for group in groups:
        docs = {d for d, g in cands.doc_groups.items() if g == group}
        per_outlet[group] = {
            "docs": len(docs),
            "rules": _figures(evaluate(cands, rule_keep, docs)),
            "learned": _figures(evaluate(cands, chosen, docs)),
            "ceiling": evaluate(cands, [True] * len(chosen), docs)["event"]["recall"],
        }
    return {
        "documents": len(cands.gold), "candidates": len(cands.events),
        "right": sum(1 for lab in cands.labels if lab == 1),
        "from_dropped": sum(1 for f in cands.features if f.get("rejected")),
        "right_from_dropped": sum(1 for f, lab in zip(cands.features, cands.labels, strict=True)
                                  if f.get("rejected") and lab == 1),
        "from_detector": sum(detected),
        "right_from_detector": sum(1 for d, lab in zip(detected, cands.labels, strict=True)
                                   if d and lab == 1),
        "wrong": sum(1 for lab in cands.labels if lab == 0),
        "C": c, "raw_thresholds": [t_kept, t_dropped, t_detected], "threshold": final.threshold,
        "threshold_dropped": final.threshold_dropped,
        "threshold_detected": final.threshold_detected,
        "features": len(final.weights),
        "loo_outlet": {"ceiling": evaluate(cands, [True] * len(chosen))["event"]["recall"],
                       "rules": _figures(evaluate(cands, rule_keep)),
                       "learned": _figures(evaluate(cands, chosen)),
                       "learned_adding_dropped": _figures(evaluate(cands, adding)),
                       "per_outlet": per_outlet},
        "reliability": reliability([calibrated[i] for i in labelled],
                                   [int(cands.labels[i] or 0) for i in labelled]),
        "collect_seconds": round(collect_seconds, 1),
    }
