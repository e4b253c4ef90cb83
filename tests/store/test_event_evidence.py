"""An event's other sentences (merged mentions in one document) are stored with their
offsets and read back by every reader: the store, the query layer and the JSONL export."""

from __future__ import annotations

import json

import pytest

from materiel.export import export_stream
from materiel.models import CleanDocument, Document, Event, Evidence, Provenance, Sentence
from materiel.store import Store
from materiel.store import query as q

SENTENCES = ["Norway ordered six submarines from a German yard in March.",
             "Oslo expects the first boat in 2029.",
             "The six submarines will be built in Kiel.",
             "Norway also ordered the torpedoes for them."]
TEXT = " ".join(SENTENCES)


def clean_document() -> CleanDocument:
    doc = Document(id="subs", text=TEXT, published="2025-04-01", outlet="Fjord Post",
                   provenance=Provenance(path="x.jsonl", record=0, content_hash="subs"))
    sentences, at = [], 0
    for s in SENTENCES:
        sentences.append(Sentence(at, at + len(s), s))
        at += len(s) + 1
    return CleanDocument(doc=doc, text=TEXT, sentences=sentences)


def span(i: int) -> tuple[int, int]:
    start = TEXT.index(SENTENCES[i])
    return start, start + len(SENTENCES[i])


def order(other_evidence: list[int]) -> Event:
    start, end = span(0)
    return Event(doc="subs", type="procurement", date="2025-03", status="done",
                 evidence=SENTENCES[0], evidence_start=start, evidence_end=end,
                 summary="Norway orders submarines", confidence=0.8,
                 other_evidence=[Evidence(SENTENCES[i], *span(i)) for i in other_evidence])


@pytest.fixture
def stored(db_url):
    store = Store.open(db_url)
    clean = clean_document()
    with store.transaction() as conn:
        document_id = store.add(conn, clean).document_id
        store.add_events(conn, document_id, clean, [order([2, 3])])
    yield store
    store.close()


def test_two_other_sentences_round_trip_with_offsets(stored):
    [listed] = q.iter_events(stored, q.EventQuery())
    assert listed["other_evidence"] == SENTENCES[2:]
    event = q.get_event(stored, listed["event_id"])
    assert event is not None
    assert event["other_evidence"] == SENTENCES[2:]
    assert [(o["start"], o["end"], o["sentence"]) for o in event["other_sentences"]] == [
        (*span(2), 2), (*span(3), 3)]
    for other in event["other_sentences"]:
        assert TEXT[other["start"]:other["end"]] == other["text"]
    [page_item] = q.event_page(stored, q.EventQuery()).items
    assert page_item["other_evidence"] == SENTENCES[2:]


def test_the_jsonl_export_writes_them_as_the_output_contract_does(stored):
    body = b"".join(export_stream(stored, q.EventQuery(), "jsonl")[1])
    [line] = [json.loads(s) for s in body.decode().splitlines()]
    assert line["other_evidence"] == order([2, 3]).to_json()["other_evidence"]


def test_an_event_without_other_sentences_has_no_such_field(sqlite_url):
    store = Store.open(sqlite_url)
    clean = clean_document()
    with store.transaction() as conn:
        store.add_events(conn, store.add(conn, clean).document_id, clean, [order([])])
    [listed] = q.iter_events(store, q.EventQuery())
    assert "other_evidence" not in listed and "other_evidence" not in order([]).to_json()
    event = q.get_event(store, listed["event_id"])
    assert event is not None and event["other_sentences"] == []
    store.close()
