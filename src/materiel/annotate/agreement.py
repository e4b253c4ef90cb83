"""Agreement between two annotators of the same articles, measured with the project's scorer:
one annotation is taken as the gold and the other as predictions, then the other way round."""

from __future__ import annotations

from typing import Any

from materiel.evaluation import score
from materiel.evaluation.matching import is_numeric_gold, read_number


def _as_argument(value: Any) -> dict[str, Any]:
    if is_numeric_gold(value):
        number, currency = read_number(value)
        return {"text": str(value), "value": number, "currency": currency}
    spellings = str(value).split("|")
    out = {"text": spellings[0]}
    if len(spellings) > 1:
        out["name"] = spellings[1]
    return out


def as_predictions(gold_doc: dict[str, Any]) -> list[dict[str, Any]]:
    """A gold record's events in the output contract's form (optional events included: the
    other annotator may have found them required)."""
    return [{"doc": gold_doc["doc"], "type": e["type"], "date": e.get("date"),
             "status": e.get("status"), "evidence": e.get("evidence") or "",
             "args": {role: [_as_argument(v) for v in values]
                      for role, values in (e.get("args") or {}).items()}}
            for e in gold_doc.get("events") or []]


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> dict[str, Any]:
    """Scores of `second` against `first`, of `first` against `second`, and their mean, over
    the articles both annotated."""
    a = {d["doc"]: d for d in first}
    b = {d["doc"]: d for d in second}
    common = sorted(set(a) & set(b))
    ab = score([a[d] for d in common], [e for d in common for e in as_predictions(b[d])])
    ba = score([b[d] for d in common], [e for d in common for e in as_predictions(a[d])])

    def mean(key: str) -> float:
        return round((ab[key]["f1"] + ba[key]["f1"]) / 2, 4)

    dates = [x["date_accuracy"] for x in (ab, ba) if x["date_accuracy"] is not None]
    return {"docs": len(common), "event_f1": mean("event"), "argument_f1": mean("argument"),
            "date_agreement": round(sum(dates) / len(dates), 4) if dates else None,
            "first_as_gold": ab, "second_as_gold": ba}
