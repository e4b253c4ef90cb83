"""The ingest job on a local Ray cluster: it stores what one process stores, a killed actor
loses nothing, and a record that kills its actor is rejected alone."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import ray
import ray.cloudpickle
from sqlalchemy import func, select

from materiel.models import CleanDocument, Event
from materiel.pipeline import IngestSummary, ingest, make_extractor
from materiel.scale.ray_ingest import ingest_on_ray
from materiel.store import Store
from materiel.store.schema import documents, events, sources

# The stand-in extractor below goes to the actors by value: they cannot import this module.
ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])

COUNTRIES = ["Norway", "Chile", "Poland", "Japan", "Kenya", "Greece"]
ITEMS = ["patrol boats", "howitzers", "radars", "trainer jets", "drones"]


def article(i: int) -> dict[str, str]:
    country, item = COUNTRIES[i % len(COUNTRIES)], ITEMS[i % len(ITEMS)]
    text = (f"{country} ordered {i + 3} {item} from Kestrel Works on 4 March 2025. "
            f"The deal number {i} is worth ${10 + i} million, the ministry said.")
    if i % 4 == 0:  # some documents with nothing to extract
        text = f"Rain is expected in the valley on day {i}, the weather office said."
    return {"id": f"r{i}", "published": "2025-03-05", "text": text}


def day(path: Path, n: int) -> Path:
    """`n` articles, one of them twice under another id, one with no text, and a line that is
    not JSON."""
    lines = [json.dumps(article(i)) for i in range(n)]
    lines.insert(7, json.dumps(article(5) | {"id": "copy-of-r5"}))
    lines.insert(11, json.dumps({"id": "blank", "text": "   "}))
    lines.insert(15, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


Stored = tuple[list[str], list[tuple[str, str, str, str]], int]


def stored(url: str) -> Stored:
    """Document keys in the order written, each event as (doc key, type, date, summary), and
    the number of sources."""
    store = Store.open(url)
    try:
        with store.engine.connect() as conn:
            keys = [r.doc_key for r in conn.execute(
                select(documents.c.doc_key).order_by(documents.c.id))]
            rows = conn.execute(select(documents.c.doc_key, events.c.type, events.c.date,
                                       events.c.summary).join(events))
            found = sorted((r.doc_key, r.type, r.date or "", r.summary) for r in rows)
            n_sources = conn.execute(select(func.count()).select_from(sources)).scalar_one()
    finally:
        store.close()
    return keys, found, n_sources


def counts(summary: IngestSummary) -> dict[str, Any]:
    return {k: v for k, v in summary.to_json().items() if k != "errors"}


@dataclass
class Reference:
    path: Path
    summary: IngestSummary
    stored: Stored


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """The input, ingested by one process with the real extractor."""
    tmp = tmp_path_factory.mktemp("reference")
    path = day(tmp / "day.jsonl", 24)
    url = f"sqlite:///{tmp / 'one.db'}"
    store = Store.open(url)
    try:
        summary = ingest([str(path)], store, extractor=make_extractor(), batch_size=4)
    finally:
        store.close()
    return Reference(path, summary, stored(url))


def on_ray(path: Path, url: str, **kwargs: Any) -> IngestSummary:
    store = Store.open(url)
    try:
        return ingest_on_ray([str(path)], store, workers=2, batch_size=4, **kwargs)
    finally:
        store.close()


def real_extractor() -> Any:
    return make_extractor()


def test_ray_stores_what_one_process_stores(ray_here, reference, target_url):
    assert reference.summary.new == 24 and reference.summary.duplicate == 1
    assert reference.summary.rejected == 2 and len(reference.stored[1]) >= 12
    summary = on_ray(reference.path, target_url, extractor_factory=real_extractor)
    assert counts(summary) == counts(reference.summary)
    assert stored(target_url) == reference.stored  # same documents, in input order, same events


def _actors() -> list[str]:
    return sorted(name for name in ray.util.list_named_actors()
                  if name.startswith("materiel-ingest-"))


def test_killed_actors_lose_nothing_and_a_rerun_adds_nothing(ray_here, reference, target_url):
    killed: list[str] = []

    def kill_actors(summary: IngestSummary) -> None:
        # after the first partition is written, with the next ones in flight: one actor is
        # killed and Ray starts it again; halfway, the other dies for good and is replaced
        if not killed:
            killed.append(_actors()[0])
            ray.kill(ray.get_actor(killed[0]), no_restart=False)
        elif len(killed) == 1 and summary.read >= 12:
            killed.append(next(a for a in _actors() if a != killed[0]))
            ray.kill(ray.get_actor(killed[1]), no_restart=True)

    first = on_ray(reference.path, target_url, extractor_factory=real_extractor,
                   on_document=kill_actors)
    assert len(killed) == 2
    assert counts(first) == counts(reference.summary)
    keys, found, n_sources = stored(target_url)
    assert len(keys) == len(set(keys))  # no document twice
    assert (keys, found, n_sources) == reference.stored

    # the same input again (with the quick stand-in for the parser): nothing is stored twice
    again = on_ray(reference.path, target_url, extractor_factory=stand_in_extractor)
    assert (again.new, again.duplicate, again.events) == (0, 25, 0)
    assert stored(target_url) == reference.stored


class StandInExtractor:
    """A quick stand-in for the parser: one event per order; the process dies on a
    document that says CRASH."""

    def extract_many(self, clean_docs: Iterable[CleanDocument]
                     ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        for doc in clean_docs:
            if "CRASH" in doc.text:
                os.kill(os.getpid(), signal.SIGKILL)
            yield doc, ([Event(doc=doc.doc.id, type="procurement", evidence=doc.text[:40])]
                        if "ordered" in doc.text else [])


def stand_in_extractor() -> StandInExtractor:
    """Runs in each actor, which then needs no parser for quotes either."""
    from materiel import pipeline

    pipeline.quotes_of = lambda clean_doc: []  # type: ignore[assignment]
    return StandInExtractor()


def test_a_record_that_kills_its_actor_is_rejected_alone(ray_here, tmp_path, target_url):
    records = [article(i) for i in range(9)]
    records[5]["text"] = "CRASH " + records[5]["text"]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    lines: list[str] = []
    summary = on_ray(path, target_url, extractor_factory=stand_in_extractor,
                     summary=IngestSummary(on_reject=lines.append))
    assert summary.read == 9 and summary.rejected == 1
    assert "crashed its worker" in lines[0] and "in.jsonl:6" in lines[0]
    keys, found, _ = stored(target_url)
    assert keys == [f"r{i}" for i in range(9) if i != 5]
    assert len(found) == 5  # the orders of the stored documents (the weather reports have none)
