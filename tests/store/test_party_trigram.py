"""Migration 0011: on PostgreSQL, trigram indexes that serve a party or item given as text
(the feed's `lower(text) LIKE '%x%'`); without the right to create pg_trgm the migration
still succeeds, leaving them out; on SQLite it changes nothing."""

from __future__ import annotations

import logging

from bulk_store import many_events
from sqlalchemy import insert, inspect, select, text

from materiel.store import Store, db
from materiel.store.events import PARTY_ROLES
from materiel.store.query import EventQuery, count_events, filter_conditions, iter_events
from materiel.store.schema import event_args, events

TRIGRAM_INDEXES = {"ix_event_args_text_trgm", "ix_event_args_name_trgm"}


def _indexes(store: Store) -> set[str]:
    return {ix["name"] for ix in inspect(store.engine).get_indexes("event_args")}


def _plan_of_text_party(store: Store, needle: str) -> str:
    """The plan of the statement that looks a text party up for every event (the facet
    counts'), as the application binds it, with sequential scans ruled out (a table this
    small is cheaper to read whole)."""
    with store.engine.connect() as conn:
        # rows written after an index was made wait in its pending list until a vacuum
        for name in TRIGRAM_INDEXES:
            conn.execute(text("SELECT gin_clean_pending_list(CAST(:ix AS regclass))"),
                         {"ix": name})
        conn.exec_driver_sql("ANALYZE events, event_args")
        q = EventQuery(party=needle, all_copies=True)
        stmt = select(events.c.id).where(*filter_conditions(conn, q, every=True))
        compiled = stmt.compile(conn, compile_kwargs={"render_postcompile": True})
        conn.exec_driver_sql("SET enable_seqscan = off")
        rows = conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params)
        return "\n".join(row[0] for row in rows)


def _names_matching(store: Store, needle: str) -> set[int]:
    return {e["event_id"] for e in iter_events(store, EventQuery(all_copies=True))
            if any(needle.lower() in (a.get("name") or a.get("text") or "").lower()
                   for role, values in e["args"].items() if role in PARTY_ROLES
                   for a in values)}


def _add_rare_party(store: Store, name: str, event_ids: list[int]) -> None:
    """Events of document 1 with `name` as their buyer: a party few arguments name."""
    with store.transaction() as conn:
        conn.execute(insert(events), [
            {"id": i, "document_id": 1, "type": "procurement", "date": "2025-06",
             "status": "done", "evidence": "A rare buyer.", "evidence_start": 0,
             "evidence_end": 13, "sentence_idx": 0, "summary": "A rare buyer.",
             "confidence": 0.5, "flags": "[]"} for i in event_ids])
        conn.execute(insert(event_args), [
            {"event_id": i, "role": "buyer", "idx": 0, "text": f"the {name} navy",
             "name": None, "entity_id": None, "value": None, "currency": None,
             "start": None, "end": None} for i in event_ids])


def test_postgresql_text_party_filter_uses_the_trigram_index(pg_url):
    store = many_events(pg_url, n_docs=300)
    _add_rare_party(store, "Montenegrin", [5001, 5002, 5003])
    assert _indexes(store) >= TRIGRAM_INDEXES
    plan = _plan_of_text_party(store, "Montenegr")
    assert "ix_event_args_text_trgm" in plan and "ix_event_args_name_trgm" in plan, plan
    for needle in ("mONTENEGR", "Norw"):  # rare and common: the same events as by reading all
        q = EventQuery(party=needle, all_copies=True)
        found = {e["event_id"] for e in iter_events(store, q)}
        assert found == _names_matching(store, needle) and found
        assert count_events(store, q) == len(found)
    store.close()


def test_postgresql_without_the_right_to_create_pg_trgm_the_migration_goes_on(pg_url, caplog):
    name = pg_url.rpartition("/")[2]
    engine = db.make_engine(db.to_url(pg_url))
    with engine.begin() as conn:  # the owner gives up CREATE on its own database
        conn.execute(text(f'REVOKE CREATE ON DATABASE "{name}" FROM CURRENT_USER'))
    with caplog.at_level(logging.WARNING, logger="materiel.store.migrations"):
        db.migrate(engine)
    engine.dispose()
    assert "pg_trgm could not be created" in caplog.text
    store = many_events(pg_url, n_docs=50)
    assert db.current_revision(store.engine) == db.head_revision()
    assert not TRIGRAM_INDEXES & _indexes(store)
    found = {e["event_id"] for e in iter_events(store, EventQuery(party="peru", all_copies=True))}
    assert found == _names_matching(store, "Peru") and found
    store.close()


def test_postgresql_downgrade_drops_the_indexes(pg_url):
    store = Store.open(pg_url)
    db.migrate_down(store.engine, "0010")
    assert not TRIGRAM_INDEXES & _indexes(store)
    db.migrate(store.engine)
    assert _indexes(store) >= TRIGRAM_INDEXES
    store.close()


def test_sqlite_is_left_as_it_was(sqlite_url):
    store = Store.open(sqlite_url)
    assert not TRIGRAM_INDEXES & _indexes(store)
    with store.engine.connect() as conn:
        names = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
    assert not any("trgm" in n for n in names)
    store.close()
