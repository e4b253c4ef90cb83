"""The page queries on both back ends, over events stored by hand."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import EVIL_NAME, add_hostile
from materiel.models import Argument, CleanDocument, Document, Event, Provenance, Sentence
from materiel.store import Store
from materiel.store.search import split_marks
from materiel.web import queries
from materiel.web.feed import FeedFilter, feed

TEXT = ("Chile ordered two frigates from Babcock on 3 March 2025. "
        "Peru and Chile signed a naval pact on 10 March 2025.")


@pytest.fixture
def store(db_url):
    store = Store.open(db_url)
    doc = Document(id="cl", text=TEXT, outlet="Pacific Post", published="2025-03-11",
                   provenance=Provenance(path="cl.jsonl", record=0, content_hash="cl"))
    cut = TEXT.index(".") + 1
    clean = CleanDocument(doc=doc, text=TEXT, sentences=[
        Sentence(0, cut, TEXT[:cut]), Sentence(cut + 1, len(TEXT), TEXT[cut + 1:])])
    chile = Argument("Chile", name="Chile", id="country:CL")
    found = [
        Event(doc="cl", type="procurement", date="2025-03-03", status="done",
              args={"buyer": [chile], "seller": [Argument("Babcock", id="company:babcock")],
                    "item": [Argument("frigates")]},
              evidence=TEXT[:cut], evidence_start=0, evidence_end=cut, confidence=0.8,
              summary="Chile bought frigates"),
        Event(doc="cl", type="agreement", date="2025-03", status="done",
              args={"party": [Argument("Peru", id="country:PE"), chile]},
              evidence=TEXT[cut + 1:], evidence_start=cut + 1, evidence_end=len(TEXT),
              confidence=0.6, summary="Peru and Chile agree"),
    ]
    with store.transaction() as conn:
        store.add_events(conn, store.add(conn, clean).document_id, clean, found)
    add_hostile(store)
    yield store
    store.close()


def facet(page, name):
    return {value: n for value, _, n in next(f for f in page.facets if f.name == name).values}


def test_feed_filters_facets_and_search(store):
    with store.engine.connect() as conn:
        everything = feed(conn, FeedFilter())
        chile = feed(conn, FeedFilter(party="country:CL"))
        sure = feed(conn, FeedFilter(min_confidence=0.7))
        found = feed(conn, FeedFilter(q="frigate"))
    assert everything.total == 3 and [r["date"] for r in everything.rows] == [
        "2025-07-01", "2025-03-03", "2025-03"]
    assert facet(everything, "type") == {"aid": 1, "procurement": 1, "agreement": 1}
    assert facet(everything, "party")["country:CL"] == 2
    assert facet(chile, "type") == {"procurement": 1, "agreement": 1}
    assert facet(chile, "party") == facet(everything, "party")  # not narrowed by itself
    assert facet(chile, "item") == {"frigates": 1}
    assert facet(chile, "outlet") == {"Pacific Post": 2}
    assert facet(chile, "confidence") == {"0.9": 0, "0.7": 1, "0.5": 2}
    assert [r["type"] for r in sure.rows] == ["procurement"]
    # the document holds the word: both its events; only one's evidence has it to mark
    marked = {r["type"]: r["marked"] for r in found.rows}
    assert marked.keys() == {"procurement", "agreement"} and marked["agreement"] is None
    assert [piece for piece, hit in split_marks(marked["procurement"]) if hit] == ["frigates"]
    assert [d.doc_key for d in found.documents] == ["cl"]


def test_event_entity_and_chart_queries(store):
    with store.engine.connect() as conn:
        ids = {r["type"]: r["id"] for r in feed(conn, FeedFilter()).rows}
        pact = queries.event_detail(conn, ids["agreement"])
        chile = queries.entity_detail(conn, "country:CL")
        evil = queries.entity_detail(conn, EVIL_NAME)
        weeks, series = queries.events_per_week(conn)
        buyers = queries.top_by_role(conn, "buyer")
    assert pact is not None and chile is not None
    assert pact["precision"] == "month"
    assert [a["entity_id"] for a in pact["roles"]["party"]] == ["country:PE", "country:CL"]
    assert [tag for _, tag in pact["supporting"][0]["pieces"]] == [None, "evidence"]
    assert chile["name"] == "Chile" and dict(chile["by_role"]) == {"buyer": 1, "party": 1}
    assert [c[0] for c in chile["counterparts"]] == ["company:babcock", "country:PE"]
    assert evil is not None and evil["name"] == EVIL_NAME
    assert weeks[-1] == date(2025, 6, 30) and sum(series["procurement"]) == 1
    assert "agreement" not in series  # month-precise dates have no week
    assert buyers == [("country:CL", "Chile", 1, "country:CL")]


def test_marked_text_cuts_overlapping_spans():
    pieces = queries.marked_text("abcdefgh", [(5, 7, "b"), (1, 4, "a"), (2, 6, "c")])
    assert pieces == [("a", None), ("bcd", "a"), ("ef", "c"), ("g", "b"), ("h", None)]
