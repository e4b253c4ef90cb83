"""Canonical events as the web pages and the API show them: the sources of each event, who
reported it, where they disagree, and the stages of its story."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from test_canonical import ARTICLES, ingest_in, write_articles

from materiel.api.app import create_app
from materiel.api.settings import Settings
from materiel.store import Store
from materiel.store.schema import documents, events
from materiel.web import router


@pytest.fixture
def store(db_url, tmp_path) -> Iterator[Store]:
    opened = ingest_in(db_url, write_articles(tmp_path / "in.jsonl", list(ARTICLES)))
    yield opened
    opened.close()


def event_of(store: Store, doc: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(events.c.id).join(documents)
                                .where(documents.c.doc_key == doc)).scalar_one())


@pytest.fixture
def pages(store) -> TestClient:
    app = FastAPI()
    app.state.store = store
    app.include_router(router)
    return TestClient(app)


@pytest.fixture
def api(store) -> TestClient:
    return TestClient(create_app(store, Settings(max_page_size=50)))


def section(html: str) -> str:
    return html.split('id="reported-by"', 1)[1].split("</section>", 1)[0]


def test_the_event_page_lists_every_report_and_the_disagreement(store, pages):
    a1, a2 = event_of(store, "a1"), event_of(store, "a2")
    block = section(pages.get(f"/events/{a1}").text)
    assert "Reported by 2 sources" in block and "(daily, wire)" in block
    assert f'href="/events/{a2}#evidence"' in block and f'href="/events/{a1}#evidence"' in block
    for doc in ("a1", "a2"):
        assert f">{doc}</a>" in block
    assert ARTICLES["a2"][2] in block  # the other report's sentence
    assert "The sources disagree" in block
    assert "425000000 USD</span> <span class=\"muted\">(a2)" in block
    assert "400000000 USD</span> <span class=\"muted\">(a1)" in block


def test_the_event_page_links_the_stages_of_a_story(store, pages):
    b1, b2 = event_of(store, "b1"), event_of(store, "b2")
    order = section(pages.get(f"/events/{b1}").text)
    assert "Later stages" in order and f'href="/events/{b2}"' in order
    delivery = section(pages.get(f"/events/{b2}").text)
    assert "Earlier stages" in delivery and f'href="/events/{b1}"' in delivery
    assert "Later stages" not in delivery


def test_the_feed_shows_the_sources_and_outlets_of_each_event(store, pages):
    html = pages.get("/?type=aid&rows=mentions").text  # the feed folds a1 and a2 by default
    row = html.split(f'href="/events/{event_of(store, "a1")}#evidence"', 1)[1]
    row = row.split("</tr>", 1)[0]
    assert '<td class="num sources">' in row and '#reported-by" title=' in row
    assert '>2</a></td>' in row and 'title="daily, wire">2</td>' in row


def test_the_api_gives_sources_and_the_canonical_event(store, api):
    a1 = event_of(store, "a1")
    one = api.get(f"/api/v1/events/{a1}").json()
    assert one["sources"] == 2 and isinstance(one["canonical_id"], int)
    listed = {e["event_id"]: e for e in api.get("/api/v1/events?type=aid").json()["items"]}
    assert listed[a1]["canonical_id"] == one["canonical_id"] and listed[a1]["sources"] == 2
    assert listed[event_of(store, "a3")]["sources"] == 1
    canonical = api.get(f"/api/v1/canonical/{one['canonical_id']}").json()
    assert sorted(m["doc"] for m in canonical["mentions"]) == ["a1", "a2"]
    assert canonical["sources"] == 2 and "value" in canonical["conflicts"]
    missing = api.get("/api/v1/canonical/999999")
    assert missing.status_code == 404 and missing.json()["error"]["code"]
