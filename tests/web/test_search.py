"""Full-text search (migration 0004) on SQLite and PostgreSQL: filled from the rows stored
before it, kept in step with later writes, hits marked."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, update

from materiel.models import Argument, CleanDocument, Document, Event, Provenance, Sentence
from materiel.store import Store, db
from materiel.store.schema import documents
from materiel.store.schema import events as events_table
from materiel.store.search import (
    MARK_CLOSE,
    MARK_OPEN,
    event_matches,
    fts5_query,
    highlight_evidence,
    search_documents,
    split_marks,
)

TEXT = "Norway ordered six submarines from a German yard. Crews train in Kiel from spring."


def add(store: Store, key: str, text: str, title: str | None = None) -> int:
    doc = Document(id=key, text=text, title=title,
                   provenance=Provenance(path=f"{key}.jsonl", record=0, content_hash=key))
    first = text.index(".") + 1
    clean = CleanDocument(doc=doc, text=text, sentences=[Sentence(0, first, text[:first])])
    found = Event(doc=key, type="procurement", args={"buyer": [Argument("Norway")]},
                  evidence=text[:first], evidence_start=0, evidence_end=first,
                  summary=f"event of {key}")
    with store.transaction() as conn:
        doc_id = store.add(conn, clean).document_id
        store.add_events(conn, doc_id, clean, [found])
    return doc_id


def found_keys(store: Store, query: str) -> list[str]:
    with store.engine.connect() as conn:
        return [hit.doc_key for hit in search_documents(conn, query)]


def matching_events(store: Store, query: str) -> set[int]:
    with store.engine.connect() as conn:
        rows = conn.execute(events_table.select().where(event_matches(conn, query)))
        return {r.id for r in rows}


def test_rows_stored_before_the_migration_are_indexed(db_url):
    engine = db.make_engine(db.to_url(db_url))
    db.migrate(engine, "0003")
    old = Store(engine, db.to_url(db_url))
    add(old, "before", TEXT)
    db.migrate(engine)
    store = Store.open(db_url)
    assert found_keys(store, "submarines") == ["before"]
    assert len(matching_events(store, "submarine")) == 1
    store.close()
    engine.dispose()


def test_the_index_follows_inserts_updates_and_deletes(db_url):
    store = Store.open(db_url)
    first = add(store, "one", TEXT, title="Nordic navy news")
    add(store, "two", "Chile bought two frigates from a British yard. More follow.")
    assert found_keys(store, "frigates") == ["two"]
    assert found_keys(store, "nordic navy") == ["one"]
    assert found_keys(store, '"navy nordic"') == []  # a quoted phrase keeps its order
    with store.transaction() as conn:
        conn.execute(update(documents).where(documents.c.id == first).values(title="Arctic"))
    assert found_keys(store, "nordic") == [] and found_keys(store, "arctic") == ["one"]
    with store.transaction() as conn:
        conn.execute(delete(documents).where(documents.c.id == first))
    assert found_keys(store, "submarines") == [] and matching_events(store, "submarines") == set()
    store.close()


def test_hits_are_marked_in_evidence_and_excerpts(db_url):
    store = Store.open(db_url)
    add(store, "one", TEXT)
    with store.engine.connect() as conn:
        event_id = conn.execute(events_table.select()).one().id
        marked = highlight_evidence(conn, "submarine", [event_id])
        assert split_marks(marked[event_id]) == [
            ("Norway ordered six ", False), ("submarines", True),
            (" from a German yard.", False)]
        assert highlight_evidence(conn, "Kiel", [event_id]) == {}  # not in the evidence
        hit = search_documents(conn, "kiel")[0]
    assert f"{MARK_OPEN}Kiel{MARK_CLOSE}" in hit.snippet
    store.close()


@pytest.mark.parametrize("query, expected", [
    ("howitzer", '"howitzer"'),
    ('"air defence" Ukraine', '"air defence" "Ukraine"'),
    ("AND OR (NEAR", '"AND" "OR" "NEAR"'),
    ("*** ---", None),
    ("", None),
])
def test_searches_become_safe_fts5_expressions(query, expected):
    assert fts5_query(query) == expected


def test_marks_split_into_pieces_even_when_unbalanced():
    assert split_marks(f"a{MARK_OPEN}b{MARK_CLOSE}c") == [("a", False), ("b", True), ("c", False)]
    assert split_marks(f"{MARK_CLOSE}a{MARK_OPEN}b") == [("a", False), ("b", True)]
