"""Relevance filter benchmark: the trained decisions against the hand-written rules.

    .venv/bin/python benchmarks/relevance.py [--limit N] [--no-extract] [--json]

On /work/shared/corpus/general.jsonl (981 political and world news articles) and on our
annotated articles (with their gold), for the trained filter and the hand rules:
  - documents per second of the document decision (in-process; wall clock, best of 3, and
    per CPU second, which a busy machine disturbs less);
  - share of general news sent to the parser (the document passes and at least one of its
    sentences does);
  - keep rate of the annotated articles that hold a required gold event, and of their
    evidence sentences;
then end-to-end `Extractor.extract_many` documents per second over the first --limit
general-news articles with the hand rules (before) and the trained filter (after), each in
its own process.

The shipped model was trained on these very articles, so its figures here are in-sample;
the held-out ones (leave one outlet out, k-fold) are in src/materiel/data/models/scores.json,
written by `python -m materiel.learn relevance`.
"""

from __future__ import annotations

import argparse
import copy
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERAL = Path("/work/shared/corpus/general.jsonl")


def filters() -> dict:
    from materiel.extract.extractor import kb_cues
    from materiel.extract.prefilter import RelevanceFilter
    from materiel.extract.resolve import KBLinker

    linker = KBLinker.load(None)
    trained = RelevanceFilter(extra_cues=kb_cues(linker.kb) if linker else [])
    if trained.model is None:
        sys.exit("no trained model: run python -m materiel.learn relevance")
    hand = copy.copy(trained)
    hand.model = None
    return {"hand": hand, "trained": trained}


def speed(decide, texts: list[str]) -> tuple[float, float]:
    wall = cpu = float("inf")
    for _ in range(3):
        w, c = time.perf_counter(), time.process_time()
        for text in texts:
            decide(text)
        wall = min(wall, time.perf_counter() - w)
        cpu = min(cpu, time.process_time() - c)
    return round(len(texts) / wall), round(len(texts) / cpu)


def decisions() -> dict:
    from materiel.learn.relevance import load_examples

    examples = load_examples()
    general = [e for e in examples if e.group == "general"]
    required = [e for e in examples if e.required > 0]
    out = {"general_docs": len(general), "required_docs": len(required)}
    for name, f in filters().items():
        wall, cpu = speed(f.document, [e.text for e in general])
        sent = sum(1 for e in general
                   if f.document(e.text) and any(f.sentence(s) for s in e.sentences))
        kept = [e for e in required if f.document(e.text)]
        evidence = [(e, s) for e in required for s, y in zip(e.sentences, e.evidence, strict=True)
                    if y]
        ev_kept = sum(1 for e, s in evidence if f.document(e.text) and f.sentence(s))
        all_sents = [(e, s) for e in examples if e.group not in ("general", "offtopic")
                     for s in e.sentences]
        parsed = sum(1 for e, s in all_sents if f.document(e.text) and f.sentence(s))
        out[name] = {
            "doc_decision_docs_per_s": wall,
            "doc_decision_docs_per_cpu_s": cpu,
            "general_pass_document": round(sum(map(f.document, (e.text for e in general)))
                                           / len(general), 4),
            "general_sent_to_parser": round(sent / len(general), 4),
            "keep_required_articles": round(len(kept) / len(required), 4),
            "keep_evidence_sentences": round(ev_kept / len(evidence), 4),
            "annotated_sentences_parsed": round(parsed / len(all_sents), 4),
        }
    return out


def extract_stage(which: str, limit: int) -> dict:
    from materiel.clean import clean
    from materiel.extract import Extractor
    from materiel.models import Document
    from materiel.nlp import PipelineConfig

    records = []
    with GENERAL.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
            if len(records) >= limit:
                break
    docs = [clean(Document(id=str(r.get("id")), text=r.get("text") or "",
                           title=r.get("title"), published=r.get("published")))
            for r in records]
    ex = Extractor(PipelineConfig())
    if which == "hand":
        ex.filter = copy.copy(ex.filter)
        ex.filter.model = None
    parsed = sum(len(ex.candidate_sentences(d)) for d in docs)
    t = time.perf_counter()
    events = sum(len(e) for _, e in ex.extract_many(docs))
    dt = time.perf_counter() - t
    return {"filter": which, "docs": len(docs), "seconds": round(dt, 2),
            "docs_per_s": round(len(docs) / dt, 1), "events": events,
            "sentences_parsed": parsed, "sentences": sum(len(d.sentences) for d in docs)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=650, help="general-news articles to extract")
    ap.add_argument("--no-extract", action="store_true", help="skip the end-to-end runs")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        print(json.dumps(extract_stage(args.stage, args.limit)))
        return
    if not GENERAL.exists():
        sys.exit(f"corpus not found: {GENERAL}")
    result: dict = {"decisions": decisions(), "extract": []}
    if not args.no_extract:
        for which in ("hand", "trained"):
            cmd = [sys.executable, __file__, "--stage", which, "--limit", str(args.limit)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            result["extract"].append(json.loads(out.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    d = result["decisions"]
    print(f"general news: {d['general_docs']} articles; annotated articles with a required "
          f"gold event: {d['required_docs']} (in-sample for the shipped model)")
    print(f"{'':34s} {'hand rules':>12s} {'trained':>12s}")
    for key, label in (
        ("doc_decision_docs_per_s", "document decision, docs/s"),
        ("doc_decision_docs_per_cpu_s", "  per CPU second"),
        ("general_pass_document", "general news passing the document"),
        ("general_sent_to_parser", "general news sent to the parser"),
        ("keep_required_articles", "gold-event articles kept"),
        ("keep_evidence_sentences", "evidence sentences kept"),
        ("annotated_sentences_parsed", "annotated sentences parsed"),
    ):
        print(f"{label:34s} {d['hand'][key]:>12} {d['trained'][key]:>12}")
    for r in result["extract"]:
        print(f"extract general news, {r['filter']:7s} {r['docs']:5d} docs  {r['seconds']:7.2f}s  "
              f"{r['docs_per_s']:>7} docs/s  events {r['events']}  parsed "
              f"{r['sentences_parsed']}/{r['sentences']} sentences")
    if len(result["extract"]) == 2:
        before, after = result["extract"]
        print(f"speed-up of extract on general news: "
              f"{after['docs_per_s'] / before['docs_per_s']:.1f}x")


if __name__ == "__main__":
    main()
