from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from materiel.api.app import create_app
from materiel.api.settings import Settings
from materiel.store import query as q
from workbench import HOSTILE_TITLE, insert_events

API = "/api/v1"


@pytest.fixture
def client(store):
    return TestClient(create_app(store, Settings(default_page_size=3, max_page_size=50)),
                      raise_server_exceptions=False)


def _next_link(response) -> str | None:
    match = re.match(r'<([^>]+)>; rel="next"', response.headers.get("link", ""))
    return match.group(1) if match else None


def _walk(client, url: str) -> list[int]:
    seen = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.text
        seen += [e["event_id"] for e in response.json()["items"]]
        url = _next_link(response)
    return seen


def test_events_carry_the_output_contract_and_where_they_come_from(client):
    items = client.get(f"{API}/events", params={"limit": 50}).json()["items"]
    assert len(items) >= 6
    buy = next(e for e in items if e["type"] == "procurement")
    assert buy["doc"] == "wb-1" and buy["args"]["buyer"][0]["id"] == "country:FI"
    assert buy["outlet"] == "Northern Wire" and buy["date"] == "2025-05-02"
    dates = [e["date"] or "" for e in items]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("params, types", [
    ({"type": "aid"}, {"aid"}),
    ({"country": "FI"}, {"procurement"}),
    ({"country": "Finland"}, {"procurement"}),
    ({"party": "latvia"}, {"aid"}),
    ({"item": "howitzer"}, {"procurement"}),
    ({"outlet": "baltic ledger"}, {"aid", "spending"}),
    ({"status": "announced", "outlet": "Baltic Ledger"}, {"aid", "spending"}),
    ({"from": "2025-06-01", "to": "2025-06-09"}, {"aid"}),
    ({"to": "2025-02"}, {"sanction"}),
    ({"entity": "company:rheinmetall"}, {"production"}),
    ({"doc": "nope"}, set()),
])
def test_filters(client, params, types):
    response = client.get(f"{API}/events", params=params | {"limit": 50})
    assert response.status_code == 200, response.text
    assert {e["type"] for e in response.json()["items"]} == types


def test_link_headers_walk_every_event_once(client, store):
    seen = _walk(client, f"{API}/events?limit=2")
    assert len(seen) == len(set(seen)) == q.count_events(store, q.EventQuery())
    assert _walk(client, f"{API}/events?limit=2&sort=least_confident") != seen
    assert sorted(_walk(client, f"{API}/events?limit=2&sort=least_confident")) == sorted(seen)


def test_cursor_pagination_is_stable_while_rows_are_inserted(client, store):
    before = {e["event_id"] for e in q.iter_events(store, q.EventQuery())}
    seen: list[int] = []
    url: str | None = f"{API}/events?limit=2"
    pages = 0
    while url:
        response = client.get(url)
        seen += [e["event_id"] for e in response.json()["items"]]
        url = _next_link(response)
        pages += 1
        # new events before, inside and after the window already read
        insert_events(store, f"p{pages}", ["2025-12-01", "2025-05-15", "2024-01-01", ""])
    assert len(seen) == len(set(seen)), "an event came twice"
    assert before <= set(seen), "an event was skipped"


def test_one_event_has_its_arguments_offsets_and_sentence(client, store):
    event_id = q.event_page(store, q.EventQuery(type="procurement")).items[0]["event_id"]
    event = client.get(f"{API}/events/{event_id}").json()
    roles = {a["role"] for a in event["arguments"]}
    assert {"buyer", "seller", "item", "quantity"} <= roles
    doc = store.get_document(event["document_id"])
    for arg in event["arguments"]:
        if arg["start"] is not None:
            assert doc.clean_text[arg["start"]:arg["end"]] == arg["text"]
    assert doc.clean_text[event["evidence_start"]:event["evidence_end"]] == event["evidence"]
    assert event["sentence"]["start"] <= event["evidence_start"]


