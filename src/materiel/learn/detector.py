"""Training of the learned candidate generator (`materiel.extract.detector`).

The rule extractor runs over every annotated document in recall mode; each sentence it
parses gives a row for the sentence detector: its features and, per event type, a label
(positive: the evidence of a required gold event of the type overlaps it; left out: only an
optional gold event of the type, or a required one that allows the type as an alternative,
overlaps it; negative otherwise).  The positive (sentence, type) pairs give the rows of the
role assigner: each mention of the sentence, labelled with the role of the gold event whose
value it matches (`value_matches`, as the scorer does), else "none".

Cross-validated leave-one-outlet-out: the figures (per type, and on the sentences where the
rules read no event of the type: the ones the detector is for), the per-type thresholds
(chosen on the out-of-fold probabilities), and the models trained without each outlet, which
`materiel.learn.events` uses to collect its candidates (an outlet's candidates come from a
detector that never saw it).  The final model, trained on everything, is written to
`data/models/detector.json`.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from materiel.learn.data import Example, training_set
from materiel.learn.linear import class_tables, fit_logistic, sparse_weights
from materiel.models import EVENT_TYPES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from materiel.extract.detector import DetectorModel, Mention, RoleAssigner, SentenceDetector
    from materiel.models import CleanDocument, Sentence

DETECTOR_C = 0.1  # sentence detector: L2 strength (balanced classes)
ROLE_C = 0.3  # role assigner
MIN_COUNT = 3  # a feature must occur in this many training rows
# weights below this (in absolute value) are left out of the model: it keeps a twelfth of them
# and the model near 250 KB, at the same out-of-fold average precision (0.389 against 0.382)
# and role F1 (0.689 against 0.694)
PRUNE = 0.1
PRECISION_FLOOR = 0.08  # propose a type where out-of-fold precision (uncovered) reaches this
MAX_THRESHOLD = 0.9
MIN_THRESHOLD = 0.2
FILE = "detector.json"


@dataclass
class SentenceRow:
    doc: str
    group: str
    features: dict[str, float]
    positive: set[str]  # types of required gold events whose evidence overlaps the sentence
    excluded: set[str]  # types left out of training for this sentence
    covered: set[str]  # types the rules read in the sentence


@dataclass
class Positive:
    """A sentence that holds a required gold event of `type`, with its parse."""

    doc: str
    group: str
    parse: Doc
    type: str
    golds: list[dict[str, Any]]
    found: list[Mention] = field(default_factory=list)


@dataclass
class TrainingData:
    rows: list[SentenceRow] = field(default_factory=list)
    positives: list[Positive] = field(default_factory=list)
    unlocated: int = 0  # gold evidence strings not found in the cleaned text


_Located = list[tuple[dict[str, Any], list[tuple[int, int]]]]  # gold event, evidence spans


def _gold_spans(cd: CleanDocument, gold: dict[str, Any]) -> tuple[_Located, int]:
    from materiel.annotate.locate import find_all

    out, missing = [], 0
    for g in gold.get("events") or []:
        ev = (g.get("evidence") or "").strip()
        hits = find_all(cd.text, ev) if ev else []
        if ev and not hits:
            missing += 1
        out.append((g, hits))
    return out, missing


def collect(examples: list[Example]) -> TrainingData:
    """Parse every annotated document as the extractor does, keeping what training needs."""
    from materiel.clean import clean
    from materiel.extract import Extractor
    from materiel.extract.detector import mentions, sentence_features
    from materiel.nlp import PipelineConfig

    extractor = Extractor(PipelineConfig(min_confidence=0.0, event_model=False, detector=False,
                                          parse_scope="relevant"))
    extractor.on_candidate = lambda _event, _features: None  # recall mode, as for the scorer
    data = TrainingData()
    by_id = {x.document.id: x for x in examples}
    spans: dict[str, _Located] = {}

    def on_sentence(cd: CleanDocument, sent: Sentence, doc: Doc, context: dict[str, float],
                    covered: set[str]) -> None:
        example = by_id[cd.doc.id]
        if cd.doc.id not in spans:
            spans[cd.doc.id], missing = _gold_spans(cd, example.gold)
            data.unlocated += missing
        positive: dict[str, list[dict[str, Any]]] = {}
        excluded: set[str] = set()
        for g, hits in spans[cd.doc.id]:
            if not any(s < sent.end and sent.start < e for s, e in hits):
                continue
            alt = set(g.get("alt_types") or [])
            if g.get("optional"):
                excluded |= {g["type"]} | alt
            else:
                positive.setdefault(g["type"], []).append(g)
                excluded |= alt
        data.rows.append(SentenceRow(cd.doc.id, example.group,
                                     sentence_features(doc, sent.is_heading, context),
                                     set(positive), excluded - set(positive), set(covered)))
        if positive:
            found = mentions(doc)
            for type_, golds in positive.items():
                data.positives.append(Positive(cd.doc.id, example.group, doc, type_, golds,
                                               found))

    extractor.on_sentence = on_sentence
    cleaned = [clean(x.document) for x in examples]
    for _ in extractor.extract_many(cleaned):
        pass
    return data


# --- fitting ----------------------------------------------------------------------------------


def _vocabulary(feature_dicts: list[dict[str, float]]) -> set[str]:
    counts = Counter(k for f in feature_dicts for k in f)
    return {k for k, n in counts.items() if n >= MIN_COUNT}


def fit_detector(rows: list[SentenceRow], vocab: set[str]) -> SentenceDetector:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from materiel.extract.detector import SentenceDetector

    vec = DictVectorizer()
    x = vec.fit_transform([{k: v for k, v in r.features.items() if k in vocab} for r in rows])
    x = x.tocsr()
    names = vec.get_feature_names_out()
    weights: dict[str, dict[str, float]] = {}
    bias: dict[str, float] = {}
    for type_ in EVENT_TYPES:
        use = [i for i, r in enumerate(rows) if type_ not in r.excluded]
        y = [int(type_ in rows[i].positive) for i in use]
        if len(set(y)) < 2:
            weights[type_], bias[type_] = {}, -10.0
            continue
        model = LogisticRegression(C=DETECTOR_C, solver="liblinear", class_weight="balanced",
                                   max_iter=3000, random_state=0)
        model.fit(x[use], y)
        weights[type_] = sparse_weights(names, model.coef_[0], PRUNE)
        bias[type_] = round(float(model.intercept_[0]), 4)
    return SentenceDetector(weights, bias, dict.fromkeys(EVENT_TYPES, 0.5))


def role_label(m: Mention, golds: list[dict[str, Any]]) -> str:
    """The role of the gold events that the mention's text (or number) fills, else "none"."""
    from materiel.evaluation.matching import value_matches

    pred: dict[str, Any] = {"text": m.text}
    if m.value is not None:
        pred["value"] = m.value
    if m.currency:
        pred["currency"] = m.currency
    for g in golds:
        for role, values in (g.get("args") or {}).items():
            if (role in ("quantity", "value")) != m.number:
                continue
            if any(value_matches(pred, v) for v in values):
                return str(role)
    return "none"


