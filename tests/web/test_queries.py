"""The page queries on both back ends, over events stored by hand."""

from __future__ import annotations

from datetime import date

import pytest
from corpus import EVIL_NAME, add_hostile

from materiel.models import Argument, CleanDocument, Document, Event, Provenance, Sentence
from materiel.store import Store, facets, views
from materiel.store.query import EventQuery
from materiel.store.search import split_marks
from materiel.web.feed import FeedParams

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


def facet(feed, name):
    return {value: n for value, _, n in feed.facets[name]}


def test_feed_filters_facets_and_search(store):
    everything = views.feed(store, EventQuery())
    chile = views.feed(store, EventQuery(party="country:CL"))
    sure = views.feed(store, EventQuery(min_confidence=0.7))
    found = views.feed(store, EventQuery(text="frigate"))
    assert everything.total == 3 and [r["date"] for r in everything.items] == [
        "2025-07-01", "2025-03-03", "2025-03"]
    assert facet(everything, "type") == {"aid": 1, "procurement": 1, "agreement": 1}
    assert facet(everything, "party")["country:CL"] == 2
    assert facet(everything, "country") == {"country:CL": 2, "country:PE": 1}
    assert facet(everything, "review") == {"unreviewed": 3}
    assert facet(chile, "type") == {"procurement": 1, "agreement": 1}
    assert facet(chile, "party") == facet(everything, "party")  # not narrowed by itself
    assert facet(chile, "item") == {"frigates": 1}
    assert facet(chile, "outlet") == {"Pacific Post": 2}
    assert facet(chile, "confidence") == {"0.9": 0, "0.7": 1, "0.5": 2}
    assert [r["type"] for r in sure.items] == ["procurement"]
    # the document holds the word: both its events; only one's evidence has it to mark
    marked = {r["type"]: r["marked"] for r in found.items}
    assert marked.keys() == {"procurement", "agreement"} and marked["agreement"] is None
    assert [piece for piece, hit in split_marks(marked["procurement"]) if hit] == ["frigates"]
    assert [d.doc_key for d in found.documents] == ["cl"]


def test_facet_counts_are_cached_until_the_database_changes(store):
    first = facets.facet_counts(store, EventQuery())
    # no time at all to count: every facet comes from what was kept
    kept = facets.count_facets(store, EventQuery(), time_limit=0)
    assert kept.facets == first and kept.timed_out == ()
    late = Document(id="late", text="Peru ordered drones.", outlet="Andes Wire",
                    provenance=Provenance(path="late.jsonl", record=0, content_hash="late"))
    clean = CleanDocument(doc=late, text=late.text, sentences=[Sentence(0, 20, late.text)])
    with store.transaction() as conn:
        store.add_events(conn, store.add(conn, clean).document_id, clean, [
            Event(doc="late", type="procurement", args={"buyer": [Argument("Peru")]},
                  evidence=late.text, evidence_start=0, evidence_end=20)])
    # what was kept is for the database as it was: nothing of it is given now
    stale = facets.count_facets(store, EventQuery(), time_limit=0)
    assert stale.facets == {} and stale.timed_out == facets.FACETS and stale.total is None
    again = facets.facet_counts(store, EventQuery())
    assert {v: n for v, _, n in again["type"]}["procurement"] == 2


def test_the_feed_pages_by_cursor(store):
    first = views.feed(store, EventQuery(), limit=2)
    assert len(first.items) == 2 and first.next_cursor
    rest = views.feed(store, EventQuery(), cursor=first.next_cursor, limit=2)
    assert rest.next_cursor is None
    assert [e["date"] for e in first.items + rest.items] == ["2025-07-01", "2025-03-03", "2025-03"]
    with pytest.raises(ValueError):
        views.feed(store, EventQuery(), cursor="not-a-cursor")


