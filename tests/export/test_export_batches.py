"""An export read in many batches, on SQLite and PostgreSQL: every event once, in order, with
its arguments (several per role, in their order), other sentences and story copies; and on
PostgreSQL only the sorted query is streamed, each batch's lookups being one plain statement
with one array of ids."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlalchemy import event, insert, update

from materiel.export import export_stream
from materiel.export.options import ExportOptions
from materiel.store import Store
from materiel.store.query import EventQuery, iter_events
from materiel.store.schema import clusters, documents, event_args, event_evidence, events

N_DOCS = 40  # two events each; docs 0 and 1 are copies of one story
ALL = EventQuery(all_copies=True)


def _store(url: str) -> Store:
    store = Store.open(url)
    docs, rows, args, others = [], [], [], []
    for d in range(N_DOCS):
        text = f"Dispatch {d}: a ministry signed for radars."
        docs.append({"id": d + 1, "doc_key": f"d{d}", "title": f"Dispatch {d}",
                     "url": f"https://example.org/{d}", "published": "2025-04-02",
                     "outlet": f"Wire {d % 3}", "author": None, "language": "en",
                     "raw_text": text, "clean_text": text, "content_hash": f"{d:064d}",
                     "is_feed": False, "stories": "[]", "segments": "[]", "cluster_id": None,
                     "ingested_at": "2026-01-01T00:00:00", "flags": "[]"})
        for k in range(2):
            event_id = 2 * d + k + 1
            rows.append({"id": event_id, "document_id": d + 1, "type": "aid",
                         "date": f"2025-{1 + event_id % 12:02d}", "status": "done",
                         "evidence": text, "evidence_start": 0, "evidence_end": len(text),
                         "sentence_idx": 0, "summary": f"=aid {event_id}",
                         "confidence": 0.5, "flags": "[]"})
            args += [
                {"event_id": event_id, "role": "donor", "idx": 0, "text": "Estonia",
                 "name": "Estonia", "entity_id": "country:EE", "value": None, "currency": None,
                 "start": None, "end": None},
                {"event_id": event_id, "role": "donor", "idx": 1, "text": "Latvia",
                 "name": None, "entity_id": None, "value": None, "currency": None,
                 "start": None, "end": None},
                {"event_id": event_id, "role": "value", "idx": 0, "text": "$5 million",
                 "name": None, "entity_id": None, "value": 5e6 + event_id,
                 "currency": "USD", "start": None, "end": None},
            ]
            if event_id % 5 == 0:
                others.append({"event_id": event_id, "idx": 0, "text": f"Also {event_id}.",
                               "start": None, "end": None, "sentence_idx": 1})
    with store.transaction() as conn:
        conn.execute(insert(clusters), [{"id": 1, "canonical_document_id": 1}])
        conn.execute(insert(documents), docs)
        conn.execute(update(documents).where(documents.c.id.in_([1, 2])).values(cluster_id=1))
        conn.execute(insert(events), rows)
        conn.execute(insert(event_args), args)
        conn.execute(insert(event_evidence), others)
    return store


def test_records_read_in_batches_are_complete(db_url):
    store = _store(db_url)
    whole = list(iter_events(store, ALL))
    batched = list(iter_events(store, ALL, batch=7))
    assert batched == whole and len(whole) == 2 * N_DOCS
    assert len({e["event_id"] for e in whole}) == len(whole)
    for record in whole:
        assert record["args"]["donor"] == [{"text": "Estonia", "name": "Estonia",
                                            "id": "country:EE"}, {"text": "Latvia"}]
        assert record["args"]["value"] == [{"text": "$5 million",
                                            "value": 5e6 + record["event_id"],
                                            "currency": "USD"}]
        assert record.get("other_evidence", []) == (
            [f"Also {record['event_id']}."] if record["event_id"] % 5 == 0 else [])
        copies = [c["doc"] for c in record["copies"]]
        assert copies == (["d0", "d1"] if record["doc"] in ("d0", "d1") else [])
    store.close()


def test_csv_export_has_a_row_per_event_with_its_cells(db_url):
    store = _store(db_url)
    manifest, stream = export_stream(store, ALL, "csv", ExportOptions(flush_rows=3))
    rows = list(csv.DictReader(io.StringIO(b"".join(stream).decode("utf-8"))))
    assert manifest["rows"] == len(rows) == 2 * N_DOCS
    assert [int(r["event_id"]) for r in rows] == [e["event_id"] for e in iter_events(store, ALL)]
    for row in rows:
        assert row["donor"] == "Estonia; Latvia"
        assert row["value"] == f"{5e6 + int(row['event_id']):.0f} USD"
        assert row["summary"] == f"'=aid {row['event_id']}"  # never a formula
    store.close()


def test_postgresql_streams_only_the_sorted_query(pg_url):
    store = _store(pg_url)
    seen: list[tuple[str, bool, Any]] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
        streamed = bool(context.execution_options.get("stream_results"))
        seen.append((statement, streamed, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        got = list(iter_events(store, ALL, batch=10))
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert len(got) == 2 * N_DOCS
    streamed = [statement for statement, on, _ in seen if on]
    assert len(streamed) == 1 and "ORDER BY" in streamed[0]
    lookups = [(s, p) for s, on, p in seen if not on and "event_args" in s]
    assert len(lookups) == 8  # a batch of 10 events: one statement for their arguments
    for statement, parameters in lookups:
        assert "ANY" in statement.upper()
        assert len(json.dumps(parameters, default=str)) < 200 and len(parameters) == 1
    store.close()