@pytest.mark.parametrize("url, status, code", [
    (f"{API}/events/999999", 404, "not_found"),
    (f"{API}/events/abc", 422, "invalid_request"),
    (f"{API}/events?type=purchase", 400, "bad_request"),
    (f"{API}/events?country=Atlantis", 400, "bad_request"),
    (f"{API}/events?from=2025-13", 400, "bad_request"),
    (f"{API}/events?cursor=not-a-cursor", 400, "bad_request"),
    (f"{API}/events?limit=51", 400, "page_size"),
    (f"{API}/events?min_confidence=2", 422, "invalid_request"),
    (f"{API}/documents/nothing-here", 404, "not_found"),
    (f"{API}/entities/country:ZZ", 404, "not_found"),
    (f"{API}/no/such/route", 404, "not_found"),
    (f"{API}/export?format=docx", 400, "bad_request"),
])
def test_errors_share_one_shape(client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code and error["message"]


def test_a_crash_is_a_json_500(client, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(q, "count_events", broken)
    response = client.get(f"{API}/stats")
    assert response.status_code == 500
    assert response.json() == {"error": {"code": "internal_error", "message": "internal error"}}


def test_a_cursor_of_another_sort_is_refused(client):
    first = client.get(f"{API}/events?limit=1").json()["next_cursor"]
    response = client.get(f"{API}/events", params={"sort": "least_confident", "cursor": first})
    assert response.status_code == 400


def test_markup_in_articles_comes_back_as_escaped_data(client):
    response = client.get(f"{API}/documents/wb-1")
    body = response.text
    assert "<" not in body and ">" not in body  # every < and > is \u-escaped
    doc = response.json()
    assert doc["title"] == HOSTILE_TITLE and doc["url"] == "javascript:alert(1)"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-type"].startswith("application/json")
    events = client.get(f"{API}/events", params={"doc": "wb-1"})
    assert "<" not in events.text and events.json()["items"][0]["title"] == HOSTILE_TITLE


def test_documents_pages_and_one_document_with_sentences_and_events(client):
    listed = client.get(f"{API}/documents?limit=4")
    assert len(listed.json()["items"]) == 4 and _next_link(listed)
    rest = client.get(_next_link(listed)).json()["items"]
    assert len(rest) == 2 and not {d["id"] for d in rest} & {
        d["id"] for d in listed.json()["items"]}
    doc = client.get(f"{API}/documents/wb-2").json()
    assert doc["sentences"] and doc["events"][0]["type"] == "aid"
    assert client.get(f"{API}/documents/{doc['id']}").json()["doc_key"] == "wb-2"


def test_a_cluster_of_copies_with_the_story_events(client, store):
    from materiel.models import CleanDocument, Document, Provenance, Sentence

    original = store.get_document("wb-2")
    text = original.clean_text + " (AP)"
    copy = Document(id="wb-2-copy", text=text, outlet="Copy Desk",
                    provenance=Provenance(path="copy.jsonl", record=0, content_hash="copy"))
    with store.transaction() as conn:
        added = store.add(conn, CleanDocument(doc=copy, text=text,
                                              sentences=[Sentence(0, len(text), text)]))
    assert added.cluster_id is not None  # taken for a copy of wb-2
    cluster = client.get(f"{API}/clusters/{added.cluster_id}").json()
    assert [(d["doc_key"], d["canonical"]) for d in cluster["documents"]] == [
        ("wb-2", True), ("wb-2-copy", False)]
    assert cluster["canonical_document_id"] == original.id
    assert [e["event_id"] for e in cluster["events"]] == [
        e["event_id"] for e in client.get(f"{API}/documents/wb-2").json()["events"]]
    assert cluster["events"] and all(e["sources"] >= 1 for e in cluster["events"])
    missing = client.get(f"{API}/clusters/999999")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_entity_with_its_events(client):
    entity = client.get(f"{API}/entities/country:FI").json()
    assert entity["name"] == "Finland" and entity["by_role"] == {"buyer": 1}
    assert [e["type"] for e in entity["items"]] == ["procurement"]
    assert entity["counterparts"][0]["entity"] == "company:hanwha-aerospace"


def test_statistics_and_facets(client, store):
    stats = client.get(f"{API}/stats").json()
    assert sum(stats["by_type"].values()) == stats["events"] == store.count_events()
    assert sum(w["events"] for w in stats["per_week"]) == stats["events"]
    assert {"week": "2025-W23", "type": "aid", "events": 1} not in stats["per_week"]
    assert {"week": "2025-W24", "type": "aid", "events": 1} in stats["per_week"]
    facets = client.get(f"{API}/facets", params={"type": "aid"}).json()
    # a facet leaves out its own filter: the other types stay countable
    assert {f["value"] for f in facets["type"]} >= {"aid", "procurement", "sanction"}
    assert facets["outlet"] == [{"value": "Baltic Ledger", "label": "Baltic Ledger", "events": 1}]
    assert {f["label"] for f in facets["party"]} == {"Estonia", "Latvia", "Ukraine"}


def test_openapi_schema_lists_the_endpoints(client):
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    assert {f"{API}/events", f"{API}/events/{{event_id}}", f"{API}/documents",
            f"{API}/clusters/{{cluster_id}}", f"{API}/entities/{{entity_id}}", f"{API}/stats",
            f"{API}/export"} <= set(paths)
    names = {p["name"] for p in paths[f"{API}/events"]["get"]["parameters"]}
    assert {"type", "party", "country", "status", "outlet", "from", "to", "cursor"} <= names


def test_export_endpoint_streams_with_a_manifest_header(client):
    response = client.get(f"{API}/export", params={"format": "csv", "type": "aid", "bom": True})
    assert response.status_code == 200
    assert response.content.startswith("\ufeff".encode())
    manifest = json.loads(response.headers["x-materiel-manifest"])
    assert manifest["query"] == {"type": "aid"} and manifest["database"]["last_change"]
    assert response.text.count("\n") == 2  # the header and one event
    assert 'filename="events.csv"' in response.headers["content-disposition"]
