from __future__ import annotations

import pytest

from materiel.models import Argument, CleanDocument, Document, Event, Provenance, Sentence
from materiel.store import Store
from materiel.store.query import EventQuery, iter_events

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
                evidence=TEXT[:first], evidence_start=0, evidence_end=first, confidence=0.9)
    give = Event(doc="ev-1", type="aid", date="2025-06-09", status="announced",
                 args={"donor": [Argument("Estonia", id="country:EE"), Argument("Latvia")],
                       "recipient": [Argument("Ukraine")], "item": [Argument("radars")]},
                 evidence=TEXT[first + 1:], evidence_start=first + 1, evidence_end=len(TEXT),
                 confidence=0.4)
    with store.transaction() as conn:
        result = store.add(conn, clean)
        store.add_events(conn, result.document_id, clean, [buy, give])
    yield store
    store.close()


def listed(store: Store, q: EventQuery | None = None) -> list[dict]:
    return list(iter_events(store, q or EventQuery()))


def test_events_round_trip_in_the_output_contract(stored):
    rows = listed(stored)
    assert [r["type"] for r in rows] == ["aid", "procurement"]  # newest first
    buy = rows[1]
    assert buy["args"]["quantity"] == [{"text": "40", "value": 40.0}]
    assert buy["args"]["buyer"][0]["id"] == "country:FI"
    assert buy["evidence"].startswith("Finland ordered")
    assert TEXT[buy["evidence_start"]:buy["evidence_end"]] == buy["evidence"]
    assert [a["text"] for a in rows[0]["args"]["donor"]] == ["Estonia", "Latvia"]


@pytest.mark.parametrize("q, expected", [
    (EventQuery(type="aid"), ["aid"]),
    (EventQuery(party="latvia"), ["aid"]),
    (EventQuery(party="country:FI"), ["procurement"]),
    (EventQuery(item="howitzer"), ["procurement"]),
    (EventQuery(date_from="2025-06"), ["aid"]),
    (EventQuery(date_to="2025-05"), ["procurement"]),
    (EventQuery(doc="nope"), []),
])
def test_filters(stored, q, expected):
    assert [r["type"] for r in listed(stored, q)] == expected


@pytest.fixture
def wildcards(db_url):
    """Items whose text holds the characters LIKE treats specially."""
    store = Store.open(db_url)
    doc = Document(id="wild", text=TEXT, provenance=Provenance(path="w.jsonl", record=0))
    clean = CleanDocument(doc=doc, text=TEXT, sentences=[Sentence(0, len(TEXT), TEXT)])
    items = ["50% stake", "model_x", "back\\slash", "AN/TPQ-53 radar", "plain"]
    found = [Event(doc="wild", type="procurement", date=f"2025-01-0{i + 1}",
                   args={"item": [Argument(text)], "buyer": [Argument(f"buyer {text}")]},
                   evidence=TEXT)
             for i, text in enumerate(items)]
    with store.transaction() as conn:
        store.add_events(conn, store.add(conn, clean).document_id, clean, found)
    yield store
    store.close()


@pytest.mark.parametrize("needle, expected", [
    ("%", ["50% stake"]),
    ("0% s", ["50% stake"]),
    ("_", ["model_x"]),
    ("l_x", ["model_x"]),
    ("mo_el", []),  # as a wildcard "_" would match the "d" of "model"
    ("\\", ["back\\slash"]),
    ("k\\s", ["back\\slash"]),
    ("n/t", ["AN/TPQ-53 radar"]),  # "/" is the escape character: literal too
    ("%%", []),
    ("plain", ["plain"]),
])
def test_like_wildcards_in_filters_are_literal(wildcards, needle, expected):
    for q in (EventQuery(item=needle), EventQuery(party=needle)):
        rows = listed(wildcards, q)
        assert sorted(r["args"]["item"][0]["text"] for r in rows) == expected, q


@pytest.mark.parametrize("bad", [
    {"type": "bogus"}, {"date_from": "2025-13"}, {"date_to": "yesterday"},
    {"date_from": "2025-02-30"}, {"min_confidence": 1.5}, {"min_confidence": -0.1},
])
def test_filter_values_are_checked(bad):
    with pytest.raises(ValueError):
        EventQuery(**bad)


def test_the_widest_window_runs_on_both_back_ends(stored):
    from materiel.bounds import MAX_OFFSET, MAX_ROWS

    # the CLI asks for one more than its largest --limit, to tell whether it cut the list
    assert len(list(iter_events(stored, EventQuery(), limit=MAX_ROWS + 1))) == 2
    assert len(stored.list_documents(limit=MAX_ROWS)) == 1
    assert stored.list_documents(limit=MAX_ROWS, offset=MAX_OFFSET) == []
    for limit, offset in ((-1, 0), (0, 0), (MAX_ROWS + 1, 0), (1, -1), (1, 10**20)):
        with pytest.raises(ValueError):
            stored.list_documents(limit=limit, offset=offset)


@pytest.mark.parametrize("key", ["99999999999999999999", "2147483648", "\u00b2", "\u0661", "-1"])
def test_document_keys_that_are_not_store_ids(stored, key):
    assert stored.get_document(key) is None


def test_min_confidence_keeps_the_likely_events(stored):
    assert [r["type"] for r in listed(stored, EventQuery(min_confidence=0.5))] == [
        "procurement"]
    assert len(listed(stored, EventQuery(min_confidence=0.4))) == 2
