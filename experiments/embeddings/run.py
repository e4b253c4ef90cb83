"""Leave-one-outlet-out experiments: sentence embeddings (and LightGBM) in the learned sentence
detector and the learned event scorer, over the cached parses of `cache.py`.

    run.py detector VARIANT     per-type AP, then the candidates its fold models add (cached)
    run.py scorer CANDS VARIANT the event scorer's out-of-fold F1 on cached candidates

Detector variants: base (today's sparse features), emb<S> (plus the embedding scaled by S),
embonly<S> (the embedding alone).  Scorer variants: base, emb<S>, lgbm, lgbm+emb.
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import materiel.extract  # noqa: E402
import numpy as np  # noqa: E402
from cache import CACHE, ReplayExtractor  # noqa: E402
from embed import embed  # noqa: E402

materiel.extract.Extractor = ReplayExtractor  # type: ignore[misc]  # the learn code's extractor

from materiel.extract.detector import DetectorModel, sentence_features  # noqa: E402
from materiel.learn import detector as ld  # noqa: E402
from materiel.learn import events as le  # noqa: E402
from materiel.learn.data import training_set  # noqa: E402
from materiel.models import EVENT_TYPES  # noqa: E402

RESULTS = CACHE / "results.jsonl"


def log(kind: str, variant: str, figures: dict[str, Any]) -> None:
    with RESULTS.open("a") as fh:
        fh.write(json.dumps({"kind": kind, "variant": variant, **figures}) + "\n")
    print(json.dumps({"kind": kind, "variant": variant, **figures}))


def emb_features(vec: np.ndarray, scale: float) -> dict[str, float]:
    return {f"emb:{k}": float(scale * x) for k, x in enumerate(vec)}


def parse_variant(v: str) -> tuple[str, float]:
    if v.startswith(("lgbm", "mix")):
        return v, 3.0
    for prefix in ("embonly", "embtype", "emb"):
        if v.startswith(prefix):
            return prefix, float(v[len(prefix):] or 1)
    return v, 0.0


# --- detector ---------------------------------------------------------------------------------


def detector_data(examples: list[Any]) -> tuple[ld.TrainingData, list[str]]:
    path = CACHE / "detector_data.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    started = time.perf_counter()
    data = ld.collect(examples)
    assert ReplayExtractor.last is not None
    texts = list(ReplayExtractor.last.texts)
    assert len(texts) == len(data.rows)
    print(f"detector rows collected in {time.perf_counter() - started:.0f} s")
    path.write_bytes(pickle.dumps((data, texts)))
    return data, texts


class EmbDetectorModel(DetectorModel):
    scale: float = 0.0
    only: bool = False

    def probabilities(self, doc: Any, heading: bool = False,
                      context: dict[str, float] | None = None) -> dict[str, float]:
        f = {} if self.only else sentence_features(doc, heading, context)
        f["bias_sentence"] = 1.0
        f.update(emb_features(embed([doc.text])[0], self.scale))
        return self.detector.probabilities(f)


def _keep_emb(names: Any, coef: Any) -> dict[str, float]:
    return {str(n): round(float(w), 4) for n, w in zip(names, coef, strict=True)
            if abs(w) >= ld.PRUNE or str(n).startswith("emb:")}


def detector_rows(variant: str, data: ld.TrainingData, texts: list[str]) -> ld.TrainingData:
    kind, scale = parse_variant(variant)
    if kind in ("emb", "embonly"):
        vecs = embed(texts)
        rows = []
        for r, v in zip(data.rows, vecs, strict=True):
            base = {"bias_sentence": 1.0} if kind == "embonly" else dict(r.features)
            rows.append(replace(r, features={**base, **emb_features(v, scale)}))
        data = ld.TrainingData(rows, data.positives, data.unlocated)
        ld._sparse_weights = _keep_emb  # type: ignore[assignment]
    return data


def detector_ap(variant: str) -> None:
    """Per-type average precision only (no role assigner, no candidates): a quick probe."""
    data, texts = detector_data(training_set())
    data = detector_rows(variant, data, texts)
    vocab = ld._vocabulary([r.features for r in data.rows])
    probs: list[dict[str, float]] = [{} for _ in data.rows]
    for group in sorted({r.group for r in data.rows}):
        det = ld.fit_detector([r for r in data.rows if r.group != group], vocab)
        for i, r in enumerate(data.rows):
            if r.group == group:
                probs[i] = det.probabilities(r.features)
    aps = {t: ld._average_precision([(probs[i][t], t in r.positive)
                                     for i, r in enumerate(data.rows) if t not in r.excluded])
           for t in EVENT_TYPES}
    log("detector_ap", variant, {"mean_ap": round(sum(aps.values()) / len(aps), 4), "ap": aps})


def detector(variant: str) -> None:
    examples = training_set()
    data, texts = detector_data(examples)
    kind, scale = parse_variant(variant)
    data = detector_rows(variant, data, texts)
    started = time.perf_counter()
    vocab = ld._vocabulary([r.features for r in data.rows])
    folds, probs, roles = ld.cross_validate(data, vocab)
    thresholds = ld.choose_thresholds(data, probs)
    per_type = {}
    for type_ in EVENT_TYPES:
        usable = [i for i, r in enumerate(data.rows) if type_ not in r.excluded]
        open_ = [i for i in usable if type_ not in data.rows[i].covered]
        t = thresholds[type_]
        flagged = [i for i in open_ if probs[i][type_] >= t]
        per_type[type_] = {
            "ap": ld._average_precision([(probs[i][type_], type_ in data.rows[i].positive)
                                         for i in usable]),
            "uncovered_ap": ld._average_precision(
                [(probs[i][type_], type_ in data.rows[i].positive) for i in open_]),
            "threshold": t, "proposed": len(flagged),
            "proposed_right": sum(type_ in data.rows[i].positive for i in flagged)}
    mean_ap = round(sum(v["ap"] for v in per_type.values()) / len(per_type), 4)
    mean_uap = round(sum(v["uncovered_ap"] for v in per_type.values()) / len(per_type), 4)
    log("detector", variant, {"mean_ap": mean_ap, "mean_uncovered_ap": mean_uap,
                              "per_type": per_type, "roles_f1": roles["f1"],
                              "cv_seconds": round(time.perf_counter() - started, 1)})
    model_cls = EmbDetectorModel if kind in ("emb", "embonly") else DetectorModel
    model_folds = {}
    for g, m in folds.items():
        mm = ld._with_thresholds(m, thresholds)
        model = model_cls(mm.detector, mm.roles)
        if isinstance(model, EmbDetectorModel):
            object.__setattr__(model, "scale", scale)
            object.__setattr__(model, "only", kind == "embonly")
        model_folds[g] = model
    ld.fold_models = lambda _examples: model_folds  # type: ignore[assignment]
    started = time.perf_counter()
    cands = le.collect(examples)
    print(f"candidates collected in {time.perf_counter() - started:.0f} s")
    (CACHE / f"cands_{variant}.pkl").write_bytes(pickle.dumps(cands))
    scorer(f"cands_{variant}", "base")


# --- scorer -----------------------------------------------------------------------------------


def _lgbm_out_of_fold(cands: le.Candidates, feats: list[dict[str, float]]) -> list[float]:
    import lightgbm as lgb
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer()
    x = vec.fit_transform(feats).tocsr().astype(np.float32)
    raw = [0.0] * len(feats)
    for group in sorted(set(cands.groups)):
        train = [i for i, g in enumerate(cands.groups) if g != group and
                 cands.labels[i] is not None]
        test = [i for i, g in enumerate(cands.groups) if g == group]
        model = lgb.LGBMClassifier(n_estimators=300, learning_rate=0.05, num_leaves=15,
                                   min_child_samples=10, subsample=0.8, subsample_freq=1,
                                   colsample_bytree=0.5, reg_lambda=1.0, random_state=0,
                                   n_jobs=1, verbose=-1, deterministic=True,
                                   force_col_wise=True)
        model.fit(x[train], [int(cands.labels[i] or 0) for i in train])
        for i, p in zip(test, model.predict_proba(x[test])[:, 1], strict=True):
            raw[i] = float(p)
    return raw


def raw_scores(cands_name: str, variant: str) -> tuple[le.Candidates, dict[float, list[float]],
                                                        float]:
    """The candidates and their out-of-fold raw scores for each C (cached)."""
    cands: le.Candidates = pickle.loads((CACHE / f"{cands_name}.pkl").read_bytes())
    path = CACHE / f"raws_{cands_name}_{variant}.pkl"
    if path.exists():
        raws, fit_seconds = pickle.loads(path.read_bytes())
        return cands, raws, fit_seconds
    kind, scale = parse_variant(variant)
    feats = cands.features
    if kind == "embtype":  # the embedding once more per event type
        vecs = embed([e["evidence"] for e in cands.events])
        feats = [{**f, **emb_features(v, scale),
                  **{f"{e['type']}|{k}": x for k, x in emb_features(v, scale).items()}}
                 for f, v, e in zip(feats, vecs, cands.events, strict=True)]
    elif "emb" in kind:
        vecs = embed([e["evidence"] for e in cands.events])
        s = scale or 5.0
        feats = [{**f, **emb_features(v, s)} for f, v in zip(feats, vecs, strict=True)]
    aug = le.Candidates(cands.docs, cands.groups, cands.events, feats, cands.labels,
                        cands.gold, cands.doc_groups)
    started = time.perf_counter()
    if kind.startswith("lgbm"):
        raws = {0.0: _lgbm_out_of_fold(aug, feats)}
    elif kind == "mix":
        # today's model and a logistic regression on the embedding alone, averaged
        vecs = embed([e["evidence"] for e in cands.events])
        only = le.Candidates(cands.docs, cands.groups, cands.events,
                             [emb_features(v, 3.0) for v in vecs], cands.labels, cands.gold,
                             cands.doc_groups)
        emb_raw = le.out_of_fold(only, 1.0)
        raws = {c: [(a + b) / 2 for a, b in zip(le.out_of_fold(cands, c), emb_raw, strict=True)]
                for c in le.C_GRID}
    else:
        raws = {c: le.out_of_fold(aug, c) for c in le.C_GRID}
    fit_seconds = time.perf_counter() - started
    path.write_bytes(pickle.dumps((raws, fit_seconds)))
    return cands, raws, fit_seconds


def scorer(cands_name: str, variant: str) -> None:
    cands, raws, fit_seconds = raw_scores(cands_name, variant)
    rule_keep = [e.get("confidence", 0) >= le.RULE_CUTOFF and not f.get("rejected")
                 for e, f in zip(cands.events, cands.features, strict=True)]
    dropped = [bool(f.get("rejected")) for f in cands.features]
    detected = [bool(f.get(le.DETECTED)) for f in cands.features]

    def keep(raw: list[float], tk: float, td: float, tdet: float) -> list[bool]:
        return [r >= tdet if dt else r >= td if d else (r >= tk and rk)
                for r, d, dt, rk in zip(raw, dropped, detected, rule_keep, strict=True)]

    # one threshold for dropped and detected candidates (as `train` does before it picks the
    # detector's own), then the detector's threshold
    trials = []
    for c, raw in raws.items():
        for tk in le.KEPT_THRESHOLDS:
            for td in le.DROPPED_THRESHOLDS:
                f1 = le.evaluate(cands, keep(raw, tk, td, td))["event"]["f1"]
                trials.append((f1, c, tk, td))
    out: dict[str, Any] = {"cands": cands_name, "fit_seconds": round(fit_seconds, 1)}
    for name, allowed in (
            ("shipped", [t for t in trials if t[3] == le.OFF and t[2] == 0]),
            ("free", trials)):
        _f1, c, tk, td = le._choose(allowed)
        raw = raws[c]
        scored = [(le.evaluate(cands, keep(raw, tk, td, t))["event"]["f1"], t)
                  for t in le.DETECTED_THRESHOLDS]
        tdet = max(scored)[1]
        chosen = keep(raw, tk, td, tdet)
        res = le.evaluate(cands, chosen)
        per = {}
        for group in sorted(set(cands.groups)):
            docs = {d for d, g in cands.doc_groups.items() if g == group}
            r = le.evaluate(cands, chosen, docs)["event"]
            per[group] = [r["f1"], r["precision"], r["recall"]]
        out[name] = {"f1": res["event"]["f1"], "p": res["event"]["precision"],
                     "r": res["event"]["recall"], "arg_f1": res["argument"]["f1"],
                     "C": c, "thresholds": [tk, td, tdet], "per_outlet": per}
    rules = le.evaluate(cands, rule_keep)["event"]
    out["rules"] = [rules["f1"], rules["precision"], rules["recall"]]
    out["ceiling"] = le.evaluate(cands, [True] * len(rule_keep))["event"]["recall"]
    out["from_detector"] = sum(detected)
    out["right_from_detector"] = sum(1 for d, lab in zip(detected, cands.labels, strict=True)
                                     if d and lab == 1)
    log("scorer", variant, out)


# --- honest figures: thresholds chosen without the outlet, paired bootstrap --------------------

Counts = dict[str, tuple[int, int, int]]  # doc -> (tp, fp, fn) of events


def _doc_counts(cands: le.Candidates, keep: list[bool], memo: dict[Any, tuple[int, int, int]]
                ) -> Counts:
    from materiel.evaluation import pair_events

    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(cands.docs):
        if keep[i]:
            by_doc[d].append(i)
    out = {}
    for doc, gold in cands.gold.items():
        key = (doc, tuple(by_doc.get(doc, ())))
        if key not in memo:
            golds = gold.get("events") or []
            preds = [cands.events[i] for i in key[1]]
            pairs = pair_events(preds, golds)
            tp = sum(1 for _i, j in pairs if not golds[j].get("optional"))
            required = sum(1 for g in golds if not g.get("optional"))
            memo[key] = (tp, len(preds) - len(pairs), required - tp)
        out[doc] = memo[key]
    return out


def _f1(counts: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    tp, fp, fn = (sum(c[k] for c in counts) for k in range(3))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def honest(cands_name: str, variant: str) -> None:
    """Leave-one-outlet-out with the scorer's thresholds (and C) also chosen without the
    outlet, as in `materiel.learn.events.train` but nested: nothing is tuned on the outlet
    that is scored."""
    cands, raws, _ = raw_scores(cands_name, variant)
    rule_keep = [e.get("confidence", 0) >= le.RULE_CUTOFF and not f.get("rejected")
                 for e, f in zip(cands.events, cands.features, strict=True)]
    dropped = [bool(f.get("rejected")) for f in cands.features]
    detected = [bool(f.get(le.DETECTED)) for f in cands.features]

    def keep(raw: list[float], tk: float, td: float, tdet: float) -> list[bool]:
        return [r >= tdet if dt else r >= td if d else (r >= tk and rk)
                for r, d, dt, rk in zip(raw, dropped, detected, rule_keep, strict=True)]

    memo: dict[Any, tuple[int, int, int]] = {}
    configs = [(c, tk, td) for c in raws for tk in le.KEPT_THRESHOLDS
               for td in le.DROPPED_THRESHOLDS]
    counts = {cfg: _doc_counts(cands, keep(raws[cfg[0]], cfg[1], cfg[2], cfg[2]), memo)
              for cfg in configs}
    check = le.evaluate(cands, keep(raws[configs[0][0]], 0.0, le.OFF, le.OFF))["event"]["f1"]
    got = _f1(list(_doc_counts(cands, keep(raws[configs[0][0]], 0.0, le.OFF, le.OFF),
                               memo).values()))[0]
    assert abs(check - got) < 1e-3, (check, got)
    groups = sorted(set(cands.groups))
    out: dict[str, Any] = {"cands": cands_name}
    for mode in ("shipped", "free"):
        allowed = [cfg for cfg in configs if mode == "free" or (cfg[1] == 0 and cfg[2] == le.OFF)]
        nested: Counts = {}
        chosen = {}
        for held in groups:
            others = [d for d, g in cands.doc_groups.items() if g != held]
            trials = [(_f1([counts[cfg][d] for d in others])[0], *cfg) for cfg in allowed]
            _f, c, tk, td = le._choose(trials)
            det = []
            for t in le.DETECTED_THRESHOLDS:
                k = _doc_counts(cands, keep(raws[c], tk, td, t), memo)
                det.append((_f1([k[d] for d in others])[0], t))
            tdet = max(det)[1]
            chosen[held] = [c, tk, td, tdet]
            k = _doc_counts(cands, keep(raws[c], tk, td, tdet), memo)
            nested.update({d: k[d] for d, g in cands.doc_groups.items() if g == held})
        f1, p, r = _f1(list(nested.values()))
        per = {g: [round(x, 4) for x in _f1([nested[d] for d, gg in cands.doc_groups.items()
                                              if gg == g])] for g in groups}
        out[mode] = {"f1": round(f1, 4), "p": round(p, 4), "r": round(r, 4),
                     "per_outlet": per, "chosen": chosen}
        (CACHE / f"nested_{cands_name}_{variant}_{mode}.pkl").write_bytes(pickle.dumps(nested))
    log("honest", variant, out)


def compare(a: str, b: str, rounds: int = 2000) -> None:
    """Paired bootstrap over documents of the F1 difference b - a (nested counts files)."""
    ca: Counts = pickle.loads((CACHE / f"nested_{a}.pkl").read_bytes())
    cb: Counts = pickle.loads((CACHE / f"nested_{b}.pkl").read_bytes())
    docs = sorted(ca)
    rng = np.random.default_rng(0)
    diffs = []
    for _ in range(rounds):
        pick = rng.integers(0, len(docs), len(docs))
        diffs.append(_f1([cb[docs[i]] for i in pick])[0] - _f1([ca[docs[i]] for i in pick])[0])
    d = np.array(diffs)
    log("compare", f"{b} - {a}", {
        "diff": round(_f1(list(cb.values()))[0] - _f1(list(ca.values()))[0], 4),
        "ci95": [round(float(np.percentile(d, 2.5)), 4), round(float(np.percentile(d, 97.5)), 4)],
        "p_better": round(float((d > 0).mean()), 3)})


def main(argv: list[str]) -> None:
    if argv[0] == "detector":
        detector(argv[1])
    elif argv[0] == "detector-ap":
        for v in argv[1:]:
            detector_ap(v)
    elif argv[0] == "honest":
        for v in argv[2:]:
            honest(argv[1], v)
    elif argv[0] == "compare":
        compare(argv[1], argv[2])
    elif argv[0] == "scorer":
        scorer(argv[1], argv[2])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
