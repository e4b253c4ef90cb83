"""Two `materiel ingest` processes and a reader on one SQLite file at once: every record is
stored exactly once, nothing is lost to a locked database."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent / "materiel"


COUNTRIES = ["Poland", "Romania", "Norway", "Chile", "Japan", "Kenya", "Peru", "Greece"]


def write_articles(path: Path, ids: range) -> Path:
    """Articles the extractor parses, so each batch spends real time in extraction."""
    with path.open("w") as fh:
        for i in ids:
            buyer = COUNTRIES[i % len(COUNTRIES)]
            text = (f"{buyer}'s defence ministry signed a contract on Tuesday with works {i} for "
                    f"{i + 4} armoured vehicles worth ${i + 10} million, officials said. "
                    f"Deliveries of lot {i} begin in {2026 + i % 4} under order {i * 7907}.")
            fh.write(json.dumps({"id": f"c{i}", "text": text, "published": "2025-06-02"}) + "\n")
    return path


def reader(db: Path, until: float) -> list[int]:
    counts = []
    while time.monotonic() < until:
        with sqlite3.connect(db, timeout=30) as conn:
            counts.append(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        time.sleep(0.05)
    return counts


def test_two_writers_and_a_reader_lose_nothing(tmp_path):
    db = tmp_path / "shared.db"
    subprocess.run([str(BIN), "ingest", "--no-extract", "--db", str(db),
                    str(write_articles(tmp_path / "seed.jsonl", range(0, 1)))], check=True,
                   capture_output=True)
    # the halves overlap on 150..199: each of those is new for one writer, a duplicate for
    # the other, whichever comes first; extraction makes each batch of 100 take seconds
    first = write_articles(tmp_path / "first.jsonl", range(0, 200))
    second = write_articles(tmp_path / "second.jsonl", range(150, 350))
    procs = [subprocess.Popen([str(BIN), "ingest", "--json", "--db", str(db),
                               "--batch-size", "100", str(path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for path in (first, second)]
    counts = reader(db, time.monotonic() + 2.0)
    outs = [p.communicate(timeout=300) for p in procs]
    for proc, (_stdout, stderr) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, stderr
    summaries = [json.loads(stdout) for stdout, _ in outs]
    assert all(s["rejected"] == 0 for s in summaries), summaries
    assert sum(s["new"] for s in summaries) == 350 - 1
    assert sum(s["duplicate"] for s in summaries) == 1 + 50
    assert all(s["events"] > 0 for s in summaries)
    assert counts == sorted(counts)  # the reader never saw a count go back
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 350
        assert conn.execute("SELECT count(DISTINCT doc_key) FROM documents").fetchone()[0] == 350
        assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 1 + 200 + 200
        with_events = "SELECT count(DISTINCT document_id) FROM events"
        assert conn.execute(with_events).fetchone()[0] == 350 - 1  # c0 came in unextracted


def test_two_first_runs_on_a_new_database(tmp_path):
    db = tmp_path / "new.db"
    inputs = [write_articles(tmp_path / f"in{k}.jsonl", range(k * 10, k * 10 + 10))
              for k in range(2)]
    procs = [subprocess.Popen([str(BIN), "ingest", "--no-extract", "--json", "--db", str(db),
                               str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for path in inputs]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _o, err in outs]
    assert sum(json.loads(out)["new"] for out, _e in outs) == 20
