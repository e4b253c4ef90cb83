"""evaluation: score extracted events against gold annotations (spec/EVENTS.md section 5).

from materiel.evaluation import load_gold, load_predictions, score, format_report
result = score(load_gold(["dev.gold.jsonl"]), load_predictions(["pred.jsonl"]))
print(format_report(result))
"""

from materiel.evaluation.report import format_report
from materiel.evaluation.scorer import (
    group_predictions,
    load_gold,
    load_predictions,
    pair_events,
    read_jsonl,
    score,
)

__all__ = [
    "format_report",
    "group_predictions",
    "load_gold",
    "load_predictions",
    "pair_events",
    "read_jsonl",
    "score",
]
