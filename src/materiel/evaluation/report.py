"""A readable report of a score: totals, per type, per role, missed and spurious events."""

from __future__ import annotations

from typing import Any


def _line(name: str, m: dict[str, Any], extra: str = "") -> str:
    return f"  {name:13s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}{extra}"


def format_report(result: dict[str, Any], errors: int = 20, title: str | None = None) -> str:
    out = []
    if title:
        out.append(title)
    out.append(
        f"documents {result['docs']}  gold events {result['gold_events']}  "
        f"predicted {result['pred_events']}"
    )
    out.append(_line("events", result["event"]))
    out.append(_line("arguments", result["argument"]))
    acc = result["date_accuracy"]
    out.append(
        f"  dates         accuracy {acc if acc is not None else '-'} over "
        f"{result['dated_pairs']} dated pairs"
    )
    out.append("per type")
    for t, m in result["per_type"].items():
        out.append(_line(str(t), m, f"  (tp {m['tp']} fp {m['fp']} fn {m['fn']})"))
    out.append("per role")
    for r, m in result["per_role"].items():
        out.append(_line(r, m))
    errs = result.get("errors") or []
    for kind in ("missed", "spurious"):
        rows = [e for e in errs if e["kind"] == kind][:errors]
        if rows:
            n = sum(1 for e in errs if e["kind"] == kind)
            out.append(f"{kind} ({n})")
            out.extend(f"  {e['doc']} {e['type']}: {e['evidence']}" for e in rows)
    return "\n".join(out)
