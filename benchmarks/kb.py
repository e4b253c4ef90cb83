"""Knowledge-base benchmark: load times, linking accuracy, fuzzy-threshold sweep, speed.

Run: .venv/bin/python benchmarks/kb.py [--sweep]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "kb" / "linking_test.yaml"
WARM = (
    "import time; t = time.perf_counter(); from materiel.kb import load_kb; kb = load_kb(); "
    "print(time.perf_counter() - t)"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sweep", action="store_true", help="sweep the fuzzy threshold")
    parser.add_argument("--failures", action="store_true", help="list the wrong links")
    parser.add_argument("--corpus", type=Path, help="articles (JSONL) for the share of "
                        "extraction time spent resolving [default: ../shared/corpus/unlabeled]")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["MATERIEL_CACHE_DIR"] = cache
        from materiel.kb import FUZZY_THRESHOLD, Resolver, clear_memory_cache, load_kb
        from materiel.kb.evaluation import load_cases, mentions, score

        t = time.perf_counter()
        kb = load_kb()
        cold = time.perf_counter() - t
        clear_memory_cache()
        t = time.perf_counter()
        load_kb()
        warm = time.perf_counter() - t
        runs = [
            float(
                subprocess.run(
                    [sys.executable, "-c", WARM],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=os.environ,
                ).stdout
            )
            for _ in range(3)
        ]
        print(f"entries: {kb.stats()}")
        print(
            f"load: cold {cold:.3f}s (YAML + compile), warm {warm:.3f}s in-process, "
            f"warm new process {min(runs):.3f}s (import + load, best of 3)"
        )

        cases = load_cases(CASES)
        resolver = Resolver(kb)
        result = score(resolver, cases)
        print(
            f"linking: {result.correct}/{result.total} = {result.accuracy:.3f} "
            f"(fuzzy threshold {FUZZY_THRESHOLD})"
        )
        for kind, (ok, n) in sorted(result.by_kind.items()):
            print(f"  {kind:13s} {ok}/{n}")
        if args.failures:
            for m, e, g, how in result.failures:
                print(f"  MISS {m!r}: expected {e}, got {g} ({how})")

        n = mentions(cases)
        t = time.perf_counter()
        rounds = 20
        for _ in range(rounds):
            score(Resolver(kb), cases)
        elapsed = time.perf_counter() - t
        print(f"speed: {n * rounds / elapsed:,.0f} mentions/s (incl. new_document per text)")

        if args.sweep:
            print("fuzzy threshold sweep (rapidfuzz ratio on romanised keys; cost = 2 x false")
            print("links + misses, as a wrong link pollutes the database more than a miss):")
            for threshold in (60, 70, 75, 80, 82, 83, 84, 85, 86, 88, 90, 92, 95, 101):
                r = score(Resolver(kb, fuzzy_threshold=threshold), cases)
                false = sum(1 for f in r.failures if f[2] is not None)
                miss = len(r.failures) - false
                print(
                    f"  {threshold:>5}: accuracy {r.accuracy:.4f}  false links {false}  "
                    f"misses {miss}  cost {2 * false + miss}"
                )

    corpus = args.corpus or ROOT.parent / "shared" / "corpus" / "unlabeled.jsonl"
    if corpus.exists():
        resolution_share(corpus)




def resolution_share(corpus: Path, limit: int = 300) -> None:
    """Time spent in the resolver during extraction of real articles, as a share of it."""
    import json

    from materiel.clean import clean
    from materiel.extract import Extractor
    from materiel.kb import Resolver
    from materiel.models import Document

    spent = [0.0, 0]
    originals = {name: getattr(Resolver, name)
                 for name in ("resolve", "resolve_location", "new_document")}

    def timed(func):  # type: ignore[no-untyped-def]
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                return func(*a, **k)
            finally:
                spent[0] += time.perf_counter() - t0
                spent[1] += 1
        return wrapper

    docs = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            docs.append(clean(Document(id=rec["id"], text=rec.get("text") or "",
                                       title=rec.get("title"), published=rec.get("published"))))
            if len(docs) >= limit:
                break
    extractor = Extractor()
    list(extractor.extract_many(docs[:20]))  # warm up
    for name, func in originals.items():
        setattr(Resolver, name, timed(func))
    try:
        t0 = time.perf_counter()
        n_events = sum(len(events) for _d, events in extractor.extract_many(docs))
        total = time.perf_counter() - t0
    finally:
        for name, func in originals.items():
            setattr(Resolver, name, func)
    print(f"resolution during extraction: {spent[0]:.2f}s of {total:.2f}s "
          f"({100 * spent[0] / total:.1f}%), {spent[1]} calls, {len(docs)} docs, "
          f"{n_events} events")


if __name__ == "__main__":
    main()
