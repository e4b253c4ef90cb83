"""Facets and totals count real events where the feed folds its rows, mentions where it lists
every one (SQLite and PostgreSQL): the folding corpus, with one real event's two reports
made to differ in status, review state and outlet, counted by hand below."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from folding_corpus import fill
from materiel.api.app import create_app
from materiel.api.settings import Settings
from materiel.store import Store, facets
from materiel.store.query import EventQuery
from materiel.store.schema import documents, events


@pytest.fixture
def store(db_url, tmp_path) -> Iterator[Store]:
    """The HAWK package (hawk-wire, announced, 0.2; hawk-daily, 0.9) is one real event: the
    daily's report now says it was delivered ("done") and comes from the wire's outlet, and
    a reviewer accepted the wire's. The K2 tanks are another real event of two reports; the
    five other mentions are real events of their own."""
    facets.clear_cache()
    opened = fill(db_url, tmp_path)
    with opened.transaction() as conn:
        ids = dict(conn.execute(select(documents.c.doc_key, documents.c.id)).all())
        conn.execute(update(events).where(events.c.document_id == ids["hawk-daily"])
                     .values(status="done"))
        conn.execute(update(events).where(events.c.document_id == ids["hawk-wire"])
                     .values(review_state="accepted"))
        conn.execute(update(documents).where(documents.c.id == ids["hawk-daily"])
                     .values(outlet="Wire One"))
    facets.clear_cache()  # written behind the store's back: the kept counts are stale
    yield opened
    opened.close()


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store, Settings(facet_time_limit_ms=60_000)))


COUNTRIES_ONCE = {"country:IN": 1, "country:JP": 1, "country:CL": 1, "country:BR": 1,
                  "country:DE": 1}
ITEMS_ONCE = {"trainer jets": 1, "patrol boats": 1, "coastal radars": 1, "small drones": 1,
              "IRIS-T battery": 1}
OUTLETS_ONCE = {"Gazette": 1, "Review": 1, "Herald": 1, "Post": 1, "Times": 1, "Courier": 1,
                "Monitor": 1}
# every facet with no filter, worked out by hand: (real events, mentions)
FOLDED = {
    "type": {"procurement": 5, "aid": 2},
    "status": {"done": 7, "announced": 1},  # 8 > 7: HAWK counts under both statuses
    "review": {"unreviewed": 7, "accepted": 1},
    "confidence": {"0.9": 1, "0.7": 3, "0.5": 6},
    "party": {"country:UA": 2, "country:US": 1, "country:PL": 1, **COUNTRIES_ONCE},
    "item": {"HAWK missiles": 1, "equipment:k2": 1, **ITEMS_ONCE},
    "country": {"country:UA": 2, "country:US": 1, "country:PL": 1, **COUNTRIES_ONCE},
    "outlet": {"Wire One": 1, **OUTLETS_ONCE},
}
MENTIONS = {
    "type": {"procurement": 6, "aid": 3},
    "status": {"done": 8, "announced": 1},
    "review": {"unreviewed": 8, "accepted": 1},
    "confidence": {"0.9": 1, "0.7": 3, "0.5": 6},
    "party": {"country:UA": 3, "country:US": 2, "country:PL": 2, **COUNTRIES_ONCE},
    "item": {"HAWK missiles": 2, "equipment:k2": 2, **ITEMS_ONCE},
    "country": {"country:UA": 3, "country:US": 2, "country:PL": 2, **COUNTRIES_ONCE},
    "outlet": {"Wire One": 2, **OUTLETS_ONCE},
}


def counted(store: Store, q: EventQuery, fold: bool) -> tuple[dict[str, dict[str, int]], int]:
    found = facets.count_facets(store, q, fold=fold)
    assert found.total is not None and not found.timed_out
    return {name: {v.value: v.events for v in values}
            for name, values in found.facets.items()}, found.total


def test_every_facet_and_the_total_by_real_event_and_by_mention(store):
    assert counted(store, EventQuery(), fold=True) == (FOLDED, 7)
    assert counted(store, EventQuery(), fold=False) == (MENTIONS, 9)
    # status=done keeps HAWK by its daily's report: once, unreviewed, from the wire's outlet
    done, total = counted(store, EventQuery(status="done"), fold=True)
    assert total == 7 and done["status"] == FOLDED["status"]  # its own filter left out
    assert done["type"] == {"procurement": 5, "aid": 2}
    assert done["review"] == {"unreviewed": 7}
    assert done["outlet"] == {"Wire One": 1, **OUTLETS_ONCE}
    assert done["party"]["country:UA"] == 2 and done["party"]["country:US"] == 1
    mentions, total = counted(store, EventQuery(status="done"), fold=False)
    assert total == 8 and mentions["type"] == {"procurement": 6, "aid": 2}
    # from 0.7 up: HAWK (0.9), the tanks (0.8) and the drones (0.7)
    sure, total = counted(store, EventQuery(min_confidence=0.7), fold=True)
    assert total == 3 and sure["status"] == {"done": 3}
    assert sure["party"] == {"country:UA": 1, "country:US": 1, "country:PL": 1,
                             "country:BR": 1}
    assert sure["confidence"] == FOLDED["confidence"]
    # the reviewer's accepted report of an aid package: HAWK by the wire's report only
    accepted, total = counted(store, EventQuery(type="aid", review="accepted"), fold=True)
    assert total == 1 and accepted["status"] == {"announced": 1}
    assert accepted["review"] == {"unreviewed": 2, "accepted": 1}
    # a party given as text: Ukraine receives HAWK (two reports) and IRIS-T
    assert counted(store, EventQuery(party="Ukraine"), fold=True)[1] == 2
    assert counted(store, EventQuery(party="Ukraine"), fold=False)[1] == 3


def test_the_two_counts_are_kept_apart(store):
    assert counted(store, EventQuery(), fold=True)[1] == 7
    assert counted(store, EventQuery(), fold=False)[1] == 9  # not the folded count kept
    assert counted(store, EventQuery(), fold=True)[1] == 7


def facet_section(html: str, name: str) -> dict[str, int]:
    section = html.split(f'data-facet="{name}"', 1)[1].split("</section>", 1)[0]
    return {label: int(n) for label, n in
            re.findall(r'">([^<]+)</a> <span class="count">(\d+)</span>', section)}


def test_the_feed_counts_what_it_lists(client):
    folded = client.get("/").text
    assert '<span class="events-total" data-noun="event">7 events</span>' in folded
    assert "Counts are real events" in folded and "Counts are mentions" not in folded
    assert facet_section(folded, "status") == FOLDED["status"]
    assert facet_section(folded, "type") == FOLDED["type"]
    assert facet_section(folded, "outlet") == FOLDED["outlet"]
    every = client.get("/?rows=mentions").text
    assert '<span class="events-total" data-noun="mention">9 mentions</span>' in every
    assert "Counts are mentions" in every and "Counts are real events" not in every
    assert facet_section(every, "status") == MENTIONS["status"]
    assert facet_section(every, "outlet") == MENTIONS["outlet"]
    # what the feed's script fetches counts the same way as the page it fills in
    got = client.get("/facets.json", params={"facet": ["status", "outlet"]}).json()
    assert got["total"] == 7 and got["rows"] == "events"
    assert {v["value"]: v["events"] for v in got["facets"]["status"]} == FOLDED["status"]
    got = client.get("/facets.json", params={"facet": "status", "rows": "mentions"}).json()
    assert got["total"] == 9 and got["rows"] == "mentions"
    assert {v["value"]: v["events"] for v in got["facets"]["status"]} == MENTIONS["status"]


def test_the_feed_pages_count_real_events(store):
    client = TestClient(create_app(store, Settings(facet_time_limit_ms=60_000,
                                                   feed_page_size=3)))
    assert '<span class="events-total" data-noun="event">7 events</span>' in client.get("/").text
    assert "9 mentions" in client.get("/?rows=mentions").text


def test_the_api_counts_real_events_when_asked(client):
    def api_facets(**params: str) -> dict[str, dict[str, int]]:
        got = client.get("/api/v1/facets", params=params).json()
        return {name: {v["value"]: v["events"] for v in values} for name, values in got.items()}

    assert api_facets(rows="events") == FOLDED
    assert api_facets() == MENTIONS == api_facets(rows="mentions")
    assert api_facets(rows="events", status="done")["review"] == {"unreviewed": 7}
    assert client.get("/api/v1/facets", params={"rows": "bogus"}).status_code in (400, 422)
    stats = client.get("/api/v1/stats", params={"rows": "events"}).json()
    assert stats["events"] == 7 and stats["by_status"] == FOLDED["status"]
    assert stats["by_type"] == FOLDED["type"]
    stats = client.get("/api/v1/stats").json()
    assert stats["events"] == 9 and stats["by_status"] == MENTIONS["status"]
