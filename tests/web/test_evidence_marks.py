"""Every sentence of an event is marked: its evidence and the other sentences that mention
it, on the document page and on the event page."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from materiel.models import CleanDocument, Document, Event, Evidence, Provenance, Sentence
from materiel.store import Store
from materiel.store.query import EventQuery, iter_events
from materiel.web import router

SENTENCES = ["Chile bought two frigates from Australia in May.",
             "The navy wants them in service soon.",
             "Both frigates sail to Valparaiso next year.",
             "The two frigates cost less than new ships."]
TEXT = " ".join(SENTENCES)


def span(i: int) -> tuple[int, int]:
    start = TEXT.index(SENTENCES[i])
    return start, start + len(SENTENCES[i])


@pytest.fixture
def client(sqlite_url):
    store = Store.open(sqlite_url)
    doc = Document(id="frigates", text=TEXT, published="2025-06-01", outlet="Pacific Desk",
                   provenance=Provenance(path="x.jsonl", record=0, content_hash="frigates"))
    clean = CleanDocument(doc=doc, text=TEXT,
                          sentences=[Sentence(*span(i), s) for i, s in enumerate(SENTENCES)])
    event = Event(doc="frigates", type="procurement", date="2025-05", status="done",
                  evidence=SENTENCES[0], evidence_start=0, evidence_end=span(0)[1],
                  summary="Chile buys frigates", confidence=0.7,
                  other_evidence=[Evidence(SENTENCES[i], *span(i)) for i in (2, 3)])
    with store.transaction() as conn:
        result = store.add(conn, clean)
        store.add_events(conn, result.document_id, clean, [event])
    app = FastAPI()
    app.state.store = store
    app.include_router(router)
    [event] = iter_events(store, EventQuery())
    yield TestClient(app), result.document_id, event["event_id"]
    store.close()


def test_the_document_page_marks_every_sentence_of_the_event(client):
    http, document_id, event_id = client
    html = http.get(f"/documents/{document_id}").text
    marked = re.findall(rf'<a class="sentence" href="/events/{event_id}#evidence"[^>]*>'
                        r"<mark>([^<]*)</mark>", html)
    assert marked == [SENTENCES[0], SENTENCES[2], SENTENCES[3]]


def test_the_event_page_marks_the_other_sentences_apart(client):
    http, _, event_id = client
    html = http.get(f"/events/{event_id}").text
    assert re.findall(r'<mark class="evidence" id="evidence">([^<]*)</mark>', html) == [
        SENTENCES[0]]
    assert re.findall(r'<mark class="evidence other">([^<]*)</mark>', html) == SENTENCES[2:]
    assert "Reported by" not in html  # stored by hand: no canonical event