def role_rows(positives: list[Positive], detector: SentenceDetector
              ) -> tuple[list[dict[str, float]], list[str]]:
    from materiel.extract.detector import mention_features

    feats, labels = [], []
    for p in positives:
        anchor = detector.anchor(p.parse, p.type)
        for m in p.found:
            feats.append(mention_features(p.parse, m, p.type, anchor))
            labels.append(role_label(m, p.golds))
    return feats, labels


def fit_roles(feats: list[dict[str, float]], labels: list[str]) -> RoleAssigner:
    from materiel.extract.detector import RoleAssigner

    if len(set(labels)) < 2:
        return RoleAssigner({}, {})
    names, model = fit_logistic(feats, labels, ROLE_C, MIN_COUNT)
    return RoleAssigner(*class_tables(names, model, PRUNE))


def fit(data: TrainingData, vocab: set[str], without: str | None = None,
        thresholds: dict[str, float] | None = None) -> DetectorModel:
    """The detector and role assigner trained on every outlet but `without`."""
    from materiel.extract.detector import DetectorModel, SentenceDetector

    rows = [r for r in data.rows if r.group != without]
    det = fit_detector(rows, vocab)
    if thresholds:
        det = SentenceDetector(det.weights, det.bias, dict(thresholds))
    feats, labels = role_rows([p for p in data.positives if p.group != without], det)
    return DetectorModel(det, fit_roles(feats, labels))


# --- cross-validation -------------------------------------------------------------------------


def choose_thresholds(data: TrainingData, probs: list[dict[str, float]]) -> dict[str, float]:
    """Per type, the lowest threshold at which the out-of-fold proposals (sentences where the
    rules read no event of the type) are right at least `PRECISION_FLOOR` of the time."""
    out = {}
    for type_ in EVENT_TYPES:
        scored = sorted(((probs[i][type_], type_ in r.positive) for i, r in enumerate(data.rows)
                         if type_ not in r.covered and type_ not in r.excluded), reverse=True)
        best = MAX_THRESHOLD
        right = 0
        for n, (p, ok) in enumerate(scored, 1):
            right += ok
            if p < MIN_THRESHOLD:
                break
            if right / n >= PRECISION_FLOOR and p < best:
                best = p
        out[type_] = round(best, 4)
    return out


def _average_precision(pairs: list[tuple[float, bool]]) -> float:
    pairs = sorted(pairs, key=lambda x: -x[0])
    total = sum(ok for _p, ok in pairs)
    if not total:
        return 0.0
    right, ap = 0, 0.0
    for n, (_p, ok) in enumerate(pairs, 1):
        if ok:
            right += 1
            ap += right / n
    return round(ap / total, 4)


