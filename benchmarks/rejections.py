"""Rejection benchmark: peak memory and speed of `materiel ingest` on input that is almost
all bad records, to show that memory does not grow with the number of rejections.

    python benchmarks/rejections.py [--lines 1000000]

Writes a JSONL file of N broken lines (and one good record), then ingests it into a fresh
SQLite file in a child process (`--no-extract`, rejections to /dev/null), once with N lines
and once with N/10: the peak RSS of the two runs should be the same.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOOD = {"id": "good", "text": "Finland ordered 12 radars from Saab on Monday."}


def write_input(path: Path, lines: int) -> None:
    with path.open("w") as fh:
        fh.write(json.dumps(GOOD) + "\n")
        for i in range(lines):
            fh.write("{\"id\": " + str(i) + ", \"text\": \n" if i % 2 else "{}\n")


def run(path: Path, db: Path) -> tuple[float, float, dict]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "materiel.cli", "ingest", "--no-extract", "--json",
         "--db", str(db), str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024, json.loads(proc.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'bad lines':>10} {'seconds':>8} {'lines/s':>9} {'peak RSS MB':>12} "
              f"{'stored':>7} {'rejected':>9}  errors kept")
        # smaller first: the children's peak RSS is a running maximum
        for lines in (args.lines // 10, args.lines):
            path = Path(tmp) / f"bad-{lines}.jsonl"
            write_input(path, lines)
            seconds, peak, summary = run(path, Path(tmp) / f"{lines}.db")
            print(f"{lines:>10,} {seconds:>8.1f} {lines / seconds:>9,.0f} {peak:>12.0f} "
                  f"{summary['new']:>7} {summary['rejected']:>9,}  {len(summary['errors'])}")


if __name__ == "__main__":
    main()
