"""The rules over our annotated set, scored by split.

Rule rounds read the errors of the "study" and "held" halves (a hash of the document id);
the "fresh" articles (`annotations/fresh.txt`) were annotated for a check no one studies, so
their figures estimate news the rules have never seen.

    python -m materiel.evaluation.splits [--predictions OUT.jsonl] [--anchor]

With `--anchor` the rules' dates are compared with the learned date anchor's, trained first
(a few minutes) without the fresh articles, so that its fresh figures are honest too (the
shipped anchor is trained on every annotated document).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from materiel.annotate.store import ANNOTATIONS
from materiel.evaluation.scorer import score

FRESH_FILE = ANNOTATIONS / "fresh.txt"
SPLITS = ("study", "held", "fresh")


def fresh_ids(path: Path = FRESH_FILE) -> frozenset[str]:
    if not path.is_file():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").split())


def split_of(doc_id: str, fresh: frozenset[str]) -> str:
    if doc_id in fresh:
        return "fresh"
    return "study" if int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "held"


def score_splits(gold: Mapping[str, dict[str, Any]], predictions: list[dict[str, Any]],
                 fresh: frozenset[str]) -> dict[str, dict[str, Any]]:
    """The reference scoring of each split (those with documents) and of all documents."""
    out: dict[str, dict[str, Any]] = {}
    for name in SPLITS:
        docs = {d: g for d, g in gold.items() if split_of(d, fresh) == name}
        if docs:
            out[name] = score(docs, [p for p in predictions if p["doc"] in docs])
    out["all"] = score(dict(gold), predictions)
    return out


def line(name: str, result: dict[str, Any]) -> str:
    event = result["event"]
    return (f"{name:<6} gold {result['gold_events']:>5}  pred {result['pred_events']:>5}  "
            f"event F1 {event['f1']:.4f} (P {event['precision']:.3f} R {event['recall']:.3f})  "
            f"argument F1 {result['argument']['f1']:.4f}  dates {result['date_accuracy']}")


def per_type(result: dict[str, Any]) -> str:
    return "  ".join(f"{t} {v['tp']}/{v['fp']}/{v['fn']}"
                     for t, v in sorted(result["per_type"].items()))


def extract_rules_only(documents: list[Any]) -> list[dict[str, Any]]:
    from materiel.clean import clean
    from materiel.extract import Extractor
    from materiel.nlp import PipelineConfig

    extractor = Extractor(PipelineConfig(event_model=False, detector=False))
    extractor.roles = None
    extractor.dates = None
    return [event.to_json() for _doc, events in
            extractor.extract_many([clean(d) for d in documents]) for event in events]


def compare_anchor(examples: list[Any]) -> int:
    """Each split's figures with the rules' dates and with the anchor's, trained without the
    fresh articles (both extracted as `materiel.learn.dates` extracts)."""
    from materiel.learn.dates import trained_without

    fresh = fresh_ids()
    gold = {x.document.id: x.gold for x in examples}
    rules, anchor = trained_without(examples, fresh)
    for dates, got in (("rules", rules), ("anchor", anchor)):
        predictions = [p for d in gold for p in got.predictions.get(d, [])]
        for name, result in score_splits(gold, predictions, fresh).items():
            print(f"{dates:<6} {line(name, result)}  dated pairs {result['dated_pairs']}")
    return 0


def main(argv: Iterable[str] | None = None) -> int:
    from materiel.learn.data import training_set

    parser = argparse.ArgumentParser(prog="python -m materiel.evaluation.splits",
                                     description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--predictions", type=Path, help="also write the events as JSONL")
    parser.add_argument("--anchor", action="store_true",
                        help="rules vs the date anchor trained without the fresh articles")
    args = parser.parse_args(list(argv) if argv is not None else None)
    examples = training_set()
    if args.anchor:
        return compare_anchor(examples)
    predictions = extract_rules_only([x.document for x in examples])
    if args.predictions:
        args.predictions.write_text("".join(json.dumps(p) + "\n" for p in predictions),
                                    encoding="utf-8")
    results = score_splits({x.document.id: x.gold for x in examples}, predictions,
                           fresh_ids())
    for name, result in results.items():
        print(line(name, result))
        print(f"       tp/fp/fn: {per_type(result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
