from __future__ import annotations

import pytest

from materiel.models import Argument, CleanDocument, Document, Event, Provenance, Sentence
from materiel.store import EventFilter, Store

TEXT = ("Finland ordered 40 howitzers from a Korean maker on 2 May. "
        "Estonia and Latvia pledged radars to Ukraine on 9 June.")


@pytest.fixture
def stored(db_url):
    store = Store.open(db_url)
    doc = Document(id="ev-1", text=TEXT, published="2025-06-10",
                   provenance=Provenance(path="x.jsonl", record=0, content_hash="h"))
    first = TEXT.index(".") + 1
    clean = CleanDocument(doc=doc, text=TEXT, sentences=[
        Sentence(0, first, TEXT[:first]), Sentence(first + 1, len(TEXT), TEXT[first + 1:])])
    buy = Event(doc="ev-1", type="procurement", date="2025-05-02", status="done",
                args={"buyer": [Argument("Finland", name="Finland", id="country:FI")],
                      "item": [Argument("howitzers")],
                      "quantity": [Argument("40", value=40.0)]},
                evidence=TEXT[:first], evidence_start=0, evidence_end=first)
    give = Event(doc="ev-1", type="aid", date="2025-06-09", status="announced",
                 args={"donor": [Argument("Estonia", id="country:EE"), Argument("Latvia")],
                       "recipient": [Argument("Ukraine")], "item": [Argument("radars")]},
                 evidence=TEXT[first + 1:], evidence_start=first + 1, evidence_end=len(TEXT))
    with store.transaction() as conn:
        result = store.add(conn, clean)
        store.add_events(conn, result.document_id, clean, [buy, give])
    yield store
    store.close()


def test_events_round_trip_in_the_output_contract(stored):
    rows = stored.events()
    assert [r["type"] for r in rows] == ["aid", "procurement"]  # newest first
    buy = rows[1]
    assert buy["args"]["quantity"] == [{"text": "40", "value": 40.0}]
    assert buy["args"]["buyer"][0]["id"] == "country:FI"
    assert buy["evidence"].startswith("Finland ordered")
    assert TEXT[buy["evidence_start"]:buy["evidence_end"]] == buy["evidence"]
    assert [a["text"] for a in rows[0]["args"]["donor"]] == ["Estonia", "Latvia"]


@pytest.mark.parametrize("flt, expected", [
    (EventFilter(type="aid"), ["aid"]),
    (EventFilter(party="latvia"), ["aid"]),
    (EventFilter(party="country:FI"), ["procurement"]),
    (EventFilter(item="howitzer"), ["procurement"]),
    (EventFilter(date_from="2025-06"), ["aid"]),
    (EventFilter(date_to="2025-05"), ["procurement"]),
    (EventFilter(doc="nope"), []),
])
def test_filters(stored, flt, expected):
    assert [r["type"] for r in stored.events(flt)] == expected
