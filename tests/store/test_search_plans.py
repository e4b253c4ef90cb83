"""A page of a search that many events match is read by walking the events in order
(`search.is_common`), a rare one by sorting its matches: both give the same events, in
the same order, page after page, as the export's single sorted query."""

from __future__ import annotations

import pytest
from bulk_store import many_events

from materiel.store.query import EventQuery, event_page, iter_events
from materiel.store.search import is_common


@pytest.mark.parametrize("q", [EventQuery(text="drones"), EventQuery(text="drones", type="aid"),
                               EventQuery(text="report 17"), EventQuery(text="nothingness")])
def test_pages_of_a_search_follow_the_sorted_list(db_url, q):
    store = many_events(db_url, n_docs=600)  # 2,400 events, a quarter of them with drones
    with store.engine.connect() as conn:
        common = is_common(conn, q.text or "")
    assert common == (db_url.startswith("sqlite") and "drones" in (q.text or ""))
    paged, cursor = [], None
    while True:
        page = event_page(store, q, limit=100, cursor=cursor)
        paged += [e["event_id"] for e in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert paged == [e["event_id"] for e in iter_events(store, q)]
    assert (len(paged) > 100) == ("drones" in (q.text or ""))
    store.close()
