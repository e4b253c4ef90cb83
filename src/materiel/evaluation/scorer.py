"""`score(gold_docs, predictions)`: event, argument and date scores against the gold.

Computes what the reference scorer computes (same matching, same rounding, same keys):
per document, predictions and gold events of compatible types pair up when their evidence
overlaps or they share two matching role values (one when the gold event has only one),
greedily by the number of matching values (ties: overlapping evidence first, then required
gold, then order). Predictions paired with
optional gold are dropped from precision and recall.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from materiel.evaluation.matching import (
    arguments,
    compatible_types,
    date_agrees,
    evidence_overlaps,
    matched_values,
    value_matches,
)


def _as_dict(event: Any) -> dict[str, Any]:
    if isinstance(event, dict):
        return event
    to_json = getattr(event, "to_json", None)
    if callable(to_json):
        out = to_json()
        if isinstance(out, dict):
            return out
    raise TypeError(f"not an event: {event!r}")


def group_predictions(
    predictions: Mapping[str, Iterable[Any]] | Iterable[Any],
) -> dict[str, list[dict[str, Any]]]:
    """Predictions by document id, from a mapping or a flat list of events/dicts."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if isinstance(predictions, Mapping):
        for doc, evs in predictions.items():
            grouped[str(doc)].extend(_as_dict(e) for e in evs)
        return grouped
    for e in predictions:
        d = _as_dict(e)
        grouped[str(d.get("doc"))].append(d)
    return grouped


def index_gold(
    gold_docs: Mapping[str, dict[str, Any]] | Iterable[dict[str, Any]],
) -> dict[str, dict[str, Any]]:
    if isinstance(gold_docs, Mapping):
        return dict(gold_docs)
    return {d["doc"]: d for d in gold_docs}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def pair_events(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (prediction index, gold index) of one document."""
    candidates = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if p.get("type") not in compatible_types(g):
                continue
            n = matched_values(p, g)
            overlap = evidence_overlaps(p, g)
            # one shared value ("recipient: Ukraine") does not make two events the same
            n_gold = sum(len(v) for v in (g.get("args") or {}).values())
            if overlap or (n > 0 and n >= min(2, n_gold)):
                candidates.append((n, overlap, bool(g.get("optional")), i, j))
    candidates.sort(key=lambda c: (-c[0], not c[1], c[2], c[3], c[4]))
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    pairs = []
    for _n, _ov, _opt, i, j in candidates:
        if i in taken_p or j in taken_g:
            continue
        taken_p.add(i)
        taken_g.add(j)
        pairs.append((i, j))
    return pairs


def score(
    gold_docs: Mapping[str, dict[str, Any]] | Iterable[dict[str, Any]],
    predictions: Mapping[str, Iterable[Any]] | Iterable[Any],
) -> dict[str, Any]:
    gold = index_gold(gold_docs)
    preds_by_doc = group_predictions(predictions)
    ev = [0, 0, 0]  # tp fp fn
    arg = [0, 0, 0]
    dates_ok = dates_n = 0
    per_type: dict[Any, list[int]] = defaultdict(lambda: [0, 0, 0])
    per_role: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    errors: list[dict[str, Any]] = []
    for doc, gdoc in gold.items():
        golds = gdoc.get("events") or []
        preds = preds_by_doc.get(doc, [])
        pairs = pair_events(preds, golds)
        used_p = {i for i, _ in pairs}
        used_g = {j for _, j in pairs}
        for i, j in pairs:
            g, p = golds[j], preds[i]
            if g.get("optional"):
                continue
            ev[0] += 1
            per_type[g["type"]][0] += 1
            p_args = arguments(p)
            g_args = g.get("args") or {}
            for role in set(p_args) | set(g_args):
                g_vals = g_args.get(role, [])
                p_vals = p_args.get(role, [])
                hit_g = sum(1 for gv in g_vals if any(value_matches(pv, gv) for pv in p_vals))
                hit_p = sum(1 for pv in p_vals if any(value_matches(pv, gv) for gv in g_vals))
                arg[0] += hit_g
                arg[2] += len(g_vals) - hit_g
                arg[1] += len(p_vals) - hit_p
                per_role[role][0] += hit_g
                per_role[role][1] += len(p_vals) - hit_p
                per_role[role][2] += len(g_vals) - hit_g
            if g.get("date"):
                dates_n += 1
                dates_ok += date_agrees(p.get("date"), g["date"])
        for i, p in enumerate(preds):
            if i not in used_p:
                ev[1] += 1
                per_type[p.get("type")][1] += 1
                errors.append(
                    {
                        "doc": doc,
                        "kind": "spurious",
                        "type": p.get("type"),
                        "evidence": (p.get("evidence") or "")[:160],
                    }
                )
        for j, g in enumerate(golds):
            if j not in used_g and not g.get("optional"):
                ev[2] += 1
                per_type[g["type"]][2] += 1
                errors.append(
                    {
                        "doc": doc,
                        "kind": "missed",
                        "type": g.get("type"),
                        "evidence": (g.get("evidence") or "")[:160],
                    }
                )
    return {
        "docs": len(gold),
        "gold_events": ev[0] + ev[2],
        "pred_events": ev[0] + ev[1],
        "event": _prf(*ev),
        "argument": _prf(*arg),
        "date_accuracy": round(dates_ok / dates_n, 4) if dates_n else None,
        "dated_pairs": dates_n,
        "per_type": {
            k: _prf(*v) | {"tp": v[0], "fp": v[1], "fn": v[2]}
            for k, v in sorted(per_type.items(), key=lambda kv: str(kv[0]))
        },
        "per_role": {k: _prf(*v) for k, v in sorted(per_role.items())},
        "unscored_docs_in_pred": len(set(preds_by_doc) - set(gold)),
        "errors": errors,
    }


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_gold(paths: Iterable[str | Path]) -> dict[str, dict[str, Any]]:
    return {d["doc"]: d for p in paths for d in read_jsonl(p)}


def load_predictions(paths: Iterable[str | Path]) -> dict[str, list[dict[str, Any]]]:
    return group_predictions([e for p in paths for e in read_jsonl(p)])
