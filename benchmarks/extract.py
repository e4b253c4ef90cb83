"""Extraction benchmark: documents and tokens per second, peak memory.

    .venv/bin/python benchmarks/extract.py [--corpus PATH] [--limit N] [--json]

Stages, each in its own process so that peak memory (max RSS) is per stage:
  bare      spaCy's `nlp.pipe` of the same pretrained model over the cleaned texts
  full      `Extractor.extract_many` (prefilter, parse of candidate sentences, events)
  nodefense the relevance filter on documents with no defense content (generated here from
            everyday sentences written for this benchmark): docs/s through `extract_many`
  general   the same on real general news (/work/shared/corpus/general.jsonl): docs/s, the
            share of documents the filter sends to the parser, sentences parsed, events
and the ratio of the full extraction time to the bare pass, in wall-clock time and in CPU
time (the steadier one on a machine whose cores other jobs share).
The corpus defaults to corpus/unlabeled.jsonl of the shared folder (2,000 real articles).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from materiel.annotate.articles import shared_dir

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_CORPUS = shared_dir() / "corpus" / "unlabeled.jsonl"  # $MATERIEL_SHARED, else ../shared
GENERAL_CORPUS = shared_dir() / "corpus" / "general.jsonl"
_WORD = re.compile(r"\w+|[^\w\s]")

# Everyday sentences with no defense content (written for this benchmark).
EVERYDAY = [
    "The bakery on the corner now sells rye bread with caraway seeds on Saturdays.",
    "Our local football club won its third home game in a row after a late penalty.",
    "Forecasters expect light rain in the morning and sunny spells in the afternoon.",
    "The city library extended its opening hours for students preparing for exams.",
    "She planted tomatoes, basil and two rows of lettuce in the community garden.",
    "The museum opened a new exhibition of nineteenth-century landscape paintings.",
    "A recipe for lentil soup needs onions, carrots, garlic, cumin and a bay leaf.",
    "The marathon route passes the harbour, the old town and the botanical garden.",
    "Ticket prices for the summer music festival went up by five euros this year.",
    "The school choir rehearses every Tuesday evening in the parish hall.",
    "Researchers counted more than forty species of butterflies in the meadow.",
    "The ferry timetable changes on the first Monday of October.",
    "He repaired the old bicycle with a new chain, brake pads and a bell.",
    "The cafe serves pancakes with maple syrup and fresh berries until noon.",
    "Volunteers cleaned the beach and collected twelve bags of plastic litter.",
    "The tennis tournament final was postponed because of strong winds.",
    "A new cycling lane connects the railway station with the university campus.",
    "The novel follows three sisters who inherit a vineyard in the hills.",
    "Farmers reported a good apple harvest after a mild and sunny spring.",
    "The zoo welcomed two red panda cubs, born in the early hours of the morning.",
    "Chess players from twenty clubs met for the regional youth championship.",
    "The gallery café bakes its own scones and serves them with clotted cream.",
    "Swimmers can use the outdoor pool from June until the end of September.",
    "The town council approved a plan to plant three hundred trees along the river.",
]


def load_texts(path: Path, limit: int) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
            if len(out) >= limit:
                break
    return out


def clean_docs(records: list[dict]) -> list:
    from materiel.clean import clean
    from materiel.models import Document

    return [
        clean(
            Document(
                id=str(r.get("id")),
                text=r.get("text") or "",
                title=r.get("title"),
                published=r.get("published"),
            )
        )
        for r in records
    ]


def everyday_docs(n: int, seed: int = 7) -> list:
    from materiel.clean import clean
    from materiel.models import Document

    rnd = random.Random(seed)
    docs = []
    for i in range(n):
        paras = []
        for _ in range(rnd.randint(4, 8)):
            paras.append(" ".join(rnd.sample(EVERYDAY, rnd.randint(2, 4))))
        docs.append(
            clean(
                Document(id=f"everyday-{i}", text="\n".join(paras), published="2024-05-01")
            )
        )
    return docs


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage(name: str, corpus: Path, limit: int) -> dict:
    from materiel.nlp import PipelineConfig

    config = PipelineConfig()
    if name == "nodefense":
        from materiel.extract import Extractor

        docs = everyday_docs(limit)
        ex = Extractor(config)
        t = time.perf_counter()
        events = sum(len(e) for _, e in ex.extract_many(docs))
        dt = time.perf_counter() - t
        return {
            "stage": name,
            "docs": len(docs),
            "seconds": round(dt, 3),
            "docs_per_s": round(len(docs) / dt, 1),
            "events": events,
            "peak_rss_mb": round(peak_mb(), 1),
        }
    if name == "general":
        return general_stage(config, limit)
    records = load_texts(corpus, limit)
    t = time.perf_counter()
    docs = clean_docs(records)
    clean_s = time.perf_counter() - t
    tokens = sum(len(_WORD.findall(d.text)) for d in docs)
    if name == "bare":
        import spacy

        nlp = spacy.load(config.model)
        t, cpu = time.perf_counter(), time.process_time()
        parsed = sum(len(d) for d in nlp.pipe((d.text for d in docs), batch_size=32))
        dt, cpu = time.perf_counter() - t, time.process_time() - cpu
        return {
            "stage": name,
            "docs": len(docs),
            "tokens": tokens,
            "spacy_tokens": parsed,
            "seconds": round(dt, 2),
            "cpu_seconds": round(cpu, 2),
            "docs_per_s": round(len(docs) / dt, 1),
            "tokens_per_s": round(tokens / dt),
            "peak_rss_mb": round(peak_mb(), 1),
        }
    from materiel.extract import Extractor

    ex = Extractor(config)
    kept = sum(len(ex.candidate_sentences(d)) for d in docs)
    total = sum(len(d.sentences) for d in docs)
    t, cpu = time.perf_counter(), time.process_time()
    events = sum(len(e) for _, e in ex.extract_many(docs))
    dt, cpu = time.perf_counter() - t, time.process_time() - cpu
    return {
        "stage": name,
        "docs": len(docs),
        "tokens": tokens,
        "seconds": round(dt, 2),
        "cpu_seconds": round(cpu, 2),
        "docs_per_s": round(len(docs) / dt, 1),
        "tokens_per_s": round(tokens / dt),
        "events": events,
        "sentences_parsed": kept,
        "sentences": total,
        "clean_seconds": round(clean_s, 2),
        "peak_rss_mb": round(peak_mb(), 1),
    }


def general_stage(config, limit: int) -> dict:
    from materiel.extract import Extractor

    docs = clean_docs(load_texts(GENERAL_CORPUS, limit))
    ex = Extractor(config)
    passed = sum(1 for d in docs if ex.candidate_sentences(d))
    kept = sum(len(ex.candidate_sentences(d)) for d in docs)
    t = time.perf_counter()
    events = sum(len(e) for _, e in ex.extract_many(docs))
    dt = time.perf_counter() - t
    return {
        "stage": "general",
        "docs": len(docs),
        "seconds": round(dt, 3),
        "docs_per_s": round(len(docs) / dt, 1),
        "events": events,
        "docs_to_parser": passed,
        "sentences_parsed": kept,
        "sentences": sum(len(d.sentences) for d in docs),
        "peak_rss_mb": round(peak_mb(), 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=500, help="documents from the corpus")
    ap.add_argument("--nodefense", type=int, default=2000, help="everyday documents")
    ap.add_argument("--general", type=int, default=1000,
                    help="documents of general news (0: skip)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        n = {"nodefense": args.nodefense, "general": args.general}.get(args.stage, args.limit)
        print(json.dumps(stage(args.stage, args.corpus, n)))
        return
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    results = []
    stages = ["bare", "full", "nodefense"]
    if args.general and GENERAL_CORPUS.exists():
        stages.append("general")
    for name in stages:
        cmd = [
            sys.executable,
            __file__,
            "--stage",
            name,
            "--corpus",
            str(args.corpus),
            "--limit",
            str(args.limit),
            "--nodefense",
            str(args.nodefense),
            "--general",
            str(args.general),
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    bare, full = results[0], results[1]
    # full extraction time over a bare nlp.pipe pass of the same texts (same documents); the
    # CPU time of each process is the steadier figure where other jobs share the cores
    ratio = round(full["seconds"] / bare["seconds"], 2) if bare["seconds"] else None
    cpu_ratio = (round(full["cpu_seconds"] / bare["cpu_seconds"], 2)
                 if bare["cpu_seconds"] else None)
    if args.json:
        print(json.dumps(results + [{"stage": "full_over_bare", "time_ratio": ratio,
                                     "cpu_ratio": cpu_ratio}], indent=2))
        return
    for r in results:
        extra = ""
        if r["stage"] == "full":
            extra = (
                f"  events {r['events']}  parsed {r['sentences_parsed']}/{r['sentences']} "
                f"sentences  (cleaning {r['clean_seconds']}s, not counted)"
            )
        if r["stage"] == "nodefense":
            extra = f"  events {r['events']}"
        if r["stage"] == "general":
            share = r["docs_to_parser"] / r["docs"] if r["docs"] else 0.0
            extra = (f"  events {r['events']}  sent to the parser {r['docs_to_parser']}/"
                     f"{r['docs']} docs ({share:.1%}), {r['sentences_parsed']}/"
                     f"{r['sentences']} sentences")
        tok = f"  {r['tokens_per_s']:>8} tokens/s" if "tokens_per_s" in r else ""
        print(
            f"{r['stage']:10s} {r['docs']:5d} docs  {r['seconds']:7.2f}s  "
            f"{r['docs_per_s']:>8} docs/s{tok}  peak RSS {r['peak_rss_mb']} MB{extra}"
        )
    if ratio is not None:
        print(f"full / bare: full extraction takes {ratio}x the time of a bare nlp.pipe pass "
              f"over the same {full['docs']} documents ({cpu_ratio}x its CPU time: "
              f"{full['cpu_seconds']}s / {bare['cpu_seconds']}s)")


if __name__ == "__main__":
    main()
