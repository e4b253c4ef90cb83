"""The feed folds the mentions of one real event into one row (SQLite and PostgreSQL): every
page order and filter lists each real event once, at its first mention the filters keep;
`rows=mentions` lists every mention; the API lists mentions unless asked to fold, and the
CSV export keeps them."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from folding_corpus import ARTICLES, PAIRS, fill
from materiel.api.app import create_app
from materiel.api.settings import Settings
from materiel.link.records import canonical_of
from materiel.store import Store, facets
from materiel.store.query import EventQuery, event_page, iter_events


@pytest.fixture
def store(db_url, tmp_path) -> Iterator[Store]:
    facets.clear_cache()
    opened = fill(db_url, tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store, Settings(facet_time_limit_ms=60_000)))


def ids_of(store: Store, *docs: str) -> list[int]:
    mentions = {e["doc"]: e["event_id"] for e in iter_events(store, EventQuery())}
    return [mentions[d] for d in docs]


def expected_rows(store: Store, q: EventQuery) -> list[int]:
    """Worked out the long way: every mention in order, each real event's first one kept."""
    every = [e["event_id"] for e in iter_events(store, q)]
    with store.engine.connect() as conn:
        links = canonical_of(conn, every)
    seen: set[int] = set()
    kept = []
    for event_id in every:
        group = links.get(event_id, -event_id)
        if group not in seen:
            seen.add(group)
            kept.append(event_id)
    return kept


def paged(store: Store, q: EventQuery, limit: int) -> list[int]:
    rows: list[int] = []
    cursor = None
    while True:
        page = event_page(store, q, limit=limit, cursor=cursor, fold=True)
        assert len(page.items) <= limit
        rows += [e["event_id"] for e in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return rows


QUERIES = [EventQuery(), EventQuery(sort="least_confident"), EventQuery(sort="document"),
           EventQuery(type="aid"), EventQuery(min_confidence=0.25),
           EventQuery(min_confidence=0.25, sort="least_confident"),
           EventQuery(party="Ukraine")]


@pytest.mark.parametrize("q", QUERIES, ids=lambda q: str(q.to_json()) or "all")
def test_pages_list_each_real_event_once_in_order(store, q):
    expected = expected_rows(store, q)
    mentions = sum(1 for _ in iter_events(store, q))
    assert len(expected) < mentions or q.type == "aid" or q.party  # something was folded
    for limit in (1, 2, 3, 50):
        assert paged(store, q, limit) == expected, limit


def test_a_filter_shows_the_real_event_at_the_mention_it_keeps(store):
    wire, daily = ids_of(store, "hawk-wire", "hawk-daily")
    # by confidence the wire's mention (0.2) comes first; above 0.25 only the daily's is left
    assert wire in paged(store, EventQuery(sort="least_confident"), 2)
    kept = paged(store, EventQuery(sort="least_confident", min_confidence=0.25), 2)
    assert daily in kept and wire not in kept


def feed_rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr[^>]*>.*?</tr>", body, flags=re.S)


def test_the_feed_shows_one_row_per_real_event_and_a_toggle_to_every_mention(store, client):
    html = client.get("/").text
    rows = feed_rows(html)
    assert len(rows) == len(ARTICLES) - len(PAIRS)
    wire, daily = ids_of(store, "hawk-wire", "hawk-daily")
    with store.engine.connect() as conn:
        group = canonical_of(conn, [wire])[wire]
    row = next(r for r in rows if f'data-canonical="{group}"' in r)
    assert f'href="/events/{daily}#evidence"' in row  # the newest mention stands for it
    assert f'<a class="mentions" href="/canonical/{group}">2 mentions</a>' in row
    assert f'<td class="num sources"><a href="/canonical/{group}"' in row
    assert ">2</a></td>" in row and 'title="Daily, Wire One">2</td>' in row
    assert ">Ukraine</a><span class=\"role\"> recipient" in row
    # what is counted is said: rows, facets and the total are real events
    assert "Counts are real events" in html
    assert '<span class="events-total" data-noun="event">7 events</span>' in html
    toggle = re.search(r'<a class="rows-toggle" href="([^"]+)">list every mention</a>', html)
    assert toggle and toggle.group(1) == "/?rows=mentions"

    every = client.get("/?rows=mentions").text
    assert len(feed_rows(every)) == len(ARTICLES)
    assert f'href="/events/{wire}#evidence"' in every and "9 mentions" in every
    assert "Counts are mentions" in every
    assert '<a class="rows-toggle" href="/">one row per real event</a>' in every
    # the mode stays with the filters, facet links and pages it leads to
    assert 'href="/?rows=mentions&amp;type=aid"' in every
    assert 'name="rows" value="mentions"' in every


def test_the_feed_pages_real_events(store):
    client = TestClient(create_app(store, Settings(facet_time_limit_ms=60_000,
                                                   feed_page_size=3)))
    shown: list[int] = []
    path = "/"
    while path:
        html = client.get(path).text
        shown += [int(i) for i in re.findall(r'<td class="summary"><a href="/events/(\d+)#',
                                             html)]
        older = re.search(r'href="(/\?[^"]*)" rel="next"', html)
        path = older.group(1).replace("&amp;", "&") if older else ""
    assert shown == expected_rows(store, EventQuery())
    # over several pages too, the total counts real events
    assert '<span class="events-total" data-noun="event">7 events</span>' in (
        client.get("/").text)


def test_the_canonical_page_lists_every_mention(store, client):
    wire, daily = ids_of(store, "hawk-wire", "hawk-daily")
    with store.engine.connect() as conn:
        group = canonical_of(conn, [wire])[wire]
    html = client.get(f"/canonical/{group}").text
    block = html.split('id="reported-by"', 1)[1].split("</section>", 1)[0]
    assert "Reported by 2 sources" in block and "(Daily, Wire One)" in block
    for event_id in (wire, daily):
        assert f'href="/events/{event_id}#evidence"' in block
    assert "The sources disagree" in block
    assert client.get("/canonical/999999").status_code == 404


def test_the_api_lists_mentions_unless_asked_to_fold(store, client):
    every = client.get("/api/v1/events").json()["items"]
    assert len(every) == len(ARTICLES) and all("canonical" not in e for e in every)
    folded = client.get("/api/v1/events", params={"rows": "events"}).json()["items"]
    assert [e["event_id"] for e in folded] == expected_rows(store, EventQuery())
    hawk = next(e for e in folded if e["doc"] == "hawk-daily")
    assert hawk["sources"] == 2 and hawk["mention_count"] == 2
    assert hawk["canonical"]["type"] == "aid" and hawk["canonical"]["args"]["recipient"]
    page = client.get("/api/v1/events", params={"rows": "events", "limit": 2})
    assert 'rows=events' in page.headers["Link"]
    assert client.get("/api/v1/events", params={"rows": "bogus"}).status_code in (400, 422)
    exported = client.get("/api/v1/export", params={"format": "csv"}).text
    assert len(list(csv.DictReader(io.StringIO(exported)))) == len(ARTICLES)
