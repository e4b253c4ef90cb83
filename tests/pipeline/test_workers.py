"""Extraction in worker processes: same store as one process, limits, order, crashes."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import select

from materiel.models import CleanDocument, Event
from materiel.pipeline import IngestSummary, Limits, ingest, make_extractor
from materiel.store import Store
from materiel.store.schema import documents, events, signatures

COUNTRIES = ["Norway", "Chile", "Poland", "Japan", "Kenya", "Greece"]
ITEMS = ["patrol boats", "howitzers", "radars", "trainer jets", "drones"]


def article(i: int) -> dict[str, str]:
    country, item = COUNTRIES[i % len(COUNTRIES)], ITEMS[i % len(ITEMS)]
    text = (f"{country} ordered {i + 3} {item} from Kestrel Works on 4 March 2025. "
            f"The deal number {i} is worth ${10 + i} million.")
    if i % 4 == 0:  # some documents with nothing to extract
        text = f"Rain is expected in the valley on day {i}, the weather office said."
    return {"id": f"w{i}", "published": "2025-03-05", "text": text}


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


class MarkerExtractor:
    """A quick stand-in for the parser: one event per document whose text names a number;
    sleeps on a document containing "SLOW", and dies on one containing "CRASH"."""

    def extract_many(self, clean_docs: Iterable[CleanDocument]
                     ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        for doc in clean_docs:
            if "SLOW" in doc.text:
                time.sleep(5)
            if "CRASH" in doc.text:
                os.kill(os.getpid(), signal.SIGKILL)
            words = [w for w in doc.text.split() if w.isdigit()]
            yield doc, [Event(doc=doc.doc.id, type="procurement", evidence=doc.text[:40],
                              summary=f"order {words[0]}")] if words else []


def marker_extractor() -> MarkerExtractor:
    """Runs in each worker process: the stand-in finds no quotes either, so that workers
    start without loading a parser."""
    from materiel import pipeline

    pipeline.quotes_of = lambda clean_doc: []  # type: ignore[assignment]
    return MarkerExtractor()


def stored(url: str) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """Document keys in the order written, and each event as (doc key, type, date, summary)."""
    store = Store.open(url)
    try:
        with store.engine.connect() as conn:
            keys = [r.doc_key for r in conn.execute(
                select(documents.c.doc_key).order_by(documents.c.id))]
            rows = conn.execute(select(documents.c.doc_key, events.c.type, events.c.date,
                                       events.c.summary).join(events))
            found = sorted((r.doc_key, r.type, r.date or "", r.summary) for r in rows)
    finally:
        store.close()
    return keys, found


def run(path: Path, url: str, workers: int, factory=marker_extractor, **kwargs
        ) -> IngestSummary:
    store = Store.open(url)
    try:
        return ingest([str(path)], store, workers=workers, extractor_factory=factory,
                      **kwargs)
    finally:
        store.close()


def test_two_workers_store_the_same_as_one(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [article(i) for i in range(30)])
    factory = partial(make_extractor, None, True, 0.0)
    one = run(path, f"sqlite:///{tmp_path / 'one.db'}", 1, factory, batch_size=4)
    two = run(path, f"sqlite:///{tmp_path / 'two.db'}", 2, factory, batch_size=4)
    keys_one, events_one = stored(f"sqlite:///{tmp_path / 'one.db'}")
    keys_two, events_two = stored(f"sqlite:///{tmp_path / 'two.db'}")
    assert keys_two == keys_one == [f"w{i}" for i in range(30)]  # input order kept
    assert len(events_one) >= 15  # the real extractor found the orders
    assert events_two == events_one
    assert (two.new, two.events, two.rejected) == (one.new, one.events, 0)


def test_a_document_over_the_time_limit_in_a_worker_is_rejected(tmp_path):
    records = [article(i) for i in range(12)]
    records[5]["text"] = "SLOW " + records[5]["text"]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    lines: list[str] = []
    started = time.perf_counter()
    summary = run(path, f"sqlite:///{tmp_path / 'db.db'}", 2, batch_size=3,
                  limits=Limits(seconds=0.5), summary=IngestSummary(on_reject=lines.append))
    assert time.perf_counter() - started < 20
    assert summary.rejected == 1 and "took longer than 0.5 s" in lines[0]
    assert "w5" in lines[0] or ":6" in lines[0]
    keys, found = stored(f"sqlite:///{tmp_path / 'db.db'}")
    assert keys == [f"w{i}" for i in range(12) if i != 5]
    assert len(found) == 8  # every stored document but the weather reports has its event


def test_a_killed_worker_loses_nothing_and_a_rerun_adds_no_duplicates(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [article(i) for i in range(30)])
    url = f"sqlite:///{tmp_path / 'db.db'}"
    killed: list[int] = []

    def kill_a_worker(summary: IngestSummary) -> None:
        if not killed:  # after the first batch is written, the others still in flight
            pid = multiprocessing.active_children()[0].pid
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    first = run(path, url, 2, batch_size=3, on_document=kill_a_worker)
    assert killed and first.new == 30 and first.rejected == 0
    keys, found = stored(url)
    assert keys == [f"w{i}" for i in range(30)] and len(found) == 22
    again = run(path, url, 2, batch_size=3)
    assert (again.new, again.duplicate, again.events) == (0, 30, 0)
    assert stored(url) == (keys, found)


def test_a_document_that_kills_its_worker_is_rejected_alone(tmp_path):
    records = [article(i) for i in range(9)]
    records[4]["text"] = "CRASH " + records[4]["text"]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    lines: list[str] = []
    summary = run(path, f"sqlite:///{tmp_path / 'db.db'}", 2, batch_size=3,
                  summary=IngestSummary(on_reject=lines.append))
    assert summary.rejected == 1 and "crashed its worker" in lines[0]
    keys, _ = stored(f"sqlite:///{tmp_path / 'db.db'}")
    assert keys == [f"w{i}" for i in range(9) if i != 4]


def test_workers_need_a_factory_not_a_built_extractor(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [article(1)])
    store = Store.open(f"sqlite:///{tmp_path / 'db.db'}")
    with pytest.raises(ValueError, match="extractor_factory"):
        ingest([str(path)], store, extractor=MarkerExtractor(), workers=2)
    store.close()


def test_workers_make_the_near_duplicate_signatures_the_writer_would(tmp_path, monkeypatch):
    from materiel import pipeline, workers

    # one worker runs in this process, where the stand-in turns quotes off: undone afterwards
    monkeypatch.setattr(pipeline, "quotes_of", pipeline.quotes_of)
    monkeypatch.setattr(workers, "_extractor", None)
    background = " ".join(f"Paragraph {w} of the background tells the long history of the "
                          f"{w} yard, its owners and the ships it launched over the decades."
                          for w in ("first", "second", "third", "fourth", "fifth", "sixth"))
    records = [dict(r, text=f"{r['text']} {background}") for r in map(article, range(12))]
    records += [dict(r, id=f"{r['id']}-copy", text=r["text"] + " An editor added this line.")
                for r in records[:6]]  # near-duplicate copies
    path = write_jsonl(tmp_path / "in.jsonl", records)
    urls = [f"sqlite:///{tmp_path / f'{n}.db'}" for n in (1, 2)]
    summaries = [run(path, url, n, batch_size=4) for n, url in zip((1, 2), urls, strict=True)]
    assert summaries[0].near_duplicate == summaries[1].near_duplicate >= 4
    stored_signatures = []
    for url in urls:
        store = Store.open(url)
        try:
            with store.engine.connect() as conn:
                stored_signatures.append(list(conn.execute(
                    select(documents.c.doc_key, documents.c.cluster_id, signatures.c.signature)
                    .join(signatures, signatures.c.document_id == documents.c.id)
                    .order_by(documents.c.id))))
        finally:
            store.close()
    assert stored_signatures[0] == stored_signatures[1]
    # the signatures come from the worker, made as the store would make them
    from materiel.clean import clean
    from materiel.dedup.fingerprint import body_text, signature
    from materiel.models import Document

    workers.load_extractor(marker_extractor)
    docs = [clean(Document(id=r["id"], text=r["text"])) for r in records[:3]]
    made = workers.extract_batch(docs, Limits()).fingerprints
    assert made == {k: signature(body_text(d)).to_bytes() for k, d in enumerate(docs)}
