"""A store filled by the real pipeline from the documents in corpus.py, plus one stored by
hand whose every field is hostile, served by the web pages' router."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from corpus import ARTICLES
from fastapi import FastAPI
from fastapi.testclient import TestClient

from materiel.models import Argument, CleanDocument, Document, Event, Provenance, Removal, Sentence
from materiel.pipeline import ingest, make_extractor
from materiel.store import Store
from materiel.web import router

EVIL_TEXT = ('Evil Corp delivered 3 drones to Ruritania on 1 July 2025. '
             '<script>alert("stored")</script> <a href="javascript:alert(1)">x</a>')
EVIL_NAME = '<svg onload=alert("name")>'


def add_hostile(store: Store) -> None:
    """A document whose text, title, url, outlet, removals and entity names are all markup."""
    doc = Document(id='evil"><script>alert(1)</script>', text=EVIL_TEXT,
                   title='<img src=x onerror=alert("title2")>', url="javascript:alert('u2')",
                   outlet='<i onmouseover=alert(5)>Outlet</i>', published="2025-07-02",
                   provenance=Provenance(path="evil.jsonl", record=0, content_hash="e"))
    first = EVIL_TEXT.index(".") + 1
    clean = CleanDocument(
        doc=doc, text=EVIL_TEXT,
        sentences=[Sentence(0, first, EVIL_TEXT[:first]),
                   Sentence(first + 1, len(EVIL_TEXT), EVIL_TEXT[first + 1:])],
        removed=[Removal('<iframe src="javascript:alert(6)"></iframe>', "boilerplate", 0, 10)])
    drone = Event(doc=doc.id, type="aid", date="2025-07-01", status="done",
                  args={"donor": [Argument("Evil Corp", name=EVIL_NAME, id="company:evil")],
                        "recipient": [Argument(EVIL_NAME, id=EVIL_NAME)],
                        "item": [Argument("drones")]},
                  evidence=EVIL_TEXT[:first], evidence_start=0, evidence_end=first,
                  summary='<b onclick=alert("summary")>drones</b>', confidence=0.3,
                  flags=['<script>alert("flag")</script>'])
    with store.transaction() as conn:
        store.add_events(conn, store.add(conn, clean).document_id, clean, [drone])


@pytest.fixture(scope="session")
def filled_store(tmp_path_factory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("web")
    corpus = folder / "articles.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    store = Store.open(f"sqlite:///{folder / 'materiel.db'}")
    summary = ingest([str(corpus)], store, extractor=make_extractor())
    assert summary.events >= 4, summary
    add_hostile(store)
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(filled_store) -> TestClient:
    app = FastAPI()
    app.state.store = filled_store
    app.include_router(router)
    return TestClient(app)
