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


if __name__ == "__main__":
    main()
