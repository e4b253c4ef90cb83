"""The main job end to end: readers, cleaning, dedup and a real store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from _shared import SHARED
from materiel.pipeline import ingest
from materiel.store import Store
from materiel.store.query import EventQuery, iter_events
from materiel.store.schema import documents, sources

SEEDS = SHARED / "seeds" / "seeds.jsonl"
SAMPLE = Path(__file__).resolve().parents[1] / "src" / "materiel" / "data" / "sample"


def write_articles(path: Path, n: int, start: int = 0) -> Path:
    with path.open("w") as fh:
        for i in range(start, start + n):
            text = (f"Ministry statement {i}: the army ordered {i + 3} trucks from plant {i} "
                    f"in region {i % 17}. Delivery of batch {i} starts in {2026 + i % 5}, "
                    f"according to contract number {i * 7919}.")
            fh.write(json.dumps({"id": f"a{i}", "text": text, "published": "2025-05-01"}) + "\n")
    return path


@pytest.fixture
def store(db_url):
    s = Store.open(db_url)
    yield s
    s.close()


@pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not present")
def test_seeds_twice_store_three_then_nothing(store):
    first = ingest([str(SEEDS)], store)
    second = ingest([str(SEEDS)], store)
    assert (first.read, first.new) == (3, 3)
    assert (second.read, second.new, second.duplicate) == (3, 0, 3)
    assert store.count_documents() == 3


def test_sample_corpus_links_the_syndicated_copy(store):
    summary = ingest([str(SAMPLE)], store)
    assert summary.rejected == 0 and summary.new >= 7
    assert summary.near_duplicate == 1
    doc = store.get_document("sample-wire-005")
    assert doc is not None and doc.cluster_id is not None
    assert [m["doc_key"] for m in doc.cluster] == ["sample-wire-003"]


def test_bad_records_are_named_and_good_ones_still_stored(tmp_path, store):
    good = write_articles(tmp_path / "good.jsonl", 3)
    mixed = tmp_path / "mixed.jsonl"
    lines = good.read_text().splitlines()
    mixed.write_text(lines[0] + "\n{not json\n" + lines[1].replace('"a1"', '"b1"') + "\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 20)
    summary = ingest([str(good), str(mixed), str(tmp_path / "empty.txt"),
                      str(tmp_path / "blob.bin"), str(tmp_path / "missing.jsonl")], store)
    assert summary.new == 3
    assert summary.duplicate == 2  # the two good lines of mixed.jsonl repeat good.jsonl
    assert summary.rejected == 4
    joined = "\n".join(summary.errors)
    assert "mixed.jsonl:2" in joined and "invalid JSON" in joined
    assert "empty.txt" in joined and "blob.bin" in joined and "missing.jsonl" in joined
    assert all("\n" not in line for line in summary.errors)


def test_a_run_killed_halfway_loses_nothing_and_reruns_cleanly(tmp_path):
    corpus = write_articles(tmp_path / "big.jsonl", 3000)
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "materiel.cli", "ingest", str(corpus), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = Store.open(str(db))
    deadline = time.time() + 60
    while time.time() < deadline:  # wait until at least one batch is committed
        if store.count_documents() >= 200:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    committed = store.count_documents()
    assert 200 <= committed < 3000, "the run should have been killed halfway"
    rerun = subprocess.run(cmd + ["--json"], capture_output=True, text=True, check=True)
    summary = json.loads(rerun.stdout)
    assert summary["new"] == 3000 - committed
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar() == 3000
        assert conn.execute(select(func.count()).select_from(sources)).scalar() == 3000
    store.close()


def test_events_and_quotes_are_stored_with_their_document(tmp_path, sqlite_url):
    from materiel.pipeline import make_extractor

    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({
        "id": "q1", "published": "2025-04-04",
        "text": "Sweden ordered 40 CV90 infantry fighting vehicles from BAE Systems Hagglunds "
                "on Tuesday, Defence Minister Pal Jonson said.\n"
                "\u201cThis strengthens our army at a decisive moment,\u201d he said."}) + "\n")
    store = Store.open(sqlite_url)
    summary = ingest([str(path)], store, extractor=make_extractor())
    assert summary.events >= 1
    doc = store.get_document("q1")
    assert doc.quotes and doc.quotes[0]["speaker"] == "Pal Jonson"
    events = list(iter_events(store, EventQuery()))
    assert events[0]["document_id"] == doc.id
    assert doc.clean_text[events[0]["evidence_start"]:events[0]["evidence_end"]] == \
        events[0]["evidence"]
    store.close()


def test_quotes_are_looked_for_only_in_documents_about_defense(tmp_path, sqlite_url):
    from materiel.pipeline import make_extractor

    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({
        "id": "bakery", "published": "2025-04-04",
        "text": "The bakery on the corner now sells rye bread on Saturdays.\n"
                "\u201cOur customers asked for it all winter,\u201d the owner, Mia Holm, said."})
        + "\n")
    store = Store.open(sqlite_url)
    ingest([str(path)], store, extractor=make_extractor())
    assert store.get_document("bakery").quotes == []
    store.close()


def test_a_syndicated_story_lists_its_events_once_with_every_copy(sqlite_url):
    from materiel.pipeline import make_extractor

    store = Store.open(sqlite_url)
    ingest([str(SAMPLE)], store, extractor=make_extractor())
    once = [e for e in iter_events(store, EventQuery())
            if e["doc"] in ("sample-wire-003", "sample-wire-005")]
    assert once and {e["doc"] for e in once} == {"sample-wire-003"}
    assert [c["doc"] for c in once[0]["copies"]] == ["sample-wire-003", "sample-wire-005"]
    every = list(iter_events(store, EventQuery(all_copies=True)))
    assert {e["doc"] for e in every} >= {"sample-wire-003", "sample-wire-005"}
    store.close()
