"""`materiel ingest --ray`: the command starts a Ray cluster of its own and stops it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent / "materiel"


def gcs_servers() -> set[int]:
    """The head processes of the Ray clusters running on this machine."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() == "gcs_server":
                found.add(int(entry.name))
        except OSError:
            continue
    return found


def test_ingest_on_a_ray_cluster_it_starts(tmp_path):
    lines = [json.dumps({"id": f"n{i}", "text": f"Note {i}: the depot in sector {i} reopened "
                                                f"on Monday after {i + 2} weeks of repairs."})
             for i in range(12)]
    path = tmp_path / "notes.jsonl"
    path.write_text("\n".join([*lines, lines[3]]) + "\n", encoding="utf-8")
    db = tmp_path / "ray.db"
    before = gcs_servers()
    run = subprocess.run([str(BIN), "ingest", str(path), "--ray", "--workers", "2",
                          "--no-extract", "--batch-size", "5", "--json", "--db", str(db)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert (summary["read"], summary["new"], summary["duplicate"]) == (13, 12, 1)
    gone = time.monotonic() + 10
    while gcs_servers() != before and time.monotonic() < gone:
        time.sleep(0.2)
    assert gcs_servers() == before  # the cluster it started is stopped


def test_ray_address_that_cannot_be_reached_is_an_error(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "A line of text."}) + "\n")
    run = subprocess.run([str(BIN), "ingest", str(path), "--ray-address", "127.0.0.1:9",
                          "--no-extract", "--db", str(tmp_path / "x.db")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 2
    assert "error: Ray: nothing answers at 127.0.0.1:9" in run.stderr
