from __future__ import annotations

import pytest
from sqlalchemy import inspect

from materiel.models import CleanDocument, Document, Provenance, Removal, Sentence, Story
from materiel.store import Store
from materiel.store.schema import SEARCH_COLUMN, metadata

TEXT_A = (
    "The defence ministry signed a contract with a domestic shipyard for four patrol vessels "
    "on Tuesday. The first ship is due in 2027 and the last in 2029, officials said. The deal "
    "also covers training for crews and spare parts for a decade."
)


def make_clean(doc_id: str, text: str, *, path: str = "in.jsonl", record: int | None = 0,
               raw_hash: str = "h0", outlet: str | None = None, url: str | None = None,
               stories: list[Story] | None = None, is_feed: bool = False) -> CleanDocument:
    doc = Document(id=doc_id, text=text, url=url, outlet=outlet, published="2025-01-07",
                   provenance=Provenance(path=path, record=record, content_hash=raw_hash))
    sentences = [Sentence(0, text.index(".") + 1, text[: text.index(".") + 1])]
    return CleanDocument(doc=doc, text=text, sentences=sentences, stories=stories or [],
                         is_feed=is_feed,
                         removed=[Removal("Share this story.", "share prompt", 0, 17)])


@pytest.fixture
def store(db_url):
    s = Store.open(db_url)
    yield s
    s.close()


def add(store: Store, clean: CleanDocument):
    with store.transaction() as conn:
        return store.add(conn, clean)


def test_schema_matches_the_table_definitions(store):
    tables = set(inspect(store.engine).get_table_names())
    assert set(metadata.tables) <= tables
    for name, table in metadata.tables.items():
        columns = {c["name"] for c in inspect(store.engine).get_columns(name)}
        columns.discard(SEARCH_COLUMN)  # PostgreSQL's full-text column, kept by the server
        assert columns == {c.name for c in table.columns}, name


def test_new_then_exact_duplicate_adds_a_source_not_a_document(store):
    first = add(store, make_clean("a", TEXT_A, url="https://one.example/a", outlet="One"))
    again = add(store, make_clean("a", TEXT_A, url="https://one.example/a", outlet="One"))
    other = add(store, make_clean("b", TEXT_A.upper(), path="other.jsonl", raw_hash="h9",
                                  url="https://two.example/b", outlet="Two"))
    assert first.status == "new"
    assert again.status == "duplicate" and not again.new_source
    assert other.status == "duplicate" and other.new_source
    assert other.document_id == first.document_id
    assert store.count_documents() == 1
    stored = store.get_document(first.document_id)
    assert [s["outlet"] for s in stored.sources] == ["One", "Two"]
    assert stored.removals[0]["reason"] == "share prompt"
    assert stored.sentences[0]["end"] > 0


def test_rows_held_for_the_batch_are_written_in_order_with_its_copies(store):
    """A batch holds its new documents' sources and sentences back until its end; a copy in
    the same batch still finds the first source and comes after it."""
    from materiel.store.repository import PendingRows

    pending = PendingRows()
    with store.transaction() as conn:
        first = store.add(conn, make_clean("a", TEXT_A, outlet="One"), pending)
        other = store.add(conn, make_clean("b", "Engineers repaired two bridges near the "
                                           "border this week.", raw_hash="h1"), pending)
        again = store.add(conn, make_clean("a", TEXT_A, outlet="One"), pending)
        copy = store.add(conn, make_clean("c", TEXT_A, path="x.jsonl", raw_hash="h2",
                                          outlet="Two"), pending)
        pending.flush(conn)
    assert (first.status, other.status, again.status, copy.status) == (
        "new", "new", "duplicate", "duplicate")
    assert not again.new_source and copy.new_source
    stored = store.get_document(first.document_id)
    assert [s["outlet"] for s in stored.sources] == ["One", "Two"]
    assert stored.sentences and stored.removals
    assert store.get_document(other.document_id).sentences


def test_near_duplicates_share_a_cluster_that_keeps_every_source(store):
    first = add(store, make_clean("a", TEXT_A, outlet="One"))
    variant = TEXT_A.replace("officials said", "a spokesman said")
    second = add(store, make_clean("b", variant, raw_hash="h1", outlet="Two"))
    unrelated = add(store, make_clean("c", "Artillery crews trained near the border this week "
                                      "while engineers repaired two bridges.", raw_hash="h2"))
    assert second.status == "near_duplicate"
    assert second.cluster_id is not None and second.similarity >= 0.8
    assert unrelated.status == "new" and unrelated.cluster_id is None
    stored = store.get_document(first.document_id)
    assert stored.cluster_id == second.cluster_id
    assert [m["doc_key"] for m in stored.cluster] == ["b"]


def test_feed_items_seen_in_another_document_are_linked(store):
    item = "Norway ordered twelve new coastal radars from a domestic maker on May 2."
    text_one = item + "\nFinland held air defence drills on May 3 with allied crews."
    text_two = "Estonia bought anti-tank mines from a Polish firm on May 4.\n" + item
    one = make_clean("f1", text_one, is_feed=True, stories=[
        Story(0, 0, len(item)), Story(1, len(item) + 1, len(text_one))])
    start = text_two.index(item)
    two = make_clean("f2", text_two, raw_hash="h7", is_feed=True, stories=[
        Story(0, 0, start - 1), Story(1, start, len(text_two))])
    add(store, one)
    add(store, two)
    from sqlalchemy import func, select

    from materiel.store.schema import item_links

    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(item_links)).scalar() == 1


def test_lookup_by_input_id(store):
    result = add(store, make_clean("seed-x", TEXT_A))
    assert store.get_document("seed-x").id == result.document_id
    assert store.get_document("nope") is None


def test_document_flags_are_stored_with_its_events(store):
    clean = make_clean("flagged", TEXT_A)
    clean.doc.extra["flags"] = ["office term: a reason"]
    with store.transaction() as conn:
        result = store.add(conn, clean)
        store.add_events(conn, result.document_id, clean, [])
    assert store.get_document("flagged").flags == ["office term: a reason"]