def test_feed_params_make_queries_and_links():
    params = FeedParams.parse({"type": "aid", "q": " drones ", "page": "3", "cursor": "abc",
                               "min_confidence": "0.7", "party": ""})
    assert params.values == {"type": "aid", "q": "drones", "min_confidence": "0.7"}
    assert params.query() == EventQuery(type="aid", text="drones", min_confidence=0.7)
    assert params.link(type=None) == "/?min_confidence=0.7&q=drones"
    assert "min_confidence=0.9" in params.link(confidence="0.9")
    assert params.page_link("xyz").endswith("&cursor=xyz")
    assert params.count_link().endswith("&cursor=abc&counts=all")
    assert FeedParams.parse({"counts": "all"}).count_all and not params.count_all
    assert params.counts_url(["party", "item"]).endswith("&facet=party&facet=item")
    dated = FeedParams.parse({"type": "aid", "date_from": "2025-03", "date_to": "2025-04"})
    assert dated.export_link("csv") == ("/api/v1/export?type=aid&from=2025-03&to=2025-04"
                                        "&format=csv")
    with pytest.raises(ValueError):
        FeedParams.parse({"min_confidence": "high"}).query()


def test_event_entity_and_chart_queries(store):
    ids = {r["type"]: r["event_id"] for r in views.feed(store, EventQuery()).items}
    pact = views.event_detail(store, ids["agreement"])
    chile = views.entity_detail(store, "country:CL")
    evil = views.entity_detail(store, EVIL_NAME)
    weeks, series = views.weekly_counts(store)
    tops = views.top_by_roles(store, ("buyer", "party", "donor", "producer"), limit=1)
    assert pact is not None and chile is not None
    assert pact["precision"] == "month"
    assert [a["id"] for a in pact["args"]["party"]] == ["country:PE", "country:CL"]
    assert [tag for _, tag in pact["supporting"][0]["pieces"]] == [None, "evidence"]
    assert chile["name"] == "Chile" and chile["by_role"] == {"buyer": 1, "party": 1}
    assert [c["entity"] for c in chile["counterparts"]] == ["company:babcock", "country:PE"]
    assert [e["roles"] for e in chile["timeline"]] == [["buyer"], ["party"]]
    assert evil is not None and evil["name"] == EVIL_NAME
    assert weeks[-1] == date(2025, 6, 30) and sum(series["procurement"]) == 1
    assert "agreement" not in series  # month-precise dates have no week
    assert tops["buyer"] == [("country:CL", "Chile", 1, "country:CL")]
    assert tops["party"] == [("country:CL", "Chile", 1, "country:CL")]  # 2 parties, 1 each
    assert tops["producer"] == [] and len(tops["donor"]) == 1
    assert views.country_counts(store) == {"CL": 2, "PE": 1}


def test_a_located_event_counts_once_for_its_country(store):
    text = "Kyiv got radars in Odesa. Drones hit Odesa. Poland and Kyiv met in Odesa."
    doc = Document(id="ua", text=text, provenance=Provenance(path="ua.jsonl", record=0))
    clean = CleanDocument(doc=doc, text=text, sentences=[Sentence(0, len(text), text)])
    odesa = Argument("Odesa", id="geonames:698740")  # a place of the gazetteer, in UA
    found = [Event(doc="ua", type=kind, args=args, evidence=text, evidence_start=0,
                   evidence_end=len(text))
             for kind, args in [
                 ("aid", {"recipient": [Argument("Kyiv", id="country:UA")],
                          "location": [odesa]}),
                 ("strike", {"location": [odesa]}),
                 ("meeting", {"participant": [Argument("Poland", id="country:PL")],
                              "location": [odesa]})]]
    with store.transaction() as conn:
        store.add_events(conn, store.add(conn, clean).document_id, clean, found)
    assert views.country_counts(store) == {"CL": 2, "PE": 1, "UA": 3, "PL": 1}
    assert views.country_counts(store, EventQuery(type="meeting")) == {"UA": 1, "PL": 1}


def test_marked_text_cuts_overlapping_spans():
    pieces = views.marked_text("abcdefgh", [(5, 7, "b"), (1, 4, "a"), (2, 6, "c")])
    assert pieces == [("a", None), ("bcd", "a"), ("ef", "c"), ("g", "b"), ("h", None)]
