"""Canonical events kept up to date in a real store (SQLite, and PostgreSQL when configured):
re-extraction recomputes them from their current members, a vague report joins the one
package it fits whatever order the reports arrive in, and a reviewer's undo holds."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import permutations
from pathlib import Path

import pytest
from sqlalchemy import func, select

from materiel.link import records
from materiel.link.canonical import relink
from materiel.link.review import detach
from materiel.models import Argument, CleanDocument, Event
from materiel.pipeline import ingest
from materiel.review import actions
from materiel.store import Store
from materiel.store.schema import (
    canonical_events,
    canonical_members,
    documents,
    events,
    link_relations,
    story_links,
)

US = Argument("the United States", id="country:US")
UA = Argument("Ukraine", id="country:UA")
IN = Argument("India", id="country:IN")


def usd(millions: int) -> Argument:
    return Argument(f"${millions} million", value=millions * 1e6, currency="USD")


def aid(date: str, millions: int | None, item: str) -> tuple[str, str, str, dict]:
    args = {"donor": [US], "recipient": [UA], "item": [Argument(item)]}
    if millions is not None:
        args["value"] = [usd(millions)]
    return ("aid", date, "announced", args)


# doc id -> (published, text); the events each scripted extraction finds are given apart
TEXTS = {
    "w1": ("2022-11-04", "On 4 November Washington sent HAWK missiles worth $400 million."),
    "w2": ("2022-11-05", "On 4 November the US pledged HAWK missiles, $425 million."),
    "w3": ("2022-11-24", "On 23 November another $400 million, for NASAMS munitions."),
    "w4": ("2022-11-30", "In November the United States gave $400 million of HAWK missiles."),
    "o1": ("2023-03-02", "On 1 March India signed a contract for twelve Su-30 fighters."),
    "o2": ("2023-03-20", "On 19 March the first Su-30 fighters were delivered to India."),
}
SU30 = [Argument("Su-30 fighters", id="equipment:su-30")]
FOUND = {
    "w1": [aid("2022-11-04", 400, "HAWK missiles")],
    "w2": [aid("2022-11-04", 425, "HAWK missiles")],
    "w3": [aid("2022-11-23", 400, "NASAMS munitions")],
    # a vague report (month only) that fits the first package and the second one's amount
    "w4": [aid("2022-11", 400, "HAWK missiles")],
    "o1": [("procurement", "2023-03-01", "done", {"buyer": [IN], "item": SU30,
                                                  "quantity": [Argument("twelve", value=12)]})],
    "o2": [("procurement", "2023-03-19", "done", {"buyer": [IN], "item": SU30})],
}


class Scripted:
    """An extractor that returns the events `found` gives for each document."""

    def __init__(self, found: dict[str, list[tuple[str, str, str, dict]]]):
        self.found = found

    def extract_many(self, clean_docs: Iterable[CleanDocument]
                     ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        for clean in clean_docs:
            yield clean, [Event(doc=clean.doc.id, type=t, date=d, status=s, args=dict(a),
                                evidence=clean.text, evidence_start=0,
                                evidence_end=len(clean.text), confidence=0.9)
                          for t, d, s, a in self.found.get(clean.doc.id, [])]


def write(path: Path, order: Iterable[str]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for key in order:
            published, text = TEXTS[key]
            fh.write(json.dumps({"id": key, "published": published, "title": f"Story {key}",
                                 "text": text, "outlet": f"outlet-{key}"}) + "\n")
    return path


def partition(store: Store) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    with store.engine.connect() as conn:
        for canonical_id, doc in conn.execute(
                select(canonical_members.c.canonical_id, documents.c.doc_key)
                .join(events, events.c.id == canonical_members.c.event_id)
                .join(documents, documents.c.id == events.c.document_id)):
            groups.setdefault(canonical_id, set()).add(doc)
    return {frozenset(g) for g in groups.values()}


def all_records(store: Store) -> dict[frozenset[str], dict]:
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(select(canonical_events.c.id))]
        found = records(conn, ids).values()
    return {frozenset(m["doc"] for m in r["mentions"]): r for r in found}


def stories(store: Store) -> set[tuple[frozenset[str], frozenset[str]]]:
    by_id = {r["canonical_id"]: docs for docs, r in all_records(store).items()}
    with store.engine.connect() as conn:
        return {(by_id[e], by_id[later]) for e, later in conn.execute(select(story_links))}


@pytest.fixture
def store(db_url, tmp_path) -> Iterator[Store]:
    opened = Store.open(db_url)
    ingest([str(write(tmp_path / "in.jsonl", TEXTS))], opened, extractor=Scripted(FOUND))
    yield opened
    opened.close()


def test_reports_of_one_package_become_one_event_and_a_vague_one_joins_it(store):
    assert partition(store) == {frozenset({"w1", "w2", "w4"}), frozenset({"w3"}),
                                frozenset({"o1"}), frozenset({"o2"})}
    assert stories(store) == {(frozenset({"o1"}), frozenset({"o2"}))}
    package = all_records(store)[frozenset({"w1", "w2", "w4"})]
    assert package["sources"] == 3 and package["date"] == "2022-11-04"
    assert [c["value"] for c in package["conflicts"]["value"]] == ["425000000 USD",
                                                                   "400000000 USD"]


def test_the_same_events_whatever_order_the_documents_come_in(sqlite_url, tmp_path):
    results = []
    for n, order in enumerate(list(permutations(["w1", "w2", "w3", "w4"]))[::5]):
        opened = Store.open(f"sqlite:///{tmp_path / f'order{n}.db'}")
        try:
            for key in order:  # one ingest run per document: linking is incremental
                ingest([str(write(tmp_path / f"{n}-{key}.jsonl", [key]))], opened,
                       extractor=Scripted(FOUND))
            results.append({docs: (r["date"], r["args"], r["conflicts"])
                            for docs, r in all_records(opened).items()})
        finally:
            opened.close()
    assert len(results) == 5 and all(r == results[0] for r in results)


def test_reextraction_recomputes_the_canonical_event_from_its_current_members(store, tmp_path):
    agreeing = dict(FOUND, w2=[aid("2022-11-04", 400, "HAWK missiles")])
    ingest([str(write(tmp_path / "again.jsonl", ["w2"]))], store,
           extractor=Scripted(agreeing), reextract=True)
    package = all_records(store)[frozenset({"w1", "w2", "w4"})]
    assert package["conflicts"] == {} and package["args"]["value"][0]["value"] == 400e6

    gone = dict(FOUND, w2=[], o2=[])  # w2 no longer reports the package; o2 reports nothing
    ingest([str(write(tmp_path / "gone.jsonl", ["w2", "o2"]))], store,
           extractor=Scripted(gone), reextract=True)
    assert partition(store) == {frozenset({"w1", "w4"}), frozenset({"w3"}),
                                frozenset({"o1"})}
    assert all_records(store)[frozenset({"w1", "w4"})]["sources"] == 2
    assert stories(store) == set()
    with store.engine.connect() as conn:
        empty = conn.execute(select(func.count()).select_from(canonical_events).where(
            ~canonical_events.c.id.in_(select(canonical_members.c.canonical_id)))).scalar()
    assert empty == 0  # no canonical event is left without members


def test_reextraction_that_removes_a_bridge_splits_what_it_held_together(store, tmp_path):
    # w4 alone ties nothing here, but once w1 is gone w2 and w4 still match: they stay one
    ingest([str(write(tmp_path / "w1.jsonl", ["w1"]))], store,
           extractor=Scripted(dict(FOUND, w1=[])), reextract=True)
    assert frozenset({"w2", "w4"}) in partition(store)
    # and once w4 says NASAMS on the 23rd it joins the second package instead
    moved = dict(FOUND, w4=[aid("2022-11-23", 400, "NASAMS munitions")])
    ingest([str(write(tmp_path / "w4.jsonl", ["w4"]))], store,
           extractor=Scripted(moved), reextract=True)
    assert {frozenset({"w2"}), frozenset({"w3", "w4"})} <= partition(store)


def test_a_reviewer_detach_survives_relinking(store, tmp_path):
    with store.transaction() as conn:
        event_id = conn.execute(select(events.c.id).join(documents).where(
            documents.c.doc_key == "w4")).scalar_one()
        detach(conn, event_id, "reviewer", reason="a round-up, not the package")
    assert frozenset({"w4"}) in partition(store)
    ingest([str(write(tmp_path / "again.jsonl", ["w1", "w2"]))], store,
           extractor=Scripted(FOUND), reextract=True)
    assert {frozenset({"w4"}), frozenset({"w1", "w2"})} <= partition(store)


def test_a_group_too_large_to_partition_keeps_its_canonical_events_whole(store, tmp_path):
    before = partition(store)
    with store.transaction() as conn:
        w4 = conn.execute(select(events.c.id).join(documents).where(
            documents.c.doc_key == "w4")).scalar_one()
        conn.execute(canonical_members.delete().where(canonical_members.c.event_id == w4))
        relink(conn, [w4], limit=1)  # w4 joins its best match; nothing else moves
    assert partition(store) == before


def _event_of(conn, doc_key: str) -> int:
    return conn.execute(select(events.c.id).join(documents).where(
        documents.c.doc_key == doc_key)).scalar_one()


def test_a_reviewer_edit_relinks_the_event_and_undo_brings_it_back(store):
    with store.engine.connect() as conn:
        w4 = _event_of(conn, "w4")
    roles = {"donor": [{"text": "the United States", "id": "country:US"}],
             "recipient": [{"text": "India", "id": "country:IN"}],
             "item": [{"text": "HAWK missiles"}],
             "value": [{"text": "$400 million", "value": 400e6, "currency": "USD"}]}
    actions.edit(store, w4, "reviewer", actions.EventEdit(roles=roles))
    assert frozenset({"w4"}) in partition(store)  # no longer the package given to Ukraine
    assert all_records(store)[frozenset({"w4"})]["args"]["recipient"][0]["id"] == "country:IN"
    bought = {"buyer": [{"text": "India", "id": "country:IN"}],
              "item": [{"text": "HAWK missiles"}]}
    actions.edit(store, w4, "reviewer", actions.EventEdit(type="procurement", roles=bought))
    with store.engine.connect() as conn:
        types = {r.event_id: r.type for r in conn.execute(
            select(canonical_members.c.event_id, canonical_events.c.type).join(canonical_events))}
    assert types[w4] == "procurement"  # the canonical event follows its member's new type
    actions.undo(store, w4, "reviewer")
    actions.undo(store, w4, "reviewer")
    assert frozenset({"w1", "w2", "w4"}) in partition(store)


def test_an_event_a_reviewer_adds_joins_the_event_it_reports(store, tmp_path):
    path = tmp_path / "x1.jsonl"
    path.write_text(json.dumps({"id": "x1", "published": "2022-11-06", "title": "Story x1",
                                "text": "Washington pledged HAWK missiles worth $400 million "
                                        "to Kyiv on 4 November.", "outlet": "outlet-x1"}) + "\n")
    ingest([str(path)], store, extractor=Scripted({}))
    with store.engine.connect() as conn:
        doc_id = conn.execute(select(documents.c.id).where(
            documents.c.doc_key == "x1")).scalar_one()
    roles = {"donor": [{"text": "Washington", "id": "country:US"}],
             "recipient": [{"text": "Kyiv", "id": "country:UA"}],
             "item": [{"text": "HAWK missiles"}],
             "value": [{"text": "$400 million", "value": 400e6, "currency": "USD"}]}
    added = actions.add_event(store, "reviewer", actions.NewEvent(
        document_id=doc_id, sentence=0, type="aid", date="2022-11-04", status="announced",
        roles=roles))
    assert frozenset({"w1", "w2", "w4", "x1"}) in partition(store)
    actions.undo(store, added, "reviewer")  # undoing the addition removes the event again
    assert frozenset({"w1", "w2", "w4"}) in partition(store)


def test_matches_are_kept_and_a_store_linked_before_they_were_still_links(store, tmp_path):
    with store.engine.connect() as conn:
        kept = conn.execute(select(func.count()).select_from(link_relations)).scalar()
        compared = set(conn.execute(select(canonical_members.c.compared)).scalars())
    assert kept and compared == {True}
    before = partition(store)
    with store.transaction() as conn:  # as the migration leaves a store linked before
        conn.execute(link_relations.delete())
        conn.execute(canonical_members.update().values(compared=False))
    ingest([str(write(tmp_path / "again.jsonl", ["w4", "o2"]))], store,
           extractor=Scripted(FOUND), reextract=True)
    assert partition(store) == before
    assert stories(store) == {(frozenset({"o1"}), frozenset({"o2"}))}
