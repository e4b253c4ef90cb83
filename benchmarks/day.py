"""A day of news on one box: the whole ingest job on N new articles, with 1 and 2 workers.

    python benchmarks/day.py [--articles 100000] [--workers 1,2] [--memory-sizes 10000,40000]

Builds the day (about 5 % defense articles from ../shared/corpus/unlabeled.jsonl, the rest
general news from ../shared/corpus/general.jsonl), each article made of the sentences of
real articles of its kind shuffled together (fixed seed), in a temporary JSONL file.  Then
runs `materiel ingest --json` on it into a fresh SQLite file, extraction on, once per
number of workers, and prints articles, seconds, documents per second, events and peak
memory.  Peak memory is VmHWM (the resident high-water mark) read from /proc/PID/status of
the job and of each of its worker processes while it runs: "driver" is the main process,
"worker" the largest worker, "total" their sum (an upper bound: the peaks need not
coincide).  "cores" is the CPU time of the job and its workers over the wall time (how much
of the machine it got), "load" the 1-minute load average at the end.  Last, the job runs
at two sizes to show whether memory grows with the input.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from materiel.annotate.articles import shared_dir

CORPUS = shared_dir() / "corpus"  # $MATERIEL_SHARED, else ../shared
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z0-9\"“‘(])")
MIN_SENTENCES, MAX_SENTENCES = 4, 30


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if len(s.strip()) > 20]


@dataclass
class Kind:
    """The sentences of one corpus and the lengths (in sentences) of its articles."""

    sentences: list[str]
    lengths: list[int]
    outlets: list[str]

    @classmethod
    def load(cls, path: Path) -> Kind:
        kind = cls([], [], [])
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                found = sentences(record.get("text") or "")
                if len(found) >= 2:
                    kind.sentences += found
                    kind.lengths.append(min(max(len(found), MIN_SENTENCES), MAX_SENTENCES))
                    kind.outlets.append(record.get("outlet") or "")
        return kind

    def article(self, rng: random.Random) -> list[str]:
        return rng.sample(self.sentences, rng.choice(self.lengths))


def build(path: Path, n: int, defense_share: float, seed: int) -> int:
    """Write `n` articles to `path`; the number of defense articles."""
    rng = random.Random(seed)
    defense = Kind.load(CORPUS / "unlabeled.jsonl")
    general = Kind.load(CORPUS / "general.jsonl")
    n_defense = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            is_defense = rng.random() < defense_share
            n_defense += is_defense
            kind = defense if is_defense else general
            body = kind.article(rng)
            fh.write(json.dumps({
                "id": f"day-{i}", "title": body[0][:90], "published": "2026-12-06",
                "outlet": rng.choice(kind.outlets) or None, "text": " ".join(body[1:]),
            }) + "\n")
    return n_defense


def _children(pid: int) -> Iterator[int]:
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                yield int(entry.name)


def _hwm_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) if found else 0


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_job(jsonl: Path, db: Path, workers: int) -> dict[str, float]:
    """Run `materiel ingest` and watch the memory of it and its workers."""
    materiel = Path(sys.executable).with_name("materiel")
    started = time.perf_counter()
    job = subprocess.Popen(
        [str(materiel), "ingest", str(jsonl), "--db", f"sqlite:///{db}", "--json",
         "--workers", str(workers)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    driver_kb, worker_kb = 0, {}
    cpu: dict[int, float] = {}
    while job.poll() is None:
        driver_kb = max(driver_kb, _hwm_kb(job.pid))
        for pid in (job.pid, *_children(job.pid)):
            cpu[pid] = max(cpu.get(pid, 0.0), _cpu_seconds(pid))
            if pid != job.pid:
                worker_kb[pid] = max(worker_kb.get(pid, 0), _hwm_kb(pid))
        time.sleep(0.25)
    seconds = time.perf_counter() - started
    out, _ = job.communicate()
    if job.returncode != 0:
        raise SystemExit(f"materiel ingest failed ({job.returncode})")
    summary = json.loads(out.strip().splitlines()[-1])
    # The resource tracker of multiprocessing is a child too; only real workers count.
    workers_mb = [kb / 1024 for kb in worker_kb.values() if kb > 100_000]
    return {"articles": summary["read"], "seconds": seconds, "events": summary["events"],
            "rejected": summary["rejected"], "driver_mb": driver_kb / 1024,
            "worker_mb": max(workers_mb, default=0.0),
            "total_mb": driver_kb / 1024 + sum(workers_mb),
            "cores": sum(cpu.values()) / seconds, "load": os.getloadavg()[0]}


def report(label: str, r: dict[str, float]) -> None:
    print(f"{label:18s} {r['articles']:8.0f} {r['seconds']:8.1f} "
          f"{r['articles'] / r['seconds']:7.1f} {r['events']:7.0f} {r['driver_mb']:7.0f} "
          f"{r['worker_mb']:7.0f} {r['total_mb']:7.0f} {r['cores']:5.2f} {r['load']:5.2f}",
          flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--defense-share", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", default="1,2", help="numbers of workers to compare")
    ap.add_argument("--memory-sizes", default="10000,40000",
                    help="two sizes run with the most workers to compare peak memory "
                         "(empty: skip)")
    args = ap.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    sizes = [int(n) for n in args.memory_sizes.split(",") if n]
    with tempfile.TemporaryDirectory(prefix="materiel-day-") as tmpdir:
        tmp = Path(tmpdir)
        jsonl = tmp / "day.jsonl"
        n_defense = build(jsonl, max([args.articles, *sizes]), args.defense_share, args.seed)
        print(f"built {max([args.articles, *sizes]):,} articles ({n_defense:,} defense) "
              f"in {jsonl}")
        print(f"{'run':18s} {'articles':>8s} {'seconds':>8s} {'docs/s':>7s} {'events':>7s} "
              f"{'driver':>7s} {'worker':>7s} {'total':>7s} {'cores':>5s} {'load':>5s}")
        best: dict[str, float] | None = None
        done: dict[int, dict[str, float]] = {}

        def first(n: int) -> Path:
            part = tmp / f"first-{n}.jsonl"
            with jsonl.open(encoding="utf-8") as src, part.open("w", encoding="utf-8") as dst:
                for _, line in zip(range(n), src, strict=False):
                    dst.write(line)
            return part

        day = first(args.articles)
        for workers in counts:
            r = run_job(day, tmp / f"w{workers}.db", workers)
            report(f"workers={workers}", r)
            done[workers] = r
            if best is None or r["seconds"] < best["seconds"]:
                best = r
        for n in sizes:  # the run above serves for its own size
            r = (done[max(counts)] if n == args.articles
                 else run_job(first(n), tmp / f"size-{n}.db", max(counts)))
            report(f"workers={max(counts)}, {n:,}", r)
        if best is not None:
            rate = best["articles"] / best["seconds"]
            print(f"\nprojected for 100,000 articles at {rate:.1f} docs/s: "
                  f"{100_000 / rate / 60:.0f} minutes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
