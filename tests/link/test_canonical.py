"""Canonical events in a real store (SQLite, and PostgreSQL when configured): written by
the ingest path, the same whatever order the documents come in, undoable by a reviewer."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from materiel.link import records
from materiel.link.review import attach, detach
from materiel.models import Argument, CleanDocument, Event
from materiel.pipeline import ingest
from materiel.review.audit import event_entries
from materiel.store import Store
from materiel.store.schema import canonical_events, canonical_members, documents, events

US = Argument("the United States", id="country:US")
UA = Argument("Ukraine", id="country:UA")
IN = Argument("India", id="country:IN")

# doc id -> (published, outlet, text, events as (type, date, status, args))
ARTICLES = {
    "a1": ("2022-11-04", "wire", "Washington pledged a $400 million package of HAWK missiles "
           "to Ukraine on Friday.",
           [("aid", "2022-11-04", "announced", {
               "donor": [US], "recipient": [UA], "item": [Argument("HAWK missiles")],
               "value": [Argument("$400 million", value=400e6, currency="USD")]})]),
    "a2": ("2022-11-05", "daily", "The United States will send HAWK missiles worth "
           "$425 million to Ukraine, officials said.",
           [("aid", "2022-11-04", "announced", {
               "donor": [US], "recipient": [UA], "item": [Argument("HAWK missiles")],
               "value": [Argument("$425 million", value=425e6, currency="USD")]})]),
    "a3": ("2022-11-24", "wire", "A second $400 million package for Ukraine brings NASAMS "
           "munitions.",
           [("aid", "2022-11-23", "announced", {
               "donor": [US], "recipient": [UA], "item": [Argument("NASAMS munitions")],
               "value": [Argument("$400 million", value=400e6, currency="USD")]})]),
    "b1": ("2023-03-02", "defence", "India signed a contract for twelve Su-30 fighters.",
           [("procurement", "2023-03-01", "done", {
               "buyer": [IN], "item": [Argument("Su-30 fighters", id="equipment:su-30")],
               "quantity": [Argument("twelve", value=12.0)]})]),
    "b2": ("2023-03-20", "defence", "The first Su-30 fighters were delivered to India.",
           [("procurement", "2023-03-19", "done", {
               "buyer": [IN], "item": [Argument("Su-30 fighters", id="equipment:su-30")]})]),
}


class Scripted:
    """An extractor that returns the events written above for each article."""

    def extract_many(self, clean_docs: Iterable[CleanDocument]
                     ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        for clean in clean_docs:
            found = [Event(doc=clean.doc.id, type=t, date=d, status=s, args=dict(args),
                           evidence=clean.text, evidence_start=0, evidence_end=len(clean.text),
                           confidence=0.9)
                     for t, d, s, args in ARTICLES[clean.doc.id][3]]
            yield clean, found


def write_articles(path: Path, order: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for key in order:
            published, outlet, text, _ = ARTICLES[key]
            fh.write(json.dumps({"id": key, "published": published, "outlet": outlet,
                                 "title": f"Story {key}", "text": text}) + "\n")
    return path


def ingest_in(url: str, path: Path, batch_size: int = 1) -> Store:
    store = Store.open(url)
    ingest([str(path)], store, extractor=Scripted(), batch_size=batch_size)
    return store


def partition(store: Store) -> set[frozenset[str]]:
    """Canonical events as sets of the documents behind them."""
    groups: dict[int, set[str]] = {}
    with store.engine.connect() as conn:
        rows = conn.execute(select(canonical_members.c.canonical_id, documents.c.doc_key)
                            .join(events, events.c.id == canonical_members.c.event_id)
                            .join(documents, documents.c.id == events.c.document_id))
        for canonical_id, doc in rows:
            groups.setdefault(canonical_id, set()).add(doc)
    return {frozenset(g) for g in groups.values()}


def all_records(store: Store) -> list[dict]:
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(select(canonical_events.c.id))]
        return sorted(records(conn, ids).values(), key=lambda r: r["canonical_id"])


@pytest.fixture
def store(db_url, tmp_path) -> Iterator[Store]:
    opened = ingest_in(db_url, write_articles(tmp_path / "in.jsonl", list(ARTICLES)))
    yield opened
    opened.close()


def test_reports_of_one_event_become_one_canonical_event(store):
    assert partition(store) == {frozenset({"a1", "a2"}), frozenset({"a3"}),
                                frozenset({"b1"}), frozenset({"b2"})}
    package = next(r for r in all_records(store) if r["sources"] == 2)
    assert [m["doc"] for m in package["mentions"]] == ["a1", "a2"]
    assert {m["outlet"] for m in package["mentions"]} == {"wire", "daily"}
    # conflicting amounts side by side, the more precise one as the value
    assert package["args"]["value"][0]["value"] == 425e6
    assert [c["value"] for c in package["conflicts"]["value"]] == ["425000000 USD",
                                                                   "400000000 USD"]
    assert package["conflicts"]["value"][1]["sources"] == ["a1"]


def test_an_order_and_its_delivery_are_linked_not_merged(store):
    by_doc = {r["mentions"][0]["doc"]: r for r in all_records(store)}
    assert by_doc["b1"]["story"]["later"] == [by_doc["b2"]["canonical_id"]]
    assert by_doc["b2"]["story"]["earlier"] == [by_doc["b1"]["canonical_id"]]


def test_the_same_events_whatever_the_order(sqlite_url, tmp_path):
    forward = ingest_in(sqlite_url, write_articles(tmp_path / "f.jsonl", list(ARTICLES)))
    other_url = f"sqlite:///{tmp_path / 'other.db'}"
    backward = ingest_in(other_url, write_articles(tmp_path / "b.jsonl",
                                                   list(reversed(ARTICLES))), batch_size=3)
    try:
        assert partition(forward) == partition(backward)
        def values(store: Store) -> list[str]:
            return sorted(json.dumps([r["date"], r["args"], r["conflicts"]], sort_keys=True)
                          for r in all_records(store))

        assert values(forward) == values(backward)
    finally:
        forward.close()
        backward.close()


def test_a_new_document_joins_without_relinking_the_rest(store, tmp_path):
    before = {r["canonical_id"] for r in all_records(store)}
    ARTICLES["a4"] = ("2022-11-05", "radio", "Ukraine is getting $400 million in HAWK missiles "
                      "from the United States.", ARTICLES["a1"][3])
    try:
        ingest([str(write_articles(tmp_path / "more.jsonl", ["a4"]))], store,
               extractor=Scripted())
    finally:
        del ARTICLES["a4"]
    after = all_records(store)
    assert {r["canonical_id"] for r in after} == before
    assert max(r["sources"] for r in after) == 3


def test_a_reviewer_undoes_a_merge_and_it_stays_undone(store, tmp_path):
    with store.transaction() as conn:
        event_id = conn.execute(select(events.c.id).join(documents).where(
            documents.c.doc_key == "a2")).scalar_one()
        merged_into = conn.execute(select(canonical_members.c.canonical_id).where(
            canonical_members.c.event_id == event_id)).scalar_one()
        alone = detach(conn, event_id, "reviewer", reason="different package")
    assert partition(store) >= {frozenset({"a1"}), frozenset({"a2"})}
    with store.engine.connect() as conn:
        entry = event_entries(conn, event_id)[-1]
    assert (entry["action"], entry["field"], entry["before"], entry["after"]) == (
        "unmerge", "canonical", merged_into, alone)
    ARTICLES["a4"] = ("2022-11-05", "radio", "Ukraine gets $425 million in HAWK missiles "
                      "from the United States.", ARTICLES["a2"][3])
    try:  # a later report of the package does not pull the detached event back
        ingest([str(write_articles(tmp_path / "more.jsonl", ["a4"]))], store,
               extractor=Scripted())
    finally:
        del ARTICLES["a4"]
    assert frozenset({"a2"}) in partition(store)
    with store.transaction() as conn:
        attach(conn, event_id, merged_into, "reviewer", reason="it was the same")
    assert frozenset({"a1", "a2", "a4"}) in partition(store)


def test_events_command_lists_real_events_with_their_sources(store):
    from typer.testing import CliRunner

    from materiel.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["events", "--type", "aid", "--json", "--db", store.url])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert sorted(r["sources"] for r in lines) == [1, 2]
    both = next(r for r in lines if r["sources"] == 2)
    assert sorted(m["doc"] for m in both["mentions"]) == ["a1", "a2"]
    assert {"sentence", "outlet", "published", "evidence"} <= set(both["mentions"][0])
    old = runner.invoke(app, ["events", "--type", "aid", "--mentions", "--db", store.url])
    assert old.exit_code == 0 and old.stdout.count("\u201c") == 3
    table = runner.invoke(app, ["events", "--type", "aid", "--db", store.url])
    assert table.stdout.count("\u201c") == 2 and "2 sources: daily, wire" in table.stdout
