"""Per-document limits, rejections that stream, and values every backend stores alike."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from materiel.deadline import DeadlineExceeded, deadline
from materiel.pipeline import MAX_KEPT_ERRORS, IngestSummary, Limits, ingest
from materiel.store import Store
from materiel.store.schema import documents, sources


@pytest.fixture
def store(db_url):
    s = Store.open(db_url)
    yield s
    s.close()


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def article(i: int) -> dict:
    return {"id": f"n{i}", "published": "2025-03-01",
            "text": f"The navy of country {i} ordered {i + 2} patrol boats from yard {i}."}


def test_deadline_interrupts_a_backtracking_pattern():
    started = time.perf_counter()
    with pytest.raises(DeadlineExceeded), deadline(0.2):
        re.match(r"(a+)+$", "a" * 40 + "b")
    assert time.perf_counter() - started < 5


def test_nested_deadline_keeps_the_outer_one():
    with pytest.raises(DeadlineExceeded), deadline(0.2), deadline(10):
        time.sleep(1)


def test_deadline_is_disarmed_after_the_block():
    with deadline(0.05):
        pass
    time.sleep(0.1)  # a timer left armed would fire here


def test_a_document_over_the_size_limit_is_one_line_and_the_batch_goes_on(tmp_path, store):
    records = [article(1), {"id": "huge", "text": "word " * 3000}, article(2)]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    summary = ingest([str(path)], store, limits=Limits(max_chars=10_000))
    assert (summary.new, summary.rejected) == (2, 1)
    assert re.search(r"in\.jsonl:\S+: text too long \(15,000 characters; the limit is 10,000\)",
                     summary.errors[0])
    assert summary.rejected_by_reason == {"text too long": 1}


def test_a_document_over_the_time_limit_is_rejected_and_the_rest_stored(tmp_path, store):
    slow_text = " ".join(f"Sentence number {i} says the plant made {i} shells."
                         for i in range(8_000))
    records = [article(1), {"id": "slow", "text": slow_text}, article(2)]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    summary = ingest([str(path)], store, limits=Limits(seconds=0.05))
    assert summary.new == 2 and summary.rejected == 1
    assert "cleaning took longer than 0.05 s" in summary.errors[0]
    assert store.get_document("slow") is None


def test_rejections_stream_and_only_the_first_are_kept(tmp_path, store):
    n_bad = 5_000
    with (tmp_path / "bad.jsonl").open("w") as fh:
        fh.write(json.dumps(article(0)) + "\n")
        for _ in range(n_bad):
            fh.write("{not json\n")
    seen: list[str] = []
    summary = IngestSummary(on_reject=seen.append)
    ingest([str(tmp_path / "bad.jsonl")], store, summary=summary)
    assert summary.new == 1 and summary.rejected == n_bad == len(seen)
    assert len(summary.errors) == MAX_KEPT_ERRORS
    assert sum(summary.rejected_by_reason.values()) == n_bad
    out = summary.to_json()
    assert out["rejected"] == n_bad and len(out["errors"]) == MAX_KEPT_ERRORS  # type: ignore[arg-type]


def test_long_fields_and_nul_are_stored_alike_on_every_backend(tmp_path, store):
    long_id = "x" * 600
    records = [
        {"id": long_id, "text": "Poland ordered 96 helicopters.", "outlet": "O" * 300},
        {"id": long_id + "y", "text": "Spain ordered 12 radars.", "author": "A" * 300},
        {"id": "lang", "text": "Italy ordered 3 ships.", "language": "en-" + "x" * 30},
        {"id": "nul\x00id", "text": "Chile ordered\x00 4 jets.", "title": "Ti\x00tle"},
        {"id": "pub", "text": "Peru ordered 5 tanks.", "published": "2025-01-01T00:00:00+00:00"
         + " " * 60},
        article(1), article(2), article(3),
    ]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    summary = ingest([str(path)], store)
    assert (summary.new, summary.rejected) == (8, 0), summary.errors
    with store.engine.connect() as conn:
        rows = {r.doc_key: r for r in conn.execute(select(documents))}
        outlets = [r.outlet for r in conn.execute(select(sources.c.outlet))]
    keys = list(rows)
    assert all(len(k) <= 512 for k in keys)
    long_keys = [k for k in keys if k.startswith("xxx")]
    assert len(long_keys) == 2 and long_keys[0] != long_keys[1]
    assert store.get_document(long_id) is not None  # found by the id as given
    assert "nulid" in rows and rows["nulid"].title == "Title"
    assert "\x00" not in rows["nulid"].clean_text and "\x00" not in rows["nulid"].raw_text
    assert max(len(o) for o in outlets if o) <= 255
    assert len(rows["lang"].language) <= 16


def test_rejection_kinds_do_not_grow_with_the_records():
    summary = IngestSummary()
    for i in range(5_000):
        summary.reject(f"f.jsonl:{i}: line {i}: not valid JSON (char {i})", f"line {i}: not "
                       f"valid JSON (char {i})")
        summary.reject(f"f.jsonl:{i}: odd", f"odd reason number {i} of its own")
    assert summary.rejected_by_reason == {"not valid JSON": 5_000, "odd reason number N of "
                                          "its own": 5_000}
    for i in range(300):
        summary.reject("x", f"kind {'abcdefghij'[i % 10] * (i + 1)}")
    assert len(summary.rejected_by_reason) <= 101