def _role_figures(pred: list[str], gold: list[str]) -> dict[str, float]:
    tp = sum(1 for p, g in zip(pred, gold, strict=True) if p == g and p != "none")
    fp = sum(1 for p, g in zip(pred, gold, strict=True) if p != "none" and p != g)
    fn = sum(1 for p, g in zip(pred, gold, strict=True) if g != "none" and p != g)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(prec, 4), "r": round(rec, 4),
            "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0,
            "mentions": len(gold)}


_FOLDS: dict[tuple[str, ...], dict[str, DetectorModel]] = {}


def cross_validate(data: TrainingData, vocab: set[str]
                   ) -> tuple[dict[str, DetectorModel], list[dict[str, float]], dict[str, Any]]:
    """Models trained without each outlet, the out-of-fold probabilities of every row, and
    the out-of-fold figures of the role assigner."""
    from materiel.extract.detector import mention_features

    groups = sorted({r.group for r in data.rows})
    probs: list[dict[str, float]] = [{} for _ in data.rows]
    folds: dict[str, DetectorModel] = {}
    pred: list[str] = []
    gold: list[str] = []
    for group in groups:
        model = fit(data, vocab, without=group)
        folds[group] = model
        for i, r in enumerate(data.rows):
            if r.group == group:
                probs[i] = model.detector.probabilities(r.features)
        for p in data.positives:
            if p.group != group:
                continue
            anchor = model.detector.anchor(p.parse, p.type)
            for m in p.found:
                role, _ = model.roles.role(mention_features(p.parse, m, p.type, anchor), p.type)
                pred.append(role or "none")
                gold.append(role_label(m, p.golds))
    return folds, probs, _role_figures(pred, gold)


def fold_models(examples: list[Example]) -> dict[str, DetectorModel]:
    """The models trained without each outlet (for `materiel.learn.events`): those of the last
    `train` in this process when it saw the same documents, else trained now."""
    key = tuple(sorted(x.document.id for x in examples))
    if key not in _FOLDS:
        data = collect(examples)
        vocab = _vocabulary([r.features for r in data.rows])
        folds, probs, _ = cross_validate(data, vocab)
        thresholds = choose_thresholds(data, probs)
        _FOLDS.clear()
        _FOLDS[key] = {g: _with_thresholds(m, thresholds) for g, m in folds.items()}
    return _FOLDS[key]


def _with_thresholds(model: DetectorModel, thresholds: dict[str, float]) -> DetectorModel:
    from materiel.extract.detector import DetectorModel, SentenceDetector

    d = model.detector
    return DetectorModel(SentenceDetector(d.weights, d.bias, dict(thresholds)), model.roles)


def train(out_dir: Path, examples: list[Example] | None = None) -> dict[str, Any]:
    from materiel.extract.detector import load_detector

    started = time.perf_counter()
    examples = examples if examples is not None else training_set()
    data = collect(examples)
    collect_seconds = time.perf_counter() - started
    vocab = _vocabulary([r.features for r in data.rows])
    folds, probs, roles = cross_validate(data, vocab)
    thresholds = choose_thresholds(data, probs)
    final = fit(data, vocab, thresholds=thresholds)
    path = out_dir / FILE
    path.write_text(json.dumps(final.to_json(), sort_keys=True, separators=(",", ":")) + "\n")
    load_detector.cache_clear()
    _FOLDS.clear()
    _FOLDS[tuple(sorted(x.document.id for x in examples))] = {
        g: _with_thresholds(m, thresholds) for g, m in folds.items()}

    per_type: dict[str, Any] = {}
    for type_ in EVENT_TYPES:
        usable = [i for i, r in enumerate(data.rows) if type_ not in r.excluded]
        open_ = [i for i in usable if type_ not in data.rows[i].covered]
        t = thresholds[type_]
        flagged = [i for i in open_ if probs[i][type_] >= t]
        per_type[type_] = {
            "positive_sentences": sum(type_ in data.rows[i].positive for i in usable),
            "ap": _average_precision([(probs[i][type_], type_ in data.rows[i].positive)
                                      for i in usable]),
            "uncovered_positive": sum(type_ in data.rows[i].positive for i in open_),
            "uncovered_ap": _average_precision([(probs[i][type_], type_ in data.rows[i].positive)
                                                for i in open_]),
            "threshold": t,
            "proposed": len(flagged),
            "proposed_right": sum(type_ in data.rows[i].positive for i in flagged),
        }
    return {
        "sentences": len(data.rows), "positive_pairs": len(data.positives),
        "unlocated_evidence": data.unlocated, "features": len(vocab),
        "model_bytes": path.stat().st_size,
        "loo_outlet": {"per_type": per_type, "roles": roles},
        "collect_seconds": round(collect_seconds, 1),
    }
