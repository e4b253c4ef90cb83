"""A store filled by the real pipeline from the documents in corpus.py, plus one stored by
hand whose every field is hostile, served by the web pages' router."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from corpus import ARTICLES, add_hostile
from fastapi import FastAPI
from fastapi.testclient import TestClient

from materiel.api.settings import Settings
from materiel.pipeline import ingest, make_extractor
from materiel.store import Store
from materiel.web import router


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
    # the pages' counts are checked: none is cut short on a busy machine (the time limit
    # has its own tests, test_pending_facets.py)
    app.state.settings = Settings(facet_time_limit_ms=60_000)
    app.include_router(router)
    return TestClient(app)
