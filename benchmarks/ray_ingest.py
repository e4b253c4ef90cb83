"""The ingest job on a local Ray cluster, with 1 and 2 workers, against one process.

    python benchmarks/ray_ingest.py [--articles 20000] [--workers 1,2] [--pg ADMIN_URL]

Builds the same mixed day of news as benchmarks/day.py (about 5 % defense, fixed seed) and
runs `materiel ingest --json` on it: once in one process, then with `--ray --workers N` for
each N, each run into a fresh store (a SQLite file, or with --pg a new database on that
PostgreSQL server, dropped afterwards).  Prints articles, seconds (the whole command: the
Ray runs include starting the cluster and loading one pipeline per worker), documents per
second, events, and peak memory (VmHWM, the resident high-water mark, of every process of
the job, read from /proc while it runs): "driver" is the `materiel` process, "worker" the
largest Ray worker, "ray" the sum of Ray's own processes (GCS, raylet, ...), "total" the sum
of all (an upper bound: the peaks need not coincide).  "cores" is CPU time over wall time.
Last, the speed-up of the most workers over one worker, which the issue asks to be at
least 1.6 with two.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from day import build  # benchmarks/day.py: the mixed day of news


def _descendants(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _status_kb(pid: int, field: str) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(rf"^{field}:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) if found else 0


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _is_worker(pid: int) -> bool:
    """A Ray worker process that ran the job's actor (its title names the actor class)."""
    try:
        return b"PartitionWorker" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def run_job(jsonl: Path, db: str, ray_workers: int | None) -> dict[str, float]:
    """Run `materiel ingest` and watch the memory and CPU of all its processes."""
    materiel = Path(sys.executable).with_name("materiel")
    extra = [] if ray_workers is None else ["--ray", "--workers", str(ray_workers)]
    started = time.perf_counter()
    job = subprocess.Popen([str(materiel), "ingest", str(jsonl), "--db", db, "--json", *extra],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    hwm: dict[int, int] = {}
    cpu: dict[int, float] = {}
    workers: set[int] = set()
    while job.poll() is None:
        for pid in (job.pid, *_descendants(job.pid)):
            hwm[pid] = max(hwm.get(pid, 0), _status_kb(pid, "VmHWM"))
            cpu[pid] = max(cpu.get(pid, 0.0), _cpu_seconds(pid))
            if pid not in workers and _is_worker(pid):
                workers.add(pid)
        time.sleep(0.25)
    seconds = time.perf_counter() - started
    out, _ = job.communicate()
    if job.returncode != 0:
        raise SystemExit(f"materiel ingest failed ({job.returncode})")
    summary = json.loads(out.strip().splitlines()[-1])
    driver_mb = hwm.get(job.pid, 0) / 1024
    worker_mb = [hwm[pid] / 1024 for pid in workers]
    ray_mb = sum(kb for pid, kb in hwm.items() if pid != job.pid and pid not in workers) / 1024
    return {"articles": summary["read"], "seconds": seconds, "events": summary["events"],
            "driver_mb": driver_mb, "worker_mb": max(worker_mb, default=0.0), "ray_mb": ray_mb,
            "total_mb": driver_mb + sum(worker_mb) + ray_mb,
            "cores": sum(cpu.values()) / seconds, "cpu_driver": cpu.get(job.pid, 0.0),
            "cpu_workers": sum(cpu.get(pid, 0.0) for pid in workers),
            "cpu_ray": sum(t for pid, t in cpu.items() if pid != job.pid and pid not in workers)}


@contextmanager
def fresh_store(tmp: Path, label: str, pg_admin: str | None) -> Iterator[str]:
    """A new, empty store: a SQLite file, or a new database on the PostgreSQL server."""
    if pg_admin is None:
        yield f"sqlite:///{tmp / f'{label}.db'}"
        return
    import psycopg

    name = f"materiel_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{pg_admin.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(pg_admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def report(label: str, r: dict[str, float]) -> None:
    print(f"{label:15s} {r['articles']:8.0f} {r['seconds']:8.1f} "
          f"{r['articles'] / r['seconds']:7.1f} {r['events']:7.0f} {r['driver_mb']:7.0f} "
          f"{r['worker_mb']:7.0f} {r['ray_mb']:7.0f} {r['total_mb']:7.0f} {r['cores']:5.2f} "
          f"{r['cpu_driver']:7.1f} {r['cpu_workers']:7.1f} {r['cpu_ray']:7.1f}",
          flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--defense-share", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", default="1,2", help="numbers of Ray workers to compare")
    ap.add_argument("--pg", metavar="ADMIN_URL",
                    help="store in new databases on this PostgreSQL server, not SQLite")
    args = ap.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="materiel-ray-") as tmpdir:
        tmp = Path(tmpdir)
        jsonl = tmp / "day.jsonl"
        n_defense = build(jsonl, args.articles, args.defense_share, args.seed)
        print(f"built {args.articles:,} articles ({n_defense:,} defense); {os.cpu_count()} "
              f"CPUs, load {os.getloadavg()[0]:.2f}")
        print(f"{'run':15s} {'articles':>8s} {'seconds':>8s} {'docs/s':>7s} {'events':>7s} "
              f"{'driver':>7s} {'worker':>7s} {'ray':>7s} {'total':>7s} {'cores':>5s} "
              f"{'cpu drv':>7s} {'workers':>7s} {'ray':>7s}")
        with fresh_store(tmp, "one", args.pg) as db:
            report("one process", run_job(jsonl, db, None))
        rates: dict[int, float] = {}
        for n in counts:
            with fresh_store(tmp, f"ray{n}", args.pg) as db:
                r = run_job(jsonl, db, n)
            report(f"ray workers={n}", r)
            rates[n] = r["articles"] / r["seconds"]
        if len(rates) > 1:
            low, high = min(rates), max(rates)
            print(f"\n{high} Ray workers / {low}: {rates[high] / rates[low]:.2f}x "
                  f"(load {os.getloadavg()[0]:.2f} at the end)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
