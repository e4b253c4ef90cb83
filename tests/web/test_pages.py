"""Each page renders from a store filled by the real pipeline; filters, facets and search."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from materiel.store import Store, facets
from materiel.store.events import PARTY_ROLES
from materiel.store.query import EventQuery, iter_events


def event_links(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<td class="summary"><a href="/events/(\d+)#evidence"',
                                       html)]


def listed(store: Store, **fields: object) -> list[dict]:
    """The events the query layer lists (one copy per story unless asked)."""
    return list(iter_events(store, EventQuery(**fields)))  # type: ignore[arg-type]


def facet_counts(html: str, name: str) -> dict[str, int]:
    section = html.split(f'data-facet="{name}"', 1)[1].split("</section>", 1)[0]
    return {label: int(n) for label, n in
            re.findall(r'">([^<]+)</a> <span class="count">(\d+)</span>', section)}


def test_every_page_renders(client, filled_store):
    first = listed(filled_store)[0]
    for path in ("/", "/charts", f"/events/{first['event_id']}",
                 f"/documents/{first['document_id']}", "/entities/country:DE",
                 "/static/style.css", "/static/app.js"):
        assert client.get(path).status_code == 200, path
    assert client.get("/events/999999").status_code == 404
    assert client.get("/entities/country:XX").status_code == 404
    assert client.get("/?type=bogus").status_code == 400
    assert client.get("/?date_from=2025-13").status_code == 400
    bad = client.get("/?min_confidence=" + "<b>x</b>")
    assert bad.status_code == 400 and "text/html" in bad.headers["content-type"]
    assert "&lt;b&gt;x&lt;/b&gt;" in bad.text and "<b>x" not in bad.text


def test_feed_lists_a_story_once_with_its_copies_and_outlets(client, filled_store):
    every = listed(filled_store)  # one copy per story
    html = client.get("/").text
    assert sorted(event_links(html)) == sorted(e["event_id"] for e in every)
    aid = next(e for e in every if e["type"] == "aid" and e["doc"] == "de-air-defence")
    row = html.split(f'href="/events/{aid["event_id"]}#evidence"', 1)[1].split("</tr>", 1)[0]
    # two documents, two outlets: those of the canonical event, which links to the list
    assert re.findall(r'class="num (?:sources|outlets)"[^>]*>(?:<a [^>]*>)?(\d+)<',
                      row) == ["2", "2"]
    assert re.search(r'<td class="num sources"><a href="/canonical/\d+"', row)
    # listing every mention, the row links to the event's own list of reports
    mentions = client.get("/?rows=mentions").text
    row = mentions.split(f'href="/events/{aid["event_id"]}#evidence"', 1)[1]
    assert f'href="/events/{aid["event_id"]}#reported-by"' in row.split("</tr>", 1)[0]


def test_type_filter_and_facet_counts(client, filled_store):
    every = listed(filled_store)
    by_type = Counter(e["type"] for e in every)
    html = client.get("/?type=aid").text
    assert sorted(event_links(html)) == sorted(e["event_id"] for e in every
                                               if e["type"] == "aid")
    # a facet counts under the other filters, not its own: every type is still offered
    assert facet_counts(html, "type") == dict(by_type)
    assert facet_counts(html, "status") == dict(Counter(e["status"] for e in every
                                                        if e["type"] == "aid"))


def test_party_outlet_and_confidence_filters(client, filled_store):
    every = listed(filled_store)
    germany = {e["event_id"] for e in every if any(
        a.get("id") == "country:DE" for role in PARTY_ROLES for a in e["args"].get(role, []))}
    by_party = event_links(client.get("/?party=country:DE").text)
    assert germany and sorted(by_party) == sorted(germany)
    # an outlet that only carried the copy still finds the story
    copy = set(event_links(client.get("/?outlet=Continental Monitor").text))
    assert copy == {e["event_id"] for e in every if e["doc"] == "de-air-defence"}
    sure = {e["event_id"] for e in every if e["confidence"] >= 0.9}
    assert set(event_links(client.get("/?min_confidence=0.9").text)) == sure
    counts = facets.facet_counts(filled_store, EventQuery(party="country:DE"))
    outlets = {v: n for v, _, n in counts["outlet"]}
    assert outlets == {"Berlin Security Daily": len(germany), "Continental Monitor": len(germany)}


def test_date_range(client, filled_store):
    june = {e["event_id"] for e in listed(filled_store, date_from="2025-06", date_to="2025-06")}
    assert june and set(event_links(client.get("/?date_from=2025-06&date_to=2025-06").text)) == june


def test_search_highlights_the_hit_in_evidence_and_documents(client, filled_store):
    html = client.get("/?q=howitzer").text  # the stem finds "howitzers"
    finland = [e for e in listed(filled_store) if e["doc"] == "fi-howitzers"]
    assert event_links(html) == [e["event_id"] for e in finland]
    assert '<div class="hit">Finland ordered 40 K9 <mark>howitzers</mark>' in html
    assert '<a href="/documents/' in html.split("Documents matching", 1)[1]
    # a search that only the document's text holds still lists the document's events
    assert set(event_links(client.get("/?q=ministry").text)) == {e["event_id"] for e in finland}


@pytest.mark.parametrize("query", ['"unclosed', "AND OR NOT", "a* (b", "-x", "NEAR(", "'; --"])
def test_search_syntax_never_fails(client, query):
    assert client.get("/", params={"q": query}).status_code == 200


def test_event_page_shows_roles_and_evidence_in_every_copy(client, filled_store):
    aid = next(e for e in listed(filled_store) if e["doc"] == "de-air-defence"
               and e["type"] == "aid")
    html = client.get(f"/events/{aid['event_id']}").text
    assert 'href="/entities/country%3ADE"' in html and 'href="/entities/country%3AUA"' in html
    assert "(day)" in html
    assert html.count('<mark class="evidence"') == 2  # the story's own document and its copy
    assert html.count('id="evidence"') == 1
    assert f'<mark class="evidence" id="evidence">{aid["evidence"]}</mark>' in html


def test_document_page_marks_event_sentences_and_lists_the_story(client, filled_store):
    doc = filled_store.get_document("de-air-defence")
    mine = [e for e in listed(filled_store, doc="de-air-defence")]
    html = client.get(f"/documents/{doc.id}").text
    for e in mine:
        assert f'href="/events/{e["event_id"]}#evidence"' in html
    assert "<mark>Germany pledged four IRIS-T" in html
    assert "de-air-defence-copy" in html and "Continental Monitor" in html
    assert "Removed by cleaning" in html


def test_entity_page_timeline_counts_and_counterparts(client, filled_store):
    html = client.get("/entities/country:DE").text
    germany = [e for e in listed(filled_store) if any(
        a.get("id") == "country:DE" for args in e["args"].values() for a in args)]
    for e in germany:
        assert f'href="/events/{e["event_id"]}#evidence"' in html
    counterparts = html.split("Top counterparts", 1)[1]
    assert 'href="/entities/country%3AUA">Ukraine</a>' in counterparts


def test_charts_are_server_side_svg(client, filled_store):
    html = client.get("/charts").text
    weekly, ranked = html.split("Top donors", 1)
    weekly, world = weekly.split('<section class="map">', 1)
    assert weekly.count("<svg") == 1 and "<rect" in weekly
    assert world.count("<svg") == 1
    sections = ranked.split("<section>")
    assert len(sections) == 5 and all("<svg" in s or "None yet" in s for s in sections)
    assert "<script" not in html.split("</head>", 1)[1]
    assert ">Germany</text>" in html.split("Top donors", 1)[1]


def test_world_map_shades_the_countries_of_events(client, filled_store):
    html = client.get("/charts").text
    world = html.split('<svg class="worldmap"', 1)[1].split("</svg>", 1)[0]
    named = Counter()
    for e in listed(filled_store):
        codes = {a["id"].removeprefix("country:") for args in e["args"].values() for a in args
                 if a.get("id", "").startswith("country:")}
        named.update(codes)
    assert named["DE"] >= 1 and named["UA"] >= 1
    shown = {code: int(n) for code, n in re.findall(
        r'data-country="([A-Z]{2})" data-events="(\d+)"', world)}
    assert len(shown) > 150  # every country of the outline is drawn
    for code in ("DE", "UA", "FI"):
        assert shown[code] == named[code]
    assert '<a href="/?country=DE"><g class="country" data-country="DE"' in world
    assert shown["BR"] == 0 and 'href="/?country=BR"' not in world
    # a country filter from the map lists exactly the events naming it
    assert set(event_links(client.get("/?country=DE").text)) == {
        e["event_id"] for e in listed(filled_store)
        if any(a.get("id") == "country:DE" for args in e["args"].values() for a in args)}


def test_event_page_lists_who_reported_the_event(client, filled_store):
    aid = next(e for e in listed(filled_store)
               if e["type"] == "aid" and e["doc"] == "de-air-defence")
    html = client.get(f"/events/{aid['event_id']}").text
    block = html.split('id="reported-by"', 1)[1].split("</section>", 1)[0]
    assert "Reported by 2 sources" in block
    assert "(Berlin Security Daily, Continental Monitor)" in block
    assert block.count('<a href="/documents/') == 2
