"""Counts cut short at a deadline: the statement stops, the connection stays usable, and a
facet that did not finish is reported as timed out, never with partial counts. Real SQLite
files and a real PostgreSQL database, a store of a few thousand events."""

from __future__ import annotations

import time

import pytest
from bulk_store import many_events
from sqlalchemy import text

from materiel.store import Store, facets
from materiel.store.query import EventQuery
from materiel.store.time_limit import Deadline, TimedOut, within

SLOW = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
        "SELECT count(*) FROM n")
def test_a_statement_past_its_deadline_is_stopped(db_url):
    store = Store.open(db_url)
    with store.engine.connect() as conn:
        started = time.monotonic()
        with pytest.raises(TimedOut), within(conn, Deadline.after(0.05)):
            conn.execute(text(SLOW)).scalar()
        assert time.monotonic() - started < 5  # stopped, not run to its end
        assert conn.execute(text("SELECT 1")).scalar() == 1  # the connection goes on
        with within(conn, Deadline.after(30)):  # in time: the rows as usual
            assert conn.execute(text("SELECT 2")).scalar() == 2
        with pytest.raises(TimedOut), within(conn, Deadline.after(0)):
            conn.execute(text("SELECT 3"))  # no time left: not even started
    store.close()


def test_the_time_limit_is_undone_after_the_block(pg_url):
    store = Store.open(pg_url)
    with store.engine.connect() as conn:
        before = conn.execute(text("SHOW statement_timeout")).scalar()
        with within(conn, Deadline.after(5)):
            assert conn.execute(text("SHOW statement_timeout")).scalar() != before
        assert conn.execute(text("SHOW statement_timeout")).scalar() == before
    store.close()


@pytest.mark.parametrize("q", [EventQuery(), EventQuery(party="peru"),
                               EventQuery(text="drones", type="aid")])
def test_a_facet_over_the_time_limit_is_timed_out_not_wrong(db_url, q):
    store = many_events(db_url)
    facets.clear_cache()
    hurried = facets.count_facets(store, q, time_limit=0.001)
    # six thousand events do not all get counted in a millisecond
    assert hurried.timed_out
    assert set(hurried.facets).isdisjoint(hurried.timed_out)
    assert set(hurried.facets) | set(hurried.timed_out) == set(facets.FACETS)
    facets.clear_cache()
    full = facets.count_facets(store, q)
    assert full.timed_out == () and list(full.facets) == list(facets.FACETS)
    assert full.total == facets.total(full.facets, q)
    for name, values in hurried.facets.items():
        assert values == full.facets[name], name  # what finished is right
    assert hurried.total in (None, full.total)
    # every finished count is kept: with no time at all, the same answer
    assert facets.count_facets(store, q, time_limit=0) == full
    store.close()


def test_finished_counts_are_kept_while_others_time_out(sqlite_url):
    store = many_events(sqlite_url, n_docs=200)
    facets.clear_cache()
    typed = facets.count_facets(store, EventQuery(), facets=("type",))
    later = facets.count_facets(store, EventQuery(), time_limit=0)
    # the type, status, review and confidence facets are counted by one statement
    assert later.timed_out == ("party", "item", "country", "outlet")
    assert later.facets["type"] == typed.facets["type"] and later.total == 800
    assert later.facets["status"] == [facets.FacetValue("done", "done", 800)]
    store.close()
